// toolkit.html in a real browser: every toolkit figure mounts and draws, and toolkit-plane's
// A·e₁ handle drags with snapping (its default snap is 0.25). Screenshots of each toolkit figure
// are written under the artifacts directory, to compare with the posters (mml-poster).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, drag, figureDrawn, figureReady, figureState, findDisc, inkStats, openBrowser, openFigure, openPage, waitIdle } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Demos the page must have at least; every mml-figure the page holds is checked, so a new demo
// needs no edit here.
const kToolkit = ["toolkit-plane", "toolkit-data", "toolkit-fields", "toolkit-3d", "toolkit-inputs"];

for (const look of [
  { name: "light", colorScheme: "light" },
  { name: "dark", colorScheme: "dark" },
]) {
  test(`toolkit.html (${look.name}): every toolkit figure draws`, async () => {
    const { page, problems, context } = await openPage(env.browser, env.server.url + "toolkit.html",
                                                       { ...look, viewport: { width: 1280, height: 900 } });
    try {
      // One pass, as in the pages test: each figure scrolled into view, its live canvas drawn
      // (data-drawn), then screenshotted while it is there (no settling every figure first).
      const names = await page.locator("mml-figure").evaluateAll((els) => els.map((e) => e.getAttribute("name")));
      for (const name of kToolkit) assert.ok(names.includes(name), `${name} is on toolkit.html`);
      for (const name of names) {
        const figure = page.locator(`mml-figure[name="${name}"]`).first();
        assert.equal(await figure.count(), 1, `${name} is on toolkit.html`);
        await figure.scrollIntoViewIfNeeded();
        await figureReady(page, figure);
        await figureDrawn(page, figure);
        const shot = await figure.locator("canvas").screenshot({ path: artifact(`toolkit-${name}-${look.name}.png`) });
        const stats = inkStats(shot);
        assert.ok(stats.ink > 0.05 && stats.colours > 50, `${name} looks blank: ${JSON.stringify(stats)}`);
      }
      await waitIdle(page);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test("toolkit-plane: dragging A·e₁ moves the matrix's first column in steps of 0.25", async () => {
  // Alone on the embed page (its drawing on toolkit.html is the test above).
  const { page, problems, context, figure } = await openFigure(env, "toolkit-plane");
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
    await context.close();
  }
});
