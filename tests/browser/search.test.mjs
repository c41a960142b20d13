// The site search in every page's header, under the pages' real CSP: nothing of Pagefind loads
// until the box is focused; typing "determinant" lists results as links, the first of which is the
// determinant-3d figure's place in its chapter; the keyboard reaches it (↓, focus visible) and
// Enter lands on that figure, in view; Escape closes the results and gives the box its focus back;
// axe-core finds nothing with the results open, light and dark; the console stays empty.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import { artifact, openBrowser, openPage, siteDir } from "./harness.mjs";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Where the determinant-3d figure sits: its chapter page and the figure's id, read from the site.
function figurePlace(name) {
  for (const file of fs.readdirSync(siteDir).filter((f) => f.endsWith(".html"))) {
    const html = fs.readFileSync(path.join(siteDir, file), "utf8");
    const m = new RegExp(`<figure class="mml-fig" id="(figure-\\d+)">\\n<mml-figure name="${name}"[\\s>]`).exec(html);
    if (m) return { file, id: m[1] };
  }
  throw new Error(`no chapter page places ${name}`);
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
}

async function searchFor(page, text) {
  await page.keyboard.type(text);
  await page.waitForFunction(() => {
    const status = document.getElementById("site-search-status").textContent;
    return /results? for|No results/.test(status);
  }, null, { timeout: 30000 });
}

test('"determinant" lands on the determinant-3d figure in its chapter, by keyboard, with an empty console', async () => {
  const target = figurePlace("determinant-3d");
  const { page, problems, context } = await openPage(env.browser, env.server.url + "index.html");
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  try {
    const input = page.getByRole("searchbox", { name: "Search the chapters and figures" });
    assert.ok(await input.isVisible(), "the search box is shown once site.js runs");
    assert.deepEqual(requests.filter((p) => p.startsWith("/pagefind/")), [], "Pagefind loads only when the box is used");

    await input.focus();
    await searchFor(page, "determinant");
    assert.ok(requests.includes("/pagefind/pagefind.js"), "focusing the box loads Pagefind from this site");
    const links = page.locator("#site-search-results > li > a");
    const count = await links.count();
    assert.ok(count >= 2, `expected several results, got ${count}`);
    const first = links.first();
    assert.equal(await first.getAttribute("href"), `${target.file}#${target.id}`, "the best result is the figure's place");
    assert.match(await first.locator(".search-hit-title").textContent(), /^Figure \d+: The determinant as a volume$/);
    assert.match(await first.locator("mark").first().textContent(), /determinant/i);
    assert.match(await page.locator("#site-search-status").textContent(), new RegExp(`^${count} results for “determinant”`));

    // Focus moves into the list with ↓, visibly.
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), `${target.file}#${target.id}`);
    const outline = await first.evaluate((a) => getComputedStyle(a).outlineStyle);
    assert.notEqual(outline, "none", "the focused result shows its focus");
    await page.screenshot({ path: artifact("search-results-light.png") });
    assert.deepEqual(await axeViolations(page), [], "axe-core with the results open (light)");

    await Promise.all([page.waitForURL(`**/${target.file}#${target.id}`), page.keyboard.press("Enter")]);
    await page.waitForLoadState("load");
    // The page scrolls to the figure (smoothly, unless the reader asks for reduced motion).
    await page.waitForFunction((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return box.top >= -1 && box.top < innerHeight / 2;
    }, target.id, { timeout: 15000 });
    const landed = await page.evaluate((id) => {
      const figure = document.getElementById(id);
      const box = figure.getBoundingClientRect();
      return { hash: location.hash, name: figure.querySelector("mml-figure")?.getAttribute("name"),
               inView: box.top < innerHeight && box.bottom > 0, target: figure.matches(":target") };
    }, target.id);
    assert.deepEqual(landed, { hash: `#${target.id}`, name: "determinant-3d", inView: true, target: true });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("Escape closes the results and returns focus to the box; dark theme passes axe-core", async () => {
  const { page, problems, context } = await openPage(env.browser, env.server.url + "licenses.html", { colorScheme: "dark" });
  try {
    const input = page.locator("#site-search-input");
    await input.focus();
    await searchFor(page, "gradient");
    const panel = page.locator("#site-search-panel");
    assert.ok(await panel.isVisible());
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.closest("#site-search-results") !== null), true);
    await page.screenshot({ path: artifact("search-results-dark.png") });
    assert.deepEqual(await axeViolations(page), [], "axe-core with the results open (dark)");
    await page.keyboard.press("Escape");
    assert.ok(await panel.isHidden(), "Escape closes the results");
    assert.equal(await page.evaluate(() => document.activeElement.id), "site-search-input");
    // A second Escape clears the box; a query with no word in it finds nothing, and says so.
    await page.keyboard.press("Escape");
    assert.equal(await input.inputValue(), "");
    await searchFor(page, "§§§");
    assert.equal(await page.locator("#site-search-status").textContent(), "No results for “§§§”.");
    assert.equal(await page.locator("#site-search-results > li").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
