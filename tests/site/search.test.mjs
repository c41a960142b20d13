// The site search as generated: the box in every page's header, the chapter pages as the only
// indexed pages (their navigation left out), each figure's title, summary and parameter docs
// beside it for the index, and Pagefind's output trimmed to what site.js loads. The index itself
// is read back (Pagefind's fragments are gzipped JSON after a "pagefind_dcd" signature).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { generateSite } from '../../web/site/generate.mjs';
import { FIXTURE_MANIFEST, REPO, fakeRuntime, removeAll, tempDir } from './helpers.mjs';

const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
const figureById = new Map(manifest.figures.map((f) => [f.id, f]));
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the search index of the real chapters', () => {
  const runtime = fakeRuntime();
  let out;
  let result;
  before(() => {
    out = tempDir('mml-out-');
    result = generateSite({ manifest: FIXTURE_MANIFEST, runtime: runtime.dir, element: runtime.element, out, chapters: path.join(REPO, 'chapters') });
  });
  after(() => removeAll(out, runtime.dir));
  const read = (name) => fs.readFileSync(path.join(out, name), 'utf8');
  const pages = () => fs.readdirSync(out).filter((f) => f.endsWith('.html'));

  test('every page with the site header has the search box: labelled, a list for results, hidden without scripts', () => {
    for (const name of pages().filter((f) => f !== 'embed.html')) {
      const html = read(name);
      assert.match(html, /<div class="site-search" role="search" aria-label="Site" data-site-search hidden>/, name);
      assert.match(html, /<label class="visually-hidden" for="site-search-input">Search the chapters and figures<\/label>/, name);
      assert.match(html, /<input id="site-search-input" class="search-input" type="search"[^>]*>/, name);
      assert.match(html, /<p class="search-status" id="site-search-status" role="status"><\/p>/, name);
      assert.match(html, /<ul class="search-results" id="site-search-results" aria-label="Search results"><\/ul>/, name);
      assert.ok(!/(src|href)="[^"]*pagefind\//.test(html), `${name}: nothing of Pagefind is in the page itself (site.js loads it on use)`);
    }
  });

  test('only chapter pages are indexed, without their contents list and pager', () => {
    for (const name of pages()) {
      const html = read(name);
      const chapter = result.chapters.includes(name.replace(/\.html$/, ''));
      assert.equal(html.includes('data-pagefind-body'), chapter, name);
      if (chapter) {
        assert.match(html, /<article class="chapter" data-pagefind-body>/);
        assert.match(html, /<nav class="pager" aria-label="Chapters" data-pagefind-ignore>/);
      }
    }
  });

  test('each chapter figure carries its title, summary and parameter docs, hidden, and its end', () => {
    let seen = 0;
    for (const slug of result.chapters) {
      const html = read(`${slug}.html`);
      const figures = [...html.matchAll(/<figure class="mml-fig" id="figure-(\d+)">\n<mml-figure name="([^"]+)"[\s\S]*?<\/figure>/g)];
      for (const [whole, number, id] of figures) {
        const figure = figureById.get(id);
        const title = /<div hidden data-pagefind-weight="10" data-pagefind-meta="figure-(\d+)">([^<]*)<\/div>/.exec(whole);
        assert.ok(title, `${slug} figure ${number}: no title for the index`);
        assert.equal(title[1], number);
        assert.equal(decode(title[2]), figure.title);
        const about = decode(/<div hidden data-pagefind-weight="3">([^<]*)<\/div>/.exec(whole)?.[1] ?? '');
        if (figure.summary) assert.ok(about.startsWith(figure.summary), `${slug} figure ${number}: the summary`);
        for (const p of figure.params) assert.ok(about.includes(`${p.name}: ${p.doc}`), `${slug} figure ${number}: the doc of ${p.name}`);
        assert.ok(whole.includes(`<span hidden id="end-figure-${number}"></span>`), `${slug} figure ${number}: no end marker`);
        seen += 1;
      }
    }
    assert.equal(seen, result.figures);
  });

  test('pagefind/ holds the script, worker, one WebAssembly and the index; not the stock UIs', () => {
    const dir = path.join(out, 'pagefind');
    const files = fs.readdirSync(dir).sort();
    for (const f of ['pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json', 'index', 'fragment']) {
      assert.ok(files.includes(f), `pagefind/${f} is missing`);
    }
    assert.deepEqual(files.filter((f) => /ui|highlight|playground/.test(f)), []);
    assert.deepEqual(files.filter((f) => /^wasm\./.test(f)), ['wasm.en.pagefind']);
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
    assert.equal(entry.languages.en.page_count, result.chapters.length);
  });

  test('the index has the chapter text, the figures as anchors with their titles, and no TeX source', () => {
    const dir = path.join(out, 'pagefind', 'fragment');
    const fragments = fs.readdirSync(dir).map((f) => {
      const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8');
      assert.ok(text.startsWith('pagefind_dcd'), `${f}: not a Pagefind fragment`);
      return JSON.parse(text.slice('pagefind_dcd'.length));
    });
    const page = fragments.find((f) => f.url === '/linear-transformations.html');
    assert.ok(page, `no fragment for linear-transformations.html: ${fragments.map((f) => f.url)}`);
    assert.equal(page.meta.title, 'Linear transformations and matrices');
    const det = figureById.get('determinant-3d');
    const number = /<figure class="mml-fig" id="figure-(\d+)">\n<mml-figure name="determinant-3d"/.exec(read('linear-transformations.html'))[1];
    assert.equal(page.meta[`figure-${number}`], det.title);
    const anchor = page.anchors.find((a) => a.id === `figure-${number}`);
    const end = page.anchors.find((a) => a.id === `end-figure-${number}`);
    assert.ok(anchor && end && anchor.location < end.location);
    const words = page.content.split(/\s+/).slice(anchor.location, end.location).join(' ');
    assert.ok(words.includes(det.title), `the figure's words hold its title: ${words}`);
    assert.ok(words.includes(`${det.params[0].name}: ${det.params[0].doc}`), 'and its parameter docs');
    assert.ok(!/\\(det|begin|frac)\b/.test(page.content), 'TeX source is not indexed');
    assert.ok(!page.content.includes(' # '), "headings' # links are not indexed");
    assert.ok(!/On this page/.test(page.content), 'the contents list is not indexed');
  });
});
