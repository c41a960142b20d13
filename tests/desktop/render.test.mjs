// The desktop build (mml-desktop: GLFW + OpenGL ES 3.0 through Mesa) draws figures in a native
// window: opened in one virtual X display (Xvfb, started once for the file), rendered with the web
// build's renderer and shaders, read back and checked for a non-blank picture. Screenshots go to
// $MML_ARTIFACTS_DIR. mml-desktop is a development tool, so two figures are enough for its window,
// context, main loop and read-back: one of plain triangles and text in the light theme, one with
// heatmap fields (the renderer's second program and its textures) in the dark theme. Every figure
// is drawn by the same renderer in WebGL in the browser tests (pages, posters: both themes), and
// its frames run natively under the sanitizers in the headless tests (tests/figures).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { inkStats } from '../browser/harness.mjs';

const tool = process.env.MML_DESKTOP;
const artifacts = path.resolve(process.env.MML_ARTIFACTS_DIR || 'build/artifacts');
const manifest = JSON.parse(spawnSync(process.env.MML_MANIFEST_TOOL, [], { encoding: 'utf8' }).stdout);

// Xvfb picks a free display and writes its number to the pipe it is given (-displayfd).
let xvfb, display;
before(async () => {
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
               { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr.on('data', (d) => { stderr += d; });
  display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
    setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 20000);
  });
});
after(() => { xvfb?.kill(); });

const FIGURES = [{ id: 'basis-images', theme: 'light' }, { id: 'loss-landscape', theme: 'dark' }];
for (const { id, theme } of FIGURES) {
  test(`${id} (${theme}) renders in a native window`, () => {
    assert.ok(manifest.figures.some((f) => f.id === id), `${id} is not in the manifest`);
    fs.mkdirSync(artifacts, { recursive: true });
    const out = path.join(artifacts, `desktop-${id}-${theme}.png`);
    const args = [id, '--screenshot', out];
    if (theme === 'dark') args.push('--dark');
    const run = spawnSync(tool, args, { encoding: 'utf8', timeout: 60000, env: { ...process.env, DISPLAY: display } });
    assert.equal(run.status, 0, `mml-desktop failed: ${run.stderr}`);
    const stats = inkStats(fs.readFileSync(out));
    assert.ok(stats.ink > 0.02 && stats.colours > 20, `blank window: ${JSON.stringify(stats)}`);
  });
}
