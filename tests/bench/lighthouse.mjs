#!/usr/bin/env node
// Lighthouse scores of the chapter pages: accessibility (target: 95 or more, the exit status
// says whether every page reaches it), with performance and best practices for information.
//
//   node tests/bench/lighthouse.mjs [site dir] [page.html …]   (default: build/site, every chapter)
//
// Lighthouse is large (about 200 packages), so it is not one of the project's npm dependencies:
// the first run installs the pinned version below into the cache folder
// ($MML_CACHE, default ~/.cache/mml-companion, as scripts/env.sh), later runs reuse it.
// 12.8.2 is the newest Lighthouse that runs on Node 18 (13.x needs Node 22). It drives Debian's
// Chromium headless (MML_CHROMIUM overrides /usr/bin/chromium) against the site served by
// web/site/serve.mjs with gzip on, under the site's Content-Security-Policy, on a desktop
// profile without network throttling (a local server: the performance number is about the
// page's own work, mostly WebAssembly start-up in software WebGL, not about a network).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../web/site/serve.mjs";

const LIGHTHOUSE = "12.8.2";
const TARGET = 95;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cache = process.env.MML_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "mml-companion");
const prefix = path.join(cache, `lighthouse-${LIGHTHOUSE}`);
const cli = path.join(prefix, "node_modules", "lighthouse", "cli", "index.js");
const chromium = process.env.MML_CHROMIUM || "/usr/bin/chromium";

const [siteArg, ...pageArgs] = process.argv.slice(2);
const site = path.resolve(repo, siteArg || "build/site");
if (!fs.existsSync(path.join(site, "index.html"))) {
  console.error(`no site in ${site}: build it first (scripts/build.sh)`);
  process.exit(2);
}
const pages = pageArgs.length ? pageArgs : fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort()
  .filter((f) => /<body class="page-chapter"/.test(fs.readFileSync(path.join(site, f), "utf8")));
if (!pages.length) {
  console.error(`no chapter pages in ${site}`);
  process.exit(2);
}

if (!fs.existsSync(cli)) {
  console.log(`lighthouse: installing lighthouse@${LIGHTHOUSE} into ${prefix} (once)`);
  fs.mkdirSync(prefix, { recursive: true });
  const install = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
    `lighthouse@${LIGHTHOUSE}`], { stdio: "inherit" });
  if (install.status !== 0 || !fs.existsSync(cli)) {
    console.error("lighthouse: npm install failed");
    process.exit(2);
  }
}

function runAsync(command, argv, options) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => { stdout += d; });
    child.stderr.on("data", (d) => { stderr += d; });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const server = await startServer({ root: site, port: 0, gzip: true });
const out = fs.mkdtempSync(path.join(os.tmpdir(), "mml-lighthouse-"));
const rows = [];
let failed = false;
try {
  for (const page of pages) {
    const report = path.join(out, `${page}.json`);
    // Not spawnSync: the server answering Lighthouse's Chromium lives in this process.
    const run = await runAsync(process.execPath, [cli, server.url + page,
      "--quiet", "--output=json", `--output-path=${report}`, "--preset=desktop", "--throttling-method=provided",
      "--only-categories=accessibility,performance,best-practices",
      "--chrome-flags=--headless=new --no-sandbox --use-angle=swiftshader --enable-unsafe-swiftshader --disable-dev-shm-usage"],
      { env: { ...process.env, CHROME_PATH: chromium } });
    if (run.status !== 0 || !fs.existsSync(report)) {
      console.error(`lighthouse failed on ${page}:\n${run.stderr || run.stdout}`);
      failed = true;
      continue;
    }
    const lhr = JSON.parse(fs.readFileSync(report, "utf8"));
    const score = (id) => Math.round(100 * lhr.categories[id].score);
    const flagged = lhr.categories.accessibility.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
      .map((a) => `${a.id}: ${a.title}${a.details?.items?.length ? ` (${a.details.items.length}×: ${a.details.items.slice(0, 3).map((i) => i.node?.selector || i.node?.snippet || "").join("; ")})` : ""}`);
    rows.push({ page, accessibility: score("accessibility"), performance: score("performance"), bestPractices: score("best-practices"), flagged,
      runWarnings: lhr.runWarnings });
    if (score("accessibility") < TARGET) failed = true;
  }
} finally {
  await server.close();
  fs.rmSync(out, { recursive: true, force: true });
}

console.log(`Lighthouse ${LIGHTHOUSE}, ${chromium} headless, desktop preset, no throttling, served with gzip from ${path.relative(process.cwd(), site) || "."}`);
console.log(`${"page".padEnd(40)}${"accessibility".padStart(14)}${"performance".padStart(13)}${"best practices".padStart(16)}`);
for (const r of rows) {
  console.log(`${r.page.padEnd(40)}${String(r.accessibility).padStart(14)}${String(r.performance).padStart(13)}${String(r.bestPractices).padStart(16)}`);
  for (const f of r.flagged) console.log(`    accessibility: ${f}`);
  for (const w of r.runWarnings) console.log(`    lighthouse warning: ${w}`);
}
console.log(failed ? `FAIL: accessibility below ${TARGET} (or a run failed)` : `every page at accessibility ${TARGET} or above`);
process.exit(failed ? 1 : 0);
