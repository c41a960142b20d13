// toolkit.html in a real browser, in the chapter pages' two looks (light at desktop width, dark at
// phone width) with their checks (page_check.mjs: a clean console, every figure drawn in the
// page's theme, no sideways scroll, axe-core with 0 violations), each toolkit figure's canvas
// showing at least 5 % ink in 50 colours; and toolkit-plane's A·e₁ handle drags with snapping (its
// default snap is 0.25). Screenshots of each toolkit figure (toolkit-<look>-<n>-<figure>.png) are
// written under the artifacts directory, to compare with the posters (mml-poster).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { drag, figureState, findDisc, openBrowser, openFigure } from "./harness.mjs";
import { LOOKS, checkPage } from "./page_check.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Demos the page must have at least; every mml-figure the page holds is checked, so a new demo
// needs no edit here.
const kToolkit = ["toolkit-plane", "toolkit-data", "toolkit-fields", "toolkit-3d", "toolkit-inputs"];

for (const look of LOOKS) {
  test(`toolkit.html (${look.name}): loads cleanly, every toolkit figure draws, axe-core finds no violations`, async () => {
    const names = await checkPage(env.browser, env.server.url, "toolkit.html", look, { minInk: 0.05, minColours: 50 });
    for (const name of kToolkit) assert.ok(names.includes(name), `${name} is on toolkit.html`);
    assert.equal(new Set(names).size, names.length, `each toolkit figure once: ${names}`);
  });
}

test("toolkit-plane: dragging A·e₁ moves the matrix's first column in steps of 0.25", async () => {
  // Alone on the embed page (its drawing on toolkit.html is the test above).
  const { page, problems, close, figure } = await openFigure(env, "toolkit-plane");
  try {
    // The handle is the largest orange (Okabe–Ito #E69F00) disc in the plot (left 70 % of the canvas).
    const handle = await findDisc(figure, [0xe6, 0x9f, 0x00], [0, 0, 0.72, 1]);
    assert.ok(handle, "A·e₁'s handle is drawn");
    await drag(page, handle.x, handle.y, -70, -50);
    const state = await figureState(figure);
    assert.ok(state.has("a"), `dragging moved A·e₁: ${[...state]}`);
    const [ax, ay] = state.get("a").split(",").map(Number);
    assert.ok(ax < 1.5 && ay > 0.5, `A·e₁ went left and up from (1.5, 0.5): ${ax}, ${ay}`);
    for (const v of [ax, ay]) assert.ok(Math.abs(v * 4 - Math.round(v * 4)) < 1e-9, `${v} is a multiple of 0.25`);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
