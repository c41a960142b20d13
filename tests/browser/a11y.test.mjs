// axe-core reports 0 accessibility violations on every generated page, in both themes, with the
// figures loaded (their shadow roots included).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { openBrowser, openPage, settleFigures, sitePages } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

for (const file of sitePages()) {
  for (const colorScheme of ["light", "dark"]) {
    test(`${file} (${colorScheme}): axe-core finds no violations`, async () => {
      // axe is injected as an inline script, which the site's CSP forbids: bypass it for axe only.
      const { page, problems, context } = await openPage(env.browser, env.server.url + file,
                                                         { colorScheme, bypassCSP: true });
      try {
        await settleFigures(page);
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        const report = result.violations.map((v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
        assert.deepEqual(report, []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}
