#!/usr/bin/env node
// Site report: how long the page generator takes, and what a reader downloads for each chapter
// page, before and after its figures load, raw and gzip-compressed.
//
//   node tests/bench/site_report.mjs [--manifest build/manifest.json] [--runtime build/wasm-release/web]
//        [--posters build/native-debug/web/mml-poster] [--element web/js/mml-figure.js] [--chapters chapters]
//
// Build time: web/site/generate.mjs is run as the build scripts run it, into a temporary folder,
// once with posters and once without (the difference is the poster tool's share). Posters are
// rendered afresh on every build: the generator keeps no poster cache.
// Transfer: the built site is served by web/site/serve.mjs, once plain and once with gzip (as a
// static host would send it), and headless Chromium (MML_CHROMIUM, default /usr/bin/chromium)
// opens each chapter page in a fresh profile (empty cache); the bytes are Chromium's own count of
// what came over the wire per request (CDP Network.loadingFinished encodedDataLength, headers
// included), in three states:
//   text only     the figure script blocked: HTML, CSS, KaTeX fonts, site script
//   on opening    the page as opened at the top, once the network is idle (the figure script, the
//                 posters of figures near the top, the runtime as soon as one figure is near)
//   all figures   after scrolling every figure into view and waiting until each one is live
// A report to read, never a pass/fail test.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../web/site/serve.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = { manifest: "build/manifest.json", runtime: "build/wasm-release/web", posters: "build/native-debug/web/mml-poster", element: null, chapters: null };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "");
  if (!(key in args) || process.argv[i + 1] === undefined) {
    console.error("usage: node tests/bench/site_report.mjs [--manifest f] [--runtime dir] [--posters tool] [--element js] [--chapters dir]");
    process.exit(2);
  }
  args[key] = process.argv[i + 1];
}
for (const key of ["manifest", "runtime", "posters"]) {
  if (!fs.existsSync(path.resolve(repo, args[key]))) {
    console.error(`${args[key]} does not exist: build first (scripts/build.sh) or pass --${key}`);
    process.exit(2);
  }
}

// --- Build time ---------------------------------------------------------------------------------
function build(out, withPosters) {
  const cmd = ["web/site/generate.mjs", "--manifest", args.manifest, "--runtime", args.runtime, "--out", out];
  if (withPosters) cmd.push("--posters", args.posters);
  if (args.element) cmd.push("--element", args.element);
  if (args.chapters) cmd.push("--chapters", args.chapters);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, cmd, { cwd: repo, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) {
    console.error(run.stderr || run.stdout);
    process.exit(1);
  }
  return { seconds, line: run.stdout.trim() };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mml-site-report-"));
const site = path.join(tmp, "site");
const full = build(site, true);
const textOnly = build(path.join(tmp, "no-posters"), false);
// The pages of the poster build are the ones measured: rebuild it last so it is what is on disk.
fs.rmSync(path.join(tmp, "no-posters"), { recursive: true, force: true });
const posterFiles = fs.readdirSync(path.join(site, "mml", "posters")).length;

// --- Transfer sizes -----------------------------------------------------------------------------
const chapters = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort()
  .filter((f) => /<body class="page-chapter"/.test(fs.readFileSync(path.join(site, f), "utf8")));

const browser = await chromium.launch({
  executablePath: process.env.MML_CHROMIUM || "/usr/bin/chromium",
  args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox", "--disable-dev-shm-usage"],
});

async function measure(url, state) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const bytes = new Map();  // requestId → encoded bytes
  const urls = new Map();   // requestId → url
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => {
    if (!urls.get(e.requestId)?.startsWith("data:")) bytes.set(e.requestId, e.encodedDataLength);
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (state === "text") await cdp.send("Network.setBlockedURLs", { urls: ["*/mml/mml-figure.js"] });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  let figures = 0;
  if (state === "all") {
    const all = page.locator("mml-figure");
    figures = await all.count();
    for (let i = 0; i < figures; ++i) {
      await all.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.dataset.state && el.dataset.state !== "loading", await all.nth(i).elementHandle(), { timeout: 60000 });
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
  }
  await context.close();
  const kinds = {};
  for (const [id, n] of bytes) kinds[kindOf(urls.get(id))] = (kinds[kindOf(urls.get(id))] ?? 0) + n;
  return { bytes: [...bytes.values()].reduce((a, b) => a + b, 0), requests: bytes.size, figures, kinds };
}

// What a request is for: the page itself (HTML, CSS, KaTeX fonts, site script, icon), the
// figure runtime (element script, loader, WebAssembly), or the posters.
function kindOf(url) {
  const p = new URL(url).pathname;
  if (p.startsWith("/mml/posters/")) return "posters";
  if (p.startsWith("/mml/")) return "runtime";
  return "page";
}

const servers = { raw: await startServer({ root: site, port: 0 }), gzip: await startServer({ root: site, port: 0, gzip: true }) };
const rows = [];
try {
  for (const page of chapters) {
    const row = { page };
    for (const [kind, server] of Object.entries(servers)) {
      for (const state of ["text", "open", "all"]) row[`${state}-${kind}`] = await measure(server.url + page, state);
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`Site build (node web/site/generate.mjs, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}):`);
console.log(`  with posters     ${full.seconds.toFixed(1)} s   ${full.line}`);
console.log(`  without posters  ${textOnly.seconds.toFixed(1)} s   (so the ${posterFiles} posters take about ${(full.seconds - textOnly.seconds).toFixed(1)} s; they are rendered afresh every build, there is no poster cache)`);
console.log("");
console.log("Transfer per chapter page, fresh profile, raw / gzip (bytes over the wire, headers included; requests in brackets):");
const cell = (r, s) => `${kb(r[`${s}-raw`].bytes)} / ${kb(r[`${s}-gzip`].bytes)} (${r[`${s}-gzip`].requests})`;
console.log(`${"page".padEnd(36)}${"text only".padStart(24)}${"on opening".padStart(24)}${"all figures live".padStart(26)}`);
for (const r of rows) {
  console.log(`${r.page.padEnd(36)}${cell(r, "text").padStart(24)}${cell(r, "open").padStart(24)}${cell(r, "all").padStart(26)}   ${r["all-gzip"].figures} figures`);
}
console.log("");
console.log("Where the gzip bytes go, on opening → all figures live:");
for (const r of rows) {
  const parts = ["page", "runtime", "posters"].map((k) => `${k} ${kb(r["open-gzip"].kinds[k] ?? 0)} → ${kb(r["all-gzip"].kinds[k] ?? 0)}`);
  console.log(`${r.page.padEnd(36)}${parts.join(", ")}`);
}
