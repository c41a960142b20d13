#pragma once
// Scripted input for headless figure tests: frames until idle, and mouse drags; and a bare ImGui
// frame (Bench) for tests of toolkit verbs outside any figure.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "web/app/figure_host.hpp"
#include "web/app/fonts.hpp"
#include "web/plot/plot.hpp"

namespace mml::test {

// Runs frames until the host stops asking for them; returns how many ran (capped).
inline int settle(FigureHost& host, double* time, int cap = 60) {
  int n = 0;
  while (n < cap && host.needs_frame()) {
    host.frame(*time += 1.0 / 60);
    ++n;
  }
  return n;
}

// Press at (x, y), move by (dx, dy) in four steps, release; a frame after each event.
inline void drag(FigureHost& host, double* time, float x, float y, float dx, float dy) {
  host.pointer_move(x, y);
  host.frame(*time += 1.0 / 60);
  host.pointer_button(0, true);
  host.frame(*time += 1.0 / 60);
  for (int step = 1; step <= 4; ++step) {
    host.pointer_move(x + dx * step / 4, y + dy * step / 4);
    host.frame(*time += 1.0 / 60);
  }
  host.pointer_button(0, false);
  host.frame(*time += 1.0 / 60);
}

// How the pointer events of a press reach the figure. A slow machine delivers several between two
// frames: the pointer arrives (40 px from the left) on the point and presses in one frame, or it
// presses and makes its first move in one frame.
enum class Press { Plain, ArriveAndPress, PressAndMove };

// Presses at (x, y) as `how` says, drags straight down to y + 10 * steps (10 px a frame), releases.
inline void drag_down(FigureHost& host, double* time, float x, float y, Press how, int steps) {
  host.pointer_move(how == Press::ArriveAndPress ? x - 40 : x, y);
  host.frame(*time += 1.0 / 60);
  if (how == Press::ArriveAndPress) host.pointer_move(x, y);
  host.pointer_button(0, true);
  int step = 1;
  if (how == Press::PressAndMove) host.pointer_move(x, y + 10.0f * step++);
  host.frame(*time += 1.0 / 60);
  for (; step <= steps; ++step) {
    host.pointer_move(x, y + 10.0f * step);
    host.frame(*time += 1.0 / 60);
  }
  host.pointer_button(0, false);
  host.frame(*time += 1.0 / 60);
}

// Taps a key: down, a frame, up, a frame.
inline void tap(FigureHost& host, double* time, HostKey key, int modifiers = 0) {
  host.key(key, true, modifiers);
  host.frame(*time += 1.0 / 60);
  host.key(key, false, modifiers);
  host.frame(*time += 1.0 / 60);
}

// The value of one parameter in a state query ("a=1,0.5&b=2" → param_of(…, "b") = "2"), or "".
inline std::string param_of(const std::string& state, const std::string& name) {
  const std::string s = "&" + state + "&";
  const auto at = s.find("&" + name + "=");
  if (at == std::string::npos) return "";
  const auto from = at + name.size() + 2;
  return s.substr(from, s.find('&', from) - from);
}

// A parameter's number from a state query ("p6=0.35&n=3" → 0.35 for "p6"), `fallback` when absent.
inline double number_param(const std::string& state, const std::string& name, double fallback = NAN) {
  const std::string text = param_of(state, name);
  return text.empty() ? fallback : std::stod(text);
}

// The registered figure `id`; fails the test when there is none.
inline const FigureInfo& figure_info(std::string_view id) {
  const FigureInfo* info = find_figure(id);
  if (!info) FAIL("no figure \"" << id << "\"; registered: " << figure_ids());
  return *info;
}

// A host of figure `id` configured from `query` (every pair of which must apply), `width` CSS
// pixels wide at the figure's aspect, run until idle: for tests that open several fresh figures.
inline std::unique_ptr<FigureHost> open_figure(std::string_view id, double* time, std::string_view query = "",
                                               float width = 900) {
  const FigureInfo& info = figure_info(id);
  auto host = std::make_unique<FigureHost>(info);
  std::vector<std::string> errors;
  const bool applied = host->configure(query, &errors);
  const std::string asked(query);
  CAPTURE(asked, errors);
  REQUIRE(applied);
  host->resize(width, width / info.aspect, 1);
  settle(*host, time);
  return host;
}

// True when `part` occurs in `s`: for checks on describe() and messages.
inline bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// A figure configured from `query`, sized `width` CSS pixels wide at its aspect, run until idle.
struct Running {
  const FigureInfo* info;
  FigureHost host;
  double time = 0;
  explicit Running(const char* id, std::string_view query = "", float width = 900)
      : info(&figure_info(id)), host(*info) {
    std::vector<std::string> errors;
    host.configure(query, &errors);
    host.resize(width, width / info->aspect, 1);
    settle(host, &time);
  }
  std::string param(const std::string& name) const { return param_of(host.state(), name); }
  // Gives the figure's canvas keyboard focus and runs a frame, so the figure sees it.
  void focus() {
    host.set_focus(true);
    host.frame(time += 1.0 / 60);
  }
};

// The keys a Bench maps to ImGui's navigation keys (io.KeysDown indices).
enum BenchKey { kLeft = 1, kRight, kUp, kDown, kEnter, kBackspace };

// One ImGui context with the figures' font and style and a window over the whole display, with
// no host: frame(body) runs body inside that window, as a figure's frame runs, and renders. Pointer
// and keys are set between frames, as the host does; the toolkit's frame options (keyboard focus,
// where heatmaps record themselves) are set for the Bench's lifetime.
struct Bench {
  ImGuiContext* context;
  explicit Bench(bool focus = false, ImVec2 size = {640, 400}, plot::FieldStore* fields = nullptr)
      : context(ImGui::CreateContext(shared_font_atlas(1))) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_UpArrow] = kUp;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
    plot::apply_imgui_style(plot::light_theme(), ImGui::GetStyle());
    plot::FrameOptions options;
    options.keyboard_focus = focus;
    options.fields = fields;
    plot::set_frame_options(options);
  }
  ~Bench() {
    ImGui::DestroyContext(context);
    plot::set_frame_options({});
  }
  Bench(const Bench&) = delete;
  Bench& operator=(const Bench&) = delete;

  template <class F>
  void frame(F&& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
  }
  // Key down, a frame, key up, a frame (Shift held throughout when `shift`).
  template <class F>
  void tap(int key, F&& body, bool shift = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    frame(body);
    io.KeysDown[key] = false;
    frame(body);
    io.KeyShift = false;
  }
  // Press at `at`, move by `by` in four steps, release; a frame after each event.
  template <class F>
  void drag(ImVec2 at, ImVec2 by, F&& body) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frame(body);
    io.MouseDown[0] = true;
    frame(body);
    for (int step = 1; step <= 4; ++step) {
      io.MousePos = {at.x + by.x * float(step) / 4, at.y + by.y * float(step) / 4};
      frame(body);
    }
    io.MouseDown[0] = false;
    frame(body);
  }
  // Types `text` (ASCII) into the active text field, in one frame.
  template <class F>
  void type(const char* text, F&& body) {
    for (const char* c = text; *c; ++c) ImGui::GetIO().AddInputCharacter(unsigned(*c));
    frame(body);
  }
};

// Runs `items` in one bare frame inside a plot over x, y filling the window; returns the vertices
// they added to the window's draw list.
template <class F>
int vertices_of(F&& items, int flags = plot::PlotFlags_None, plot::Range x = {-3, 3}, plot::Range y = {-2, 2}) {
  Bench bench;
  int added = 0;
  bench.frame([&] {
    plot::begin_plot("##p", {-1, -1}, flags);
    plot::setup_axes(x, y);
    const int before = ImGui::GetWindowDrawList()->VtxBuffer.Size;
    items();
    added = ImGui::GetWindowDrawList()->VtxBuffer.Size - before;
    plot::end_plot();
  });
  return added;
}

}  // namespace mml::test
