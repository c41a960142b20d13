// Bad input never breaks a page (issue 7.3). Every parameter of every figure meets every bad value
// natively (tests/figures/test_bad_input.cpp: refused with a message naming the parameter and its
// valid values, the figure keeps its state and draws; valid values draw). Here, for ONE parameter
// of each type (the first figure in the manifest that has one), the same values
// (tests/bad_values.json) come once as an attribute (<mml-figure p="…">) and once as the page
// address's state for that figure (?<figure key>=p%3D…, the scheme mml-figure.js writes), to
// check what only the page does: JS strings reaching the module (NUL, lone surrogates, right-to-left
// override, full-width digits, emoji, 100 KB of text), the address's decoding, and the message
// shown inside that figure's box naming the parameter and its valid values (the manifest's `valid`
// text); where a value is in fact valid (1e-320 in a range holding 0, any text for a typed
// formula), the figure draws; a typed formula that does not parse is named in the figure itself
// (its live description says "The typed formula has an error"). Meanwhile a witness figure on the
// same page keeps drawing and answering, and nothing reaches the console. Also: unknown figure
// names, unknown parameters, a pair without "=", fixing a refused attribute (the figure comes
// back), a real page load with a bad address, and the counts at their maximum for the figure with
// the most counts (every figure's, natively).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { artifact, inkStats, openBrowser, openPage, siteDir, siteManifest, waitIdle } from "./harness.mjs";
import { page as testPage, servePages } from "./runtime_pages.mjs";
import fs from "node:fs";
import path from "node:path";

const manifest = siteManifest();

const VALUES = JSON.parse(fs.readFileSync(new URL("../bad_values.json", import.meta.url), "utf8"));
const LONG = "7".repeat(100 * 1024);
const JUNK = VALUES.junk;
const NOT_NUMBERS = [...VALUES.notNumbers, LONG, ...JUNK];

// Values for parameter `p` and whether each may be accepted (true: valid, the figure must draw),
// built as test_bad_input.cpp's cases_for builds them.
function casesFor(p) {
  const cases = [];
  const add = (value, valid = false) => cases.push({ value, valid });
  const within = (v) => v >= p.min && v <= p.max;
  switch (p.type) {
    case "float":
    case "int":
    case "seed": {
      for (const v of NOT_NUMBERS) add(v);
      const hi = p.type === "seed" ? 9007199254740992 : p.max + 1;
      const lo = p.type === "seed" ? -1 : p.min - 1;
      add(String(hi));
      add(String(lo));
      add("1e-320", p.type === "float" && within(0) && within(1e-300));
      if (p.type !== "float") add("1.5");
      break;
    }
    case "vec2":
    case "vec3": {
      const n = p.type === "vec2" ? 2 : 3;
      const ok = (x) => Array(n).fill(x).join(",");
      for (const v of NOT_NUMBERS) add(v);
      add(ok("NaN"));
      add(ok("Infinity"));
      add(ok("1e308"));
      add(ok(String(p.max + 1)));
      add(ok(String(p.min - 1)));
      add(Array(n - 1).fill("0").join(","));       // one component short
      add(Array(n + 1).fill("0").join(","));       // one too many
      add(ok("0") + ",");
      add(ok("1e-320"), within(0));
      break;
    }
    case "enum":
      for (const v of [...VALUES.enum, p.options[0].toUpperCase() + "!", ` ${p.options[0]}x`, LONG, ...JUNK]) add(v);
      break;
    case "bool":
      for (const v of [...VALUES.bool, LONG, ...JUNK]) add(v);
      break;
    case "string": {
      // Any text of 1..maxLength characters is a valid value; typed formulas that do not parse
      // are shown inside the figure (checked by `formula`).
      add("");
      add("x".repeat(p.maxLength + 1));
      add(LONG);
      add("\u0000");
      for (const v of [...VALUES.formulas, "t".repeat(p.maxLength)]) cases.push({ value: v, valid: true, formula: true });
      break;
    }
    default:
      throw new Error(`unknown parameter type ${p.type}`);
  }
  return cases;
}

let env, site;
before(async () => {
  env = await openBrowser();
  site = await servePages({
    "lab.html": testPage("Bad input", `<h1>Bad input</h1><p>Witness:</p>
<figure id="witness"><mml-figure name="basis-images"></mml-figure></figure>
<p>Probes appear here:</p><div id="lab"></div>
<style>#lab { display: flex; flex-wrap: wrap; gap: 4px; } #lab mml-figure { width: 56px; } #lab mml-figure.big { width: 100%; } #lab mml-figure.half { width: calc(50% - 2px); }</style><p>The end of the article.</p>`),
  });
});
after(async () => { await site?.close(); await env?.close(); });

// In the page: mounts one <mml-figure name=name> per probe at once ({attrs, url}: its attributes,
// and the page address's state for it, under its own key), waits until each has decided, and
// reports what each box shows. Probes are small so that all of them are near the viewport.
async function probeAll(page, name, probes) {
  return page.evaluate(async ({ name, probes }) => {
    const lab = document.getElementById("lab");
    lab.textContent = "";
    const u = new URL(location.href);
    u.search = probes.map((p, i) => (p.url === null ? "" : `probe-${i}=` + encodeURIComponent(p.url))).filter(Boolean).join("&");
    history.replaceState(null, "", u.href);
    const els = probes.map((p, i) => {
      const el = document.createElement("mml-figure");
      el.id = `probe-${i}`;
      if (name !== null) el.setAttribute("name", name);
      for (const [k, v] of Object.entries(p.attrs)) el.setAttribute(k, v);
      return el;
    });
    lab.append(...els);
    lab.scrollIntoView({ block: "start" });
    const start = performance.now();
    while (els.some((el) => !el.dataset.state || el.dataset.state === "loading")) {
      if (performance.now() - start > 30000) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = els.map((el) => {
      if (!el.dataset.state || el.dataset.state === "loading") return { state: "timeout" };
      const status = el.shadowRoot.querySelector(".status");
      const box = el.getBoundingClientRect(), s = status.getBoundingClientRect();
      return {
        state: el.dataset.state,
        message: status.textContent,
        shown: getComputedStyle(status).display !== "none" && s.width > 20 && s.height > 10 &&
               s.left >= box.left - 1 && s.right <= box.right + 1 && s.top >= box.top - 1 && s.bottom <= box.bottom + 1,
      };
    });
    lab.textContent = "";
    history.replaceState(null, "", location.pathname);
    return results;
  }, { name, probes });
}

// One probe, big enough to look at; with `keep` it stays on the page as #probe.
async function probe(page, name, attrs, url = null, keep = false) {
  return page.evaluate(async ({ name, attrs, url, keep }) => {
    const lab = document.getElementById("lab");
    lab.textContent = "";
    const u = new URL(location.href);
    u.search = url === null ? "" : "?probe=" + encodeURIComponent(url);
    history.replaceState(null, "", u.href);
    const el = document.createElement("mml-figure");
    el.id = "probe";
    el.className = "big";
    if (name !== null) el.setAttribute("name", name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    lab.appendChild(el);
    const start = performance.now();
    while (!el.dataset.state || el.dataset.state === "loading") {
      if (performance.now() - start > 20000) return { state: "timeout" };
      await new Promise((r) => setTimeout(r, 5));
    }
    const status = el.shadowRoot.querySelector(".status");
    const box = el.getBoundingClientRect(), s = status.getBoundingClientRect();
    const result = {
      state: el.dataset.state,
      message: status.textContent,
      shown: getComputedStyle(status).display !== "none" && s.width > 20 && s.height > 10 &&
             s.left >= box.left - 1 && s.right <= box.right + 1 && s.top >= box.top - 1 && s.bottom <= box.bottom + 1,
    };
    if (!keep) el.remove();
    history.replaceState(null, "", location.pathname);
    return result;
  }, { name, attrs, url, keep });
}

// The probe (kept on the page by `probe(..., keep = true)`) draws; returns its live description.
async function probeDraws(page, label) {
  const el = page.locator("#probe");
  await page.waitForFunction(() => document.getElementById("probe")?.attached && document.getElementById("probe").frameCount >= 2,
                             null, { timeout: 30000 });
  const stats = inkStats(await el.screenshot());
  assert.ok(stats.ink > 0.02 && stats.colours > 20, `${label}: blank figure ${JSON.stringify(stats)}`);
  // The live description follows frames after half a second.
  await page.waitForFunction(() => document.getElementById("probe").shadowRoot.querySelector("p.sr").textContent.length > 0,
                             null, { timeout: 10000 });
  return page.evaluate(() => document.getElementById("probe").shadowRoot.querySelector("p.sr").textContent);
}

// Mounts one figure per entry of `group` ({label, attrs}) side by side, two to a row, waits until
// each holds a context and has drawn, checks each is not blank, and returns their live descriptions.
async function drawAll(page, name, group) {
  await page.evaluate(({ name, group }) => {
    const lab = document.getElementById("lab");
    lab.replaceChildren(...group.map(({ attrs }, i) => {
      const el = document.createElement("mml-figure");
      el.id = `drawn-${i}`;
      el.className = "half";
      el.setAttribute("name", name);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    }));
    lab.scrollIntoView({ block: "start" });
  }, { name, group });
  const labels = group.map((g) => g.label).join("; ");
  // Each is accepted (a refusal ends the wait with its message) and draws.
  const refused = await page.waitForFunction((n) => {
    const els = Array.from({ length: n }, (_, i) => document.getElementById(`drawn-${i}`));
    const bad = els.findIndex((el) => el.dataset.state === "error");
    if (bad >= 0) return { index: bad, message: els[bad].shadowRoot.querySelector(".status").textContent };
    return els.every((el) => el.dataset.state === "ready" && el.attached && el.frameCount >= 2 &&
                             el.shadowRoot.querySelector("p.sr").textContent.length > 0) && { index: -1 };
  }, group.length, { timeout: 30000 })
    .then((handle) => handle.jsonValue())
    .catch((e) => { throw new Error(`${labels}: not all drawn: ${e.message}`); });
  assert.equal(refused.index, -1, `${group[refused.index]?.label}: refused a valid value: ${refused.message}`);
  const descriptions = [];
  for (let i = 0; i < group.length; ++i) {
    const el = page.locator(`#drawn-${i}`);
    const stats = inkStats(await el.screenshot());
    assert.ok(stats.ink > 0.02 && stats.colours > 20, `${group[i].label}: blank figure ${JSON.stringify(stats)}`);
    descriptions.push(await el.evaluate((e) => e.shadowRoot.querySelector("p.sr").textContent));
  }
  await page.evaluate(() => document.getElementById("lab").replaceChildren());
  return descriptions;
}

// The witness figure still draws and still answers: an attribute change is applied and drawn.
async function witnessWorks(page, label, turn) {
  const witness = page.locator("#witness mml-figure");
  await witness.scrollIntoViewIfNeeded();
  const value = turn % 2 ? "1.5,0.5" : "0.5,1.5";
  const before = await witness.evaluate((el) => el.frameCount);
  await witness.evaluate((el, v) => el.setAttribute("a", v), value);
  await page.waitForFunction((el) => el.attached && el.frameCount > 0, await witness.elementHandle(), { timeout: 30000 });
  await waitIdle(page);
  const after = await witness.evaluate((el) => ({ state: el.dataset.state, params: el.state, frames: el.frameCount }));
  assert.equal(after.state, "ready", `${label}: the witness figure stopped`);
  assert.match(after.params, new RegExp(`a=${value}`), `${label}: the witness did not take a new value`);
  assert.ok(after.frames > before, `${label}: the witness drew no frame for its change`);
  const stats = inkStats(await witness.screenshot());
  assert.ok(stats.ink > 0.02 && stats.colours > 20, `${label}: the witness looks blank ${JSON.stringify(stats)}`);
}

const show = (v) => JSON.stringify(v.length > 24 ? v.slice(0, 24) + `…(${v.length})` : v);

// One parameter of each type, from the first figure in the manifest that has one; every parameter
// of every figure meets the same values natively (test_bad_input.cpp).
const chosen = new Map();
for (const type of new Set(manifest.figures.flatMap((f) => f.params.map((p) => p.type)))) {
  const figure = manifest.figures.find((f) => f.params.some((p) => p.type === type));
  chosen.set(figure, [...(chosen.get(figure) || []), figure.params.find((p) => p.type === type)]);
}
let turn = 0;
for (const [figure, params] of chosen) {
  test(`${figure.id}: ${params.map((p) => `${p.name} (${p.type})`).join(", ")}, as attribute and as page address, refuse bad values in the figure's box`, async () => {
    const { page, problems, context } = await openPage(env.browser, site.url + "lab.html");
    try {
      let checked = 0;
      const drawn = [];
      for (const p of params) {
        const cases = casesFor(p);
        // Every value as an attribute; through the page address, every value that is not plain
        // junk repeated (the address only adds its own decoding: one of each kind is enough).
        // Typed formulas through the address: the ones whose characters the address must carry
        // (a comma, a lone surrogate, a direction override, an emoji). Valid values as attributes
        // are mounted once, by drawAll below, which also checks that they are accepted.
        const viaAddress = cases.filter((c, i) => (c.formula ? /[,\uD800-\uDFFF\u202E]/.test(c.value) :
            i % 2 === 0 || c.valid || /[\u0000\uD800-\uDFFF]/.test(c.value) || c.value === LONG));
        for (const c of cases) if (c.valid) drawn.push({ label: `${figure.id} ${p.name}=${show(c.value)} (attribute)`, attrs: { [p.name]: c.value }, formula: c.formula, value: c.value });
        const probes = [
          ...cases.filter((c) => !c.valid).map((c) => ({ ...c, channel: "attribute", attrs: { [p.name]: c.value }, url: null })),
          ...viaAddress.map((c) => ({ ...c, channel: "address", attrs: {},
            url: encodeURIComponent(p.name) + "=" + encodeURIComponent(c.value.replace(/[\uD800-\uDFFF]/g, "\uFFFD")) })),
        ];
        const results = await probeAll(page, figure.id, probes.map(({ attrs, url }) => ({ attrs, url })));
        for (let i = 0; i < probes.length; ++i) {
          const { value, valid, channel } = probes[i], r = results[i];
          const label = `${figure.id} ${p.name}=${show(value)} (${channel})`;
          checked++;
          if (valid) {
            assert.equal(r.state, "ready", `${label}: refused a valid value: ${r.message}`);
            continue;
          }
          assert.equal(r.state, "error", `${label}: accepted`);
          assert.ok(r.shown, `${label}: the message is not visible inside the figure's box`);
          assert.ok(r.message.includes(`${p.name}: `), `${label}: the message does not name the parameter: ${r.message}`);
          assert.ok(r.message.includes(p.valid), `${label}: the message does not give the valid values (${p.valid}): ${r.message}`);
          assert.ok(r.message.length < 2000, `${label}: a ${r.message.length}-character message`);
          assert.ok(!r.message.includes("\u0000"), `${label}: a NUL in the message`);
          if (channel === "address") assert.ok(r.message.includes(`?probe-${i}=`), `${label}: the message does not say the address is at fault`);
        }
        assert.deepEqual(problems, [], `after ${figure.id} ${p.name}`);
      }
      // The valid values are accepted and draw, a few figures at a time; a typed formula that does
      // not parse says so.
      checked += drawn.length;
      for (let i = 0; i < drawn.length; i += 4) {
        const group = drawn.slice(i, i + 4);
        const descriptions = await drawAll(page, figure.id, group);
        group.forEach(({ label, formula, value }, j) => {
          if (formula && !VALUES.formulasThatParse.includes(value) && !/^t+$/.test(value)) {
            assert.match(descriptions[j], /typed formula has an error/, `${label}: no message for a formula that does not parse`);
          }
        });
      }
      // A refused attribute, once the page fixes it, gives the figure back.
      const first = params[0];
      const fixed = await page.evaluate(async ({ name, p, good }) => {
        const el = document.createElement("mml-figure");
        el.setAttribute("name", name);
        el.setAttribute(p, "\u0000nonsense");
        document.getElementById("lab").replaceChildren(el);
        const settle = async () => {
          while (!el.dataset.state || el.dataset.state === "loading") await new Promise((r) => setTimeout(r, 5));
          return el.dataset.state;
        };
        const bad = await settle();
        el.setAttribute(p, good);
        return { bad, good: await settle() };
      }, { name: figure.id, p: first.name, good: first.default });
      assert.deepEqual(fixed, { bad: "error", good: "ready" }, `${figure.id}: fixing ${first.name} did not bring the figure back`);
      await witnessWorks(page, figure.id, turn++);
      assert.deepEqual(problems, []);
      console.log(`${figure.id}: ${checked} bad values checked`);
    } finally {
      await context.close();
    }
  });
}

test("unknown figure names, unknown parameters and pairs without a value are named in the box", async () => {
  const { page, problems, context } = await openPage(env.browser, site.url + "lab.html");
  try {
    const known = manifest.figures.map((f) => f.id);
    for (const name of ["no-such-figure", "", "BASIS-IMAGES", "basis-images ", LONG, "\u0000", "\uD800", "💥"]) {
      const r = await probe(page, name, {});
      assert.equal(r.state, "error", `name ${show(name)} accepted`);
      assert.ok(r.shown && r.message.startsWith("unknown figure"), `name ${show(name)}: ${r.message}`);
      assert.ok(known.every((id) => r.message.includes(id)), `name ${show(name)}: the message does not list the figures`);
      assert.ok(r.message.length < 1000, `name ${show(name)}: a ${r.message.length}-character message`);
    }
    const r0 = await probe(page, null, {});
    assert.ok(r0.state === "error" && r0.message.startsWith("unknown figure"), `no name: ${r0.message}`);
    const entropy = manifest.figures.find((f) => f.id === "entropy");
    const names = entropy.params.map((p) => p.name).join(", ");
    for (const [attrs, url] of [[{ zzz: "1" }, null], [{}, "zzz=1"], [{ "data-x": "1", zzz: "" }, null], [{}, "k"], [{}, "k=3&bogus=%00"]]) {
      const r = await probe(page, "entropy", attrs, url);
      const label = JSON.stringify({ attrs, url });
      assert.equal(r.state, "error", `${label} accepted`);
      assert.ok(r.shown, `${label}: message not shown`);
      if (/k$/.test(url || "")) assert.match(r.message, /"k" has no value; write name=value/);
      else assert.ok(r.message.includes(`valid parameters: ${names}`), `${label}: ${r.message}`);
    }
    // Empty pairs in an address are nothing to complain about.
    assert.equal((await probe(page, "entropy", {}, "&&k=3&")).state, "ready");
    await witnessWorks(page, "unknown names", 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a real page load with a bad address: that figure explains, the others draw", async () => {
  // The figures' state keys, from a first load of the page, closed before the real one opens (a
  // navigation in the same page would abort that load's downloads, each a console problem).
  const first = await openPage(env.browser, env.server.url + "gallery.html");
  const keys = await first.page.evaluate(() => [...document.querySelectorAll("mml-figure")].map((el) => ({ key: el.stateKey, name: el.getAttribute("name") })));
  await first.context.close();
  assert.ok(keys.length >= 2, "the gallery has fewer than two figures");
  const target = keys.find((k) => k.name === "entropy") || keys[0];
  const url = `${env.server.url}gallery.html?${encodeURIComponent(target.key)}=${encodeURIComponent("k=NaN&p1=1e308")}`;
  const { page, problems, context } = await openPage(env.browser, url);
  try {
    const figures = page.locator("mml-figure");
    const index = keys.indexOf(target);
    const bad = figures.nth(index);
    await bad.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.dataset.state === "error", await bad.elementHandle(), { timeout: 30000 });
    const message = await bad.evaluate((el) => el.shadowRoot.querySelector(".status").textContent);
    assert.match(message, /page address sets this figure/);
    assert.match(message, /k: "NaN" is not a finite number/);
    assert.match(message, /p1: 1e\+?308 is out of range/);
    await bad.screenshot({ path: artifact("bad-input-address.png") });
    const other = figures.nth(index === 0 ? 1 : 0);
    await other.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.attached, await other.elementHandle(), { timeout: 30000 });
    await waitIdle(page);
    const stats = inkStats(await other.screenshot());
    assert.ok(stats.ink > 0.02 && stats.colours > 20, `the other figure looks blank: ${JSON.stringify(stats)}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("the counts at their maximum (the figure with the most): the figure draws and stays responsive", async () => {
  // Every figure's counts at their maximum draw and go idle natively (test_bad_input.cpp); here the
  // time the page takes for the heaviest.
  const counts = (f) => f.params.filter((p) => p.type === "int");
  const figure = manifest.figures.reduce((a, b) => (counts(b).length > counts(a).length ? b : a));
  assert.ok(counts(figure).length > 0, "no figure has a count parameter");
  const { page, problems, context } = await openPage(env.browser, site.url + "lab.html");
  try {
    const attrs = Object.fromEntries(counts(figure).map((p) => [p.name, String(p.max)]));
    const r = await probe(page, figure.id, attrs, null, true);
    assert.equal(r.state, "ready", `${figure.id} ${JSON.stringify(attrs)}: ${r.message}`);
    const started = Date.now();
    await probeDraws(page, `${figure.id} at maximum counts`);
    const took = Date.now() - started;
    console.log(`${figure.id} ${JSON.stringify(attrs)}: drawn and idle in ${took} ms`);
    await page.evaluate(() => document.getElementById("probe").remove());
    await witnessWorks(page, "maximum counts", 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
