// Soak (a benchmark; tests/bench/README.md): 10,000 scripted interactions (MML_SOAK=100000 for a
// long run) across the chapter pages, run with
//   MML_SITE_DIR=build/site node --test tests/bench/soak.mjs
// The suite runs a short smoke of the same mix (tests/browser/soak.test.mjs imports soak() from
// here). The interactions:
// drags on the canvas (synthetic pointer events in the page, and real mouse drags through the
// browser's input pipeline), clicks into the figures' panels (play, step, reset, checkboxes,
// sliders drawn by the figure), the wheel after a click, keys on a focused figure, the native
// controls (sliders, number fields, selects, checkboxes, formulas, new seeds), the toolbar's Reset
// and Controls, scrolling far away and back (figures give their WebGL context back and show a
// snapshot, then attach again) and unmounting/remounting elements (the module destroys and
// recreates the figure). The page budget is shared by figure count.
// It checks that nothing accumulates: the JS heap (after a forced garbage collection, through the
// DevTools protocol) ends within 20% (+4 MB) of where it was after warm-up, the WebAssembly
// memory stops growing after warm-up (its size is sampled after every tenth of the run; it may
// grow in the first half only), no console error or warning appears, and once input stops every
// figure's frame counter stops within a second (no frames over the next two seconds; a figure
// still playing an animation must finish it and then go quiet). Prints a report per page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openBrowser, openPage, settleFigures, siteDir } from "../browser/harness.mjs";

export const CHAPTER_PAGES = ["gradient-descent.html", "entropy-and-cross-entropy.html", "linear-transformations.html"];
const MB = 1024 * 1024;

// A small deterministic generator (mulberry32), so a failing run can be replayed.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Installed in the page: window.__soak.run(n, seed) performs n interactions on the figures,
// several at a time (one actor per figure it picks), with animation frames between the steps of a
// drag so the figure sees the motion. Returns how many of each kind it did.
function installSoak() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const figures = () => [...document.querySelectorAll("mml-figure")];
  const FORMULAS = ["x^2", "x^4 - 3x^2 + x", "sin(3x) + x^2/4", "exp(-x^2)", "5t - t^2", "t^3 - t",
                    "x^", "(((", "", "1/0", "sqrt(-1)", "log(x)", "x*x*x*x*x*x*x*x", "2^x^x"];
  let rand = Math.random;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const canvasOf = (el) => el.shadowRoot.querySelector("canvas");

  function pointer(el, type, fx, fy, extra = {}) {
    const canvas = canvasOf(el);
    const r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new PointerEvent(type, {
      bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: "mouse",
      isPrimary: true, clientX: r.left + fx * r.width, clientY: r.top + fy * r.height,
      button: type === "pointermove" ? -1 : 0, buttons: type === "pointerup" ? 0 : 1, ...extra,
    }));
  }
  function key(el, name, down, shift = false) {
    canvasOf(el).dispatchEvent(new KeyboardEvent(down ? "keydown" : "keyup", {
      key: name, bubbles: true, cancelable: true, composed: true, shiftKey: shift,
    }));
  }
  async function openControls(el) {
    const form = el.shadowRoot.querySelector("form.controls");
    if (form.hidden) el.shadowRoot.querySelector('button[data-action="controls"]').click();
    return form;
  }

  const kinds = {
    async drag(el) {
      let x = rand(), y = rand();
      pointer(el, "pointermove", x, y, { buttons: 0 });
      pointer(el, "pointerdown", x, y);
      await frame();
      for (let i = 0; i < 2; ++i) {
        x += (rand() - 0.5) * 0.2;
        y += (rand() - 0.5) * 0.2;
        pointer(el, "pointermove", x, y);
        await frame();
      }
      pointer(el, "pointerup", x, y);
    },
    // Clicks land in the panel (right part in the wide layout) more often: buttons such as
    // Play, Step and Reset, checkboxes and sliders the figure draws itself.
    async click(el) {
      const x = rand() < 0.7 ? 0.6 + 0.4 * rand() : rand(), y = rand();
      pointer(el, "pointermove", x, y, { buttons: 0 });
      pointer(el, "pointerdown", x, y);
      await frame();
      pointer(el, "pointerup", x, y);
    },
    async wheel(el) {
      const x = rand(), y = rand();
      pointer(el, "pointerdown", x, y);
      pointer(el, "pointerup", x, y);
      const canvas = canvasOf(el);
      const r = canvas.getBoundingClientRect();
      for (let i = 0; i < 3; ++i) {
        canvas.dispatchEvent(new WheelEvent("wheel", {
          bubbles: true, cancelable: true, composed: true, deltaY: (rand() - 0.5) * 400,
          deltaX: rand() < 0.2 ? (rand() - 0.5) * 200 : 0, clientX: r.left + x * r.width, clientY: r.top + y * r.height,
        }));
        if (rand() < 0.3) await frame();
      }
    },
    async keys(el) {
      canvasOf(el).focus({ preventScroll: true });
      const name = pick(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight",
                         "Tab", "Enter", " ", "Backspace", "a", "1", "Home", "End"]);
      const shift = rand() < 0.3;
      key(el, name, true, shift);
      if (rand() < 0.3) await frame();  // held a frame or more: arrow keys repeat
      if (rand() < 0.1) await frame();
      key(el, name, false, shift);
      if (rand() < 0.1) key(el, "Escape", true), key(el, "Escape", false);
    },
    async slider(el) {
      const form = await openControls(el);
      const sliders = [...form.querySelectorAll('input[type="range"]')];
      if (!sliders.length) return kinds.field(el);
      const s = pick(sliders);
      const min = Number(s.min), max = Number(s.max);
      for (let i = 0; i < 3; ++i) {
        s.value = String(min + (max - min) * rand());
        s.dispatchEvent(new Event("input", { bubbles: true }));
        if (rand() < 0.1) await frame();
      }
    },
    async field(el) {
      const form = await openControls(el);
      const inputs = [...form.querySelectorAll('input:not([type="range"]), select, button')];
      if (!inputs.length) return;
      const input = pick(inputs);
      if (input.tagName === "BUTTON") {
        input.click();  // "New seed"
      } else if (input.tagName === "SELECT") {
        input.selectedIndex = Math.floor(rand() * input.options.length);
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } else if (input.type === "checkbox") {
        input.checked = !input.checked;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      } else {
        // Sometimes out of range or empty: the figure shows its message, nothing breaks. (A number
        // field holds only what parses as a number: the browser warns about anything else.)
        if (input.type === "text") input.value = pick(FORMULAS);
        else if (rand() < 0.15) input.value = pick(["1e9", "-1e9", "", "-0", "1e-12"]);
        else {
          const min = input.min === "" ? 0 : Number(input.min), max = input.max === "" ? 1e6 : Number(input.max);
          input.value = String(Math.round((min + (max - min) * rand()) * 1000) / 1000);
        }
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    },
    async toolbar(el) {
      const action = rand() < 0.7 ? "reset" : "controls";
      const button = el.shadowRoot.querySelector(`button[data-action="${action}"]`);
      if (!button.disabled) button.click();
    },
    async leave(el) {
      pointer(el, "pointerleave", 1.2, 0.5, { buttons: 0 });
      canvasOf(el).blur();
    },
  };
  const weights = { drag: 28, click: 18, wheel: 8, keys: 16, slider: 14, field: 10, toolbar: 4, leave: 2 };
  const table = Object.entries(weights).flatMap(([k, w]) => Array(w).fill(k));

  window.__soak = {
    // The WebAssembly memory of the page's module (one for every figure) and per-figure counters.
    memory: () => figures().find((el) => el._module)?._module.HEAPU8.buffer.byteLength ?? 0,
    frames: () => figures().map((el) => el.frameCount),
    // What the module says about each figure: 1 while it still wants frames (an animation).
    // (Only figures holding a context draw; a detached one catches up when it attaches again.)
    wanting: () => figures().map((el) => (el._module && el._id && el.attached ? el._module._mml_needs_frame(el._id) : 0)),
    async run(n, seed) {
      let s = seed >>> 0;
      rand = () => {
        s = (s + 0x6D2B79F5) >>> 0;
        let t = Math.imul(s ^ (s >>> 15), s | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const done = {}, ms = {};
      let remaining = n;
      // Mostly figures holding a context (on or near the screen), sometimes any figure.
      const target = () => {
        const ready = figures().filter((el) => el.dataset.state === "ready");
        const live = ready.filter((el) => el.attached);
        return rand() < 0.8 && live.length ? pick(live) : ready.length ? pick(ready) : null;
      };
      const actor = async () => {
        while (remaining > 0) {
          --remaining;
          const el = target();
          const kind = pick(table);
          const t0 = performance.now();
          if (el) await kinds[kind](el);
          done[kind] = (done[kind] || 0) + 1;
          ms[kind] = (ms[kind] || 0) + performance.now() - t0;
          await new Promise((resolve) => setTimeout(resolve, 0));  // let the page breathe
        }
      };
      // Many at once, so one frame serves many interactions (SwiftShader frames are slow); only
      // drags, clicks and held keys wait for frames, the rest is events and calls.
      await Promise.all(Array.from({ length: 12 }, actor));
      return { done, ms };
    },
  };
}

// A real mouse drag through the browser's input pipeline on a figure in view.
async function realDrag(page, rand) {
  const boxes = await page.evaluate((r) => {
    const live = [...document.querySelectorAll("mml-figure")].filter((el) => el.attached);
    if (!live.length) return [];
    const canvas = live[Math.floor(r * live.length)].shadowRoot.querySelector("canvas");
    canvas.scrollIntoView({ block: "center", behavior: "instant" });
    const b = canvas.getBoundingClientRect();
    return [{ x: b.left, y: Math.max(b.top, 0), w: b.width, h: Math.min(b.bottom, window.innerHeight) - Math.max(b.top, 0) }];
  }, rand());
  if (!boxes.length) return false;
  const b = boxes[Math.floor(rand() * boxes.length)];
  let x = b.x + b.w * (0.1 + 0.8 * rand()), y = b.y + b.h * (0.1 + 0.8 * rand());
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 3; ++i) {
    x += (rand() - 0.5) * b.w * 0.15;
    y += (rand() - 0.5) * b.h * 0.15;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
  return true;
}

// Scrolls to the bottom and top of the page (far from most figures: they detach and show a
// snapshot), then to a random figure (it attaches again).
async function scrollAway(page, rand) {
  await page.evaluate(async (r) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const all = [...document.querySelectorAll("mml-figure")];
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" });
    await frame(); await frame();
    window.scrollTo({ top: 0, behavior: "instant" });
    await frame(); await frame();
    all[Math.floor(r * all.length)].scrollIntoView({ block: "center", behavior: "instant" });
    await frame(); await frame();
  }, rand());
}

// Takes a figure out of the document and puts it back: the module destroys the instance, and
// the element mounts a new one from its attributes.
async function remount(page, rand) {
  await page.evaluate(async (r) => {
    const all = [...document.querySelectorAll("mml-figure")];
    const el = all[Math.floor(r * all.length)];
    const parent = el.parentNode, next = el.nextSibling;
    el.remove();
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    parent.insertBefore(el, next);
  }, rand());
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

const mb = (bytes) => (bytes / MB).toFixed(1) + " MB";

async function soakPage(env, file, budget, seed, every) {
  const { page, problems, context } = await openPage(env.browser, env.server.url + file);
  const cdp = await context.newCDPSession(page);
  try {
    const count = await settleFigures(page, 60000);
    assert.ok(count > 0, `${file}: no figures`);
    await page.evaluate(installSoak);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    const rand = random(seed);
    const memory = () => page.evaluate(() => window.__soak.memory());
    const start = { js: await heap(cdp), wasm: await memory() };
    const kinds = {};
    const add = (k, n = 1) => { kinds[k] = (kinds[k] || 0) + n; };
    const wasmSamples = [];
    let done = 0, warm = null;
    const began = Date.now();
    let nextSample = budget / 10;
    // Every (every + 1)th interaction is one driven from outside the page, in turn: real mouse
    // drags (most), scrolling far away and back, unmounting and remounting a figure.
    const SPECIAL = ["real mouse drag", "real mouse drag", "scroll away and back", "real mouse drag", "unmount/remount"];
    let special = 0, inPage = 0;
    const kindMs = {};
    while (done < budget) {
      const n = Math.min(every, budget - done);
      const t0 = Date.now();
      const got = await page.evaluate(([k, s]) => window.__soak.run(k, s), [n, Math.floor(rand() * 2 ** 32)]);
      inPage += Date.now() - t0;
      for (const [k, v] of Object.entries(got.done)) add(k, v);
      for (const [k, v] of Object.entries(got.ms)) kindMs[k] = (kindMs[k] || 0) + v;
      done += n;
      if (done < budget) {
        const kind = SPECIAL[special++ % SPECIAL.length];
        let did = true;
        const t0 = Date.now();
        if (kind === "scroll away and back") await scrollAway(page, rand);
        else if (kind === "unmount/remount") await remount(page, rand);
        else did = await realDrag(page, rand);  // false when no figure holds a context
        if (did) add(kind), ++done;
        kindMs[kind] = (kindMs[kind] || 0) + Date.now() - t0;
      }
      if (done >= nextSample) {
        nextSample += budget / 10;
        wasmSamples.push(await memory());
        if (!warm) warm = { js: await heap(cdp), wasm: wasmSamples[0] };  // after the first tenth
      }
    }
    const seconds = (Date.now() - began) / 1000;

    // Input has stopped: figures playing an animation may finish it (it has an end); then every
    // frame counter must stand still within a second and stay so for two more.
    const wanting = await page.evaluate(() => window.__soak.wanting());
    const finish = Date.now();
    while (Date.now() - finish < 60000 && (await page.evaluate(() => window.__soak.wanting())).some((w) => w)) {
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(1000);
    const before = await page.evaluate(() => window.__soak.frames());
    await page.waitForTimeout(2000);
    const afterFrames = await page.evaluate(() => window.__soak.frames());
    const end = { js: await heap(cdp), wasm: await memory() };
    const animating = wanting.filter((w) => w).length;
    console.log(`soak ${file}: ${done} interactions on ${count} figures in ${seconds.toFixed(1)} s ` +
                `(${(done / seconds).toFixed(0)}/s); JS heap start ${mb(start.js)}, warm ${mb(warm.js)}, ` +
                `end ${mb(end.js)}; wasm memory start ${mb(start.wasm)}, warm ${mb(warm.wasm)}, end ${mb(end.wasm)} ` +
                `(samples ${wasmSamples.map((b) => (b / MB).toFixed(0)).join(" ")}); ${animating} figure(s) ` +
                `still animating when input stopped, quiet after ${((Date.now() - finish) / 1000).toFixed(1)} s`);
    console.log(`  kinds (count, mean ms; in-page ones overlap, 12 at a time, ${(inPage / 1000).toFixed(1)} s in all): ` +
                Object.entries(kinds).map(([k, v]) => `${k} ${v} ${((kindMs[k] || 0) / v).toFixed(0)}`).join(", "));

    assert.deepEqual(problems, [], `${file}: console problems`);
    assert.deepEqual(afterFrames, before, `${file}: figures still drawing after input stopped`);
    assert.ok(end.js <= warm.js * 1.2 + 4 * MB, `${file}: JS heap grew from ${mb(warm.js)} to ${mb(end.js)}`);
    const half = wasmSamples.slice(Math.floor(wasmSamples.length / 2) - 1);
    assert.ok(half.every((b) => b === half[0]) && end.wasm === half[0],
              `${file}: WebAssembly memory still growing in the second half: ${wasmSamples.map(mb).join(", ")}, end ${mb(end.wasm)}`);
    return { done, seconds };
  } finally {
    await context.close();
  }
}

// `total` interactions over `pages` (env: openBrowser's), one from outside the page after every
// `every` in-page ones; resolves to the number done.
export async function soak(env, { total, pages = CHAPTER_PAGES, every = 60 }) {
  // The budget is shared by the pages' figure counts, as the generator placed them.
  const counts = pages.map((p) => (fs.readFileSync(path.join(siteDir, p), "utf8").match(/<mml-figure\b/g) || []).length);
  const figures = counts.reduce((a, b) => a + b, 0);
  let done = 0, seconds = 0, left = total;
  for (const [i, file] of pages.entries()) {
    const budget = i === pages.length - 1 ? left : Math.round(total * counts[i] / figures);
    left -= budget;
    const r = await soakPage(env, file, budget, 0x5eed + i, every);
    done += r.done;
    seconds += r.seconds;
  }
  console.log(`soak: ${done} interactions in ${seconds.toFixed(1)} s`);
  return done;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const TOTAL = Number(process.env.MML_SOAK || 10000);
  let env;
  before(async () => { env = await openBrowser(); });
  after(async () => { await env?.close(); });
  test(`soak: ${TOTAL} interactions across the chapter pages; memory settles, no console problems, frames stop`, async () => {
    const done = await soak(env, { total: TOTAL, pages: process.env.MML_SOAK_PAGES?.split(",") });
    assert.ok(done >= TOTAL);
  });
}
