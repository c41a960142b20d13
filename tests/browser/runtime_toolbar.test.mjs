// Each figure's toolbar and native controls: Reset, Copy link, Copy embed code and Save PNG do
// what they say (with a visible "copied" status), figure state goes into and comes back from the
// page URL (a bad one is shown in that figure's box only), and the labelled controls drive the
// figure and follow it, from the keyboard too. axe-core checks the open controls in both themes.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { artifact, hover, inkStats, openBrowser, openPage, waitIdle } from "./harness.mjs";
import { findOrangeHandle, page as testPage, servePages } from "./runtime_pages.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TOOLBAR_PAGE = testPage("Toolbar", `
<h1>Toolbar</h1>
<figure id="fig-a"><mml-figure name="basis-images" a="1,0.5"></mml-figure><figcaption>A linear map</figcaption></figure>
<mml-figure name="entropy"></mml-figure>`);
const TYPES_PAGE = testPage("Controls", `
<h1>Controls of every kind</h1>
<mml-figure id="fields" name="toolkit-fields"></mml-figure>
<mml-figure id="rolls" name="expected-value"></mml-figure>`);

let env, site;
before(async () => {
  env = await openBrowser();
  site = await servePages({ "toolbar.html": TOOLBAR_PAGE, "types.html": TYPES_PAGE });
});
after(async () => { await site?.close(); await env?.close(); });

const shadow = (figure, selector) => figure.locator(selector);  // Playwright pierces open shadow roots
const ready = async (page, figure) =>
  page.waitForFunction((el) => el.dataset.state === "ready" && el.attached, await figure.elementHandle(), { timeout: 30000 });

async function open(file, options = {}) {
  const opened = await openPage(env.browser, site.url + file, options);
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url.replace(/\/$/, "") });
  return opened;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test("copy link, copy embed code, reset, save PNG; state mirrored into the page URL", async () => {
  const { page, problems, context } = await open("toolbar.html");
  try {
    const figure = page.locator("mml-figure").first();
    await ready(page, figure);
    await waitIdle(page);
    assert.equal(await figure.evaluate((el) => el.state), "a=1,0.5");
    const historyLength = await page.evaluate(() => history.length);

    // Change the figure through its native control: a's x component.
    await shadow(figure, 'button[data-action="controls"]').click();
    const ax = shadow(figure, "#p-a-0");
    await ax.fill("2");
    await ax.press("Enter");
    await page.waitForFunction((el) => el.state === "a=2,0.5", await figure.elementHandle());

    // The page URL follows (debounced replaceState, no new history entries).
    await page.waitForFunction(() => new URLSearchParams(location.search).get("fig-a") === "a=2,0.5");
    assert.match(page.url(), /\?fig-a=a%3D2%2C0\.5$/);
    assert.equal(await page.evaluate(() => history.length), historyLength);

    await shadow(figure, 'button[data-action="link"]').click();
    await page.waitForFunction((el) => el.shadowRoot.querySelector(".note").textContent === "Link copied", await figure.elementHandle());
    assert.equal(await clipboard(page), `${site.url}toolbar.html?fig-a=a%3D2%2C0.5#fig-a`);
    assert.equal(await shadow(figure, ".note").getAttribute("role"), "status");
    assert.ok(await shadow(figure, ".note").isVisible());

    await shadow(figure, 'button[data-action="embed"]').click();
    await page.waitForFunction((el) => el.shadowRoot.querySelector(".note").textContent === "Embed code copied", await figure.elementHandle());
    assert.equal(await clipboard(page),
                 `<script src="${site.url}mml/mml-figure.js"></script>\n<mml-figure name="basis-images" a="2,0.5"></mml-figure>`);

    const [download] = await Promise.all([page.waitForEvent("download"), shadow(figure, 'button[data-action="png"]').click()]);
    assert.equal(download.suggestedFilename(), "basis-images.png");
    const png = fs.readFileSync(await download.path());
    const stats = inkStats(png);
    assert.ok(stats.ink > 0.02 && stats.colours > 20, `saved PNG looks blank: ${JSON.stringify(stats)}`);
    const box = await figure.evaluate((el) => el.shadowRoot.querySelector("canvas").width);
    assert.equal(stats.width, box, "the PNG has the canvas's resolution");

    // Reset returns to the page's attributes, and the figure's key leaves the URL.
    await shadow(figure, 'button[data-action="reset"]').click();
    await page.waitForFunction((el) => el.state === "a=1,0.5", await figure.elementHandle());
    await page.waitForFunction(() => !location.search);
    assert.equal(await ax.inputValue(), "1", "the control follows the reset");
    await figure.screenshot({ path: artifact("runtime-toolbar-light.png") });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("state from the URL is applied after the attributes; a bad one fails only its figure", async () => {
  const { page, problems, context } = await open("toolbar.html?fig-a=a%3D-1%2C2&entropy-1=k%3D3");
  try {
    const [linear, entropy] = [page.locator("mml-figure").nth(0), page.locator("mml-figure").nth(1)];
    await ready(page, linear);
    await entropy.scrollIntoViewIfNeeded();
    await ready(page, entropy);
    assert.equal(await linear.evaluate((el) => el.state), "a=-1,2");
    assert.match(await entropy.evaluate((el) => el.state), /(^|&)k=3(&|$)/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }

  const bad = await open("toolbar.html?entropy-1=k%3D99");
  try {
    const [linear, entropy] = [bad.page.locator("mml-figure").nth(0), bad.page.locator("mml-figure").nth(1)];
    await entropy.scrollIntoViewIfNeeded();
    await bad.page.waitForFunction((el) => el.dataset.state === "error", await entropy.elementHandle(), { timeout: 30000 });
    const message = await shadow(entropy, ".status").textContent();
    assert.match(message, /page address.*entropy-1/);
    assert.match(message, /k/);
    await entropy.screenshot({ path: artifact("runtime-bad-url-state.png") });
    await linear.scrollIntoViewIfNeeded();
    await ready(bad.page, linear);
    assert.equal(await linear.evaluate((el) => el.state), "a=1,0.5", "the other figure keeps working");
    assert.deepEqual(bad.problems, []);
  } finally {
    await bad.context.close();
  }
});

test("Tab goes canvas → toolbar → controls; controls follow drags and report bad values", async () => {
  const { page, problems, context } = await open("toolbar.html");
  try {
    const figure = page.locator("mml-figure").first();
    await ready(page, figure);
    await waitIdle(page);
    const focused = () => figure.evaluate((el) => {
      const a = el.shadowRoot.activeElement;
      return a ? a.dataset.action || a.id || a.tagName.toLowerCase() : null;
    });
    await figure.evaluate((el) => el.shadowRoot.querySelector("canvas").focus());
    assert.equal(await focused(), "canvas");
    const order = [];
    for (let i = 0; i < 5; ++i) { await page.keyboard.press("Tab"); order.push(await focused()); }
    assert.deepEqual(order, ["reset", "link", "embed", "png", "controls"]);
    const ring = await figure.evaluate((el) => getComputedStyle(el.shadowRoot.activeElement).outlineStyle);
    assert.equal(ring, "solid", "the focused button shows a focus ring");
    await page.keyboard.press("Enter");
    assert.equal(await shadow(figure, 'button[data-action="controls"]').getAttribute("aria-expanded"), "true");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "p-a-0");

    // Keyboard: type a value, commit with Enter.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("-2");
    await page.keyboard.press("Enter");
    await page.waitForFunction((el) => el.state === "a=-2,0.5", await figure.elementHandle());

    // Out of range: refused with a message naming the valid values; the figure keeps its value.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    const error = shadow(figure, "#p-a-error");
    await page.waitForFunction((el) => el.shadowRoot.querySelector("#p-a-error").textContent !== "", await figure.elementHandle());
    assert.match(await error.textContent(), /-3, 3/);
    assert.equal(await shadow(figure, "#p-a-0").getAttribute("aria-invalid"), "true");
    assert.equal(await figure.evaluate((el) => el.state), "a=-2,0.5");

    // A drag in the figure: the controls follow.
    await figure.evaluate((el) => el.shadowRoot.querySelector('button[data-action="reset"]').click());
    await page.waitForFunction((el) => el.state === "a=1,0.5", await figure.elementHandle());
    await waitIdle(page);
    const canvas = shadow(figure, "canvas");
    const box = await canvas.boundingBox();
    const handle = findOrangeHandle(await canvas.screenshot());
    assert.ok(handle, "A·e₁'s handle not found");
    await hover(page, box.x + handle.x, box.y + handle.y);
    await page.mouse.down();
    await page.mouse.move(box.x + handle.x + 40, box.y + handle.y - 40, { steps: 5 });
    await page.mouse.up();
    await waitIdle(page);
    const moved = await figure.evaluate((el) => el.state);
    assert.ok(moved.startsWith("a="), `no drag moved A·e₁ (${moved})`);
    await waitIdle(page);
    const [x, y] = moved.match(/a=([^&]+)/)[1].split(",");
    assert.equal(await shadow(figure, "#p-a-0").inputValue(), x);
    assert.equal(await shadow(figure, "#p-a-1").inputValue(), y);
    assert.equal(await error.textContent(), "", "the old error went away");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("enum, bool, int and seed controls; axe finds nothing in the open controls (light and dark)", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open("types.html", { colorScheme, bypassCSP: true });
    try {
      const fields = page.locator("#fields"), rolls = page.locator("#rolls");
      await ready(page, fields);
      for (const figure of [fields, rolls]) {
        await figure.scrollIntoViewIfNeeded();
        await ready(page, figure);
        await shadow(figure, 'button[data-action="controls"]').click();
      }
      if (colorScheme === "light") {
        await shadow(fields, "#p-map").selectOption("cividis");
        await page.waitForFunction((el) => /map=cividis/.test(el.state), await fields.elementHandle());
        await shadow(fields, "#p-arrows").uncheck();
        await page.waitForFunction((el) => /arrows=false/.test(el.state), await fields.elementHandle());
        await shadow(fields, "#p-contours").fill("5");
        await shadow(fields, "#p-contours").press("Enter");
        await page.waitForFunction((el) => /contours=5/.test(el.state), await fields.elementHandle());
        const slider = fields.locator('input[type="range"][aria-labelledby="p-contours-label"]');
        assert.equal(await slider.inputValue(), "5", "the slider follows the number");
        await slider.focus();
        await page.keyboard.press("ArrowRight");
        await page.waitForFunction((el) => /contours=6/.test(el.state), await fields.elementHandle());

        const seedBefore = await shadow(rolls, "#p-seed").inputValue();
        await rolls.getByRole("button", { name: "New seed" }).click();
        await page.waitForFunction((el) => /seed=/.test(el.state), await rolls.elementHandle());
        assert.notEqual(await shadow(rolls, "#p-seed").inputValue(), seedBefore);
      }
      await waitIdle(page);
      for (const [name, figure] of [["fields", fields], ["rolls", rolls]]) {
        await figure.scrollIntoViewIfNeeded();
        await figure.screenshot({ path: artifact(`runtime-controls-${name}-${colorScheme}.png`) });
      }
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const report = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
      assert.deepEqual(report, []);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});
