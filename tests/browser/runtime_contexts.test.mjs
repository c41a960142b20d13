// WebGL contexts stay bounded and come back: on a 60-figure page at most 8 contexts are ever live
// and none is lost while the reader scrolls down and back up (far figures show a snapshot, then
// draw the same pixels again on return); a context the browser takes away is restored without
// reloading the page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { PNG } from "pngjs";
import { artifact, inkStats, openBrowser, openPage, releaseOnly, waitIdle } from "./harness.mjs";
import { page as testPage, servePages, stressPage } from "./runtime_pages.mjs";

const FIGURES = 60;
let env, site;
before(async () => {
  // The default GPU-composited Chromium: here the console must be silent without exception (the
  // other tests composite in software, see openBrowser).
  env = await openBrowser({ gpuCompositing: true });
  site = await servePages({ "stress.html": stressPage(FIGURES), "three.html": stressPage(3), "blank.html": testPage("Blank", "") });
});
after(async () => { await site?.close(); await env?.close(); });

// Counts every WebGL context the page creates; `max` is the most ever live (not lost) at once,
// and `lostOnPage` the contexts lost while their canvas was still in the document (the runtime
// retires a canvas before giving its context back; anything else is the browser evicting one).
function countContexts() {
  const contexts = [];
  const gl = { max: 0, created: 0, lostOnPage: 0 };
  window.__gl = gl;
  gl.live = () => contexts.filter((c) => !c.isContextLost()).length;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attributes) {
    const context = getContext.call(this, type, attributes);
    if (context && /webgl/.test(type) && !contexts.includes(context)) {
      contexts.push(context);
      gl.created++;
      gl.max = Math.max(gl.max, gl.live());
      this.addEventListener("webglcontextlost", () => { if (this.isConnected) gl.lostOnPage++; });
    }
    return context;
  };
}

function pixelDifference(a, b) {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differ = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) +
        Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 24) differ++;
  }
  return differ / (pa.width * pa.height);
}

test(`${FIGURES} figures: at most 8 live contexts, none lost, snapshots while away, same pixels on return`, { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "blank.html");
  try {
    await page.addInitScript(countContexts);
    await page.goto(site.url + "stress.html");
    const figures = page.locator("mml-figure");
    assert.equal(await figures.count(), FIGURES);
    const first = figures.first();
    await page.waitForFunction((el) => el.attached, await first.elementHandle(), { timeout: 30000 });
    await waitIdle(page);
    const before = await first.screenshot();

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const step = 450;
    const sample = async () => page.evaluate(() => ({
      live: window.__gl.live(),
      attached: [...document.querySelectorAll("mml-figure")].filter((el) => el.attached).length,
    }));
    // After each scroll, two animation frames: the element's visibility observers have been told
    // and have attached or released contexts (a fixed sleep was either too short under load or
    // longer than needed).
    const rendered = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let most = 0;
    for (let y = step; y < height + step; y += step) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await rendered();
      const now = await sample();
      most = Math.max(most, now.live);
      assert.ok(now.attached <= 8 && now.live <= 8, `too many contexts at y=${y}: ${JSON.stringify(now)}`);
    }
    // At the bottom, the first figure is far away: no context, its last frame shown instead.
    const away = await first.evaluate((el) => ({
      attached: el.attached, detached: el.hasAttribute("data-detached"),
      snapshot: el.shadowRoot.querySelector(".snapshot").src,
    }));
    assert.equal(away.attached, false);
    assert.ok(away.detached && away.snapshot.startsWith("data:image/png"), "no snapshot while away");
    const snapshotStats = inkStats(Buffer.from(away.snapshot.split(",")[1], "base64"));
    assert.ok(snapshotStats.ink > 0.02 && snapshotStats.colours > 20, `blank snapshot: ${JSON.stringify(snapshotStats)}`);

    for (let y = height; y >= -step; y -= step) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await rendered();
      most = Math.max(most, (await sample()).live);
    }
    await page.waitForFunction((el) => el.attached && !el.hasAttribute("data-detached"), await first.elementHandle());
    await waitIdle(page);
    const after = await first.screenshot({ path: artifact("runtime-stress-first-after-return.png") });
    const gl = await page.evaluate(() => ({ ...window.__gl, live: window.__gl.live() }));
    console.log(`contexts: at most ${gl.max} live (sampled ${most}), ${gl.created} created, ${gl.lostOnPage} lost on the page`);
    assert.ok(gl.max <= 8, `${gl.max} live contexts at once`);
    assert.ok(gl.created > 8, "the page never needed more than 8 contexts: the test proves nothing");
    assert.equal(gl.lostOnPage, 0, "a figure on the page lost its context");
    const losses = await page.evaluate(() => [...document.querySelectorAll("mml-figure")].reduce((n, el) => n + el.contextLosses, 0));
    assert.equal(losses, 0);
    const difference = pixelDifference(before, after);
    assert.ok(difference < 0.005, `the first figure looks different after return (${(difference * 100).toFixed(2)}% of pixels)`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a lost WebGL context is restored without reloading, and the figure draws again", async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "three.html");
  try {
    const figures = page.locator("mml-figure");
    for (const i of [0, 1, 2]) {
      await page.waitForFunction((el) => el.attached, await figures.nth(i).elementHandle(), { timeout: 30000 });
    }
    await waitIdle(page);
    for (const i of [0, 1, 2]) {
      const figure = figures.nth(i);
      const before = inkStats(await figure.screenshot());
      // The test keeps the extension: after loseContext() it cannot be fetched from a lost context.
      await figure.evaluate((el) => {
        const canvas = el.shadowRoot.querySelector("canvas");
        const ext = canvas.getContext("webgl2").getExtension("WEBGL_lose_context");
        window.__lost = new Promise((resolve) => canvas.addEventListener("webglcontextlost", resolve, { once: true }));
        window.__restored = new Promise((resolve) => canvas.addEventListener("webglcontextrestored", resolve, { once: true }));
        window.__ext = ext;
        ext.loseContext();
      });
      await page.evaluate(() => window.__lost);
      assert.equal(await figure.evaluate((el) => el.attached), false, `figure ${i} still claims a context`);
      await page.evaluate(() => { window.__ext.restoreContext(); return window.__restored; });
      await page.waitForFunction((el) => el.attached, await figure.elementHandle());
      await waitIdle(page);
      const after = inkStats(await figure.screenshot({ path: artifact(`runtime-restored-${i}.png`) }));
      assert.ok(after.ink > 0.02 && after.colours > 20, `figure ${i} blank after restore: ${JSON.stringify(after)}`);
      assert.ok(Math.abs(after.ink - before.ink) < 0.02, `figure ${i} looks different after restore`);
      assert.equal(await figure.evaluate((el) => el.contextLosses), 1);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
