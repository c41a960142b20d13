// The site's own pages (the roadmap, the figure gallery, the embedding guide, the licences, 404,
// the embed page without a figure chosen), in both looks, with the chapter pages' checks
// (page_check.mjs): a clean console, every figure drawn in the page's theme, no sideways scroll,
// axe-core with 0 violations. The gallery and the embedding guide repeat the chapters' figures:
// there the figures in view are drawn and the rest stay posters (every figure is drawn in both
// looks on its chapter page, pages.test.mjs). toolkit.html is toolkit.test.mjs's.
import { after, before, test } from "node:test";
import { openBrowser, sitePages } from "./harness.mjs";
import { LOOKS, checkPage, isChapter } from "./page_check.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

const repeats = (file) => /^(gallery|embedding)\.html$/.test(file);
for (const file of sitePages().filter((f) => !isChapter(f) && f !== "toolkit.html")) {
  for (const look of LOOKS) {
    const what = repeats(file) ? "the figures in view draw" : "every figure draws";
    test(`${file} (${look.name}): loads cleanly, ${what}, axe-core finds no violations`,
         () => checkPage(env.browser, env.server.url, file, look, { onlyInView: repeats(file) }));
  }
}
