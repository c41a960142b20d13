// <mml-figure name="basis-images" a="1,0.5" b="-0.3,1"></mml-figure>
//
// The one script a page includes to show our figures: chapter pages, the gallery and third-party
// blogs alike. It defines the custom element, loads the WebAssembly module once for every figure
// on the page (mml.js + mml.wasm next to this file), gives each figure a canvas in its own shadow
// root, and forwards input that belongs to the figure, and only that:
//   - keys only while the figure has focus (Esc hands focus back to the page),
//   - the wheel only after a click into the figure or with Ctrl held,
//   - touches only when they start on a control, so the page still scrolls elsewhere.
// Frames run on demand: an idle figure or a hidden tab draws nothing (`frameCount` counts them).
// Parameters come from attributes ("name=value" per parameter), then from the page URL
// (`?<figure key>=a%3D1%2C0.5`); the C++ side validates them and every rejection is shown in the
// figure's box, naming the valid values.
// The page generator prepends `window.MML_MANIFEST = {...}`, the book's index: each figure's id and
// aspect ratios, every parameter name (the attributes observed), the split runtime's side module
// per figure, and under "host" the numbers this script and the module share, written once in
// web/app/figure_host.hpp: keys, modifiers, pointer events, buttons, cursors. A figure's title and
// parameters are in figures/<id>.json next to this file, fetched when the figure is on the page.
//
// [SECTION] index
//   module        one WebAssembly instance for the page
//   contexts      at most MAX_CONTEXTS live WebGL contexts; far figures keep a snapshot instead
//   page URL      figure state mirrored into the query with history.replaceState
//   markup        shadow DOM, styles and icons
//   element       <mml-figure>: mounting, layout, frames
//   toolbar       reset, copy link, copy embed code, save PNG, download CSV (figures with data)
//   controls      native, labelled controls for every parameter
//   input         pointer, touch, wheel and keys
(function () {
  "use strict";
  if (window.customElements.get("mml-figure")) return;

  const script = document.currentScript;
  const scriptUrl = script && script.src ? script.src : new URL("mml-figure.js", document.baseURI).href;
  const base = new URL(".", scriptUrl).href;
  const manifest = window.MML_MANIFEST || { figures: [], wideLayoutMinWidth: 560 };
  const figureInfo = (id) => manifest.figures.find((f) => f.id === id);
  // A figure's title and parameters (figures/<id>.json), fetched once per figure name.
  const details = new Map();
  function figureDetails(id) {
    let loading = details.get(id);
    if (!loading) {
      const url = base + "figures/" + encodeURIComponent(id) + ".json";
      loading = fetch(url, { credentials: "same-origin" }).then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
        return response.json().catch(() => { throw new Error(url + " is damaged: it is not the figure's description"); });
      }, () => { throw new Error("could not download " + url); });
      loading.catch(() => {});  // awaited by each figure's mount
      details.set(id, loading);
    }
    return loading;
  }
  // Attribute names that are never parameters: one list, core/params.cpp's, from the manifest.
  const RESERVED = new Set(manifest.reservedNames || []);
  const isParamAttribute = (name) => !RESERVED.has(name) && !(manifest.reservedPrefixes || []).some((p) => name.startsWith(p));

  // [SECTION] module ------------------------------------------------------------------------------
  let modulePromise = null;
  const byId = new Map();  // figure instance id → element

  // mml.wasm is fetched and compiled here, next to loading mml.js, rather than by Emscripten's
  // loader: a missing, damaged or refused file then fails once, with a message each figure shows.
  function loadModule() {
    if (modulePromise) return modulePromise;
    modulePromise = (async () => {
      const compiling = compileWasm(base + "mml.wasm");
      compiling.catch(() => {});  // awaited below; not an unhandled rejection if mml.js fails first
      await new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = base + "mml.js";
        tag.async = true;
        tag.onload = resolve;
        tag.onerror = () => reject(new Error("could not download " + tag.src));
        document.head.appendChild(tag);
      });
      if (typeof window.createMmlModule !== "function") throw new Error("mml.js loaded but defines no module");
      const wasm = await compiling;
      return new Promise((resolve, reject) => {
        window.createMmlModule({
          locateFile: (path) => base + path,
          mmlCanvases: {},
          mmlOnCursor: (id, cursor) => byId.get(id)?._setCursor(cursor),
          print: () => {},
          printErr: (text) => console.warn("mml:", text),
          instantiateWasm: (imports, done) => {
            WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm),
              (error) => reject(new Error("mml.wasm does not fit this mml.js (" + error.message + ")")));
            return {};
          },
        }).then(resolve, reject);
      });
    })();
    return modulePromise;
  }

  // The split runtime (web/CMakeLists.txt, mml-split): mml.wasm holds what every figure shares,
  // and each chapter's figures come in a side module of their own, named by the manifest's
  // "modules" (figure id → file). A side module is fetched once, when its first figure mounts,
  // alongside the main module, and linked into it by Emscripten's loader; its constructors
  // register its figures. One that fails fails only its own figures, with the usual message in
  // their boxes. Without "modules" (the one-module runtime) every figure is in mml.wasm.
  const sideModules = new Map();  // file → promise of the module with it linked in
  function loadFigureModule(name) {
    const file = manifest.modules && Object.prototype.hasOwnProperty.call(manifest.modules, name) ? manifest.modules[name] : null;
    if (!file) return loadModule();
    let loading = sideModules.get(file);
    if (!loading) {
      const compiling = compileWasm(base + file);
      compiling.catch(() => {});  // awaited below, after the main module
      loading = loadModule().then(async (module) => {
        const wasm = await compiling;
        try {
          await module.loadWebAssemblyModule(wasm, { loadAsync: true, global: true, nodelete: true });
        } catch (error) {
          throw new Error(file + " does not fit this mml.wasm (" + (error && error.message || error) + ")");
        }
        return module;
      });
      sideModules.set(file, loading);
    }
    return loading;
  }

  async function compileWasm(url) {
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (error) {
      throw new Error("could not download " + url);
    }
    if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
    try {
      const type = response.headers.get("content-type") || "";
      if (WebAssembly.compileStreaming && type.startsWith("application/wasm")) return await WebAssembly.compileStreaming(response);
      return await WebAssembly.compile(await response.arrayBuffer());
    } catch (error) {
      if (/unsafe-eval|Content.Security/i.test(error.message)) {
        throw new Error("this page's Content-Security-Policy does not allow WebAssembly (its script-src needs 'wasm-unsafe-eval')");
      }
      throw new Error(url + " is damaged: it is not a WebAssembly module this browser can compile (" + error.message + ")");
    }
  }

  // [SECTION] contexts ----------------------------------------------------------------------------
  // Browsers keep only so many WebGL contexts per page (8 on Android Chromium) and silently kill
  // the oldest past that. So a figure holds a context only near the viewport: it attaches when it
  // comes within NEAR of the screen, and detaches (C++ state kept, a snapshot shown in its place)
  // when it is more than 1.5 viewports away, or when another figure needs the context and it is
  // the one seen least recently.
  const MAX_CONTEXTS = 8;
  // However wide the page and dense the screen, a figure's box stays within MAX_BOX CSS pixels
  // and its drawing buffer within maxBacking device pixels a side (lowered to what the GPU
  // reports once a context exists), so an absurd size never asks for gigabytes.
  const MAX_BOX = 4096;
  let maxBacking = 4096;
  const attached = new Set();
  const observe = (callback, rootMargin) => new IntersectionObserver((entries) => {
    for (const entry of entries) callback(entry.target, entry.isIntersecting);
  }, { rootMargin });
  const nearObserver = observe((el, yes) => el._onNear(yes), "400px 0px");
  const rangeObserver = observe((el, yes) => el._onRange(yes), "150% 0px");
  const screenObserver = observe((el, yes) => el._onScreen(yes), "0px");

  // Frees a context for `wanting`: the attached figure off screen and seen longest ago goes
  // first; a figure the reader is using (focused) goes last.
  function makeRoom(wanting) {
    const rank = (el) => (el._hasFocus() ? 2 : 0) + (el._onScreenNow ? 1 : 0);
    while (attached.size >= MAX_CONTEXTS) {
      let victim = null;
      for (const el of attached) {
        if (el === wanting) continue;
        if (!victim || rank(el) < rank(victim) || (rank(el) === rank(victim) && el._seen < victim._seen)) victim = el;
      }
      if (!victim) return;
      victim._detach(true);
    }
  }

  // [SECTION] page URL ----------------------------------------------------------------------------
  // A changed figure writes its state into the page's query (replaceState, debounced, so the
  // history gets no entries), which makes the address bar a link to what the reader sees.
  const urlDirty = new Set();
  let urlTimer = 0;
  function scheduleUrl(el) {
    urlDirty.add(el);
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      urlTimer = 0;
      const url = new URL(window.location.href);
      for (const fig of urlDirty) if (fig._id) fig._writeState(url.searchParams);
      urlDirty.clear();
      if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
    }, 400);
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // Older browsers and pages not served over https: a selected, off-screen text area.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.cssText = "position:fixed;top:0;left:0;opacity:0;pointer-events:none";
      const focused = document.activeElement;
      document.body.appendChild(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      focused?.focus?.({ preventScroll: true });
      return ok;
    }
  }

  // encodeURIComponent throws on a lone surrogate, which attribute values may hold: those become U+FFFD.
  const encodeComponent = (text) => encodeURIComponent(String(text).replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
  const escapeAttribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  // [SECTION] page-wide preferences ---------------------------------------------------------------
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const motionQuery = window.matchMedia("(prefers-reduced-motion: reduce)");
  function pageIsDark() {
    const chosen = document.documentElement.dataset.theme;
    return chosen ? chosen === "dark" : darkQuery.matches;
  }
  const live = new Set();
  const themeChanged = () => live.forEach((el) => el._applyPreferences());
  darkQuery.addEventListener("change", themeChanged);
  motionQuery.addEventListener("change", themeChanged);
  new MutationObserver(themeChanged).observe(document.documentElement, {
    attributes: true, attributeFilter: ["data-theme"],
  });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) live.forEach((el) => el._requestFrame());
  });
  // A WebGL canvas does not print reliably: as printing starts, each live figure puts its current
  // frame into its snapshot image, which the print styles show.
  const snapshotForPrint = () => live.forEach((el) => el._snapshotForPrint());
  window.addEventListener("beforeprint", snapshotForPrint);
  window.matchMedia("print").addEventListener("change", (e) => { if (e.matches) snapshotForPrint(); });

  // The host's numbers (web/app/figure_host.hpp, from the manifest): KEYS maps a DOM
  // KeyboardEvent.key to a HostKey, MODIFIERS an event property to its bit, POINTER an event to
  // mml_pointer's kind, BUTTONS a MouseEvent.button to the host's, CURSORS an ImGui cursor to CSS.
  const { keys: KEYS, modifiers: MODIFIERS, pointer: POINTER, buttons: BUTTONS, cursors: CURSORS } =
    manifest.host || { keys: {}, modifiers: {}, pointer: {}, buttons: [], cursors: [] };
  const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

  // [SECTION] markup ------------------------------------------------------------------------------
  const icon = (paths) => `<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${paths}</svg>`;
  const ICONS = {
    reset: icon('<path d="M2.8 8a5.2 5.2 0 1 0 1.6-3.8"/><path d="M4.2 1.6v2.8H7"/>'),
    link: icon('<path d="M6.6 9.4l2.8-2.8"/><path d="M7.3 4.4l1.1-1.1a2.6 2.6 0 0 1 3.7 3.7L11 8.1"/><path d="M8.7 11.6l-1.1 1.1a2.6 2.6 0 0 1-3.7-3.7L5 7.9"/>'),
    embed: icon('<path d="M5.4 4.2L1.8 8l3.6 3.8"/><path d="M10.6 4.2L14.2 8l-3.6 3.8"/>'),
    png: icon('<path d="M8 2v8"/><path d="M4.6 6.9L8 10.3l3.4-3.4"/><path d="M2.5 13.5h11"/>'),
    csv: icon('<rect x="2.5" y="2.5" width="11" height="11" rx="1"/><path d="M2.5 6.2h11M2.5 9.8h11M6.2 2.5v11"/>'),
    controls: icon('<path d="M2 4.5h12M2 11.5h12"/><circle cx="5.5" cy="4.5" r="1.7"/><circle cx="10.5" cy="11.5" r="1.7"/>'),
  };

  const STYLE = `
    :host { display: block; position: relative; width: 100%; contain: content; container-type: inline-size;
            color-scheme: light; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
            --ink: var(--mml-ink, #30343b); --muted: var(--mml-muted, #5b606b);
            --line: var(--mml-line, #d9d6ce); --hover: var(--mml-hover, #eceae4);
            --accent: var(--mml-accent, #1d5cb8); --field: var(--mml-field, #fff);
            --error: #9b2c00; --error-bg: #fff4ec; }
    :host([data-dark]) { color-scheme: dark; --ink: var(--mml-ink-dark, #e2e2de); --muted: var(--mml-muted-dark, #a9aeb8);
            --line: var(--mml-line-dark, #3a3f49); --hover: var(--mml-hover-dark, #252930);
            --accent: var(--mml-accent-dark, #8ab4ff); --field: var(--mml-field-dark, #1b1e23);
            --error: #ffb68a; --error-bg: #2a1d16; }
    :host([hidden]) { display: none; }
    /* One card: the figure, its toolbar and its controls on the figure's own background, so they
       read well on any page, whatever its colours. */
    .card { border-radius: 6px; overflow: hidden; background: var(--mml-figure-bg, #fff); }
    :host([data-dark]) .card { background: var(--mml-figure-bg-dark, #16181d); }
    .frame { position: relative; width: 100%; aspect-ratio: 1.6; overflow: hidden;
             max-width: ${MAX_BOX}px; max-height: ${MAX_BOX}px; margin: 0 auto; }
    canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-x pan-y pinch-zoom; }
    canvas:focus-visible { box-shadow: inset 0 0 0 3px #0072B2; }
    :host([data-dark]) canvas:focus-visible { box-shadow: inset 0 0 0 3px #56B4E9; }
    .poster, .snapshot { position: absolute; inset: 0; width: 100%; height: 100%; display: block; pointer-events: none; }
    /* The poster stays until the live canvas has drawn (data-drawn); an undrawn canvas is clear,
       not hidden, so it keeps its place in the Tab order. */
    .poster:not([src]), :host([data-state="ready"][data-drawn]) .poster { display: none; }
    :host(:not([data-drawn])) canvas { opacity: 0; }
    .snapshot { display: none; }
    :host([data-detached][data-state="ready"]) .snapshot[src] { display: block; }
    :host(:not([data-state="ready"])) canvas { visibility: hidden; }
    .status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
              padding: 1em; text-align: center; color: var(--muted); overflow: auto; overflow-wrap: anywhere; }
    :host([data-state="ready"]) .status { display: none; }
    :host([data-state="loading"]) .poster[src] ~ .status { display: none; }
    :host([data-state="error"]) .status { align-items: flex-start; justify-content: flex-start;
              text-align: left; white-space: pre-line; color: var(--error); background: var(--error-bg); }
    /* The browser or the download failed, not the page: the poster stays, the reason under it. */
    :host([data-state="error"][data-fallback]) .poster[src] ~ .status { inset: auto 0 0 0; max-height: 60%;
              padding: .5em 1em; border-top: 1px solid var(--error); font-size: 13px; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          clip-path: inset(50%); white-space: nowrap; }

    .bar { display: flex; align-items: center; gap: 2px; min-height: 34px; padding: 2px 6px 4px;
           font-size: 13px; color: var(--muted); }
    :host([data-state="error"]) .bar { visibility: hidden; }
    button { font: inherit; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px;
             display: inline-flex; align-items: center; gap: 5px; min-height: 28px; padding: 3px 8px;
             cursor: pointer; white-space: nowrap; }
    button[hidden] { display: none; }
    button:hover:not(:disabled) { background: var(--hover); color: var(--ink); }
    button:disabled { opacity: .45; cursor: default; }
    button:focus-visible, input:focus-visible, select:focus-visible {
             outline: 2px solid var(--accent); outline-offset: 1px; }
    button[aria-expanded="true"] { color: var(--ink); background: var(--hover); }
    svg { width: 16px; height: 16px; flex: none; fill: none; stroke: currentColor; stroke-width: 1.5;
          stroke-linecap: round; stroke-linejoin: round; }
    .bar circle { fill: var(--mml-figure-bg, #fff); }
    :host([data-dark]) .bar circle { fill: var(--mml-figure-bg-dark, #16181d); }
    button:hover circle, button[aria-expanded="true"] circle { fill: var(--hover); }
    .note { margin: 0 6px; color: var(--accent); font-weight: 600; }
    .end { margin-left: auto; }
    @container (max-width: 520px) {
      .bar .label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      .bar .end .label { position: static; width: auto; height: auto; clip-path: none; }
      button { padding: 3px 7px; }
    }

    .controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(14.5rem, 1fr)); gap: 10px 22px;
                margin: 0; padding: 12px 14px 14px; border-top: 1px solid var(--line);
                font-size: 13px; color: var(--ink); }
    .controls[hidden] { display: none; }
    .param { display: grid; gap: 4px; min-width: 0; margin: 0; padding: 0; border: 0; }
    .param > .name, .param > legend { padding: 0; display: flex; gap: 6px; align-items: baseline; min-width: 0; }
    .pname { font: 600 12.5px/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--ink); }
    .pdoc { color: var(--muted); min-width: 0; }
    .row { display: flex; gap: 8px; align-items: center; min-width: 0; }
    .row label { display: flex; gap: 4px; align-items: center; color: var(--muted); flex: 1; min-width: 0; }
    input, select { font: inherit; color: var(--ink); background: var(--field); border: 1px solid var(--line);
                    border-radius: 5px; padding: 3px 6px; min-height: 26px; box-sizing: border-box; min-width: 0; }
    input[type="number"] { width: 6.5em; font-variant-numeric: tabular-nums; }
    .row label input[type="number"] { width: 100%; }
    input[type="range"] { flex: 1; padding: 0; border: 0; background: none; accent-color: var(--accent); min-width: 4em; }
    input[type="checkbox"] { accent-color: var(--accent); width: 16px; height: 16px; min-height: 0; margin: 0; }
    select { flex: 1; }
    input[type="text"] { flex: 1; }
    input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--error); }
    .row button { border-color: var(--line); padding: 2px 8px; min-height: 26px; }
    .error { color: var(--error); font-size: 12px; white-space: pre-line; }
    .error:empty { display: none; }
    /* Print shows the figure as it is: its snapshot (taken when printing starts, or its last frame
       while it sleeps off screen) over the poster, or what went wrong. */
    @media print {
      canvas, .bar, .controls { display: none !important; }
      .poster[src] { display: block !important; }
      :host([data-state="ready"]) .snapshot[src] { display: block !important; }
      :host(:not([data-state="error"])) .status { display: none !important; }
    }
  `;
  let sheetMade = false, sheetShared = null;
  function sharedSheet() {
    if (!sheetMade) {
      sheetMade = true;
      try {
        if ("adoptedStyleSheets" in Document.prototype && typeof CSSStyleSheet.prototype.replaceSync === "function") {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(STYLE);
          sheetShared = sheet;
        }
      } catch (_) {
        sheetShared = null;
      }
    }
    return sheetShared;
  }

  function button(action, label, extra = "") {
    return `<button type="button" data-action="${action}" ${extra}>${ICONS[action]}<span class="label">${label}</span></button>`;
  }

  // [SECTION] element -----------------------------------------------------------------------------
  class MmlFigure extends HTMLElement {
    static get observedAttributes() {
      return (manifest.paramNames || []).filter(isParamAttribute);
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      // One constructed stylesheet shared by every figure: a host page whose CSP allows no inline
      // styles (style-src without 'unsafe-inline') still styles the figures. A <style> element is
      // the fallback for browsers without constructable stylesheets.
      const sheet = sharedSheet();
      if (sheet) root.adoptedStyleSheets = [sheet];
      root.innerHTML = `${sheet ? "" : `<style>${STYLE}</style>`}<div class="card">
        <div class="frame"><img class="poster" alt="" decoding="async" loading="lazy"><img class="snapshot" alt="">
          <div class="status" part="status">Loading figure…</div></div>
        <div class="bar" role="group" aria-label="Figure tools">
          ${button("reset", "Reset", 'title="Back to the settings the page started with"')}
          ${button("link", "Copy link", 'title="Copy a link to the page showing this figure as it is now"')}
          ${button("embed", "Embed", 'title="Copy HTML that embeds this figure, as it is now, in another page"')}
          ${button("png", "Save PNG", 'title="Download the picture as a PNG file"')}
          ${button("csv", "Download CSV", 'title="Download the data the figure shows as a CSV file (spreadsheets)" hidden')}
          <span class="note" role="status" aria-live="polite"></span>
          <span class="end">${button("controls", "Controls", 'aria-expanded="false" aria-controls="controls"')}</span>
        </div>
        <form class="controls" id="controls" hidden></form></div>
        <p class="sr" aria-live="polite"></p>`;
      this._frame = root.querySelector(".frame");
      this._status = root.querySelector(".status");
      this._poster = root.querySelector(".poster");
      this._poster.addEventListener("error", () => this._poster.removeAttribute("src"));
      this._snapshot = root.querySelector(".snapshot");
      this._bar = root.querySelector(".bar");
      this._note = root.querySelector(".note");
      this._form = root.querySelector(".controls");
      this._live = root.querySelector("p.sr");
      this._canvas = this._newCanvas();
      this._frame.insertBefore(this._canvas, this._snapshot);
      this._id = 0;
      this._module = null;
      this._frames = 0;
      this._scheduled = false;
      this._engaged = false;   // the reader clicked into the figure: the wheel is ours
      this._gl = false;        // a WebGL context is attached
      this._lost = false;      // the browser took the context away; waiting for it to come back
      this._veiled = false;    // the snapshot covers the canvas until the next frame
      this._near = false;
      this._inRange = false;
      this._onScreenNow = false;
      this._seen = 0;          // when the figure was last on screen (performance.now())
      this._losses = 0;
      this._broken = false;      // the figure failed inside the module and was dropped
      this._inputError = false;  // the page asked for parameters the figure refused
      this._rev = -1;
      this._size = { w: 0, h: 0, dpr: 1 };
      this._describeTimer = 0;
      this._noteTimer = 0;
      this._inputs = new Map();  // param name → its control's refresh(value) and error element
      this._bindToolbar();
      this._setBarEnabled(false);
    }

    /** Frames drawn so far (tests use it to check that idle figures draw nothing). */
    get frameCount() { return this._frames; }
    /** True while the figure has a frame scheduled: input or an animation still asks for frames. */
    get drawing() { return this._scheduled; }
    /** True while a frame is scheduled or the live description is still to be written: not idle yet. */
    get busy() { return this._scheduled || this._describeTimer !== 0; }
    /** The figure's parameters that differ from their defaults, as "a=1,0.5&b=…". */
    get state() { return this._module && this._id ? this._call("mml_state", this._id) : ""; }
    /** True while the figure holds a WebGL context. */
    get attached() { return this._gl; }
    /** Contexts the browser took from this figure (not the ones it gave back itself). */
    get contextLosses() { return this._losses; }
    /** What the module was told about prefers-reduced-motion (true/false), null before mounting. */
    get reducedMotion() {
      return this._id ? this._callInt("mml_reduced_motion", this._id) === 1 : null;
    }
    /** Test hook: with the debug runtime (mml-debug), the figure traps in its next frame; false
        with a runtime that has no such hook. */
    _debugFail() {
      if (!this._id || typeof this._module._mml_debug_fail !== "function") return false;
      this._callInt("mml_debug_fail", this._id);
      this._requestFrame();
      return true;
    }
    /** The key of this figure's state in page URLs. */
    get stateKey() {
      const figure = this.closest("figure[id]");
      if (figure) return figure.id;
      if (this.id) return this.id;
      const name = this.getAttribute("name") || "figure";
      const same = [...document.querySelectorAll("mml-figure")].filter((el) => el.getAttribute("name") === name);
      return `${name}-${same.indexOf(this) + 1}`;
    }

    connectedCallback() {
      live.add(this);
      const name = this.getAttribute("name");
      this._setTitle(this._details?.id === name ? this._details.title : "Interactive figure");
      if (figureInfo(name)) {
        figureDetails(name).then((d) => { if (this.getAttribute("name") === name) this._setTitle(d.title); }, () => {});
      }
      if (!this.hasAttribute("data-state")) this.setAttribute("data-state", "loading");
      // The page may give the host an aspect ratio to hold the place before this script runs;
      // from here on the frame has it, and the toolbar sits below.
      if (this.style.aspectRatio) this.style.removeProperty("aspect-ratio");
      this._applyPreferences();
      this._resizeObserver = new ResizeObserver(() => this._layout());
      this._resizeObserver.observe(this);
      this._layout();
      nearObserver.observe(this);
      rangeObserver.observe(this);
      screenObserver.observe(this);
    }

    _setTitle(title) {
      this._title = title;
      if (this.getAttribute("data-state") !== "error") this._canvas.setAttribute("aria-label", title);
      this._form.setAttribute("aria-label", "Parameters of " + title);
    }

    disconnectedCallback() {
      live.delete(this);
      urlDirty.delete(this);
      this._resizeObserver?.disconnect();
      nearObserver.unobserve(this);
      rangeObserver.unobserve(this);
      screenObserver.unobserve(this);
      this._release();
      // Moved elsewhere in the document: it mounts again, from its attributes, when it is near.
      this._mounting = false;
      this._broken = false;
      this._setBarEnabled(false);
      if (this.getAttribute("data-state") === "ready") this.setAttribute("data-state", "loading");
    }

    attributeChangedCallback(name, old, value) {
      if (old === value) return;
      // Refused parameters are shown until the page changes them: then the figure starts over.
      if (this._inputError && this.isConnected) return this._remount();
      if (!this._id || value === null || this.getAttribute("data-state") !== "ready") return;
      this._attrNames.add(name);
      const bad = this._callInt("mml_configure", this._id, encodeComponent(name) + "=" + encodeComponent(value));
      if (this._broken) return;
      if (bad > 0) return this._failInput(this._call("mml_last_error"));
      this._attrLink = this._linkState();
      this._checkRevision();
      this._requestFrame();
    }

    // --- visibility and contexts --------------------------------------------------------------
    _onNear(near) {
      this._near = near;
      if (!near) return;
      if (!this._id) this._mount();
      else this._attach();
    }

    _onRange(inRange) {
      this._inRange = inRange;
      if (!inRange) this._detach(true);
    }

    _onScreen(onScreen) {
      this._onScreenNow = onScreen;
      this._seen = performance.now();
      if (onScreen && this._id && !this._gl) this._attach();
    }

    _hasFocus() { return this.shadowRoot.activeElement === this._canvas; }

    // A fresh canvas: a canvas keeps its WebGL context for life, so a figure that gave its context
    // back gets a new canvas for the next one.
    _newCanvas() {
      const canvas = document.createElement("canvas");
      canvas.tabIndex = 0;
      canvas.setAttribute("role", "img");
      if (this._canvas) {
        for (const name of ["aria-label", "aria-description", "style"]) {
          const value = this._canvas.getAttribute(name);
          if (value !== null) canvas.setAttribute(name, value);
        }
        canvas.width = this._canvas.width;
        canvas.height = this._canvas.height;
      }
      this._bindInput(canvas);
      canvas.addEventListener("webglcontextlost", (e) => {
        if (canvas !== this._canvas || !this._gl) return;  // a canvas we retired ourselves
        e.preventDefault();  // tells the browser we want it back
        this._losses++;
        this._lost = true;
        this._gl = false;
        attached.delete(this);
        this._callInt("mml_detach", this._id, 1);
      });
      canvas.addEventListener("webglcontextrestored", () => {
        if (canvas !== this._canvas) return;
        this._lost = false;
        if (this._inRange || this._onScreenNow) this._attach();
      });
      return canvas;
    }

    _attach() {
      if (!this._id || this._gl || this.getAttribute("data-state") !== "ready") return true;
      if (this._lost) {
        // Still lost (the browser may never give it back): start over on a new canvas.
        this._replaceCanvas();
        this._lost = false;
      }
      makeRoom(this);
      if (!this._callInt("mml_attach", this._id)) {
        if (!this._broken) {
          this._fail(`This browser cannot draw the live figure (${this._call("mml_last_error")}).`, true);
          if (this._poster.getAttribute("src")) this._status.textContent += " The picture shows the figure as it starts.";
        }
        return false;
      }
      this._gl = true;
      attached.add(this);
      const gl = this._canvas.getContext("webgl2");
      const limit = gl ? Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), ...gl.getParameter(gl.MAX_VIEWPORT_DIMS)) : 0;
      if (limit > 0 && limit < maxBacking) {
        maxBacking = limit;
        live.forEach((el) => el._layout());
      }
      this._requestFrame();
      return true;
    }

    // Gives the context back. With `keepPicture`, the last frame stays on screen as an image: a
    // fresh frame and its pixels are taken in the same task (the drawing buffer is only valid
    // until the browser composites), so the box never goes blank.
    _detach(keepPicture) {
      if (!this._gl) return;
      if (keepPicture) {
        this._drawNow();
        if (this._broken) return;
        try {
          this._snapshot.src = this._canvas.toDataURL("image/png");
          this._veiled = true;
          this.setAttribute("data-detached", "");
        } catch (error) {
          this._snapshot.removeAttribute("src");
        }
      }
      this._callInt("mml_detach", this._id, 0);
      this._gl = false;
      attached.delete(this);
      this._replaceCanvas();
    }

    _replaceCanvas() {
      this.removeAttribute("data-drawn");
      const old = this._canvas;
      this._canvas = this._newCanvas();
      if (this._id) this._module.mmlCanvases[this._id] = this._canvas;
      old.replaceWith(this._canvas);
      // Let the browser free the old context now rather than at garbage collection.
      try {
        const gl = old.getContext("webgl2");
        if (gl && !gl.isContextLost()) gl.getExtension("WEBGL_lose_context")?.loseContext();
      } catch (error) { /* nothing to free */ }
    }

    // Height follows width: the figure's wide aspect, or its narrow one below the panel breakpoint.
    _layout() {
      const info = figureInfo(this.getAttribute("name"));
      const width = this.clientWidth;
      if (info && width > 0) {
        const aspect = width >= manifest.wideLayoutMinWidth ? info.aspect : info.narrowAspect || info.aspect;
        const ratio = String(aspect);
        if (this._frame.style.aspectRatio !== ratio) this._frame.style.aspectRatio = ratio;
      }
      this._choosePoster();
      const rect = this._frame.getBoundingClientRect();
      if (!(rect.width >= 1 && rect.height >= 1)) return;
      const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 3, maxBacking / rect.width, maxBacking / rect.height);
      if (rect.width === this._size.w && rect.height === this._size.h && dpr === this._size.dpr) return;
      this._size = { w: rect.width, h: rect.height, dpr };
      this._canvas.width = Math.min(Math.round(rect.width * dpr), maxBacking);
      this._canvas.height = Math.min(Math.round(rect.height * dpr), maxBacking);
      if (this._id) {
        this._callInt("mml_resize", this._id, rect.width, rect.height, dpr);
        this._requestFrame();
      }
    }

    async _mount() {
      if (this._mounting) return;
      this._mounting = true;
      const name = this.getAttribute("name") || "";
      this._inputError = false;
      // A name the book does not have: said at once, with nothing downloaded (the split runtime
      // could not tell it from a figure whose side module is not loaded yet). The words are those
      // of mml_create (web/app/wasm_main.cpp), which the one-module runtime would answer.
      if (!figureInfo(name)) {
        const chars = [...name];
        return this._failInput(`unknown figure "${chars.slice(0, 40).join("")}${chars.length > 40 ? "…" : ""}"; figures: ` +
                               manifest.figures.map((f) => f.id).join(", "));
      }
      let module;
      try {
        [module, this._details] = await Promise.all([loadFigureModule(name), figureDetails(name)]);
      } catch (error) {
        this._fail("The figure could not load: " + error.message + ". The text of the page is not affected.", true);
        return;
      }
      if (!this.isConnected || this._id) return;
      this._setTitle(this._details.title);
      this._module = module;
      const id = this._callInt("mml_create", name);
      if (this._broken) return;
      if (!id) return this._failInput(this._call("mml_last_error"));
      this._id = id;
      byId.set(id, this);
      module.mmlCanvases[id] = this._canvas;
      const query = this._query();
      this._attrNames = new Set(query ? query.split("&").map((pair) => decodeURIComponent(pair.split("=")[0])) : []);
      const bad = this._callInt("mml_configure", id, query);
      if (this._broken) return;
      if (bad > 0) return this._failInput(this._call("mml_last_error"));
      this._attrLink = this._linkState();
      // State from the page URL comes after the attributes (a shared link wins).
      const key = this.stateKey;
      const fromUrl = new URLSearchParams(window.location.search).get(key);
      if (fromUrl) {
        const badUrl = this._callInt("mml_configure", id, fromUrl);
        if (this._broken) return;
        if (badUrl > 0) {
          return this._failInput(`The page address sets this figure (?${key}=…) to something it cannot show:\n` +
                                 this._call("mml_last_error"));
        }
      }
      this._rev = this._callInt("mml_revision", id);
      if (this._broken) return;
      this.removeAttribute("data-drawn");
      this.setAttribute("data-state", "ready");
      this._buildControls();
      this._bar.querySelector('[data-action="csv"]').hidden = !this._call("mml_csv", id);
      this._setBarEnabled(true);
      this._applyPreferences();
      this._size = { w: 0, h: 0, dpr: 1 };
      this._layout();
      if (this._inRange || this._onScreenNow) this._attach();
    }

    // Shows `message` in the figure's box instead of the figure. With `fallback` (the browser or
    // the download is at fault, not the page), the poster stays visible above the message.
    _fail(message, fallback = false) {
      this.setAttribute("data-state", "error");
      this.toggleAttribute("data-fallback", fallback);
      this._status.textContent = message;
      this._canvas.setAttribute("aria-label", "Figure error: " + message);
      this._setBarEnabled(false);
      this._release();
      this._choosePoster();
    }

    // The page's attributes or address ask for something the figure cannot show.
    _failInput(message) {
      this._inputError = true;
      this._fail(message);
    }

    _remount() {
      this._release();
      this._inputError = false;
      this._mounting = false;
      this.removeAttribute("data-fallback");
      this.setAttribute("data-state", "loading");
      this._status.textContent = "Loading figure…";
      this._canvas.setAttribute("aria-label", this._title);
      this._mount();
    }

    // Drops the C++ instance and its context (a figure that cannot be shown holds no memory).
    _release() {
      if (!this._id) return;
      this._detach(false);
      this._callInt("mml_destroy", this._id);
      byId.delete(this._id);
      delete this._module.mmlCanvases[this._id];
      this._id = 0;
    }

    _query() {
      const pairs = [];
      for (const attr of this.attributes) {
        if (!isParamAttribute(attr.name)) continue;
        pairs.push(encodeComponent(attr.name) + "=" + encodeComponent(attr.value));
      }
      return pairs.join("&");
    }

    // The build-time picture of this figure (web/site/posters.mjs): the page's data-poster stem,
    // or for embeds without one, the figure's default poster next to this script when it has no
    // parameters of its own. Shown until the figure is live, in print, and if it cannot run.
    _choosePoster() {
      // Before layout (width 0) the variant is unknown; once live, the poster is hidden anyway.
      if (this.clientWidth === 0 || this.getAttribute("data-state") === "ready") return;
      const name = this.getAttribute("name") || "";
      let stem = this.getAttribute("data-poster");
      if (!stem && figureInfo(name) && !this._query()) stem = base + "posters/" + name;
      if (!stem) return;
      const wide = this.clientWidth >= manifest.wideLayoutMinWidth;
      const src = `${stem}-${pageIsDark() ? "dark" : "light"}-${wide ? "wide" : "narrow"}.png`;
      if (this._poster.getAttribute("src") !== src) this._poster.setAttribute("src", src);
    }

    _applyPreferences() {
      const dark = pageIsDark();
      this.toggleAttribute("data-dark", dark);
      this._choosePoster();
      if (!this._id) return;
      this._callInt("mml_set_theme", this._id, dark ? 1 : 0);
      this._callInt("mml_set_reduced_motion", this._id, motionQuery.matches ? 1 : 0);
      this._requestFrame();
    }

    _requestFrame() {
      if (this._scheduled || !this._id) return;
      this._scheduled = true;
      requestAnimationFrame((now) => this._tick(now));
    }

    _tick(now) {
      this._scheduled = false;
      // Hidden tabs and figures without a context draw nothing; they catch up when shown. A figure
      // that gave its context to another while still on screen takes one back when it changes
      // (an attribute, the theme, its size), or its snapshot would show a stale picture.
      if (!this._id || document.hidden) return;
      if (!this._gl && this._onScreenNow && !this._lost) this._attach();
      if (!this._gl) return;
      const more = this._drawNow(now);
      if (this._broken) return;
      if (!this.hasAttribute("data-drawn")) this.setAttribute("data-drawn", "");
      if (this._veiled) {
        this._veiled = false;
        this.removeAttribute("data-detached");
      }
      this._checkRevision();
      this._scheduleDescribe();
      if (more) this._requestFrame();
    }

    _snapshotForPrint() {
      if (!this._gl || this._broken) return;
      this._drawNow();
      if (this._broken) return;
      try {
        this._snapshot.src = this._canvas.toDataURL("image/png");
      } catch (error) { /* print falls back to the poster */ }
    }

    _drawNow(now = performance.now()) {
      this._frames++;
      return this._callInt("mml_frame", this._id, now / 1000);
    }

    // A parameter changed (drag, panel, control, reset): controls and the page URL follow.
    _checkRevision() {
      const rev = this._callInt("mml_revision", this._id);
      if (rev === this._rev) return;
      this._rev = rev;
      this._refreshControls();
      scheduleUrl(this);
    }

    // The live text summary follows the figure, at most twice a second.
    _scheduleDescribe() {
      if (this._describeTimer) return;
      this._describeTimer = setTimeout(() => {
        this._describeTimer = 0;
        if (!this._id) return;
        const text = this._call("mml_describe", this._id);
        if (this._live.textContent !== text) this._live.textContent = text;
        this._canvas.setAttribute("aria-description", text);
      }, 500);
    }

    _setCursor(cursor) {
      this._canvas.style.cursor = cursor < 0 ? "none" : CURSORS[cursor] || "default";
    }

    // --- state as links -------------------------------------------------------------------------
    // Current values of every parameter, by name (the state lists only those off their defaults).
    _values() {
      const values = new Map((this._details?.params || []).map((p) => [p.name, p.default]));
      for (const [name, value] of new URLSearchParams(this.state)) values.set(name, value);
      return values;
    }

    // What a link must carry to show the figure as it is: every parameter off its default, and
    // every parameter the page's attributes set (even when now back at its default).
    _linkState() {
      const changed = new URLSearchParams(this.state);
      const values = this._values();
      const out = new URLSearchParams();
      for (const [name, value] of values) {
        if (changed.has(name) || this._attrNames?.has(name)) out.append(name, value);
      }
      for (const [name, value] of changed) if (!values.has(name)) out.append(name, value);
      return out.toString().replace(/%2C/gi, ",");
    }

    // Writes this figure's state into `params` (the page URL's query), or removes it when the
    // figure shows what the page's attributes say.
    _writeState(params) {
      const link = this._linkState();
      if (link === this._attrLink) params.delete(this.stateKey);
      else params.set(this.stateKey, link);
    }

    _link() {
      const url = new URL(window.location.href);
      this._writeState(url.searchParams);
      const key = this.stateKey;
      url.hash = document.getElementById(key) ? key : "";
      return url.href;
    }

    _embedCode() {
      let attrs = ` name="${escapeAttribute(this.getAttribute("name") || "")}"`;
      for (const [name, value] of new URLSearchParams(this._linkState())) attrs += ` ${name}="${escapeAttribute(value)}"`;
      return `<script src="${escapeAttribute(scriptUrl)}"></script>\n<mml-figure${attrs}></mml-figure>`;
    }

    // [SECTION] toolbar -----------------------------------------------------------------------------
    _bindToolbar() {
      this._bar.addEventListener("click", (e) => {
        const action = e.target.closest("button")?.dataset.action;
        if (!action || !this._id) return;
        if (action === "reset") this._reset();
        else if (action === "link") this._copy(this._link(), "Link copied");
        else if (action === "embed") this._copy(this._embedCode(), "Embed code copied");
        else if (action === "png") this._savePng();
        else if (action === "csv") this._saveCsv();
        else if (action === "controls") this._toggleControls();
      });
    }

    _setBarEnabled(enabled) {
      for (const b of this._bar.querySelectorAll("button")) {
        b.disabled = !enabled || (b.dataset.action === "controls" && !this._inputs.size);
      }
    }

    _reset() {
      this._callInt("mml_reset", this._id);
      this._callInt("mml_configure", this._id, this._query());
      for (const { error } of this._inputs.values()) this._showError(error, "");
      this._checkRevision();
      this._requestFrame();
      this._say("Reset");
    }

    async _copy(text, done) {
      this._say((await copyText(text)) ? done : "Could not copy: your browser did not allow it");
    }

    _say(text) {
      this._note.textContent = text;
      clearTimeout(this._noteTimer);
      this._noteTimer = setTimeout(() => { this._note.textContent = ""; }, 2500);
    }

    _savePng() {
      if (!this._gl && !this._attach()) return;
      // A fresh frame and toBlob in the same task: the drawing buffer is read before it is cleared.
      this._drawNow();
      const name = (this.getAttribute("name") || "figure") + ".png";
      this._canvas.toBlob((blob) => {
        if (!blob) return this._say("Could not save the picture");
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = name;
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
        this._say("Saved " + name);
      }, "image/png");
    }

    _saveCsv() {
      const name = (this.getAttribute("name") || "figure") + ".csv";
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([this._call("mml_csv", this._id)], { type: "text/csv;charset=utf-8" }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      this._say("Saved " + name);
    }

    // [SECTION] controls ----------------------------------------------------------------------------
    _toggleControls() {
      const toggle = this._bar.querySelector('[data-action="controls"]');
      const open = this._form.hidden;
      this._form.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) this._refreshControls();
    }

    // One labelled native control per parameter, from the manifest: what a keyboard or
    // screen-reader user drives the figure with, and anyone who wants exact values.
    _buildControls() {
      this._form.textContent = "";
      this._inputs.clear();
      this._form.addEventListener("submit", (e) => e.preventDefault());
      for (const p of this._details.params) this._form.appendChild(this._control(p));
      this._refreshControls();
    }

    _control(p) {
      const uid = "p-" + p.name.replace(/[^A-Za-z0-9_-]/g, "_");
      const el = (tag, props = {}, ...children) => {
        const node = document.createElement(tag);
        for (const [k, v] of Object.entries(props)) {
          if (k in node && typeof v !== "string") node[k] = v;
          else node.setAttribute(k, v);
        }
        node.append(...children);
        return node;
      };
      const heading = () => [el("span", { class: "pname" }, p.name), el("span", { class: "pdoc", title: p.doc || "" }, p.doc || "")];
      const error = el("span", { class: "error", id: uid + "-error", role: "alert" });
      const describedBy = uid + "-error";
      const number = (props) => el("input", {
        type: "number", inputmode: "decimal", "aria-describedby": describedBy, ...props,
      });
      const range = p.max - p.min;
      // The parameter's own step (core/params.hpp), else one from the range.
      const step = p.step > 0 ? String(p.step) : p.type === "int" || p.type === "seed" ? "1"
        : String(Math.pow(10, Math.floor(Math.log10(range > 0 && isFinite(range) ? range : 1)) - 2));
      const bounds = p.type === "seed" ? { min: "0", step: "1" } : { min: String(p.min), max: String(p.max), step };
      const apply = (value, input) => this._applyParam(p.name, value, error, input);
      let box, refresh;

      if (p.type === "vec2" || p.type === "vec3") {
        const n = p.type === "vec2" ? 2 : 3;
        const parts = [];
        const row = el("div", { class: "row" });
        for (let i = 0; i < n; ++i) {
          const input = number({ ...bounds, id: `${uid}-${i}` });
          input.addEventListener("change", () => apply(parts.map((x) => x.value).join(","), input));
          parts.push(input);
          row.append(el("label", {}, "xyz"[i], input));
        }
        box = el("fieldset", { class: "param" }, el("legend", {}, ...heading()), row, error);
        refresh = (value) => value.split(",").forEach((v, i) => this._setValue(parts[i], v));
      } else if (p.type === "float" || p.type === "int") {
        const labelId = uid + "-label";
        const slider = el("input", { type: "range", ...bounds, "aria-labelledby": labelId, "aria-describedby": describedBy });
        const input = number({ ...bounds, id: uid, "aria-labelledby": labelId });
        slider.addEventListener("input", () => { input.value = slider.value; apply(slider.value, slider); });
        input.addEventListener("change", () => apply(input.value, input));
        box = el("div", { class: "param" }, el("label", { class: "name", id: labelId, for: uid }, ...heading()),
                 el("div", { class: "row" }, slider, input), error);
        refresh = (value) => { this._setValue(input, value); this._setValue(slider, value); };
      } else if (p.type === "enum") {
        const select = el("select", { id: uid, "aria-describedby": describedBy },
                          ...p.options.map((o) => el("option", { value: o }, o)));
        select.addEventListener("change", () => apply(select.value, select));
        box = el("div", { class: "param" }, el("label", { class: "name", for: uid }, ...heading()),
                 el("div", { class: "row" }, select), error);
        refresh = (value) => this._setValue(select, value);
      } else if (p.type === "bool") {
        const check = el("input", { type: "checkbox", id: uid, "aria-describedby": describedBy });
        check.addEventListener("change", () => apply(check.checked ? "true" : "false", check));
        box = el("div", { class: "param" },
                 el("label", { class: "name", for: uid }, check, ...heading()), error);
        refresh = (value) => { if (this.shadowRoot.activeElement !== check) check.checked = value === "true"; };
      } else if (p.type === "seed") {
        const input = number({ ...bounds, id: uid });
        const again = el("button", { type: "button" }, "New seed");
        input.addEventListener("change", () => apply(input.value, input));
        again.addEventListener("click", () => {
          input.value = String(Math.floor(Math.random() * 1e9));
          apply(input.value, input);
        });
        box = el("div", { class: "param" }, el("label", { class: "name", for: uid }, ...heading()),
                 el("div", { class: "row" }, input, again), error);
        refresh = (value) => this._setValue(input, value);
      } else {
        const input = el("input", { type: "text", id: uid, maxlength: String(p.maxLength || 200),
                                    spellcheck: "false", autocomplete: "off", "aria-describedby": describedBy });
        input.addEventListener("change", () => apply(input.value, input));
        box = el("div", { class: "param" }, el("label", { class: "name", for: uid }, ...heading()),
                 el("div", { class: "row" }, input), error);
        refresh = (value) => this._setValue(input, value);
      }
      if (p.valid) box.title = p.valid;
      this._inputs.set(p.name, { refresh, error });
      return box;
    }

    // A control shows the figure's value unless the reader is editing it.
    _setValue(input, value) {
      if (this.shadowRoot.activeElement === input && input.type !== "range") return;
      if (input.value !== value) input.value = value;
    }

    _refreshControls() {
      if (this._form.hidden || !this._id) return;
      for (const [name, value] of this._values()) this._inputs.get(name)?.refresh(value);
    }

    _applyParam(name, value, error, input) {
      if (!this._id) return;
      const bad = this._callInt("mml_configure", this._id, encodeComponent(name) + "=" + encodeComponent(value));
      if (this._broken) return;
      const message = bad > 0 ? this._call("mml_last_error") : "";
      this._showError(error, message);
      input.setAttribute("aria-invalid", bad > 0 ? "true" : "false");
      if (!bad) {
        for (const other of input.closest(".param").querySelectorAll("[aria-invalid]")) other.setAttribute("aria-invalid", "false");
      }
      this._checkRevision();
      this._requestFrame();
    }

    _showError(error, message) {
      if (error.textContent !== message) error.textContent = message;
      if (!message) for (const node of error.closest(".param").querySelectorAll('[aria-invalid="true"]')) node.setAttribute("aria-invalid", "false");
    }

    // [SECTION] input -------------------------------------------------------------------------------
    _bindInput(canvas) {
      const at = (e) => {
        const r = canvas.getBoundingClientRect();
        return [e.clientX - r.left, e.clientY - r.top];
      };
      const send = (kind, e) => {
        if (!this._id || canvas !== this._canvas || e.pointerId === this._pagePointer) return;
        const [x, y] = at(e);
        this._callInt("mml_pointer", this._id, kind, x, y, BUTTONS[e.button] ?? 0);
        this._requestFrame();
      };
      canvas.addEventListener("pointerdown", (e) => {
        if (!this._id) return;
        if (!this._gl) this._attach();  // evicted while on screen: the reader wants it back
        if (e.pointerType === "touch") {
          // Decided before the figure sees the press (which would make the plot itself active):
          // a touch on a handle or widget is the figure's, anywhere else it scrolls the page.
          // Pointer events come before touch events, so touchstart below reuses the answer.
          const [x, y] = at(e);
          this._touchOnControl = this._callInt("mml_hit", this._id, x, y) === 1;
          if (!this._touchOnControl) {
            this._pagePointer = e.pointerId;
            return;
          }
        }
        this._pagePointer = undefined;
        this._engaged = true;
        canvas.focus({ preventScroll: true });
        canvas.setPointerCapture(e.pointerId);
        send(POINTER.down, e);
      });
      canvas.addEventListener("pointermove", (e) => send(POINTER.move, e));
      const release = (e) => {
        send(POINTER.up, e);
        if (e.pointerId === this._pagePointer) this._pagePointer = undefined;
        if (e.pointerType === "touch") this._touchOnControl = false;
      };
      canvas.addEventListener("pointerup", release);
      canvas.addEventListener("pointercancel", release);
      canvas.addEventListener("pointerleave", (e) => {
        if (!canvas.hasPointerCapture(e.pointerId)) send(POINTER.leave, e);
      });
      canvas.addEventListener("contextmenu", (e) => e.preventDefault());
      // A touch that starts on a control drags it; anywhere else the page scrolls as usual.
      canvas.addEventListener("touchstart", (e) => {
        if (this._id && e.touches.length === 1 && this._touchOnControl) e.preventDefault();
      }, { passive: false });
      canvas.addEventListener("wheel", (e) => {
        if (!this._id || !(this._engaged || e.ctrlKey)) return;  // the page keeps its scrolling
        e.preventDefault();
        const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
        this._callInt("mml_wheel", this._id, -e.deltaX * scale, -e.deltaY * scale);
        this._requestFrame();
      }, { passive: false });
      canvas.addEventListener("focus", () => {
        if (!this._id) return;
        this._callInt("mml_set_focus", this._id, 1);
        this._requestFrame();
      });
      canvas.addEventListener("blur", () => {
        this._engaged = false;
        if (!this._id) return;
        this._callInt("mml_set_focus", this._id, 0);
        this._requestFrame();
      });
      canvas.addEventListener("keydown", (e) => this._key(e, true));
      canvas.addEventListener("keyup", (e) => this._key(e, false));
    }

    _key(e, down) {
      if (!this._id) return;
      const typing = this._callInt("mml_wants_text", this._id) === 1;
      if (e.key === "Escape" && down && !typing) {
        this._canvas.blur();  // hand focus back to the page
        return;
      }
      if (e.key === "Tab" && !typing) return;  // the page's focus order
      let mods = 0;
      for (const name in MODIFIERS) if (e[name]) mods |= MODIFIERS[name];
      const key = KEYS[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      const isChar = [...e.key].length === 1 && !e.ctrlKey && !e.metaKey;
      // Keys are ours only when the figure uses them: arrows (nudging), and everything while typing.
      const ours = typing || ARROWS.has(e.key);
      if (!ours) return;
      e.preventDefault();
      if (key !== undefined) this._callInt("mml_key", this._id, key, down ? 1 : 0, mods);
      if (down && isChar && typing) this._callInt("mml_text", this._id, e.key.codePointAt(0));
      this._requestFrame();
    }

    // Every call into the module goes through here: strings are copied in (and freed after), and
    // a trap or abort inside the module (a bug in one figure) unwinds to here, where it stops
    // only this figure. The module's stack pointer is put back, since an unwound call never pops
    // its frame, and the other figures on the page carry on.
    _call(name, ...args) {
      const ptr = this._callInt(name, ...args);
      return ptr ? this._module.UTF8ToString(ptr) : "";
    }

    _callInt(name, ...args) {
      const m = this._module;
      if (!m || this._broken) return 0;
      const stack = m.stackSave ? m.stackSave() : undefined;
      const buffers = [];
      try {
        const converted = args.map((arg) => {
          if (typeof arg !== "string") return arg;
          const bytes = m.lengthBytesUTF8(arg) + 1;
          const ptr = m._malloc(bytes);
          m.stringToUTF8(arg, ptr, bytes);
          buffers.push(ptr);
          return ptr;
        });
        return m["_" + name](...converted);
      } catch (error) {
        if (stack !== undefined) m.stackRestore(stack);
        this._crash(name, error);
        return 0;
      } finally {
        try {
          buffers.forEach((ptr) => m._free(ptr));
        } catch (error) {
          if (stack !== undefined) m.stackRestore(stack);
        }
      }
    }

    // The figure failed inside the module: its C++ state can no longer be trusted, so it is
    // dropped (GL context included) and the box says what happened.
    _crash(where, error) {
      const m = this._module, id = this._id;
      this._broken = true;
      const name = this.getAttribute("name") || "figure";
      console.error(`mml: figure "${name}" stopped in ${where}: ${error && error.message}`);
      this._gl = false;
      attached.delete(this);
      if (id) {
        const stack = m.stackSave ? m.stackSave() : undefined;
        try {
          m._mml_destroy(id);
        } catch (again) {
          if (stack !== undefined) m.stackRestore(stack);  // its memory stays lost; the page goes on
        }
        byId.delete(id);
        delete m.mmlCanvases[id];
        this._id = 0;
      }
      this._replaceCanvas();
      this._fail("This figure stopped working (" + (error && error.message || "unknown error") +
                 "). The other figures on the page are not affected; reload the page to try this one again.", true);
    }
  }

  window.customElements.define("mml-figure", MmlFigure);
})();
