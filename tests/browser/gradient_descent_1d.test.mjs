// gradient-descent-1d alone on the site's embed page: dragging the start along the axis and the
// arrow keys move x₀; the native η control changes the learning rate; the live summary's x, f(x)
// and f'(x) after three steps on x² are the closed form x₃ = x₀(1 − 2η)³ computed here;
// the CSV lists the walk; a copied link restores the state; Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="gradient-descent-1d"]:not([eta]):not([f])';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// On f(x) = x², x_{k+1} = x_k − η·2x_k = (1 − 2η) x_k.
function afterSteps(state) {
  const x0 = Number(state.get("x0") ?? 2.5), eta = Number(state.get("eta") ?? 0.2), k = Number(state.get("steps") ?? 3);
  const x = x0 * (1 - 2 * eta) ** k;
  return { x0, x, text: `x = ${formatNumber(x)}, f(x) = ${formatNumber(x * x)}, f'(x) = ${formatNumber(2 * x)}` };
}

test("gradient-descent-1d: drag the start, keys, η control, live summary, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "gradient-descent-1d", { width: 960 });
  try {
    await liveSummary(page, figure, /after 3 steps x = 0\.54, f\(x\) = 0\.292, f'\(x\) = 1\.08; walking downhill\./);

    // The start: the orange (#E69F00) disc on the x-axis, right of the bowl's bottom.
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0.4, 0.5, 0.66, 0.75]);
    assert.ok(handle, "the start's handle not found");
    await drag(page, handle.x, handle.y, -60, 0);
    let state = await figureState(figure);
    let expected = afterSteps(state);
    assert.ok(expected.x0 < 2.5 && expected.x0 > 0, `dragging the start left lowers x₀: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.includes(expected.text));
    assert.equal(await controlValue(figure, "p-x0"), state.get("x0"), "the native control follows the drag");

    // Keyboard: ← nudges the start 0.1 left, onto the 0.1 grid.
    await pressKeys(page, figure, ["ArrowLeft"]);
    state = await figureState(figure);
    const nudged = Number(state.get("x0"));
    assert.ok(expected.x0 - nudged > 0.04 && expected.x0 - nudged < 0.16 && Math.abs(nudged * 10 - Math.round(nudged * 10)) < 1e-9,
              `← moved x₀ about 0.1 left onto the grid: ${expected.x0} → ${nudged}`);

    // η = 0.9 through the native control: each step overshoots, x₃ = x₀(−0.8)³.
    await figure.locator("#p-eta").fill("0.9");
    await figure.locator("#p-eta").press("Enter");
    await page.waitForFunction((el) => /(^|&)eta=0\.9(&|$)/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    state = await figureState(figure);
    expected = afterSteps(state);
    await liveSummary(page, figure, (text) => text.includes(expected.text) && text.includes("\u03b7 = 0.9:"));

    const csv = await downloadCsv(page, figure);
    assert.equal(csv.name, "gradient-descent-1d.csv");
    const xs = parseCsv(csv.text).column("x_k").map(Number);
    assert.equal(xs.length, 4);
    xs.forEach((x, k) => assert.ok(Math.abs(x - expected.x0 * (-0.8) ** k) < 1e-12, `x_${k} = ${x}`));

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /after 3 steps x = 0\.54, f\(x\) = 0\.292/);
    assert.equal(await controlValue(figure, "p-eta"), "0.2");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
