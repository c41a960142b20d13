// Adaptive sampling and contour extraction, checked against closed forms: points lie on the
// function, chords stay within the pixel tolerance, poles and gaps break the curve, and level
// sets of x² + y² and x + 2y land on the circle and the line they should.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "web/plot/sampling.hpp"

using namespace mml::plot;

TEST_CASE("sampling: points lie on the function and chords stay within tolerance") {
  SamplingOptions options;
  options.pixels_per_unit_x = options.pixels_per_unit_y = 400;  // zoomed in: sin must be refined
  const auto curve = sample_function([](double x) { return std::sin(x); }, 0, 2 * std::numbers::pi, 4, options);
  REQUIRE(curve.size() == 1);
  const auto& pts = curve[0];
  CHECK(pts.front().x() == 0);
  CHECK(pts.back().x() == Approx(2 * std::numbers::pi));
  for (std::size_t i = 0; i < pts.size(); ++i) {
    CHECK(pts[i].y() == std::sin(pts[i].x()));
    if (i == 0) continue;
    // The curve between two samples is never further than ~the tolerance from their chord.
    const double xm = 0.5 * (pts[i - 1].x() + pts[i].x());
    const double chord = 0.5 * (pts[i - 1].y() + pts[i].y());
    CHECK(std::abs(std::sin(xm) - chord) * 400 <= 4 * options.tolerance);
  }
  // A straight line needs no refinement beyond the initial samples.
  const auto line = sample_function([](double x) { return 2 * x + 1; }, -1, 1, 10, options);
  REQUIRE(line.size() == 1);
  CHECK(line[0].size() == std::size_t(options.initial + 1));
  CHECK(pts.size() > line[0].size());
}

TEST_CASE("sampling: poles, jumps and undefined stretches break the curve") {
  const auto hyperbola = sample_function([](double x) { return 1 / x; }, -1, 1, 10);
  REQUIRE(hyperbola.size() == 2);
  CHECK(hyperbola[0].back().x() < 0);
  CHECK(hyperbola[1].front().x() > 0);
  const auto tangent = sample_function([](double x) { return std::tan(x); }, 0, std::numbers::pi, 10);
  REQUIRE(tangent.size() == 2);
  CHECK(tangent[0].back().x() < std::numbers::pi / 2);
  CHECK(tangent[1].front().x() > std::numbers::pi / 2);
  const auto log = sample_function([](double x) { return std::log(x); }, -1, 1, 10);
  REQUIRE(log.size() == 1);
  CHECK(log[0].front().x() > 0);
  CHECK(log[0].front().x() < 0.05);  // refined toward where log starts
  const auto step = sample_function([](double x) { return x < 0.3 ? 0.0 : 5.0; }, -1, 1, 4);
  CHECK(step.size() == 2);
  CHECK(sample_function([](double) { return NAN; }, 0, 1, 1).empty());
  CHECK(sample_function([](double x) { return x; }, 1, 0, 1).empty());
  // Nothing blows up on a wild function: the point cap holds.
  SamplingOptions capped;
  capped.max_points = 500;
  std::size_t total = 0;
  for (const auto& piece : sample_function([](double x) { return std::sin(1 / x) * 1e6; }, -1, 1, 2, capped))
    total += piece.size();
  CHECK(total < 1500);
}

TEST_CASE("sampling: a parametric circle stays on the circle") {
  const auto circle = sample_parametric([](double t) { return Point(std::cos(t), std::sin(t)); }, 0,
                                        2 * std::numbers::pi);
  REQUIRE(circle.size() == 1);
  for (const auto& p : circle[0]) CHECK(p.norm() == Approx(1).epsilon(1e-12));
  CHECK((circle[0].front() - circle[0].back()).norm() < 1e-9);
}

namespace {
Grid sample_grid(double (*f)(double, double), double lo, double hi, int n) {
  Grid g;
  g.x0 = g.y0 = lo;
  g.dx = g.dy = (hi - lo) / (n - 1);
  g.values.resize(n, n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) g.values(i, j) = f(lo + i * g.dx, lo + j * g.dy);
  return g;
}
}  // namespace

TEST_CASE("contours: level sets of a bowl are circles, of a plane are lines") {
  const Grid bowl = sample_grid([](double x, double y) { return x * x + y * y; }, -2, 2, 81);
  const auto circle = contour_segments(bowl, 1);
  double length = 0;
  for (const auto& s : circle) {
    CHECK(s[0].norm() == Approx(1).margin(2e-3));  // linear interpolation error ~ dx²/8
    length += (s[1] - s[0]).norm();
  }
  CHECK(length == Approx(2 * std::numbers::pi).epsilon(5e-3));

  const Grid plane = sample_grid([](double x, double y) { return x + 2 * y; }, -1, 1, 17);
  const auto line = contour_segments(plane, 0.3);
  REQUIRE_FALSE(line.empty());
  for (const auto& s : line)
    for (const auto& p : s) CHECK(p.x() + 2 * p.y() == Approx(0.3).margin(1e-12));  // exact for planes

  // Saddle x·y = 0 on a grid whose cells straddle the axes: segments still lie on the axes.
  const Grid saddle = sample_grid([](double x, double y) { return x * y; }, -1.05, 0.95, 21);
  for (const auto& s : contour_segments(saddle, 0))
    for (const auto& p : s) CHECK(std::min(std::abs(p.x()), std::abs(p.y())) < 1e-9);
}

TEST_CASE("contours: levels and degenerate grids") {
  const Grid bowl = sample_grid([](double x, double y) { return x * x + y * y; }, -1, 1, 11);
  const auto levels = contour_levels(bowl, 4);
  REQUIRE(levels.size() == 4);
  CHECK(levels.front() == Approx(0.4));  // range [0, 2] split in five
  CHECK(levels.back() == Approx(1.6));
  Grid empty;
  CHECK(contour_segments(empty, 0).empty());
  CHECK(contour_levels(empty, 3).empty());
  Grid holes = bowl;
  holes.values.setConstant(NAN);
  CHECK(contour_segments(holes, 0.5).empty());
  CHECK(contour_segments(bowl, NAN).empty());
}
