// Every figure's own browser test (tests/browser/<figure>.test.mjs, <figure> a file of
// web/figures/) in one node process and one Chromium: each file still runs alone with
// `node --test tests/browser/<figure>.test.mjs`, but in the suite a file no longer pays for its own
// node and playwright start and its own browser launch: the twelve files took 171 CPU-seconds one
// by one, 131 in the two parts of this test (2026-12-06, on the loaded 2-core machine). Each
// file's tests and hooks run inside a suite named after it; its figures open in the shared
// browser's contexts (harness.mjs's shareBrowser, openFigure).
// The parts (MML_SHARD) split the files by the time each took alone.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, describe } from "node:test";
import { balancedShard, shareBrowser } from "./harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIGURES = path.resolve(HERE, "..", "..", "web", "figures");
const files = fs.readdirSync(FIGURES).filter((f) => f.endsWith(".cpp")).map((f) => f.slice(0, -4))
  .filter((stem) => fs.existsSync(path.join(HERE, `${stem}.test.mjs`))).sort();
// Seconds each file took alone (2026-12-06; a new file counts as 15).
const FILE_SECONDS = {
  basis_images: 13, composition: 16, cross_entropy: 15, dense_layer: 20, derivative_as_speed: 12, determinant_3d: 14,
  eigen_directions: 10, entropy: 12, expected_value: 14, gradient_descent_1d: 14, line_fit: 15, logistic_loss: 13, loss_landscape: 16,
};
const weights = files.map((stem) => FILE_SECONDS[stem] ?? 15);
const inPart = balancedShard(weights);

const shared = shareBrowser();
after(() => shared.close());
files.forEach((stem, i) => {
  if (inPart(i)) describe(`${stem}.test.mjs`, async () => { await import(`./${stem}.test.mjs`); });
});
