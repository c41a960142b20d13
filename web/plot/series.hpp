#pragma once
// Data series, markers and an optimizer's trail, in ImPlot's grammar: called between setup_axes
// and end_plot, data in spans (no copies), x implicit (index × step + start) or explicit.
// - A line series is decimated at pixel level once it has more points than the plot has pixel
//   columns: each column keeps its first, lowest, highest and last point, so the drawn shape is
//   the data's exactly (a spike one sample wide survives) at a few vertices per column.
// - Segments that leave the view are clipped to the plot's rectangle (not clamped point by point,
//   which would bend them); non-finite points, and points ≤ 0 on a log axis, break the line.
// - A halo is an outline under the line or marker (the theme's background unless told otherwise),
//   so it stays readable over heatmaps and other data.
// The edge axes a loss-per-step plot wants are a plot flag: PlotFlags_EdgeAxes (plot.hpp).
#include <imgui.h>

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include "core/linear_map.hpp"
#include "web/plot/sampling.hpp"
#include "web/plot/view.hpp"

namespace mml::plot {

enum class Marker { None, Circle, Square, Diamond, Cross };

struct MarkerStyle {
  Marker shape = Marker::Circle;
  float size = 3;           // half the marker's width, CSS pixels (a circle's radius)
  bool filled = true;       // else outlined with `weight` (a cross is always strokes)
  float weight = 1.5f;      // outline and cross stroke width, CSS pixels
  ImU32 halo = 0;           // a ring this colour around the marker (0: none)
  float halo_width = 1;     // the ring's width, CSS pixels
};

// One marker at a data point (nothing when the point is not finite).
void marker(const Vec2& at, ImU32 color, const MarkerStyle& style = {});

// x_i = start + i · step for a series given by its y values alone.
struct IndexX {
  double start = 0, step = 1;
};

struct SeriesStyle {
  float width = 0;          // line width, CSS pixels (0: the theme's)
  MarkerStyle marker{.shape = Marker::None};  // markers at the data points (scatter: Circle if None)
  // Markers only while the series has at most this many points: a dense series reads as a line.
  std::size_t max_markers = std::numeric_limits<std::size_t>::max();
  bool halo = false;        // an outline under the line, halo_width CSS pixels each side
  ImU32 halo_color = 0;     // 0: the theme's background
  float halo_width = 1.5f;
};

// A line through (start + i·step, ys[i]).
void line_series(std::span<const double> ys, ImU32 color, const SeriesStyle& style = {}, IndexX x = {});
// A line through (xs[i], ys[i]) (the shorter span decides the count).
void line_series(std::span<const double> xs, std::span<const double> ys, ImU32 color, const SeriesStyle& style = {});
// A line through data points.
void line_series(std::span<const Vec2> points, ImU32 color, const SeriesStyle& style = {});

// Markers alone, at (start + i·step, ys[i]), (xs[i], ys[i]) or the points; points outside the
// view cost nothing. The style's marker (a filled circle when its shape is None) and halo apply.
void scatter_series(std::span<const double> ys, ImU32 color, const SeriesStyle& style = {}, IndexX x = {});
void scatter_series(std::span<const double> xs, std::span<const double> ys, ImU32 color,
                    const SeriesStyle& style = {});
void scatter_series(std::span<const Vec2> points, ImU32 color, const SeriesStyle& style = {});

// An optimizer's path: x₀ … x_k joined in order, a dot at every step while the steps are few, and
// the current step (the last point) emphasised. Points closer than a pixel to the previous one are
// skipped (a converged run of hundreds of steps draws as few vertices as its picture needs);
// non-finite points break the path. The defaults read over a heatmap (a dark halo, a dark ring
// round the current point); draw the part of the path to show: path.first(steps + 1).
struct TrailStyle {
  float width = 2.2f;                          // the joins, CSS pixels
  ImU32 halo = IM_COL32(0, 0, 0, 120);         // an outline under the joins (0: none)
  float halo_width = 1.15f;                    // CSS pixels each side of the join
  bool arrows = false;                         // each step an arrow x_k → x_{k+1} (few, long steps)
  float step_size = 2.5f;                      // the dot at each step (0: none)
  std::size_t max_step_dots = 60;              // dots only while the path has at most this many points
  // Older steps fade: step k of n is drawn at opacity 1 − fade·(n − 1 − k), never below fade_floor.
  float fade = 0, fade_floor = 0.25f;
  MarkerStyle current{.size = 4.5f, .halo = IM_COL32(0, 0, 0, 140)};  // the last point
  ImU32 current_color = 0;                     // 0: the trail's colour
};
void trail(std::span<const Vec2> path, ImU32 color, const TrailStyle& style = {});

// A range framing a series' finite values with `pad` of their span added at each end (ImPlot's
// auto-fit); a flat series spans ±1 about its value, one with no finite value [−1, 1].
Range fit_range(std::span<const double> values, double pad = 0);

// How far along x a line of slope m runs for `pixels` CSS pixels of its length at the current
// view's (linear) scales, and the line of slope m through `at` reaching that far on each side: a
// tangent or a secant drawn the same length on screen whatever the axes' units.
double slope_run(double slope, float pixels);
void slope_line(const Vec2& at, double slope, float pixels, ImU32 color, float width = 0);

// --- geometry (screen pixels), free of ImGui: what the series draw, for tests ---

// Pixel-level decimation of a polyline whose x never decreases: of each run of points in one
// pixel column (floor of x), the first, the lowest, the highest and the last, in their order.
// A polyline whose x goes back and forth is returned as it is.
std::vector<Point> decimate_columns(std::span<const Point> points);
// The parts of a polyline inside the box: segments that cross the edge end on it, a run that
// leaves and comes back becomes two pieces. Non-finite points break the line.
Polylines clip_polyline(std::span<const Point> points, const ClipBox& box);

}  // namespace mml::plot
