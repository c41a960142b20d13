// Every generated page loads without a console error, warning or uncaught exception; every
// figure on it mounts, draws non-blank pixels and then goes idle; the page does not scroll
// sideways; and axe-core reports 0 accessibility violations with the figures loaded (their shadow
// roots included). Light at desktop width, dark at phone width. Screenshots of each page are
// written under the build directory for people to look at. The gallery and the embedding guide
// repeat the chapters' figures: there only their page (layout, axe, console) is checked, with the
// figures in view drawn and the rest still posters; every figure is drawn in both looks on its
// chapter page.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { artifact, balancedShard, figureDrawn, inkStats, openBrowser, openPage, siteDir, sitePages, waitIdle } from "./harness.mjs";

// axe-core runs through the DevTools protocol (page.evaluate), which the pages' CSP does not
// govern, so the pages are tested under their real policy.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

const LOOKS = [
  { name: "light", colorScheme: "light", viewport: { width: 1280, height: 900 } },
  { name: "dark-phone", colorScheme: "dark", viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 },
];
// The gallery and the embedding guide repeat figures drawn on the chapter pages: only the ones in
// view are drawn there.
const repeats = (file) => /^(gallery|embedding)\.html$/.test(file);
const files = sitePages();
// The parts (MML_SHARD) split the pages by cost, about a page load plus a figure drawn and looked
// at for each figure it holds, both looks of a page in the same part.
const inPart = balancedShard(files.map((file) => 1 + (repeats(file) ? 1 :
  (fs.readFileSync(`${siteDir}/${file}`, "utf8").match(/<mml-figure[\s>]/g) || []).length)));
const runs = files.flatMap((file, f) => LOOKS.map((look) => ({ file, look, part: f })));
for (const { file, look, part } of runs) {
  if (!inPart(part)) continue;
  const onlyInView = repeats(file);
  const what = onlyInView ? "the figures in view draw" : "every figure draws";
  test(`${file} (${look.name}): loads cleanly, ${what}, axe-core finds no violations`, async () => {
    const { page, problems, context } = await openPage(env.browser, env.server.url + file, look);
    try {
      if (onlyInView) {
        await page.waitForFunction(() => [...document.querySelectorAll("mml-figure")]
          .filter((el) => el.getBoundingClientRect().top < innerHeight)
          .every((el) => el.dataset.state && el.dataset.state !== "loading"), null, { timeout: 30000 });
      } else {
        // One pass: each figure scrolled into view, mounted, its live canvas drawn (the poster
        // gone: data-drawn) and looked at while it is there. (Settling every figure first and
        // then scrolling back to each for its screenshot drew most figures twice: a figure far
        // out of view gives its WebGL context up.) Screenshots at CSS pixels: the ink check needs
        // no more, and the phone look's are a quarter of the pixels.
        const count = await page.locator("mml-figure").count();
        for (let i = 0; i < count; ++i) {
          const figure = page.locator("mml-figure").nth(i);
          await figure.scrollIntoViewIfNeeded();
          await page.waitForFunction((el) => el.dataset.state && el.dataset.state !== "loading", await figure.elementHandle(),
                                     { timeout: 30000 });
          assert.equal(await figure.getAttribute("data-state"), "ready", `figure ${i} on ${file}`);
          await figureDrawn(page, figure);
          const stats = inkStats(await figure.screenshot({ scale: "css" }));
          assert.ok(stats.ink > 0.02 && stats.colours > 20,
                    `figure ${i} on ${file} looks blank: ${JSON.stringify(stats)}`);
        }
      }
      await waitIdle(page);
      const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(noScroll, `${file} scrolls sideways at ${look.viewport.width}px`);
      // The whole page at desktop width; at phone width its first screen (a full-page shot there
      // brings every figure into view at once at twice the pixels: the slowest step of the test).
      // The gallery and the guide, whose figures are not all drawn, show their first screen too:
      // in a full-page shot their far figures are empty boxes, their lazy posters not yet loaded.
      const fullPage = look.name === "light" && !onlyInView;
      if (!fullPage) await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
      await page.screenshot({ path: artifact(`${file.replace(/\.html$/, "")}-${look.name}.png`), fullPage, timeout: 60000 });
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
      const report = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
      assert.deepEqual(report, [], `${file} (${look.name}): axe-core violations`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
