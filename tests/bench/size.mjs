#!/usr/bin/env node
// What a reader downloads for the figures, per page, against the 300 KB gzipped budget (gzip -9):
// the shared runtime (mml.wasm, mml.js, mml-figure.js with the site's manifest) plus, with the
// split runtime (web/CMakeLists.txt, mml-split), the side module of every chapter that has a
// figure on the page. Exits 1 when a page is over budget, or when the split runtime's mml.js
// holds eval or new Function (the site's CSP allows neither).
//
//   node tests/bench/size.mjs [dir]   (default: build/site/mml, else build/wasm-release/web/split,
//                                      else build/wasm-release/web)
//
// Pages: every *.html of the site next to dir (each chapter page, toolkit.html, …) with all its
// figures live; gallery.html's first screen (its first GALLERY_FIRST_SCREEN figures: one figure per
// section, each at least 400 px tall, mounted 400 px before it scrolls into view); and a
// third-party embed (one figure: the worst figure of the book). Without a site (a runtime folder),
// only the embed and "every figure" rows. The font (a DejaVu Sans subset) is compiled into
// mml.wasm; its own size is shown for reference.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUDGET = 300 * 1024;
const FIGURE_BUDGET = 6 * 1024;  // one figure's own code, gzipped
const GALLERY_FIRST_SCREEN = 3;
const candidates = process.argv[2] ? [process.argv[2]] : ["build/site/mml", "build/wasm-release/web/split", "build/wasm-release/web"];
const dir = candidates.map((d) => path.resolve(repo, d)).find((d) => fs.existsSync(path.join(d, "mml.wasm")));
if (!dir) {
  console.error(`no mml.wasm in ${candidates.join(" or ")}: build first (scripts/build.sh)`);
  process.exit(1);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
const sizes = new Map();
function measure(file, note = "") {
  if (!sizes.has(file)) {
    const data = fs.readFileSync(file);
    sizes.set(file, { name: path.basename(file), raw: data.length, gz: zlib.gzipSync(data, { level: 9 }).length, note });
  }
  return sizes.get(file);
}

// The manifest: the one the site prepends to mml-figure.js, else (a runtime folder) modules.json.
const element = path.join(dir, "mml-figure.js");
const siteElement = fs.existsSync(element);
let modules = null;  // figure id → side module file
let figureIds = [];
if (siteElement) {
  const text = fs.readFileSync(element, "utf8");
  const start = text.indexOf("window.MML_MANIFEST = ");
  if (start >= 0) {
    const json = text.slice(start + "window.MML_MANIFEST = ".length, text.indexOf(";\n", start));
    const manifest = JSON.parse(json);
    modules = manifest.modules || null;
    figureIds = manifest.figures.map((f) => f.id);
  }
} else if (fs.existsSync(path.join(dir, "modules.json"))) {
  modules = JSON.parse(fs.readFileSync(path.join(dir, "modules.json"), "utf8")).figures;
  figureIds = Object.keys(modules);
}

const shared = [measure(path.join(dir, "mml.wasm"), modules ? "main module: ImGui, toolkit, core, host, font" : "every figure; includes the embedded font"),
  measure(path.join(dir, "mml.js"))];
shared.push(siteElement ? measure(element, "with the site's manifest")
  : measure(path.join(repo, "web/js/mml-figure.js"), "source, without the manifest the site prepends"));
const sharedGz = shared.reduce((t, r) => t + r.gz, 0);

console.log(`Figure runtime in ${path.relative(process.cwd(), dir) || "."} (${modules ? "split: a main module and one side module per chapter" : "one module"})`);
console.log(`${"file".padEnd(34)}${"raw".padStart(10)}${"gzip -9".padStart(10)}`);
for (const r of shared) console.log(`${r.name.padEnd(34)}${kb(r.raw)}${kb(r.gz)}   ${r.note}`);
console.log(`${"shared by every page".padEnd(34)}${kb(shared.reduce((t, r) => t + r.raw, 0))}${kb(sharedGz)}`);

let failed = false;
const moduleOf = (id) => (modules && modules[id]) || null;
if (modules) {
  const byPart = new Map();
  for (const [id, file] of Object.entries(modules)) byPart.set(file, [...(byPart.get(file) || []), id]);
  console.log("\nside modules (one per chapter; \"other\": figures no chapter places; a page loads its figures\u2019):");
  for (const [file, ids] of [...byPart].sort()) {
    const r = measure(path.join(dir, file));
    const per = r.gz / ids.length;
    const over = per > FIGURE_BUDGET;
    failed ||= over;
    console.log(`${file.padEnd(34)}${kb(r.raw)}${kb(r.gz)}   ${ids.length} figures, ${kb(per).trim()} each${over ? ` (OVER the ${FIGURE_BUDGET / 1024} KB per figure)` : ""}`);
  }
  const js = fs.readFileSync(path.join(dir, "mml.js"), "utf8");
  if (/\beval\s*\(|new Function\b/.test(js)) {
    console.log("\nmml.js calls eval or new Function: the site's CSP (script-src 'self' 'wasm-unsafe-eval') blocks it");
    failed = true;
  }
}

// A page's download: the shared runtime and the side modules of the figures on it.
function pageCost(ids) {
  const sides = [...new Set(ids.map(moduleOf).filter(Boolean))].sort();
  return { sides, gz: sharedGz + sides.reduce((t, f) => t + measure(path.join(dir, f)).gz, 0) };
}
const rows = [];
const site = path.resolve(dir, "..");
if (siteElement && fs.existsSync(path.join(site, "index.html"))) {
  for (const page of fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort()) {
    const html = fs.readFileSync(path.join(site, page), "utf8");
    const ids = [...html.matchAll(/<mml-figure\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    if (!ids.length) continue;
    if (page === "gallery.html") {
      const first = ids.slice(0, GALLERY_FIRST_SCREEN);
      rows.push({ page: `gallery.html, first screen (${first.length} figures)`, ...pageCost(first) });
      rows.push({ page: `gallery.html, scrolled to the end (${ids.length} figures)`, ...pageCost(ids), info: true });
    } else {
      rows.push({ page: `${page} (${new Set(ids).size} figures)`, ...pageCost(ids) });
    }
  }
}
if (figureIds.length) {
  const worst = figureIds.map((id) => ({ id, ...pageCost([id]) })).sort((a, b) => b.gz - a.gz)[0];
  rows.push({ page: `third-party embed, one figure (worst: ${worst.id})`, sides: worst.sides, gz: worst.gz });
  if (!rows.some((r) => r.info)) rows.push({ page: `every figure at once (${figureIds.length})`, ...pageCost(figureIds), info: true });
}
console.log(`\nper page (gzip -9; budget ${BUDGET / 1024} KB; rows marked "info" are not held to it):`);
for (const r of rows) {
  const over = !r.info && r.gz > BUDGET;
  failed ||= over;
  const verdict = r.info ? "info" : over ? "OVER" : "within";
  console.log(`${r.page.padEnd(58)}${kb(r.gz)}  ${(100 * r.gz / BUDGET).toFixed(0).padStart(3)}%  ${verdict}${r.sides.length ? `   + ${r.sides.join(", ")}` : ""}`);
}

// The build that made mml.wasm: this dir itself, or the wasm-release build the site copies from.
const buildDirs = [path.resolve(dir, ".."), path.resolve(dir, "../.."), path.join(repo, "build/wasm-release")];
const ninja = buildDirs.map((d) => path.join(d, "build.ninja")).find((f) => fs.existsSync(f) && /build web\/mml\.js:/.test(fs.readFileSync(f, "utf8")));
const font = ninja && path.join(path.dirname(ninja), "web", "mml-sans.ttf");
if (font && fs.existsSync(font)) {
  const f = measure(font);
  console.log(`\nfont ${kb(f.raw)}${kb(f.gz)}   mml-sans.ttf, inside mml.wasm (not downloaded separately)`);
}
if (ninja) {
  const text = fs.readFileSync(ninja, "utf8");
  const target = modules ? "web/split/mml.js" : "web/mml.js";
  const at = text.indexOf(`build ${target}:`);
  const block = at >= 0 ? text.slice(at).split(/\n(?=\S)/)[0] : "";
  const flag = (name) => (block.match(new RegExp(`^\\s+${name} = (.*)$`, "m")) || [, ""])[1].trim();
  console.log(`emcc flags of ${target} (${path.relative(process.cwd(), ninja)}):`);
  console.log(`  compile: ${flag("FLAGS")}`);
  console.log(`  link:    ${flag("LINK_FLAGS").replace(/\s+/g, " ")}`);
  if (!modules && /wasm-opt -Oz --converge/.test(text)) console.log("  then:    wasm-opt -Oz --converge --mvp-features --enable-mutable-globals mml.wasm");
  if (modules) console.log("  then:    node web/app/trim_exports.mjs mml.js");
  console.log("mml-figure.js: web/js/mml-figure.js minified by terser at site build (web/site/generate.mjs)");
}
if (failed) {
  console.log("\nOVER budget (see above)");
  process.exit(1);
}
