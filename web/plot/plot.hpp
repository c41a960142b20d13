#pragma once
// The figure toolkit, in ImPlot's grammar: begin_plot → setup_axes → items → end_plot.
// Items take data coordinates; interaction helpers return true when the reader changed something,
// so a figure recomputes only then. Everything draws through ImGui's draw lists, so figures run
// headless (no renderer) in the native tests.
#include <imgui.h>

#include <span>

#include "core/linear_map.hpp"
#include "web/plot/theme.hpp"
#include "web/plot/view.hpp"

namespace mml::plot {

// Per-frame settings the host gives the toolkit before a figure draws.
struct FrameOptions {
  const Theme* theme = &light_theme();
  bool keyboard_focus = false;  // the figure's canvas has focus: show focus rings, take arrow keys
};
void set_frame_options(const FrameOptions& options);
const Theme& current_theme();

enum PlotFlags : int {
  PlotFlags_None = 0,
  PlotFlags_EqualAspect = 1 << 0,  // one unit is as long on x as on y (geometry figures)
  PlotFlags_NoGrid = 1 << 1,
  PlotFlags_NoTickLabels = 1 << 2,
};

// Starts a plot filling `size` CSS pixels (negative components: the rest of the window).
bool begin_plot(const char* id, ImVec2 size, int flags = PlotFlags_None);
// Fixes the view and draws the background grid, axes through the origin and tick labels.
void setup_axes(Range x, Range y);
const ViewTransform& current_view();
ImVec2 to_screen(const Vec2& data);
void end_plot();

// --- items ---
void segment(const Vec2& a, const Vec2& b, ImU32 color, float width = 0);
void arrow(const Vec2& from, const Vec2& to, ImU32 color, const char* label = nullptr);
void point(const Vec2& p, ImU32 color, float radius = 4);
void polygon(std::span<const Vec2> outline, ImU32 fill, ImU32 line, float width = 0);
// Text at a data point, shifted by `pixel_offset`; `align` (0..1, 0..1) picks the anchor.
void text(const Vec2& at, const char* s, ImU32 color, ImVec2 align = {0, 0}, ImVec2 pixel_offset = {0, 0});
// The lines x = k and y = k (|k| ≤ half_extent) carried through the linear map `a`.
void linear_grid(const Mat2& a, int half_extent, ImU32 color, float width = 1);

struct DragOptions {
  double snap = 0;          // snap to multiples of this while dragging (0: free); Shift disables
  double nudge = 0.1;       // arrow-key step; Shift: a tenth of it
  double limit = 1e9;       // keep |x|, |y| ≤ limit
};
// A handle the reader drags (mouse, touch) or nudges with arrow keys once selected.
bool drag_point(const char* id, Vec2* p, ImU32 color, const char* label = nullptr,
                const DragOptions& options = {});

}  // namespace mml::plot
