// determinant-3d in a real browser, alone on the site's embed page: dragging A·e₃'s tip moves one
// coordinate of the third column, dragging the background orbits, the text summary follows, and
// the page URL restores the state.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, figureReady, framesDone, hover, openBrowser, openFigure, openPage, waitIdle } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Where the figure's 3D view draws a data point: web/plot/view3d.cpp's orbit camera, redone here
// (box [-1, 2]³, the plot left of a 290 px panel inside 12 px of window padding).
function project(p, yaw, pitch, canvas) {
  const rect = { x: canvas.x + 12, y: canvas.y + 12, w: canvas.width - 24 - 290, h: canvas.height - 24 };
  const n = p.map((v) => (v + 1) / 3 - 0.5);
  const [cy, sy, cp, sp] = [Math.cos(yaw), Math.sin(yaw), Math.cos(pitch), Math.sin(pitch)];
  const eye = [cp * cy, cp * sy, sp], right = [-sy, cy, 0];
  const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  let up = cross(eye, right);
  const len = Math.hypot(...up);
  up = up.map((v) => v / len);
  const distance = 4.5 / 1.2;  // the figure's default zoom
  const focal = 0.85 * Math.min(rect.w, rect.h) / 2 * (distance - 1) / (Math.sqrt(3) / 2);
  const w = distance - dot(eye, n);
  return { x: rect.x + rect.w / 2 + focal * dot(right, n) / w, y: rect.y + rect.h / 2 - focal * dot(up, n) / w };
}

const description = (figure) => figure.evaluate((el) => el.shadowRoot.querySelector("p").textContent);
const stateOf = (figure) => figure.evaluate((el) => el.state);

test("dragging A·e₃ moves one coordinate, the background orbits, and the URL restores both", async () => {
  const { page, problems, close, figure } = await openFigure(env, "determinant-3d");
  const viewport = page.viewportSize();
  let restoreUrl, expected;
  try {
    assert.equal(await stateOf(figure), "");
    assert.match(await description(figure), /det = 2: the cube's image has volume 2, orientation kept/);

    // A·e₃ starts at (0.5, 0, 1.5): press on its tip and pull straight down, along z on screen.
    const canvas = await figure.evaluate((el) => {
      const r = el.shadowRoot.querySelector("canvas").getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    assert.ok(canvas.width >= 560, `wide layout expected, canvas is ${canvas.width} px`);
    const tip = project([0.5, 0, 1.5], 0.6, 0.4, canvas);
    let moved = "";
    for (const [ox, oy] of [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4], [6, 6], [-6, -6], [6, -6], [-6, 6]]) {
      await hover(page, tip.x + ox, tip.y + oy);
      await page.mouse.down();
      await page.mouse.move(tip.x + ox, tip.y + oy + 70, { steps: 7 });
      await page.mouse.up();
      await framesDone(figure);
      const state = await stateOf(figure);
      if (state !== "") { moved = state; break; }
    }
    assert.match(moved, /^c=[^&]+$/, `a drag from A·e₃'s tip changed only c: ${moved}`);
    const [cx, cy, cz] = moved.slice(2).split(",").map(Number);
    assert.equal(cx, 0.5);
    assert.equal(cy, 0);
    assert.ok(cz < 1.5 && cz >= -2, `pulling down lowered A·e₃: ${moved}`);
    await waitIdle(page);
    // det A = 1.5·c_z − 0.25 when only c_z moves (expanding along the middle row).
    const det = 1.5 * cz - 0.25;
    const summary = await description(figure);
    assert.match(summary, new RegExp(`e₃ to \\(0\\.5, 0, ${String(cz).replace("-", "−")}\\)`));
    if (Math.abs(det) > 0.01) assert.match(summary, det > 0 ? /orientation kept/ : /orientation flipped/);

    // The background: drag from the lower-left corner of the plot (empty floor) to orbit.
    await hover(page, canvas.x + 40, canvas.y + canvas.height - 40);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 140, canvas.y + canvas.height - 40, { steps: 5 });
    await page.mouse.up();
    await waitIdle(page);
    const orbited = await stateOf(figure);
    assert.match(orbited, /(^|&)yaw=/, `the view turned: ${orbited}`);
    assert.ok(orbited.startsWith(moved + "&"), `orbiting left the matrix alone: ${orbited}`);
    await figure.screenshot({ path: artifact("determinant-3d-dragged.png") });

    // The page URL carries the state (debounced replaceState).
    await page.waitForFunction(() => window.location.search.includes("yaw"), null, { timeout: 5000 });
    restoreUrl = page.url();
    assert.deepEqual(problems, []);
    expected = { state: orbited, summary: await description(figure) };
  } finally {
    await close();
  }

  const reopened = await openPage(env.browser, restoreUrl, { viewport });
  try {
    const figure = reopened.page.locator('mml-figure[name="determinant-3d"]').first();
    await figureReady(reopened.page, figure);
    await waitIdle(reopened.page);
    assert.equal(await stateOf(figure), expected.state);
    assert.equal(await description(figure), expected.summary);
    assert.deepEqual(reopened.problems, []);
  } finally {
    await reopened.context.close();
  }
});
