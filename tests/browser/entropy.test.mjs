// entropy alone on the site's embed page: dragging outcome A's bar and the arrow keys change the
// distribution; the live summary's H(p), the native controls and the CSV follow (H recomputed here
// from the figure's state); a copied link restores the state; Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="entropy"]:not([k])';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// The figure's distribution from its state: weights p1 … pk (defaults ½, ¼, ⅛, ⅛), normalized.
function distribution(state) {
  const k = Number(state.get("k") ?? 4);
  const defaults = [0.5, 0.25, 0.125, 0.125, 0, 0, 0, 0];
  const w = Array.from({ length: k }, (_, i) => Number(state.get(`p${i + 1}`) ?? defaults[i]));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}
const entropyBits = (p) => -p.reduce((h, x) => h + (x > 0 ? x * Math.log2(x) : 0), 0);

test("entropy: drag, keys, live summary, controls, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "entropy");
  try {
    await liveSummary(page, figure, /^H\(p\) = 1\.75 bits over 4 outcomes/);

    // Outcome A's handle: the orange (#E69F00) pill on the tallest bar, in the top left.
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0, 0, 0.35, 0.45], 28, 2);
    assert.ok(handle, "A's bar handle not found");
    await drag(page, handle.x, handle.y, 0, 45);
    let state = await figureState(figure);
    let p = distribution(state);
    assert.ok(p[0] < 0.5, `dragging A's bar down lowers P(A): ${[...state]}`);
    let h = entropyBits(p);
    await liveSummary(page, figure, (text) => text.startsWith(`H(p) = ${formatNumber(h)} bits`));
    assert.equal(await controlValue(figure, "p-p1"), state.get("p1"), "the native control follows the drag");

    // Keyboard: with the canvas focused, ↑ raises the selected outcome (A).
    const before = p[0];
    await pressKeys(page, figure, ["ArrowUp", "ArrowUp"]);
    state = await figureState(figure);
    p = distribution(state);
    assert.ok(p[0] > before, `↑ raised P(A): ${before} → ${p[0]}`);
    h = entropyBits(p);
    await liveSummary(page, figure, (text) => text.startsWith(`H(p) = ${formatNumber(h)} bits`));

    // The CSV holds the same distribution and its surprises.
    const csv = await downloadCsv(page, figure);
    assert.equal(csv.name, "entropy.csv");
    const table = parseCsv(csv.text);
    assert.deepEqual(table.header.slice(0, 3), ["outcome", "probability p", "surprise -log2 p (bits)"]);
    assert.deepEqual(table.column("outcome"), ["A", "B", "C", "D"]);
    table.column("probability p").forEach((v, i) => assert.ok(Math.abs(Number(v) - p[i]) < 1e-12, `p${i + 1}`));
    const fromCsv = table.column("p * -log2 p (bits)").reduce((a, b) => a + Number(b), 0);
    assert.ok(Math.abs(fromCsv - h) < 1e-12, `CSV's H ${fromCsv} vs ${h}`);

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /^H\(p\) = 1\.75 bits/);
    assert.equal(await controlValue(figure, "p-p1"), "0.5");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
