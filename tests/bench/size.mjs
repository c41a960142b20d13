#!/usr/bin/env node
// What a reader downloads for the figures: raw and gzip -9 sizes of mml.wasm, mml.js and
// mml-figure.js, their total against the 300 KB gzipped budget, and the emcc flags that built them.
//
//   node tests/bench/size.mjs [dir]     (default: build/site/mml, else build/wasm-release/web)
//
// The font (a DejaVu Sans subset) is compiled into mml.wasm, so there is no separate font
// download; its own size is shown for reference. A number to read, never a pass/fail test.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUDGET = 300 * 1024;
const candidates = process.argv[2] ? [process.argv[2]] : ["build/site/mml", "build/wasm-release/web"];
const dir = candidates.map((d) => path.resolve(repo, d)).find((d) => fs.existsSync(path.join(d, "mml.wasm")));
if (!dir) {
  console.error(`no mml.wasm in ${candidates.join(" or ")}: build first (scripts/build.sh)`);
  process.exit(1);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
function measure(file, note = "") {
  const data = fs.readFileSync(file);
  return { name: path.basename(file), raw: data.length, gz: zlib.gzipSync(data, { level: 9 }).length, note };
}

const rows = [measure(path.join(dir, "mml.wasm"), "includes the embedded font"), measure(path.join(dir, "mml.js"))];
const element = path.join(dir, "mml-figure.js");
rows.push(fs.existsSync(element) ? measure(element, "with the site's manifest")
  : measure(path.join(repo, "web/js/mml-figure.js"), "source, without the manifest the site prepends"));

console.log(`Figure runtime in ${path.relative(process.cwd(), dir) || "."}`);
console.log(`${"file".padEnd(16)}${"raw".padStart(10)}${"gzip -9".padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(16)}${kb(r.raw)}${kb(r.gz)}   ${r.note}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gz: t.gz + r.gz }), { raw: 0, gz: 0 });
console.log(`${"total".padEnd(16)}${kb(total.raw)}${kb(total.gz)}   ${(100 * total.gz / BUDGET).toFixed(0)}% of the ${BUDGET / 1024} KB gzipped budget (${total.gz <= BUDGET ? "within" : "OVER"})`);

// The build that made mml.wasm: this dir itself, or the wasm-release build the site copies from.
const buildDirs = [path.resolve(dir, ".."), path.join(repo, "build/wasm-release")];
const ninja = buildDirs.map((d) => path.join(d, "build.ninja")).find((f) => fs.existsSync(f) && /build web\/mml\.js:/.test(fs.readFileSync(f, "utf8")));
const font = ninja && path.join(path.dirname(ninja), "web", "mml-sans.ttf");
if (font && fs.existsSync(font)) {
  const f = measure(font);
  console.log(`font            ${kb(f.raw)}${kb(f.gz)}   mml-sans.ttf, inside mml.wasm (not downloaded separately)`);
}
if (ninja) {
  const text = fs.readFileSync(ninja, "utf8");
  const block = text.slice(text.indexOf("build web/mml.js:")).split(/\n(?=\S)/)[0];
  const flag = (name) => (block.match(new RegExp(`^\\s+${name} = (.*)$`, "m")) || [, ""])[1].trim();
  console.log(`emcc flags (${path.relative(process.cwd(), ninja)}):`);
  console.log(`  compile: ${flag("FLAGS")}`);
  console.log(`  link:    ${flag("LINK_FLAGS").replace(/\s+/g, " ")}`);
  if (/wasm-opt -Oz --converge/.test(text)) console.log("  then:    wasm-opt -Oz --converge --mvp-features --enable-mutable-globals mml.wasm");
  console.log("mml-figure.js: web/js/mml-figure.js minified by terser at site build (web/site/generate.mjs)");
} else {
  console.log("emcc flags: no wasm build.ninja found next to this dir or in build/wasm-release");
}
