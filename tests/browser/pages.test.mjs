// Every generated page loads without a console error, warning or uncaught exception; every
// figure on it mounts, draws non-blank pixels and then goes idle. Screenshots of each page (light
// and dark, desktop and phone width) are written under the build directory for people to look at.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, inkStats, openBrowser, openPage, settleFigures, sitePages } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

for (const file of sitePages()) {
  for (const look of [
    { name: "light", colorScheme: "light", viewport: { width: 1280, height: 900 } },
    { name: "dark-phone", colorScheme: "dark", viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 },
  ]) {
    test(`${file} (${look.name}): loads cleanly and every figure draws`, async () => {
      const { page, problems, context } = await openPage(env.browser, env.server.url + file, look);
      try {
        const figures = await settleFigures(page);
        for (let i = 0; i < figures; ++i) {
          const figure = page.locator("mml-figure").nth(i);
          assert.equal(await figure.getAttribute("data-state"), "ready", `figure ${i} on ${file}`);
          const stats = inkStats(await figure.screenshot());
          assert.ok(stats.ink > 0.02 && stats.colours > 20,
                    `figure ${i} on ${file} looks blank: ${JSON.stringify(stats)}`);
        }
        const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(noScroll, `${file} scrolls sideways at ${look.viewport.width}px`);
        await page.screenshot({ path: artifact(`${file.replace(/\.html$/, "")}-${look.name}.png`), fullPage: true });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}
