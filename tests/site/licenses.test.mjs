// Licences: the notices are generated from the installed components' licence files (and fail
// loudly when one is missing), THIRD_PARTY_NOTICES.md is current, licenses.html lists every
// shipped component with its text, every page's footer links there, and every file the site
// ships is claimed by us or by a listed component.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateSite } from '../../web/site/generate.mjs';
import { NOTICES_FILE, noticesMarkdown, parseDep5, dep5Notice, shippedBy, thirdPartyComponents } from '../../web/site/licenses.mjs';
import { FIXTURE_MANIFEST, REPO, fakeRuntime, removeAll, tempDir } from './helpers.mjs';

const components = thirdPartyComponents();
const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('every component the runtime and pages ship has a licence text read from its files', () => {
  const ids = components.map((c) => c.id);
  for (const id of ['imgui', 'eigen', 'dejavu', 'emscripten', 'musl', 'llvm', 'katex']) assert.ok(ids.includes(id), `${id} is not listed`);
  for (const c of components) {
    assert.ok(c.texts.length > 0, `${c.id}: no licence text`);
    for (const t of c.texts) assert.ok(t.text.trim().length > 200, `${c.id}: the text "${t.title}" is too short to be a licence`);
    assert.ok(fs.existsSync(c.source), `${c.id}: ${c.source} does not exist`);
  }
  const text = (id) => components.find((c) => c.id === id).texts.map((t) => t.text).join('\n');
  assert.match(text('imgui'), /Omar Cornut/);
  assert.match(text('eigen'), /Mozilla Public License Version 2\.0/);
  assert.match(text('dejavu'), /Bitstream/);
  assert.match(text('emscripten'), /Permission is hereby granted/);
  assert.match(text('emscripten'), /University of Illinois|Neither the names of Mozilla/);
  assert.match(text('llvm'), /Apache License/);
  assert.match(text('llvm'), /As an exception/);
  assert.match(text('katex'), /Khan Academy/);
});

test('THIRD_PARTY_NOTICES.md is current (node web/site/licenses.mjs --write regenerates it)', () => {
  assert.ok(fs.existsSync(NOTICES_FILE), 'THIRD_PARTY_NOTICES.md is missing');
  assert.equal(fs.readFileSync(NOTICES_FILE, 'utf8'), noticesMarkdown(components),
               'THIRD_PARTY_NOTICES.md is not current: run node web/site/licenses.mjs --write');
});

test('a missing licence file stops the build with the file and the component named', () => {
  const empty = tempDir('mml-no-imgui-');
  try {
    assert.throws(() => thirdPartyComponents({ MML_IMGUI_DIR: empty }),
                  (err) => err.message.includes(path.join(empty, 'LICENSE.txt')) && /Dear ImGui/.test(err.message));
  } finally {
    removeAll(empty);
  }
});

test('the Debian copyright reader follows "or", "with" and References, and refuses unknown names', () => {
  const dir = tempDir('mml-dep5-');
  const reference = path.join(dir, 'Apache-2.0');
  fs.writeFileSync(reference, 'Apache License text\n');
  const file = path.join(dir, 'copyright');
  fs.writeFileSync(file, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

Files:
 *
Copyright:
  2020  Someone
License: Expat or Apache-2.0

Files: lib/*
Copyright: 2021 Other
License: Apache-2.0 with LLVM exception
 As an exception, ...
 .
 second paragraph

Files: odd/*
Copyright: nobody
License: Unknown-1

License: Expat
 Permission is hereby granted.
 .
 Second paragraph.

License: Apache-2.0
Reference: ${reference}
`);
  try {
    assert.equal(parseDep5(fs.readFileSync(file, 'utf8')).length, 6);
    const all = dep5Notice(file, '*', 'test');
    assert.equal(all.copyright, '2020  Someone');
    assert.deepEqual(all.texts, [{ title: 'Expat', text: 'Permission is hereby granted.\n\nSecond paragraph.' },
                                 { title: 'Apache-2.0', text: 'Apache License text' }]);
    const lib = dep5Notice(file, 'lib/*', 'test');
    assert.deepEqual(lib.texts.map((t) => t.title), ['Apache-2.0 with LLVM exception', 'Apache-2.0']);
    assert.equal(lib.texts[0].text, 'As an exception, ...\n\nsecond paragraph');
    assert.throws(() => dep5Notice(file, 'odd/*', 'test'), /names the licence "Unknown-1"/);
    assert.throws(() => dep5Notice(file, 'missing/*', 'test'), /no "Files: missing\/\*" paragraph/);
  } finally {
    removeAll(dir);
  }
});

describe('the generated site', () => {
  const runtime = fakeRuntime();
  let out;
  before(() => {
    out = tempDir('mml-out-');
    generateSite({ manifest: FIXTURE_MANIFEST, runtime: runtime.dir, element: runtime.element, out, chapters: path.join(REPO, 'chapters') });
  });
  after(() => removeAll(out, runtime.dir));

  test('licenses.html has the project licences and each component with its licence text', () => {
    const html = fs.readFileSync(path.join(out, 'licenses.html'), 'utf8');
    assert.match(html, /<h2 id="this-site">/);
    assert.match(html, /<h2 id="third-party">/);
    assert.ok(decode(html).includes(fs.readFileSync(path.join(REPO, 'LICENSE'), 'utf8').trim()), 'the MIT licence text of LICENSE is not on the page');
    assert.match(html, /href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license"/);
    for (const c of components) {
      const start = html.indexOf(`<section class="license-item" aria-labelledby="tp-${c.id}">`);
      assert.ok(start >= 0, `${c.id} has no section`);
      const section = html.slice(start, html.indexOf('</section>', start));
      assert.ok(section.includes(`<h3 id="tp-${c.id}">`), `${c.id}: no heading`);
      assert.ok(html.includes(`<a href="#tp-${c.id}">`), `${c.id}: not in the index`);
      const texts = [...section.matchAll(/<pre class="license-text">([^<]*)<\/pre>/g)].map((m) => decode(m[1]));
      for (const t of c.texts) assert.ok(texts.includes(t.text), `${c.id}: the text "${t.title}" is not on the page`);
    }
  });

  test('every page with the site frame links the licences and the notices from its footer', () => {
    const pages = fs.readdirSync(out).filter((f) => f.endsWith('.html') && f !== 'embed.html');
    assert.ok(pages.length >= 5);
    for (const name of pages) {
      const html = fs.readFileSync(path.join(out, name), 'utf8');
      const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(html);
      assert.ok(footer, `${name}: no footer`);
      assert.ok(footer[1].includes('<a href="licenses.html">Licences</a>'), `${name}: no link to the licences`);
      assert.ok(footer[1].includes('<a href="licenses.html#third-party">Third-party notices</a>'), `${name}: no link to the notices`);
      assert.match(footer[1], /creativecommons\.org\/licenses\/by\/4\.0\//, `${name}: the content licence is not stated`);
    }
  });

  test('every file the site ships is ours or a listed component\'s', () => {
    const ids = new Set(['self', ...components.map((c) => c.id)]);
    const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(out, path.join(dir, e.name))]);
    const files = walk(out);
    assert.ok(files.includes(path.join('mml', 'mml.wasm')) && files.some((f) => f.startsWith(path.join('assets', 'katex', 'fonts'))));
    for (const file of files) {
      const owners = shippedBy(file);
      assert.ok(owners, `${file} ships in the site but web/site/licenses.mjs (shippedBy) does not say whose it is`);
      for (const id of owners) assert.ok(ids.has(id), `${file}: ${id} is not a listed component`);
    }
    for (const c of components) {
      assert.ok(files.some((f) => shippedBy(f).includes(c.id)), `${c.id} is listed but nothing in the site holds it`);
    }
  });
});
