// Shared by the browser tests: serve the generated site on 127.0.0.1, drive Debian's Chromium
// (SwiftShader WebGL2) with playwright-core, and fail on any console error, warning or uncaught
// exception. Screenshots go to $MML_ARTIFACTS_DIR.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";
import { startServer } from "../../web/site/serve.mjs";

export const siteDir = path.resolve(process.env.MML_SITE_DIR || "build/site");
export const artifactsDir = path.resolve(process.env.MML_ARTIFACTS_DIR || "build/artifacts");

export async function openBrowser() {
  if (!fs.existsSync(path.join(siteDir, "index.html")))
    throw new Error(`no site in ${siteDir}: build it first (scripts/build.sh)`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const server = await startServer({ root: siteDir, port: 0, host: "127.0.0.1", quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.MML_CHROMIUM || "/usr/bin/chromium",
    args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox",
           "--disable-gpu-sandbox", "--disable-dev-shm-usage"],
  });
  return {
    server, browser,
    async close() { await browser.close(); await server.close(); },
  };
}

// A page whose console problems are collected; `problems` must stay empty.
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    colorScheme: options.colorScheme || "light",
    reducedMotion: options.reducedMotion || "no-preference",
    hasTouch: options.hasTouch || false,
    bypassCSP: options.bypassCSP || false,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, problems, context };
}

// Waits until every figure on the page has left "loading" (scrolling each into view so lazy
// figures mount), then until no figure is asking for frames.
export async function settleFigures(page, timeout = 30000) {
  const count = await page.locator("mml-figure").count();
  for (let i = 0; i < count; ++i) {
    const figure = page.locator("mml-figure").nth(i);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.dataset.state && el.dataset.state !== "loading",
                               await figure.elementHandle(), { timeout });
  }
  await waitIdle(page);
  return count;
}

// Frames stop when input stops: the counters stay put over `quiet` milliseconds.
export async function waitIdle(page, quiet = 600, timeout = 15000) {
  const start = Date.now();
  let last = await frameCounts(page);
  for (;;) {
    await page.waitForTimeout(quiet);
    const now = await frameCounts(page);
    if (now.every((n, i) => n === last[i])) return now;
    if (Date.now() - start > timeout) throw new Error(`figures still drawing: ${now}`);
    last = now;
  }
}

export const frameCounts = (page) =>
  page.evaluate(() => [...document.querySelectorAll("mml-figure")].map((f) => f.frameCount));

// How much of an element's screenshot is not its most common colour (0..1), and how many
// distinct colours it has: a blank or single-colour canvas scores 0 and 1.
export function inkStats(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const counts = new Map();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const total = png.width * png.height;
  const top = Math.max(...counts.values());
  return { ink: 1 - top / total, colours: counts.size, width: png.width, height: png.height };
}

export function artifact(name) {
  return path.join(artifactsDir, name);
}

export function sitePages() {
  return fs.readdirSync(siteDir).filter((f) => f.endsWith(".html")).sort();
}
