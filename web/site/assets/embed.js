/* embed.html: the iframe form of a figure, for pages that cannot load our script themselves.

     embed.html?name=basis-images&a=1,0.5&b=-0.3,1&theme=dark

   `name` picks the figure, `theme` is light, dark or auto (the default: the reader's system
   preference), and every other key is one of the figure's parameters, passed to <mml-figure> as
   an attribute: the element checks it exactly as it checks a page's attributes and shows any
   refusal in the figure's box. What the element cannot be given (no name, a key that is not a
   parameter name, a key given twice) gets a message in the same place. The figure is sized to fit
   the frame whole, as large as it can be at its own shape, and centred.
   `state` is the element's own key for the reader's changes (it writes them into this page's
   address, so reloading the frame keeps them); it is not a parameter.
   Loaded in <head> after mml/mml-figure.js (no inline scripts: the page runs under the site's CSP). */
(function () {
  'use strict';

  var STATE_KEY = 'state';
  var OWN_KEYS = { name: 1, theme: 1, state: 1 };
  var manifest = window.MML_MANIFEST || { figures: [], wideLayoutMinWidth: 560 };
  // The names no parameter may have: core/params.cpp's list, from the manifest.
  var RESERVED = {};
  (manifest.reservedNames || []).forEach(function (n) { RESERVED[n] = 1; });
  var reservedPrefix = function (key) {
    return (manifest.reservedPrefixes || []).some(function (p) { return key.indexOf(p) === 0; });
  };
  var query = new URLSearchParams(window.location.search);
  var root = document.documentElement;
  var problems = [];

  // Before the body paints, so a dark frame never flashes light.
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else if (theme !== null && theme !== 'auto' && theme !== '') {
    problems.push('theme: "' + theme + '" is not a theme; expected light, dark or auto');
  }

  function figureList() {
    return manifest.figures.map(function (f) { return f.id; }).filter(function (id) {
      return id.indexOf('toolkit-') !== 0;
    }).join(', ');
  }

  function showProblems(main) {
    var box = document.createElement('p');
    box.className = 'embed-error';
    box.setAttribute('role', 'alert');
    box.textContent = 'This figure cannot be shown:\n' + problems.join('\n');
    main.appendChild(box);
  }

  function build() {
    var main = document.getElementById('embed');
    var name = query.get('name');
    if (!name) problems.push('no figure chosen: add ?name=<figure> to the address; figures: ' + figureList());
    var seen = {};
    var attrs = [];
    query.forEach(function (value, key) {
      if (Object.prototype.hasOwnProperty.call(OWN_KEYS, key)) return;
      var lower = key.toLowerCase();
      if (seen[lower]) {
        if (seen[lower] === 1) problems.push(key + ': given twice; give each parameter once');
        seen[lower] = 2;
        return;
      }
      seen[lower] = 1;
      if (!/^[a-z][a-z0-9_-]*$/i.test(key) || RESERVED[lower] || reservedPrefix(lower)) {
        problems.push('"' + key + '" is not a parameter name');
        return;
      }
      attrs.push([lower, value]);
    });
    if (problems.length) {
      showProblems(main);
      return;
    }

    var info = null;
    for (var i = 0; i < manifest.figures.length; i++) if (manifest.figures[i].id === name) info = manifest.figures[i];
    if (info) {  // the page's one heading (hidden: the figure is its own title) names it too
      fetch('mml/figures/' + encodeURIComponent(name) + '.json').then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (details) {
        if (!details) return;  // the element says why the figure cannot load
        document.title = details.title + ' · MML Companion';
        var heading = document.getElementById('embed-title');
        if (heading) heading.textContent = details.title;
      }, function () {});
    }
    var figure = document.createElement('mml-figure');
    figure.id = STATE_KEY;
    figure.setAttribute('name', name);
    for (var j = 0; j < attrs.length; j++) figure.setAttribute(attrs[j][0], attrs[j][1]);
    main.appendChild(figure);
    if (!info) return;  // the element says the figure is unknown, naming the figures there are

    // What the figure needs besides its picture (toolbar), measured once while the controls are
    // closed; then the widest figure that fits the frame. The element switches to its narrow
    // shape below manifest.wideLayoutMinWidth, so a width is tried against both shapes.
    var extra = -1;
    function fit() {
      var width = root.clientWidth;
      var height = root.clientHeight;
      if (extra < 0) {
        figure.style.width = width + 'px';
        var box = figure.getBoundingClientRect();
        var used = box.width >= manifest.wideLayoutMinWidth ? info.aspect : (info.narrowAspect || info.aspect);
        extra = Math.max(0, Math.ceil(box.height - box.width / used));
      }
      var room = Math.max(0, height - extra);
      var w = Math.min(width, room * info.aspect);
      if (w < manifest.wideLayoutMinWidth) {
        w = Math.min(width, room * (info.narrowAspect || info.aspect), manifest.wideLayoutMinWidth - 1);
      }
      figure.style.width = Math.max(120, Math.floor(w)) + 'px';
    }
    fit();
    window.addEventListener('resize', fit);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', build);
  else build();
})();
