#pragma once
// Linear maps of the plane, the book's way: a matrix is where the unit vectors land.
// The columns of A are A·e₁ and A·e₂; det A is the signed area of the unit square's image.
#include <Eigen/Dense>
#include <span>
#include <string>
#include <vector>

namespace mml {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

// A = [a b]: the map sending e₁ ↦ a and e₂ ↦ b.
Mat2 matrix_from_columns(const Vec2& e1_image, const Vec2& e2_image);

// How the map treats orientation: det > 0 keeps it, det < 0 flips it (a mirror image),
// det ≈ 0 collapses the plane onto a line or a point.
enum class Orientation { Preserved, Flipped, Collapsed };
Orientation orientation(const Mat2& a, double tolerance = 1e-9);

// Signed area of a simple polygon (shoelace): positive when its vertices run counter-clockwise.
double signed_area(std::span<const Vec2> polygon);

std::vector<Vec2> map_points(const Mat2& a, std::span<const Vec2> points);

// The unit square e₁, e₁+e₂, e₂ corners from the origin, counter-clockwise.
std::vector<Vec2> unit_square();

// A letter "F": no symmetry, so reflections and rotations are told apart at a glance.
std::vector<Vec2> letter_f();

// Named maps a reader can start from.
enum class LinearPreset { Identity, Rotation, Shear, Scaling, Reflection, Projection };
Mat2 preset_matrix(LinearPreset preset);

// One sentence on what the map does to area and orientation, e.g.
// "det = −0.75: orientation flipped, area scaled by 0.75".
std::string describe_area_change(const Mat2& a);

}  // namespace mml
