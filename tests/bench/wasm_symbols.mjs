#!/usr/bin/env node
// Where the bytes of a WebAssembly module go: each function's code size, named from the module's
// name section (link with --profiling-funcs, or keep the names some other way), demangled with
// llvm-cxxfilt, then summed by origin (ImGui, toolkit, core, figures, Eigen, libc++, libc, …) and
// listed largest first. Data segments are summed too. Raw bytes: gzip does not add up per
// function, so read the shares, not the kilobytes, as what a reader downloads.
//
//   node tests/bench/wasm_symbols.mjs module.wasm [top-N] [--grep REGEX] [--imports]
// A side module of the split runtime (web/CMakeLists.txt, mml-split) also pays for the names of
// what it imports from the main module (mangled C++ names) and what it exports: both are summed
// by kind ("env" functions, GOT.func and GOT.mem addresses); --imports lists every imported name.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith(".wasm"));
const grepAt = args.indexOf("--grep");
const grep = grepAt >= 0 ? new RegExp(args[grepAt + 1]) : null;
const top = Number(args.find((a) => /^\d+$/.test(a)) || 40);
if (!file) {
  console.error("usage: node tests/bench/wasm_symbols.mjs module.wasm [top-N] [--grep REGEX] [--imports]");
  process.exit(2);
}
const bytes = fs.readFileSync(file);
let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const str = () => { const n = u32(); const s = bytes.toString("utf8", pos, pos + n); pos += n; return s; };

let importedFunctions = 0;
const imports = [];  // {module, name, kind}
const exportNames = [];
const bodies = [];  // code size of each defined function, in order
const ranges = [];  // where each body is in the file
const names = new Map();
let dataBytes = 0;
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos, end = pos + size;
  let label = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start",
    "element", "code", "data", "data count"][id] || String(id);
  if (id === 0) label = "custom:" + str();
  sections.push({ label, size });
  if (id === 2) {  // imports: functions take the first indices
    for (let n = u32(), i = 0; i < n; i++) {
      const module = str(), name = str();
      const kind = bytes[pos++];
      imports.push({ module, name, kind: ["function", "table", "memory", "global", "tag"][kind] });
      if (kind === 0) { u32(); importedFunctions++; }
      else if (kind === 1) { pos++; const f = bytes[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 2) { const f = bytes[pos++]; u32(); if (f & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 7) {
    for (let n = u32(), i = 0; i < n; i++) { exportNames.push(str()); pos++; u32(); }
  } else if (id === 10) {
    for (let n = u32(), i = 0; i < n; i++) { const s = u32(); bodies.push(s + 1); ranges.push([pos, pos + s]); pos += s; }
  } else if (id === 11) {
    dataBytes = size;
  } else if (label === "custom:name") {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = u32();
      const subEnd = pos + subSize;
      if (sub === 1) for (let n = u32(), i = 0; i < n; i++) { const index = u32(); names.set(index, str()); }
      pos = subEnd;
    }
  }
  pos = end;
}
if (!names.size) console.warn("no function names in this module: link it with --profiling-funcs");

const mangled = bodies.map((_, i) => names.get(importedFunctions + i) || `function ${importedFunctions + i}`);
let demangled = mangled;
try {
  demangled = execFileSync("llvm-cxxfilt", { input: mangled.join("\n"), maxBuffer: 1 << 28 }).toString().split("\n");
} catch { /* names stay mangled */ }

// Origin of a function, from its demangled name: first match wins.
const ORIGINS = [
  ["figures", /mml::figures::|\(anonymous namespace\)::.*Figure|figure_info_/],
  ["toolkit (mml::plot)", /mml::plot::/],
  ["core (mml::, Eigen-free)", /^(?!.*Eigen).*\bmml::/],
  ["Eigen instantiations", /Eigen::/],
  ["ImGui", /^(ImGui|Im[A-Z]\w*|stb|ImStb|STB_TEXTEDIT|stbtt|stbrp)|\bImGui::|ImDrawList|ImFont|ImVector|ImPool|ImChunk|ImSpan|ImRect/],
  ["libc++ (std::)", /std::__2|std::/],
  ["host C API (mml_*)", /^mml_/],
  ["libc / compiler runtime", /^(__|_?[a-z][a-z0-9_]*$)/],
];
const origin = (name) => (ORIGINS.find(([, re]) => re.test(name)) || ["other"])[0];
const totals = new Map();
const chunks = new Map();
const rows = bodies.map((size, i) => ({ size, name: demangled[i] || mangled[i], origin: origin(demangled[i] || mangled[i]) }));
rows.forEach((r, i) => {
  totals.set(r.origin, (totals.get(r.origin) || 0) + r.size);
  chunks.set(r.origin, [...(chunks.get(r.origin) || []), bytes.subarray(...ranges[i])]);
});
// Each origin's code gzipped on its own: roughly what it adds to the download.
const gz = (list) => zlib.gzipSync(Buffer.concat(list), { level: 9 }).length;
const code = bodies.reduce((a, b) => a + b, 0);
const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log(`${file}: ${kb(bytes.length)} raw, ${kb(code)} code in ${bodies.length} functions, ${kb(dataBytes)} data`);
console.log("\nsections:");
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${s.label.padEnd(24)}${kb(s.size)}`);
if (imports.length || exportNames.length) {
  const byKind = new Map();
  for (const i of imports) {
    const key = `import ${i.module} ${i.kind}`;
    const k = byKind.get(key) || { count: 0, bytes: 0 };
    k.count++; k.bytes += i.name.length;
    byKind.set(key, k);
  }
  byKind.set("export", { count: exportNames.length, bytes: exportNames.reduce((t, n) => t + n.length, 0) });
  const names = [...imports.map((i) => i.name), ...exportNames].join("\n");
  console.log(`\nimported and exported names (${kb(names.length)} raw, ${kb(zlib.gzipSync(names, { level: 9 }).length)} gzip -9 on their own):`);
  for (const [key, k] of [...byKind].sort((a, b) => b[1].bytes - a[1].bytes))
    console.log(`  ${key.padEnd(28)}${String(k.count).padStart(5)} names ${kb(k.bytes)}`);
}
if (args.includes("--imports")) {
  let shown = imports.map((i) => `${i.module} ${i.kind} ${i.name}`);
  try { shown = execFileSync("llvm-cxxfilt", { input: shown.join("\n"), maxBuffer: 1 << 28 }).toString().trim().split("\n"); } catch { /* mangled */ }
  console.log("\nimports:");
  for (const line of shown) console.log(`  ${line}`);
}
console.log(`\ncode by origin (raw, share, and gzip -9 of that origin's code alone):`);
for (const [name, size] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${name.padEnd(28)}${kb(size)}  ${(100 * size / code).toFixed(1).padStart(5)}%${kb(gz(chunks.get(name)))}`);
}
const shown = grep ? rows.filter((r) => grep.test(r.name)) : rows;
console.log(`\nlargest functions${grep ? ` matching ${grep}` : ""}:`);
for (const r of shown.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(r.size).padStart(7)}  ${r.name.length > 140 ? r.name.slice(0, 137) + "..." : r.name}`);
}
