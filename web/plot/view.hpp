#pragma once
// The plot's geometry, free of ImGui so it is unit-tested natively: data ↔ screen transforms
// (data y points up, screen y points down) and "nice" axis ticks.
#include <Eigen/Dense>
#include <array>
#include <vector>

namespace mml::plot {

struct Range {
  double min = 0, max = 1;
  double size() const { return max - min; }
  double center() const { return (min + max) / 2; }
};

struct ScreenRect {
  double x = 0, y = 0, w = 1, h = 1;  // top-left corner and size, in CSS pixels
};

class ViewTransform {
 public:
  ViewTransform() = default;
  // With equal_aspect, one data unit spans the same pixels on both axes: the range that
  // would be squeezed grows about its centre until the units match.
  ViewTransform(Range x, Range y, ScreenRect screen, bool equal_aspect);

  Eigen::Vector2d to_screen(const Eigen::Vector2d& data) const;
  Eigen::Vector2d to_data(const Eigen::Vector2d& screen) const;
  const Range& x() const { return x_; }
  const Range& y() const { return y_; }
  const ScreenRect& screen() const { return screen_; }
  double pixels_per_unit_x() const { return screen_.w / x_.size(); }
  double pixels_per_unit_y() const { return screen_.h / y_.size(); }

 private:
  Range x_, y_;
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

}  // namespace mml::plot

namespace mml::plot {

// Triangles (vertex index triples) covering a simple polygon of either orientation, by ear
// clipping. Degenerate polygons (zero area, e.g. squashed by a singular matrix) give none.
std::vector<std::array<int, 3>> triangulate(const std::vector<Eigen::Vector2d>& polygon);

}  // namespace mml::plot
