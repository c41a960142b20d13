// The WebAssembly module's C API, called by web/js/mml-figure.js. One module serves every figure
// on the page: each `mml_create` makes a figure instance (an ImGui context and parameters); a
// canvas gets a WebGL2 context with `mml_attach` and gives it back with `mml_detach` (state kept),
// so a page can bound its live contexts. No main loop: the page asks for frames when needed.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/app/figure_host.hpp"
#include "web/app/gl_renderer.hpp"
#include "web/plot/plot.hpp"

extern "C" {
int mml_gl_create(int figure);
int mml_gl_make_current(int handle);
void mml_gl_delete(int handle);
int mml_gl_lost(int handle);
void mml_set_cursor(int figure, int cursor);
}

namespace {

struct Instance {
  std::unique_ptr<mml::FigureHost> host;
  std::unique_ptr<mml::GlRenderer> renderer;
  int gl = 0;  // Emscripten's GL context handle, 0 while detached
  int cursor = -2;
  bool reduced_motion = false;  // as last told by the page (read back by mml_reduced_motion)
};

std::map<int, Instance> g_instances;
int g_next_id = 1;
std::string g_text;  // backing store for strings returned to JS (valid until the next call)

Instance* find(int id) {
  const auto it = g_instances.find(id);
  return it == g_instances.end() ? nullptr : &it->second;
}

// Text for the page must be valid UTF-8 without control characters (line breaks and tabs aside),
// whatever a rejected value echoed back held: a NUL would cut a message short.
std::string printable(std::string_view text) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) out += kReplacement;
      else out += char(c);
      ++i;
      continue;
    }
    // A well-formed multi-byte sequence (no overlongs, no surrogates, at most U+10FFFF) is kept.
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    bool ok = n > 0 && c <= 0xF4 && i + n <= text.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && n >= 3) {
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0) && !(c == 0xF0 && c1 < 0x90) &&
           !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += kReplacement;
      ++i;
    }
  }
  return out;
}

const char* give(std::string text) {
  g_text = printable(text);
  return g_text.c_str();
}

// At most 40 characters of `text` (whole UTF-8 sequences), quoted.
std::string quoted(std::string_view text) {
  std::size_t end = 0, chars = 0;
  while (end < text.size() && chars < 40) {
    ++end, ++chars;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return "\"" + std::string(text.substr(0, end)) + (end < text.size() ? "…" : "") + "\"";
}

}  // namespace

extern "C" {

// A new figure instance, or 0 with mml_last_error() naming the known figures.
EMSCRIPTEN_KEEPALIVE int mml_create(const char* name) {
  const mml::FigureInfo* info = mml::find_figure(name ? name : "");
  if (!info) {
    give("unknown figure " + quoted(name ? name : "") + "; figures: " + mml::figure_ids());
    return 0;
  }
  const int id = g_next_id++;
  g_instances[id].host = std::make_unique<mml::FigureHost>(*info);
  return id;
}

EMSCRIPTEN_KEEPALIVE const char* mml_last_error() { return g_text.c_str(); }

// Applies "name=value&…"; returns the number of rejected pairs, their messages joined by "\n"
// in mml_last_error().
EMSCRIPTEN_KEEPALIVE int mml_configure(int id, const char* query) {
  Instance* in = find(id);
  if (!in) return -1;
  std::vector<std::string> errors;
  in->host->configure(query ? query : "", &errors);
  std::string joined;
  for (const auto& e : errors) joined += (joined.empty() ? "" : "\n") + e;
  give(std::move(joined));
  return int(errors.size());
}

EMSCRIPTEN_KEEPALIVE int mml_attach(int id) {
  Instance* in = find(id);
  if (!in) return 0;
  if (in->gl) return 1;
  in->gl = mml_gl_create(id);
  if (!in->gl || !mml_gl_make_current(in->gl)) {
    in->gl = 0;
    give("no WebGL2 context is available");
    return 0;
  }
  in->renderer = std::make_unique<mml::GlRenderer>();
  if (!in->renderer->init()) {
    give(in->renderer->error());
    in->renderer.reset();
    mml_gl_delete(in->gl);
    in->gl = 0;
    return 0;
  }
  in->cursor = -2;
  return 1;
}

// Gives the GL context back (`lost`: it is already gone, skip deleting GL objects).
EMSCRIPTEN_KEEPALIVE void mml_detach(int id, int lost) {
  Instance* in = find(id);
  if (!in || !in->gl) return;
  const bool alive = !lost && mml_gl_make_current(in->gl) && !mml_gl_lost(in->gl);
  if (in->renderer) in->renderer->release(alive);
  in->renderer.reset();
  mml_gl_delete(in->gl);
  in->gl = 0;
}

EMSCRIPTEN_KEEPALIVE void mml_destroy(int id) {
  mml_detach(id, 0);
  g_instances.erase(id);
}

EMSCRIPTEN_KEEPALIVE void mml_resize(int id, float width, float height, float pixel_ratio) {
  if (Instance* in = find(id)) in->host->resize(width, height, pixel_ratio);
}
EMSCRIPTEN_KEEPALIVE void mml_set_theme(int id, int dark) {
  if (Instance* in = find(id)) in->host->set_theme(dark != 0);
}
EMSCRIPTEN_KEEPALIVE void mml_set_focus(int id, int focused) {
  if (Instance* in = find(id)) in->host->set_focus(focused != 0);
}
EMSCRIPTEN_KEEPALIVE void mml_set_reduced_motion(int id, int reduced) {
  Instance* in = find(id);
  if (!in) return;
  in->reduced_motion = reduced != 0;
  in->host->set_reduced_motion(in->reduced_motion);
}
// What the module was last told about prefers-reduced-motion (1/0), -1 for an unknown id.
EMSCRIPTEN_KEEPALIVE int mml_reduced_motion(int id) {
  Instance* in = find(id);
  return in ? (in->reduced_motion ? 1 : 0) : -1;
}
// kind: a mml::PointerEvent; button: the host's (figure_host.hpp).
EMSCRIPTEN_KEEPALIVE void mml_pointer(int id, int kind, float x, float y, int button) {
  using mml::PointerEvent;
  Instance* in = find(id);
  if (!in) return;
  const auto event = PointerEvent(kind);
  if (event == PointerEvent::Leave) return in->host->pointer_leave();
  in->host->pointer_move(x, y);
  if (event == PointerEvent::Down || event == PointerEvent::Up)
    in->host->pointer_button(button, event == PointerEvent::Down);
}
EMSCRIPTEN_KEEPALIVE void mml_wheel(int id, float dx, float dy) {
  if (Instance* in = find(id)) in->host->wheel(dx, dy);
}
EMSCRIPTEN_KEEPALIVE void mml_key(int id, int key, int down, int modifiers) {
  if (Instance* in = find(id)) in->host->key(mml::HostKey(key), down != 0, modifiers);
}
EMSCRIPTEN_KEEPALIVE void mml_text(int id, unsigned codepoint) {
  if (Instance* in = find(id)) in->host->text(codepoint);
}
EMSCRIPTEN_KEEPALIVE void mml_reset(int id) {
  if (Instance* in = find(id)) in->host->reset();
}

// Runs and draws one frame; returns 1 when another frame is wanted soon, 0 when idle.
EMSCRIPTEN_KEEPALIVE int mml_frame(int id, double time) {
  Instance* in = find(id);
  if (!in) return 0;
  const bool more = in->host->frame(time);
  if (in->gl && in->renderer && mml_gl_make_current(in->gl)) {
    const mml::plot::Theme& theme = mml::plot::current_theme();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme.background);
    const float clear[4] = {bg.x, bg.y, bg.z, 1};
    in->renderer->render(in->host->draw_data(), clear);
  }
  const int cursor = ImGui::GetMouseCursor();
  if (cursor != in->cursor) mml_set_cursor(id, in->cursor = cursor);
  return more ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int mml_needs_frame(int id) {
  Instance* in = find(id);
  return in && in->host->needs_frame() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE double mml_frame_count(int id) {
  Instance* in = find(id);
  return in ? double(in->host->frame_count()) : 0;
}
// Moves the pointer to (x, y), runs a frame and tells whether a control is under it (for touch).
EMSCRIPTEN_KEEPALIVE int mml_hit(int id, float x, float y) {
  Instance* in = find(id);
  if (!in) return 0;
  in->host->pointer_move(x, y);
  mml_frame(id, emscripten_get_now() / 1000);
  return in->host->pointer_over_control() ? 1 : 0;
}
// Counts parameter changes (drags, panel edits, configure, reset): the page compares it after
// frames to know when to refresh its controls and the page URL without reading the state.
EMSCRIPTEN_KEEPALIVE double mml_revision(int id) {
  Instance* in = find(id);
  return in ? double(in->host->figure().params().revision()) : -1;
}
EMSCRIPTEN_KEEPALIVE int mml_wants_text(int id) {
  Instance* in = find(id);
  return in && in->host->wants_text_input() ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE const char* mml_state(int id) {
  Instance* in = find(id);
  return give(in ? in->host->state() : std::string());
}
EMSCRIPTEN_KEEPALIVE const char* mml_describe(int id) {
  Instance* in = find(id);
  return give(in ? in->host->describe() : std::string());
}
// The data the figure holds as CSV (web/plot/csv.hpp), "" for figures without data.
EMSCRIPTEN_KEEPALIVE const char* mml_csv(int id) {
  Instance* in = find(id);
  return give(in ? in->host->figure().csv() : std::string());
}

#ifdef MML_WASM_DEBUG
// Test hook, only in the debug runtime (target mml-debug): figure `id` traps during its next frame
// (FigureHost::fail_next_frame), so the browser tests can check that the page contains it.
EMSCRIPTEN_KEEPALIVE int mml_debug_fail(int id) {
  Instance* in = find(id);
  if (!in) return 0;
  in->host->fail_next_frame();
  return 1;
}
#endif

}  // extern "C"
