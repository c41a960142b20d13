// line-fit alone on the site's embed page: dragging (a, b) on the MSE map moves the line (and
// restarts the descent), the arrow keys move it on, the native steps control runs gradient descent;
// the live summary's lines and MSEs are recomputed here (descent and least squares by their
// formulas); the CSV holds the same path; a copied link restores the state; Reset the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="line-fit"]';
const DATA = [[0.4, 0.9], [0.9, 1.6], [1.4, 1.5], [1.9, 2.6], [2.4, 2.7], [2.9, 3.0]];
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

const vec = (text, fallback) => (text ? text.split(",").map(Number) : fallback);
const lineText = ([a, b]) => `y = ${formatNumber(a)}x ${b < 0 ? "\u2212" : "+"} ${formatNumber(Math.abs(b))}`;
// The summary from the state, by the formulas: MSE = mean (a x + b − y)², θ ← θ − η ∇MSE, and the
// least-squares line from the normal equations.
function expectedSummary(state) {
  const pts = DATA.map((d, i) => vec(state.get(`p${i + 1}`), d));
  const mse = ([a, b]) => pts.reduce((s, [x, y]) => s + (a * x + b - y) ** 2, 0) / pts.length;
  const eta = Number(state.get("rate") ?? 0.2), steps = Number(state.get("steps") ?? 25);
  const start = vec(state.get("line"), [-1, 2]);
  let [a, b] = start;
  for (let k = 0; k < steps; ++k) {
    const ga = pts.reduce((s, [x, y]) => s + 2 * (a * x + b - y) * x, 0) / pts.length;
    const gb = pts.reduce((s, [x, y]) => s + 2 * (a * x + b - y), 0) / pts.length;
    [a, b] = [a - eta * ga, b - eta * gb];
  }
  const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length, my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const slope = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const fit = [slope, my - slope * mx];
  return {
    path: [a, b],
    text: `From the line ${lineText(start)} (MSE ${formatNumber(mse(start))}), ${steps} ${steps === 1 ? "step" : "steps"} ` +
          `of gradient descent (\u03b7 = ${formatNumber(eta)}) reach ${lineText([a, b])} (MSE ${formatNumber(mse([a, b]))}); ` +
          `least squares gives ${lineText(fit)} (MSE ${formatNumber(mse(fit))}).`,
  };
}

test("line-fit: drag (a, b), keys, steps control, live summary, CSV, link and reset", async () => {
  // At its chapter's width (960 px): the handles are sought where the picture has them there.
  const { page, problems, close, figure } = await openFigure(env, "line-fit", { width: 960 });
  try {
    await liveSummary(page, figure, (text) => text.includes(expectedSummary(new Map()).text));

    // (a, b): the white disc on the MSE map (the middle panel; the data plot left of it is white too).
    const handle = await findDisc(figure, [255, 255, 255], [0.4, 0.05, 0.7, 0.7], 12);
    assert.ok(handle, "the (a, b) handle not found");
    await drag(page, handle.x, handle.y, 50, -40);
    let state = await figureState(figure);
    const [a, b] = vec(state.get("line"), [-1, 2]);
    assert.ok(a > -1 && b > 2 && state.get("steps") === "0", `dragging (a, b) right and up restarts there: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.includes(expectedSummary(state).text));
    assert.equal(await controlValue(figure, "p-line-0"), String(a), "the native control follows the drag");

    // Keyboard: the dragged handle stays selected; → raises the slope a.
    await pressKeys(page, figure, ["ArrowRight"]);
    state = await figureState(figure);
    assert.ok(vec(state.get("line"))[0] > a, `→ raised a: ${a} → ${state.get("line")}`);

    await figure.locator("#p-steps").fill("12");
    await figure.locator("#p-steps").press("Enter");
    await page.waitForFunction((el) => /(^|&)steps=12(&|$)/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    state = await figureState(figure);
    const expected = expectedSummary(state);
    await liveSummary(page, figure, (text) => text.includes(expected.text));

    const csv = parseCsv((await downloadCsv(page, figure)).text);
    const last = csv.rows.filter((r) => r[0] === "gradient descent step").at(-1);
    assert.equal(last[1], "12");
    assert.ok(Math.abs(Number(last[csv.header.indexOf("a (slope)")]) - expected.path[0]) < 1e-9, "CSV's a after 12 steps");
    assert.ok(Math.abs(Number(last[csv.header.indexOf("b (intercept)")]) - expected.path[1]) < 1e-9, "CSV's b after 12 steps");

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, (text) => text.includes(expectedSummary(new Map()).text));
    assert.equal(await controlValue(figure, "p-steps"), "25");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
