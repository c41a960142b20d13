// The figures' font is a subset (web/CMakeLists.txt, MML_FONT_UNICODES) so that every reader's
// download stays small. A character outside it would draw as "?" in a figure: every character the
// figures, the toolkit, the app and core/ put in their source (as UTF-8 or as a \uXXXX escape,
// comments aside) must be inside the subset, and the list itself must read as code point ranges.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { REPO } from './helpers.mjs';

function fontRanges() {
  const cmake = fs.readFileSync(path.join(REPO, 'web', 'CMakeLists.txt'), 'utf8');
  const list = /set\(MML_FONT_UNICODES "([^"]+)"\)/.exec(cmake);
  assert.ok(list, 'web/CMakeLists.txt sets MML_FONT_UNICODES');
  return list[1].split(',').map((item) => {
    const m = /^U\+([0-9A-F]{4,6})(?:-([0-9A-F]{4,6}))?$/.exec(item);
    assert.ok(m, `MML_FONT_UNICODES item "${item}" is U+XXXX or U+XXXX-YYYY`);
    const first = parseInt(m[1], 16), last = parseInt(m[2] ?? m[1], 16);
    assert.ok(first <= last && last <= 0xffff, `${item}: ImGui's 16-bit ranges hold it`);
    return [first, last];
  });
}

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(cpp|hpp)$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

// Code points a C++ file writes: raw non-ASCII characters and \u/\U escapes, outside // comments.
function codePoints(file) {
  const found = new Map();
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/(?=(?:[^"]*"[^"]*")*[^"]*$).*$/, '');  // a // outside quotes
    const add = (cp) => { if (!found.has(cp)) found.set(cp, `${path.relative(REPO, file)}:${i + 1}`); };
    for (const ch of code.replace(/\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}/g, '')) {
      if (ch.codePointAt(0) > 0x7e) add(ch.codePointAt(0));
    }
    for (const m of code.matchAll(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g)) add(parseInt(m[1] ?? m[2], 16));
  });
  return found;
}

test('every character in the figures\' and toolkit\'s sources is in the font subset', () => {
  const ranges = fontRanges();
  const inFont = (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
  const files = ['core', 'web/app', 'web/figures', 'web/plot'].flatMap((d) => sources(path.join(REPO, d)));
  assert.ok(files.length > 20, 'found the sources');
  const missing = [];
  let seen = 0;
  for (const file of files) {
    for (const [cp, where] of codePoints(file)) {
      ++seen;
      if (!inFont(cp)) missing.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(cp)}" at ${where}`);
    }
  }
  assert.ok(seen > 20, 'the sources use math characters (the scan works)');
  assert.deepEqual(missing, [], 'add these to MML_FONT_UNICODES in web/CMakeLists.txt');
});

test('the scan reads escapes and raw characters, skips comments, and the subset leaves out the rest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mml-font-'));
  const file = path.join(dir, 'sample.cpp');
  fs.writeFileSync(file, 'label("\\u2603 é", "//x");  // ∂ in a comment\n// ☂ too\nauto s = "\\U0001D465";\n');
  try {
    assert.deepEqual([...codePoints(file).keys()].sort((a, b) => a - b), [0xe9, 0x2603, 0x1d465]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ranges = fontRanges();
  const inFont = (cp) => ranges.some(([a, b]) => cp >= a && cp <= b);
  for (const cp of [0x3c3, 0x2207, 0x2212, 0x2081, 0xfffd]) assert.ok(inFont(cp), `U+${cp.toString(16)} is in the font`);
  for (const cp of [0xe9, 0x3e2, 0x2603]) assert.ok(!inFont(cp), `U+${cp.toString(16)} is not in the font`);
});
