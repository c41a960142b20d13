// The desktop build (mml-desktop: GLFW + OpenGL ES 3.0 through Mesa) draws every figure: each is
// opened in a virtual X display (xvfb-run), rendered with the web build's renderer and shaders,
// read back and checked for a non-blank picture. Screenshots go to $MML_ARTIFACTS_DIR.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { inkStats } from '../browser/harness.mjs';

const tool = process.env.MML_DESKTOP;
const artifacts = path.resolve(process.env.MML_ARTIFACTS_DIR || 'build/artifacts');
const manifest = JSON.parse(spawnSync(process.env.MML_MANIFEST_TOOL, [], { encoding: 'utf8' }).stdout);

for (const figure of manifest.figures) {
  for (const theme of ['light', 'dark']) {
    test(`${figure.id} (${theme}) renders in a native window`, () => {
      fs.mkdirSync(artifacts, { recursive: true });
      const out = path.join(artifacts, `desktop-${figure.id}-${theme}.png`);
      const args = ['-a', '-s', '-screen 0 1280x1024x24', tool, figure.id, '--screenshot', out];
      if (theme === 'dark') args.push('--dark');
      const run = spawnSync('xvfb-run', args, { encoding: 'utf8', timeout: 60000 });
      assert.equal(run.status, 0, `mml-desktop failed: ${run.stderr}`);
      const stats = inkStats(fs.readFileSync(out));
      assert.ok(stats.ink > 0.02 && stats.colours > 20, `blank window: ${JSON.stringify(stats)}`);
    });
  }
}
