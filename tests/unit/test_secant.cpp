// The secant slope over [t, t + h] against hand-derived values: for s(t) = t³,
// (s(2 + h) − s(2))/h = ((2 + h)³ − 8)/h = 12 + 6h + h², and s'(2) = 12.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/secant.hpp"

using namespace mml;

namespace {
Dual cube(double t) { return {t * t * t, 3 * t * t}; }
Dual sine(double t) { return {std::sin(t), std::cos(t)}; }
Dual root(double t) { return {std::sqrt(t), 0.5 / std::sqrt(t)}; }
Dual pole(double t) { return {1 / (t - 1), -1 / ((t - 1) * (t - 1))}; }
}  // namespace

TEST_CASE("secant slopes of t³ at 2 are 12 + 6h + h², the speed is 12") {
  for (const double h : {1.0, 0.5, 0.1, 1e-2, 1e-3, 1e-4}) {
    const SpeedReading r = read_speed(cube, 2, h);
    CAPTURE(h);
    CHECK(r.position == 8);
    CHECK(r.exact == 12);
    CHECK(r.secant == Approx(12 + 6 * h + h * h).epsilon(1e-9));
    CHECK(r.gap == Approx(6 * h + h * h).epsilon(1e-6));
    CHECK(r.gap_defined());
  }
  // A step backwards gives the average speed over [t + h, t]: 12 − 6h' + h'² with h = −h'.
  CHECK(read_speed(cube, 2, -0.5).secant == Approx(12 - 3 + 0.25));
  CHECK(secant_slope(8, 27, 1) == 19);  // from t = 2 to 3 the cube moves 19 in one unit of time
}

TEST_CASE("for smooth s the gap shrinks like h: gap / h → s''(t) / 2") {
  // s = sin: s''(1) / 2 = −sin(1) / 2.
  double previous = 1e9;
  for (const double h : {0.1, 1e-2, 1e-3, 1e-4}) {
    const SpeedReading r = read_speed(sine, 1, h);
    CAPTURE(h);
    CHECK(std::abs(r.gap) < previous);
    previous = std::abs(r.gap);
    CHECK(r.gap / h == Approx(-std::sin(1.0) / 2).epsilon(0.06));
  }
}

TEST_CASE("undefined readings are flagged, never handed on as NaN or inf") {
  const SpeedReading at_zero = read_speed(root, 0, 0.01);  // vertical tangent: s'(0) = ∞
  CHECK(at_zero.position_defined);
  CHECK_FALSE(at_zero.exact_defined);
  CHECK(at_zero.secant_defined);
  CHECK(at_zero.secant == Approx(10));  // √0.01 / 0.01
  CHECK(at_zero.gap == 0);
  const SpeedReading left = read_speed(root, -1, 0.5);  // √ of a negative number
  CHECK_FALSE(left.position_defined);
  CHECK_FALSE(left.secant_defined);
  CHECK_FALSE(left.exact_defined);
  const SpeedReading across = read_speed(pole, 0.5, 0.5);  // s(t + h) = 1/0
  CHECK(across.position_defined);
  CHECK_FALSE(across.later_defined);
  CHECK_FALSE(across.secant_defined);
  CHECK(across.exact == Approx(-4));
  // h = 0 or NaN is replaced by a tiny nonzero step rather than dividing by zero.
  CHECK(read_speed(cube, 2, 0).secant_defined);
  CHECK(read_speed(cube, 2, std::nan("")).secant_defined);
}
