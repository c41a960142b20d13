// cross-entropy alone on the site's embed page: dragging the model's bar for "cat" and the arrow
// keys change q and p; the live summary's H(p), H(p, q) and KL(p‖q) (recomputed here from the
// figure's state), the native controls and the CSV follow; a copied link restores the state; Reset
// the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, downloadCsv, drag, figureState, findDisc, formatNumber,
         liveSummary, openBrowser, openFigure, parseCsv, pressKeys, resetFigure } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="cross-entropy"]:not([p1])';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// p and q from the state: weights over the first k classes (defaults ½ ¼ ⅛ ⅛ and uniform), normalized.
function distributions(state) {
  const k = Number(state.get("k") ?? 4);
  const pick = (name, defaults) => {
    const w = Array.from({ length: k }, (_, i) => Number(state.get(`${name}${i + 1}`) ?? defaults[i] ?? 0));
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / sum);
  };
  return { p: pick("p", [0.5, 0.25, 0.125, 0.125]), q: pick("q", [0.25, 0.25, 0.25, 0.25]) };
}
function summary({ p, q }) {
  const h = -p.reduce((s, x) => s + (x > 0 ? x * Math.log2(x) : 0), 0);
  const hpq = -p.reduce((s, x, i) => s + (x > 0 ? x * Math.log2(q[i]) : 0), 0);
  const kl = p.reduce((s, x, i) => s + (x > 0 ? x * Math.log2(x / q[i]) : 0), 0);
  const bits = (b) => `${formatNumber(b)} ${b === 1 ? "bit" : "bits"}`;
  return `H(p) = ${bits(h)}, H(p, q) = ${bits(hpq)}, KL(p\u2016q) = ${bits(kl)}.`;
}

test("cross-entropy: drag, keys, live summary, controls, CSV, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "cross-entropy");
  try {
    await liveSummary(page, figure, /^H\(p\) = 1\.75 bits, H\(p, q\) = 2 bits, KL\(p‖q\) = 0\.25 bits\./);

    // The model's bar for "cat": the blue (#0072B2) handle left of the others, in the top plot.
    const handle = await findDisc(figure, [0x00, 0x72, 0xb2], [0.05, 0.2, 0.2, 0.62], 28, 2);
    assert.ok(handle, "q(cat)'s handle not found");
    await drag(page, handle.x, handle.y, 0, -50);
    let state = await figureState(figure);
    let d = distributions(state);
    assert.ok(d.q[0] > 0.25, `dragging q(cat) up raises it: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.startsWith(summary(d)));
    assert.equal(await controlValue(figure, "p-q1"), state.get("q1"), "the native control follows the drag");

    // Keyboard: the dragged bar stays selected; ↑ raises it further, → ↑ then the truth's "dog".
    await pressKeys(page, figure, ["ArrowUp", "ArrowUp"]);
    state = await figureState(figure);
    let after = distributions(state);
    assert.ok(after.q[0] > d.q[0], `↑ raised q(cat): ${d.q[0]} → ${after.q[0]}`);
    await pressKeys(page, figure, ["ArrowRight", "ArrowUp"]);
    state = await figureState(figure);
    const raised = distributions(state);
    assert.ok(raised.p[1] > after.p[1], `→ ↑ raised p(dog): ${after.p[1]} → ${raised.p[1]}`);
    after = raised;
    d = after;
    await liveSummary(page, figure, (text) => text.startsWith(summary(d)));

    const csv = await downloadCsv(page, figure);
    assert.equal(csv.name, "cross-entropy.csv");
    const table = parseCsv(csv.text);
    assert.deepEqual(table.column("class"), ["cat", "dog", "fox", "owl"]);
    table.column("model q").forEach((v, i) => assert.ok(Math.abs(Number(v) - d.q[i]) < 1e-12, `q${i + 1}`));
    const hpq = table.column("p * -log2 q (bits)").reduce((a, b) => a + Number(b), 0);
    assert.ok(Math.abs(hpq + d.p.reduce((s, x, i) => s + x * Math.log2(d.q[i]), 0)) < 1e-12, "CSV's H(p, q)");

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, /^H\(p\) = 1\.75 bits, H\(p, q\) = 2 bits/);
    assert.equal(await controlValue(figure, "p-q1"), "0.25");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
