// basis-images in a real browser, alone on the site's embed page: dragging e₁'s handle changes the
// matrix, frames run only while the reader interacts, and the text summary follows.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, frameCounts, framesDone, hover, openBrowser, openFigure, waitIdle } from "./harness.mjs";
import { findOrangeHandle } from "./runtime_pages.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

test("dragging A·e₁ moves the first column; idle figures draw no frames", async () => {
  const { page, problems, close, figure } = await openFigure(env, "basis-images");
  try {
    const before = await waitIdle(page);
    await page.waitForTimeout(1000);
    assert.deepEqual(await frameCounts(page), before, "an idle figure drew frames");

    // Press on e₁'s handle where the picture shows it, drag it right and up.
    const canvas = figure.locator("canvas");
    const box = await canvas.boundingBox();
    const handle = findOrangeHandle(await canvas.screenshot());
    assert.ok(handle, "A·e₁'s handle not found in the picture");
    const initial = await figure.evaluate((el) => el.state);
    const x = box.x + handle.x, y = box.y + handle.y;
    await hover(page, x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y - 40, { steps: 5 });
    await page.mouse.up();
    await framesDone(figure);
    const moved = await figure.evaluate((el) => el.state);
    assert.ok(moved !== initial && /(^|&)a=/.test(moved), `the drag did not move A·e₁: "${moved}"`);
    const [ax, ay] = moved.match(/a=([^&]+)/)[1].split(",").map(Number);
    assert.ok(ax > 1 && ay > 0, `A·e₁ went right and up: ${moved}`);
    await figure.screenshot({ path: artifact("basis-images-dragged.png") });
    await waitIdle(page);
    const description = await figure.evaluate((el) => el.shadowRoot.querySelector("p").textContent);
    assert.match(description, /det = /);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
