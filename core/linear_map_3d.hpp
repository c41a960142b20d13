#pragma once
// Linear maps of space, the same way as the plane (core/linear_map.hpp): the columns of a 3×3
// matrix are where e₁, e₂, e₃ land, and det A is the signed volume of the unit cube's image,
// the parallelepiped spanned by the three columns.
#include <Eigen/Dense>
#include <array>
#include <string>

#include "core/linear_map.hpp"

namespace mml {

using Vec3 = Eigen::Vector3d;
using Mat3 = Eigen::Matrix3d;

// A = [a b c]: the map sending e₁ ↦ a, e₂ ↦ b, e₃ ↦ c.
Mat3 matrix_from_columns(const Vec3& e1_image, const Vec3& e2_image, const Vec3& e3_image);

// The scalar triple product a · (b × c): the signed volume of the parallelepiped spanned by
// a, b, c, positive when (a, b, c) is right-handed like (e₁, e₂, e₃). Equals det [a b c].
double signed_volume(const Vec3& a, const Vec3& b, const Vec3& c);

// det > 0 keeps orientation (a right hand stays a right hand), det < 0 flips it (a mirror image),
// det ≈ 0 flattens space onto a plane, a line or a point.
Orientation orientation(const Mat3& a, double tolerance = 1e-9);

// Dimension of the image (the rank): 3 for an invertible map, 2 when space flattens onto a plane,
// 1 onto a line, 0 onto the origin. By Gram–Schmidt with column pivoting: the longest remaining
// column counts while its length is above `tolerance` · max(1, longest column of a), then its
// direction is taken out of the others. (A rank test with a tolerance, as the singular values
// would give it for all but matrices within rounding of the threshold: the longest column is
// within a factor √3 of σ₁, and the longest column left after taking out k directions is at least
// σ₍ₖ₊₁₎/√3 long.)
int image_dimension(const Mat3& a, double tolerance = 1e-9);

// The unit cube's 8 corners under `a`: corner k is a·(k₀, k₁, k₂) with kᵢ bit i of k, so corner 0
// is the origin and corners 1, 2, 4 are the columns.
std::array<Vec3, 8> parallelepiped_corners(const Mat3& a);
// The cube's 6 faces as corner indices, each listed counter-clockwise seen from outside the cube
// (so their normals point outward for any map with det > 0, inward when det < 0).
inline constexpr int kCubeFaces[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                                         {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};

// The signed volume enclosed by the faces of a closed polyhedron (divergence theorem: the sum of
// the tetrahedra from the origin to each face triangle, V = Σ p·(q × r) / 6). For the image of the
// cube this measures the volume from the shape alone, independently of any determinant formula.
double enclosed_volume(const std::array<Vec3, 8>& corners, const int (&faces)[6][4]);

// Named maps of space a reader can start from.
enum class SpacePreset { Identity, RotationZ, Shear, Scaling, Reflection, Flatten };
Mat3 preset_matrix(SpacePreset preset);

// One sentence on what the map does to volume and orientation, e.g.
// "det = 2: the cube's image has volume 2, orientation kept".
std::string describe_volume_change(const Mat3& a);

}  // namespace mml
