#pragma once
// Bars the reader edits, in the toolkit's grammar: drag a bar's top (mouse, touch), or with the
// figure focused pick a bar with ←/→ and change it with ↑/↓. Draw the bars themselves with
// plot::bars (drag_bars draws the grips on their tops and the keyboard's selection), then call
// drag_bars in the same plot; it returns true when the reader changed a height.
#include <imgui.h>

#include <span>

namespace mml::plot {

// One row of bars: their centres and heights (edited in place) and the grips' colour.
struct BarSeries {
  std::span<const double> centres;
  std::span<double> heights;
  ImU32 color = 0;
  // What the native tests' item locator calls bar i: "<name> <i+1>" ("q 1"); null: the verb's id.
  const char* name = nullptr;
};

struct BarOptions {
  double max = 1;             // heights stay in [0, max]
  double nudge = 0.01;        // ↑/↓ step; Shift: a tenth of it
  // Each series is a probability distribution: a changed bar takes its share from the others in
  // proportion (or gives it back), so the series still sums to 1 (core/probability.hpp,
  // with_probability). max is then 1.
  bool distribution = false;
};

// Which bar the arrow keys change: its series and index, or −1 when none of these is selected.
struct BarPick {
  int series = -1, index = -1;
};

// Grips on the tops of every bar of `series` in the current plot, `width` data units wide. The
// grab area is the bar's width (at least a fingertip) by a fingertip around its top, so an empty
// bar can be grabbed at the baseline, and the grab offset is kept, so a bar picked up off-centre
// never jumps to the pointer. ←/→ walk all the bars left to right by centre (across series: p₁,
// q₁, p₂, … for two rows side by side). `picked` (optional) says which bar the keys change.
bool drag_bars(const char* id, std::span<const BarSeries> series, double width, const BarOptions& options = {},
               BarPick* picked = nullptr);
// One row of bars.
bool drag_bars(const char* id, std::span<const double> centres, std::span<double> heights, double width, ImU32 color,
               const BarOptions& options = {});

}  // namespace mml::plot
