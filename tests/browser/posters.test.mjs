// Before a figure is live it shows its build-time poster at its final size: the box does not
// move when the figure mounts, and in print the poster stands in for the canvas.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, inkStats, openBrowser, watchConsole } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

test("posters show while loading, without layout shift, and in print", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  watchConsole(page, problems);
  // Hold the module back so the loading state lasts long enough to look at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/mml.wasm", async (route) => { await held; await route.continue(); });
  try {
    await page.goto(env.server.url + "linear-transformations.html");
    const figure = page.locator("mml-figure").first();
    await figure.scrollIntoViewIfNeeded();
    const poster = await figure.evaluateHandle((el) => el.shadowRoot.querySelector(".poster"));
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, poster, { timeout: 10000 });
    assert.equal(await figure.getAttribute("data-state"), "loading");
    const loadingBox = await figure.boundingBox();
    const loadingShot = inkStats(await figure.screenshot({ path: artifact("poster-loading.png") }));
    assert.ok(loadingShot.ink > 0.02 && loadingShot.colours > 20, `poster looks blank: ${JSON.stringify(loadingShot)}`);
    const src = await poster.evaluate((img) => img.getAttribute("src"));
    assert.match(src, /^mml\/posters\/basis-images-light-wide\.png$/);

    release();
    await page.waitForFunction((el) => el.dataset.state === "ready", await figure.elementHandle(), { timeout: 30000 });
    assert.deepEqual(await figure.boundingBox(), loadingBox, "the figure moved when it mounted");

    await page.emulateMedia({ media: "print" });
    const printed = await figure.evaluate((el) => ({
      canvas: getComputedStyle(el.shadowRoot.querySelector("canvas")).display,
      poster: getComputedStyle(el.shadowRoot.querySelector(".poster")).display,
    }));
    assert.deepEqual(printed, { canvas: "none", poster: "block" });
    assert.deepEqual(problems, []);
  } finally {
    release();
    await context.close();
  }
});
