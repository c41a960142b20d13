#!/usr/bin/env node
// Licences: the project's own (LICENSE: MIT for the code; CC BY 4.0 for the chapter text and the
// figures' pictures) and every third-party component the site ships, with its licence text read
// at build time from the files that came with the component (Debian's copyright files, the npm
// packages' LICENSE, the ImGui sources' LICENSE.txt). A missing file stops the build: a notice is
// never written from memory.
//
//   node web/site/licenses.mjs            prints THIRD_PARTY_NOTICES.md
//   node web/site/licenses.mjs --write    rewrites THIRD_PARTY_NOTICES.md in the repository
//   node web/site/licenses.mjs --check    exits 1 when THIRD_PARTY_NOTICES.md is not current
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapeHtml as esc } from './markdown.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
export const NOTICES_FILE = path.join(REPO, 'THIRD_PARTY_NOTICES.md');

export const CONTENT_LICENSE = {
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  spdx: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

// Where scripts/env.sh puts the Dear ImGui sources (MML_IMGUI_DIR, else under MML_CACHE).
function imguiDir(env) {
  if (env.MML_IMGUI_DIR) return env.MML_IMGUI_DIR;
  const cache = env.MML_CACHE || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'mml-companion');
  return path.join(cache, 'imgui-1.86');
}

function readRequired(file, component) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`third-party notices: cannot read ${file}, the licence of ${component} (it ships in the site, so its licence must too); run scripts/setup.sh to install it`);
  }
}

// The version of an installed Debian package, from the first line of its changelog.
function debianVersion(pkg) {
  for (const name of ['changelog.Debian.gz', 'changelog.gz']) {
    const file = `/usr/share/doc/${pkg}/${name}`;
    if (!fs.existsSync(file)) continue;
    const first = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n', 1)[0];
    const m = /^\S+ \(([^)]+)\)/.exec(first);
    if (m) return m[1];
  }
  throw new Error(`third-party notices: cannot tell the version of the Debian package ${pkg} (no /usr/share/doc/${pkg}/changelog.Debian.gz); run scripts/setup.sh`);
}

function npmVersion(pkg) {
  return JSON.parse(readRequired(path.join(REPO, 'node_modules', pkg, 'package.json'), pkg)).version;
}

// --- Debian machine-readable copyright files (DEP-5) -----------------------------------------

// Paragraphs of "Field: value" with continuation lines; a continuation " ." is an empty line.
export function parseDep5(text) {
  const paragraphs = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = {};
    let key = null;
    for (const line of block.split('\n')) {
      if (/^\s/.test(line) && key) {
        fields[key].push(line.trim() === '.' ? '' : line.replace(/^ /, ''));
      } else {
        const m = /^([A-Za-z-]+):\s?(.*)$/.exec(line);
        if (!m) continue;
        key = m[1].toLowerCase();
        fields[key] = [m[2]];
      }
    }
    if (Object.keys(fields).length) paragraphs.push(fields);
  }
  return paragraphs;
}

const body = (lines) => lines.slice(1).join('\n').replace(/^\n+|\s+$/g, '');

// The licence texts of the paragraph for `files` (its "Files:" field, whitespace-normalized):
// its own License body and the stand-alone License paragraphs its expression names ("A or B",
// "A and B", "A with exception"); a paragraph that only gives a Reference reads that file.
export function dep5Notice(file, files, component) {
  const paragraphs = parseDep5(readRequired(file, component));
  const norm = (v) => v.join(' ').trim().split(/\s+/).join(' ');
  const stanza = paragraphs.find((p) => p.files && norm(p.files) === files);
  if (!stanza || !stanza.license) throw new Error(`third-party notices: ${file} has no "Files: ${files}" paragraph with a License (${component})`);
  const expression = stanza.license[0].trim();
  const texts = [];
  const own = body(stanza.license);
  if (own) texts.push({ title: expression, text: own });
  const names = expression.split(/\s+(?:or|and)\s+/).map((n) => n.replace(/\s+with\s+.*$/, '').trim());
  for (const name of names) {
    if (own && names.length === 1 && !/\swith\s/.test(expression)) break; // the body is the licence
    const def = paragraphs.find((p) => !p.files && p.license && p.license[0].trim() === name);
    if (!def) throw new Error(`third-party notices: ${file} names the licence "${name}" for ${files} but has no text for it (${component})`);
    const text = body(def.license) || (def.reference ? readRequired(def.reference[0].trim(), `${component} (${name})`).trim() : '');
    if (!text) throw new Error(`third-party notices: ${file} gives no text or reference for the licence "${name}" (${component})`);
    texts.push({ title: name, text });
  }
  const copyright = (stanza.copyright ?? []).map((l) => l.trim()).filter(Boolean).join('\n');
  return { copyright, texts, source: file };
}

// Several paragraphs of one copyright file as one notice: each one's copyright under its files,
// each licence text once.
function mergeNotices(notices) {
  const texts = [];
  for (const n of notices) for (const t of n.texts) if (!texts.some((u) => u.text === t.text)) texts.push(t);
  return { copyright: notices.map((n) => `${n.files}:\n${n.copyright}`).join('\n\n'), texts, source: notices[0].source };
}

function plainNotice(file, component) {
  const text = readRequired(file, component).trim();
  if (!text) throw new Error(`third-party notices: ${file} is empty (${component})`);
  return { copyright: '', texts: [{ title: path.basename(file), text }], source: file };
}

// --- What ships -----------------------------------------------------------------------------

const EMSCRIPTEN_COPYRIGHT = '/usr/share/doc/emscripten/copyright';
const IN_WASM = 'compiled into mml/mml.wasm and the side modules mml/mml-*.wasm';

// Every third-party component whose code, data or fonts readers download from the site (the
// search's Pagefind files only when they use the search). The
// WebAssembly module holds ImGui, Eigen's instantiations, the DejaVu subset and the parts of
// Emscripten's system libraries the linker keeps (its libc: musl plus Emscripten's own code and
// emmalloc; LLVM's libc++, libc++abi and compiler-rt builtins); mml.js is Emscripten's runtime.
// Add a component here when the site starts shipping it (shippedBy below says which files are
// whose, and the generator test fails on a site file nobody claims).
export function thirdPartyComponents(env = process.env) {
  const emscripten = debianVersion('emscripten');
  const components = [
    { id: 'imgui', name: 'Dear ImGui', version: '1.86', url: 'https://github.com/ocornut/imgui', license: 'MIT',
      ships: IN_WASM, notice: () => plainNotice(path.join(imguiDir(env), 'LICENSE.txt'), 'Dear ImGui') },
    { id: 'eigen', name: 'Eigen', version: debianVersion('libeigen3-dev'), url: 'https://eigen.tuxfamily.org', license: 'MPL-2.0',
      ships: IN_WASM, notice: () => dep5Notice('/usr/share/doc/libeigen3-dev/copyright', '*', 'Eigen') },
    { id: 'dejavu', name: 'DejaVu Sans (a subset of its glyphs)', version: debianVersion('fonts-dejavu-core'), url: 'https://dejavu-fonts.github.io/',
      license: 'Bitstream Vera Fonts licence; DejaVu changes in the public domain',
      ships: 'compiled into mml/mml.wasm', notice: () => dep5Notice('/usr/share/doc/fonts-dejavu-core/copyright', '*', 'DejaVu fonts') },
    { id: 'emscripten', name: 'Emscripten (runtime JavaScript, libc additions, emmalloc)', version: emscripten, url: 'https://emscripten.org',
      license: 'MIT or University of Illinois/NCSA', ships: `mml/mml.js; ${IN_WASM}`,
      notice: () => dep5Notice(EMSCRIPTEN_COPYRIGHT, '*', 'Emscripten') },
    { id: 'musl', name: 'musl libc (as shipped with Emscripten)', version: emscripten, url: 'https://musl.libc.org', license: 'MIT',
      ships: IN_WASM, notice: () => dep5Notice(EMSCRIPTEN_COPYRIGHT, 'system/lib/libc/musl/*', 'musl libc') },
    { id: 'llvm', name: 'LLVM libc++, libc++abi and compiler-rt builtins (as shipped with Emscripten)', version: emscripten, url: 'https://llvm.org',
      license: 'Apache-2.0 WITH LLVM-exception', ships: IN_WASM,
      notice: () => mergeNotices(['system/lib/libcxx/*', 'system/lib/libcxxabi/*', 'system/lib/compiler-rt/*']
        .map((files) => ({ files, ...dep5Notice(EMSCRIPTEN_COPYRIGHT, files, 'LLVM runtime libraries') }))) },
    { id: 'katex', name: 'KaTeX (stylesheet and fonts)', version: npmVersion('katex'), url: 'https://katex.org', license: 'MIT',
      ships: 'assets/katex/', notice: () => plainNotice(path.join(REPO, 'node_modules', 'katex', 'LICENSE'), 'KaTeX') },
    { id: 'pagefind', name: 'Pagefind (search script, worker and WebAssembly)', version: npmVersion('pagefind'), url: 'https://pagefind.app', license: 'MIT',
      ships: 'pagefind/', notice: () => plainNotice(path.join(REPO, 'node_modules', 'pagefind', 'LICENSE', 'LICENSE'), 'Pagefind') },
  ];
  return components.map(({ notice, ...c }) => ({ ...c, ...notice() }));
}

// Which components a file of the generated site (its path relative to the site folder) holds:
// 'self' is this project; null means nobody claims it (the generator test fails on it).
export function shippedBy(rel) {
  const file = rel.split(path.sep).join('/');
  if (/^mml\/.*\.wasm$/.test(file)) return ['self', 'imgui', 'eigen', 'dejavu', 'emscripten', 'musl', 'llvm'];
  if (file === 'mml/mml-figure.js' || /^mml\/figures\/[\w-]+\.json$/.test(file)) return ['self'];
  if (/^mml\/.*\.js$/.test(file)) return ['self', 'emscripten'];
  if (/^assets\/katex\/(katex\.min\.css|fonts\/[\w-]+\.woff2)$/.test(file)) return ['katex'];
  // Pagefind's code; its index and fragments are our pages' text in its format.
  if (/^pagefind\/(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/.test(file)) return ['pagefind'];
  if (/^pagefind\/(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter))$/.test(file)) return ['self'];
  if (/^[\w-]+\.html$/.test(file) || file === '.mml-site') return ['self'];
  if (/^assets\/(site|embed)\.(css|js)$/.test(file) || file === 'assets/favicon.svg') return ['self'];
  // Posters: pictures of our figures (their text drawn with the DejaVu subset, an image of the
  // font rather than the font).
  if (/^posters\/[\w.-]+\.png$/.test(file)) return ['self'];
  return null;
}

// --- licenses.html ----------------------------------------------------------------------------

// The main element of licenses.html: this project's licences, then each shipped component with
// its copyright and licence texts (wrapped, so a phone never scrolls sideways).
export function licensesMain(components, siteName) {
  const own = readRequired(path.join(REPO, 'LICENSE'), 'this project').trim();
  const items = components.map((c) => `<section class="license-item" aria-labelledby="tp-${c.id}">
<h3 id="tp-${c.id}">${esc(c.name)}</h3>
<dl class="license-facts">
<dt>Version</dt><dd>${esc(c.version)}</dd>
<dt>Licence</dt><dd>${esc(c.license)}</dd>
<dt>In this site</dt><dd>${esc(c.ships)}</dd>
<dt>Home</dt><dd><a href="${esc(c.url)}">${esc(c.url)}</a></dd>
</dl>
${c.copyright ? `<p class="license-label">Copyright</p>\n<pre class="license-text">${esc(c.copyright)}</pre>\n` : ''}${c.texts.map((t) => `<p class="license-label">Licence text (${esc(t.title)})</p>\n<pre class="license-text">${esc(t.text)}</pre>`).join('\n')}
</section>`);
  return `<div class="wide-page license-page">
<header class="page-header">
<h1>Licences</h1>
<p class="lede">What you may do with this site, and the licences of the other people’s work it ships.</p>
</header>
<section aria-labelledby="this-site">
<h2 id="this-site">This site</h2>
<p>The ${esc(siteName)}’s code (the figures, the plotting toolkit, the runtime and the page generator) is under the MIT licence below. The chapter text and the figures’ pictures and captions are under the <a href="${CONTENT_LICENSE.url}" rel="license">${esc(CONTENT_LICENSE.name)}</a> licence: you may share and adapt them for any purpose, giving credit to “The ${esc(siteName)} authors” with a link to the page, and saying what you changed. The book the figures accompany, <cite>Mathematics of Machine Learning</cite>, is Tivadar Danka’s and is not covered by these licences.</p>
<pre class="license-text">${esc(own)}</pre>
</section>
<section aria-labelledby="third-party">
<h2 id="third-party">Third-party software</h2>
<p>The figures and pages ship the following components. Each text below is read, when the site is built, from the licence file installed with the component.</p>
<ul class="license-index">${components.map((c) => `<li><a href="#tp-${c.id}">${esc(c.name)}</a>: ${esc(c.license)}</li>`).join('')}</ul>
${items.join('\n')}
</section>
</div>`;
}

// --- THIRD_PARTY_NOTICES.md -----------------------------------------------------------------

const fence = (text) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}text\n${text}\n${ticks}`;
};

export function noticesMarkdown(components) {
  const parts = [`# Third-party notices

Generated by \`node web/site/licenses.mjs --write\` from the licence files installed with each
component (do not edit by hand; \`site: generator\` checks that this file is current). The site
shows the same text at \`licenses.html\`.

The MML Companion's own code is under the MIT licence (\`LICENSE\`); its chapter text and figure
pictures are under ${CONTENT_LICENSE.name} (see README.md).

The site ships these components:

${components.map((c) => `- [${c.name}](#${c.id}) ${c.version}: ${c.license}; ${c.ships}`).join('\n')}
`];
  for (const c of components) {
    parts.push(`<a id="${c.id}"></a>
## ${c.name}

- Version: ${c.version}
- Home: ${c.url}
- Licence: ${c.license}
- Ships in the site as: ${c.ships}
- Licence read from: \`${path.isAbsolute(c.source) && c.source.startsWith(REPO) ? path.relative(REPO, c.source) : c.source.replace(/^.*\/imgui-1\.86\//, '$MML_IMGUI_DIR/')}\`
${c.copyright ? `\nCopyright:\n\n${fence(c.copyright)}\n` : ''}
${c.texts.map((t) => `Licence text (${t.title}):\n\n${fence(t.text)}`).join('\n\n')}
`);
  }
  return parts.join('\n');
}

// --- CLI ------------------------------------------------------------------------------------

function main(argv) {
  const text = noticesMarkdown(thirdPartyComponents());
  if (argv[0] === '--write') {
    fs.writeFileSync(NOTICES_FILE, text);
    console.log(`Wrote ${path.relative(process.cwd(), NOTICES_FILE) || NOTICES_FILE}`);
    return 0;
  }
  if (argv[0] === '--check') {
    const have = fs.existsSync(NOTICES_FILE) ? fs.readFileSync(NOTICES_FILE, 'utf8') : '';
    if (have === text) return 0;
    console.error('THIRD_PARTY_NOTICES.md is not current: run node web/site/licenses.mjs --write');
    return 1;
  }
  if (argv.length) {
    console.error('usage: node web/site/licenses.mjs [--write | --check]');
    return 2;
  }
  process.stdout.write(text);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
