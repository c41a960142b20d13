#pragma once
// Scripted input for headless figure tests: frames until idle, and mouse drags.
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

// Taps a key: down, a frame, up, a frame.
inline void tap(FigureHost& host, double* time, HostKey key, int modifiers = 0) {
  host.key(key, true, modifiers);
  host.frame(*time += 1.0 / 60);
  host.key(key, false, modifiers);
  host.frame(*time += 1.0 / 60);
}

}  // namespace mml::test
