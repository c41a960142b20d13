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

// The tests' Chromium composites pages in software by default (--disable-gpu-compositing): about
// a quarter less CPU than compositing through SwiftShader, measured on bad_input and pages. It is
// also what a reader's Chrome does on a machine without a usable GPU. WebGL still runs in
// SwiftShader; the compositor copies each canvas's frame out of it and says so in the page's
// console a few times per context ("GPU stall due to ReadPixels", then "this message will no
// longer repeat"). That message is the test browser's configuration talking, not the page: it
// alone is tolerated, and only in such a browser. `gpuCompositing: true` launches the default
// GPU-composited browser, where the console must be silent without exception.
const softwareCompositing = new WeakSet();
const COMPOSITOR_READBACK = /^\[\.WebGL-0x[0-9a-f]+\]GL Driver Message \(OpenGL, Performance, GL_CLOSE_PATH_NV, High\): GPU stall due to ReadPixels( \(this message will no longer repeat\))?$/;

// Adds each console error and warning of `page` to `problems` ("warning: …", with the script's
// address when `location`), except the compositor's readback message above.
export function watchConsole(page, problems, { location = false } = {}) {
  page.on("console", (message) => {
    const type = message.type();
    if (type !== "error" && type !== "warning") return;
    if (type === "warning" && COMPOSITOR_READBACK.test(message.text()) && softwareCompositing.has(page.context().browser())) return;
    problems.push(`${type}: ${message.text()}` + (location ? ` (${message.location()?.url})` : ""));
  });
}

// The site served on 127.0.0.1 and a Chromium: { server, browser, close() }. In a process that
// called shareBrowser (figures.test.mjs), the software-composited one is shared: its close()
// leaves it open for the next test file.
export async function openBrowser({ gpuCompositing = false } = {}) {
  if (shared && !gpuCompositing) return { ...(await shared.env), async close() {} };
  return launchBrowser({ gpuCompositing });
}

// Makes every later openBrowser() of this process return one browser (launched now), until the
// returned close().
let shared = null;
export function shareBrowser() {
  const env = launchBrowser();
  env.catch(() => {});  // its error reaches each test file's openBrowser
  shared = { env };
  return {
    async close() {
      shared = null;
      await (await env).close();
    },
  };
}

async function launchBrowser({ gpuCompositing = false } = {}) {
  if (!fs.existsSync(path.join(siteDir, "index.html")))
    throw new Error(`no site in ${siteDir}: build it first (scripts/build.sh)`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  console.log(`runtime: ${describeRuntime()}`);
  const server = await startServer({ root: siteDir, port: 0, host: "127.0.0.1", quiet: true });
  const browser = await chromium.launch({
    executablePath: process.env.MML_CHROMIUM || "/usr/bin/chromium",
    args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox",
           "--disable-gpu-sandbox", "--disable-dev-shm-usage",
           ...(gpuCompositing ? [] : ["--disable-gpu-compositing"])],
  });
  if (!gpuCompositing) softwareCompositing.add(browser);
  return {
    server, browser,
    async close() { await browser.close(); await server.close(); },
  };
}

// Which WebAssembly runtime the site carries: the debug one (target mml-debug) has the test hook
// mml_debug_fail, the release one does not.
function readRuntime() {
  try {
    return fs.readFileSync(path.join(siteDir, "mml", "mml.js"), "utf8").includes("mml_debug_fail") ? "debug" : "release";
  } catch {
    return "none";
  }
}
export const runtime = readRuntime();
// Tests whose subject is the page side (the element, the loader, the page's policies) run on the
// release runtime only; the debug runtime's run keeps the tests that push the module itself.
export const releaseOnly = runtime === "debug" &&
  "the page side is tested on the release runtime; the debug runtime runs the tests that push the module";

export function describeRuntime() {
  const dir = path.join(siteDir, "mml");
  const kb = (fs.statSync(path.join(dir, "mml.wasm")).size / 1024).toFixed(0);
  const kind = runtime === "debug" ? "debug (assertions, stack and memory checks)" : "release";
  return `${kind}, ${path.relative(process.cwd(), dir)}/mml.wasm ${kb} KB`;
}

// A page whose console problems are collected; `problems` must stay empty.
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext(contextOptions(options));
  const { page, problems } = await openTab(context, url);
  await viewportApplied(page);
  return { page, problems, context };
}

const contextOptions = (options) => ({
  viewport: options.viewport || { width: 1280, height: 900 },
  deviceScaleFactor: options.deviceScaleFactor || 1,
  colorScheme: options.colorScheme || "light",
  reducedMotion: options.reducedMotion || "no-preference",
  hasTouch: options.hasTouch || false,
  bypassCSP: options.bypassCSP || false,
});

// A new page (tab) of `context` at `url`, its console problems collected like openPage's;
// `viewport` ({ width, height }) when it is not the context's.
export async function openTab(context, url, viewport = null) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  watchConsole(page, problems);
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

// Waits until the page is laid out at its context's viewport, so no test measures a page before
// its size is applied. (Written for third_party's "article margins 150 px → 0 px" flake, which
// has since happened with this check passing: that test now reports the layout it saw.)
export async function viewportApplied(page) {
  const { width, height } = page.viewportSize();
  const laidOut = () => page.evaluate(() => [window.innerWidth, window.innerHeight]);
  let [w, h] = await laidOut();
  for (let tries = 0; (w !== width || h !== height) && tries < 100; ++tries) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    [w, h] = await laidOut();
  }
  if (w !== width || h !== height) throw new Error(`the page is laid out at ${w}×${h}, not at its viewport ${width}×${height}`);
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

// Frames stop when input stops. Idle is read off the elements themselves: no figure has a frame
// scheduled or its live description pending, and no frame counter moved, for `quiet` ms of a
// polling loop inside the page (so a slow, loaded machine only makes it take longer).
export async function waitIdle(page, quiet = 250, timeout = 20000) {
  const result = await page.evaluate(async ({ quiet, timeout }) => {
    const figures = () => [...document.querySelectorAll("mml-figure")];
    const snapshot = () => figures().map((f) => `${f.frameCount}${f.busy ? "*" : ""}`).join(" ");
    const start = performance.now();
    let last = snapshot(), calmSince = last.includes("*") ? null : start;
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const now = performance.now(), current = snapshot();
      if (current !== last || current.includes("*")) calmSince = null;
      else if (calmSince === null) calmSince = now;
      last = current;
      if (calmSince !== null && now - calmSince >= quiet) return { idle: true, counts: current };
      if (now - start > timeout) return { idle: false, counts: current };
    }
  }, { quiet, timeout });
  if (!result.idle) throw new Error(`figures still drawing (* a frame pending): ${result.counts}`);
  return result.counts.split(" ").filter(Boolean).map(Number);
}

// After input to one figure: waits until it has drawn all the frames the input asked for (it has
// no frame scheduled). Quicker than waitIdle (the live description may still be pending).
export async function framesDone(figure, timeout = 20000) {
  await figure.page().waitForFunction((el) => !el.drawing, await figure.elementHandle(), { timeout, polling: 20 });
}

export const frameCounts = (page) =>
  page.evaluate(() => [...document.querySelectorAll("mml-figure")].map((f) => f.frameCount));

// How much of an element's screenshot is not its most common colour (0..1), how many distinct
// colours it has (a blank or single-colour canvas scores 0 and 1), and `background` ([r, g, b]),
// the most common colour of its outermost pixels: for a figure's canvas, the window padding round
// its plots, whatever the plots fill most of it with (a heat map).
export function inkStats(pngBuffer) {
  const png = PNG.sync.read(pngBuffer);
  const { width, height, data } = png;
  const counts = new Map(), edge = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) || 0) + 1);
    const x = (i / 4) % width, y = Math.floor(i / 4 / width);
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) edge.set(key, (edge.get(key) || 0) + 1);
  }
  const mostCommon = (map) => [...map].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  const [, top] = mostCommon(counts);
  const [background] = mostCommon(edge);
  return { ink: 1 - top / (width * height), colours: counts.size, width, height,
           background: [background >> 16, (background >> 8) & 255, background & 255] };
}

// Whether a colour ([r, g, b], 0–255) is a dark theme's: its relative luminance (sRGB, WCAG's
// formula) below that of mid grey.
export function isDark([r, g, b]) {
  const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.2159;
}

export function artifact(name) {
  return path.join(artifactsDir, name);
}

// ctest runs the longest test files in parts, side by side (MML_SHARD="k/n", tests/CMakeLists.txt):
// part k runs the items (pages and looks, figures) whose index i has i % n === k - 1.
const [shardPart, shardCount] = (process.env.MML_SHARD || "1/1").split("/").map(Number);
export const inShard = (i) => i % shardCount === shardPart - 1;
// The same for items of unequal cost: each item (its estimated cost in `weights`), heaviest
// first, goes to the part with the least work so far. Returns the test for item i.
export function balancedShard(weights) {
  const load = new Array(shardCount).fill(0), part = new Array(weights.length);
  const order = weights.map((w, i) => i).sort((a, b) => weights[b] - weights[a] || a - b);
  for (const i of order) {
    const k = load.indexOf(Math.min(...load));
    part[i] = k;
    load[k] += weights[i];
  }
  return (i) => part[i] === shardPart - 1;
}

// The site's manifest as the generator read it (less the summaries): the element's index
// (prepended to mml/mml-figure.js) with each figure's description (mml/figures/<id>.json) merged in.
export function siteManifest() {
  const text = fs.readFileSync(path.join(siteDir, "mml", "mml-figure.js"), "utf8");
  const index = JSON.parse(text.match(/window\.MML_MANIFEST = (\{.*\});\n/)[1]);
  const details = (id) => JSON.parse(fs.readFileSync(path.join(siteDir, "mml", "figures", id + ".json"), "utf8"));
  return { ...index, figures: index.figures.map((f) => ({ ...f, ...details(f.id) })) };
}

export function sitePages() {
  return fs.readdirSync(siteDir).filter((f) => f.endsWith(".html")).sort();
}

// --- One figure at a time (tests/browser/<figure>.test.mjs) -------------------------------------
// Each per-figure test opens the figure alone on the site's embed page, drives its main handle with
// real pointer events and the keyboard, checks the live summary and the native controls against
// numbers it computes itself, copies a link and opens it in a new page, resets, and sees no console
// problem. The embed page (embed.html?name=…) is a page of the site like the chapters: the same
// CSP and headers, the same mml/mml-figure.js, the figure's state in its address; it holds nothing
// else, so a test pays for its one figure, not for loading and drawing a chapter. That the figure
// mounts and draws on its chapter page, in both looks, is the pages test's part.

// The embed page's address for figure `name` with `attributes` ({ name: value }) as parameters.
export function figureUrl(env, name, attributes = {}) {
  const query = new URLSearchParams({ name, ...attributes });
  return `${env.server.url}embed.html?${query}`;
}

// Figure `name` alone (embed.html), `width` CSS pixels wide (embed.js fits the figure to the
// frame; the height leaves room for any aspect and the toolbar), with clipboard access; `figure`
// is mounted, holding a context and idle. `options` are openPage's (colorScheme, …). `close()`
// closes what was opened. In a shared browser (shareBrowser) the page is a new tab of a browser
// context kept for every figure opened with the same options, as a reader's tabs share one
// profile: the runtime comes from that context's cache after its first download (about 4 % less
// CPU for the twelve figure tests than a context each).
export async function openFigure(env, name, { attributes = {}, width = 760, ...options } = {}) {
  const viewport = { width, height: Math.ceil(width / 1.4) + 80 };
  const url = figureUrl(env, name, attributes);
  let opened;
  if (shared && (await shared.env).browser === env.browser) {
    const context = await pooledContext(env, options);
    const { page, problems } = await openTab(context, url, viewport);
    await viewportApplied(page);
    opened = { page, problems, context, close: () => page.close() };
  } else {
    opened = await openPage(env.browser, url, { viewport, ...options });
    await grantClipboard(env, opened.context);
    opened.close = () => opened.context.close();
  }
  const figure = opened.page.locator("mml-figure").first();
  await figureReady(opened.page, figure);
  await waitIdle(opened.page);
  return { ...opened, figure };
}

const grantClipboard = (env, context) =>
  context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url.replace(/\/$/, "") });

// The shared browser's contexts for openFigure, one per set of context options.
function pooledContext(env, options) {
  const key = JSON.stringify(contextOptions(options));
  shared.contexts ??= new Map();
  if (!shared.contexts.has(key)) {
    shared.contexts.set(key, env.browser.newContext(contextOptions(options)).then(async (context) => {
      await grantClipboard(env, context);
      return context;
    }));
  }
  return shared.contexts.get(key);
}

// Until the figure's live canvas has drawn (the poster gone: data-drawn), it holds its context
// and no frame is pending: what a screenshot of it then shows is the figure itself.
export async function figureDrawn(page, figure, timeout = 30000) {
  await page.waitForFunction((el) => el.hasAttribute("data-drawn") && el.attached && !el.drawing,
                             await figure.elementHandle(), { timeout, polling: 50 });
}

export async function figureReady(page, figure, timeout = 30000) {
  await page.waitForFunction((el) => el.dataset.state === "ready" && el.attached,
                             await figure.elementHandle(), { timeout });
}

// The figure's state ("name=value&…", parameters off their defaults) as a Map of strings.
export async function figureState(figure) {
  return new Map(new URLSearchParams(await figure.evaluate((el) => el.state)));
}

// Waits until the live text summary (read by screen readers) satisfies `test` (a RegExp or a
// function of the text) and returns it.
export async function liveSummary(page, figure, test = /./, timeout = 10000) {
  const pattern = test instanceof RegExp ? { source: test.source, flags: test.flags } : null;
  const handle = await figure.elementHandle();
  if (pattern) {
    await page.waitForFunction(([el, p]) => new RegExp(p.source, p.flags).test(el.shadowRoot.querySelector("p.sr").textContent),
                               [handle, pattern], { timeout }).catch(() => {});
    const text = await figure.evaluate((el) => el.shadowRoot.querySelector("p.sr").textContent);
    if (!test.test(text)) throw new Error(`live summary ${JSON.stringify(text)} does not match ${test}`);
    return text;
  }
  const start = Date.now();
  for (;;) {
    const text = await figure.evaluate((el) => el.shadowRoot.querySelector("p.sr").textContent);
    if (test(text)) return text;
    if (Date.now() - start > timeout) throw new Error(`live summary ${JSON.stringify(text)} never passed the check`);
    await page.waitForTimeout(100);
  }
}

// Where a solid disc of colour `rgb` ([r, g, b]) is drawn in the figure's canvas, in page
// coordinates: the centre of the largest connected patch of pixels whose (2·radius + 1)²
// neighbourhood has the colour, or null.
// `region` ([x0, y0, x1, y1] as fractions of the canvas) limits the search.
export async function findDisc(figure, rgb, region = [0, 0, 1, 1], tolerance = 28, radius = 3) {
  const canvas = figure.locator("canvas");
  const box = await canvas.boundingBox();
  const png = PNG.sync.read(await canvas.screenshot());
  const { width, height, data } = png;
  const near = (x, y) => {
    const i = (y * width + x) * 4;
    return Math.abs(data[i] - rgb[0]) < tolerance && Math.abs(data[i + 1] - rgb[1]) < tolerance &&
           Math.abs(data[i + 2] - rgb[2]) < tolerance;
  };
  const [x0, y0, x1, y1] = [region[0] * width, region[1] * height, region[2] * width, region[3] * height].map(Math.round);
  const r = radius;
  const solid = new Uint8Array(width * height);
  for (let y = Math.max(r, y0); y < Math.min(height - r, y1); ++y) {
    for (let x = Math.max(r, x0); x < Math.min(width - r, x1); ++x) {
      let all = true;
      for (let dy = -r; dy <= r && all; dy += r) for (let dx = -r; dx <= r && all; dx += r) all = near(x + dx, y + dy);
      solid[y * width + x] = all ? 1 : 0;
    }
  }
  // The largest connected patch (several handles of one colour are several patches).
  let best = null;
  for (let start = 0; start < solid.length; ++start) {
    if (solid[start] !== 1) continue;
    let sx = 0, sy = 0, n = 0;
    const stack = [start];
    solid[start] = 2;
    while (stack.length) {
      const i = stack.pop(), x = i % width, y = (i - x) / width;
      sx += x; sy += y; n++;
      for (const j of [i - 1, i + 1, i - width, i + width]) if (j >= 0 && j < solid.length && solid[j] === 1) { solid[j] = 2; stack.push(j); }
    }
    if (!best || n > best.n) best = { sx, sy, n };
  }
  if (!best) return null;
  return { x: box.x + (best.sx / best.n) * box.width / width, y: box.y + (best.sy / best.n) * box.height / height, pixels: best.n };
}

// Moves the mouse to (x, y) and waits until every figure has drawn the frames that asked for,
// as a reader's pointer arrives before it presses. (The press-and-move-in-one-frame case this was
// first written for is fixed in the toolkit: plot.cpp and plot3d.cpp ignore motion on the press's
// frame, tested headless in test_determinant_3d.cpp.)
export async function hover(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForFunction(() => [...document.querySelectorAll("mml-figure")].every((el) => !el.drawing),
                             null, { timeout: 20000, polling: 20 });
}

// A real pointer drag: press at (x, y) in page coordinates, move by (dx, dy) in `steps`, release;
// then waits until the figure is idle again.
export async function drag(page, x, y, dx, dy, steps = 6) {
  await hover(page, x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps });
  await page.mouse.up();
  await waitIdle(page);
}

// Focuses the figure's canvas from the keyboard's point of view and presses `keys` in order.
export async function pressKeys(page, figure, keys) {
  await figure.evaluate((el) => el.shadowRoot.querySelector("canvas").focus());
  for (const key of keys) await page.keyboard.press(key);
  await waitIdle(page);
}

// Opens the figure's native controls (if closed) and returns the value of the control `id`.
export async function controlValue(figure, id) {
  const toggle = figure.locator('button[data-action="controls"]');
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const control = figure.locator(`#${id}`);
  return (await control.getAttribute("type")) === "checkbox" ? String(await control.isChecked()) : control.inputValue();
}

// Copy link → the clipboard's URL opened in a new page shows the figure in the same state.
export async function checkLinkRestores(env, page, figure, selector) {
  const state = await figure.evaluate((el) => el.state);
  await figure.locator('button[data-action="link"]').click();
  await page.waitForFunction((el) => el.shadowRoot.querySelector(".note").textContent === "Link copied",
                             await figure.elementHandle());
  const link = await page.evaluate(() => navigator.clipboard.readText());
  // In a new tab of the same browser profile, as a reader pastes a link (its cache holds the
  // runtime already: a fresh profile cost a second download and compile here).
  const other = await openTab(page.context(), link);
  try {
    const again = other.page.locator(selector).first();
    await again.scrollIntoViewIfNeeded();
    await figureReady(other.page, again);
    const restored = await again.evaluate((el) => el.state);
    if (restored !== state) throw new Error(`link ${link} restored "${restored}", not "${state}"`);
    if (other.problems.length) throw new Error(`console problems on the linked page: ${other.problems}`);
  } finally {
    await other.page.close();
  }
  return link;
}

// The toolbar's Reset: back to `state` (the page's attributes; "" for none), controls following.
export async function resetFigure(page, figure, state = "") {
  await figure.locator('button[data-action="reset"]').click();
  await page.waitForFunction(([el, s]) => el.state === s, [await figure.elementHandle(), state]);
  await waitIdle(page);
}

// Numbers as the figures print them (core/format.cpp): %.3g, "−" for negatives, 0 below 1e-9.
export function formatNumber(value, digits = 3) {
  if (Math.abs(value) < 1e-9) return "0";
  let [mantissa, exponent] = value.toExponential(digits - 1).split("e").map((s, i) => (i ? Number(s) : s));
  let text;
  if (exponent < -4 || exponent >= digits) {
    if (mantissa.includes(".")) mantissa = mantissa.replace(/\.?0+$/, "");
    text = `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  } else {
    text = value.toFixed(Math.max(0, digits - 1 - exponent));
    if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  }
  return text.replace(/^-/, "\u2212");
}

// The toolbar's Download CSV: the file's name and its text.
export async function downloadCsv(page, figure) {
  const [download] = await Promise.all([page.waitForEvent("download"),
                                        figure.locator('button[data-action="csv"]').click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
}

// RFC 4180 text → { header, rows } (rows of strings); throws on a malformed record.
export function parseCsv(text) {
  const records = [];
  let record = [], field = "", i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      for (++i; ; ) {
        if (i >= text.length) throw new Error("CSV: unterminated quote");
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; }
        else if (text[i] === '"') { ++i; break; }
        else field += text[i++];
      }
    } else {
      while (i < text.length && !",\r\n".includes(text[i])) field += text[i++];
    }
    if (text[i] === ",") { record.push(field); field = ""; ++i; }
    else if (text.startsWith("\r\n", i)) { record.push(field); records.push(record); record = []; field = ""; i += 2; }
    else throw new Error(`CSV: expected , or CRLF at ${i}`);
  }
  const [header, ...rows] = records;
  for (const row of rows) if (row.length !== header.length) throw new Error("CSV: ragged row");
  return { header, rows, column: (name) => rows.map((r) => r[header.indexOf(name)]) };
}
