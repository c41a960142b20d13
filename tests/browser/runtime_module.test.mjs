// One WebAssembly module for every figure on a page (issue 3, point 1): a chapter page with
// seven figures downloads mml.js and mml.wasm once, compiles the module once and instantiates it
// once, however many figures mount (the split runtime: plus its chapter's side module, fetched and
// compiled once and linked into that one instance); each figure draws into its own canvas with its own WebGL
// context (the runtime's choice: contexts created near the viewport, at most 8, see
// runtime_contexts.test.mjs). Prints what the choice costs: time from scrolling a figure into
// view to its first frame, and the contexts live at the end.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openBrowser, openPage, waitIdle } from "./harness.mjs";

let env;
before(async () => { env = await openBrowser(); });
after(async () => { await env?.close(); });

// Counts compilations and instantiations, however the loader asks for them.
function countWasm() {
  const counts = { compile: 0, instantiate: 0, contexts: 0 };
  window.__wasm = counts;
  const W = WebAssembly;
  const wrap = (name, count) => {
    const original = W[name];
    if (typeof original !== "function") return;
    W[name] = function (...args) { count(args); return original.apply(this, args); };
  };
  wrap("compile", () => counts.compile++);
  wrap("compileStreaming", () => counts.compile++);
  wrap("instantiateStreaming", () => { counts.compile++; counts.instantiate++; });
  wrap("instantiate", (args) => { if (!(args[0] instanceof W.Module)) counts.compile++; counts.instantiate++; });
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attributes) {
    const context = getContext.call(this, type, attributes);
    if (context && /webgl/.test(type) && !this.__counted) { this.__counted = true; counts.contexts++; }
    return context;
  };
}

test("one module: mml.js and mml.wasm fetched, compiled and instantiated once for seven figures", async () => {
  const { page, problems, context } = await openPage(env.browser, "about:blank");
  try {
    const fetched = [];
    page.on("request", (r) => { if (/\/mml\/mml[\w.-]*\.(js|wasm)$/.test(r.url()) && !/mml-figure\.js$/.test(r.url())) fetched.push(r.url().split("/").pop()); });
    await page.addInitScript(countWasm);
    await page.goto(env.server.url + "gradient-descent.html", { waitUntil: "load" });
    const figures = page.locator("mml-figure");
    const count = await figures.count();
    assert.ok(count >= 7, `the chapter has ${count} figures`);
    const firstFrame = [];
    for (let i = 0; i < count; ++i) {
      const figure = figures.nth(i);
      const start = Date.now();
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.dataset.state === "ready" && el.attached && el.frameCount > 0,
                                 await figure.elementHandle(), { timeout: 30000 });
      firstFrame.push(Date.now() - start);
    }
    await waitIdle(page);
    const counts = await page.evaluate(() => window.__wasm);
    const live = await page.evaluate(() => [...document.querySelectorAll("mml-figure")].filter((f) => f.attached).length);
    console.log(`${count} figures: mml.wasm fetched ${fetched.filter((f) => f === "mml.wasm").length}×, ` +
                `compiled ${counts.compile}×, instantiated ${counts.instantiate}×; ${counts.contexts} WebGL contexts created, ` +
                `${live} live at the end; scroll-in to first frame: first ${firstFrame[0]} ms (module load included), ` +
                `then median ${firstFrame.slice(1).sort((a, b) => a - b)[Math.floor((count - 1) / 2)]} ms`);
    // The split runtime adds the side module of each chapter with a figure here, each fetched,
    // compiled and linked into the one instance of mml.wasm once.
    const sides = await page.evaluate(() => {
      const modules = window.MML_MANIFEST.modules || {};
      return [...new Set([...document.querySelectorAll("mml-figure")].map((f) => modules[f.getAttribute("name")]).filter(Boolean))];
    });
    assert.deepEqual(fetched.sort(), ["mml.js", "mml.wasm", ...sides].sort(), "each file fetched once");
    assert.equal(counts.compile, 1 + sides.length, "each module compiled once");
    assert.equal(counts.instantiate, 1, "one instance of mml.wasm serves every figure (side modules are linked into it)");
    assert.ok(counts.contexts >= count && live <= 8, "a context per canvas, at most 8 live");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
