// The built pages in a real browser (headless Chromium, skipped when it is not installed): they load
// under the production CSP with no violations, fit a 375 px phone without sideways scrolling, and
// the theme toggle cycles, persists and sets <html data-theme>, the contract <mml-figure> reads.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateSite } from '../../web/site/generate.mjs';
import { startServer } from '../../web/site/serve.mjs';
import { FIXTURE_MANIFEST, REPO, fakeRuntime, removeAll, tempDir } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const skip = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

describe('pages in Chromium', { skip }, () => {
  let runtime, out, server, browser;
  before(async () => {
    const { chromium } = await import('playwright-core');
    runtime = fakeRuntime();
    out = tempDir('mml-out-');
    generateSite({ manifest: FIXTURE_MANIFEST, runtime: runtime.dir, element: runtime.element, out, chapters: path.join(REPO, 'chapters') });
    server = await startServer({ root: out, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    removeAll(out, runtime?.dir);
  });

  async function open(name, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
    await page.goto(server.url + name, { waitUntil: 'load' });
    return { context, page, problems };
  }

  test('every page loads under the CSP without errors and fits 375 px', async () => {
    for (const name of fs.readdirSync(out).filter((f) => f.endsWith('.html') && f !== '404.html')) {
      const { context, page, problems } = await open(name, { viewport: { width: 375, height: 800 } });
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `${name} scrolls sideways by ${overflow}px at 375 px`);
      assert.deepEqual(problems, [], `${name}: ${problems.join('; ')}`);
      await context.close();
    }
  });

  test('the theme toggle cycles, sets data-theme and persists', async () => {
    const { context, page } = await open('linear-transformations.html', { colorScheme: 'light' });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? null);
    const toggle = page.locator('[data-theme-toggle]');
    assert.equal(await toggle.isVisible(), true);
    assert.equal(await theme(), null);
    await toggle.click();
    assert.equal(await theme(), 'dark'); // from auto the first click always changes what is seen
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)');
    await page.reload();
    assert.equal(await theme(), 'dark', 'the choice survives a reload');
    await toggle.click();
    assert.equal(await theme(), 'light');
    await toggle.click();
    assert.equal(await theme(), null);
    assert.equal(await page.evaluate(() => localStorage.getItem('mml-theme')), null);
    await context.close();
  });

  test('dark system preference is followed when nothing is chosen', async () => {
    const { context, page } = await open('index.html', { colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)');
    await context.close();
  });
});
