/* MML Companion page script: theme choice, copy buttons, the table of contents' current
   section. Loaded as a classic script in <head> (no inline scripts: the pages run under a strict
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

  function init() {
    updateToggles();
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
