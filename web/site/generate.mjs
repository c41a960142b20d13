#!/usr/bin/env node
// The static site generator: chapters/*.md + the figure manifest + the WASM runtime → a folder of
// plain HTML that any static host can serve.
//
//   node web/site/generate.mjs --manifest build/manifest.json --runtime build/wasm/web --out dist/site
//        [--chapters chapters] [--element web/js/mml-figure.js] [--base-url https://example.org/mml/]
//
// Output: <slug>.html per chapter, index.html (the roadmap), gallery.html, embedding.html, 404.html,
// licenses.html (ours and the shipped third-party components', from web/site/licenses.mjs),
// embed.html (one figure filling an iframe, chosen by its query string), assets/ (site.css, site.js,
// embed.css, embed.js, katex/), mml/ (mml.js, mml.wasm, the side modules, mml-figure.js with the
// book's index, figures/<id>.json).
// Pages carry no inline script and no event-handler attribute: they run under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkManifest, describeRange, isReservedName } from './params.mjs';
import { BuildError, createMarkdown, escapeHtml, figureElement, parseFrontMatter, renderChapterBody } from './markdown.mjs';
import { STAGES, STAGE_NAMES, partsOf, stageIndex } from './roadmap.mjs';
import { placePosters, renderPosters } from './posters.mjs';
import { CONTENT_LICENSE, licensesMain, thirdPartyComponents } from './licenses.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const SITE_NAME = 'MML Companion';
const BOOK = '<cite>Mathematics of Machine Learning</cite>';
const OWNED_MARKER = '.mml-site'; // an output folder holding this file was written by us and may be wiped

// --- Inputs ---------------------------------------------------------------------------------

function readManifest(manifest) {
  if (manifest && typeof manifest === 'object') return checkManifest(manifest);
  if (!manifest) throw new Error('no manifest given: pass --manifest <manifest.json> (printed by the mml-manifest program)');
  let text;
  try {
    text = fs.readFileSync(manifest, 'utf8');
  } catch {
    throw new Error(`cannot read the manifest ${manifest}: run mml-manifest > ${manifest} first`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${manifest}: not valid JSON (${err.message})`);
  }
  return checkManifest(json);
}

function checkRuntime(dir) {
  if (!dir) throw new Error('no runtime given: pass --runtime <dir with mml.js and mml.wasm>');
  const missing = ['mml.js', 'mml.wasm'].filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) {
    throw new Error(`runtime folder ${dir} is missing ${missing.join(' and ')}: build the WebAssembly target first, or point --runtime at the folder holding mml.js and mml.wasm`);
  }
}

// The split runtime (build/wasm-release/web/split, target mml-split) has, besides mml.js and
// mml.wasm, a side module per chapter and modules.json naming each figure's: the element loads a
// figure's side module before the figure. Returns { figure id: file }, or null for the one-module
// runtime.
function runtimeModules(dir, manifest) {
  const file = path.join(dir, 'modules.json');
  if (!fs.existsSync(file)) return null;
  const modules = JSON.parse(fs.readFileSync(file, 'utf8')).figures;
  for (const f of manifest.figures) {
    if (!modules[f.id]) throw new Error(`${file} names no side module for figure "${f.id}": rebuild the runtime (target mml-split)`);
  }
  for (const module of new Set(Object.values(modules))) {
    if (!/^[\w.-]+\.wasm$/.test(module) || !fs.existsSync(path.join(dir, module))) throw new Error(`${file}: side module ${module} is missing`);
  }
  return modules;
}

function displayPath(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const REQUIRED = ['title', 'part', 'stage', 'order', 'summary'];

function loadChapter(md, file) {
  const shown = displayPath(file);
  const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const { data, lineOf, body } = parseFrontMatter(source, shown);
  for (const key of REQUIRED) {
    if (!data[key]) throw new BuildError(shown, 1, `front matter has no "${key}"; a chapter needs ${REQUIRED.join(', ')}`);
  }
  const stage = stageIndex(data.stage);
  if (stage < 0) throw new BuildError(shown, lineOf.stage, `unknown stage "${data.stage}"; valid stages: ${STAGE_NAMES.join(', ')}`);
  const parts = partsOf(STAGE_NAMES[stage]);
  const part = parts.find((p) => p.toLowerCase() === data.part.toLowerCase());
  if (!part) throw new BuildError(shown, lineOf.part, `part "${data.part}" is not in stage "${STAGE_NAMES[stage]}"; valid parts: ${parts.join(', ')}`);
  if (!/^[0-9]+$/.test(data.order)) throw new BuildError(shown, lineOf.order, `order must be a whole number, not "${data.order}"`);
  const slug = path.basename(file, '.md');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) throw new BuildError(shown, 0, 'chapter file names are lower-case words joined by dashes (they become the page URL)');
  const rendered = renderChapterBody(md, body, shown);
  return {
    slug, file: shown, title: data.title, summary: data.summary, part,
    stage, stageName: STAGE_NAMES[stage], order: Number(data.order), ...rendered,
  };
}

// --- Page frame -----------------------------------------------------------------------------

function themeToggle() {
  // Hidden until site.js wires it: without scripts it could do nothing.
  return '<button type="button" class="theme-toggle" data-theme-toggle hidden>' +
    '<svg class="theme-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
    '<circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2"/>' +
    '<path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/></svg>' +
    '<span class="theme-label">Theme: auto</span></button>';
}

// The site search: hidden until site.js wires it (it needs scripts); site.js loads Pagefind's
// index from pagefind/ only when the reader focuses the box. Results are a list of links.
function searchBox() {
  return `<div class="site-search" role="search" aria-label="Site" data-site-search hidden>
<label class="visually-hidden" for="site-search-input">Search the chapters and figures</label>
<input id="site-search-input" class="search-input" type="search" placeholder="Search" autocomplete="off" spellcheck="false" aria-describedby="site-search-status">
<div class="search-panel" id="site-search-panel" hidden>
<p class="search-status" id="site-search-status" role="status"></p>
<ul class="search-results" id="site-search-results" aria-label="Search results"></ul>
</div>
</div>`;
}

function siteHeader(current) {
  const link = (href, label) => `<a href="${href}"${current === href ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<header class="site-header">
<div class="site-header-inner">
<a class="brand" href="index.html"${current === 'index.html' ? ' aria-current="page"' : ''}><span class="brand-mark" aria-hidden="true"></span>${SITE_NAME}</a>
<nav class="site-nav" aria-label="Site">${link('index.html#roadmap', 'Roadmap')}${link('gallery.html', 'Gallery')}${link('embedding.html', 'Embed')}</nav>
${searchBox()}
${themeToggle()}
</div>
</header>`;
}

function siteFooter() {
  return `<footer class="site-footer">
<div class="site-footer-inner">
<p>${SITE_NAME}: interactive figures for ${BOOK} by Tivadar Danka (Packt, 2025). Every figure is C++ compiled to WebAssembly, and every one can be <a href="embedding.html">embedded in your own pages</a>.</p>
<p>Code under the MIT licence; chapter text and figures under <a href="${CONTENT_LICENSE.url}" rel="license">CC BY 4.0</a>.</p>
<nav aria-label="Footer"><a href="index.html">Home</a> <a href="gallery.html">Figure gallery</a> <a href="embedding.html">Embedding guide</a> <a href="licenses.html">Licences</a> <a href="licenses.html#third-party">Third-party notices</a></nav>
</div>
</footer>`;
}

function page({ title, description, bodyClass, current, main, before = '' }) {
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(fullTitle)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/site.css">
<script src="assets/site.js"></script>
<script src="mml/mml-figure.js"></script>
</head>
<body class="${bodyClass}">
<a class="skip-link" href="#main">Skip to content</a>
${siteHeader(current)}
${before}<main id="main" tabindex="-1">
${main}
</main>
${siteFooter()}
</body>
</html>
`;
}

// --- Chapter pages --------------------------------------------------------------------------

function tocHtml(toc) {
  if (toc.length < 2) return '';
  let html = '';
  let open = 0; // an h3 list is open inside the last h2 item
  for (const [i, entry] of toc.entries()) {
    if (entry.level === 3 && i > 0) {
      if (!open) { html += '<ol>'; open = 1; } else html += '</li>';
    } else {
      if (open) { html += '</li></ol>'; open = 0; }
      if (i > 0) html += '</li>';
    }
    html += `<li><a href="#${entry.id}">${entry.html}</a>`;
  }
  html += open ? '</li></ol></li>' : '</li>';
  return `<nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore>
<h2 id="toc-title" class="toc-title">On this page</h2>
<ol>${html}</ol>
</nav>`;
}

function pagerHtml(prev, next) {
  const item = (c, dir, rel) => c
    ? `<a class="pager-link pager-${rel}" href="${c.slug}.html" rel="${rel}"><span class="pager-dir">${dir}</span><span class="pager-title">${escapeHtml(c.title)}</span></a>`
    : `<a class="pager-link pager-${rel}" href="index.html#roadmap"><span class="pager-dir">${dir === 'Previous' ? 'Back to' : 'Next up'}</span><span class="pager-title">${dir === 'Previous' ? 'The roadmap' : 'More chapters on the roadmap'}</span></a>`;
  return `<nav class="pager" aria-label="Chapters" data-pagefind-ignore>${item(prev, 'Previous', 'prev')}${item(next, 'Next', 'next')}</nav>`;
}

function chapterPage(ch, prev, next) {
  const stage = STAGES[ch.stage];
  const group = stage.groups.find((g) => g.part === ch.part);
  // Only chapter pages are indexed for the search (data-pagefind-body), without their navigation.
  const main = `<article class="chapter" data-pagefind-body>
<header class="chapter-header">
<p class="eyebrow"><a href="index.html#stage-${ch.stage + 1}">Stage ${ch.stage + 1} · ${escapeHtml(ch.stageName)}</a><span aria-hidden="true"> / </span><span>${escapeHtml(group.label)} · ${escapeHtml(ch.part)}</span></p>
<h1>${escapeHtml(ch.title)}</h1>
<p class="lede">${escapeHtml(ch.summary)}</p>
</header>
${tocHtml(ch.toc)}
<div class="prose">
${ch.html}</div>
${pagerHtml(prev, next)}
</article>`;
  return page({ title: ch.title, description: ch.summary, bodyClass: 'page-chapter', current: `${ch.slug}.html`, main });
}

// --- Landing page ---------------------------------------------------------------------------

// A roadmap entry that names a built page: the book chapter's title, linked to the page (or to the
// entry's section of it), and the page's own title when it is not the chapter's.
function roadmapLink(entry, ch) {
  if (entry.section && !ch.toc.some((h) => h.id === entry.section)) {
    throw new Error(`web/site/roadmap.mjs: chapter ${entry.n} links ${ch.slug}.html#${entry.section}, which has no such heading; its headings: ${ch.toc.map((h) => h.id).join(', ')}`);
  }
  const href = `${ch.slug}.html${entry.section ? `#${entry.section}` : ''}`;
  const own = ch.title.toLowerCase().startsWith(entry.title.toLowerCase());
  return `<a href="${href}">${escapeHtml(own ? ch.title : entry.title)}</a>${own ? '' : ` <span class="ch-page">in “${escapeHtml(ch.title)}”</span>`}`;
}

function roadmapHtml(chapters) {
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const listed = new Set();
  const stages = STAGES.map((stage, si) => {
    const groups = stage.groups.map((group) => {
      const items = group.chapters.map((entry) => {
        const ch = entry.slug && bySlug.get(entry.slug);
        const num = entry.n ? `<span class="ch-num">${entry.n}</span>` : '<span class="ch-num" aria-hidden="true">·</span>';
        if (ch) {
          listed.add(ch.slug);
          return `<li class="ch ch-ready">${num}<span class="ch-link">${roadmapLink(entry, ch)}</span></li>`;
        }
        return `<li class="ch ch-coming">${num}<span class="ch-title">${escapeHtml(entry.title)}</span> <span class="ch-tag">coming</span></li>`;
      });
      // Pages that the roadmap does not list yet go at the end of their part.
      for (const ch of chapters) {
        if (ch.stage === si && ch.part === group.part && !listed.has(ch.slug)) {
          listed.add(ch.slug);
          items.push(`<li class="ch ch-ready"><span class="ch-num" aria-hidden="true">·</span><a href="${ch.slug}.html">${escapeHtml(ch.title)}</a></li>`);
        }
      }
      return `<section class="part" aria-label="${escapeHtml(`${group.label}: ${group.part}`)}">
<h4 class="part-title"><span class="part-label">${escapeHtml(group.label)}</span> ${escapeHtml(group.part)}</h4>
<ol class="chapters">${items.join('')}</ol>
</section>`;
    });
    return `<li class="stage${stage.groups.length > 1 ? ' stage-split' : ''}" id="stage-${si + 1}">
<div class="stage-marker" aria-hidden="true">${si + 1}</div>
<div class="stage-body">
<h3 class="stage-title"><span class="visually-hidden">Stage ${si + 1}: </span>${escapeHtml(stage.name)}</h3>
<p class="stage-blurb">${escapeHtml(stage.blurb)}</p>
<div class="parts">${groups.join('\n')}</div>
</div>
</li>`;
  });
  return `<ol class="stages">\n${stages.join('\n')}\n</ol>`;
}

function indexPage(chapters, manifest, placements) {
  const hero = manifest.figures.find((f) => f.id === 'basis-images') ?? manifest.figures[0];
  const where = hero && placements.get(hero.id)?.[0];
  const ready = chapters.length;
  const built = new Set(chapters.map((c) => c.slug));
  const covered = STAGES.flatMap((s) => s.groups.flatMap((g) => g.chapters)).filter((e) => e.n && built.has(e.slug)).map((e) => e.n);
  const coverage = covered.length ? ` (book chapter${covered.length === 1 ? '' : 's'} ${covered.length === 1 ? covered[0] : `${covered.slice(0, -1).join(', ')} and ${covered.at(-1)}`})` : '';
  const heroFigure = hero ? `<figure class="mml-fig hero-figure">
${figureElement(hero)}
<figcaption>${escapeHtml(hero.summary ?? hero.title)}</figcaption>
</figure>` : '';
  const main = `<section class="hero" aria-labelledby="hero-title">
<div class="hero-text">
<p class="eyebrow">An interactive companion to ${BOOK}</p>
<h1 id="hero-title">The mathematics of machine learning, one picture you can move at a time.</h1>
<p class="lede">A matrix is where the unit vectors land. Drag the two arrows in the figure and the whole plane follows them: that is all a dense layer of a neural network does to its input.${where ? ` <a class="hero-link" href="${where.slug}.html">Read “${escapeHtml(where.title)}”<span aria-hidden="true"> →</span></a>` : ''}</p>
</div>
${heroFigure}
</section>
<section class="roadmap" id="roadmap" aria-labelledby="roadmap-title">
<div class="roadmap-intro">
<h2 id="roadmap-title">The roadmap</h2>
<p>Five stages, worked backwards from neural networks: linear algebra describes models, optimization trains them, probability fits them to data. Chapters follow the printed book's parts; the last stages go beyond the book. ${ready === 1 ? 'One page is' : `${ready} pages are`} ready${coverage}, the rest are on their way.</p>
</div>
${roadmapHtml(chapters)}
</section>`;
  return page({
    title: '', description: `Interactive figures for Mathematics of Machine Learning by Tivadar Danka: linear algebra, calculus, probability and neural networks you can drag and explore.`,
    bodyClass: 'page-home', current: 'index.html', main,
  });
}

// --- Gallery and embedding guide ------------------------------------------------------------

export function snippetFor(figure, attrs, baseUrl) {
  const script = `<script src="${baseUrl}mml/mml-figure.js"></script>`;
  return `${script}\n${figureElement(figure, attrs)}`;
}

// The iframe form: embed.html?name=<id>&<param>=<value>… (web/site/assets/embed.js reads it). The
// frame gets the shape the figure and its toolbar have in a column EMBED_COLUMN px wide, and a
// minimum height that leaves a phone's narrow layout room; embed.html fits the figure inside.
const EMBED_COLUMN = 720;
const EMBED_TOOLBAR = 40;  // the element's tool bar under the picture, in CSS px
const EMBED_MIN_HEIGHT = 420;
// The query keys embed.html keeps for itself (name, theme, state) are among the manifest's
// reservedNames (core/params.cpp), which no parameter may have.

export function embedUrl(figure, attrs, baseUrl = '') {
  const query = new URLSearchParams({ name: figure.id });
  // A parameter given by a former name (an alias) goes under its name now.
  for (const p of figure.params) {
    const given = [p.name, ...(p.aliases ?? [])].find((n) => n in attrs);
    if (given !== undefined) query.append(p.name, attrs[given]);
  }
  return `${baseUrl}embed.html?${query.toString().replace(/%2C/gi, ',')}`;
}

export function iframeSnippet(figure, attrs, baseUrl) {
  const ratio = Number((EMBED_COLUMN / (EMBED_COLUMN / figure.aspect + EMBED_TOOLBAR)).toFixed(3));
  return `<iframe src="${escapeHtml(embedUrl(figure, attrs, baseUrl))}" title="${escapeHtml(`${figure.title} (interactive figure)`)}" ` +
    `loading="lazy" style="width: 100%; aspect-ratio: ${ratio}; min-height: ${EMBED_MIN_HEIGHT}px; border: 0"></iframe>`;
}

function snippetBlock(id, snippet, label) {
  return `<div class="snippet">
<div class="snippet-bar"><span class="snippet-label" id="${id}-label">${escapeHtml(label)}</span><button type="button" class="copy-button" data-copy="${id}" hidden>Copy</button></div>
<pre id="${id}" aria-labelledby="${id}-label" tabindex="0" data-embed-snippet><code>${escapeHtml(snippet)}</code></pre>
</div>`;
}

function appearsIn(figure, placements) {
  const list = placements.get(figure.id) ?? [];
  if (!list.length) return '<p class="appears">Not placed in a chapter yet.</p>';
  const bySlug = new Map();
  for (const p of list) bySlug.set(p.slug, [...(bySlug.get(p.slug) ?? []), p]);
  const chapters = [...bySlug.values()].map((ps) => `<a href="${ps[0].slug}.html">${escapeHtml(ps[0].title)}</a> (` +
    ps.map((p) => `<a href="${p.slug}.html#figure-${p.number}">Figure ${p.number}</a>`).join(', ') + ')');
  return `<p class="appears">Appears in ${chapters.join('; ')}.</p>`;
}

// Figures whose id starts with "toolkit-" show the plotting toolkit to figure authors: they get
// their own page (toolkit.html) and stay out of the readers' gallery and embedding guide.
const isToolkit = (f) => f.id.startsWith('toolkit-');
const bookFigures = (manifest) => ({ ...manifest, figures: manifest.figures.filter((f) => !isToolkit(f)) });

// The book's figures in the book's order: by their first place in the chapters (roadmap order),
// then those no chapter places yet, by id. The gallery reads like the book, and its first screen
// needs one chapter's side module rather than several.
function inBookOrder(manifest, placements) {
  const order = [...placements.keys()];  // filled chapter by chapter, figure by figure
  const rank = (f) => (order.includes(f.id) ? order.indexOf(f.id) : order.length);
  const figures = bookFigures(manifest).figures.map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  return { ...manifest, figures };
}

// --- Toolkit page: each demo figure live, with the code that draws it --------------------------

// The figure file whose MML_FIGURE line registers `id` (web/figures/<name>.cpp).
function figureSource(id, dir) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpp')).sort() : [];
  for (const name of files) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (new RegExp(`\\bMML_FIGURE\\(\\s*\\w+\\s*,\\s*"${id}"`).test(text)) return { file: path.join(dir, name), name, text };
  }
  throw new Error(`toolkit figure ${id}: no ${displayPath(dir)}/*.cpp has its MML_FIGURE line, so its code cannot be shown`);
}

// C++ split into comments, string and character literals, and the rest (braces inside the first
// two do not count), so that code is escaped and highlighted piece by piece.
const CPP_TOKENS = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|([^"'/]+|[\s\S])/g;

function cppTokens(text) {
  return [...text.matchAll(CPP_TOKENS)].map((m) => ({ kind: m[1] ? 'comment' : m[2] ? 'string' : 'code', text: m[0] }));
}

// The lines of the function `void <name>(` from its signature to its closing brace (1-based,
// inclusive), or null when the file has none.
function functionLines(text, name) {
  const tokens = cppTokens(text);
  let offset = 0, start = -1, depth = 0;
  for (const t of tokens) {
    if (t.kind === 'code') {
      for (let i = 0; i < t.text.length; ++i) {
        const at = offset + i;
        if (start < 0) {
          if (t.text.startsWith(`void ${name}(`, i)) start = at;
          continue;
        }
        if (t.text[i] === '{') depth += 1;
        else if (t.text[i] === '}' && --depth === 0) {
          const line = (k) => text.slice(0, k).split('\n').length;
          return { first: line(start), last: line(at) };
        }
      }
    }
    offset += t.text.length;
  }
  return null;
}

// HTML for C++ source: escaped, comments and literals marked, and the toolkit's verbs (plot::…)
// marked so they stand out from the figure's own code.
function highlightCpp(text) {
  return cppTokens(text).map((t) => {
    if (t.kind === 'comment') return `<span class="tok-comment">${escapeHtml(t.text)}</span>`;
    if (t.kind === 'string') return `<span class="tok-string">${escapeHtml(t.text)}</span>`;
    return t.text.split(/(\bplot::(?!k[A-Z])[a-z_]\w*)/).map((piece, i) => (i % 2 ? `<span class="tok-verb">${escapeHtml(piece)}</span>` : escapeHtml(piece))).join('');
  }).join('');
}

// Removes the indentation every non-blank line shares.
function dedent(lines) {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function toolkitCode(f, dir) {
  const src = figureSource(f.id, dir);
  const lines = src.text.replace(/\n$/, '').split('\n');
  const shown = `web/figures/${src.name}`;
  const frame = functionLines(src.text, 'frame');
  const id = `code-${f.id}`;
  const whole = `<details class="code-file">
<summary id="${id}-file-label">The whole file, <code>${escapeHtml(shown)}</code>, ${lines.length} lines</summary>
<pre class="code" tabindex="0" aria-labelledby="${id}-file-label"><code>${highlightCpp(lines.join('\n'))}</code></pre>
</details>`;
  if (!frame) return `<div class="toolkit-code">\n${whole.replace('<details class="code-file">', '<details class="code-file" open>')}\n</div>`;
  return `<div class="toolkit-code">
<details class="code-frame" open>
<summary id="${id}-label"><code>frame()</code> in <code>${escapeHtml(shown)}</code>, lines ${frame.first}–${frame.last}</summary>
<pre class="code" tabindex="0" aria-labelledby="${id}-label"><code>${highlightCpp(dedent(lines.slice(frame.first - 1, frame.last)))}</code></pre>
</details>
${whole}
</div>`;
}

function toolkitPage(manifest, figuresDir) {
  const items = manifest.figures.filter(isToolkit).map((f) => `<section class="gallery-item toolkit-item" aria-labelledby="${f.id}">
<h2 id="${f.id}">${escapeHtml(f.title)} <a class="heading-anchor" href="#${f.id}" aria-label="Link to section: ${escapeHtml(f.title)}">#</a></h2>
<p class="gallery-summary">${escapeHtml(f.summary ?? '')}</p>
<div class="toolkit-demo">
<figure class="mml-fig">
${figureElement(f)}
<figcaption><code>${escapeHtml(f.id)}</code></figcaption>
</figure>
${toolkitCode(f, figuresDir)}
</div>
</section>`);
  const main = `<div class="wide-page">
<header class="page-header">
<h1>Figure toolkit</h1>
<p class="lede">For people writing figures: every item of the plotting toolkit (<code>web/plot/plot.hpp</code>, <code>web/plot/controls.hpp</code>) drawn live, beside the code that draws it. A figure reads like the picture it draws: begin a plot, set up the axes, draw items, end the plot. The toolkit's verbs are <span class="tok-verb">highlighted</span> in the code.</p>
</header>
${items.join('\n')}
</div>`;
  return page({ title: 'Figure toolkit', description: 'The plotting toolkit behind the MML Companion figures, live, beside its code.', bodyClass: 'page-gallery page-toolkit', current: 'toolkit.html', main });
}

function galleryPage(manifest, placements, baseUrl) {
  manifest = inBookOrder(manifest, placements);
  const items = manifest.figures.map((f) => {
    const defaults = Object.fromEntries(f.params.map((p) => [p.name, p.default]));
    return `<section class="gallery-item" aria-labelledby="${f.id}">
<h2 id="${f.id}">${escapeHtml(f.title)} <a class="heading-anchor" href="#${f.id}" aria-label="Link to section: ${escapeHtml(f.title)}">#</a></h2>
<p class="gallery-summary">${escapeHtml(f.summary ?? '')}</p>
${appearsIn(f, placements)}
<figure class="mml-fig">
${figureElement(f)}
<figcaption><code>${escapeHtml(f.id)}</code> with its default parameters.</figcaption>
</figure>
${snippetBlock(`snippet-${f.id}`, snippetFor(f, defaults, baseUrl), 'Embed this figure')}
</section>`;
  });
  const main = `<div class="wide-page">
<header class="page-header">
<h1>Figure gallery</h1>
<p class="lede">Every figure of the companion on one page, in the book's order, ${manifest.figures.length === 1 ? 'one so far' : `${manifest.figures.length} so far`}. Each one is live: drag, type, and see the math move. Copy a snippet to put a figure on your own page; the <a href="embedding.html">embedding guide</a> lists every parameter.</p>
</header>
${items.join('\n')}
</div>`;
  return page({ title: 'Figure gallery', description: 'Every interactive figure of the MML Companion, live, with its embed snippet.', bodyClass: 'page-gallery', current: 'gallery.html', main });
}

function paramTable(f) {
  if (!f.params.length) return '<p>This figure has no parameters.</p>';
  const rows = f.params.map((p) => `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${escapeHtml(p.type)}</td><td>${escapeHtml(describeRange(p))}</td><td><code>${escapeHtml(p.default)}</code></td><td>${escapeHtml(p.doc ?? '')}</td></tr>`);
  return `<div class="table-scroll" role="region" aria-label="Parameters of ${escapeHtml(f.id)}" tabindex="0"><table class="params">
<thead><tr><th scope="col">Parameter</th><th scope="col">Type</th><th scope="col">Range or options</th><th scope="col">Default</th><th scope="col">What it sets</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table></div>`;
}

function embeddingPage(manifest, placements, baseUrl) {
  manifest = bookFigures(manifest);
  const first = manifest.figures[0];
  const sections = manifest.figures.map((f) => {
    // The live example shows the figure as a chapter uses it when that differs from the defaults.
    const placed = (placements.get(f.id) ?? []).find((p) => Object.keys(p.attrs).length);
    const attrs = placed ? placed.attrs : {};
    return `<section class="embed-item" aria-labelledby="embed-${f.id}">
<h2 id="embed-${f.id}"><code>${escapeHtml(f.id)}</code>: ${escapeHtml(f.title)} <a class="heading-anchor" href="#embed-${f.id}" aria-label="Link to section: ${escapeHtml(f.id)}">#</a></h2>
<p>${escapeHtml(f.summary ?? '')}</p>
${paramTable(f)}
<figure class="mml-fig">
${figureElement(f, attrs)}
<figcaption>${Object.keys(attrs).length ? 'With the parameters of the snippet below.' : 'With its default parameters.'}</figcaption>
</figure>
${snippetBlock(`embed-snippet-${f.id}`, snippetFor(f, attrs, baseUrl), 'Snippet')}
${snippetBlock(`iframe-snippet-${f.id}`, iframeSnippet(f, attrs, baseUrl), 'Or as an iframe')}
</section>`;
  });
  const toc = manifest.figures.map((f) => `<li><a href="#embed-${f.id}"><code>${escapeHtml(f.id)}</code></a>: ${escapeHtml(f.title)}</li>`).join('');
  const main = `<div class="wide-page">
<header class="page-header">
<h1>Embedding guide</h1>
<p class="lede">Put any figure on your own page: one script, one element. Parameters are HTML attributes, checked like the ones in this site's chapters.</p>
</header>
<div class="prose">
<h2 id="how">How it works <a class="heading-anchor" href="#how" aria-label="Link to section: How it works">#</a></h2>
<ol>
<li>Copy the <code>mml/</code> folder of this site (<code>mml-figure.js</code>, <code>mml.js</code>, <code>mml.wasm</code>, the side modules <code>mml-*.wasm</code> and <code>figures/</code>) next to your pages, or load it from where this site is hosted. A page downloads only the side modules and figure descriptions of the figures it shows.</li>
<li>Load <code>mml-figure.js</code> once per page with a plain <code>&lt;script&gt;</code> tag. It defines the <code>&lt;mml-figure&gt;</code> element and fetches the WebAssembly from its own folder.</li>
<li>Place <code>&lt;mml-figure name="…"&gt;</code> where the figure should appear and set its parameters as attributes. A value outside a parameter's range is refused with a message naming the valid values.</li>
</ol>
${first ? `<pre tabindex="0" data-embed-snippet><code>${escapeHtml(snippetFor(first, {}, baseUrl))}</code></pre>` : ''}
<p>The element is a block as wide as its container; its height comes from the <code>aspect-ratio</code> style in the snippet. It follows the reader's light or dark preference, and a page can choose with <code>&lt;html data-theme="light"&gt;</code> or <code>data-theme="dark"</code>. The element keeps to its own box: it adds no styles to your page, takes keys only while the reader is in the figure (<kbd>Esc</kbd> or <kbd>Tab</kbd> leaves it), and takes the mouse wheel only after a click into the figure, so your page scrolls over it as over any picture.</p>
<p>Every snippet on this site is ready to copy and edit (the gallery's list every parameter at its default). The <b>Embed</b> button under each live figure copies the element snippet for the figure as the reader has left it: the parameters the page set or the reader changed, with the script's full address.</p>
${first ? `<h2 id="iframe">As an iframe <a class="heading-anchor" href="#iframe" aria-label="Link to section: As an iframe">#</a></h2>
<p>Where a page cannot load scripts (some blog platforms and wikis allow only iframes), load <code>embed.html</code> of this site in an iframe. Its address chooses the figure and its parameters: <code>name</code> is the figure, every other key is a parameter with the same values the attributes take, and <code>theme=light</code> or <code>theme=dark</code> fixes the theme (by default it follows the reader's system, like the element).</p>
<pre tabindex="0" data-embed-snippet><code>${escapeHtml(iframeSnippet(first, {}, baseUrl))}</code></pre>
<p>Give the iframe a <code>title</code> (screen readers announce it) and any size: the figure fits inside whole, as large as its shape allows, centred on its own background. The snippet's <code>aspect-ratio</code> fits a column about ${EMBED_COLUMN} px wide and its <code>min-height</code> leaves a phone room for the figure's tall layout. A figure name or parameter the figure cannot take is explained inside the frame, as with the element.</p>` : ''}
<h2 id="hosting">Hosting the files yourself <a class="heading-anchor" href="#hosting" aria-label="Link to section: Hosting the files yourself">#</a></h2>
<p>Any static host serves the <code>mml/</code> folder as it is, given two headers:</p>
<ul>
<li>The <code>.wasm</code> files are sent as <code>Content-Type: application/wasm</code> (browsers compile them while they download only with that type).</li>
<li>When pages on other sites load the figures from your host, the <code>.wasm</code> files and <code>figures/*.json</code> need <code>Access-Control-Allow-Origin: *</code>: the element fetches them with the browser's cross-origin rules. The scripts and the posters (plain <code>&lt;script&gt;</code> and <code>&lt;img&gt;</code> loads) need nothing, and the font is inside <code>mml.wasm</code>. This site's own server sends the header for everything under <code>mml/</code>.</li>
</ul>
<p>A page with a Content Security Policy needs <code>script-src 'self' 'wasm-unsafe-eval'</code> (plus the host of <code>mml-figure.js</code> if it is not your own). No inline scripts and no <code>eval</code> are needed. When the figures come from another host, that host also goes into <code>connect-src</code> (the WebAssembly and figure descriptions' downloads) and <code>img-src</code> (the posters; add <code>data:</code> for the snapshots a figure shows while it sleeps far off screen), and <code>style-src</code> needs nothing for the element: its styles are a constructed stylesheet inside its own shadow root, which a policy without <code>'unsafe-inline'</code> allows (only the iframe snippet's own <code>style</code> attribute needs it; give the iframe a class in your stylesheet instead). An iframe embed needs only <code>frame-src</code> with this site's host.</p>
<h2 id="figures">Figures <a class="heading-anchor" href="#figures" aria-label="Link to section: Figures">#</a></h2>
<ul class="figure-index">${toc}</ul>
</div>
${sections.join('\n')}
</div>`;
  return page({ title: 'Embedding guide', description: 'How to put the MML Companion figures on your own pages: the script, the element and every parameter.', bodyClass: 'page-embedding', current: 'embedding.html', main });
}

// embed.html: no header, footer or chapter styles, only the figure its query string names
// (assets/embed.js builds it; see there for the keys). Not indexed: it is a part of other pages.
function embedPage() {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interactive figure · ${SITE_NAME}</title>
<meta name="description" content="One interactive figure of the ${SITE_NAME}, for embedding in other pages.">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="assets/embed.css">
<script src="mml/mml-figure.js"></script>
<script src="assets/embed.js"></script>
</head>
<body>
<main id="embed">
<h1 id="embed-title" class="visually-hidden">Interactive figure of the ${SITE_NAME}</h1>
<noscript><p class="embed-error">This interactive figure needs JavaScript. <a href="index.html" target="_blank" rel="noopener">Visit the ${SITE_NAME}</a>.</p></noscript>
</main>
</body>
</html>
`;
}

function notFoundPage() {
  const main = `<div class="prose narrow-page">
<h1>Page not found</h1>
<p class="lede">There is no page at this address. It may have moved when the chapters were reorganized.</p>
<p><a href="index.html">Go to the roadmap</a> or browse the <a href="gallery.html">figure gallery</a>.</p>
</div>`;
  return page({ title: 'Page not found', description: 'Page not found.', bodyClass: 'page-404', current: '', main });
}

// --- Assets ---------------------------------------------------------------------------------

function copyKatex(outDir) {
  const dist = path.join(REPO, 'node_modules', 'katex', 'dist');
  const css = fs.readFileSync(path.join(dist, 'katex.min.css'), 'utf8');
  const fonts = new Set();
  // Keep only the woff2 source of each @font-face; every browser that runs WebAssembly reads woff2.
  const slim = css.replace(/src:([^;}]*)/g, (whole, list) => {
    const woff2 = list.split(',').map((s) => s.trim()).find((s) => /\.woff2\)\s*format\(["']?woff2["']?\)$/.test(s));
    if (!woff2) return whole;
    fonts.add(/url\(([^)]+)\)/.exec(woff2)[1].replace(/^["']|["']$/g, ''));
    return `src:${woff2}`;
  });
  const dir = path.join(outDir, 'assets', 'katex');
  fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'katex.min.css'), slim);
  for (const font of fonts) {
    if (!/^fonts\/[\w-]+\.woff2$/.test(font)) throw new Error(`katex.min.css: unexpected font url ${font}`);
    fs.copyFileSync(path.join(dist, font), path.join(dir, font));
  }
  return fonts.size;
}

function writeFile(outDir, rel, content) {
  const file = path.join(outDir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function prepareOutDir(outDir) {
  if (fs.existsSync(outDir)) {
    const entries = fs.readdirSync(outDir);
    if (entries.includes(OWNED_MARKER)) {
      for (const e of entries) fs.rmSync(path.join(outDir, e), { recursive: true, force: true });
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, OWNED_MARKER), 'Written by web/site/generate.mjs; the next build empties this folder.\n');
}

// --- Build ----------------------------------------------------------------------------------

/**
 * Builds the site. Options:
 *   manifest: path to manifest.json, or the parsed manifest object
 *   runtime: folder holding mml.js and mml.wasm
 *   out: output folder
 *   chapters: folder of chapter .md files (default: the repository's chapters/)
 *   element: the custom element's script (default: web/js/mml-figure.js)
 *   baseUrl: prefix for the script URL in embed snippets (default: "", relative to the page)
 *   posterTool: the native mml-poster program; without it, pages carry no posters
 *   figures: folder of the figure sources the toolkit page shows (default: web/figures)
 * Returns {pages, figures, ms, chapters, out}. Throws BuildError ("file:line: message") on
 * content errors and Error on missing inputs.
 */
export function generateSite(options) {
  const started = process.hrtime.bigint();
  const manifest = readManifest(options.manifest);
  checkRuntime(options.runtime);
  const element = options.element ?? path.join(REPO, 'web', 'js', 'mml-figure.js');
  if (!fs.existsSync(element)) throw new Error(`the figure element script ${element} does not exist (pass --element <mml-figure.js>)`);
  if (!options.out) throw new Error('no output folder given: pass --out <dir>');
  const chaptersDir = options.chapters ?? path.join(REPO, 'chapters');
  let baseUrl = options.baseUrl ?? '';
  if (baseUrl && !baseUrl.endsWith('/')) baseUrl += '/';

  for (const f of manifest.figures) {
    const taken = f.params.flatMap((p) => [p.name, ...(p.aliases ?? [])]).find((n) => isReservedName(manifest, n));
    if (taken) throw new Error(`figure ${f.id}: a parameter may not be called "${taken}" (the page keeps ${manifest.reservedNames.join(', ')} for itself)`);
  }

  const md = createMarkdown(manifest);
  const files = fs.existsSync(chaptersDir) ? fs.readdirSync(chaptersDir).filter((f) => f.endsWith('.md')).sort() : [];
  const chapters = files.map((f) => loadChapter(md, path.join(chaptersDir, f)));
  chapters.sort((a, b) => a.stage - b.stage || a.order - b.order || a.slug.localeCompare(b.slug));

  const slugs = new Set(chapters.map((c) => c.slug));
  for (const ch of chapters) {
    for (const link of ch.links) {
      if (!slugs.has(link.slug)) throw new BuildError(ch.file, link.line, `link to ${link.slug}.md, which is not a chapter; chapters: ${[...slugs].join(', ')}`);
    }
  }

  // Where each figure appears, for the gallery's "Appears in" and the guide's examples.
  const placements = new Map();
  let placed = 0;
  for (const ch of chapters) {
    for (const f of ch.figures) {
      placed += 1;
      if (!placements.has(f.id)) placements.set(f.id, []);
      placements.get(f.id).push({ slug: ch.slug, title: ch.title, number: f.number, attrs: f.attrs });
    }
  }

  const pages = new Map();
  chapters.forEach((ch, i) => pages.set(`${ch.slug}.html`, chapterPage(ch, chapters[i - 1], chapters[i + 1])));
  for (const reserved of ['index', 'gallery', 'embedding', 'embed', '404', 'toolkit', 'licenses']) {
    if (slugs.has(reserved)) throw new BuildError(chapters.find((c) => c.slug === reserved).file, 0, `"${reserved}" is taken by a generated page; rename the chapter file`);
  }
  pages.set('index.html', indexPage(chapters, manifest, placements));
  pages.set('gallery.html', galleryPage(manifest, placements, baseUrl));
  pages.set('embedding.html', embeddingPage(manifest, placements, baseUrl));
  pages.set('404.html', notFoundPage());
  pages.set('embed.html', embedPage());
  pages.set('licenses.html', page({ title: 'Licences', description: `The licences of the ${SITE_NAME} and of the third-party software it ships.`,
    bodyClass: 'page-licenses', current: 'licenses.html', main: licensesMain(thirdPartyComponents(), SITE_NAME) }));
  if (manifest.figures.some(isToolkit)) pages.set('toolkit.html', toolkitPage(manifest, options.figures ?? path.join(REPO, 'web', 'figures')));
  const posterJobs = options.posterTool ? placePosters(pages, manifest) : null;

  const out = path.resolve(options.out);
  prepareOutDir(out);
  for (const [name, html] of pages) writeFile(out, name, html);
  fs.mkdirSync(path.join(out, 'assets'), { recursive: true });
  fs.copyFileSync(path.join(HERE, 'assets', 'site.css'), path.join(out, 'assets', 'site.css'));
  fs.copyFileSync(path.join(HERE, 'assets', 'site.js'), path.join(out, 'assets', 'site.js'));
  fs.copyFileSync(path.join(HERE, 'assets', 'favicon.svg'), path.join(out, 'assets', 'favicon.svg'));
  for (const f of ['embed.css', 'embed.js']) fs.copyFileSync(path.join(HERE, 'assets', f), path.join(out, 'assets', f));
  copyKatex(out);
  writeRuntime(out, options.runtime, manifest, element);
  const posters = posterJobs ? renderPosters(posterJobs, options.posterTool, out) : 0;
  indexForSearch(out);

  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { pages: pages.size, figures: placed, posters, ms, chapters: chapters.map((c) => c.slug), out };
}

// The runtime into <out>/mml: mml.js, mml.wasm, the side modules of the split runtime, and
// mml-figure.js with the element's manifest. Files of an earlier runtime there are removed first,
// so a site can be given another runtime (scripts/build.sh: the debug runtime) without being
// generated again.
export function writeRuntime(out, runtimeDir, manifest, element = path.join(REPO, 'web', 'js', 'mml-figure.js')) {
  checkRuntime(runtimeDir);
  const dir = path.join(out, 'mml');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) {
    if (/^mml.*\.(wasm|js)$/.test(f)) fs.rmSync(path.join(dir, f));
  }
  const modules = runtimeModules(runtimeDir, manifest);
  for (const f of ['mml.js', 'mml.wasm', ...new Set(Object.values(modules || {}))]) {
    fs.copyFileSync(path.join(runtimeDir, f), path.join(dir, f));
  }
  // The element's manifest comes in two parts, so that what every page downloads grows by only a
  // few bytes per figure of the book. mml-figure.js carries the index: the host's numbers, the
  // reserved names, every parameter name of the book (the attributes the element observes), each
  // figure's id and shapes (a page reserves its figures' boxes before anything loads), and the
  // split runtime's side module per figure. mml/figures/<id>.json carries the rest of a figure's
  // entry (title, parameters), fetched by the element when such a figure is on the page. The
  // summaries are for the pages, which have them already.
  const paramNames = new Set();
  for (const f of manifest.figures) for (const p of f.params) for (const n of [p.name, ...(p.aliases || [])]) paramNames.add(n);
  const { figures, ...rest } = manifest;
  const index = { ...rest, paramNames: [...paramNames].sort(),
    figures: figures.map(({ id, aspect, narrowAspect }) => (narrowAspect ? { id, aspect, narrowAspect } : { id, aspect })) };
  if (modules) index.modules = Object.fromEntries(figures.map((f) => [f.id, modules[f.id]]));
  fs.rmSync(path.join(dir, 'figures'), { recursive: true, force: true });
  for (const { summary, aspect, narrowAspect, ...details } of figures) {
    writeFile(out, `mml/figures/${details.id}.json`, JSON.stringify(details));
  }
  writeFile(out, 'mml/mml-figure.js', `"use strict";\nwindow.MML_MANIFEST = ${JSON.stringify(index)};\n${minifyScript(element)}`);
}

// The search index: Pagefind (pinned in package.json; its binary comes in @pagefind/<platform>)
// reads the chapter pages just written and writes pagefind/: pagefind.js, its worker and
// WebAssembly, the index and the fragments. Its stock UIs are removed: the header's search box is
// our own (site.js), which the pages' CSP allows and which lands on a figure's place.
// The platform's binary, found as Pagefind's npm wrapper finds it (run directly: the wrapper's own
// Node start-up doubled the indexing time).
function pagefindBinary() {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(import.meta.url);
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch { /* the next name */ }
  }
  throw new Error(`pagefind's binary for ${platform}-${process.arch} is not installed: run scripts/setup.sh (npm ci) first`);
}

const PAGEFIND_UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
function indexForSearch(out) {
  const run = spawnSync(pagefindBinary(), ['--site', out, '--glob', '*.html', '--force-language', 'en', '--silent',
    // KaTeX writes each formula twice for screen readers and once more as TeX; the index keeps
    // only the MathML words. The headings' "#" links are not words either.
    '--exclude-selectors', '.katex-html, annotation, .heading-anchor'],
                        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const dir = path.join(out, 'pagefind');
  if (run.status !== 0 || !fs.existsSync(path.join(dir, 'pagefind.js'))) {
    throw new Error(`pagefind could not index ${out}: ${(run.stderr || run.stdout || run.error?.message || '').trim()}`);
  }
  // The WebAssembly of languages the index does not have (every page is lang="en") goes too.
  const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm}.pagefind`));
  for (const f of fs.readdirSync(dir)) {
    if (PAGEFIND_UNUSED.test(f) || (/^wasm\..*\.pagefind$/.test(f) && !wasm.has(f))) fs.rmSync(path.join(dir, f));
  }
}

// The element script as readers download it: minified by terser (pinned in package.json), which
// drops the comments and shortens local names (properties and the element's API keep theirs).
// The readable source is web/js/mml-figure.js.
const minified = new Map();  // source text → minified, for the many builds of one test run
function minifyScript(file) {
  const source = fs.readFileSync(file, 'utf8');
  if (minified.has(source)) return minified.get(source);
  let cli;
  try {
    cli = createRequire(import.meta.url).resolve('terser/bin/terser');
  } catch {
    throw new Error('terser is not installed: run scripts/setup.sh (npm ci) first');
  }
  const run = spawnSync(process.execPath, [cli, file, '--compress', 'passes=2', '--mangle', '--ecma', '2020'],
                        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`terser could not minify ${file}: ${(run.stderr || run.error?.message || '').trim()}`);
  const text = `/* MML Companion figure element (minified; source: web/js/mml-figure.js) */\n${run.stdout.trim()}\n`;
  minified.set(source, text);
  return text;
}

// --- CLI ------------------------------------------------------------------------------------

const USAGE = `usage: node web/site/generate.mjs --manifest <manifest.json> --runtime <dir with mml.js, mml.wasm> --out <dir>
         [--chapters <dir>] [--element <mml-figure.js>] [--base-url <url for embed snippets>]
         [--posters <path to the native mml-poster program>] [--runtime-only]
  --runtime-only  replace only the runtime (<out>/mml) of a site generated before`;

function parseArgs(argv) {
  const names = { '--manifest': 'manifest', '--runtime': 'runtime', '--out': 'out', '--chapters': 'chapters', '--element': 'element', '--base-url': 'baseUrl', '--posters': 'posterTool' };
  const options = {};
  for (let i = 0; i < argv.length; ++i) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') return null;
    if (flag === '--runtime-only') {
      options.runtimeOnly = true;
      continue;
    }
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    options[key] = value;
  }
  for (const need of ['manifest', 'runtime', 'out']) {
    if (!options[need]) throw new Error(`missing --${need}\n${USAGE}`);
  }
  return options;
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (!options) {
      console.log(USAGE);
      return 0;
    }
    if (options.runtimeOnly) {
      if (!fs.existsSync(path.join(options.out, 'index.html'))) throw new Error(`--runtime-only: ${options.out} holds no generated site`);
      writeRuntime(options.out, options.runtime, readManifest(options.manifest), options.element);
      console.log(`Wrote the runtime of ${displayPath(path.resolve(options.out))} from ${displayPath(path.resolve(options.runtime))}`);
      return 0;
    }
    const result = generateSite(options);
    console.log(`Wrote ${result.pages} pages with ${result.figures} figure${result.figures === 1 ? '' : 's'} placed in ${result.chapters.length} chapter${result.chapters.length === 1 ? '' : 's'}${result.posters ? ` and ${result.posters} posters` : ''} to ${displayPath(result.out)} in ${Math.round(result.ms)} ms`);
    return 0;
  } catch (err) {
    console.error(err instanceof BuildError || !err.stack ? err.message : `error: ${err.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  process.exitCode = main();
}
