// Chapter Markdown → HTML at build time: markdown-it plus
//   - math: $…$ inline and $$…$$ display, rendered by KaTeX here, never in the browser;
//   - figures: a "::: figure <id> name=value …" container whose body is the caption, checked
//     against the figure manifest and numbered per chapter;
//   - heading ids and "#" anchors on h2/h3, collected as the table of contents;
//   - links to "other-chapter.md" rewritten to ".html" and recorded for the generator to check.
// Every error is a BuildError whose message starts with "<file>:<line>: ".
import MarkdownIt from 'markdown-it';
import katex from 'katex';
import { validateFigureParams } from './params.mjs';

export class BuildError extends Error {
  constructor(file, line, message) {
    super(line ? `${file}:${line}: ${message}` : `${file}: ${message}`);
    this.name = 'BuildError';
    this.file = file;
    this.line = line;
  }
}

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Shorthands used across chapters; each render gets its own copy (KaTeX may add \gdef's).
const MACROS = {
  '\\R': '\\mathbb{R}',
};

export function renderMath(tex, displayMode, file, line) {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      strict: 'error',
      output: 'htmlAndMathml',
      macros: { ...MACROS },
    });
  } catch (err) {
    const message = String(err && err.message ? err.message : err).replace(/\s+/g, ' ');
    throw new BuildError(file, line, `${message} in ${displayMode ? '$$' : '$'}${tex}${displayMode ? '$$' : '$'}`);
  }
}

// --- Front matter ---------------------------------------------------------------------------

// "---\nkey: value\n…\n---" at the very top. The lines are blanked (not removed) in the returned
// body so that markdown-it's line numbers stay the file's line numbers.
export function parseFrontMatter(source, file) {
  const lines = source.split('\n');
  if (lines[0].trim() !== '---') throw new BuildError(file, 1, 'a chapter starts with front matter: ---, title:, part:, stage:, order:, summary:, ---');
  const data = {};
  const lineOf = {};
  let end = -1;
  for (let i = 1; i < lines.length; ++i) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '---') { end = i; break; }
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) throw new BuildError(file, i + 1, `front matter lines are "key: value", not ${JSON.stringify(line)}`);
    let value = m[2].trim();
    if (/^".*"$|^'.*'$/.test(value)) value = value.slice(1, -1);
    data[m[1]] = value;
    lineOf[m[1]] = i + 1;
  }
  if (end < 0) throw new BuildError(file, 1, 'front matter is not closed with ---');
  const body = lines.map((l, i) => (i <= end ? '' : l)).join('\n');
  return { data, lineOf, body, endLine: end + 1 };
}

// --- Math -----------------------------------------------------------------------------------

function isSpace(ch) {
  return ch === ' ' || ch === '\t' || ch === '\n';
}

// Where a "$" at `pos` opens math, returns the index of its closing delimiter, or -1.
function findClosing(src, pos, max, display) {
  const start = pos + (display ? 2 : 1);
  if (!display && (start >= max || isSpace(src[start]))) return -1;
  let i = start;
  while (i < max) {
    const ch = src[i];
    if (ch === '\\') { i += 2; continue; } // \$ inside math is a literal dollar
    if (ch === '$') {
      if (display) {
        if (src[i + 1] === '$' && i > start) return i;
      } else if (i > start && !isSpace(src[i - 1]) && !/[0-9]/.test(src[i + 1] ?? '')) {
        return i;
      }
    }
    ++i;
  }
  return -1;
}

function mathPlugin(md) {
  // Inline: $…$ (and $$…$$ within a paragraph, shown as display math).
  md.inline.ruler.after('escape', 'math_inline', (state, silent) => {
    const { src, pos, posMax } = state;
    if (src.charCodeAt(pos) !== 0x24 /* $ */) return false;
    const display = src.charCodeAt(pos + 1) === 0x24;
    const close = findClosing(src, pos, posMax, display);
    const env = state.env;
    const line = (env.inlineLine ?? 0) + src.slice(0, pos).split('\n').length;
    if (close < 0) {
      if (silent) return false;
      throw new BuildError(env.file, line, 'unmatched "$": close the math, or write \\$ for a dollar sign');
    }
    if (!silent) {
      const tex = src.slice(pos + (display ? 2 : 1), close);
      const token = state.push('math', '', 0);
      token.content = tex;
      token.meta = { html: renderMath(tex, display, env.file, line), display };
    }
    state.pos = close + (display ? 2 : 1);
    return true;
  });

  // Block: a paragraph-level $$ … $$ (one or more lines).
  md.block.ruler.before('fence', 'math_block', (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const max = state.eMarks[startLine];
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    if (!state.src.startsWith('$$', start)) return false;
    let first = state.src.slice(start + 2, max);
    let tex;
    let last = startLine;
    if (first.trimEnd().endsWith('$$') && first.trim().length >= 2) {
      tex = first.trimEnd().slice(0, -2);
    } else {
      const parts = [first];
      let found = false;
      for (let l = startLine + 1; l < endLine; ++l) {
        const text = state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
        if (text.trimEnd().endsWith('$$')) {
          parts.push(text.trimEnd().slice(0, -2));
          last = l;
          found = true;
          break;
        }
        parts.push(text);
      }
      if (!found) throw new BuildError(state.env.file, startLine + 1, 'display math opened with $$ is never closed');
      tex = parts.join('\n');
    }
    if (silent) return true;
    const token = state.push('math_block', 'div', 0);
    token.block = true;
    token.content = tex;
    token.map = [startLine, last + 1];
    token.meta = { html: renderMath(tex.trim(), true, state.env.file, startLine + 1) };
    state.line = last + 1;
    return true;
  });

  md.renderer.rules.math = (tokens, idx) => tokens[idx].meta.html;
  md.renderer.rules.math_block = (tokens, idx) => `<div class="math-display">${tokens[idx].meta.html}</div>\n`;
}

// Inline parsing with the source line known, so inline errors can name their line.
function lineAwareInline(md) {
  md.core.ruler.at('inline', (state) => {
    let lastMap = null;
    for (const token of state.tokens) {
      if (token.map) lastMap = token.map;
      if (token.type !== 'inline') continue;
      state.env.inlineLine = (token.map ?? lastMap ?? [0])[0];
      state.md.inline.parse(token.content, state.md, state.env, token.children);
    }
  });
}

// --- Figures --------------------------------------------------------------------------------

// name=value pairs; a value may be "quoted" to hold spaces.
function parseAttributes(text) {
  const attrs = [];
  const re = /\s*([A-Za-z_][\w-]*)=(?:"([^"]*)"|(\S+))|\s*(\S+)/gy;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[4] !== undefined) return { error: `"${m[4]}" is not name=value` };
    attrs.push([m[1], m[2] ?? m[3]]);
    if (re.lastIndex >= text.length) break;
  }
  return { attrs };
}

function figurePlugin(md, manifest) {
  const byId = new Map(manifest.figures.map((f) => [f.id, f]));
  const validIds = () => manifest.figures.map((f) => f.id).join(', ') || '(none)';

  md.block.ruler.before('fence', 'mml_figure', (state, startLine, endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const lineText = state.src.slice(start, state.eMarks[startLine]);
    if (!lineText.startsWith(':::')) return false;
    const file = state.env.file;
    const m = /^:::\s*figure(?:\s+(\S+))?(.*)$/.exec(lineText);
    if (!m) throw new BuildError(file, startLine + 1, `unknown directive ${JSON.stringify(lineText)}; the only one is "::: figure <name> param=value …"`);
    if (silent) return true;
    const id = m[1];
    if (!id) throw new BuildError(file, startLine + 1, `a figure needs a name; valid figures: ${validIds()}`);
    const figure = byId.get(id);
    if (!figure) throw new BuildError(file, startLine + 1, `unknown figure "${id}"; valid figures: ${validIds()}`);
    const parsed = parseAttributes(m[2]);
    if (parsed.error) throw new BuildError(file, startLine + 1, `figure ${id}: ${parsed.error}`);
    const attrs = {};
    for (const [name, value] of parsed.attrs) {
      if (name in attrs) throw new BuildError(file, startLine + 1, `figure ${id}: parameter ${name} is given twice`);
      attrs[name] = value;
    }
    const errors = validateFigureParams(figure, attrs);
    if (errors.length) throw new BuildError(file, startLine + 1, `figure ${id}: ${errors.join('; ')}`);

    let closeLine = -1;
    for (let l = startLine + 1; l < endLine; ++l) {
      const text = state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]).trim();
      if (text === ':::') { closeLine = l; break; }
      if (text.startsWith('::: figure')) break;
    }
    if (closeLine < 0) throw new BuildError(file, startLine + 1, `figure ${id} is not closed with a ":::" line`);

    const env = state.env;
    env.figures = env.figures ?? [];
    const number = env.figures.length + 1;
    env.figures.push({ id, number, attrs, line: startLine + 1 });

    const open = state.push('mml_figure_open', 'figure', 1);
    open.block = true;
    open.map = [startLine, closeLine + 1];
    open.meta = { figure, number, attrs };
    const firstInner = state.tokens.length;

    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = 'mml_figure';
    state.lineMax = closeLine;
    state.md.block.tokenize(state, startLine + 1, closeLine);
    state.parentType = oldParent;
    state.lineMax = oldLineMax;

    const inner = state.tokens.slice(firstInner);
    if (!inner.some((t) => t.type === 'inline' && t.content.trim())) {
      throw new BuildError(file, startLine + 1, `figure ${id} needs a caption between its "::: figure" and ":::" lines`);
    }
    // The first caption paragraph runs on from "Figure N." instead of starting a new block.
    if (inner[0].type === 'paragraph_open') {
      inner[0].hidden = true;
      const close = inner.findIndex((t) => t.type === 'paragraph_close');
      inner[close].hidden = true;
    }
    const closeToken = state.push('mml_figure_close', 'figure', -1);
    closeToken.block = true;
    closeToken.meta = open.meta;
    state.line = closeLine + 1;
    return true;
  }, { alt: ['paragraph'] });

  md.renderer.rules.mml_figure_open = (tokens, idx) => {
    const { figure, number, attrs } = tokens[idx].meta;
    return `<figure class="mml-fig" id="figure-${number}">\n${figureElement(figure, attrs)}\n` +
      `<figcaption><a class="fig-num" href="#figure-${number}">Figure ${number}</a>. `;
  };
  md.renderer.rules.mml_figure_close = (tokens, idx) => `</figcaption>\n${figureSearchData(tokens[idx].meta)}</figure>\n`;
}

// What the site search (Pagefind, run by generate.mjs) knows of a figure beyond its caption: its
// title, summary and parameter docs, which readers otherwise see only once it runs. In hidden
// elements (Pagefind reads the HTML, browsers and screen readers skip them); the title weighs most
// (Pagefind's weights go to 10, an h2 weighs 6), so a search for a figure's subject lands on that
// figure before the prose around it. The title is also the page's metadata "figure-N", which
// names the result; the empty "end-figure-N" marks where the figure's words end for site.js.
function figureSearchData({ figure, number }) {
  const params = figure.params.map((p) => `${p.name}: ${p.doc}`).join('. ');
  const about = [figure.summary, params && `Parameters: ${params}.`].filter(Boolean).join(' ');
  return `<div hidden data-pagefind-weight="10" data-pagefind-meta="figure-${number}">${escapeHtml(figure.title)}</div>\n` +
    (about ? `<div hidden data-pagefind-weight="3">${escapeHtml(about)}</div>\n` : '') +
    `<span hidden id="end-figure-${number}"></span>\n`;
}

// The live element for a figure: name, then its parameters in the manifest's order.
export function figureElement(figure, attrs = {}) {
  let html = `<mml-figure name="${escapeHtml(figure.id)}"`;
  for (const p of figure.params) {
    if (p.name in attrs) html += ` ${p.name}="${escapeHtml(attrs[p.name])}"`;
  }
  return `${html} style="aspect-ratio: ${figure.aspect}"></mml-figure>`;
}

// --- Headings, links, tables ----------------------------------------------------------------

export function slugify(text) {
  return String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-') || 'section';
}

function plainText(children) {
  return children
    .map((t) => (t.type === 'text' || t.type === 'code_inline' || t.type === 'math' ? t.content : t.children ? plainText(t.children) : ''))
    .join('');
}

function structurePlugin(md) {
  md.core.ruler.push('mml_structure', (state) => {
    const env = state.env;
    env.toc = [];
    env.links = [];
    const used = new Set(['main', 'top', 'contents', ...(env.figures ?? []).map((f) => `figure-${f.number}`)]);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; ++i) {
      const t = tokens[i];
      if (t.type === 'heading_open') {
        if (t.tag === 'h1') throw new BuildError(env.file, t.map[0] + 1, 'use ## and ### for sections: the chapter title comes from the front matter');
        const inline = tokens[i + 1];
        const text = plainText(inline.children).trim();
        let id = slugify(text);
        for (let k = 2; used.has(id); ++k) id = `${slugify(text)}-${k}`;
        used.add(id);
        t.attrSet('id', id);
        t.meta = { id, text };
        if (t.tag === 'h2' || t.tag === 'h3') {
          env.toc.push({ level: Number(t.tag.slice(1)), id, html: md.renderer.renderInline(inline.children.filter((c) => !/^link_/.test(c.type)), md.options, env), text });
        }
        tokens[i + 2].meta = { id, text };
      }
      // A paragraph opening with **Try:** is a reader's experiment: styled as an aside.
      if (t.type === 'paragraph_open' && !t.hidden) {
        const kids = (tokens[i + 1].children ?? []).filter((c) => !(c.type === 'text' && c.content === ''));
        if (kids[0]?.type === 'strong_open' && kids[1]?.content.trim() === 'Try:') t.attrJoin('class', 'try');
      }
      if (t.type === 'inline') {
        for (const c of t.children ?? []) {
          if (c.type !== 'link_open') continue;
          const href = c.attrGet('href') ?? '';
          const m = /^([a-z0-9][a-z0-9-]*)\.md(#.*)?$/.exec(href);
          if (m) {
            c.attrSet('href', `${m[1]}.html${m[2] ?? ''}`);
            env.links.push({ slug: m[1], line: (t.map ?? [0])[0] + 1 });
          }
        }
      }
    }
  });

  md.renderer.rules.heading_close = (tokens, idx) => {
    const t = tokens[idx];
    if (!t.meta) return `</${t.tag}>\n`;
    return ` <a class="heading-anchor" href="#${t.meta.id}" aria-label="Link to section: ${escapeHtml(t.meta.text)}">#</a></${t.tag}>\n`;
  };
  md.renderer.rules.table_open = () => '<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
}

// --- Public API -----------------------------------------------------------------------------

export function createMarkdown(manifest) {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
  md.use(lineAwareInline);
  md.use(mathPlugin);
  md.use(figurePlugin, manifest);
  md.use(structurePlugin);
  return md;
}

// Renders one chapter body. Returns {html, toc, figures, links}.
export function renderChapterBody(md, body, file) {
  const env = { file, figures: [] };
  const html = md.render(body, env);
  return { html, toc: env.toc, figures: env.figures, links: env.links };
}
