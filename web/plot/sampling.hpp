#pragma once
// Curves and scalar fields turned into drawable geometry, free of ImGui so they are unit-tested:
// adaptive sampling of y = f(x) and of parametric curves, and contour lines of a sampled grid
// (marching squares).
#include <Eigen/Dense>
#include "core/function_ref.hpp"
#include <initializer_list>
#include <span>
#include <vector>

namespace mml::plot {

using Point = Eigen::Vector2d;
// Pieces of a curve: the function is undefined or jumps between pieces (1/x at 0, log at x ≤ 0).
using Polylines = std::vector<std::vector<Point>>;

struct SamplingOptions {
  int initial = 64;          // uniform samples before refining
  int max_depth = 8;         // each initial interval splits at most 2^max_depth times
  double tolerance = 0.25;   // allowed deviation from a straight segment, in pixels
  double pixels_per_unit_x = 100, pixels_per_unit_y = 100;  // how data maps to the screen
  std::size_t max_points = 20000;  // hard cap, whatever the function does
};

// Samples f on [x0, x1] densely where it bends and sparsely where it is straight; breaks the
// curve where f is NaN or infinite, or jumps by more than the visible y range `y_span`.
Polylines sample_function(FunctionRef<double(double)> f, double x0, double x1,
                          double y_span, const SamplingOptions& options = {});

// Samples t ↦ p(t) on [t0, t1] the same way (deviation measured in both coordinates).
Polylines sample_parametric(FunctionRef<Point(double)> p, double t0, double t1,
                            const SamplingOptions& options = {});

// A scalar field sampled on a regular grid: values(i, j) = f(x0 + i·dx, y0 + j·dy),
// i along x (rows of the matrix), j along y.
struct Grid {
  double x0 = 0, y0 = 0, dx = 1, dy = 1;
  Eigen::MatrixXd values;
};

// Segments of the level set f = level, by marching squares with linear interpolation along cell
// edges; saddle cells are split by the cell centre's average. NaN cells give no segments.
std::vector<std::array<Point, 2>> contour_segments(const Grid& grid, double level);

// The same segments joined end to end into polylines (a closed loop repeats its first point).
Polylines contour_polylines(const Grid& grid, double level);

// `count` levels evenly spaced strictly inside [min, max] of the finite values.
std::vector<double> contour_levels(const Grid& grid, int count);

// An axis-aligned box (screen pixels) outside of which dashes are not emitted.
struct ClipBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
// The parameter interval [t0, t1] ⊆ [0, 1] of a + t(b − a) inside the box (Liang–Barsky); false
// when the segment misses it.
bool clip_segment(const Point& a, const Point& b, const ClipBox& box, double* t0, double* t1);

// The "on" pieces of a dash pattern along a polyline in screen pixels: `on` pixels drawn, `off`
// skipped, starting `phase` pixels into the pattern at the first point. A dash running through a
// corner stays one piece (joined corner). With `clip`, only pieces inside the box are emitted, but
// the pattern still advances along the hidden length, so a dash keeps its place when the view
// moves. At most `max_points` points in all (the rest is dropped). Non-finite points break the
// line without advancing the pattern.
Polylines dash_polyline(const std::vector<Point>& points, double on, double off, double phase,
                        const ClipBox* clip = nullptr, std::size_t max_points = 200000);

// Length in pixels of the graph of g between x = a and x = b (negative when b < a), with chords
// between the points anchor + k·h that lie between a and b: for given a and b it depends on the
// zoom (h, pixels per unit) but not on where the view starts, which is what keeps a dashed
// curve's pattern in place while the reader pans. Non-finite values add nothing; y is clamped
// to [y_lo, y_hi] (poles). At most 20000 chords (h grows beyond that).
double graph_length(FunctionRef<double(double)> g, double anchor, double h, double a, double b,
                    double pixels_per_unit_x, double pixels_per_unit_y, double y_lo, double y_hi);

// Length of a polyline (non-finite points skipped, as a break).
double polyline_length(const std::vector<Point>& points);

// The check of the toolkit's sample caches (cached_grid, regions): true while `stored` holds the
// figure's `key` followed by `view` (the view's ranges and the sampling), so the samples still
// hold; otherwise it stores them and returns false, and the caller samples again.
bool cache_holds(std::vector<double>& stored, std::span<const double> key, std::initializer_list<double> view);

}  // namespace mml::plot
