// Embedding changes nothing on the host page. A third-party blog (tests/browser/third_party/: its
// own aggressive CSS and web fonts, a form, a long article) is served from a second origin
// (http://localhost:<port>, while the site is http://127.0.0.1:<port>) under the Content Security
// Policy the embedding guide documents, and embeds three figures with exactly the guide's snippet
// plus one iframe (embed.html). The same page without the snippets' scripts is the reference:
// computed styles of every host element, the layout of the host content (apart from the figures'
// own boxes), typing in the form (Backspace, Tab, Shift+Tab), also after clicking into a figure
// and leaving it with Esc or Tab, and wheel scrolling over a figure must all be the same.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { iframeSnippet, snippetFor } from "../../web/site/generate.mjs";
import { artifact, hover, inkStats, openBrowser, siteDir, siteManifest, viewportApplied, waitIdle, watchConsole } from "./harness.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(HERE, "third_party");
const KATEX_FONTS = path.resolve(HERE, "../../node_modules/katex/dist/fonts");
const FIGURES = ["basis-images", "gradient-descent-1d", "entropy"];
// Properties whose getComputedStyle value is a used value out of the last layout (CSSOM's resolved
// value): sizes, margins, paddings, insets. Their computed values (computedStyleMap: "auto",
// "2%") are compared as style and the boxes as layout. Chromium once reported an auto margin of a
// correctly placed box as 0px under load, so the used values are not compared as style.
const LAYOUT_RESOLVED = "^(width|height|inline-size|block-size|perspective-origin|transform-origin|top|right|bottom|left)$|^(margin|padding|inset)-";

// The host's server: its own files, the site's address filled in, its own CSP (the one the
// embedding guide asks of a page that loads the figures from another host).
function startHost(site) {
  const siteOrigin = new URL(site).origin;
  const csp = `default-src 'self'; script-src 'self' ${siteOrigin} 'wasm-unsafe-eval'; connect-src 'self' ${siteOrigin}; ` +
    `img-src 'self' ${siteOrigin} data:; style-src 'self' 'unsafe-inline'; font-src 'self'; frame-src ${siteOrigin}`;
  const files = {
    "/host.css": [path.join(FIXTURE, "host.css"), "text/css"],
    "/host.js": [path.join(FIXTURE, "host.js"), "text/javascript"],
    "/fonts/host-serif.woff2": [path.join(KATEX_FONTS, "KaTeX_Main-Regular.woff2"), "font/woff2"],
    "/fonts/host-sans.woff2": [path.join(KATEX_FONTS, "KaTeX_SansSerif-Regular.woff2"), "font/woff2"],
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://host");
    if (url.pathname === "/" || url.pathname === "/index.html") {
      let html = pageSource(site);
      if (url.searchParams.get("figures") === "off") html = html.split(scriptTag(site)).join("");
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp, "Cache-Control": "no-cache" });
      res.end(html);
      return;
    }
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": file[1], "Cache-Control": "no-cache" });
    res.end(fs.readFileSync(file[0]));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://localhost:${server.address().port}/`,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
  })));
}

const pageSource = (site) => fs.readFileSync(path.join(FIXTURE, "index.html"), "utf8").replaceAll("__MML_SITE__", site);
const scriptTag = (site) => `<script src="${site}mml/mml-figure.js"></script>`;

// Every host element (not our scripts, not our figures): document-relative box, attributes and
// computed style; the figures' boxes; the page's style sheets.
function snapshot(page) {
  return page.evaluate((layoutResolved) => {
    const fromLayout = new RegExp(layoutResolved);
    const skip = (el) => el.localName === "script" || el.closest("mml-figure");
    const figures = [...document.querySelectorAll("mml-figure")];
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width, h: r.height };
    };
    const elements = [...document.querySelectorAll("*")].filter((el) => !skip(el)).map((el) => {
      const cs = getComputedStyle(el);
      const style = {};
      const computed = el.computedStyleMap();
      for (const name of cs) style[name] = fromLayout.test(name) ? String(computed.get(name)) : cs.getPropertyValue(name);
      return {
        tag: el.localName + (el.id ? "#" + el.id : ""),
        attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`).join(" "),
        box: box(el),
        inside: figures.map((f) => el.contains(f)),
        style,
      };
    });
    return {
      elements,
      layout: `window ${innerWidth}×${innerHeight}, html ${document.documentElement.clientWidth} px, body ${document.body.getBoundingClientRect().width} px, ` +
              `zoom ${visualViewport?.scale}, media print ${matchMedia("print").matches}, ${document.readyState}`,
      figures: figures.map(box),
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
    };
  }, LAYOUT_RESOLVED);
}

async function openHost(browser, url, { holdRuntime = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems = [];
  watchConsole(page, problems, { location: true });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  let release = () => {};
  if (holdRuntime) {
    // The WebAssembly waits until the test has measured the page with every figure still loading.
    const gate = new Promise((resolve) => { release = resolve; });
    await page.route("**/mml/mml.wasm", async (route) => { await gate; await route.continue(); });
  }
  await page.goto(url, { waitUntil: "load" });
  await viewportApplied(page);
  await page.evaluate(() => document.fonts.ready);
  return { page, problems, context, release };
}

async function mountAll(page) {
  for (const name of FIGURES) {
    const figure = page.locator(`mml-figure[name="${name}"]`);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.dataset.state === "ready", await figure.elementHandle(), { timeout: 60000 });
  }
  const frame = page.frameLocator("iframe");
  await page.locator("iframe").scrollIntoViewIfNeeded();
  await frame.locator('mml-figure[data-state="ready"]').waitFor({ timeout: 60000 });
  await waitIdle(page);
  await toTop(page);
}

async function toTop(page) {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.waitForFunction(() => window.scrollY === 0);
}

// Types into the form with Backspace, Tab and Shift+Tab, recording focus, values and the keys the
// page saw after each step.
async function typeInForm(page) {
  await page.evaluate(() => {
    for (const id of ["name", "email", "comment"]) document.getElementById(id).value = "";
    document.getElementById("count").textContent = "0 characters";
    window.hostKeys = [];
  });
  const steps = [];
  const record = async (label) => steps.push([label, await page.evaluate(() => ({
    active: document.activeElement?.id || document.activeElement?.localName,
    name: document.getElementById("name").value,
    email: document.getElementById("email").value,
    comment: document.getElementById("comment").value,
    count: document.getElementById("count").textContent,
    keys: window.hostKeys.join(" "),
  }))]);
  await page.locator("#name").click();
  await page.keyboard.type("Ada Lovelacy");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("e!");
  await page.keyboard.press("Backspace");
  await record("name typed, Backspace");
  await page.keyboard.press("Tab");
  await record("Tab to email");
  await page.keyboard.type("ada@example.org");
  await page.keyboard.press("Shift+Tab");
  await record("Shift+Tab back to name");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.type("First line");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second linee");
  await page.keyboard.press("Backspace");
  await record("comment typed");
  await page.keyboard.press("Tab");
  await record("Tab to the button");
  return steps;
}

const same = (a, b, tolerance = 0.01) => Math.abs(a - b) <= tolerance;

describe("a third-party page embedding three figures and an iframe", () => {
  let env, host, site, reference, referenceTyping, referenceScroll;

  before(async () => {
    env = await openBrowser();
    site = env.server.url;
    host = await startHost(site);
    // The reference: the same page without our script (the figures stay unknown, empty elements).
    const plain = await openHost(env.browser, host.url + "?figures=off");
    try {
      reference = await snapshot(plain.page);
      referenceTyping = await typeInForm(plain.page);
      referenceScroll = await wheelDelta(plain.page, "#second figcaption");
      assert.deepEqual(plain.problems, [], "the page without figures is clean");
    } finally {
      await plain.context.close();
    }
  });
  after(async () => {
    await host?.close();
    await env?.close();
  });

  test("the page embeds the figures with exactly the embedding guide's snippets", () => {
    const manifest = siteManifest();
    const html = pageSource(site);
    const figure = (id) => manifest.figures.find((f) => f.id === id);
    for (const [id, attrs] of [["basis-images", { a: "1,0.5", b: "-0.3,1" }], ["gradient-descent-1d", {}], ["entropy", {}]]) {
      assert.ok(html.includes(snippetFor(figure(id), attrs, site)), `${id}: the guide's snippet`);
    }
    assert.ok(html.includes(iframeSnippet(figure("composition"), {}, site)), "the guide's iframe snippet");
    assert.notEqual(new URL(host.url).origin, new URL(site).origin);
  });

  test("no layout shift while the figures load, and host styles, attributes and sheets stay as they were", async () => {
    const { page, problems, context, release } = await openHost(env.browser, host.url, { holdRuntime: true });
    try {
      const loading = await snapshot(page);
      assert.ok(await page.evaluate(() => [...document.querySelectorAll("mml-figure")].every((f) => f.dataset.state === "loading")),
        "measured while every figure was still loading");
      release();
      await mountAll(page);
      const live = await snapshot(page);

      // Nothing moved or resized as the figures came alive: host elements and the figures' boxes.
      assert.equal(live.elements.length, loading.elements.length);
      for (const [i, el] of live.elements.entries()) {
        assert.deepEqual(el.box, loading.elements[i].box, `${el.tag} moved when the figures loaded`);
      }
      assert.deepEqual(live.figures, loading.figures, "a figure's box changed when it loaded");

      // Against the page without figures: the same elements, attributes and computed styles.
      assert.deepEqual(live.elements.map((e) => e.tag), reference.elements.map((e) => e.tag), "elements added or removed");
      assert.equal(live.sheets, reference.sheets, "a style sheet was added to the page");
      assert.equal(live.adopted, reference.adopted, "a style sheet was adopted by the page");
      let compared = 0;
      for (const [i, el] of live.elements.entries()) {
        const ref = reference.elements[i];
        assert.equal(el.attrs, ref.attrs, `${el.tag}: attributes changed`);
        const changed = Object.keys(ref.style).filter((k) => el.style[k] !== ref.style[k]);
        assert.deepEqual(changed.map((k) => `${k}: ${ref.style[k]} → ${el.style[k]}`), [],
                         `${el.tag}: computed style changed (reference: ${reference.layout}; loading: ${loading.layout}; live: ${live.layout})`);
        compared += Object.keys(ref.style).length;
      }
      assert.ok(compared > 100 * live.elements.length, `compared ${compared} computed values`);

      // Layout: the same as without figures once each figure's own box is taken out. A host box
      // below a figure is lower by that figure's height; a box holding a figure is taller by it.
      const grow = live.figures.map((f, k) => f.h - reference.figures[k].h);
      assert.ok(grow.every((g) => g > 100), `the figures have boxes: ${grow}`);
      for (const [i, el] of live.elements.entries()) {
        const ref = reference.elements[i];
        const above = live.figures.reduce((sum, f, k) => sum + (!el.inside[k] && f.y + f.h <= el.box.y + 0.5 ? grow[k] : 0), 0);
        const within = el.inside.reduce((sum, yes, k) => sum + (yes ? grow[k] : 0), 0);
        assert.ok(same(el.box.x, ref.box.x) && same(el.box.w, ref.box.w), `${el.tag}: x/width ${ref.box.x}/${ref.box.w} → ${el.box.x}/${el.box.w}`);
        assert.ok(same(el.box.y - above, ref.box.y), `${el.tag}: y ${ref.box.y} + ${above} ≠ ${el.box.y}`);
        assert.ok(same(el.box.h - within, ref.box.h), `${el.tag}: height ${ref.box.h} + ${within} ≠ ${el.box.h}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("the figures render under the host's CSS and answer the pointer; the iframe embed renders", async () => {
    const { page, problems, context } = await openHost(env.browser, host.url);
    try {
      await mountAll(page);
      for (const name of FIGURES) {
        const figure = page.locator(`mml-figure[name="${name}"]`);
        const canvas = figure.locator("canvas");
        await figure.scrollIntoViewIfNeeded();
        await waitIdle(page);
        // The host's `canvas { border: 5px solid red; width: 12px }` does not reach into the figure.
        const look = await canvas.evaluate((c) => ({ border: getComputedStyle(c).borderTopWidth, width: c.getBoundingClientRect().width }));
        assert.equal(look.border, "0px", `${name}: host canvas rule leaked in`);
        assert.ok(look.width > 500, `${name}: canvas ${look.width} px wide`);
        const stats = inkStats(await canvas.screenshot({ path: artifact(`third-party-${name}.png`) }));
        assert.ok(stats.ink > 0.05 && stats.colours > 20, `${name} looks blank: ${JSON.stringify(stats)}`);
        // Pointer input draws frames.
        const frames = await figure.evaluate((el) => el.frameCount);
        const b = await canvas.boundingBox();
        await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.4);
        await page.mouse.move(b.x + b.width * 0.35, b.y + b.height * 0.45, { steps: 4 });
        await page.waitForFunction(([el, n]) => el.frameCount > n, [await figure.elementHandle(), frames]);
      }
      // Dragging A·e₁ of basis-images (at (1, 0.5) here) changes the figure.
      const basis = page.locator('mml-figure[name="basis-images"]');
      await basis.scrollIntoViewIfNeeded();
      const initial = await basis.evaluate((el) => el.state);
      const box = await basis.locator("canvas").boundingBox();
      let moved = "";
      for (let dx = 0.25; dx < 0.6 && !moved; dx += 0.012) {
        for (const dy of [0.42, 0.46, 0.5]) {
          const x = box.x + box.width * dx, y = box.y + box.height * dy;
          await hover(page, x, y);
          await page.mouse.down();
          await page.mouse.move(x + 30, y - 30, { steps: 4 });
          await page.mouse.up();
          const state = await basis.evaluate((el) => el.state);
          if (state !== initial) { moved = state; break; }
        }
      }
      assert.ok(moved, "no drag changed basis-images");
      await page.keyboard.press("Escape");

      // The iframe: its figure is live, fits the frame whole (no scrolling inside) and is drawn.
      const iframe = page.locator("iframe");
      await iframe.scrollIntoViewIfNeeded();
      const frame = page.frameLocator("iframe");
      const inner = frame.locator("mml-figure");
      await inner.waitFor();
      assert.equal(await inner.getAttribute("data-state"), "ready");
      await waitIdle(page);
      const fit = await inner.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const root = document.documentElement;
        return { top: r.top, bottom: r.bottom, height: root.clientHeight, scroll: root.scrollHeight, width: root.clientWidth, w: r.width };
      });
      assert.ok(fit.top >= 0 && fit.bottom <= fit.height + 0.5 && fit.scroll <= fit.height, `iframe figure does not fit: ${JSON.stringify(fit)}`);
      assert.ok(fit.w >= 0.9 * fit.width, `iframe figure uses the frame's width: ${JSON.stringify(fit)}`);
      const stats = inkStats(await inner.locator("canvas").screenshot({ path: artifact("third-party-iframe.png") }));
      assert.ok(stats.ink > 0.05 && stats.colours > 20, `the iframe figure looks blank: ${JSON.stringify(stats)}`);
      await page.screenshot({ path: artifact("third-party-page.png"), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("typing in the form is the same as without figures, also after using a figure and leaving it", async () => {
    const { page, problems, context } = await openHost(env.browser, host.url);
    try {
      await mountAll(page);
      const figure = page.locator('mml-figure[name="basis-images"]');
      const state = await figure.evaluate((el) => el.state);
      assert.deepEqual(await typeInForm(page), referenceTyping, "typing on a fresh page");

      // Click into the figure (an empty stretch of the plot), leave with Esc, type.
      const clickInto = async () => {
        await figure.scrollIntoViewIfNeeded();
        const b = await figure.locator("canvas").boundingBox();
        await page.mouse.click(b.x + b.width * 0.05, b.y + b.height * 0.93);
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "basis-images", "the click focused the figure");
      };
      await clickInto();
      await page.keyboard.press("Escape");
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "Esc handed focus back to the page");
      assert.deepEqual(await typeInForm(page), referenceTyping, "typing after Esc out of a figure");

      // Click into the figure, Tab through its tool bar and out: focus lands on the next field.
      await clickInto();
      let tabs = 0;
      while (await page.evaluate(() => document.activeElement?.localName === "mml-figure") && tabs < 12) {
        await page.keyboard.press("Tab");
        tabs += 1;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.id), "name", `Tab left the figure after ${tabs} presses for the form's first field`);
      assert.deepEqual(await typeInForm(page), referenceTyping, "typing after Tab out of a figure");
      assert.equal(await figure.evaluate((el) => el.state), state, "keys typed in the form changed the figure");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("the wheel over a figure the reader has not clicked scrolls the page", async () => {
    const { page, problems, context } = await openHost(env.browser, host.url);
    try {
      await mountAll(page);
      const figure = page.locator('mml-figure[name="gradient-descent-1d"]');
      const state = await figure.evaluate((el) => el.state);
      const overFigure = await wheelDelta(page, 'mml-figure[name="gradient-descent-1d"]');
      const overText = await wheelDelta(page, "#second figcaption");
      assert.ok(overFigure > 0, `the page did not scroll over the figure (${overFigure} px)`);
      assert.equal(overFigure, overText, "over the figure the page scrolls as over text");
      assert.equal(overText, referenceScroll, "as much as without figures");
      assert.equal(await figure.evaluate((el) => el.state), state, "the wheel zoomed or changed the figure");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

// Scrolls `selector` to the middle of the screen, blurs everything, turns the wheel once over
// it and returns how far the page scrolled once it came to rest.
async function wheelDelta(page, selector) {
  const target = page.locator(selector).first();
  await target.evaluate((el) => {
    document.activeElement?.blur?.();
    el.scrollIntoView({ block: "center", behavior: "instant" });
  });
  const settle = async () => {
    let last = -1;
    for (;;) {
      const y = await page.evaluate(() => window.scrollY);
      if (y === last) return y;
      last = y;
      await page.waitForTimeout(250);
    }
  };
  const start = await settle();
  const b = await target.boundingBox();
  await page.mouse.move(b.x + b.width * 0.4, b.y + Math.min(b.height * 0.4, 40));
  await page.mouse.wheel(0, 240);
  await page.waitForTimeout(300);
  return (await settle()) - start;
}

describe("embed.html, the iframe form, on its own", () => {
  let env;
  before(async () => { env = await openBrowser(); });
  after(async () => { await env?.close(); });

  async function openEmbed(query, viewport, colorScheme = "light") {
    const context = await env.browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    const problems = [];
    watchConsole(page, problems);
    page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    await page.goto(env.server.url + "embed.html" + query, { waitUntil: "load" });
    return { context, page, problems };
  }
  const settled = (page) => page.waitForFunction(() => {
    const f = document.querySelector("mml-figure");
    return f && f.dataset.state !== "loading";
  }, null, { timeout: 60000 });
  const geometry = (page) => page.evaluate(() => {
    const f = document.querySelector("mml-figure").getBoundingClientRect();
    const root = document.documentElement;
    return { left: f.left, top: f.top, right: f.right, bottom: f.bottom, width: root.clientWidth, height: root.clientHeight,
      scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight };
  });

  test("the query chooses figure, parameters and theme; the figure fits the frame whole, centred", async () => {
    for (const [viewport, shape] of [[{ width: 800, height: 560 }, "wide"], [{ width: 900, height: 420 }, "short"], [{ width: 375, height: 420 }, "phone"]]) {
      const { context, page, problems } = await openEmbed("?name=basis-images&a=1,0.5&b=-0.3,1&theme=dark", viewport);
      try {
        await settled(page);
        const figure = page.locator("mml-figure");
        assert.equal(await figure.getAttribute("data-state"), "ready", shape);
        assert.equal(await figure.getAttribute("a"), "1,0.5");
        assert.equal(await figure.getAttribute("b"), "-0.3,1");
        assert.match(await figure.evaluate((el) => el.state), /^a=1,0\.5&b=-0\.3,1$/);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
        assert.equal(await figure.evaluate((el) => el.hasAttribute("data-dark")), true, "the figure is dark");
        assert.equal(await page.title(), "Where the unit vectors land · MML Companion");
        const g = await geometry(page);
        assert.ok(g.scrollWidth <= g.width && g.scrollHeight <= g.height, `${shape}: the frame scrolls: ${JSON.stringify(g)}`);
        assert.ok(g.left >= 0 && g.top >= 0 && g.right <= g.width + 0.5 && g.bottom <= g.height + 0.5, `${shape}: cut off: ${JSON.stringify(g)}`);
        assert.ok(Math.abs(g.left - (g.width - g.right)) <= 1, `${shape}: not centred: ${JSON.stringify(g)}`);
        // As large as fits: it touches the frame's sides or its top and bottom.
        assert.ok(g.right - g.left >= g.width - 1 || g.bottom - g.top >= g.height - 2, `${shape}: smaller than it could be: ${JSON.stringify(g)}`);
        const ink = inkStats(await figure.locator("canvas").screenshot({ path: artifact(`embed-${shape}.png`) }));
        assert.ok(ink.ink > 0.05 && ink.colours > 20, `${shape}: blank ${JSON.stringify(ink)}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  });

  test("without a theme it follows the reader's system, on the figure's own background", async () => {
    for (const scheme of ["light", "dark"]) {
      const { context, page, problems } = await openEmbed("?name=entropy", { width: 700, height: 500 }, scheme);
      try {
        await settled(page);
        assert.equal(await page.locator("mml-figure").evaluate((el) => el.hasAttribute("data-dark")), scheme === "dark");
        const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        assert.equal(bg, scheme === "dark" ? "rgb(22, 24, 29)" : "rgb(255, 255, 255)");
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  });

  test("what cannot be shown is said inside the frame, naming what is valid", async () => {
    const cases = [
      ["?name=nope", /unknown figure "nope"; figures: .*basis-images/],
      ["?name=basis-images&a=9,9", /a: 9 is out of range; expected two numbers in \[-3, 3\]/],
      ["?name=basis-images&zzz=1", /unknown parameter "zzz"; valid parameters: a, b/],
      ["?name=basis-images&theme=blue&style=color:red&a=1,0&a=2,0",
        /cannot be shown:\ntheme: "blue" is not a theme; expected light, dark or auto\n"style" is not a parameter name\na: given twice; give each parameter once/],
      ["", /no figure chosen: add \?name=<figure> to the address; figures: basis-images, /],
    ];
    for (const [query, message] of cases) {
      const { context, page, problems } = await openEmbed(query, { width: 600, height: 400 });
      try {
        const text = await page.waitForFunction(() => {
          const own = document.querySelector(".embed-error");
          if (own) return own.textContent;
          const f = document.querySelector("mml-figure");
          return f?.dataset.state === "error" ? f.shadowRoot.querySelector(".status").textContent : null;
        }, null, { timeout: 60000 }).then((h) => h.jsonValue());
        assert.match(text, message, query);
        const g = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.equal(g[0], g[1], `${query}: the message scrolls sideways`);
        assert.deepEqual(problems, [], query);
      } finally {
        await context.close();
      }
    }
  });

  test("the site's embed snippets carry the script's full address", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.server.url + "embedding.html", { waitUntil: "load" });
    const element = await page.locator("#embed-snippet-basis-images code").textContent();
    const iframe = await page.locator("#iframe-snippet-basis-images code").textContent();
    assert.ok(element.startsWith(`<script src="${env.server.url}mml/mml-figure.js"></script>\n<mml-figure name="basis-images"`), element);
    assert.ok(iframe.startsWith(`<iframe src="${env.server.url}embed.html?name=basis-images`), iframe);
    await context.close();
  });
});
