// expected-value alone on the site's embed page: dragging face 6's bar and the arrow keys reshape
// the die; the live summary's E[X] and σ are recomputed here from the figure's state; the native
// "n" control rolls, and the running mean the summary states is the mean of the faces in the CSV; a
// copied link restores the state (seed included); Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="expected-value"]';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// E[X] and σ of the die the state describes (weights p1 … p6, defaults the loaded die).
function moments(state) {
  const defaults = [0.1, 0.1, 0.1, 0.1, 0.2, 0.4];
  const w = defaults.map((d, i) => Number(state.get(`p${i + 1}`) ?? d));
  const sum = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / sum);
  const e = p.reduce((s, x, i) => s + x * (i + 1), 0);
  const v = p.reduce((s, x, i) => s + x * (i + 1 - e) ** 2, 0);
  return `A die with E[X] = ${formatNumber(e)} and \u03c3 = ${formatNumber(Math.sqrt(v))}.`;
}

test("expected-value: drag, keys, live summary, rolls from the controls, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "expected-value");
  try {
    await liveSummary(page, figure, /^A die with E\[X\] = 4\.4 and σ = 1\.74\. After 100 rolls/);

    // Face 6's handle: the orange (#E69F00) pill on the tallest bar, top right of the plots.
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0.53, 0.05, 0.66, 0.4], 28, 2);
    assert.ok(handle, "face 6's handle not found");
    await drag(page, handle.x, handle.y, 0, 50);
    let state = await figureState(figure);
    assert.ok(Number(state.get("p6")) < 0.4, `dragging face 6 down lowers it: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.startsWith(moments(state)));
    assert.equal(await controlValue(figure, "p-p6"), state.get("p6"), "the native control follows the drag");

    // Keyboard: face 6 stays selected; ↑ raises it again.
    const before = Number(state.get("p6"));
    await pressKeys(page, figure, ["ArrowUp", "ArrowUp"]);
    state = await figureState(figure);
    assert.ok(Number(state.get("p6")) > before, `↑ raised p6: ${before} → ${state.get("p6")}`);
    await liveSummary(page, figure, (text) => text.startsWith(moments(state)));

    // The native control for n: 37 rolls. The summary's running mean is the mean of the CSV's faces.
    await controlValue(figure, "p-n");
    await figure.locator("#p-n").fill("37");
    await figure.locator("#p-n").press("Enter");
    await page.waitForFunction((el) => /(^|&)n=37(&|$)/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    const csv = await downloadCsv(page, figure);
    assert.equal(csv.name, "expected-value.csv");
    const faces = parseCsv(csv.text).column("face").map(Number);
    assert.equal(faces.length, 37);
    assert.ok(faces.every((f) => Number.isInteger(f) && f >= 1 && f <= 6), "faces are 1 … 6");
    const mean = faces.reduce((a, b) => a + b, 0) / faces.length;
    await liveSummary(page, figure, (text) => text.includes(`After 37 rolls the running mean is ${formatNumber(mean)},`));

    // A new seed draws other rolls; the link carries it, so the linked page replays the same ones.
    await figure.locator("#p-seed").fill("7");
    await figure.locator("#p-seed").press("Enter");
    await page.waitForFunction((el) => /(^|&)seed=7(&|$)/.test(el.state), await figure.elementHandle());
    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /^A die with E\[X\] = 4\.4 and σ = 1\.74\. After 100 rolls/);
    assert.equal(await controlValue(figure, "p-n"), "100");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
