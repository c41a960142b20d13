#include "core/linear_map_3d.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/format.hpp"

namespace mml {

Mat3 matrix_from_columns(const Vec3& e1_image, const Vec3& e2_image, const Vec3& e3_image) {
  Mat3 a;
  a.col(0) = e1_image;
  a.col(1) = e2_image;
  a.col(2) = e3_image;
  return a;
}

double signed_volume(const Vec3& a, const Vec3& b, const Vec3& c) { return a.dot(b.cross(c)); }

Orientation orientation(const Mat3& a, double tolerance) {
  const double det = signed_volume(a.col(0), a.col(1), a.col(2));
  if (std::abs(det) <= tolerance) return Orientation::Collapsed;
  return det > 0 ? Orientation::Preserved : Orientation::Flipped;
}

int image_dimension(const Mat3& a, double tolerance) {
  Vec3 c[3] = {a.col(0), a.col(1), a.col(2)};
  double longest = 1;
  for (const Vec3& v : c) longest = std::max(longest, v.norm());
  int rank = 0;
  for (int k = 0; k < 3; ++k, ++rank) {
    int pivot = k;
    for (int i = k + 1; i < 3; ++i)
      if (c[i].squaredNorm() > c[pivot].squaredNorm()) pivot = i;
    std::swap(c[k], c[pivot]);
    const double length = c[k].norm();
    if (!(length > tolerance * longest)) break;
    const Vec3 q = c[k] / length;
    for (int i = k + 1; i < 3; ++i) c[i] -= q.dot(c[i]) * q;
  }
  return rank;
}

std::array<Vec3, 8> parallelepiped_corners(const Mat3& a) {
  std::array<Vec3, 8> c;
  for (int k = 0; k < 8; ++k) c[std::size_t(k)] = a * Vec3(k & 1, (k >> 1) & 1, (k >> 2) & 1);
  return c;
}

double enclosed_volume(const std::array<Vec3, 8>& corners, const int (&faces)[6][4]) {
  // Each quad face splits into two triangles fanned from its first corner.
  double six_v = 0;
  for (const auto& f : faces) {
    const Vec3& p = corners[std::size_t(f[0])];
    for (int i = 1; i + 1 < 4; ++i)
      six_v += p.dot(corners[std::size_t(f[i])].cross(corners[std::size_t(f[i + 1])]));
  }
  return six_v / 6;
}

Mat3 preset_matrix(SpacePreset preset) {
  const double t = std::numbers::pi / 6;  // 30°
  Mat3 a;
  switch (preset) {
    case SpacePreset::Identity: a.setIdentity(); break;
    // About the z-axis: the floor turns by 30°, heights stay.
    case SpacePreset::RotationZ: a << std::cos(t), -std::sin(t), 0, std::sin(t), std::cos(t), 0, 0, 0, 1; break;
    // The top face slides by (1, 0.5): e₃ ↦ (1, 0.5, 1), the floor stays.
    case SpacePreset::Shear: a << 1, 0, 1, 0, 1, 0.5, 0, 0, 1; break;
    case SpacePreset::Scaling: a << 2, 0, 0, 0, 1.5, 0, 0, 0, 0.5; break;
    // Mirror in the floor (the xy-plane): e₃ ↦ −e₃.
    case SpacePreset::Reflection: a << 1, 0, 0, 0, 1, 0, 0, 0, -1; break;
    // e₃ ↦ e₁' + e₂' (the sum of the other two columns): everything lands in one tilted plane.
    case SpacePreset::Flatten: a << 1, 0, 1, 0, 1, 1, 0.5, 0.5, 1; break;
  }
  return a;
}

std::string describe_volume_change(const Mat3& a) {
  const double det = signed_volume(a.col(0), a.col(1), a.col(2));
  const std::string head = "det = " + format_number(det) + ": ";
  switch (orientation(a)) {
    case Orientation::Collapsed:
      switch (image_dimension(a)) {
        case 0: return head + "all of space collapses to the origin, volume 0";
        case 1: return head + "the cube collapses onto a line, volume 0";
        default: return head + "the cube flattens onto a plane, volume 0";
      }
    case Orientation::Flipped:
      return head + "the cube's image has volume " + format_number(-det) + ", orientation flipped";
    case Orientation::Preserved: break;
  }
  return head + "the cube's image has volume " + format_number(det) + ", orientation kept";
}

}  // namespace mml
