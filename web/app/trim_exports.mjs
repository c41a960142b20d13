#!/usr/bin/env node
// The split runtime's main module exports, besides the page's C API, every symbol its side
// modules import (web/CMakeLists.txt, mml-split), and emcc 3.1.6 writes a JS wrapper into mml.js
// for each export: `var __ZN3mml…=Module["__ZN3mml…"]=function(){…}`. Side modules never use
// those wrappers (Emscripten's loader links them against the module's own exports), and the page
// calls only the C API, so this drops every wrapper that nothing else in mml.js names: about
// 200 of them, 12 KB gzipped. The page's names (_mml_*, _malloc, _free) always stay.
//   node web/app/trim_exports.mjs mml.js
import fs from "node:fs";

const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
const wrapper = /var ([A-Za-z_$][\w$]*)=Module\["\1"\]=function\(\)\{return\(\1=Module\["\1"\]=Module\["asm"\]\["[^"]+"\]\)\.apply\(null,arguments\)\};/g;
const keep = (name) => /^_mml_|^_malloc$|^_free$/.test(name);
let dropped = 0;
const out = text.replace(wrapper, (whole, name) => {
  if (keep(name)) return whole;
  const uses = text.split(name).length - 1;  // the wrapper itself names it 4 times
  if (uses > 4) return whole;
  dropped++;
  return "";
});
if (!dropped) {
  console.error(`trim_exports: no export wrapper found in ${file}: has emcc's output changed?`);
  process.exit(1);
}
fs.writeFileSync(file, out);
console.log(`trim_exports: ${dropped} unused export wrappers dropped from ${file} (${text.length} → ${out.length} bytes)`);
