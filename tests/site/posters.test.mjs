// Posters: every figure tag gets a data-poster stem keyed by its parameters, defaults share the
// figure's own stem, and (when the native tool is built) the PNGs exist for both themes and layouts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { placePosters, renderPosters } from '../../web/site/posters.mjs';

const manifest = {
  reservedNames: ['name', 'class', 'style', 'id', 'title', 'slot', 'hidden', 'lang', 'dir', 'tabindex', 'theme', 'state'],
  reservedPrefixes: ['data-', 'aria-'],
  figures: [{ id: 'basis-images', aspect: 1.6, narrowAspect: 0.62, params: [] }],
};

test('placePosters keys posters by figure and parameters', () => {
  const pages = new Map([
    ['a.html', '<p><mml-figure name="basis-images" style="aspect-ratio: 1.6"></mml-figure>' +
               '<mml-figure name="basis-images" a="1,0.5"></mml-figure><mml-figure name="nope"></mml-figure>'],
    ['b.html', '<mml-figure name="basis-images" a="1,0.5" class="wide"></mml-figure>'],
  ]);
  const jobs = placePosters(pages, manifest);
  const a = pages.get('a.html'), b = pages.get('b.html');
  assert.match(a, /name="basis-images" style="aspect-ratio: 1.6" data-poster="mml\/posters\/basis-images">/);
  const stem = a.match(/a="1,0.5" data-poster="mml\/posters\/(basis-images-[0-9a-f]{10})"/)[1];
  assert.ok(b.includes(`data-poster="mml/posters/${stem}"`), 'same parameters, same poster');
  assert.ok(!/name="nope"[^>]*data-poster/.test(a), 'unknown figures get no poster');
  assert.deepEqual([...jobs.keys()].sort(), ['basis-images', stem].sort());
  assert.equal(jobs.get(stem).query, 'a=1%2C0.5');
});

const tool = path.resolve(process.env.MML_POSTER_TOOL || 'build/native-debug/web/mml-poster');
test('renderPosters writes both themes and layouts', { skip: !fs.existsSync(tool) && 'mml-poster not built' }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mml-posters-'));
  const jobs = new Map([['basis-images', { figure: manifest.figures[0], query: '' }]]);
  assert.equal(renderPosters(jobs, tool, out), 4);
  for (const name of ['light-wide', 'dark-wide', 'light-narrow', 'dark-narrow']) {
    const png = fs.readFileSync(path.join(out, 'mml', 'posters', `basis-images-${name}.png`));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
    assert.equal(width, name.endsWith('wide') ? 1000 : 720);
    assert.equal(height, name.endsWith('wide') ? 625 : 1162);  // 800/1.6 × 1.25; round(360/0.62) × 2
  }
  const bad = new Map([['x', { figure: manifest.figures[0], query: 'a=9,9' }]]);
  assert.throws(() => renderPosters(bad, tool, out), /a: 9 is out of range/);
  fs.rmSync(out, { recursive: true });
});
