// eigen-directions in a real browser, alone on the site's embed page: dragging A·e₁'s handle
// changes the matrix and the eigenvalues the figure states; the arrow keys move the handle; an idle figure
// draws no frames; the console stays clean.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, frameCounts, framesDone, hover, openBrowser, openFigure, waitIdle } from "./harness.mjs";
import { findOrangeHandle } from "./runtime_pages.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

const description = (figure) => figure.evaluate((el) => el.shadowRoot.querySelector("p").textContent);

test("dragging A·e₁ changes A and its eigenvalues; arrow keys nudge it; idle draws nothing", async () => {
  const { page, problems, close, figure } = await openFigure(env, "eigen-directions");
  try {
    const before = await waitIdle(page);
    await page.waitForTimeout(1000);
    assert.deepEqual(await frameCounts(page), before, "an idle figure drew frames");
    assert.match(await description(figure), /λ₁ = 1\.81, {2}λ₂ = 0\.691/);

    // A·e₁'s handle (the first column's orange) where the picture shows it: drag it right.
    const canvas = figure.locator("canvas");
    const box = await canvas.boundingBox();
    const handle = findOrangeHandle(await canvas.screenshot());
    assert.ok(handle, "A·e₁'s handle not found in the picture");
    const x = box.x + handle.x, y = box.y + handle.y;
    await hover(page, x, y);
    await page.mouse.down();
    await page.mouse.move(x + 50, y, { steps: 5 });
    await page.mouse.up();
    await framesDone(figure);
    const moved = await figure.evaluate((el) => el.state);
    assert.match(moved, /(^|&)a=/, `the drag did not move A·e₁: "${moved}"`);
    const [ax] = moved.match(/a=([^&]+)/)[1].split(",").map(Number);
    assert.ok(ax > 1.5, `A·e₁ went right: ${moved}`);
    assert.doesNotMatch(await description(figure), /λ₁ = 1\.81/, "the eigenvalues follow A");
    await figure.screenshot({ path: artifact("eigen-directions-dragged.png") });

    // The keyboard: the handle last dragged keeps the arrow keys (x takes them first: headless).
    await canvas.focus();
    const column = async () => Number((await figure.evaluate((el) => new URLSearchParams(el.state).get("a"))).split(",")[1]);
    const yBefore = await column();
    await page.keyboard.press("ArrowUp");
    await framesDone(figure);
    const yAfter = await column();
    assert.ok(yAfter > yBefore, `ArrowUp moved A·e₁ up: ${yBefore} → ${yAfter}`);
    await waitIdle(page);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
