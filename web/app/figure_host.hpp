#pragma once
// One figure instance on a page: its own ImGui context (sharing the font atlas), its parameters,
// and the input the page forwards to it. The host runs frames only when something happened
// (input, a parameter change, an animation), so an idle figure costs nothing.
// No GL here: the WASM renderer (gl_renderer.cpp) draws `draw_data()`; the native tests don't.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/figures/figure.hpp"
#include "web/plot/field.hpp"

struct ImGuiContext;
struct ImDrawData;

namespace mml {

class ItemLog;

// What the page and the module say to each other is numbered only here: the manifest carries these
// tables ("host" in web/app/manifest.cpp), and web/js/mml-figure.js reads them from it.

// Keys the page forwards, and the DOM KeyboardEvent.key of each (letters in lower case).
enum class HostKey : int {
  Tab, Left, Right, Up, Down, PageUp, PageDown, Home, End, Insert, Delete, Backspace, Space, Enter,
  Escape, A, C, V, X, Y, Z, Count
};
inline constexpr std::array<std::string_view, int(HostKey::Count)> kHostKeyDomNames = {
    "Tab", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End",
    "Insert", "Delete", "Backspace", " ", "Enter", "Escape", "a", "c", "v", "x", "y", "z"};
// Modifier bits, each named by the KeyboardEvent property that sets it.
enum HostModifiers : int { Mod_Shift = 1, Mod_Ctrl = 2, Mod_Alt = 4, Mod_Super = 8 };
inline constexpr std::array<std::pair<std::string_view, int>, 4> kHostModifierDomNames = {
    {{"shiftKey", Mod_Shift}, {"ctrlKey", Mod_Ctrl}, {"altKey", Mod_Alt}, {"metaKey", Mod_Super}}};
// What the pointer did (mml_pointer's `kind`), named as in the manifest.
enum class PointerEvent : int { Move, Down, Up, Leave, Count };
inline constexpr std::array<std::string_view, int(PointerEvent::Count)> kPointerEventNames = {
    "move", "down", "up", "leave"};
// The host's button (0 left, 1 right, 2 middle, as ImGui) for each DOM MouseEvent.button (0 left,
// 1 middle, 2 right).
inline constexpr std::array<int, 3> kHostButtonOfDomButton = {0, 2, 1};

// ImGui 1.86 reads held buttons and keys once a frame, so a press and release that both arrive
// between two frames (a quick tap) would never be seen. Taps keeps such a release back until a
// frame has seen the press. (Pointer moves that follow a press in the same frame wait the same
// way: FigureHost::pointer_move.)
template <int N>
class Taps {
 public:
  // Whether a change to `down` of input `i` (now `held`) applies at once; false: it waits.
  bool apply_now(int i, bool down, bool held, std::uint64_t frame) {
    if (!down && held && pressed_at_[i] == frame) return release_due_[i] = true, false;
    release_due_[i] = false;
    if (down) pressed_at_[i] = frame;
    return true;
  }
  // Input i's release waits for the next release_waiting().
  void release_later(int i) { release_due_[i] = true; }
  // Whether a press of any input held in `held` has not been seen by a frame yet.
  bool unseen_press(const bool* held, std::uint64_t frame) const {
    for (int i = 0; i < N; ++i)
      if (held[i] && pressed_at_[i] == frame) return true;
    return false;
  }
  // Calls release(i) for every release that waited; true if there were any.
  template <class F>
  bool release_waiting(F release) {
    bool any = false;
    for (int i = 0; i < N; ++i)
      if (release_due_[i]) release(i), release_due_[i] = false, any = true;
    return any;
  }

 private:
  std::uint64_t pressed_at_[N] = {};
  bool release_due_[N] = {};
};

class FigureHost {
 public:
  explicit FigureHost(const FigureInfo& info);
  ~FigureHost();
  FigureHost(const FigureHost&) = delete;
  FigureHost& operator=(const FigureHost&) = delete;

  const FigureInfo& info() const { return info_; }
  Figure& figure() { return *figure_; }

  // Parameters from attributes and URLs ("a=1,0.5&b=0,1"): every valid pair is applied; each
  // bad one adds a message naming the valid values.
  bool configure(std::string_view query, std::vector<std::string>* errors);
  std::string state() const;  // current parameters that differ from the defaults, as a query
  std::string describe() const;
  void reset();

  // Canvas size in CSS pixels and the device pixel ratio.
  void resize(float width, float height, float pixel_ratio);
  void set_theme(bool dark);
  void set_focus(bool focused);
  void set_reduced_motion(bool reduced) { reduced_motion_ = reduced; }

  // Pointer position in CSS pixels relative to the canvas; button 0 left, 1 right, 2 middle.
  void pointer_move(float x, float y);
  void pointer_button(int button, bool down);
  void pointer_leave();
  void wheel(float dx, float dy);
  void key(HostKey key, bool down, int modifiers);
  void text(std::uint32_t codepoint);

  // Runs one frame at `time` seconds; returns true when another frame is needed soon.
  bool frame(double time);
  // True when a frame is due (input or a change since the last one).
  bool needs_frame() const { return pending_ > 0 || figure_->animating(); }
  ImDrawData* draw_data();
  std::uint64_t frame_count() const { return frames_; }
  // True while the figure wants the keyboard (a text field is being edited): the page then
  // lets it keep keys such as Backspace; otherwise they go back to the page.
  bool wants_text_input() const { return wants_text_; }
  float pixel_ratio() const { return pixel_ratio_; }
  // True when the pointer, as of the last frame, is over something it can drag or press: the page
  // uses it to let touches elsewhere on the figure scroll the page.
  bool pointer_over_control() const { return over_control_; }

  // Test hook behind the WASM debug build's mml_debug_fail: the next frame traps halfway through,
  // with the ImGui frame open and 64 KiB of stack in use, the way a crashing figure would. The page
  // must then contain the damage to this one figure (web/js/mml-figure.js).
  void fail_next_frame() { fail_next_frame_ = true; }

#ifdef IMGUI_ENABLE_TEST_ENGINE
  // Native builds: the last frame's items with their rectangles and labels, for tests that press
  // a control or drag a handle by name (web/app/item_log.hpp).
  const ItemLog& item_log() const { return *item_log_; }
#endif

 private:
  void make_current();
  void move_pointer(float x, float y);
  void touch(int frames = 3) { pending_ = frames > pending_ ? frames : pending_; }

  const FigureInfo& info_;
  plot::FieldStore fields_;  // this frame's heatmaps, read by the renderer after frame()
  std::unique_ptr<Figure> figure_;
  ImGuiContext* context_ = nullptr;
  float width_ = 1, height_ = 1, pixel_ratio_ = 1;
  bool dark_ = false, focused_ = false, reduced_motion_ = false, wants_text_ = false;
  bool over_control_ = false;
  bool fail_next_frame_ = false;
  Taps<3> button_taps_;
  bool move_waiting_ = false;  // a pointer move held back behind a press no frame has seen yet
  bool moved_since_frame_ = false;
  float waiting_x_ = 0, waiting_y_ = 0;
  Taps<int(HostKey::Count)> key_taps_;
  int pending_ = 3;  // frames still to run: ImGui settles hover and layout over a couple
  double last_time_ = -1;
  std::uint64_t frames_ = 0, seen_revision_ = ~0ull;
#ifdef IMGUI_ENABLE_TEST_ENGINE
  std::unique_ptr<ItemLog> item_log_;
#endif
};

}  // namespace mml
