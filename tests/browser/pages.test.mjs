// Every chapter page (every figure placed in the book), in both looks: it loads without a console
// problem, every figure on it mounts, draws non-blank pixels in the page's theme and goes idle, the
// page does not scroll sideways, and axe-core reports 0 violations (page_check.mjs). The site's
// own pages are site_pages.test.mjs's; toolkit.html is toolkit.test.mjs's.
import { after, before, test } from "node:test";
import { balancedShard, openBrowser, sitePages } from "./harness.mjs";
import { LOOKS, checkPage, figuresOn, isChapter } from "./page_check.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// The parts (MML_SHARD) split the page-looks by cost: a page load plus a figure drawn and looked
// at for each figure the page holds. The two looks of a page may run in different parts (whole
// pages left the parts at 7 and 11 figures).
const runs = sitePages().filter(isChapter).flatMap((file) => LOOKS.map((look) => ({ file, look })));
const inPart = balancedShard(runs.map(({ file, look }) => 1 + look.figureCost * figuresOn(file)));
runs.forEach(({ file, look }, i) => {
  if (!inPart(i)) return;
  test(`${file} (${look.name}): loads cleanly, every figure draws, axe-core finds no violations`,
       () => checkPage(env.browser, env.server.url, file, look));
});
