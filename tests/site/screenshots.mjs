// Renders the generated site's pages at phone and desktop widths, light and dark, for a human look.
//   node tests/site/screenshots.mjs <site dir> <png dir> [page.html …]
// Not a test: it takes a few seconds per page and has nothing to assert.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/site/serve.mjs';

const [site, outDir, ...only] = process.argv.slice(2);
if (!site || !outDir) {
  console.error('usage: node tests/site/screenshots.mjs <site dir> <png dir> [page.html …]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const pages = only.length ? only : fs.readdirSync(site).filter((f) => f.endsWith('.html'));
const server = await startServer({ root: site, port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(String(e)));
      for (const name of pages) {
        await page.goto(server.url + name, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const file = path.join(outDir, `${path.basename(name, '.html')}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`${file}${overflow > 0 ? `  HORIZONTAL OVERFLOW ${overflow}px` : ''}`);
      }
      if (errors.length) console.log(`console errors (${scheme}, ${width}):\n  ${errors.join('\n  ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
