#include "core/linear_map.hpp"

#include <cmath>
#include <numbers>

#include "core/format.hpp"

namespace mml {

Mat2 matrix_from_columns(const Vec2& e1_image, const Vec2& e2_image) {
  Mat2 a;
  a.col(0) = e1_image;
  a.col(1) = e2_image;
  return a;
}

Orientation orientation(const Mat2& a, double tolerance) {
  const double det = a.determinant();
  if (std::abs(det) <= tolerance) return Orientation::Collapsed;
  return det > 0 ? Orientation::Preserved : Orientation::Flipped;
}

double signed_area(std::span<const Vec2> polygon) {
  // Shoelace: A = ½ Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ)
  double twice_area = 0;
  for (size_t i = 0; i < polygon.size(); ++i) {
    const Vec2& p = polygon[i];
    const Vec2& q = polygon[(i + 1) % polygon.size()];
    twice_area += p.x() * q.y() - q.x() * p.y();
  }
  return twice_area / 2;
}

std::vector<Vec2> map_points(const Mat2& a, std::span<const Vec2> points) {
  std::vector<Vec2> out;
  out.reserve(points.size());
  for (const Vec2& p : points) out.push_back(a * p);
  return out;
}

std::vector<Vec2> unit_square() { return {{0, 0}, {1, 0}, {1, 1}, {0, 1}}; }

std::vector<Vec2> letter_f() {
  // Counter-clockwise outline of an F standing in the first quadrant, 0.5 wide and 0.9 tall.
  return {{0.15, 0.1},  {0.3, 0.1},  {0.3, 0.45}, {0.55, 0.45}, {0.55, 0.6}, {0.3, 0.6},
          {0.3, 0.85},  {0.65, 0.85}, {0.65, 1.0}, {0.15, 1.0}};
}

Mat2 preset_matrix(LinearPreset preset) {
  const double t = std::numbers::pi / 6;  // 30°
  Mat2 a;
  switch (preset) {
    case LinearPreset::Identity: a << 1, 0, 0, 1; break;
    case LinearPreset::Rotation: a << std::cos(t), -std::sin(t), std::sin(t), std::cos(t); break;
    case LinearPreset::Shear: a << 1, 1, 0, 1; break;
    case LinearPreset::Scaling: a << 1.5, 0, 0, 0.5; break;
    case LinearPreset::Reflection: a << -1, 0, 0, 1; break;
    case LinearPreset::Projection: a << 1, 0, 0, 0; break;  // onto the x-axis: det 0
  }
  return a;
}

std::string describe_area_change(const Mat2& a) {
  const double det = a.determinant();
  const std::string head = "det = " + format_number(det) + ": ";
  switch (orientation(a)) {
    case Orientation::Collapsed:
      return head + (a.isZero(1e-9) ? "the whole plane collapses to a point"
                                    : "the plane collapses onto a line, area becomes 0");
    case Orientation::Flipped:
      return head + "orientation flipped, area scaled by " + format_number(-det);
    case Orientation::Preserved: break;
  }
  return head + "orientation kept, area scaled by " + format_number(det);
}

}  // namespace mml
