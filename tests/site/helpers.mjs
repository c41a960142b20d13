// Shared set-up for the site tests: temporary folders with stand-in runtime files and chapters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The fixture manifest (basis-images and an `every-type` figure with one parameter of each
// type) plus every figure of the built manifest (MML_MANIFEST, default build/manifest.json), so
// tests that build the real chapters know the real figures as they are added, and the built
// manifest's host constants.
export const BUILT_MANIFEST = process.env.MML_MANIFEST || path.join(REPO, 'build', 'manifest.json');
export const FIXTURE_MANIFEST = (() => {
  const fixture = JSON.parse(fs.readFileSync(path.join(REPO, 'tests', 'site', 'fixtures', 'manifest.json'), 'utf8'));
  if (fs.existsSync(BUILT_MANIFEST)) {
    const built = JSON.parse(fs.readFileSync(BUILT_MANIFEST, 'utf8'));
    const known = new Set(fixture.figures.map((f) => f.id));
    for (const f of built.figures) if (!known.has(f.id)) fixture.figures.push(f);
    fixture.host = built.host;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mml-manifest-')), 'manifest.json');
  fs.writeFileSync(file, JSON.stringify(fixture));
  return file;
})();

export function tempDir(prefix = 'mml-site-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// A runtime folder with dummy mml.js / mml.wasm and a stand-in element script.
export function fakeRuntime() {
  const dir = tempDir('mml-runtime-');
  fs.writeFileSync(path.join(dir, 'mml.js'), '// stand-in for the Emscripten loader\n');
  fs.writeFileSync(path.join(dir, 'mml.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  const element = path.join(dir, 'element.js');
  fs.writeFileSync(element, '// stand-in for web/js/mml-figure.js\nwindow.standIn = function (longArgumentName) { return longArgumentName + 1; };\n');
  return { dir, element };
}

// Writes {name: markdown} into a fresh chapters folder.
export function chapterDir(chapters) {
  const dir = tempDir('mml-chapters-');
  for (const [name, text] of Object.entries(chapters)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

export function frontMatter({ title = 'A chapter', part = 'Linear algebra', stage = 'Calculus and linear algebra', order = 1, summary = 'A summary.' } = {}) {
  return `---\ntitle: ${title}\npart: ${part}\nstage: ${stage}\norder: ${order}\nsummary: ${summary}\n---\n`;
}

export function removeAll(...dirs) {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}
