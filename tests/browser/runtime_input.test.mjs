// Input belongs to the page: with figures loaded, a page's text field still takes Backspace and
// Tab, the wheel over a figure scrolls the page unless the reader clicked into the figure or holds
// Ctrl, keys reach a figure only while it has focus, and touches drag handles but scroll the page
// elsewhere. Frames run on demand (none while idle or hidden); prefers-reduced-motion reaches the
// module; everything runs under the site's CSP (script-src 'self' 'wasm-unsafe-eval') and mml.js
// holds no eval.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { artifact, inkStats, openBrowser, openPage, releaseOnly, siteDir, waitIdle } from "./harness.mjs";
import { findOrangeHandle, page as testPage, servePages } from "./runtime_pages.mjs";

const filler = "<p>" + "Text to scroll past. ".repeat(60) + "</p>";
// A host page with a strict style policy and no inline style of its own.
const STRICT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict styles</title>
<meta http-equiv="Content-Security-Policy" content="style-src 'self'"><link rel="icon" href="data:,">
<script src="mml/mml-figure.js"></script></head>
<body><main><h1>Strict styles</h1><mml-figure name="basis-images"></mml-figure></main></body></html>`;

const INPUT_PAGE = testPage("Input", `
<h1>Input</h1>
<p><label>Your name <input id="name" value="abc"></label> <button id="after">After</button></p>
${filler}
<figure id="fig"><mml-figure name="basis-images"></mml-figure></figure>
${filler}${filler}${filler}${filler}`);

let env, site;
before(async () => {
  env = await openBrowser();
  site = await servePages({ "input.html": INPUT_PAGE, "blank.html": testPage("Blank", ""), "strict.html": STRICT_PAGE });
});
after(async () => { await site?.close(); await env?.close(); });

const ready = async (page, figure) =>
  page.waitForFunction((el) => el.dataset.state === "ready" && el.attached, await figure.elementHandle(), { timeout: 30000 });
const scrollY = (page) => page.evaluate(() => window.scrollY);
// The scroll position once smooth scrolling (the site's, the wheel's) has come to rest.
async function restingScrollY(page) {
  for (let last = await scrollY(page); ; ) {
    await page.waitForTimeout(150);
    const now = await scrollY(page);
    if (now === last) return now;
    last = now;
  }
}

test("page inputs keep Backspace and Tab; wheel and keys reach a figure only when meant for it", async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "input.html");
  try {
    const figure = page.locator("mml-figure");
    await figure.scrollIntoViewIfNeeded();
    await ready(page, figure);
    await page.evaluate(() => window.scrollTo(0, 0));
    await waitIdle(page);

    // A text field on the page: Backspace edits it, Tab moves on.
    await page.focus("#name");
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    assert.equal(await page.inputValue("#name"), "ab");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "after");

    // Keys are the page's while the figure is not focused: arrows scroll, the figure stays put.
    await figure.scrollIntoViewIfNeeded();
    await waitIdle(page);
    const canvas = figure.locator("canvas");
    const box = await canvas.boundingBox();
    const initial = await figure.evaluate((el) => el.state);
    const y0 = await scrollY(page);
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((y) => window.scrollY > y, y0);
    assert.equal(await figure.evaluate((el) => el.state), initial, "an unfocused figure took an arrow key");

    // The wheel over the figure scrolls the page.
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.8);
    const y1 = await scrollY(page);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction((y) => window.scrollY > y, y1);

    // Focused (Tab into it): arrow keys nudge A·e₁ and do not scroll the page.
    await figure.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await figure.evaluate((el) => el.shadowRoot.querySelector("canvas").focus());
    const y2 = await restingScrollY(page);  // the site and the wheel scroll smoothly: let them finish
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction((el) => /(^|&)a=/.test(el.state), await figure.elementHandle());
    assert.equal(await scrollY(page), y2, "the page scrolled on a key the figure took");
    // Backspace and Tab are not the figure's (no text field active): Tab leaves for the toolbar.
    await page.keyboard.press("Tab");
    assert.equal(await figure.evaluate((el) => el.shadowRoot.activeElement?.dataset.action), "reset");
    // Esc in the canvas hands focus back to the page.
    await figure.evaluate((el) => el.shadowRoot.querySelector("canvas").focus());
    await page.keyboard.press("Escape");
    assert.equal(await figure.evaluate((el) => el.shadowRoot.activeElement), null);

    // After a click into the figure the wheel is the figure's: the page stays put.
    const inside = await canvas.boundingBox();
    await page.mouse.click(inside.x + inside.width * 0.1, inside.y + inside.height * 0.9);
    const y3 = await scrollY(page);
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(300);
    assert.equal(await scrollY(page), y3, "the page scrolled after the reader clicked into the figure");
    // Leaving the figure (Esc) gives the wheel back; Ctrl+wheel is the figure's without a click.
    await page.keyboard.press("Escape");
    await page.mouse.wheel(0, 120);
    await page.waitForFunction((y) => window.scrollY > y, y3);
    const y4 = await scrollY(page);
    const now = await canvas.boundingBox();
    await page.mouse.move(now.x + now.width * 0.3, now.y + now.height * 0.5);
    await page.keyboard.down("Control");
    await page.mouse.wheel(0, 120);
    await page.keyboard.up("Control");
    await page.waitForTimeout(300);
    assert.equal(await scrollY(page), y4, "Ctrl+wheel over the figure scrolled the page");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("touch: a drag on a handle moves it, a drag elsewhere scrolls the page", async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "input.html",
                                                     { hasTouch: true, viewport: { width: 412, height: 800 } });
  try {
    const figure = page.locator("mml-figure");
    await figure.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await ready(page, figure);
    await waitIdle(page);
    const cdp = await context.newCDPSession(page);
    const touch = async (points) => {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [points[0]] });
      for (const p of points.slice(1)) {
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [p] });
        await page.waitForTimeout(16);
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    const line = (x, y, dx, dy, steps = 8) =>
      Array.from({ length: steps + 1 }, (_, i) => ({ x: x + (dx * i) / steps, y: y + (dy * i) / steps }));

    const canvas = figure.locator("canvas");
    const box = await canvas.boundingBox();
    const handle = findOrangeHandle(await canvas.screenshot());
    assert.ok(handle, "A·e₁'s handle not found");
    const y0 = await scrollY(page);
    await touch(line(box.x + handle.x, box.y + handle.y, 40, -40));
    await waitIdle(page);
    const state = await figure.evaluate((el) => el.state);
    assert.match(state, /(^|&)a=/, "a touch drag on the handle did not move it");
    assert.equal(await scrollY(page), y0, "the page scrolled while a handle was dragged");

    // Elsewhere on the figure (empty plot, away from handles): the page scrolls.
    await touch(line(box.x + box.width * 0.15, box.y + box.height * 0.2, 0, -200, 10));
    await page.waitForFunction((y) => window.scrollY > y + 50, y0, { timeout: 5000 });
    assert.equal(await figure.evaluate((el) => el.state), state, "a scroll gesture changed the figure");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("no frames while idle or while the tab is hidden; frames resume when shown", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "input.html");
  try {
    const figure = page.locator("mml-figure");
    await figure.scrollIntoViewIfNeeded();
    await ready(page, figure);
    const idle = await waitIdle(page);
    await page.waitForTimeout(1000);
    assert.deepEqual(await figure.evaluate((el) => [el.frameCount]), idle, "an idle figure drew frames");

    // Headless Chromium never hides a tab, so the page is told it is hidden the way browsers do
    // it (document.hidden + visibilitychange) while requestAnimationFrame keeps running: the
    // runtime itself must stop drawing, even with a change pending.
    const hidden = await figure.evaluate(async (el) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
      const before = el.frameCount;
      el.setAttribute("a", "2,1");  // a change that would normally draw
      let rafs = 0;
      await new Promise((resolve) => {
        const start = performance.now();
        const loop = () => { rafs++; if (performance.now() - start < 800) requestAnimationFrame(loop); else resolve(); };
        requestAnimationFrame(loop);
      });
      return { drawn: el.frameCount - before, rafs, state: el.state };
    });
    assert.ok(hidden.rafs > 5, "requestAnimationFrame did not run: the check proves nothing");
    assert.equal(hidden.drawn, 0, `${hidden.drawn} frames drawn while hidden`);
    assert.equal(hidden.state, "a=2,1");

    const shown = await figure.evaluate(async (el) => {
      delete document.hidden;
      delete document.visibilityState;
      const before = el.frameCount;
      document.dispatchEvent(new Event("visibilitychange"));
      // Until its first frame (not a fixed half second: a loaded machine may need more).
      for (const start = performance.now(); el.frameCount === before && performance.now() - start < 10000; )
        await new Promise((resolve) => requestAnimationFrame(resolve));
      return el.frameCount - before;
    });
    assert.ok(shown > 0, "no frame after the tab was shown again");
    await waitIdle(page);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("prefers-reduced-motion reaches the module and follows changes; nothing autoplays", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "input.html", { reducedMotion: "reduce" });
  try {
    const figure = page.locator("mml-figure");
    await figure.scrollIntoViewIfNeeded();
    await ready(page, figure);
    assert.equal(await figure.evaluate((el) => el.reducedMotion), true);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.waitForFunction((el) => el.reducedMotion === false, await figure.elementHandle());
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.waitForFunction((el) => el.reducedMotion === true, await figure.elementHandle());
    const idle = await waitIdle(page);
    await page.waitForTimeout(500);
    assert.deepEqual(await figure.evaluate((el) => [el.frameCount]), idle, "something is animating");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// A page that records every Content-Security-Policy violation in window.__violations.
async function openRecordingViolations() {
  const opened = await openPage(env.browser, site.url + "blank.html");
  await opened.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  });
  return opened;
}

test("a host page that allows no inline styles (style-src 'self') still gets styled figures, with no CSP violation", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openRecordingViolations();
  try {
    await page.goto(site.url + "strict.html");
    const figure = page.locator("mml-figure");
    await ready(page, figure);
    await waitIdle(page);
    // The element's own stylesheet applies: a flex toolbar, the figure's frame sized by its aspect ratio.
    const styled = await figure.evaluate((el) => ({
      bar: getComputedStyle(el.shadowRoot.querySelector(".bar")).display,
      frame: el.shadowRoot.querySelector(".frame").getBoundingClientRect().height,
      host: getComputedStyle(el).display,
    }));
    assert.equal(styled.bar, "flex");
    assert.equal(styled.host, "block");
    assert.ok(styled.frame > 200, `the frame is ${styled.frame} px tall`);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    const stats = inkStats(await figure.screenshot({ path: artifact("runtime-strict-style.png") }));
    assert.ok(stats.ink > 0.02 && stats.colours > 20, `the figure looks blank: ${JSON.stringify(stats)}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("runs under script-src 'self' 'wasm-unsafe-eval' with no CSP violation; mml.js holds no eval", { skip: releaseOnly }, async () => {
  const { page, problems, context } = await openRecordingViolations();
  try {
    const response = await page.goto(site.url + "input.html");
    const csp = response.headers()["content-security-policy"] || "";
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp.match(/script-src[^;]*/)[0], /'unsafe-(inline|eval)'/);
    const figure = page.locator("mml-figure");
    await figure.scrollIntoViewIfNeeded();
    await ready(page, figure);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  for (const file of ["mml.js", "mml-figure.js"]) {
    const source = fs.readFileSync(path.join(siteDir, "mml", file), "utf8");
    assert.doesNotMatch(source, /\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/, `${file} evaluates code`);
  }
});
