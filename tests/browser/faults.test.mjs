// Faults the page must survive (issue 7.5), and print (issue 3):
//   - every figure loses its WebGL context and gets it back, drawing the same picture again;
//   - a browser without WebGL2: every figure keeps its poster and says why, the article reads on;
//   - mml.wasm missing (404), damaged, or its download cut, and mml.js missing: a message in every
//     figure's box, the article readable, nothing uncaught;
//   - a figure that traps during a frame (debug runtime: mml_debug_fail): that figure says so, the
//     others keep drawing and answering; two dozen such traps, each with 64 KiB of stack in use,
//     would overflow the module's 1 MiB stack unless the page restores the stack pointer each time;
//   - absurd sizes: a 100 000 px wide container and a device pixel ratio of 8 give a drawing
//     buffer of at most 4096 px a side, and the figure still draws;
//   - print shows each figure as it is now (its current frame, or its snapshot when it sleeps far
//     off screen), not the poster of its default state.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { PNG } from "pngjs";
import { artifact, hover, inkStats, openBrowser, openPage, releaseOnly, runtime, siteDir, siteManifest, waitIdle } from "./harness.mjs";
import { findOrangeHandle, page as testPage, servePages } from "./runtime_pages.mjs";

const manifest = siteManifest();
const ids = manifest.figures.map((f) => f.id);
const ARTICLE = "<h1>Faults</h1><p id=\"text\">This article must stay readable whatever happens to its figures.</p>";
const allFigures = ids.map((id) => `<figure id="f-${id}"><mml-figure name="${id}"></mml-figure><figcaption>${id}</figcaption></figure>`).join("\n");
const spacer = (px) => `<div style="height:${px}px"></div>`;

let env, site;
before(async () => {
  env = await openBrowser();
  site = await servePages({
    "blank.html": testPage("Blank", ""),
    "all.html": testPage("Every figure", ARTICLE + allFigures),
    "trap.html": testPage("Trap", ARTICLE + `<figure id="w1"><mml-figure name="basis-images"></mml-figure></figure>
<figure id="w2"><mml-figure name="entropy"></mml-figure></figure><div id="lab"></div>`),
    "huge.html": testPage("Huge", ARTICLE + `<div style="width:100000px"><mml-figure id="huge" name="basis-images"></mml-figure></div>`),
    "wide.html": testPage("Wide", ARTICLE + `<div style="width:2000px"><mml-figure id="wide" name="entropy"></mml-figure></div>`),
    "print.html": testPage("Print", ARTICLE + `<figure id="live"><mml-figure name="basis-images"></mml-figure></figure>
${spacer(4000)}<figure id="far"><mml-figure name="entropy"></mml-figure></figure>${spacer(600)}`),
  });
});
after(async () => { await site?.close(); await env?.close(); });

const attached = async (page, figure) =>
  page.waitForFunction((el) => el.dataset.state === "ready" && el.attached && el.frameCount > 0, await figure.elementHandle(), { timeout: 30000 });

function pixelDifference(a, b) {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return 1;
  let differ = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 24) differ++;
  }
  return differ / (pa.width * pa.height);
}

const articleReadable = async (page) => {
  const text = page.locator("#text");
  assert.ok(await text.isVisible(), "the article text is not visible");
  assert.match(await text.textContent(), /must stay readable/);
};

test("every figure loses its WebGL context and gets it back", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "all.html");
  try {
    const figures = page.locator("mml-figure");
    for (let i = 0; i < ids.length; ++i) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      await attached(page, figure);
      await waitIdle(page);
      const before = inkStats(await figure.locator("canvas").screenshot());
      await figure.evaluate((el) => {
        const canvas = el.shadowRoot.querySelector("canvas");
        window.__ext = canvas.getContext("webgl2").getExtension("WEBGL_lose_context");
        window.__lost = new Promise((resolve) => canvas.addEventListener("webglcontextlost", resolve, { once: true }));
        window.__restored = new Promise((resolve) => canvas.addEventListener("webglcontextrestored", resolve, { once: true }));
        window.__ext.loseContext();
      });
      await page.evaluate(() => window.__lost);
      assert.equal(await figure.evaluate((el) => el.attached), false, `${ids[i]} still claims its context`);
      await page.evaluate(() => { window.__ext.restoreContext(); return window.__restored; });
      await attached(page, figure);
      await waitIdle(page);
      const after = inkStats(await figure.locator("canvas").screenshot({ path: artifact(`faults-restored-${ids[i]}.png`) }));
      assert.ok(after.ink > 0.02 && after.colours > 20, `${ids[i]} blank after restore: ${JSON.stringify(after)}`);
      assert.ok(Math.abs(after.ink - before.ink) < 0.03, `${ids[i]} looks different after restore: ${before.ink} → ${after.ink}`);
      assert.equal(await figure.evaluate((el) => el.contextLosses), 1, ids[i]);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("without WebGL2 every figure shows its poster and says why", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "blank.html");
  try {
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === "webgl2" ? null : getContext.call(this, type, ...rest);
      };
    });
    await page.goto(site.url + "all.html");
    await articleReadable(page);
    const figures = page.locator("mml-figure");
    for (let i = 0; i < ids.length; ++i) {
      const figure = figures.nth(i);
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.dataset.state === "error", await figure.elementHandle(), { timeout: 30000 });
      const seen = await figure.evaluate(async (el) => {
        const poster = el.shadowRoot.querySelector(".poster");
        if (poster.getAttribute("src")) await poster.decode().catch(() => {});
        const status = el.shadowRoot.querySelector(".status");
        const box = el.shadowRoot.querySelector(".frame").getBoundingClientRect(), s = status.getBoundingClientRect();
        return {
          fallback: el.hasAttribute("data-fallback"),
          poster: poster.complete && poster.naturalWidth > 0 && getComputedStyle(poster).display !== "none",
          message: status.textContent,
          inside: s.top >= box.top - 1 && s.bottom <= box.bottom + 1 && s.height > 10,
          covers: s.height / box.height,
        };
      });
      assert.ok(seen.fallback && seen.poster, `${ids[i]}: no poster: ${JSON.stringify(seen)}`);
      assert.match(seen.message, /^This browser cannot draw the live figure \(.*WebGL2.*\)\. The picture shows/, ids[i]);
      assert.ok(seen.inside && seen.covers < 0.61, `${ids[i]}: the reason hides the poster: ${JSON.stringify(seen)}`);
      const stats = inkStats(await figure.locator(".frame").screenshot({ path: i === 0 ? artifact("faults-no-webgl2.png") : undefined }));
      assert.ok(stats.ink > 0.05 && stats.colours > 20, `${ids[i]}: the box looks blank without WebGL2`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// How the runtime's download fails, and the console lines that failure makes by itself (a failed
// request is reported by the browser, not by the page: nothing the page does can avoid it). Only
// exactly those are tolerated.
const DOWNLOAD_FAULTS = [
  { name: "mml.wasm answers 404", file: "mml.wasm", fulfil: { status: 404, body: "no" }, reason: /mml\.wasm answered 404/,
    expected: (p) => /^error: Failed to load resource: the server responded with a status of 404/.test(p) },
  { name: "mml.wasm is damaged", file: "mml.wasm", fulfil: { status: 200, contentType: "application/wasm", body: Buffer.from("\0asm\x01\0\0\0garbage") },
    reason: /mml\.wasm is damaged/, expected: () => false },
  { name: "mml.wasm is not WebAssembly at all", file: "mml.wasm", fulfil: { status: 200, contentType: "text/html", body: "<!doctype html>" },
    reason: /mml\.wasm is damaged/, expected: () => false },
  { name: "the download of mml.wasm is cut", file: "mml.wasm", abort: true, reason: /could not download .*mml\.wasm/,
    expected: (p) => /^request failed: .*\/mml\/mml\.wasm$/.test(p) || /^error: Failed to load resource: net::ERR_FAILED$/.test(p) },
  // A script that answers 404 is reported as a failed request (the browser drops its body).
  { name: "mml.js answers 404", file: "mml.js", fulfil: { status: 404, body: "no" }, reason: /could not download .*mml\.js/,
    expected: (p) => /^error: Failed to load resource: the server responded with a status of 404/.test(p) ||
                     /^request failed: .*\/mml\/mml\.js$/.test(p) },
  // Each figure's title and parameters (mml/figures/<id>.json), fetched once per figure.
  { name: "the figures' descriptions answer 404", file: "figures/*.json", requests: ids.length, fulfil: { status: 404, body: "no" },
    reason: /figures\/[\w-]+\.json answered 404/,
    expected: (p) => /^error: Failed to load resource: the server responded with a status of 404/.test(p) },
];

for (const fault of DOWNLOAD_FAULTS) {
  test(`${fault.name}: every figure box says so, the article stays readable`, { skip: releaseOnly }, async () => {
    const { page, problems, context } = await openPage(env.browser, site.url + "blank.html");
    try {
      let requests = 0;
      await context.route(`**/mml/${fault.file}`, (route) => {
        requests++;
        return fault.abort ? route.abort("failed") : route.fulfill(fault.fulfil);
      });
      await page.goto(site.url + "all.html");
      await articleReadable(page);
      const figures = page.locator("mml-figure");
      for (let i = 0; i < ids.length; ++i) {
        const figure = figures.nth(i);
        await figure.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => el.dataset.state === "error", await figure.elementHandle(), { timeout: 30000 });
        const message = await figure.evaluate((el) => el.shadowRoot.querySelector(".status").textContent);
        assert.match(message, /^The figure could not load: /, ids[i]);
        assert.match(message, fault.reason, ids[i]);
        if (i === 0) await figure.screenshot({ path: artifact(`faults-${fault.file.replace(/\W+/g, "-")}-${fault.name.replace(/\W+/g, "-")}.png`) });
      }
      assert.equal(requests, fault.requests || 1, `${fault.file} requested ${requests} times`);
      await articleReadable(page);
      const unexpected = problems.filter((p) => !fault.expected(p));
      assert.deepEqual(unexpected, []);
    } finally {
      await context.close();
    }
  });
}

// The split runtime (the release site): each chapter's figures come in a side module of their
// own. One that fails to download, or that is damaged, fails only its own figures, with the usual
// message in their boxes; a figure of another side module on the same page draws and answers.
const modules = manifest.modules || {};
const [brokenFigure, otherFigure] = ["basis-images", "entropy"];
const SIDE_MODULE_FAULTS = [
  { name: "answers 404", fulfil: { status: 404, body: "no" }, reason: /answered 404/,
    expected: (p) => /^error: Failed to load resource: the server responded with a status of 404/.test(p) },
  { name: "is damaged", fulfil: { status: 200, contentType: "application/wasm", body: Buffer.from("\0asm\x01\0\0\0garbage") },
    reason: /is damaged/, expected: () => false },
  { name: "does not fit this mml.wasm", fulfil: { status: 200, contentType: "application/wasm",
    body: Buffer.from("\0asm\x01\0\0\0") }, reason: /does not fit this mml\.wasm/, expected: () => false },
];
for (const fault of SIDE_MODULE_FAULTS) {
  const file = modules[brokenFigure];
  test(`a side module that ${fault.name}: only its figures say so, another module's figure draws`,
       { skip: !file ? "the one-module runtime has no side modules" : releaseOnly }, async () => {
    assert.notEqual(modules[otherFigure], file, "the two figures must come from different side modules");
    const { page, problems, context } = await openPage(env.browser, site.url + "blank.html");
    try {
      let requests = 0;
      await context.route(`**/mml/${file}`, (route) => { requests++; return route.fulfill(fault.fulfil); });
      await page.goto(site.url + "trap.html");
      await articleReadable(page);
      const broken = page.locator(`mml-figure[name="${brokenFigure}"]`);
      await page.waitForFunction((el) => el.dataset.state === "error", await broken.elementHandle(), { timeout: 30000 });
      const message = await broken.evaluate((el) => el.shadowRoot.querySelector(".status").textContent);
      assert.match(message, /^The figure could not load: /);
      assert.match(message, fault.reason);
      assert.ok(message.includes(file), `the message names ${file}: ${message}`);
      await broken.screenshot({ path: artifact(`faults-side-module-${fault.name.replace(/\W+/g, "-")}.png`) });
      const other = page.locator(`mml-figure[name="${otherFigure}"]`);
      await other.scrollIntoViewIfNeeded();
      await attached(page, other);
      const stats = inkStats(await other.screenshot());
      assert.ok(stats.ink > 0.02 && stats.colours > 20, `${otherFigure} looks blank: ${JSON.stringify(stats)}`);
      // It answers: a key press changes its state.
      await other.locator("canvas").focus();
      const before = await other.evaluate((el) => el.frameCount);
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(([el, n]) => el.frameCount > n, [await other.elementHandle(), before], { timeout: 10000 });
      assert.equal(requests, 1, `${file} requested ${requests} times`);
      await articleReadable(page);
      assert.deepEqual(problems.filter((p) => !fault.expected(p)), []);
    } finally {
      await context.close();
    }
  });
}

test("a figure that traps during a frame stops alone; the others draw and answer",
     { skip: runtime !== "debug" && "the release runtime has no fault hook (mml_debug_fail): the debug runtime's run has it" }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "trap.html");
  try {
    const w1 = page.locator("#w1 mml-figure"), w2 = page.locator("#w2 mml-figure");
    await attached(page, w1);
    await attached(page, w2);
    await waitIdle(page);
    assert.equal(await w1.evaluate((el) => typeof el._module?._mml_debug_fail), "function", "the debug runtime's fault hook");
    const TRAPS = 24;  // × 64 KiB of stack each: 1.5 MiB, more than the module's 1 MiB stack
    for (let i = 0; i < TRAPS; ++i) {
      const outcome = await page.evaluate(async ({ name, i }) => {
        const el = document.createElement("mml-figure");
        el.setAttribute("name", name);
        document.getElementById("lab").replaceChildren(el);
        el.scrollIntoView({ block: "end" });  // figures mount only near the viewport
        const until = async (ok, what) => {
          for (const start = performance.now(); !ok(); await new Promise((r) => setTimeout(r, 10))) {
            if (performance.now() - start > 20000) throw new Error(`trap ${i}: the figure never ${what}`);
          }
        };
        await until(() => el.attached && el.frameCount > 0, "drew");
        el._debugFail();
        await until(() => el.dataset.state === "error", "reported its trap");
        return { message: el.shadowRoot.querySelector(".status").textContent, attached: el.attached };
      }, { name: i % 2 ? "entropy" : "basis-images", i });
      assert.match(outcome.message, /^This figure stopped working \(.*unreachable.*\)\. The other figures on the page are not affected/);
      assert.equal(outcome.attached, false);
    }
    // The last trapped figure stays on the page: its box shows the message over its poster.
    await page.locator("#lab mml-figure").screenshot({ path: artifact("faults-trapped.png") });
    // Every trap is reported once on the console, as the element's own error; nothing else is.
    const expected = (p) => /^error: mml: figure "(basis-images|entropy)" stopped in mml_frame: .*unreachable/.test(p);
    assert.equal(problems.filter(expected).length, TRAPS);
    assert.deepEqual(problems.filter((p) => !expected(p)), []);
    problems.length = 0;

    // The witnesses draw and answer: a drag moves basis-images' handle, an attribute changes entropy.
    await w1.scrollIntoViewIfNeeded();
    await waitIdle(page);
    const canvas = w1.locator("canvas");
    const box = await canvas.boundingBox();
    const handle = findOrangeHandle(await canvas.screenshot());
    assert.ok(handle, "A·e₁'s handle not found after the traps");
    await hover(page, box.x + handle.x, box.y + handle.y);
    await page.mouse.down();
    await page.mouse.move(box.x + handle.x + 30, box.y + handle.y - 30, { steps: 5 });
    await page.mouse.up();
    await waitIdle(page);
    assert.match(await w1.evaluate((el) => el.state), /(^|&)a=/, "basis-images did not take the drag");
    await w2.evaluate((el) => el.setAttribute("k", "6"));
    await waitIdle(page);
    assert.match(await w2.evaluate((el) => el.state), /(^|&)k=6/);
    for (const w of [w1, w2]) {
      const stats = inkStats(await w.screenshot());
      assert.ok(stats.ink > 0.02 && stats.colours > 20, `a witness looks blank: ${JSON.stringify(stats)}`);
    }
    // New figures still mount and draw on the same module.
    await page.evaluate(() => {
      const el = document.createElement("mml-figure");
      el.setAttribute("name", "cross-entropy");
      document.getElementById("lab").replaceChildren(el);
      el.scrollIntoView({ block: "end" });  // figures mount only near the viewport
    });
    await attached(page, page.locator("#lab mml-figure"));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// The figure's drawing buffer, read back as a PNG (a fresh frame and its pixels in one task).
const frameStats = (figure) => figure.evaluate((el) => {
  el._snapshotForPrint();
  return el.shadowRoot.querySelector(".snapshot").src;
}).then((src) => inkStats(Buffer.from(src.split(",")[1], "base64")));

for (const [file, id, options] of [["huge.html", "huge", {}], ["wide.html", "wide", { deviceScaleFactor: 8 }], ["huge.html", "huge", { deviceScaleFactor: 8 }]]) {
  test(`absurd sizes: ${file} at device pixel ratio ${options.deviceScaleFactor || 1} keeps the drawing buffer within 4096 px`, { skip: releaseOnly }, async () => {
    const { page, problems, context } = await openPage(env.browser, site.url + file, options);
    try {
      const figure = page.locator(`#${id}`);
      await attached(page, figure);
      await waitIdle(page);
      const size = await figure.evaluate((el) => {
        const canvas = el.shadowRoot.querySelector("canvas"), r = el.shadowRoot.querySelector(".frame").getBoundingClientRect();
        return { width: canvas.width, height: canvas.height, boxWidth: r.width, boxHeight: r.height, dpr: devicePixelRatio };
      });
      console.log(`${file} dpr ${size.dpr}: box ${size.boxWidth}×${size.boxHeight} CSS px, buffer ${size.width}×${size.height}`);
      assert.ok(size.width <= 4096 && size.height <= 4096 && size.width > 500 && size.height > 300, JSON.stringify(size));
      assert.ok(size.boxWidth <= 4096 && size.boxHeight <= 4096, JSON.stringify(size));
      // The buffer keeps the box's proportions (no stretched picture).
      assert.ok(Math.abs(size.width / size.height - size.boxWidth / size.boxHeight) < 0.02, JSON.stringify(size));
      const stats = await frameStats(figure);
      assert.ok(stats.ink > 0.01 && stats.colours > 20, `blank at this size: ${JSON.stringify(stats)}`);
      await articleReadable(page);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test("print shows each figure as it is now: the live one's current frame, the sleeping one's snapshot", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "print.html");
  try {
    const live = page.locator("#live mml-figure"), far = page.locator("#far mml-figure");
    const frame = (figure) => figure.locator(".frame");
    await attached(page, live);
    await waitIdle(page);
    const liveDefault = await frame(live).screenshot();
    await live.evaluate((el) => el.setAttribute("a", "-2,1.5"));
    await waitIdle(page);
    const liveNow = await frame(live).screenshot();

    // The far figure: changed while on screen, then left behind (it sleeps with a snapshot).
    await far.scrollIntoViewIfNeeded();
    await attached(page, far);
    await waitIdle(page);
    const farDefault = await frame(far).screenshot();
    await far.evaluate((el) => el.setAttribute("k", "7"));
    await waitIdle(page);
    const farNow = await frame(far).screenshot();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction((el) => !el.attached && el.hasAttribute("data-detached"), await far.elementHandle(), { timeout: 15000 });
    await waitIdle(page);

    await page.emulateMedia({ media: "print" });
    for (const figure of [live, far]) {
      await page.waitForFunction((el) => {
        const s = el.shadowRoot.querySelector(".snapshot");
        return s.getAttribute("src") && s.complete && getComputedStyle(s).display === "block" &&
               getComputedStyle(el.shadowRoot.querySelector("canvas")).display === "none";
      }, await figure.elementHandle(), { timeout: 15000 });
    }
    const livePrinted = await frame(live).screenshot({ path: artifact("faults-print-live.png") });
    const farPrinted = await frame(far).screenshot({ path: artifact("faults-print-far.png") });
    await page.emulateMedia({ media: "screen" });

    const d = (a, b) => +pixelDifference(a, b).toFixed(4);
    console.log(`print vs now: live ${d(livePrinted, liveNow)}, far ${d(farPrinted, farNow)}; ` +
                `print vs default: live ${d(livePrinted, liveDefault)}, far ${d(farPrinted, farDefault)}`);
    assert.ok(d(liveNow, liveDefault) > 0.01 && d(farNow, farDefault) > 0.01, "the changes did not change the pictures");
    assert.ok(d(livePrinted, liveNow) < 0.01, "the live figure does not print as it is now");
    assert.ok(d(farPrinted, farNow) < 0.01, "the sleeping figure does not print its snapshot");
    assert.ok(d(livePrinted, liveDefault) > 0.01 && d(farPrinted, farDefault) > 0.01, "print shows the default state");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
