// JS half of the WASM runtime (linked with --js-library). The page's element (web/js/mml-figure.js)
// hands each figure's canvas to the module as Module.mmlCanvases[id]; the C++ side asks for a
// WebGL2 context on it here, because Emscripten's html5.h finds canvases only in the document,
// not inside an element's shadow root.
mergeInto(LibraryManager.library, {
  mml_gl_create__deps: ['$GL'],
  mml_gl_create: function (figure) {
    var canvases = Module['mmlCanvases'];
    var canvas = canvases && canvases[figure];
    if (!canvas) return 0;
    return GL.createContext(canvas, {
      majorVersion: 2, minorVersion: 0, alpha: false, depth: false, stencil: false,
      antialias: true, premultipliedAlpha: true, preserveDrawingBuffer: false,
      powerPreference: 'low-power', failIfMajorPerformanceCaveat: false,
      enableExtensionsByDefault: false  // WebGL2's core features are all we use
    }) || 0;
  },
  mml_gl_make_current__deps: ['$GL'],
  mml_gl_make_current: function (handle) {
    return GL.makeContextCurrent(handle) ? 1 : 0;
  },
  mml_gl_delete__deps: ['$GL'],
  mml_gl_delete: function (handle) {
    if (GL.contexts[handle]) GL.deleteContext(handle);
  },
  mml_gl_lost__deps: ['$GL'],
  mml_gl_lost: function (handle) {
    var context = GL.contexts[handle];
    return !context || context.GLctx.isContextLost() ? 1 : 0;
  },
  // The mouse cursor ImGui wants (ImGuiMouseCursor_*), applied to the canvas by the element.
  mml_set_cursor: function (figure, cursor) {
    var onCursor = Module['mmlOnCursor'];
    if (onCursor) onCursor(figure, cursor);
  }
});
