// composition alone on the site's embed page: dragging B's first column (Be₁) and the arrow keys
// change B; the native order control swaps the maps; the live summary's products AB and BA are
// multiplied out here from the figure's state; no data table (no CSV button); a copied link
// restores the state; Reset restores the defaults.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { checkLinkRestores, controlValue, drag, figureState, findDisc, formatNumber, liveSummary,
         openBrowser, openFigure, pressKeys, resetFigure, waitIdle } from "./harness.mjs";

const SELECTOR = 'mml-figure[name="composition"]';
let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Columns from the state (defaults: A a quarter turn, B a shear); M·N by rows × columns.
function products(state) {
  const col = (name, fallback) => (state.get(name) ?? fallback).split(",").map(Number);
  const [a1, a2, b1, b2] = [col("a1", "0,1"), col("a2", "-1,0"), col("b1", "1,0"), col("b2", "1,1")];
  const A = [[a1[0], a2[0]], [a1[1], a2[1]]], B = [[b1[0], b2[0]], [b1[1], b2[1]]];
  const mul = (M, N) => [0, 1].map((i) => [0, 1].map((j) => M[i][0] * N[0][j] + M[i][1] * N[1][j]));
  const rows = (M) => `[[${formatNumber(M[0][0])}, ${formatNumber(M[0][1])}], [${formatNumber(M[1][0])}, ${formatNumber(M[1][1])}]]`;
  const bFirst = (state.get("order") ?? "b-then-a") === "b-then-a";
  const [product, other] = bFirst ? [mul(A, B), mul(B, A)] : [mul(B, A), mul(A, B)];
  return { b1, text: bFirst ? `B then A: AB = ${rows(product)}` : `A then B: BA = ${rows(product)}`,
           other: `The other order gives ${bFirst ? "BA" : "AB"} = ${rows(other)}` };
}

test("composition: drag Be₁, keys, order control, live summary, link and reset", async () => {
  const { page, problems, close, figure } = await openFigure(env, "composition");
  try {
    const start = products(new Map());
    await liveSummary(page, figure, (text) => text.startsWith(start.text) && text.includes(start.other));
    assert.equal(await figure.locator('button[data-action="csv"]').isVisible(), false, "no data, no CSV button");

    // Be₁: the orange (#E69F00) disc in the small plane of B, bottom left.
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0.02, 0.64, 0.32, 1]);
    assert.ok(handle, "Be₁'s handle not found");
    await drag(page, handle.x, handle.y, 0, -30);
    let state = await figureState(figure);
    let expected = products(state);
    assert.ok(expected.b1[1] > 0, `dragging Be₁ up raises its y: ${[...state]}`);
    await liveSummary(page, figure, (text) => text.startsWith(expected.text) && text.includes(expected.other));
    assert.equal(await controlValue(figure, "p-b1-1"), String(expected.b1[1]), "the native control follows the drag");

    await pressKeys(page, figure, ["ArrowRight"]);
    state = await figureState(figure);
    const moved = products(state);
    assert.ok(moved.b1[0] > expected.b1[0], `→ moved Be₁ right: ${expected.b1} → ${moved.b1}`);

    await figure.locator("#p-order").selectOption("a-then-b");
    await page.waitForFunction((el) => /order=a-then-b/.test(el.state), await figure.elementHandle());
    await waitIdle(page);
    expected = products(await figureState(figure));
    await liveSummary(page, figure, (text) => text.startsWith(expected.text) && text.includes(expected.other));

    await checkLinkRestores(env, page, figure, SELECTOR);
    await resetFigure(page, figure);
    await liveSummary(page, figure, (text) => text.startsWith(start.text));
    assert.equal(await controlValue(figure, "p-order"), "b-then-a");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
