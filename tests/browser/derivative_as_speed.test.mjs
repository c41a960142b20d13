// derivative-as-speed alone on the site's embed page: dragging the instant t along the ball's curve
// s(t) = 5t − t² and the arrow keys move t; the native h control shrinks the step; the live
// summary's average speed 5 − 2t − h and speed 5 − 2t are computed here; the figure holds no
// data table (no CSV button); a copied link restores the state; Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, drag, figureState, findDisc, formatNumber, liveSummary,
         openBrowser, openFigure, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="derivative-as-speed"]';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// For s(t) = 5t − t²: the secant's slope over [t, t + h] is 5 − 2t − h, the tangent's 5 − 2t.
function reading(state) {
  const t = Number(state.get("t") ?? 1), h = Number(state.get("h") ?? 1);
  return {
    t, h,
    text: `the average speed over [${formatNumber(t)}, ${formatNumber(t + h, 5)}] is ${formatNumber(5 - 2 * t - h, 6)}, ` +
          `the speed s'(t) is ${formatNumber(5 - 2 * t, 6)}, a difference of ${formatNumber(-h)}.`,
  };
}

test("derivative-as-speed: drag t, keys, h control, live summary, no CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "derivative-as-speed");
  try {
    await liveSummary(page, figure, (text) => text.includes(reading(new Map()).text));
    assert.equal(await figure.locator('button[data-action="csv"]').isVisible(), false, "no data, no CSV button");

    // t's handle: the orange (#E69F00) disc on the curve, left of t + h's blue one.
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0.05, 0.15, 0.3, 0.65]);
    assert.ok(handle, "t's handle not found");
    await drag(page, handle.x, handle.y, 60, 0);
    let state = await figureState(figure);
    let r = reading(state);
    assert.ok(r.t > 1, `dragging t right raises it: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.includes(r.text));
    assert.equal(await controlValue(figure, "p-t"), state.get("t"), "the native control follows the drag");

    await pressKeys(page, figure, ["ArrowRight"]);
    state = await figureState(figure);
    assert.ok(Number(state.get("t")) > r.t, `→ moved t right: ${r.t} → ${state.get("t")}`);

    // h = 0.01 through the native control: the secant's slope is within 0.01 of the speed.
    await figure.locator("#p-h").fill("0.01");
    await figure.locator("#p-h").press("Enter");
    await page.waitForFunction((el) => /(^|&)h=0\.01(&|$)/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    r = reading(await figureState(figure));
    await liveSummary(page, figure, (text) => text.includes(r.text));

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, (text) => text.includes(reading(new Map()).text));
    assert.equal(await controlValue(figure, "p-h"), "1");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
