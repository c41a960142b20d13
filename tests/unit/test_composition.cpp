// Composition of linear maps: hand-computed products, column by column, and AB ≠ BA.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/composition.hpp"

using namespace mml;

namespace {
Mat2 m(double a, double b, double c, double d) {  // rows: [a b; c d]
  Mat2 r;
  r << a, b, c, d;
  return r;
}
}  // namespace

TEST_CASE("composition: B then A is the product AB, entries computed by hand") {
  // A = rotation by 90° [0 −1; 1 0], B = shear [1 1; 0 1].
  // AB: row·column: [0·1 + (−1)·0, 0·1 + (−1)·1; 1·1 + 0·0, 1·1 + 0·1] = [0 −1; 1 1].
  // BA: [1·0 + 1·1, 1·(−1) + 1·0; 0·0 + 1·1, 0·(−1) + 1·0] = [1 −1; 1 0].
  const Mat2 a = m(0, -1, 1, 0), b = m(1, 1, 0, 1);
  CHECK(compose(b, a) == m(0, -1, 1, 1));
  CHECK(compose(a, b) == m(1, -1, 1, 0));
  CHECK_FALSE(commute(a, b));
  // AB − BA = [−1 0; 0 1].
  CHECK(commutator(a, b) == m(-1, 0, 0, 1));

  // A = [2 1; 0 3], B = [1 0; 4 −1]:
  // AB = [2·1 + 1·4, 2·0 + 1·(−1); 0·1 + 3·4, 0·0 + 3·(−1)] = [6 −1; 12 −3]
  // BA = [1·2 + 0·0, 1·1 + 0·3; 4·2 + (−1)·0, 4·1 + (−1)·3] = [2 1; 8 1]
  const Mat2 a2 = m(2, 1, 0, 3), b2 = m(1, 0, 4, -1);
  CHECK(compose(b2, a2) == m(6, -1, 12, -3));
  CHECK(compose(a2, b2) == m(2, 1, 8, 1));
}

TEST_CASE("composition: the product's columns are A applied to B's columns") {
  // Be₁ = (1, 0), Be₂ = (1, 1); A(1, 0) = (0, 1), A(1, 1) = (−1, 1): the columns of AB above.
  const Mat2 a = m(0, -1, 1, 0), b = m(1, 1, 0, 1);
  CHECK(composed_column(b, a, 0) == Vec2(0, 1));
  CHECK(composed_column(b, a, 1) == Vec2(-1, 1));
  // And as a combination of A's columns with B's column as weights: A(Be₂) = 1·Ae₁ + 1·Ae₂.
  CHECK(composed_column(b, a, 1) == 1 * a.col(0) + 1 * a.col(1));
}

TEST_CASE("composition: maps that commute") {
  // Two rotations (by 30° and by 50°) give the rotation by 80° in either order.
  const double s = std::acos(-1.0) / 180;
  auto rot = [](double t) { return m(std::cos(t), -std::sin(t), std::sin(t), std::cos(t)); };
  CHECK(commute(rot(30 * s), rot(50 * s)));
  CHECK(compose(rot(30 * s), rot(50 * s)).isApprox(rot(80 * s)));
  // Scalings along the axes commute; diag(2, 3)·diag(−1, 0.5) = diag(−2, 1.5).
  CHECK(compose(m(2, 0, 0, 3), m(-1, 0, 0, 0.5)) == m(-2, 0, 0, 1.5));
  CHECK(commute(m(2, 0, 0, 3), m(-1, 0, 0, 0.5)));
  // Anything commutes with the identity and with its own powers.
  const Mat2 x = m(0.3, -1.2, 2, 0.7);
  CHECK(commute(x, Mat2::Identity()));
  CHECK(commute(x, x * x, 1e-12));
}

TEST_CASE("composition: the animation runs identity → first → product, clamped") {
  const Mat2 first = m(1, 1, 0, 1), second = m(0, -1, 1, 0);
  CHECK(composition_at(first, second, 0) == Mat2::Identity());
  CHECK(composition_at(first, second, 1) == first);
  CHECK(composition_at(first, second, 2) == m(0, -1, 1, 1));
  CHECK(composition_at(first, second, -5) == Mat2::Identity());
  CHECK(composition_at(first, second, 9) == m(0, -1, 1, 1));
  CHECK(composition_at(first, second, NAN) == Mat2::Identity());
  // Halfway through stage one: the average of I and the shear, [1 0.5; 0 1].
  CHECK(composition_at(first, second, 0.5).isApprox(m(1, 0.5, 0, 1)));
  // Halfway through stage two: ½(first + product) = ½([1 1; 0 1] + [0 −1; 1 1]) = [0.5 0; 0.5 1].
  CHECK(composition_at(first, second, 1.5).isApprox(m(0.5, 0, 0.5, 1)));
  CHECK(ease_in_out(0) == 0);
  CHECK(ease_in_out(1) == 1);
  CHECK(ease_in_out(0.5) == Approx(0.5));
  CHECK(ease_in_out(0.25) == Approx(0.15625));  // 3/16 − 2/64
}
