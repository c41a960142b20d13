// core/linear_map_3d: the determinant of a 3×3 matrix as the signed volume of the unit cube's image.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/linear_map_3d.hpp"

using namespace mml;

namespace {
Mat3 random_matrix(std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-2, 2);
  Mat3 a;
  for (int i = 0; i < 9; ++i) a(i / 3, i % 3) = u(rng);
  return a;
}
Mat3 rows(std::initializer_list<double> v) {
  Mat3 a;
  auto it = v.begin();
  for (int i = 0; i < 9; ++i) a(i / 3, i % 3) = *it++;
  return a;
}
double det_of(const Mat3& a) { return signed_volume(a.col(0), a.col(1), a.col(2)); }
}  // namespace

TEST_CASE("a 3 by 3 matrix is where the three unit vectors land") {
  std::mt19937 rng(3);
  for (int i = 0; i < 100; ++i) {
    const Mat3 a = random_matrix(rng);
    CHECK(matrix_from_columns(a * Vec3::UnitX(), a * Vec3::UnitY(), a * Vec3::UnitZ()).isApprox(a));
  }
  const Mat3 a = matrix_from_columns({1.5, 0, 0.5}, {0.5, 1, 0}, {0.5, 0, 1.5});
  CHECK(a(0, 0) == 1.5);
  CHECK(a(2, 0) == 0.5);
  CHECK(a(0, 1) == 0.5);
  CHECK(a(1, 1) == 1);
  CHECK(a(2, 2) == 1.5);
}

TEST_CASE("signed volumes match cofactor expansion and numpy") {
  // Each reference by cofactor expansion along the first row, by hand, and checked with
  // numpy 1.24.2: numpy.linalg.det(numpy.array(rows, float)).
  // 2·(3·4 − 2·1) + 1·(1·4 − 2·0) + 0 = 24 (numpy: 24.000000000000004)
  CHECK(det_of(rows({2, -1, 0, 1, 3, 2, 0, 1, 4})) == Approx(24));
  // 1·(50 − 48) − 2·(40 − 42) + 3·(32 − 35) = −3 (numpy: −2.9999999999999982)
  CHECK(det_of(rows({1, 2, 3, 4, 5, 6, 7, 8, 10})) == Approx(-3));
  // 0.5·(−1 − 0) − 1.5·(1 − 0.5) − 2·(0 + 2) = −5.25 (numpy: −5.249999999999999)
  CHECK(det_of(rows({0.5, 1.5, -2, 1, -1, 0.25, 2, 0, 1})) == Approx(-5.25));
  // The figure's default: 1.5·(1.5 − 0) − 0.5·(0 − 0) + 0.5·(0 − 0.5) = 2 (numpy: 1.9999999999999998)
  CHECK(det_of(rows({1.5, 0.5, 0.5, 0, 1, 0, 0.5, 0, 1.5})) == Approx(2));
  // Rows in arithmetic progression are dependent: 1·(45 − 48) − 2·(36 − 42) + 3·(32 − 35) = 0.
  CHECK(det_of(rows({1, 2, 3, 4, 5, 6, 7, 8, 9})) == Approx(0).margin(1e-12));
}

TEST_CASE("triangular matrices have the product of their diagonal as determinant") {
  std::mt19937 rng(5);
  for (int i = 0; i < 100; ++i) {
    Mat3 upper = random_matrix(rng), lower = random_matrix(rng);
    upper.triangularView<Eigen::StrictlyLower>().setZero();
    lower.triangularView<Eigen::StrictlyUpper>().setZero();
    CHECK(det_of(upper) == Approx(upper.diagonal().prod()).margin(1e-12));
    CHECK(det_of(lower) == Approx(lower.diagonal().prod()).margin(1e-12));
  }
}

TEST_CASE("the signed volume behaves like a determinant") {
  std::mt19937 rng(13);
  std::uniform_real_distribution<double> u(-2, 2);
  for (int i = 0; i < 200; ++i) {
    const Mat3 a = random_matrix(rng), b = random_matrix(rng);
    const Vec3 x = a.col(0), y = a.col(1), z = a.col(2);
    const double d = det_of(a);
    CHECK(d == Approx(a.determinant()).margin(1e-12));        // Eigen's LU-free 3×3 formula
    CHECK(signed_volume(y, x, z) == Approx(-d).margin(1e-12));  // swapping two columns flips the sign
    CHECK(signed_volume(y, z, x) == Approx(d).margin(1e-12));   // a cyclic shift keeps it
    const double s = u(rng);
    CHECK(signed_volume(s * x, y, z) == Approx(s * d).margin(1e-12));      // linear in each column
    CHECK(signed_volume(x, y, z + s * x) == Approx(d).margin(1e-12));      // shearing keeps volume
    CHECK(det_of(a * b) == Approx(d * det_of(b)).margin(1e-10));           // det AB = det A · det B
    CHECK(det_of(a.transpose()) == Approx(d).margin(1e-12));
  }
}

TEST_CASE("the determinant is the volume enclosed by the cube's image") {
  // The unit cube itself: volume 1 with outward faces.
  CHECK(enclosed_volume(parallelepiped_corners(Mat3::Identity()), kCubeFaces) == Approx(1));
  std::mt19937 rng(17);
  for (int i = 0; i < 200; ++i) {
    const Mat3 a = random_matrix(rng);
    const auto corners = parallelepiped_corners(a);
    CHECK(corners[0].isZero());
    CHECK(corners[1].isApprox(a.col(0)));
    CHECK(corners[2].isApprox(a.col(1)));
    CHECK(corners[4].isApprox(a.col(2)));
    CHECK(corners[7].isApprox(a.col(0) + a.col(1) + a.col(2)));
    // Divergence theorem on the image's faces, an independent measure of its signed volume.
    CHECK(enclosed_volume(corners, kCubeFaces) == Approx(det_of(a)).margin(1e-12));
    // Where the corners sit does not matter to the volume: translate the whole solid.
    auto moved = corners;
    for (auto& c : moved) c += Vec3(0.7, -1.2, 3.1);
    CHECK(enclosed_volume(moved, kCubeFaces) == Approx(det_of(a)).margin(1e-10));
  }
}

TEST_CASE("orientation and the image's dimension") {
  CHECK(orientation(Mat3(Mat3::Identity())) == Orientation::Preserved);
  CHECK(orientation(rows({1, 0, 0, 0, 1, 0, 0, 0, -1})) == Orientation::Flipped);
  CHECK(orientation(rows({1, 2, 3, 4, 5, 6, 7, 8, 9})) == Orientation::Collapsed);
  CHECK(image_dimension(Mat3::Identity()) == 3);
  CHECK(image_dimension(rows({1, 2, 3, 4, 5, 6, 7, 8, 9})) == 2);        // row 3 = 2·row 2 − row 1
  CHECK(image_dimension(rows({1, 2, -1, 2, 4, -2, 0.5, 1, -0.5})) == 1);  // every column a multiple of (1, 2, 0.5)
  CHECK(image_dimension(Mat3::Zero()) == 0);
  // Columns summing: c = a + b puts everything in the plane spanned by a and b.
  const Vec3 a(0.3, -1, 2), b(1.1, 0.4, -0.5);
  CHECK(image_dimension(matrix_from_columns(a, b, a + b)) == 2);
  CHECK(orientation(matrix_from_columns(a, b, a + b)) == Orientation::Collapsed);
}

TEST_CASE("space presets are the maps their names promise") {
  CHECK(preset_matrix(SpacePreset::Identity) == Mat3::Identity());
  const Mat3 r = preset_matrix(SpacePreset::RotationZ);
  // Rotation by 30° about z: e₁ ↦ (√3/2, 1/2, 0), e₃ stays; closed form.
  CHECK(r(0, 0) == Approx(std::sqrt(3.0) / 2));
  CHECK(r(1, 0) == Approx(0.5));
  CHECK(r.col(2) == Vec3::UnitZ());
  CHECK((r.transpose() * r).isApprox(Mat3::Identity()));  // lengths and angles kept
  CHECK(det_of(r) == Approx(1));
  const Mat3 shear = preset_matrix(SpacePreset::Shear);
  CHECK(det_of(shear) == Approx(1));                         // upper triangular, ones on the diagonal
  CHECK(shear.col(0) == Vec3::UnitX());
  CHECK(shear.col(1) == Vec3::UnitY());
  CHECK(det_of(preset_matrix(SpacePreset::Scaling)) == Approx(2 * 1.5 * 0.5));
  CHECK(det_of(preset_matrix(SpacePreset::Reflection)) == Approx(-1));
  const Mat3 flat = preset_matrix(SpacePreset::Flatten);
  CHECK(flat.col(2).isApprox(flat.col(0) + flat.col(1)));
  CHECK(det_of(flat) == Approx(0).margin(1e-12));
  CHECK(image_dimension(flat) == 2);
}

TEST_CASE("the volume sentence names volume and orientation") {
  CHECK(describe_volume_change(rows({1.5, 0.5, 0.5, 0, 1, 0, 0.5, 0, 1.5})) ==
        "det = 2: the cube's image has volume 2, orientation kept");
  CHECK(describe_volume_change(preset_matrix(SpacePreset::Reflection)) ==
        "det = \u22121: the cube's image has volume 1, orientation flipped");
  CHECK(describe_volume_change(preset_matrix(SpacePreset::Scaling)) ==
        "det = 1.5: the cube's image has volume 1.5, orientation kept");
  CHECK(describe_volume_change(preset_matrix(SpacePreset::Flatten)) ==
        "det = 0: the cube flattens onto a plane, volume 0");
  CHECK(describe_volume_change(rows({1, 2, -1, 2, 4, -2, 0.5, 1, -0.5})) ==
        "det = 0: the cube collapses onto a line, volume 0");
  CHECK(describe_volume_change(Mat3::Zero()) == "det = 0: all of space collapses to the origin, volume 0");
}
