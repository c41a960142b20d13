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
// Parameters come from attributes ("name=value" per parameter); the C++ side validates them and
// every rejection is shown in the figure's box, naming the valid values.
// The page generator prepends `window.MML_MANIFEST = {...}` (ids, titles, aspect ratios).
(function () {
  "use strict";
  if (window.customElements.get("mml-figure")) return;

  const script = document.currentScript;
  const base = new URL(".", script ? script.src : document.baseURI).href;
  const manifest = window.MML_MANIFEST || { figures: [], wideLayoutMinWidth: 560 };
  const figureInfo = (id) => manifest.figures.find((f) => f.id === id);
  const RESERVED = new Set(["name", "class", "style", "id", "title", "slot", "hidden", "lang", "dir", "tabindex"]);

  // --- one module for the page -------------------------------------------------------------------
  let modulePromise = null;
  const byId = new Map();  // figure instance id → element

  function loadModule() {
    if (modulePromise) return modulePromise;
    modulePromise = new Promise((resolve, reject) => {
      const tag = document.createElement("script");
      tag.src = base + "mml.js";
      tag.async = true;
      tag.onload = () => {
        if (typeof window.createMmlModule !== "function") {
          reject(new Error("mml.js loaded but defines no module"));
          return;
        }
        window.createMmlModule({
          locateFile: (path) => base + path,
          mmlCanvases: {},
          mmlOnCursor: (id, cursor) => byId.get(id)?._setCursor(cursor),
          print: () => {},
          printErr: (text) => console.warn("mml:", text),
        }).then(resolve, reject);
      };
      tag.onerror = () => reject(new Error("could not load " + tag.src));
      document.head.appendChild(tag);
    });
    return modulePromise;
  }

  // --- page-wide: theme and motion preferences -------------------------------------------------
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

  // DOM KeyboardEvent.key → the host's HostKey (web/app/figure_host.hpp).
  const KEYS = {
    Tab: 0, ArrowLeft: 1, ArrowRight: 2, ArrowUp: 3, ArrowDown: 4, PageUp: 5, PageDown: 6,
    Home: 7, End: 8, Insert: 9, Delete: 10, Backspace: 11, " ": 12, Enter: 13, Escape: 14,
    a: 15, c: 16, v: 17, x: 18, y: 19, z: 20,
  };
  const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);
  const CURSORS = ["default", "text", "move", "ns-resize", "ew-resize", "nesw-resize", "nwse-resize",
                   "pointer", "not-allowed"];

  const STYLE = `
    :host { display: block; position: relative; width: 100%; contain: content;
            color-scheme: light dark; font: 14px/1.4 system-ui, sans-serif; }
    :host([hidden]) { display: none; }
    .frame { position: absolute; inset: 0; border-radius: 6px; overflow: hidden;
             background: var(--mml-figure-bg, #fff); }
    :host([data-dark]) .frame { background: var(--mml-figure-bg-dark, #16181d); }
    canvas { display: block; width: 100%; height: 100%; outline: none; touch-action: pan-x pan-y pinch-zoom; }
    canvas:focus-visible { box-shadow: inset 0 0 0 3px #0072B2; }
    :host([data-dark]) canvas:focus-visible { box-shadow: inset 0 0 0 3px #56B4E9; }
    .poster { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
    .poster:not([src]), :host([data-state="ready"]) .poster { display: none; }
    :host(:not([data-state="ready"])) canvas { visibility: hidden; }
    @media print {
      canvas { display: none; }
      .poster[src] { display: block !important; }
      .status { display: none !important; }
    }
    .status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
              padding: 1em; text-align: center; color: #5b606b; }
    :host([data-dark]) .status { color: #a3a8b3; }
    :host([data-state="ready"]) .status { display: none; }
    :host([data-state="loading"]) .poster[src] ~ .status { display: none; }
    :host([data-state="error"]) .status { align-items: flex-start; justify-content: flex-start;
              text-align: left; white-space: pre-line; color: #9b2c00; background: #fff4ec; }
    :host([data-dark][data-state="error"]) .status { color: #ffb68a; background: #2a1d16; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          clip-path: inset(50%); white-space: nowrap; }
  `;

  class MmlFigure extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<div class="frame"><img class="poster" alt="" decoding="async"><canvas tabindex="0" role="img"></canvas>
        <div class="status" part="status">Loading figure…</div></div><p class="sr" aria-live="polite"></p>`;
      const style = document.createElement("style");
      style.textContent = STYLE;
      root.prepend(style);
      this._canvas = root.querySelector("canvas");
      this._status = root.querySelector(".status");
      this._poster = root.querySelector(".poster");
      this._poster.addEventListener("error", () => this._poster.removeAttribute("src"));
      this._live = root.querySelector("p");
      this._id = 0;
      this._module = null;
      this._frames = 0;
      this._scheduled = false;
      this._engaged = false;  // the reader clicked into the figure: the wheel is ours
      this._size = { w: 0, h: 0, dpr: 1 };
      this._describeTimer = 0;
      this._bindInput();
    }

    /** Frames drawn so far (tests use it to check that idle figures draw nothing). */
    get frameCount() { return this._frames; }
    /** The figure's parameters that differ from their defaults, as "a=1,0.5&b=…". */
    get state() { return this._module && this._id ? this._call("mml_state", this._id) : ""; }

    connectedCallback() {
      live.add(this);
      const info = figureInfo(this.getAttribute("name"));
      this._canvas.setAttribute("aria-label", info ? info.title : "Interactive figure");
      if (!this.hasAttribute("data-state")) this.setAttribute("data-state", "loading");
      this._applyPreferences();
      this._resizeObserver = new ResizeObserver(() => this._layout());
      this._resizeObserver.observe(this);
      this._layout();
      // Mount when near the viewport: a long page pays only for the figures the reader reaches.
      this._visibility = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this._visibility.disconnect();
        this._mount();
      }, { rootMargin: "400px 0px" });
      this._visibility.observe(this);
    }

    disconnectedCallback() {
      live.delete(this);
      this._resizeObserver?.disconnect();
      this._visibility?.disconnect();
      if (this._module && this._id) {
        this._module._mml_destroy(this._id);
        byId.delete(this._id);
        delete this._module.mmlCanvases[this._id];
      }
      this._id = 0;
    }

    // Height follows width: the figure's wide aspect, or its narrow one below the panel breakpoint.
    _layout() {
      const info = figureInfo(this.getAttribute("name"));
      const width = this.clientWidth;
      if (info && width > 0) {
        const aspect = width >= manifest.wideLayoutMinWidth ? info.aspect : info.narrowAspect || info.aspect;
        const ratio = String(aspect);
        if (this.style.aspectRatio !== ratio) this.style.aspectRatio = ratio;
      } else if (!this.style.aspectRatio) {
        this.style.aspectRatio = "1.6";
      }
      this._choosePoster();
      const rect = this.getBoundingClientRect();
      const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 3);
      if (rect.width < 1 || rect.height < 1) return;
      if (rect.width === this._size.w && rect.height === this._size.h && dpr === this._size.dpr) return;
      this._size = { w: rect.width, h: rect.height, dpr };
      this._canvas.width = Math.round(rect.width * dpr);
      this._canvas.height = Math.round(rect.height * dpr);
      if (this._id) {
        this._module._mml_resize(this._id, rect.width, rect.height, dpr);
        this._requestFrame();
      }
    }

    async _mount() {
      const name = this.getAttribute("name") || "";
      let module;
      try {
        module = await loadModule();
      } catch (error) {
        this._fail("The figure could not load: " + error.message + ".");
        return;
      }
      if (!this.isConnected || this._id) return;
      this._module = module;
      const id = this._callInt("mml_create", name);
      if (!id) {
        this._fail(this._call("mml_last_error"));
        return;
      }
      this._id = id;
      byId.set(id, this);
      const bad = this._callInt("mml_configure", id, this._query());
      const problems = bad > 0 ? this._call("mml_last_error") : "";
      module.mmlCanvases[id] = this._canvas;
      this._canvas.addEventListener("webglcontextlost", (e) => {
        e.preventDefault();  // tells the browser we want it back
        module._mml_detach(id, 1);
      });
      this._canvas.addEventListener("webglcontextrestored", () => this._attach());
      if (problems) {
        this._fail(problems);
        return;
      }
      if (!this._attach()) return;
      this.setAttribute("data-state", "ready");
      this._applyPreferences();
      this._size = { w: 0, h: 0, dpr: 1 };
      this._layout();
      this._requestFrame();
    }

    _attach() {
      if (!this._module._mml_attach(this._id)) {
        this._fail("This browser could not draw the figure: " + this._call("mml_last_error") + ".");
        return false;
      }
      this._requestFrame();
      return true;
    }

    _fail(message) {
      this.setAttribute("data-state", "error");
      this._status.textContent = message;
      this._canvas.setAttribute("aria-label", "Figure error: " + message);
    }

    _query() {
      const pairs = [];
      for (const attr of this.attributes) {
        if (RESERVED.has(attr.name) || attr.name.startsWith("data-") || attr.name.startsWith("aria-")) continue;
        pairs.push(encodeURIComponent(attr.name) + "=" + encodeURIComponent(attr.value));
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
      this._module._mml_set_theme(this._id, dark ? 1 : 0);
      this._module._mml_set_reduced_motion(this._id, motionQuery.matches ? 1 : 0);
      this._requestFrame();
    }

    _requestFrame() {
      if (this._scheduled || !this._id) return;
      this._scheduled = true;
      requestAnimationFrame((now) => this._tick(now));
    }

    _tick(now) {
      this._scheduled = false;
      if (!this._id || document.hidden) return;
      const more = this._module._mml_frame(this._id, now / 1000);
      this._frames++;
      this._scheduleDescribe();
      if (more) this._requestFrame();
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

    // --- input ---------------------------------------------------------------------------------
    _bindInput() {
      const canvas = this._canvas;
      const at = (e) => {
        const r = canvas.getBoundingClientRect();
        return [e.clientX - r.left, e.clientY - r.top];
      };
      const send = (kind, e) => {
        if (!this._id) return;
        const [x, y] = at(e);
        this._module._mml_pointer(this._id, kind, x, y, e.button === 2 ? 1 : e.button === 1 ? 2 : 0);
        this._requestFrame();
      };
      canvas.addEventListener("pointerdown", (e) => {
        if (!this._id) return;
        this._engaged = true;
        canvas.focus({ preventScroll: true });
        canvas.setPointerCapture(e.pointerId);
        send(1, e);
      });
      canvas.addEventListener("pointermove", (e) => send(0, e));
      canvas.addEventListener("pointerup", (e) => send(2, e));
      canvas.addEventListener("pointercancel", (e) => send(2, e));
      canvas.addEventListener("pointerleave", (e) => {
        if (!canvas.hasPointerCapture(e.pointerId)) send(3, e);
      });
      canvas.addEventListener("contextmenu", (e) => e.preventDefault());
      // A touch that starts on a control drags it; anywhere else the page scrolls as usual.
      canvas.addEventListener("touchstart", (e) => {
        if (!this._id || e.touches.length !== 1) return;
        const [x, y] = at(e.touches[0]);
        if (this._module._mml_hit(this._id, x, y)) e.preventDefault();
      }, { passive: false });
      canvas.addEventListener("wheel", (e) => {
        if (!this._id || !(this._engaged || e.ctrlKey)) return;  // the page keeps its scrolling
        e.preventDefault();
        const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
        this._module._mml_wheel(this._id, -e.deltaX * scale, -e.deltaY * scale);
        this._requestFrame();
      }, { passive: false });
      canvas.addEventListener("focus", () => {
        if (!this._id) return;
        this._module._mml_set_focus(this._id, 1);
        this._requestFrame();
      });
      canvas.addEventListener("blur", () => {
        this._engaged = false;
        if (!this._id) return;
        this._module._mml_set_focus(this._id, 0);
        this._requestFrame();
      });
      canvas.addEventListener("keydown", (e) => this._key(e, true));
      canvas.addEventListener("keyup", (e) => this._key(e, false));
    }

    _key(e, down) {
      if (!this._id) return;
      const m = this._module;
      const typing = m._mml_wants_text(this._id) === 1;
      if (e.key === "Escape" && down && !typing) {
        this._canvas.blur();  // hand focus back to the page
        return;
      }
      if (e.key === "Tab" && !typing) return;  // the page's focus order
      const mods = (e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
      const key = KEYS[e.key.length === 1 ? e.key.toLowerCase() : e.key];
      const isChar = [...e.key].length === 1 && !e.ctrlKey && !e.metaKey;
      // Keys are ours only when the figure uses them: arrows (nudging), and everything while typing.
      const ours = typing || ARROWS.has(e.key);
      if (!ours) return;
      e.preventDefault();
      if (key !== undefined) m._mml_key(this._id, key, down ? 1 : 0, mods);
      if (down && isChar && typing) m._mml_text(this._id, e.key.codePointAt(0));
      this._requestFrame();
    }

    _call(name, ...args) {
      return this._module.UTF8ToString(this._callInt(name, ...args));
    }

    _callInt(name, ...args) {
      const m = this._module;
      const buffers = [];
      const converted = args.map((arg) => {
        if (typeof arg !== "string") return arg;
        const bytes = m.lengthBytesUTF8(arg) + 1;
        const ptr = m._malloc(bytes);
        m.stringToUTF8(arg, ptr, bytes);
        buffers.push(ptr);
        return ptr;
      });
      try {
        return m["_" + name](...converted);
      } finally {
        buffers.forEach((ptr) => m._free(ptr));
      }
    }
  }

  window.customElements.define("mml-figure", MmlFigure);
})();
