// logistic-loss in a real browser, alone on the site's embed page: the defaults describe
// cross-entropy nearly down and squared error stuck, a press on Play trains both (screenshot while
// it runs) and a second press pauses, a press on a landscape moves the shared start, and the
// console stays clean. That Play stops by itself at the step cap (300) is checked headless, in
// tests/figures/test_logistic_loss.cpp: waiting for 300 steps here cost a minute of SwiftShader.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PNG } from "pngjs";
import { artifact, openBrowser, openFigure, waitIdle } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// The middles of the runs of one colour, 14 to 40 px tall, down column `x` of a screenshot that
// are not the column's most common colour (the panel's background): where its controls are.
function controlRows(png, x) {
  const { width, height, data } = PNG.sync.read(png);
  const colour = (y) => data.readUInt32BE((y * width + Math.round(x)) * 4);
  const runs = [];
  for (let y = 0, start = 0; y <= height; ++y) {
    if (y === height || colour(y) !== colour(start)) {
      runs.push({ start, length: y - start, colour: colour(start) });
      start = y;
    }
  }
  const share = new Map();
  for (const r of runs) share.set(r.colour, (share.get(r.colour) || 0) + r.length);
  const panel = [...share].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return runs.filter((r) => r.colour !== panel && r.length >= 14 && r.length <= 40).map((r) => r.start + r.length / 2);
}

const description = (figure) => figure.evaluate((el) => el.shadowRoot.querySelector("p").textContent);
const stateOf = (figure) => figure.evaluate((el) => el.state);
const canvasOf = (figure) => figure.evaluate((el) => {
  const r = el.shadowRoot.querySelector("canvas").getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
});

test("logistic-loss: Play trains both models, Pause stops them, and a press on a map moves the start", async () => {
  const { page, problems, close, figure } = await openFigure(env, "logistic-loss");
  try {
    assert.equal(await stateOf(figure), "");
    // The defaults (checked against scikit-learn's and SciPy's minima in the native tests).
    const initial = await description(figure);
    assert.match(initial, /40 points/);
    assert.match(initial, /30 steps/);
    assert.match(initial, /99\.8% of the way down/);
    assert.match(initial, /3\.16% of the way down/);

    // Find Play: the first button of its row at the panel's left edge (the panel is the right-hand
    // 260 px, inside the window's padding). Each press costs frames (about a second in
    // SwiftShader), so the rows that look like a control in a screenshot (a run of one colour
    // that is not the panel's, as tall as a button or slider) are pressed first, top to bottom,
    // then the rest of the column in 12 px steps (a control is about 20 px tall). A press that
    // lands on the learning-rate slider instead changes η, which the toolbar's Reset undoes.
    const canvas = await canvasOf(figure);
    assert.ok(canvas.width >= 560, `wide layout expected, canvas is ${canvas.width} px`);
    const column = canvas.width - 272 + 34;
    const looksLikeControls = controlRows(await figure.locator("canvas").screenshot({ scale: "css" }), column - 16);
    const rows = [...looksLikeControls];
    for (let dy = 20; dy < canvas.height * 0.7; dy += 12) if (rows.every((y) => Math.abs(y - dy) > 6)) rows.push(dy);
    let playing = false, play = null;
    for (const dy of rows) {
      play = { x: canvas.x + column, y: canvas.y + dy };
      await page.mouse.click(play.x, play.y);
      // The press's outcome, however slow the machine: training (steps in the state, frames still
      // coming), or the frames the press asked for drawn (the input handlers ask for them before
      // the click returns) with something else changed or nothing at all. Not waitIdle: its
      // quiet spell and the live summary's half-second debounce made each miss cost more.
      await page.waitForFunction((el) => /(^|&)steps=/.test(el.state) || !el.drawing,
                                 await figure.elementHandle(), { timeout: 20000, polling: 20 });
      const state = await stateOf(figure);
      playing = /(^|&)steps=/.test(state);
      if (playing) break;
      if (state !== "") {  // the element's own Reset puts every parameter back
        await figure.getByRole("button", { name: "Reset" }).click();
        await waitIdle(page);
        assert.equal(await stateOf(figure), "");
      }
    }
    assert.ok(playing, "no press started training");
    // Sixty steps past the default 30 (the old test waited for all 300), the same press (the
    // button now reads Pause) stops training where it is, and the screenshot shows it half done.
    const steps = (state) => Number(/(?:^|&)steps=(\d+)/.exec(state)?.[1]);
    await page.waitForFunction((el) => Number(/(?:^|&)steps=(\d+)/.exec(el.state)?.[1]) >= 90,
                               await figure.elementHandle(), { timeout: 60000, polling: 50 });
    await page.mouse.click(play.x, play.y);
    await waitIdle(page);
    const paused = steps(await stateOf(figure));
    assert.ok(paused >= 90 && paused < 300, `Pause stopped training on the way: ${await stateOf(figure)}`);
    await figure.screenshot({ path: artifact("logistic-loss-training.png") });
    assert.match(await description(figure), new RegExp(`${paused} steps`));
    await page.waitForTimeout(300);
    assert.equal(steps(await stateOf(figure)), paused, "paused training stays where it stopped");

    // A press on the cross-entropy map (left half, second row) moves the start there.
    const before = await stateOf(figure);
    await page.mouse.click(canvas.x + canvas.width * 0.12, canvas.y + canvas.height * 0.62);
    await waitIdle(page);
    const after = await stateOf(figure);
    assert.notEqual(after, before);
    const start = after.match(/(?:^|&)start=([^&]+)/);
    assert.ok(start, `the start moved: ${after}`);
    const [w1, w2] = start[1].split(",").map(Number);
    assert.ok(Math.abs(w1) <= 6 && Math.abs(w2) <= 6, `start inside the map: ${start[1]}`);
    const summary = await description(figure);
    // format_number: three significant digits, trailing zeros dropped, a true minus sign.
    const shown = (v) => String(Number(v.toPrecision(3))).replace("-", "\u2212");
    assert.ok(summary.includes(`w = (${shown(w1)}, ${shown(w2)})`), summary);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
