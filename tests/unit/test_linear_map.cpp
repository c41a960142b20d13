#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/linear_map.hpp"

using namespace mml;

namespace {
Mat2 random_matrix(std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-3, 3);
  Mat2 a;
  a << u(rng), u(rng), u(rng), u(rng);
  return a;
}
}  // namespace

TEST_CASE("a matrix is where the unit vectors land") {
  std::mt19937 rng(7);
  for (int i = 0; i < 100; ++i) {
    const Mat2 a = random_matrix(rng);
    const Mat2 rebuilt = matrix_from_columns(a * Vec2::UnitX(), a * Vec2::UnitY());
    CHECK(rebuilt.isApprox(a));
  }
  const Mat2 a = matrix_from_columns({1, 0.5}, {-0.3, 1});
  CHECK(a(0, 0) == 1);
  CHECK(a(1, 0) == 0.5);
  CHECK(a(0, 1) == -0.3);
  CHECK(a(1, 1) == 1);
}

TEST_CASE("determinants match hand-computed ad - bc") {
  // References computed by hand from det [[a, b], [c, d]] = ad − bc.
  CHECK(matrix_from_columns({1, 0.5}, {-0.3, 1}).determinant() == Approx(1.15));   // 1 + 0.15
  CHECK(matrix_from_columns({0.5, 1}, {1, 0.5}).determinant() == Approx(-0.75));   // 0.25 − 1
  CHECK(matrix_from_columns({2, 1}, {4, 2}).determinant() == Approx(0).margin(1e-12));  // 4 − 4
  CHECK(matrix_from_columns({3, -1}, {2, 5}).determinant() == Approx(17));         // 15 + 2
}

TEST_CASE("the determinant is the signed area of the unit square's image") {
  std::mt19937 rng(11);
  for (int i = 0; i < 200; ++i) {
    const Mat2 a = random_matrix(rng);
    const auto square = unit_square();
    CHECK(signed_area(map_points(a, square)) == Approx(a.determinant()).margin(1e-12));
    // Any shape's area scales by the same factor: the F keeps the ratio too.
    const auto f = letter_f();
    CHECK(signed_area(map_points(a, f)) == Approx(a.determinant() * signed_area(f)).margin(1e-12));
  }
  CHECK(signed_area(unit_square()) == 1);
  CHECK(signed_area(letter_f()) > 0);  // counter-clockwise outline
}

TEST_CASE("presets are the maps their names promise") {
  const Mat2 r = preset_matrix(LinearPreset::Rotation);
  // Rotation by 30°: e₁ ↦ (cos 30°, sin 30°) = (√3/2, 1/2), closed form.
  CHECK(r(0, 0) == Approx(std::sqrt(3.0) / 2));
  CHECK(r(1, 0) == Approx(0.5));
  CHECK(r.determinant() == Approx(1));
  CHECK((r.transpose() * r).isApprox(Mat2::Identity()));  // lengths and angles kept
  CHECK(preset_matrix(LinearPreset::Shear).determinant() == Approx(1));
  CHECK(preset_matrix(LinearPreset::Scaling).determinant() == Approx(0.75));
  CHECK(preset_matrix(LinearPreset::Reflection).determinant() == Approx(-1));
  CHECK(orientation(preset_matrix(LinearPreset::Projection)) == Orientation::Collapsed);
  CHECK(orientation(preset_matrix(LinearPreset::Reflection)) == Orientation::Flipped);
  CHECK(orientation(preset_matrix(LinearPreset::Identity)) == Orientation::Preserved);
}

TEST_CASE("the area sentence states sign and scale") {
  CHECK(describe_area_change(matrix_from_columns({0.5, 1}, {1, 0.5})) ==
        "det = \u22120.75: orientation flipped, area scaled by 0.75");
  CHECK(describe_area_change(preset_matrix(LinearPreset::Scaling)) ==
        "det = 0.75: orientation kept, area scaled by 0.75");
  CHECK(describe_area_change(preset_matrix(LinearPreset::Projection)) ==
        "det = 0: the plane collapses onto a line, area becomes 0");
  CHECK(describe_area_change(Mat2::Zero()) == "det = 0: the whole plane collapses to a point");
}
