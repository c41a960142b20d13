// Canvas size and theme (issue 3, point 6): the canvas is as wide as its container (CSS), its
// drawing buffer is that size times devicePixelRatio (sharp), its height follows the figure's
// aspect ratio (the narrow one below the panel breakpoint), it follows the container when that
// changes; the theme follows prefers-color-scheme and the page's data-theme toggle.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PNG } from "pngjs";
import { openBrowser, openPage, waitIdle } from "./harness.mjs";
import { page as testPage, servePages } from "./runtime_pages.mjs";

const LAYOUT_PAGE = testPage("Layout", `<div id="box" style="width: 600px"><mml-figure name="basis-images"></mml-figure></div>`);
let env, site;
before(async () => {
  env = await openBrowser();
  site = await servePages({ "layout.html": LAYOUT_PAGE });
});
after(async () => { await site?.close(); await env?.close(); });

const geometry = (figure) => figure.evaluate((el) => {
  const canvas = el.shadowRoot.querySelector("canvas");
  const r = canvas.getBoundingClientRect();
  const info = window.MML_MANIFEST.figures.find((f) => f.id === el.getAttribute("name"));
  return { cssW: r.width, cssH: r.height, bufW: canvas.width, bufH: canvas.height, dpr: devicePixelRatio,
           aspect: info.aspect, narrowAspect: info.narrowAspect, dark: el.hasAttribute("data-dark") };
});
// Mean brightness (0–255) of the canvas's top-left corner, the plot's background.
async function background(figure) {
  const png = PNG.sync.read(await figure.locator("canvas").screenshot({ clip: { x: 2, y: 2, width: 12, height: 12 } }));
  let sum = 0;
  for (let i = 0; i < png.data.length; i += 4) sum += (png.data[i] + png.data[i + 1] + png.data[i + 2]) / 3;
  return sum / (png.data.length / 4);
}

test("canvas: CSS width, buffer × devicePixelRatio, aspect ratio, follows its container; themes", async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "layout.html",
                                                      { deviceScaleFactor: 2, colorScheme: "dark" });
  try {
    const figure = page.locator("mml-figure");
    await page.waitForFunction((el) => el.dataset.state === "ready" && el.attached, await figure.elementHandle(), { timeout: 30000 });
    await waitIdle(page);
    let g = await geometry(figure);
    console.log(`wide: ${JSON.stringify(g)}`);
    assert.equal(g.dpr, 2);
    assert.equal(g.cssW, 600, "as wide as its container");
    assert.ok(Math.abs(g.cssW / g.cssH - g.aspect) < 0.01, `wide aspect ${g.aspect}: ${g.cssW}×${g.cssH}`);
    assert.ok(Math.abs(g.bufW - 2 * g.cssW) <= 1 && Math.abs(g.bufH - 2 * g.cssH) <= 1, "buffer is CSS size × 2");

    // A narrower container: below the panel breakpoint the narrow aspect (panel under the plot).
    await page.evaluate(() => { document.getElementById("box").style.width = "360px"; });
    await page.waitForFunction((el) => el.shadowRoot.querySelector("canvas").width === 720, await figure.elementHandle());
    await waitIdle(page);
    g = await geometry(figure);
    console.log(`narrow: ${JSON.stringify(g)}`);
    assert.equal(g.cssW, 360);
    assert.ok(Math.abs(g.cssW / g.cssH - g.narrowAspect) < 0.01, `narrow aspect ${g.narrowAspect}: ${g.cssW}×${g.cssH}`);
    assert.ok(Math.abs(g.bufH - 2 * g.cssH) <= 1);

    // Theme: dark from prefers-color-scheme; the page's toggle (data-theme) wins, both ways.
    assert.equal(g.dark, true);
    const dark = await background(figure);
    await page.evaluate(() => { document.documentElement.dataset.theme = "light"; });
    await page.waitForFunction((el) => !el.hasAttribute("data-dark"), await figure.elementHandle());
    await waitIdle(page);
    const light = await background(figure);
    await page.evaluate(() => { document.documentElement.dataset.theme = "dark"; });
    await page.waitForFunction((el) => el.hasAttribute("data-dark"), await figure.elementHandle());
    await waitIdle(page);
    const darkAgain = await background(figure);
    console.log(`background brightness: dark ${dark.toFixed(0)}, toggled light ${light.toFixed(0)}, toggled dark ${darkAgain.toFixed(0)}`);
    assert.ok(dark < 80 && darkAgain < 80 && light > 200, "the canvas follows the theme");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
