#pragma once
// The plot's geometry, free of ImGui so it is unit-tested natively: data ↔ screen transforms
// (data y points up, screen y points down; linear or log10 axes) and axis ticks.
#include <Eigen/Dense>
#include <array>
#include "core/function_ref.hpp"
#include <string>
#include <vector>

namespace mml::plot {

struct Range {
  double min = 0, max = 1;
  double size() const { return max - min; }
  double center() const { return (min + max) / 2; }
};

// How an axis maps data to the plot's linear space: as is, or by log10 (decades equally spaced).
enum class AxisScale { Linear, Log10 };

// Data value → the axis's linear space (log10 on log axes; values ≤ 0 go to 10⁻³⁰⁰, far below).
double scale_forward(AxisScale scale, double value);
// Linear space → data value.
double scale_inverse(AxisScale scale, double u);
// A usable range for the scale: log axes need 0 < min < max (a non-positive min becomes
// max / 1000; a non-positive max gives [1, 10]).
Range valid_range(AxisScale scale, Range range);

struct ScreenRect {
  double x = 0, y = 0, w = 1, h = 1;  // top-left corner and size, in CSS pixels
};

class ViewTransform {
 public:
  ViewTransform() = default;
  // With equal_aspect, one data unit spans the same pixels on both axes: the range that
  // would be squeezed grows about its centre until the units match.
  // On log axes the ranges are in data units (e.g. y from 1e-6 to 100) and equal aspect applies
  // to the linear space (a decade as long as a unit).
  ViewTransform(Range x, Range y, ScreenRect screen, bool equal_aspect, AxisScale x_scale = AxisScale::Linear,
                AxisScale y_scale = AxisScale::Linear);

  Eigen::Vector2d to_screen(const Eigen::Vector2d& data) const;
  Eigen::Vector2d to_data(const Eigen::Vector2d& screen) const;
  // The same through the axes' linear spaces (log10 of data on log axes): what sampling and
  // dragging work in, because there a pixel is the same size everywhere.
  Eigen::Vector2d linear_to_screen(const Eigen::Vector2d& linear) const;
  Eigen::Vector2d screen_to_linear(const Eigen::Vector2d& screen) const;
  Eigen::Vector2d to_linear(const Eigen::Vector2d& data) const;
  Eigen::Vector2d from_linear(const Eigen::Vector2d& linear) const;
  // Visible data ranges.
  const Range& x() const { return x_; }
  const Range& y() const { return y_; }
  // Visible ranges in linear space (equal to x(), y() on linear axes).
  const Range& linear_x() const { return lx_; }
  const Range& linear_y() const { return ly_; }
  AxisScale x_scale() const { return sx_; }
  AxisScale y_scale() const { return sy_; }
  const ScreenRect& screen() const { return screen_; }
  // Pixels per unit of linear space: per data unit on linear axes, per decade on log axes.
  double pixels_per_unit_x() const { return screen_.w / lx_.size(); }
  double pixels_per_unit_y() const { return screen_.h / ly_.size(); }

 private:
  Range x_, y_, lx_, ly_;
  AxisScale sx_ = AxisScale::Linear, sy_ = AxisScale::Linear;
  ScreenRect screen_;
};

// Pan and zoom of a plot relative to its home ranges (what the figure asked for). Bounded: the
// zoom stays in [1/4, 16] and the centre within two home sizes of home, so a reader can never
// lose the picture; a double-click (or reset) returns home.
struct PanZoom {
  double zoom = 1;                                  // > 1 shows less (closer)
  Eigen::Vector2d offset = Eigen::Vector2d::Zero();  // centre shift in home sizes
  bool home() const { return zoom == 1 && offset.isZero(); }
};
void apply_pan_zoom(const PanZoom& pz, Range* x, Range* y);
// Zooms by `factor` about `anchor` (data coordinates), which stays where it is on screen.
void zoom_about(PanZoom* pz, Range home_x, Range home_y, const Eigen::Vector2d& anchor, double factor);
// Moves the view by `delta` data units (the picture follows the pointer: view moves opposite).
void pan_by(PanZoom* pz, Range home_x, Range home_y, const Eigen::Vector2d& delta);

// Step of the form {1, 2, 5} × 10ᵏ giving about `target` intervals over `span` (Heckbert's
// "nice numbers" without rounding the ends).
double nice_step(double span, int target);
// Multiples of nice_step inside the range, with exact zero (no 1e-17 labels).
std::vector<double> nice_ticks(Range range, int target);

// An axis's ticks: labelled major ticks and unlabelled minor ones (grid only).
struct AxisTicks {
  std::vector<double> major, minor;
};
// Linear axes: nice_ticks, no minor ticks. Log axes: the decades 1, 10, 100, … (every 2nd, 3rd, 5th
// or 10th when there are more than `target`) with minor ticks at 2…9 × 10ᵏ (or at the skipped
// decades); a range narrower than two decades gets nice linear ticks as majors instead.
AxisTicks axis_ticks(AxisScale scale, Range range, int target);
// "0.001", "0.01", "0.1", "1", "10", "100", "1000" for |k| ≤ 3, else "10⁴", "10⁻¹²".
std::string decade_label(int k);
// True when v is 10ᵏ for an integer k (within rounding).
bool is_decade(double v);

// The values that frame y = f(x) over x: from the 2nd to the 98th percentile of f's finite values
// at 201 evenly spaced x (so the spikes beside a pole do not flatten the rest of the graph);
// [−1, 1] when f is nowhere finite, widened by 1 each way when f is flat. Padding is the caller's.
Range framing_range(FunctionRef<double(double)> f, Range x);

}  // namespace mml::plot

namespace mml::plot {

// Triangles (vertex index triples) covering a simple polygon of either orientation, by ear
// clipping. Degenerate polygons (zero area, e.g. squashed by a singular matrix) give none.
std::vector<std::array<int, 3>> triangulate(const std::vector<Eigen::Vector2d>& polygon);

}  // namespace mml::plot
