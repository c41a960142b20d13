// loss-landscape alone on the site's embed page: dragging the white start handle and the arrow keys
// move every optimizer's start; the native steps control sets how far they walk; the live summary's
// losses for gradient descent and momentum are recomputed here on Rosenbrock's function (their
// update rules written out); the CSV holds the same paths; a copied link restores the state; Reset
// restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="loss-landscape"]:not([landscape])';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// f(x, y) = (1 − x)² + 100 (y − x²)²; gradient descent θ −= η∇f, momentum v = 0.9 v + ∇f, θ −= η v.
const f = ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const grad = ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
function losses(state) {
  const start = (state.get("start") ?? "-1.5,2").split(",").map(Number);
  const eta = Number(state.get("rate") ?? 1.5e-3), steps = Number(state.get("steps") ?? 300);
  let gd = [...start], m = [...start], v = [0, 0];
  for (let k = 0; k < steps; ++k) {
    const g = grad(gd);
    gd = [gd[0] - eta * g[0], gd[1] - eta * g[1]];
    const h = grad(m);
    v = [0.9 * v[0] + h[0], 0.9 * v[1] + h[1]];
    m = [m[0] - eta * v[0], m[1] - eta * v[1]];
  }
  return { start, steps, gd: f(gd), momentum: f(m),
           text: `gradient descent f = ${formatNumber(f(gd))}, momentum f = ${formatNumber(f(m))}, ` };
}

test("loss-landscape: drag the start, keys, steps control, live summary, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "loss-landscape");
  try {
    await liveSummary(page, figure, /^Rosenbrock's valley, after 300 steps from \(−1\.5, 2\): gradient descent f = 3\.33, momentum f = 0\.00317, /);

    // The start: the white disc in the map's upper left.
    const handle = await findDisc(figure, [255, 255, 255], [0.02, 0.02, 0.45, 0.55], 12);
    assert.ok(handle, "the start's handle not found");
    await drag(page, handle.x, handle.y, 40, 30);
    let state = await figureState(figure);
    let expected = losses(state);
    assert.ok(expected.start[0] > -1.5 && expected.start[1] < 2, `dragging the start right and down moves it: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.includes(expected.text));
    assert.equal(await controlValue(figure, "p-start-0"), String(expected.start[0]), "the native control follows the drag");

    // Keyboard: → nudges the start a 40th of the landscape's width (0.1), onto that grid.
    await pressKeys(page, figure, ["ArrowRight"]);
    state = await figureState(figure);
    const x = Number(state.get("start").split(",")[0]);
    assert.ok(x - expected.start[0] > 0.04 && x - expected.start[0] < 0.16 && Math.abs(x * 10 - Math.round(x * 10)) < 1e-9,
              `→ moved the start about 0.1 right: ${expected.start[0]} → ${x}`);

    await figure.locator("#p-steps").fill("40");
    await figure.locator("#p-steps").press("Enter");
    await page.waitForFunction((el) => /(^|&)steps=40(&|$)/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    state = await figureState(figure);
    expected = losses(state);
    await liveSummary(page, figure, (text) => text.includes("after 40 steps") && text.includes(expected.text));

    const csv = parseCsv((await downloadCsv(page, figure)).text);
    const gd = csv.rows.filter((r) => r[0] === "gradient descent");
    assert.equal(gd.length, 41, "gradient descent's 40 steps and its start");
    const lastLoss = Number(gd.at(-1)[csv.header.indexOf("loss f(x, y)")]);
    assert.ok(Math.abs(lastLoss - expected.gd) <= 1e-9 * Math.max(1, expected.gd), `CSV's last loss ${lastLoss} vs ${expected.gd}`);
    assert.deepEqual([...new Set(csv.column("optimizer"))], ["gradient descent", "momentum", "Adam", "Newton"]);

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /after 300 steps from \(−1\.5, 2\): gradient descent f = 3\.33/);
    assert.equal(await controlValue(figure, "p-steps"), "300");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
