#pragma once
// Scripted input for headless figure tests: frames until idle, and mouse drags.
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "web/app/figure_host.hpp"

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

// A figure configured from `query`, sized `width` CSS pixels wide at its aspect, run until idle.
struct Running {
  const FigureInfo* info;
  FigureHost host;
  double time = 0;
  explicit Running(const char* id, std::string_view query = "", float width = 900)
      : info(find_figure(id)), host(*info) {
    std::vector<std::string> errors;
    host.configure(query, &errors);
    host.resize(width, width / info->aspect, 1);
    settle(host, &time);
  }
  std::string param(const std::string& name) const { return param_of(host.state(), name); }
};

}  // namespace mml::test
