#include "web/app/figure_host.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "web/app/fonts.hpp"
#ifdef IMGUI_ENABLE_TEST_ENGINE
#include "web/app/item_log.hpp"
#endif
#include "web/plot/plot.hpp"
#include "web/plot/theme.hpp"

namespace mml {
namespace {

// fail_next_frame's crash: deep in the stack, like a fault inside a figure's math.
[[noreturn]] __attribute__((noinline)) void trap_with_stack_in_use() {
  volatile char scratch[64 * 1024];
  for (std::size_t i = 0; i < sizeof scratch; i += 4096) scratch[i] = char(i);
  __builtin_trap();
}

// ImGui 1.86 reads keys through io.KeyMap (ImGuiKey_ → index into io.KeysDown).
void map_keys(ImGuiIO& io) {
  const std::pair<ImGuiKey_, HostKey> map[] = {
      {ImGuiKey_Tab, HostKey::Tab},         {ImGuiKey_LeftArrow, HostKey::Left},
      {ImGuiKey_RightArrow, HostKey::Right}, {ImGuiKey_UpArrow, HostKey::Up},
      {ImGuiKey_DownArrow, HostKey::Down},   {ImGuiKey_PageUp, HostKey::PageUp},
      {ImGuiKey_PageDown, HostKey::PageDown}, {ImGuiKey_Home, HostKey::Home},
      {ImGuiKey_End, HostKey::End},         {ImGuiKey_Insert, HostKey::Insert},
      {ImGuiKey_Delete, HostKey::Delete},   {ImGuiKey_Backspace, HostKey::Backspace},
      {ImGuiKey_Space, HostKey::Space},     {ImGuiKey_Enter, HostKey::Enter},
      {ImGuiKey_Escape, HostKey::Escape},   {ImGuiKey_KeyPadEnter, HostKey::Enter},
      {ImGuiKey_A, HostKey::A},             {ImGuiKey_C, HostKey::C},
      {ImGuiKey_V, HostKey::V},             {ImGuiKey_X, HostKey::X},
      {ImGuiKey_Y, HostKey::Y},             {ImGuiKey_Z, HostKey::Z},
  };
  for (const auto& [imgui_key, host_key] : map) io.KeyMap[imgui_key] = int(host_key);
}

}  // namespace

FigureHost::FigureHost(const FigureInfo& info) : info_(info), figure_(info.make()) {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  context_ = ImGui::CreateContext(shared_font_atlas(1));
#ifdef IMGUI_ENABLE_TEST_ENGINE
  item_log_ = std::make_unique<ItemLog>(context_);
#endif
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames forever
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors | ImGuiBackendFlags_RendererHasVtxOffset;
  map_keys(io);
  plot::apply_imgui_style(plot::theme(dark_), ImGui::GetStyle());
  ImGui::SetCurrentContext(previous ? previous : context_);
}

FigureHost::~FigureHost() {
  ImGuiContext* previous = ImGui::GetCurrentContext();
  // A frame that never finished (a trap unwound through it, see fail_next_frame) still holds the
  // shared font atlas locked and its windows open: close them so the other figures can go on.
  make_current();
  if (context_->WithinFrameScope) {
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    ImGui::EndFrame();
  }
  ImGui::DestroyContext(context_);
  if (previous != context_) ImGui::SetCurrentContext(previous);
}

void FigureHost::make_current() { ImGui::SetCurrentContext(context_); }

bool FigureHost::configure(std::string_view query, std::vector<std::string>* errors) {
  const bool ok = figure_->params().apply_query(query, errors);
  touch();
  return ok;
}

std::string FigureHost::state() const { return figure_->params().to_query(); }
std::string FigureHost::describe() const { return figure_->describe(); }

void FigureHost::reset() {
  figure_->reset();
  touch();
}

void FigureHost::resize(float width, float height, float pixel_ratio) {
  // Sizes come from the page: keep them sane whatever it sends.
  auto sane = [](float v, float lo, float hi, float fallback) {
    return std::isfinite(v) ? std::clamp(v, lo, hi) : fallback;
  };
  width_ = sane(width, 1, 8192, 1);
  height_ = sane(height, 1, 8192, 1);
  pixel_ratio_ = sane(pixel_ratio, 0.5f, 4, 1);
  touch();
}

void FigureHost::set_theme(bool dark) {
  if (dark == dark_) return;
  dark_ = dark;
  make_current();
  plot::apply_imgui_style(plot::theme(dark_), ImGui::GetStyle());
  touch();
}

void FigureHost::set_focus(bool focused) {
  focused_ = focused;
  make_current();
  ImGuiIO& io = ImGui::GetIO();
  if (!focused) {
    // Losing focus releases everything held, so no key stays "stuck" down.
    std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    ImGui::ClearActiveID();
  }
  touch();
}

// ImGui 1.86 samples the pointer once a frame. On a slow machine (or with a fast hand) a press, the
// moves after it and the release can all arrive between two frames, and a frame would see the
// press where the pointer ended up, off the handle it was pressed on, or the release before the
// last move. So moves after a press no frame has seen yet wait for the frame after the press's
// own (the last one wins), and a release waits until a frame has seen the pointer's last position
// with the button still down.
void FigureHost::pointer_move(float x, float y) {
  make_current();
  if (!std::isfinite(x) || !std::isfinite(y)) return;
  move_pointer(x, y);
}

void FigureHost::move_pointer(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  if (move_waiting_ || button_taps_.unseen_press(io.MouseDown, frames_)) {
    move_waiting_ = true;
    waiting_x_ = x, waiting_y_ = y;
  } else {
    io.MousePos = {x, y};
    moved_since_frame_ = true;
  }
  touch();
}

void FigureHost::pointer_button(int button, bool down) {
  if (button < 0 || button >= 3) return;
  make_current();
  ImGuiIO& io = ImGui::GetIO();
  if (!down && io.MouseDown[button] && (move_waiting_ || moved_since_frame_)) {
    button_taps_.release_later(button);
  } else if (button_taps_.apply_now(button, down, io.MouseDown[button], frames_)) {
    io.MouseDown[button] = down;
  }
  touch();
}

void FigureHost::pointer_leave() {
  make_current();
  move_pointer(-FLT_MAX, -FLT_MAX);
}

void FigureHost::wheel(float dx, float dy) {
  make_current();
  if (!std::isfinite(dx) || !std::isfinite(dy)) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += std::clamp(dx, -10.0f, 10.0f);
  io.MouseWheel += std::clamp(dy, -10.0f, 10.0f);
  touch();
}

void FigureHost::key(HostKey key, bool down, int modifiers) {
  const int index = int(key);
  if (index < 0 || index >= int(HostKey::Count)) return;
  make_current();
  ImGuiIO& io = ImGui::GetIO();
  if (key_taps_.apply_now(index, down, io.KeysDown[index], frames_)) io.KeysDown[index] = down;
  io.KeyShift = modifiers & Mod_Shift;
  io.KeyCtrl = modifiers & Mod_Ctrl;
  io.KeyAlt = modifiers & Mod_Alt;
  io.KeySuper = modifiers & Mod_Super;
  touch();
}

void FigureHost::text(std::uint32_t codepoint) {
  if (codepoint < 0x20 || codepoint == 0x7f || codepoint > 0x10FFFF) return;
  make_current();
  ImGui::GetIO().AddInputCharacter(codepoint);
  touch();
}

bool FigureHost::frame(double time) {
  make_current();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts = shared_font_atlas(pixel_ratio_);
  io.FontGlobalScale = shared_font_scale();
  io.DisplaySize = {width_, height_};
  io.DisplayFramebufferScale = {pixel_ratio_, pixel_ratio_};
  io.DeltaTime = last_time_ < 0 ? 1.0f / 60 : float(std::clamp(time - last_time_, 1e-4, 0.25));
  last_time_ = time;

  fields_.clear();
  plot::set_frame_options({&plot::theme(dark_), focused_, &fields_});
  ImGui::NewFrame();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##figure", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  FrameContext context;
  context.time = time;
  context.dt = io.DeltaTime;
  context.reduced_motion = reduced_motion_;
  figure_->frame(context);
  if (fail_next_frame_) trap_with_stack_in_use();
  ImGui::End();
  ImGui::Render();
  ++frames_;

  moved_since_frame_ = false;
  if (move_waiting_) {
    // The press has been seen: the pointer moves now, and a waiting release stays for the next
    // frame, which sees the move with the button still down.
    io.MousePos = {waiting_x_, waiting_y_};
    move_waiting_ = false;
    moved_since_frame_ = true;
    touch();
  } else if (button_taps_.release_waiting([&](int b) { io.MouseDown[b] = false; })) {
    touch();
  }
  if (key_taps_.release_waiting([&](int k) { io.KeysDown[k] = false; })) touch();
  wants_text_ = io.WantTextInput;
  over_control_ = ImGui::IsAnyItemHovered() || ImGui::IsAnyItemActive();
  const std::uint64_t revision = figure_->params().revision();
  if (revision != seen_revision_) {
    seen_revision_ = revision;
    touch(2);  // a changed parameter redraws everything that depends on it
  }
  if (pending_ > 0) --pending_;
  // Held keys repeat (arrow-key nudging), and a wheel scroll finishes over a few frames.
  if (std::any_of(io.KeysDown, io.KeysDown + int(HostKey::Count), [](bool d) { return d; })) touch(1);
  return needs_frame();
}

ImDrawData* FigureHost::draw_data() {
  make_current();
  return ImGui::GetDrawData();
}

}  // namespace mml
