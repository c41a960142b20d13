// What one figure costs the suite (issue 14 §2: at most 10 s of wall time per added figure).
//
//   scripts/test.sh 2>&1 | tee /tmp/suite.log
//   node tests/bench/suite_cost.mjs /tmp/suite.log
//
// Reads ctest's progress lines ("12/212 Test #43: <name> ...   Passed  529.63 sec") and its
// "Total Test time (real)" from the log of a whole run, and sorts every test into
//   - a figure's own: its headless tests ("figures: <stem>.cpp"; in older logs the cases of
//     tests/figures/test_<stem>.cpp and the per-file cases "… (<stem>.cpp)"), its browser test
//     tests/browser/<stem>.test.mjs (in "browser: figures", every figure's file in one process,
//     whose time is shared equally by the figures with a file; in older logs a test of its own);
//   - shared tests that grow with the figures: the pages test (the chapter pages in two looks; its
//     share per figure is its time over the figures placed on pages) and the toolkit page's test
//     (its share per toolkit demo);
//   - shared tests that do not grow with the figures (unit, runtime, faults, soak, search, …).
// ctest runs four tests at a time on two cores, so a test's time is wall time under contention:
// a figure's marginal wall time is estimated as its tests' time × (the run's real time ÷ the sum
// of every test's time), plus its share of the pages test at the same rate, plus its posters'
// share of the site generation (the "Wrote … posters … in N ms" line).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const logFile = process.argv[2];
if (!logFile) {
  console.error('usage: node tests/bench/suite_cost.mjs <log of scripts/test.sh>');
  process.exit(2);
}
const log = fs.readFileSync(logFile, 'utf8');

const tests = [];
for (const m of log.matchAll(/^\s*\d+\/\d+ Test\s+#\d+: (.+?) \.+\s*(?:\*\*\*)?\s*(\w[\w ]*?)\s+([\d.]+) sec$/gm))
  tests.push({ name: m[1], status: m[2], seconds: Number(m[3]) });
const real = Number(/Total Test time \(real\) =\s*([\d.]+) sec/.exec(log)?.[1] ?? NaN);
const site = /Wrote \d+ pages with (\d+) figures placed in \d+ chapters and (\d+) posters to build\/site in (\d+) ms/.exec(log);
if (!tests.length || !Number.isFinite(real)) {
  console.error(`${logFile}: no ctest results (progress lines and "Total Test time (real)") in it`);
  process.exit(1);
}

// Figure files, and the test case names each figure's own test file declares.
const stems = fs.readdirSync(path.join(REPO, 'web', 'figures'))
  .filter((f) => f.endsWith('.cpp') && f !== 'registry.cpp').map((f) => f.slice(0, -4)).sort();
const owner = new Map();  // ctest name → stem
for (const stem of stems) {
  const file = path.join(REPO, 'tests', 'figures', `test_${stem}.cpp`);
  if (fs.existsSync(file))
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/TEST_CASE\("((?:[^"\\]|\\.)*)"/g))
      owner.set(`figures: ${JSON.parse(`"${m[1]}"`)}`, stem);
}
const stemOf = (name) => {
  if (owner.has(name)) return owner.get(name);
  const file = /\(([a-z0-9_]+)\.cpp\)$/.exec(name) || /^figures: ([a-z0-9_]+)\.cpp$/.exec(name);
  if (file && stems.includes(file[1])) return file[1];
  const browser = /^browser: ([a-z0-9_]+) \(/.exec(name);
  if (browser && stems.includes(browser[1])) return browser[1];
  return null;
};

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const total = sum(tests.map((t) => t.seconds));
const rate = real / total;  // wall seconds per second of test time
const perFigure = new Map(stems.map((s) => [s, { headless: 0, browser: 0 }]));
let pages = 0, toolkit = 0, shared = 0, figureFiles = 0;
for (const t of tests) {
  const stem = stemOf(t.name);
  if (stem) perFigure.get(stem)[t.name.startsWith('browser:') ? 'browser' : 'headless'] += t.seconds;
  else if (t.name.startsWith('browser: figures')) figureFiles += t.seconds;
  else if (t.name.startsWith('browser: pages')) pages += t.seconds;
  else if (t.name.startsWith('browser: toolkit')) toolkit += t.seconds;
  else shared += t.seconds;
}
// "browser: figures" runs every figure's own browser test file in one process (figures.test.mjs):
// its time is shared equally by the figures that have such a file.
const withFile = stems.filter((s) => fs.existsSync(path.join(REPO, 'tests', 'browser', `${s}.test.mjs`)));
for (const stem of withFile) perFigure.get(stem).browser += figureFiles / withFile.length;
const placed = site ? Number(site[1]) : NaN;
const pagesShare = pages / placed;
const demos = stems.filter((s) => s.startsWith('toolkit_')).length;
const toolkitShare = toolkit / demos;
const posterShare = site ? Number(site[3]) / 1000 / stems.length : 0;

const f1 = (x) => x.toFixed(1);
console.log(`${tests.length} tests, ${tests.filter((t) => t.status !== 'Passed').length} not passed; ` +
            `test time ${f1(total)} s in ${f1(real)} s of wall time (×${rate.toFixed(2)}: tests run side by side)`);
console.log(`shared, not growing with the figures: ${f1(shared)} s of test time; pages test ${f1(pages)} s ` +
            `for ${placed} placed figures (${f1(pagesShare)} s each); ` +
            `toolkit page test ${f1(toolkit)} s for ${demos} demos (${f1(toolkitShare)} s each)` +
            (site ? `; site generation with ${site[2]} posters ${f1(Number(site[3]) / 1000)} s` : ''));
console.log('\n| figure | headless s | browser s | page share s | marginal wall s |\n|---|---|---|---|---|');
const marginal = [];
for (const stem of stems) {
  const c = perFigure.get(stem);
  // A chapter figure's page share is of the pages test; a toolkit demo's, of the toolkit page's test.
  const share = stem.startsWith('toolkit_') ? toolkitShare : pagesShare;
  const wall = (c.headless + c.browser + share) * rate + posterShare;
  marginal.push(wall);
  console.log(`| ${stem} | ${f1(c.headless)} | ${f1(c.browser)} | ${f1(share)} | ${f1(wall)} |`);
}
const mean = sum(marginal) / marginal.length;
console.log(`\nmarginal wall time per figure: mean ${f1(mean)} s, largest ${f1(Math.max(...marginal))} s (budget 10 s)`);
