#!/usr/bin/env node
// The split runtime's modules (web/CMakeLists.txt, mml-split) link by name: every toolkit, ImGui,
// core or libc++ function a side module calls is an import named by its mangled C++ name, and the
// main module exports it under that name (`_ZN3mml4plot11line_seriesENSt3__24spanIKdLm…`, about
// 50 bytes each, over a hundred per side module). This renames every such name (those starting
// with "_Z") to "~" and a hash of it (`~1x3kq9f`): in the import and export sections and the
// dylink.0 section's symbol lists of one module at a time. The hash depends on the name only, so
// the main module and each side module are renamed independently and still agree: the loader
// (Emscripten's, by name) binds them as before. "~" is in no C or C++ symbol, so a short name
// never meets a real one, and a module renamed twice stays the same. It fails when two names of
// one module meet on one hash (then lengthen it). About 5% of each side module, gzipped.
//
//   node web/app/short_names.mjs in.wasm [out.wasm]    (out defaults to in: renamed in place)
//   node web/app/short_names.mjs --map module.wasm     prints "short-name mangled-name" lines, to
//                                                      read a loader message about a short name
import fs from "node:fs";

const args = process.argv.slice(2);
const mapOnly = args[0] === "--map";
if (mapOnly) args.shift();
const [input, output = input] = args;
if (!input) {
  console.error("usage: node web/app/short_names.mjs in.wasm [out.wasm] | --map module.wasm");
  process.exit(2);
}

// FNV-1a over the name's bytes, 32 bits, in base 36.
function shortName(name) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return "~" + h.toString(36);
}
const renamed = (name) => (name.startsWith("_Z") ? shortName(name) : name);

const bytes = fs.readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${input}: not a WebAssembly module`);
let pos = 8;
const u32 = () => {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const leb = (n) => {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
};
const str = () => { const n = u32(); const s = bytes.toString("utf8", pos, pos + n); pos += n; return s; };
const name = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([leb(b.length), b]); };

const seen = new Map();  // short name → the name it stands for, to catch two names on one hash
function rename(s) {
  const r = renamed(s);
  if (r !== s) {
    const other = seen.get(r);
    if (other !== undefined && other !== s) throw new Error(`${input}: ${s} and ${other} both hash to ${r}`);
    seen.set(r, s);
  }
  return r;
}

// Copies bytes from `from` to the current position unchanged.
const copy = (from) => bytes.subarray(from, pos);
const sections = [bytes.subarray(0, 8)];
while (pos < bytes.length) {
  const sectionStart = pos;
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  let body = null;
  if (id === 2) {  // imports: module, field, kind and its description
    const parts = [];
    const n = u32();
    parts.push(leb(n));
    for (let i = 0; i < n; i++) {
      parts.push(name(str()), name(rename(str())));
      const from = pos;
      const kind = bytes[pos++];
      if (kind === 0) u32();
      else if (kind === 1) { pos++; const flags = bytes[pos++]; u32(); if (flags & 1) u32(); }
      else if (kind === 2) { const flags = bytes[pos++]; u32(); if (flags & 1) u32(); }
      else if (kind === 3) pos += 2;
      else if (kind === 4) { pos++; u32(); }
      else throw new Error(`${input}: unknown import kind ${kind}`);
      parts.push(copy(from));
    }
    body = Buffer.concat(parts);
  } else if (id === 7) {  // exports: field, kind, index
    const parts = [];
    const n = u32();
    parts.push(leb(n));
    for (let i = 0; i < n; i++) {
      parts.push(name(rename(str())));
      const from = pos;
      pos++;
      u32();
      parts.push(copy(from));
    }
    body = Buffer.concat(parts);
  } else if (id === 0) {
    const title = str();
    if (title === "dylink.0") {  // subsections; 3: export info (name, flags), 4: import info (module, field, flags)
      const parts = [name(title)];
      while (pos < end) {
        const type = bytes[pos++];
        const length = u32();
        const subEnd = pos + length;
        let sub;
        if (type === 3 || type === 4) {
          const items = [];
          const n = u32();
          items.push(leb(n));
          for (let i = 0; i < n; i++) {
            if (type === 4) items.push(name(str()));
            items.push(name(rename(str())), leb(u32()));
          }
          sub = Buffer.concat(items);
        } else {
          sub = bytes.subarray(pos, subEnd);
        }
        pos = subEnd;
        parts.push(Buffer.from([type]), leb(sub.length), sub);
      }
      body = Buffer.concat(parts);
    }
  }
  if (pos > end || (body && pos !== end)) throw new Error(`${input}: section ${id} did not read back to its end`);
  pos = end;
  sections.push(body ? Buffer.concat([Buffer.from([id]), leb(body.length), body]) : bytes.subarray(sectionStart, end));
}

if (mapOnly) {
  for (const [short, long] of [...seen].sort()) console.log(`${short} ${long}`);
} else {
  const out = Buffer.concat(sections);
  fs.writeFileSync(output, out);
  console.log(`short_names: ${seen.size} C++ names shortened in ${output} (${bytes.length} → ${out.length} bytes)`);
}
