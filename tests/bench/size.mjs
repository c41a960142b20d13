#!/usr/bin/env node
// What a reader downloads for the figures, per page, against the 300 KB gzipped budget (gzip -9):
// the shared runtime (mml.wasm, mml.js, mml-figure.js with the site's index of the book) plus, with
// the split runtime (web/CMakeLists.txt, mml-split), the side module of every chapter that has a
// figure on the page, and each of its figures' descriptions (mml/figures/<id>.json: title and
// parameters). Exits 1 when a page is over budget, when the book grown to BOOK_SCALE figures
// would put a page over it, when a figure's own code is over 6 KB, or when the split runtime's
// mml.js holds eval or new Function (the site's CSP allows neither).
//
//   node tests/bench/size.mjs [--check pages] [dir]
//       dir: default build/site/mml, else build/wasm-release/web/split, else build/wasm-release/web
//       --check pages: only the per-page budgets (today's pages and the grown book) decide the
//       exit status; the per-figure lines are still printed (the suite's check, tests/CMakeLists.txt)
//
// Pages: every *.html of the site next to dir (each chapter page, toolkit.html, …) with all its
// figures live, except the long pages of every figure (gallery.html, embedding.html), counted by
// their first screen (FIRST_SCREEN figures: a figure is mounted 400 px before it scrolls into
// view) with an "info" row for a reader who scrolls to the end; and a third-party embed (one
// figure: the worst figure of the book). Without a site (a runtime folder), only the embed and
// "every figure" rows. The font (a DejaVu Sans subset) is compiled into mml.wasm; its own size is
// shown for reference.
//
// The grown book: what every page downloads grows with the book only through the index in
// mml-figure.js (a figure's id, shapes, side module and parameter names). The index is padded
// with generated figures (ids, parameter names and side modules of the book's own lengths, from
// a seeded generator, so gzip finds no more repetition than in real names) to BOOK_SCALE
// figures, and the largest page is counted again with it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUDGET = 300 * 1024;
const FIGURE_BUDGET = 6 * 1024;  // one figure's own code, gzipped
const FIRST_SCREEN = { "gallery.html": 3, "embedding.html": 1 };
const BOOK_SCALE = 150;  // figures: the book's ~76 planned and its other chapters to come
const argv = process.argv.slice(2);
let checkPagesOnly = false;
if (argv[0] === "--check") {
  if (argv[1] !== "pages") {
    console.error("usage: node tests/bench/size.mjs [--check pages] [dir]");
    process.exit(2);
  }
  checkPagesOnly = true;
  argv.splice(0, 2);
}
const candidates = argv[0] ? [argv[0]] : ["build/site/mml", "build/wasm-release/web/split", "build/wasm-release/web"];
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
let index = null;  // the element's manifest (the book's index)
let elementText = "";
if (siteElement) {
  elementText = fs.readFileSync(element, "utf8");
  const start = elementText.indexOf("window.MML_MANIFEST = ");
  if (start >= 0) {
    const json = elementText.slice(start + "window.MML_MANIFEST = ".length, elementText.indexOf(";\n", start));
    index = JSON.parse(json);
    modules = index.modules || null;
    figureIds = index.figures.map((f) => f.id);
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

let failed = false;  // a page over budget
let figureOver = false;  // a figure's own code over FIGURE_BUDGET
const moduleOf = (id) => (modules && modules[id]) || null;
if (modules) {
  const byPart = new Map();
  for (const [id, file] of Object.entries(modules)) byPart.set(file, [...(byPart.get(file) || []), id]);
  console.log("\nside modules (one per chapter; \"other\": figures no chapter places; a page loads its figures\u2019):");
  for (const [file, ids] of [...byPart].sort()) {
    const r = measure(path.join(dir, file));
    const per = r.gz / ids.length;
    const over = per > FIGURE_BUDGET;
    figureOver ||= over;
    console.log(`${file.padEnd(34)}${kb(r.raw)}${kb(r.gz)}   ${ids.length} figures, ${kb(per).trim()} each${over ? ` (OVER the ${FIGURE_BUDGET / 1024} KB per figure)` : ""}`);
  }
  const js = fs.readFileSync(path.join(dir, "mml.js"), "utf8");
  if (/\beval\s*\(|new Function\b/.test(js)) {
    console.log("\nmml.js calls eval or new Function: the site's CSP (script-src 'self' 'wasm-unsafe-eval') blocks it");
    failed = true;
  }
}

// A page's download: the shared runtime, the side modules of the figures on it and their
// descriptions (figures/<id>.json, when the site has them).
const descriptionGz = (id) => {
  const file = path.join(dir, "figures", id + ".json");
  return fs.existsSync(file) ? measure(file).gz : 0;
};
function pageCost(ids, shared = sharedGz) {
  const sides = [...new Set(ids.map(moduleOf).filter(Boolean))].sort();
  const own = [...new Set(ids)].reduce((t, id) => t + descriptionGz(id), 0);
  return { ids, sides, gz: shared + own + sides.reduce((t, f) => t + measure(path.join(dir, f)).gz, 0) };
}
const rows = [];
const site = path.resolve(dir, "..");
if (siteElement && fs.existsSync(path.join(site, "index.html"))) {
  for (const page of fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort()) {
    const html = fs.readFileSync(path.join(site, page), "utf8");
    const ids = [...html.matchAll(/<mml-figure\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    if (!ids.length) continue;
    if (FIRST_SCREEN[page]) {
      const first = ids.slice(0, FIRST_SCREEN[page]);
      rows.push({ page: `${page}, first screen (${first.length} figure${first.length === 1 ? "" : "s"})`, ...pageCost(first) });
      rows.push({ page: `${page}, scrolled to the end (${new Set(ids).size} figures)`, ...pageCost(ids), info: true });
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

// The grown book (see the header): the index padded to BOOK_SCALE figures, every page counted
// again with the padded mml-figure.js.
if (index && figureIds.length < BOOK_SCALE && rows.some((r) => !r.info)) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const letters = "abcdefghiklmnoprstuvwy";
  const word = (min, max) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => letters[Math.floor(random() * letters.length)]).join("");
  const grown = structuredClone(index);
  const names = new Set(grown.paramNames || []);
  const added = BOOK_SCALE - figureIds.length;
  let chapter = "";
  for (let i = 0; i < added; ++i) {
    const id = `${word(3, 9)}-${word(3, 9)}${random() < 0.5 ? "-" + word(2, 6) : ""}`;
    const aspect = Number((0.8 + random()).toFixed(2));
    grown.figures.push({ id, aspect, narrowAspect: Number((0.5 + random() / 2).toFixed(2)) });
    for (let k = 0; k < 3; ++k) names.add(word(1, 8));  // a few parameters each, some new names
    if (i % 8 === 0) chapter = `mml-${word(4, 10)}-${word(4, 10)}.wasm`;  // a side module per 8 figures
    if (grown.modules) grown.modules[id] = chapter;
  }
  grown.paramNames = [...names].sort();
  const start = elementText.indexOf("window.MML_MANIFEST = ");
  const end = elementText.indexOf(";\n", start);
  const text = elementText.slice(0, start) + "window.MML_MANIFEST = " + JSON.stringify(grown) + elementText.slice(end);
  const grownGz = zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
  const elementGz = measure(element).gz;
  const perFigure = (grownGz - elementGz) / added;
  const worst = rows.filter((r) => !r.info).map((r) => ({ ...r, grown: r.gz - elementGz + grownGz })).sort((a, b) => b.grown - a.grown)[0];
  const over = worst.grown > BUDGET;
  failed ||= over;
  console.log(`\nthe book grown to ${BOOK_SCALE} figures (${added} generated index entries): mml-figure.js ${kb(elementGz).trim()} → ${kb(grownGz).trim()} ` +
              `(${perFigure.toFixed(0)} B per figure); largest page ${worst.page.replace(/ \(.*$/, "")}: ${kb(worst.gz).trim()} → ${kb(worst.grown).trim()}  ` +
              `${(100 * worst.grown / BUDGET).toFixed(0)}%  ${over ? "OVER" : "within"}`);
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
if (failed || (figureOver && !checkPagesOnly)) {
  console.log(`\nOVER budget (see above)${failed ? "" : ": a figure's own code (--check pages ignores it)"}`);
  process.exit(1);
}
if (figureOver) console.log(`\nevery page within budget; a figure's own code is over ${FIGURE_BUDGET / 1024} KB (see above; not checked by --check pages)`);
