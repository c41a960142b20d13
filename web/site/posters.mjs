// Posters: every <mml-figure> on the generated pages gets a picture of itself, rendered at build
// time by the native `mml-poster` tool (a software rasterizer, no browser), in both themes and
// for both layouts. The element shows it until the figure is live, in print, and when WebGL2 is
// missing, so the page never shifts or shows an empty box.
//   mml/posters/<stem>-<light|dark>-<wide|narrow>.png, stem = "<id>" for the defaults,
//   "<id>-<hash of the parameters>" otherwise; the tag gets data-poster="mml/posters/<stem>".
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isReservedName } from './params.mjs';

const TAG = /<mml-figure\b([^>]*)>/g;
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*"([^"]*)")?/g;

// Sizes in CSS pixels and pixel ratios: wide as a figure in a chapter, narrow as on a phone.
export const POSTER_LAYOUTS = [
  { layout: 'wide', width: 800, ratio: 1.25, aspect: (f) => f.aspect },
  { layout: 'narrow', width: 360, ratio: 2, aspect: (f) => f.narrowAspect ?? f.aspect },
];

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function queryOf(attrs, manifest) {
  const pairs = [];
  let name = '';
  for (const m of attrs.matchAll(ATTR)) {
    const key = m[1].toLowerCase();
    const value = unescape(m[2] ?? '');
    if (key === 'name') name = value;
    else if (!isReservedName(manifest, key))
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return { name, query: pairs.join('&') };
}

/** Adds data-poster to every figure tag in `pages` (Map name → html) and returns the jobs. */
export function placePosters(pages, manifest) {
  const jobs = new Map();  // stem → {id, query}
  for (const [file, html] of pages) {
    pages.set(file, html.replace(TAG, (tag, attrs) => {
      if (/\sdata-poster=/.test(attrs)) return tag;
      const { name, query } = queryOf(attrs, manifest);
      const figure = manifest.figures.find((f) => f.id === name);
      if (!figure) return tag;
      const stem = query ? `${name}-${crypto.createHash('sha256').update(query).digest('hex').slice(0, 10)}` : name;
      jobs.set(stem, { figure, query });
      return `<mml-figure${attrs} data-poster="mml/posters/${stem}">`;
    }));
  }
  // Default posters of every figure, for embeds on other sites (the element finds them by name).
  for (const figure of manifest.figures) if (!jobs.has(figure.id)) jobs.set(figure.id, { figure, query: '' });
  return jobs;
}

/** Runs the poster tool for every job; throws with its message when it fails. */
export function renderPosters(jobs, tool, outDir) {
  const dir = path.join(outDir, 'mml', 'posters');
  fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  for (const [stem, { figure, query }] of jobs) {
    for (const { layout, width, ratio, aspect } of POSTER_LAYOUTS) {
      const height = Math.round(width / aspect(figure));
      for (const theme of ['light', 'dark'])
        lines.push(`${path.join(dir, `${stem}-${theme}-${layout}.png`)} ${figure.id} ${width} ${height} ${ratio} ${theme} ${query}`);
    }
  }
  // One poster tool per core (at most 4), each given every n-th line; a small shell waits for all
  // of them and fails when any fails, with that tool's messages.
  const n = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length, lines.length));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mml-posters-'));
  try {
    const script = ['status=0'];
    for (let i = 0; i < n; ++i) {
      fs.writeFileSync(path.join(tmp, `${i}.txt`), lines.filter((_, j) => j % n === i).join('\n') + '\n');
      script.push(`"$0" < "$1/${i}.txt" > "$1/${i}.log" 2>&1 & p${i}=$!`);
    }
    for (let i = 0; i < n; ++i) script.push(`wait $p${i} || { status=1; cat "$1/${i}.log" >&2; }`);
    script.push('exit $status');
    const run = spawnSync('/bin/sh', ['-c', script.join('\n'), tool, tmp], { encoding: 'utf8' });
    if (run.error) throw new Error(`could not run the poster tool ${tool}: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`poster tool failed: ${(run.stderr || run.stdout).trim() || `${tool} exited with an error`}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return lines.length;
}
