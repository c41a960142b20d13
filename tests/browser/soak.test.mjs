// Soak, short: the mix of tests/bench/soak.mjs (the benchmark: 10,000 interactions, its numbers in
// tests/bench/README.md) run as a smoke test, MML_SOAK interactions (300 by default) over the three
// chapter pages, with one interaction from outside the page (a real mouse drag, scrolling far away
// and back, unmounting and remounting a figure) after every 12 in-page ones, so that each page
// sees every kind. The same checks: the JS heap after warm-up stays within 20% (+4 MB), the
// WebAssembly memory stops growing in the second half, no console error or warning, and once input
// stops every figure's frame counter stands still.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser } from "./harness.mjs";
import { soak } from "../bench/soak.mjs";

const TOTAL = Number(process.env.MML_SOAK || 300);

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

test(`soak (smoke): ${TOTAL} interactions across the chapter pages; memory settles, no console problems, frames stop`, async () => {
  const done = await soak(env, { total: TOTAL, every: 12 });
  assert.ok(done >= TOTAL);
});
