// The page generator: a good build, the pages' promises (math at build time, numbered figures,
// links that resolve, CSP-safe markup), and build errors that name file and line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { embedUrl, generateSite, iframeSnippet } from '../../web/site/generate.mjs';
import { FIXTURE_MANIFEST, REPO, chapterDir, fakeRuntime, frontMatter, removeAll, tempDir } from './helpers.mjs';

const runtime = fakeRuntime();
after(() => removeAll(runtime.dir));

function build(chapters, extra = {}) {
  const out = tempDir('mml-out-');
  const dir = typeof chapters === 'string' ? chapters : chapterDir(chapters);
  try {
    const result = generateSite({ manifest: FIXTURE_MANIFEST, runtime: runtime.dir, element: runtime.element, out, chapters: dir, ...extra });
    return { result, out, dir };
  } catch (err) {
    removeAll(out);
    if (typeof chapters !== 'string') removeAll(dir);
    throw err;
  }
}

// Builds one chapter file and expects a BuildError at `line` whose message matches `pattern`.
function expectError(body, line, pattern) {
  const dir = chapterDir({ 'broken.md': body });
  const file = path.join(dir, 'broken.md');
  try {
    assert.throws(() => build(dir), (err) => {
      assert.ok(err.message.startsWith(`${file}:${line}: `), `expected ${file}:${line}: …, got: ${err.message}`);
      assert.match(err.message, pattern);
      return true;
    });
  } finally {
    removeAll(dir);
  }
}

const read = (out, name) => fs.readFileSync(path.join(out, name), 'utf8');
const htmlFiles = (out) => fs.readdirSync(out).filter((f) => f.endsWith('.html'));
const ids = (html) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

describe('a good build of the real chapters', () => {
  let built;
  before(() => { built = build(path.join(REPO, 'chapters')); });
  after(() => removeAll(built.out));

  test('writes every page and asset', () => {
    const { out, result } = built;
    for (const f of ['index.html', 'gallery.html', 'embedding.html', '404.html', 'linear-transformations.html',
      'assets/site.css', 'assets/site.js', 'assets/katex/katex.min.css', 'mml/mml.js', 'mml/mml.wasm', 'mml/mml-figure.js']) {
      assert.ok(fs.existsSync(path.join(out, f)), `${f} is missing`);
    }
    assert.equal(result.pages, htmlFiles(out).length);
    assert.ok(result.figures >= 1);
    // The generator reports its build time; how long that is belongs to tests/bench/site_report.mjs
    // (no timed assertions in the suite: a loaded machine would fail them).
    assert.ok(Number.isFinite(result.ms) && result.ms >= 0, `build time reported as ${result.ms}`);
  });

  test('math is KaTeX HTML, rendered at build time, with no $ left', () => {
    const html = read(built.out, 'linear-transformations.html');
    assert.match(html, /<span class="katex">/);
    assert.match(html, /<span class="katex-display">/);
    assert.ok(!html.includes('$'), 'a "$" survived into the chapter page');
    assert.ok(!/katex(\.min)?\.js/.test(html), 'no math script at run time');
  });

  test('figures are numbered and carry their attributes and aspect', () => {
    const html = read(built.out, 'linear-transformations.html');
    const figures = [...html.matchAll(/<figure class="mml-fig" id="figure-(\d+)">\n<mml-figure ([^>]*)><\/mml-figure>\n<figcaption><a class="fig-num" href="#figure-\1">Figure \1<\/a>\. /g)];
    assert.ok(figures.length >= 2, 'expected two numbered figures');
    assert.deepEqual(figures.map((m) => Number(m[1])), figures.map((_, i) => i + 1));
    assert.equal(figures[0][2], 'name="basis-images" style="aspect-ratio: 1.6"');
    assert.equal(figures[1][2], 'name="basis-images" a="1,0.5" b="-0.3,1" style="aspect-ratio: 1.6"');
  });

  test('the chapter page has its frame: head, landmarks, table of contents, anchors', () => {
    const html = read(built.out, 'linear-transformations.html');
    const head = html.slice(0, html.indexOf('</head>'));
    assert.match(head, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(head, /<meta name="description" content="[^"]{20,}">/);
    assert.match(head, /<link rel="stylesheet" href="assets\/katex\/katex.min.css">/);
    assert.match(head, /<link rel="stylesheet" href="assets\/site.css">/);
    assert.match(head, /<script src="assets\/site.js"><\/script>/);
    assert.match(head, /<script src="mml\/mml-figure.js"><\/script>/);
    assert.match(html, /<a class="skip-link" href="#main">/);
    assert.match(html, /<main id="main"/);
    assert.match(html, /<nav class="toc"[^>]*>[\s\S]*<a href="#why-machine-learning-cares">/);
    assert.match(html, /<h2 id="the-determinant-is-a-signed-area">The determinant is a signed area <a class="heading-anchor" href="#the-determinant-is-a-signed-area"/);
    assert.match(html, /data-theme-toggle/);
  });

  test('links and sources point only at files and anchors that exist', () => {
    const { out } = built;
    for (const name of htmlFiles(out)) {
      const html = read(out, name);
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = m[1];
        if (/^(https?:|mailto:)/.test(url)) continue;
        const [file, fragment] = url.split('#');
        const target = file || name;
        assert.ok(fs.existsSync(path.join(out, target)), `${name} links to missing ${url}`);
        if (fragment && target.endsWith('.html')) {
          assert.ok(ids(read(out, target)).has(fragment), `${name} links to missing anchor ${url}`);
        }
      }
    }
  });

  test('pages are CSP-safe: no inline scripts, no event-handler attributes', () => {
    for (const name of htmlFiles(built.out)) {
      const html = read(built.out, name);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.match(m[1], /\ssrc="/, `${name}: a script without src`);
        assert.equal(m[2].trim(), '', `${name}: a script with an inline body`);
      }
      assert.ok(!/<[^>]+\son[a-z]+\s*=/i.test(html), `${name}: an on* attribute`);
      assert.ok(!/javascript:/i.test(html), `${name}: a javascript: URL`);
    }
  });

  test('ids are unique on every page', () => {
    for (const name of htmlFiles(built.out)) {
      const all = [...read(built.out, name).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(all).size, all.length, `${name} repeats an id`);
    }
  });

  test('mml-figure.js is the index of the manifest followed by the element script, minified; each figure\'s description in mml/figures', () => {
    const js = read(built.out, 'mml/mml-figure.js');
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    assert.ok(js.startsWith('"use strict";\nwindow.MML_MANIFEST = {'));
    const element = js.slice(js.indexOf(';\n', 20) + 2);
    assert.doesNotMatch(element, /stand-in|longArgumentName/, 'comments dropped and local names shortened');
    const window = {};
    new Function('window', js)(window);  // eslint-disable-line no-new-func
    const index = window.MML_MANIFEST;
    // What every page downloads: the figures' ids and shapes, and every parameter name once.
    const { figures, ...rest } = manifest;
    const names = new Set(figures.flatMap((f) => f.params.flatMap((p) => [p.name, ...(p.aliases || [])])));
    assert.deepEqual(index, { ...rest, paramNames: [...names].sort(),
      figures: figures.map((f) => ({ id: f.id, aspect: f.aspect, ...(f.narrowAspect ? { narrowAspect: f.narrowAspect } : {}) })) });
    // The rest, per figure: title and parameters (the pages carry the summaries).
    for (const f of figures) {
      assert.deepEqual(JSON.parse(read(built.out, `mml/figures/${f.id}.json`)), { id: f.id, title: f.title, params: f.params }, f.id);
    }
    assert.equal(window.standIn(41), 42, 'the minified script still works');
    assert.deepEqual(fs.readFileSync(path.join(built.out, 'mml/mml.wasm')), fs.readFileSync(path.join(runtime.dir, 'mml.wasm')));
  });

  test('KaTeX ships only the woff2 fonts its stylesheet names', () => {
    const css = read(built.out, 'assets/katex/katex.min.css');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(urls.length >= 15);
    for (const u of urls) {
      assert.match(u, /^fonts\/KaTeX_[\w-]+\.woff2$/);
      assert.ok(fs.existsSync(path.join(built.out, 'assets/katex', u)), `${u} missing`);
    }
    const fonts = fs.readdirSync(path.join(built.out, 'assets/katex/fonts'));
    assert.ok(fonts.every((f) => f.endsWith('.woff2')));
    assert.equal(fonts.length, new Set(urls).size);
  });

  test('the landing page opens with the live figure and links only existing chapters', () => {
    const html = read(built.out, 'index.html');
    const main = html.slice(html.indexOf('<main'));
    assert.ok(main.indexOf('<mml-figure name="basis-images"') < main.indexOf('id="roadmap"'));
    assert.match(html, /A matrix is where the unit vectors land/);
    assert.match(html, /<a class="hero-link" href="linear-transformations.html">/);
    const stages = [...html.matchAll(/<h3 class="stage-title">(?:<span[^>]*>[^<]*<\/span>)?([^<]+)<\/h3>/g)].map((m) => m[1]);
    assert.deepEqual(stages, ['Calculus and linear algebra', 'Multivariable calculus', 'Probability', 'Optimization and statistics', 'Neural networks']);
    assert.match(html, /<li class="ch ch-ready"><span class="ch-num">4<\/span><span class="ch-link"><a href="linear-transformations.html">Linear transformations and matrices<\/a><\/span>/);
    // One page may serve several book chapters: each number links it, at its section when it has one.
    const gd = '<span class="ch-page">in “Gradient descent”</span>';
    assert.ok(html.includes(`<span class="ch-num">12</span><span class="ch-link"><a href="gradient-descent.html#the-derivative-is-speed">Differentiation</a> ${gd}`));
    assert.ok(html.includes(`<span class="ch-num">13</span><span class="ch-link"><a href="gradient-descent.html#walking-downhill-in-one-variable">Optimization</a> ${gd}`));
    assert.ok(html.includes(`<span class="ch-num">17</span><span class="ch-link"><a href="gradient-descent.html#many-variables-the-loss-landscape">Optimization in multiple variables</a> ${gd}`));
    assert.ok(html.includes('<span class="ch-num">20</span><span class="ch-link"><a href="entropy-and-cross-entropy.html">The expected value</a> <span class="ch-page">in “Entropy and cross-entropy”</span>'));
    assert.match(html, /3 pages are ready \(book chapters 4, 12, 13, 17 and 20\)/);
    // Every page on the roadmap is at its chapter numbers, none left over at the end of a part.
    assert.doesNotMatch(html, /<span class="ch-num" aria-hidden="true">·<\/span><a href=/);
    assert.match(html, /<li class="ch ch-coming"><span class="ch-num">1<\/span><span class="ch-title">Vectors and vector spaces<\/span> <span class="ch-tag">coming<\/span>/);
  });

  test('gallery and embedding guide cover every book figure; toolkit figures get toolkit.html', () => {
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    const gallery = read(built.out, 'gallery.html');
    const guide = read(built.out, 'embedding.html');
    const toolkit = manifest.figures.filter((f) => f.id.startsWith('toolkit-'));
    if (toolkit.length) {
      const page = read(built.out, 'toolkit.html');
      for (const f of toolkit) {
        assert.match(page, new RegExp(`<h2 id="${f.id}">`));
        assert.doesNotMatch(gallery, new RegExp(`<h2 id="${f.id}">`));
      }
    }
    for (const f of manifest.figures.filter((f) => !f.id.startsWith('toolkit-'))) {
      assert.match(gallery, new RegExp(`<h2 id="${f.id}">`));
      assert.match(gallery, new RegExp(`<pre id="snippet-${f.id}"[^>]*><code>&lt;script src=&quot;mml/mml-figure.js&quot;&gt;&lt;/script&gt;\n&lt;mml-figure name=&quot;${f.id}&quot;`));
      for (const p of f.params) assert.match(guide, new RegExp(`<th scope="row"><code>${p.name}</code></th><td>${p.type}</td>`));
    }
    assert.match(gallery, /Appears in <a href="linear-transformations.html">Linear transformations and matrices<\/a> \(<a href="linear-transformations.html#figure-1">Figure 1<\/a>, <a href="linear-transformations.html#figure-2">Figure 2<\/a>\)\./);
    assert.match(gallery, /Not placed in a chapter yet/);
    assert.match(gallery, /class="copy-button" data-copy="snippet-basis-images"/);
    // In the book's order: each section's figure is first placed in the same or a later chapter
    // (roadmap order, read off the landing page's chapter list) than the one before, and at a
    // later figure number within a chapter; figures no chapter places come last.
    const chapterOrder = [...new Set([...read(built.out, 'index.html').matchAll(/<li class="ch ch-ready">.*?<a href="([\w-]+)\.html[#"]/g)].map((m) => m[1]))];
    const sections = [...gallery.matchAll(/<section class="gallery-item" aria-labelledby="([\w-]+)">([\s\S]*?)<\/section>/g)];
    const place = sections.map(([, id, body]) => {
      const first = body.match(/Appears in <a href="([\w-]+)\.html">[^<]*<\/a> \(<a href="[\w-]+\.html#figure-(\d+)"/);
      return { id, rank: first ? [chapterOrder.indexOf(first[1]), Number(first[2])] : [Infinity, 0] };
    });
    assert.ok(place.length >= 2 && place.some((p) => p.rank[0] === Infinity), 'placed and unplaced figures both present');
    for (let i = 1; i < place.length; ++i) {
      const [a, b] = [place[i - 1].rank, place[i].rank];
      assert.ok(a[0] < b[0] || (a[0] === b[0] && (a[0] === Infinity ? place[i - 1].id < place[i].id : a[1] < b[1])),
                `${place[i - 1].id} before ${place[i].id} is not the book's order`);
    }
    // The guide's live example uses the parameters a chapter gave the figure.
    assert.match(guide, /<mml-figure name="basis-images" a="1,0.5" b="-0.3,1"/);
    assert.match(guide, /<td>enum<\/td><td>none \| rotation \| shear<\/td><td><code>none<\/code><\/td>/);
  });

  test('embed.html is the iframe form: figure and parameters from its query, no page frame', () => {
    const html = read(built.out, 'embed.html');
    for (const f of ['assets/embed.css', 'assets/embed.js']) assert.ok(fs.existsSync(path.join(built.out, f)), `${f} is missing`);
    const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['mml/mml-figure.js', 'assets/embed.js'], 'the element first, then the script that places it');
    assert.ok(html.indexOf('assets/embed.js') < html.indexOf('</head>'), 'theme applied before the body paints');
    assert.match(html, /<main id="embed">/);
    assert.match(html, /<meta name="robots" content="noindex">/);
    assert.doesNotMatch(html, /site-header|site-footer|site\.css/);
    assert.match(html, /<noscript>.*needs JavaScript/);
  });

  test('the embedding guide gives each figure its iframe snippet next to the element snippet', () => {
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    const guide = read(built.out, 'embedding.html');
    for (const f of manifest.figures.filter((f) => !f.id.startsWith('toolkit-'))) {
      const element = guide.indexOf(`<pre id="embed-snippet-${f.id}"`);
      const iframe = guide.indexOf(`<pre id="iframe-snippet-${f.id}"`);
      assert.ok(element > 0 && iframe > element, `${f.id}: iframe snippet after the element snippet`);
      assert.match(guide.slice(iframe), new RegExp(`^<pre[^>]*><code>&lt;iframe src=&quot;embed.html\\?name=${f.id}[&"]`));
    }
    // The guide's example is the chapter's configuration, in both forms.
    assert.match(guide, /&lt;iframe src=&quot;embed.html\?name=basis-images&amp;amp;a=1,0.5&amp;amp;b=-0.3,1&quot; title=&quot;[^&]+ \(interactive figure\)&quot;/);
    assert.match(guide, /<h2 id="iframe">As an iframe/);
    assert.match(guide, /<h2 id="hosting">Hosting the files yourself/);
    assert.match(guide, /Access-Control-Allow-Origin: \*/);
  });
});

describe('the iframe form', () => {
  const figure = { id: 'basis-images', title: 'Where the basis vectors land', aspect: 1.6,
    params: [{ name: 'a', aliases: ['e1'] }, { name: 'b' }, { name: 'f' }] };

  test('embedUrl names the figure, then its parameters in manifest order, commas readable', () => {
    assert.equal(embedUrl(figure, {}), 'embed.html?name=basis-images');
    assert.equal(embedUrl(figure, { b: '-0.3,1', a: '1,0.5' }), 'embed.html?name=basis-images&a=1,0.5&b=-0.3,1');
    assert.equal(embedUrl(figure, { f: 'x^2 + 1' }, 'https://example.org/mml/'), 'https://example.org/mml/embed.html?name=basis-images&f=x%5E2+%2B+1');
    assert.equal(new URL(embedUrl(figure, { f: 'x^2 + 1' }), 'https://h/').searchParams.get('f'), 'x^2 + 1');
    // A former name (alias) in a chapter goes into the link under the parameter's name now.
    assert.equal(embedUrl(figure, { e1: '1,0.5' }), 'embed.html?name=basis-images&a=1,0.5');
  });

  test('the iframe snippet is titled, lazy and shaped for a 720 px column plus the tool bar', () => {
    const html = iframeSnippet(figure, { a: '1,0.5' }, '');
    assert.equal(html, '<iframe src="embed.html?name=basis-images&amp;a=1,0.5" title="Where the basis vectors land (interactive figure)" ' +
      'loading="lazy" style="width: 100%; aspect-ratio: 1.469; min-height: 420px; border: 0"></iframe>');
    // 720 / (720 / 1.6 + 40) = 1.4693…
    assert.equal(Number((720 / (720 / 1.6 + 40)).toFixed(3)), 1.469);
  });

  test('a figure parameter may not take a name embed.html keeps for itself', () => {
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    const bad = structuredClone(manifest);
    bad.figures[0].params.push({ ...bad.figures[0].params[0], name: 'theme' });
    assert.throws(() => build({ 'a.md': `${frontMatter()}\nText.\n` }, { manifest: bad }), /parameter may not be called "theme"/);
    const aliased = structuredClone(manifest);
    aliased.figures[0].params[0].aliases = ['data-x'];
    assert.throws(() => build({ 'a.md': `${frontMatter()}\nText.\n` }, { manifest: aliased }), /parameter may not be called "data-x"/);
  });
});

describe('chapter features', () => {
  let built;
  before(() => {
    built = build({
      'later.md': `${frontMatter({ title: 'Later', part: 'Probability', stage: 'Probability', order: 1 })}
## Section one

Costs \\$5, while $x^2$ is math and \`$not math$\` is code. See [the first](first.md#intro).

### Sub-section

$$
\\int_0^1 x\\,dx = \\tfrac12
$$

## Section two

::: figure every-type preset=shear f="sin(x) + 1" seed=7
Caption with *emphasis* and $\\alpha$.

A second caption paragraph.
:::
`,
      'first.md': `${frontMatter({ title: 'First', order: 2 })}
## Intro

::: figure basis-images b=0,-1
One.
:::

::: figure basis-images a=3,3
Two.
:::
`,
    });
  });
  after(() => removeAll(built.out, built.dir));

  test('chapters are ordered by stage, then order: previous and next links', () => {
    const first = read(built.out, 'first.html');
    const later = read(built.out, 'later.html');
    assert.match(first, /<a class="pager-link pager-next" href="later.html" rel="next">/);
    assert.match(later, /<a class="pager-link pager-prev" href="first.html" rel="prev">/);
    assert.match(first, /<a class="pager-link pager-prev" href="index.html#roadmap">/);
  });

  test('escaped dollars, code spans, display math and .md links', () => {
    const html = read(built.out, 'later.html');
    assert.match(html, /Costs \$5, while <span class="katex">/);
    assert.match(html, /<code>\$not math\$<\/code>/);
    assert.match(html, /<div class="math-display"><span class="katex-display">/);
    assert.match(html, /<a href="first.html#intro">the first<\/a>/);
  });

  test('the table of contents nests h3 under h2', () => {
    const html = read(built.out, 'later.html');
    assert.match(html, /<li><a href="#section-one">Section one<\/a><ol><li><a href="#sub-section">Sub-section<\/a><\/li><\/ol><\/li><li><a href="#section-two">Section two<\/a><\/li>/);
  });

  test('figures number per chapter, quoted values keep their spaces, captions keep markdown', () => {
    const later = read(built.out, 'later.html');
    assert.match(later, /<mml-figure name="every-type" preset="shear" seed="7" f="sin\(x\) \+ 1" style="aspect-ratio: 1.25"><\/mml-figure>/);
    assert.match(later, /Figure 1<\/a>\. Caption with <em>emphasis<\/em> and <span class="katex">/);
    assert.match(later, /<p>A second caption paragraph.<\/p>\n<\/figcaption>/);
    const first = read(built.out, 'first.html');
    assert.match(first, /id="figure-1">\n<mml-figure name="basis-images" b="0,-1"/);
    assert.match(first, /id="figure-2">\n<mml-figure name="basis-images" a="3,3"/);
  });

  test('pages the roadmap does not list appear under their part', () => {
    const html = read(built.out, 'index.html');
    assert.match(html, /<a href="first.html">First<\/a>/);
    assert.match(html, /<a href="later.html">Later<\/a>/);
    assert.ok(!html.includes('linear-transformations.html'), 'no link to a chapter that was not built');
  });
});

describe('the toolkit page shows each demo beside its code', () => {
  const figures = path.join(REPO, 'tests', 'site', 'fixtures', 'figures');
  const manifestWith = (...ids) => {
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    manifest.figures = manifest.figures.filter((f) => !f.id.startsWith('toolkit-'));
    for (const id of ids) manifest.figures.push({ id, title: `Toolkit: ${id}`, summary: 'A demo.', aspect: 1.5, narrowAspect: 0.75, params: [] });
    return manifest;
  };

  test('frame() open and the whole file folded, escaped, with the verbs marked', () => {
    const built = build({}, { manifest: manifestWith('toolkit-demo'), figures });
    try {
      const html = read(built.out, 'toolkit.html');
      const item = html.slice(html.indexOf('<section class="gallery-item toolkit-item" aria-labelledby="toolkit-demo">'));
      assert.ok(item.length < html.length, 'the demo has its section');
      // The live figure first, then its code.
      assert.ok(item.indexOf('<mml-figure name="toolkit-demo"') < item.indexOf('<div class="toolkit-code">'));
      assert.match(item, /<details class="code-frame" open>\n<summary id="code-toolkit-demo-label"><code>frame\(\)<\/code> in <code>web\/figures\/toolkit_demo.cpp<\/code>, lines 9–15<\/summary>/);
      const code = (m) => m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const blocks = [...item.matchAll(/<pre class="code" tabindex="0"[^>]*><code>([\s\S]*?)<\/code><\/pre>/g)];
      assert.equal(blocks.length, 2);
      // frame() from its signature to its own closing brace (braces in comments and literals do
      // not count), unindented; the whole file behind a summary, exactly as written.
      const source = fs.readFileSync(path.join(figures, 'toolkit_demo.cpp'), 'utf8');
      const lines = source.split('\n');
      assert.equal(code(blocks[0]), lines.slice(8, 15).map((l) => l.slice(2)).join('\n'));
      assert.match(item, /<details class="code-file">\n<summary id="code-toolkit-demo-file-label">The whole file, <code>web\/figures\/toolkit_demo.cpp<\/code>, 22 lines<\/summary>/);
      assert.equal(code(blocks[1]), source.replace(/\n$/, ''));
      for (const [, html] of blocks) assert.doesNotMatch(html.replace(/<\/?span[^>]*>/g, ''), /[<>]/, 'a raw < or > in the code');
      assert.match(blocks[0][1], /<span class="tok-verb">plot::begin_plot<\/span>\(<span class="tok-string">&quot;##demo &lt;&amp;&gt; }&quot;<\/span>/);
      assert.match(blocks[0][1], /<span class="tok-comment">\/\/ a brace in a comment: }<\/span>/);
      assert.match(blocks[0][1], /plot::kDashed/, 'constants are not verbs');
      assert.doesNotMatch(blocks[0][1], /<span class="tok-verb">plot::kDashed/);
    } finally {
      removeAll(built.out, built.dir);
    }
  });

  test('a demo whose source cannot be found is an error', () => {
    assert.throws(() => build({}, { manifest: manifestWith('toolkit-nowhere'), figures }),
      /toolkit figure toolkit-nowhere: no .*fixtures\/figures\/\*\.cpp has its MML_FIGURE line/);
  });
});

describe('the constants the element shares with the module', () => {
  test('come from the manifest: the element numbers no key, pointer event, button or cursor itself', () => {
    const source = fs.readFileSync(path.join(REPO, 'web', 'js', 'mml-figure.js'), 'utf8');
    const { host } = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    assert.match(source, /= *\n? *manifest\.host \|\|/);
    assert.doesNotMatch(source, /\bArrowLeft: *\d|"(?:nesw|nwse)-resize"/, 'a key or cursor table written out in the element');
    assert.doesNotMatch(source, /\bsend\(\d|mml_pointer", [^)]*e\.button ===/, 'a pointer kind or button written as a number');
    const used = [...source.matchAll(/\bPOINTER\.(\w+)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(used)].sort(), Object.keys(host.pointer).sort());
    for (const e of ['shiftKey', 'ctrlKey', 'altKey', 'metaKey']) assert.ok(Number.isInteger(host.modifiers[e]), e);
  });

  test('a manifest without them is refused', () => {
    const manifest = JSON.parse(fs.readFileSync(FIXTURE_MANIFEST, 'utf8'));
    delete manifest.host.pointer.leave;
    assert.throws(() => build({}, { manifest }), /manifest: "host.pointer" has no leave/);
    delete manifest.host;
    assert.throws(() => build({}, { manifest }), /manifest: "host.keys" must be an object/);
  });
});

describe('build errors name the file and line', () => {
  const fm = frontMatter(); // 7 lines: the body starts on line 8

  test('a roadmap entry linking a section the page does not have', () => {
    const dir = chapterDir({ 'gradient-descent.md': `${frontMatter({ part: 'Multivariable calculus', stage: 'Multivariable calculus' })}\n## Another heading\n\nText.\n` });
    try {
      assert.throws(() => build(dir), /roadmap\.mjs: chapter 12 links gradient-descent\.html#the-derivative-is-speed, which has no such heading; its headings: another-heading/);
    } finally {
      removeAll(dir);
    }
  });

  test('broken inline math', () => {
    expectError(`${fm}\nSome text\nand more $\\frac{1}{$ here.\n`, 10, /KaTeX parse error/);
  });

  test('broken display math', () => {
    expectError(`${fm}\nText.\n\n$$\n\\left( x\n$$\n`, 11, /KaTeX parse error/);
  });

  test('an unmatched dollar', () => {
    expectError(`${fm}\nIt costs $5 and more.\n`, 9, /unmatched "\$"/);
  });

  test('unknown figure', () => {
    expectError(`${fm}\n::: figure no-such-figure\nCaption.\n:::\n`, 9, /unknown figure "no-such-figure"; valid figures: basis-images, every-type/);
  });

  test('unknown parameter', () => {
    expectError(`${fm}\n\nText.\n\n::: figure basis-images c=1,1\nCaption.\n:::\n`, 12, /figure basis-images: unknown parameter "c"; valid parameters: a, b/);
  });

  test('out-of-range parameter', () => {
    expectError(`${fm}\n::: figure basis-images a=1,0 b=0,4\nCaption.\n:::\n`, 9, /figure basis-images: b: 4 is out of range; expected two numbers in \[-3, 3\], like "1,0.5"/);
  });

  test('malformed parameter values', () => {
    expectError(`${fm}\n::: figure basis-images a=1,x\nCaption.\n:::\n`, 9, /a: "x" is not a finite number/);
    expectError(`${fm}\n::: figure every-type preset=spin\nCaption.\n:::\n`, 9, /preset: "spin" is not an option; expected one of none, rotation, shear/);
    expectError(`${fm}\n::: figure basis-images a=1,0 a=0,1\nCaption.\n:::\n`, 9, /given twice/);
  });

  test('figure without caption or closing line', () => {
    expectError(`${fm}\n::: figure basis-images\n:::\n`, 9, /needs a caption/);
    expectError(`${fm}\n::: figure basis-images\nCaption.\n`, 9, /not closed/);
  });

  test('front matter: unknown stage, wrong part, missing field', () => {
    expectError(frontMatter({ stage: 'Topology' }), 4, /unknown stage "Topology"; valid stages: Calculus and linear algebra, Multivariable calculus, Probability, Optimization and statistics, Neural networks/);
    expectError(frontMatter({ part: 'Probability' }), 3, /valid parts: Linear algebra, Calculus/);
    expectError('---\ntitle: x\n---\n', 1, /no "part"/);
  });

  test('a link to a chapter that does not exist', () => {
    expectError(`${fm}\nSee [this](nowhere.md).\n`, 9, /link to nowhere.md, which is not a chapter/);
  });

  test('a missing runtime file is a clear error', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mml.js'), '');
    try {
      assert.throws(() => generateSite({ manifest: FIXTURE_MANIFEST, runtime: dir, element: runtime.element, out: path.join(dir, 'out') }),
        /runtime folder .* is missing mml.wasm/);
    } finally {
      removeAll(dir);
    }
  });
});

describe('the command line', () => {
  const cli = path.join(REPO, 'web', 'site', 'generate.mjs');

  test('prints one summary line on success', () => {
    const out = tempDir('mml-out-');
    try {
      const r = spawnSync(process.execPath, [cli, '--manifest', FIXTURE_MANIFEST, '--runtime', runtime.dir, '--out', out, '--element', runtime.element], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout.trim(), /^Wrote \d+ pages with \d+ figures? placed in \d+ chapters? to .* in \d+ ms$/);
      assert.equal(r.stdout.trim().split('\n').length, 1);
    } finally {
      removeAll(out);
    }
  });

  test('exits non-zero with file:line on a content error', () => {
    const dir = chapterDir({ 'bad.md': `${frontMatter()}\n::: figure basis-images a=9,9\nCaption.\n:::\n` });
    const out = tempDir('mml-out-');
    try {
      const r = spawnSync(process.execPath, [cli, '--manifest', FIXTURE_MANIFEST, '--runtime', runtime.dir, '--out', out, '--element', runtime.element, '--chapters', dir], { encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.equal(r.stderr.trim(), `${path.join(dir, 'bad.md')}:9: figure basis-images: a: 9 is out of range; expected two numbers in [-3, 3], like "1,0.5"`);
    } finally {
      removeAll(dir, out);
    }
  });

  test('exits non-zero when the runtime is missing', () => {
    const r = spawnSync(process.execPath, [cli, '--manifest', FIXTURE_MANIFEST, '--runtime', '/nonexistent', '--out', '/tmp/never-written'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /runtime folder \/nonexistent is missing mml.js and mml.wasm/);
  });
});
