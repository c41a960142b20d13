// Adaptive sampling and contour extraction, checked against closed forms: points lie on the
// function, chords stay within the pixel tolerance, poles and gaps break the curve, and level
// sets of x² + y² and x + 2y land on the circle and the line they should.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

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

TEST_CASE("dashes: on pieces have the pattern's length and keep their place along the line") {
  // A straight 100 px line, 6 on / 4 off: dashes at [0,6], [10,16], … [90,96].
  const std::vector<Point> line = {{0, 0}, {100, 0}};
  const Polylines d = dash_polyline(line, 6, 4, 0);
  REQUIRE(d.size() == 10);
  for (std::size_t k = 0; k < d.size(); ++k) {
    REQUIRE(d[k].size() == 2);
    CHECK(d[k][0].x() == Approx(10.0 * double(k)));
    CHECK(d[k][1].x() == Approx(10.0 * double(k) + 6));
  }
  // A phase of 3 px starts half-way through the first dash.
  const Polylines shifted = dash_polyline(line, 6, 4, 3);
  CHECK(shifted.front()[1].x() == Approx(3));
  CHECK(shifted[1][0].x() == Approx(7));
  // A dash through a corner is one piece that turns the corner.
  const std::vector<Point> corner = {{0, 0}, {4, 0}, {4, 4}};
  const Polylines c = dash_polyline(corner, 6, 4, 0);
  REQUIRE(c.size() == 1);
  REQUIRE(c[0].size() == 3);
  CHECK(c[0][1].isApprox(Point(4, 0)));
  CHECK(c[0][2].isApprox(Point(4, 2)));
  // Clipped to a box: the dashes inside are exactly those of the unclipped line (the pattern
  // still counts the hidden length), cut at the box.
  const ClipBox box{25, -1, 62, 1};
  const Polylines clipped = dash_polyline(line, 6, 4, 0, &box);
  REQUIRE(clipped.size() == 5);  // [25,26] [30,36] [40,46] [50,56] [60,62]
  CHECK(clipped[0][0].x() == Approx(25));
  CHECK(clipped[0][1].x() == Approx(26));
  CHECK(clipped[1][0].x() == Approx(30));
  CHECK(clipped[4][0].x() == Approx(60));
  CHECK(clipped[4][1].x() == Approx(62));
  // A line a billion pixels long through a small box costs only the dashes in the box.
  const std::vector<Point> huge = {{-1e9, 0.5}, {1e9, 0.5}};
  const Polylines few = dash_polyline(huge, 6, 4, 0, &box);
  CHECK(few.size() <= 5);
  CHECK(!few.empty());
  // Drawn fraction of a long wiggly line is on / (on + off).
  std::vector<Point> wiggle;
  for (int i = 0; i <= 2000; ++i) wiggle.emplace_back(i * 0.5, 20 * std::sin(i * 0.01));
  double drawn = 0;
  for (const auto& piece : dash_polyline(wiggle, 5, 3, 0)) drawn += polyline_length(piece);
  CHECK(drawn / polyline_length(wiggle) == Approx(5.0 / 8).epsilon(0.01));
  // Non-finite points break the line; degenerate patterns draw nothing.
  const std::vector<Point> broken = {{0, 0}, {3, 0}, {NAN, 0}, {10, 0}, {13, 0}};
  CHECK(dash_polyline(broken, 100, 1, 0).size() == 2);
  CHECK(dash_polyline(line, 0, 4, 0).empty());
  CHECK(dash_polyline(line, NAN, 4, 0).empty());
}

TEST_CASE("contours: segments join into polylines, a bowl's level set into one closed loop") {
  // f = x² + y² on [−2, 2]², level 1: the unit circle.
  Grid g;
  g.x0 = g.y0 = -2;
  g.dx = g.dy = 4.0 / 40;
  g.values.resize(41, 41);
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) {
      const double x = g.x0 + i * g.dx, y = g.y0 + j * g.dy;
      g.values(i, j) = x * x + y * y;
    }
  const Polylines loops = contour_polylines(g, 1);
  REQUIRE(loops.size() == 1);
  CHECK(loops[0].size() > 60);  // the level passes through sample points: their empty pieces are dropped
  CHECK(contour_polylines(g, 1.1)[0].size() == contour_segments(g, 1.1).size() + 1);  // closed: first point again
  CHECK((loops[0].front() - loops[0].back()).norm() < 1e-9);
  for (const Point& p : loops[0]) CHECK(p.norm() == Approx(1).epsilon(0.01));
  // f = x on the same grid, level 0.5: one open vertical line from bottom to top.
  for (int i = 0; i <= 40; ++i)
    for (int j = 0; j <= 40; ++j) g.values(i, j) = g.x0 + i * g.dx;
  const Polylines lines = contour_polylines(g, 0.55);
  REQUIRE(lines.size() == 1);
  CHECK(std::abs(lines[0].front().y() - lines[0].back().y()) == Approx(4));
  CHECK(contour_polylines(g, 99).empty());
}

TEST_CASE("dashed curves: the pattern's position at a point does not depend on where the view starts") {
  // What plot::curve does: phase at the first sample = graph_length(anchor → view start), then
  // the sampled polyline's own length. At a fixed point P the sum must agree for any pan.
  const auto f = [](double x) { return std::sin(3 * x) + 0.3 * x; };
  const double ppu = 80, anchor = -3, h = std::max(2 / ppu, 6.0 / 512), target = 1.7;
  SamplingOptions options;
  options.pixels_per_unit_x = options.pixels_per_unit_y = ppu;
  double reference = NAN;
  for (double start : {-3.0, -2.6, -1.37, -0.5, 0.91, 1.2, -4.4}) {
    const double before = graph_length(f, anchor, h, anchor, start, ppu, ppu, -100, 100);
    const Polylines pieces = sample_function(f, start, target, 10, options);
    REQUIRE(pieces.size() == 1);
    std::vector<Point> px;
    for (const Point& p : pieces[0]) px.push_back(p * ppu);
    const double at_target = before + polyline_length(px);
    if (std::isnan(reference)) reference = at_target;
    CHECK(at_target == Approx(reference).margin(0.5));  // within half a pixel
  }
  // The graph of a line y = 2x from 0 to 3: √5 · 3 units, signed by direction.
  const auto line = [](double x) { return 2 * x; };
  CHECK(graph_length(line, 0.1, 0.01, 0, 3, 1, 1, -100, 100) == Approx(3 * std::sqrt(5.0)));
  CHECK(graph_length(line, 0.1, 0.01, 3, 0, 1, 1, -100, 100) == Approx(-3 * std::sqrt(5.0)));
}

TEST_CASE("cache_holds: the samples hold while the key and the view are what was stored") {
  std::vector<double> stored;
  const std::array<double, 2> key = {3, 0.5};
  CHECK_FALSE(mml::plot::cache_holds(stored, key, {-1, 1, -2, 2}));  // empty: sample, and store
  CHECK(stored == std::vector<double>{3, 0.5, -1, 1, -2, 2});
  CHECK(mml::plot::cache_holds(stored, key, {-1, 1, -2, 2}));        // unchanged
  CHECK_FALSE(mml::plot::cache_holds(stored, key, {-1, 1.5, -2, 2})); // the view moved
  CHECK(mml::plot::cache_holds(stored, key, {-1, 1.5, -2, 2}));
  const std::array<double, 2> other = {4, 0.5};
  CHECK_FALSE(mml::plot::cache_holds(stored, other, {-1, 1.5, -2, 2}));  // the figure's key changed
  CHECK(stored == std::vector<double>{4, 0.5, -1, 1.5, -2, 2});
  // Another sampling (one more number in the view) is another key.
  CHECK_FALSE(mml::plot::cache_holds(stored, other, {-1, 1.5, -2, 2, 72}));
}
