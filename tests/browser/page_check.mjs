// One check of one generated page in one look, shared by the pages test (the chapter pages: every
// figure placed in the book) and the site_pages test (the site's own pages: the roadmap, the
// gallery, the embedding guide, the licences, 404, the bare embed page). toolkit.html has its own
// test (toolkit.test.mjs), which makes the same checks of it.
//
// The page loads without a console error, warning or uncaught exception; every figure on it (or,
// with `onlyInView`, every figure in its first screen) mounts, draws its live canvas non-blank in
// the page's theme and then goes idle; the page does not scroll sideways; axe-core reports 0
// accessibility violations with the figures loaded (their shadow roots included). Screenshots of
// the page's first screen and of each figure's canvas
// (<page>-<look>-<n>-<figure>.png) are written under the artifacts directory for people to look at.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { artifact, figureDrawn, inkStats, isDark, openPage, siteDir, waitIdle } from "./harness.mjs";

// axe-core runs through the DevTools protocol (page.evaluate), which the pages' CSP does not
// govern, so the pages are tested under their real policy.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// Light at desktop width, dark at phone width. The phone look runs at device pixel ratio 1: the
// site's CSS does not depend on the ratio, and a figure's drawing buffer at ratio 2 (twice the
// CSS size, sharp) is runtime_layout.test.mjs's check; at 2 every canvas and screenshot here had
// four times the pixels.
// `figureCost`: what drawing and looking at one figure costs in that look, relative to the phone
// look (the pages test's parts are balanced with it; measured: light 2.3 s, phone 1.7 s a figure).
export const LOOKS = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 900 }, figureCost: 1.35 },
  { name: "dark-phone", colorScheme: "dark", viewport: { width: 375, height: 800 }, figureCost: 1 },
];

// How many figures a page of the site holds (<mml-figure> elements in its HTML).
export function figuresOn(file) {
  return (fs.readFileSync(`${siteDir}/${file}`, "utf8").match(/<mml-figure[\s>]/g) || []).length;
}

// A chapter page (generated from chapters/*.md) rather than one of the site's own pages.
export function isChapter(file) {
  return /<body class="page-chapter">/.test(fs.readFileSync(`${siteDir}/${file}`, "utf8"));
}

// `onlyInView`: only the figures in the first screen must draw (the gallery and the guide).
// `minInk`, `minColours`: what a figure's canvas must show at least (inkStats). Returns the names
// of the figures checked, in page order.
export async function checkPage(browser, url, file, look, { onlyInView = false, minInk = 0.02, minColours = 20 } = {}) {
  const { page, problems, context } = await openPage(browser, url + file, look);
  const stem = `${file.replace(/\.html$/, "")}-${look.name}`;
  try {
    const count = await page.locator("mml-figure").count(), names = [];
    if (onlyInView) {
      await page.waitForFunction(() => [...document.querySelectorAll("mml-figure")]
        .filter((el) => el.getBoundingClientRect().top < innerHeight)
        .every((el) => el.dataset.state && el.dataset.state !== "loading"), null, { timeout: 30000 });
    } else {
      // One pass: each figure scrolled into view, mounted, its live canvas drawn (the poster gone:
      // data-drawn) and looked at while it is there. (Settling every figure first and then
      // scrolling back to each for its screenshot drew most figures twice: a figure far out of
      // view gives its WebGL context up.) Screenshots at CSS pixels: the ink check needs no more.
      for (let i = 0; i < count; ++i) {
        const figure = page.locator("mml-figure").nth(i);
        await figure.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => el.dataset.state && el.dataset.state !== "loading", await figure.elementHandle(),
                                   { timeout: 30000 });
        assert.equal(await figure.getAttribute("data-state"), "ready", `figure ${i} on ${file}`);
        await figureDrawn(page, figure);
        const name = await figure.getAttribute("name");
        names.push(name);
        const shot = await figure.locator("canvas").screenshot({ scale: "css", path: artifact(`${stem}-${i + 1}-${name}.png`) });
        const stats = inkStats(shot);
        assert.ok(stats.ink > minInk && stats.colours > minColours, `figure ${i} (${name}) on ${file} looks blank: ${JSON.stringify(stats)}`);
        // Its most common colour (the plot's background) is the page's look: a figure stuck in
        // the other theme, or drawn over by an opaque box, fails here.
        assert.equal(isDark(stats.background), look.colorScheme === "dark",
                     `figure ${i} (${name}) on ${file} is not drawn in the ${look.colorScheme} theme: ${JSON.stringify(stats)}`);
      }
    }
    await waitIdle(page);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(noScroll, `${file} scrolls sideways at ${look.viewport.width}px`);
    // The page's first screen: a full-page shot brings every figure into view at once (the
    // slowest step of this test; the far figures of the gallery and the guide showed as empty
    // boxes, their lazy posters not loaded), and the licences page's was 3.6 MB. Each figure
    // drawn has its own screenshot above.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    await page.screenshot({ path: artifact(`${stem}.png`) });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const report = result.violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
    assert.deepEqual(report, [], `${file} (${look.name}): axe-core violations`);
    assert.deepEqual(problems, []);
    return names;
  } finally {
    await context.close();
  }
}
