// dense-layer alone on the site's embed page: dragging the panel's "input → output" slider with
// the pointer and the native slider with the arrow keys play the network stage by stage; the native
// σ controls make both layers linear, and the live summary then says no line separates the output
// (no linear map can untangle the moons); the CSV's layer outputs are recomputed here from the
// weights in the state; a copied link restores the state; Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, liveSummary,
         openBrowser, openFigure, parseCsv, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="dense-layer"]';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

async function choose(page, figure, id, value, pattern) {
  await figure.locator(`#${id}`).selectOption(value);
  await page.waitForFunction(([el, p]) => new RegExp(p).test(el.state), [await figure.elementHandle(), pattern]);
  await waitIdle(page);
}

test("dense-layer: slider by pointer and keys, σ controls, live summary, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "dense-layer");
  try {
    await liveSummary(page, figure, /^200 points of two-moons through σ\(W₁x \+ b₁\) with σ = ReLU, then σ\(W₂x \+ b₂\) with σ = ReLU\. Input: no line separates the classes\. Output: a line separates them/);

    // The "input → output" slider's grab (#0072B2 over white), at its right end (t = 1).
    const grab = await findDisc(figure, [38, 135, 189], [0.6, 0, 1, 0.25], 30, 2);
    assert.ok(grab, "the slider's grab not found");
    await drag(page, grab.x, grab.y, -140, 0);
    let state = await figureState(figure);
    const t = Number(state.get("t"));
    assert.ok(t > 0 && t < 0.8, `dragging the slider left plays the network back: ${[...state]}`);
    assert.equal(await controlValue(figure, "p-t"), state.get("t"), "the native control follows the drag");

    // Keyboard, on the native slider: ← steps t back by 0.01.
    await figure.locator('input[type="range"][aria-labelledby="p-t-label"]').focus();
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(([el, before]) => Number(new URLSearchParams(el.state).get("t")) < before,
                               [await figure.elementHandle(), t]);
    state = await figureState(figure);
    assert.ok(Math.abs(Number(state.get("t")) - (t - 0.01)) < 1e-9, `← stepped t by 0.01: ${t} → ${state.get("t")}`);

    // Both layers linear: an affine map of the moons; the summary says no line separates them.
    await choose(page, figure, "p-sigma", "identity", "(^|&)sigma=identity");
    await choose(page, figure, "p-sigma2", "identity", "sigma2=identity");
    await liveSummary(page, figure, /σ = identity, then σ\(W₂x \+ b₂\) with σ = identity\. Input: no line separates the classes\. Output: still no line separates them\./);

    // The CSV's columns are σ(W x + b) of the columns before, with the weights in the state.
    state = await figureState(figure);
    const v = (name, fallback) => (state.get(name) ?? fallback).split(",").map(Number);
    const layers = [[v("we1", "1,2.25"), v("we2", "-1,0.75"), v("b", "1.25,0.75")],
                    [v("w2e1", "0.5,0.75"), v("w2e2", "-1,0"), v("b2", "0.25,-1.25")]];
    const apply = ([c1, c2, b], [x, y]) => [c1[0] * x + c2[0] * y + b[0], c1[1] * x + c2[1] * y + b[1]];
    const table = parseCsv((await downloadCsv(page, figure)).text);
    assert.equal(table.rows.length, 200);
    const num = (row, name) => Number(row[table.header.indexOf(name)]);
    for (const row of table.rows) {
      const h = apply(layers[0], [num(row, "input x1"), num(row, "input x2")]);
      const y = apply(layers[1], h);
      for (const [got, want] of [[num(row, "after layer 1 y1"), h[0]], [num(row, "after layer 1 y2"), h[1]],
                                 [num(row, "after layer 2 y1"), y[0]], [num(row, "after layer 2 y2"), y[1]]])
        assert.ok(Math.abs(got - want) < 1e-9, `CSV row ${row[0]}: ${got} vs ${want}`);
    }

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /with σ = ReLU\. Input: no line separates the classes\. Output: a line separates them/);
    assert.equal(await controlValue(figure, "p-t"), "1");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
