/* MML Companion page script: theme choice, copy buttons, the table of contents' current
   section, the site search. Loaded as a classic script in <head> (no inline scripts: the pages run under a strict
   Content-Security-Policy), so the stored theme is applied before the body paints.
   Theme contract with <mml-figure>: document.documentElement.dataset.theme is "light" or "dark"
   when the reader chose one, and absent when the page follows the system. */
(function () {
  'use strict';

  var KEY = 'mml-theme';
  var root = document.documentElement;

  function readStored() {
    try {
      var v = window.localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : null;
    } catch (e) {
      return null; // storage can be blocked (privacy modes, sandboxed frames)
    }
  }

  function store(theme) {
    try {
      if (theme) window.localStorage.setItem(KEY, theme);
      else window.localStorage.removeItem(KEY);
    } catch (e) { /* the choice then lasts for this page only */ }
  }

  function apply(theme) {
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
  }

  apply(readStored());

  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function systemTheme() { return media && media.matches ? 'dark' : 'light'; }

  // auto → the opposite of the system's → the system's own, pinned → auto: the first click
  // always changes what the reader sees.
  function nextTheme(current) {
    var system = systemTheme();
    var other = system === 'dark' ? 'light' : 'dark';
    if (!current) return other;
    if (current === other) return system;
    return null;
  }

  function describe(theme) { return theme ? theme : 'auto'; }

  function updateToggles() {
    var current = root.dataset.theme || null;
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var label = b.querySelector('.theme-label');
      if (label) label.textContent = 'Theme: ' + describe(current);
      b.title = current
        ? 'Using the ' + current + ' theme. Click for ' + describe(nextTheme(current)) + '.'
        : 'Following your system (' + systemTheme() + '). Click for ' + nextTheme(current) + '.';
      b.hidden = false;
    }
  }

  // --- Copy buttons -----------------------------------------------------------------------
  var status = null;
  function announce(text) {
    if (!status) {
      status = document.createElement('div');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 30);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  function onCopy(button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target) return;
    copyText(target.textContent).then(function () {
      button.textContent = 'Copied';
      button.setAttribute('data-state', 'copied');
      announce('Snippet copied to the clipboard');
    }, function () {
      // Select the text so the reader can copy it by hand.
      var range = document.createRange();
      range.selectNodeContents(target);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      button.textContent = 'Press Ctrl+C';
      announce('Snippet selected; press Control C to copy');
    });
    window.setTimeout(function () {
      button.textContent = 'Copy';
      button.removeAttribute('data-state');
    }, 2000);
  }

  // --- Embed snippets: the build names our files relative to the page (it does not know where
  // the site will be hosted); a snippet copied into another site needs their full address.
  function absoluteSnippets() {
    var blocks = document.querySelectorAll('pre[data-embed-snippet] code');
    for (var i = 0; i < blocks.length; i++) {
      var text = blocks[i].textContent;
      var full = text.replace(/\bsrc="(?![a-z][a-z0-9+.-]*:|\/\/)([^"]*)"/gi, function (all, url) {
        return 'src="' + new URL(url, document.baseURI).href + '"';
      });
      if (full !== text) blocks[i].textContent = full;
    }
  }

  // --- Table of contents: mark the section being read -------------------------------------
  function watchSections() {
    var links = document.querySelectorAll('.toc a[href^="#"]');
    if (!links.length) return;
    var entries = [];
    for (var i = 0; i < links.length; i++) {
      var h = document.getElementById(decodeURIComponent(links[i].getAttribute('href').slice(1)));
      if (h) entries.push({ link: links[i], heading: h });
    }
    var pending = false;
    function mark() {
      pending = false;
      var current = null;
      for (var k = 0; k < entries.length; k++) {
        if (entries[k].heading.getBoundingClientRect().top < window.innerHeight * 0.3) current = entries[k];
      }
      for (var j = 0; j < entries.length; j++) {
        if (entries[j] === current) entries[j].link.setAttribute('aria-current', 'true');
        else entries[j].link.removeAttribute('aria-current');
      }
    }
    window.addEventListener('scroll', function () {
      if (!pending) { pending = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }

  // --- Site search -------------------------------------------------------------------------
  // The generator indexes the chapter pages with Pagefind into pagefind/. Its script, worker,
  // WebAssembly and index load only when the reader focuses the box, from this site (any static
  // host, offline, under the pages' CSP). Each result is a link to the place in a chapter that
  // matched best: a figure (its title, summary and parameter docs are indexed with it, and
  // weighted) or a section, found from Pagefind's word locations and the page's anchors.
  var MAX_PAGES = 8;     // pages asked of Pagefind
  var MAX_PER_PAGE = 3;  // places shown per page
  var CONTEXT = 8;       // words of excerpt before the match (twice as many after)

  function placesOf(page) {
    var anchors = (page.anchors || []).filter(function (a) { return a.id; })
      .sort(function (a, b) { return a.location - b.location; });
    var located = page.weighted_locations ||
      (page.locations || []).map(function (l) { return { location: l, balanced_score: 1 }; });
    // The place of a word: the last anchor before it, where an "end-figure-N" marker (the
    // figure's words end there) hands back to the section the figure is in.
    var owner = [];
    var section = null;
    for (var a = 0; a < anchors.length; a++) {
      var isEnd = /^end-figure-\d+$/.test(anchors[a].id);
      owner.push(isEnd ? section : anchors[a]);
      if (!isEnd && !/^figure-\d+$/.test(anchors[a].id)) section = anchors[a];
    }
    var byId = {};
    var places = [];
    for (var i = 0; i < located.length; i++) {
      var w = located[i];
      var anchor = null;
      for (var k = 0; k < anchors.length && anchors[k].location <= w.location; k++) anchor = owner[k];
      var key = anchor ? anchor.id : '';
      var place = byId[key];
      if (!place) {
        place = byId[key] = { anchor: anchor, score: -1, location: w.location, hits: [] };
        places.push(place);
      }
      place.hits.push(w.location);
      if (w.balanced_score > place.score) { place.score = w.balanced_score; place.location = w.location; }
    }
    places.sort(function (a, b) { return b.score - a.score; });
    return places.slice(0, MAX_PER_PAGE);
  }

  function placeLabel(page, anchor) {
    if (!anchor) return '';
    var title = page.meta && page.meta[anchor.id];
    var figure = /^figure-(\d+)$/.exec(anchor.id);
    if (figure) return 'Figure ' + figure[1] + (title ? ': ' + title : '');
    return anchor.text || '';
  }

  function excerpt(page, place) {
    var words = (page.content || '').split(/\s+/);
    var from = Math.max(0, place.location - CONTEXT);
    var to = Math.min(words.length, place.location + 2 * CONTEXT);
    var out = document.createElement('span');
    out.className = 'search-hit-excerpt';
    if (from > 0) out.appendChild(document.createTextNode('… '));
    for (var i = from; i < to; i++) {
      var text = words[i] + (i + 1 < to ? ' ' : '');
      if (place.hits.indexOf(i) >= 0) {
        var mark = document.createElement('mark');
        mark.textContent = words[i];
        out.appendChild(mark);
        if (i + 1 < to) out.appendChild(document.createTextNode(' '));
      } else {
        out.appendChild(document.createTextNode(text));
      }
    }
    if (to < words.length) out.appendChild(document.createTextNode(' …'));
    return out;
  }

  function setupSearch() {
    var box = document.querySelector('[data-site-search]');
    if (!box) return;
    var input = box.querySelector('.search-input');
    var panel = box.querySelector('.search-panel');
    var list = box.querySelector('.search-results');
    var statusLine = box.querySelector('.search-status');
    var engine = null;
    var seq = 0;
    var timer = 0;
    box.hidden = false;

    function load() {
      if (!engine) {
        engine = import(new URL('pagefind/pagefind.js', document.baseURI).href).then(function (pagefind) {
          return pagefind.init().then(function () { return pagefind; });
        });
        engine.catch(function () { engine = null; });  // a later focus tries again
      }
      return engine;
    }
    function open() { panel.hidden = false; }
    function close() { panel.hidden = true; }
    function links() { return list.querySelectorAll('a'); }

    function show(query, pages) {
      list.textContent = '';
      var count = 0;
      for (var i = 0; i < pages.length; i++) {
        var page = pages[i];
        var places = placesOf(page);
        if (!places.length) places = [{ anchor: null, location: 0, hits: [] }];
        for (var j = 0; j < places.length; j++) {
          var place = places[j];
          var a = document.createElement('a');
          a.href = page.url.replace(/^\/+/, '') + (place.anchor ? '#' + place.anchor.id : '');
          var title = document.createElement('span');
          title.className = 'search-hit-title';
          var label = placeLabel(page, place.anchor);
          title.textContent = label || (page.meta && page.meta.title) || page.url;
          a.appendChild(title);
          if (label) {
            var where = document.createElement('span');
            where.className = 'search-hit-page';
            where.textContent = (page.meta && page.meta.title) || '';
            a.appendChild(where);
          }
          a.appendChild(excerpt(page, place));
          var li = document.createElement('li');
          li.appendChild(a);
          list.appendChild(li);
          count++;
        }
      }
      statusLine.textContent = count
        ? count + (count === 1 ? ' result' : ' results') + ' for “' + query + '”. Press the down arrow to go through them.'
        : 'No results for “' + query + '”.';
    }

    function run() {
      var query = input.value.trim();
      var mine = ++seq;
      if (!query) { list.textContent = ''; statusLine.textContent = ''; close(); return; }
      open();
      statusLine.textContent = 'Searching…';
      load().then(function (pagefind) { return pagefind.search(query); }).then(function (search) {
        if (mine !== seq || !search) return null;
        return Promise.all(search.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); }));
      }).then(function (pages) {
        if (mine === seq && pages) show(query, pages);
      }, function () {
        if (mine !== seq) return;
        list.textContent = '';
        statusLine.textContent = 'The search could not load. Use the roadmap or the gallery instead.';
      });
    }

    // Coming back to the box from outside shows the last results again (not from Escape in them).
    input.addEventListener('focus', function (event) {
      load();
      var fromInside = event.relatedTarget && box.contains(event.relatedTarget);
      if (!fromInside && input.value.trim() && list.firstChild) open();
    });
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, 120);
    });
    box.addEventListener('keydown', function (event) {
      var items = links();
      var at = Array.prototype.indexOf.call(items, document.activeElement);
      if (event.key === 'Escape') {
        if (!panel.hidden) {
          close();
          input.focus();
        } else if (event.target === input && input.value) {
          input.value = '';
          run();
        } else {
          return;
        }
        event.preventDefault();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (panel.hidden || !items.length) return;
        event.preventDefault();
        var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
        if (event.target === input) next = event.key === 'ArrowDown' ? 0 : items.length - 1;
        if (next < 0 || next >= items.length) input.focus();
        else items[next].focus();
      } else if (event.key === 'Enter' && event.target === input) {
        event.preventDefault();
        window.clearTimeout(timer);
        if (items.length && !panel.hidden) items[0].click();
        else run();
      }
    });
    // The panel closes when focus or a click leaves the search (a chosen result included).
    box.addEventListener('focusout', function (event) {
      if (!event.relatedTarget || !box.contains(event.relatedTarget)) close();
    });
    // A press inside the panel keeps the focus where it is (a browser that does not focus links
    // on click would otherwise close the panel before the click lands).
    panel.addEventListener('mousedown', function (event) { event.preventDefault(); });
    list.addEventListener('click', function (event) {
      if (event.target.closest && event.target.closest('a')) close();
    });
  }

  function init() {
    updateToggles();
    setupSearch();
    document.addEventListener('click', function (event) {
      var t = event.target;
      var toggle = t.closest ? t.closest('[data-theme-toggle]') : null;
      if (toggle) {
        var next = nextTheme(root.dataset.theme || null);
        apply(next);
        store(next);
        updateToggles();
        return;
      }
      var copy = t.closest ? t.closest('.copy-button') : null;
      if (copy) onCopy(copy);
    });
    var copies = document.querySelectorAll('.copy-button');
    for (var i = 0; i < copies.length; i++) copies[i].hidden = false;
    absoluteSnippets();
    watchSections();
    scrollableMath();
    var pending = false;
    window.addEventListener('resize', function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; scrollableMath(); });
    });
    window.addEventListener('load', scrollableMath);  // after the math fonts
  }

  // A display equation wider than the column (on a phone) scrolls sideways: it becomes a Tab stop
  // named "Equation", so keyboard readers can scroll it with the arrow keys. Others are left alone.
  function scrollableMath() {
    var boxes = document.querySelectorAll('.math-display');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', 'Equation');
      } else if (box.hasAttribute('tabindex')) {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  }

  // Another tab changed the theme.
  window.addEventListener('storage', function (event) {
    if (event.key !== KEY) return;
    apply(readStored());
    updateToggles();
  });
  if (media && media.addEventListener) media.addEventListener('change', updateToggles);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
