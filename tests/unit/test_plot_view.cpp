#include <catch2/catch.hpp>
#include <random>

#include "web/plot/view.hpp"

using namespace mml::plot;

TEST_CASE("data and screen coordinates are inverse maps with y flipped") {
  const ViewTransform view({-2, 2}, {-1, 1}, {10, 20, 400, 200}, false);
  const Eigen::Vector2d top_left = view.to_screen({-2, 1});
  CHECK(top_left.x() == Approx(10));
  CHECK(top_left.y() == Approx(20));
  const Eigen::Vector2d bottom_right = view.to_screen({2, -1});
  CHECK(bottom_right.x() == Approx(410));
  CHECK(bottom_right.y() == Approx(220));
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-5, 5);
  for (int i = 0; i < 100; ++i) {
    const Eigen::Vector2d p(u(rng), u(rng));
    CHECK(view.to_data(view.to_screen(p)).isApprox(p, 1e-12));
  }
}

TEST_CASE("equal aspect widens the squeezed axis about its centre") {
  const ViewTransform view({-1, 1}, {-1, 1}, {0, 0, 400, 200}, true);
  CHECK(view.pixels_per_unit_x() == Approx(view.pixels_per_unit_y()));
  CHECK(view.x().min == Approx(-2));
  CHECK(view.x().max == Approx(2));
  CHECK(view.y().min == Approx(-1));
  const ViewTransform tall({-1, 1}, {-1, 1}, {0, 0, 100, 300}, true);
  CHECK(tall.y().size() == Approx(6));
  CHECK(tall.pixels_per_unit_x() == Approx(tall.pixels_per_unit_y()));
}

TEST_CASE("degenerate ranges and sizes do not divide by zero") {
  const ViewTransform view({1, 1}, {2, 2}, {0, 0, 0, 0}, true);
  const Eigen::Vector2d s = view.to_screen({1, 2});
  CHECK(std::isfinite(s.x()));
  CHECK(std::isfinite(s.y()));
}

TEST_CASE("ticks are 1, 2 or 5 times a power of ten and include exact zero") {
  CHECK(nice_step(10, 5) == Approx(2));
  CHECK(nice_step(1, 5) == Approx(0.2));
  CHECK(nice_step(7, 10) == Approx(1));  // 0.7 → 1
  CHECK(nice_step(0.03, 3) == Approx(0.01));
  CHECK(nice_step(350, 4) == Approx(100));
  const auto ticks = nice_ticks({-0.3, 0.9}, 6);
  REQUIRE(ticks.size() == 6);  // −0.2, 0, 0.2, 0.4, 0.6, 0.8
  CHECK(ticks.front() == Approx(-0.2));
  CHECK(ticks[1] == 0.0);  // exactly zero, no -2.7e-17
  CHECK(ticks.back() == Approx(0.8));
  for (double t : nice_ticks({-3.7, 12.2}, 8)) CHECK(std::fmod(std::abs(t), 2.0) == Approx(0).margin(1e-9));
  CHECK(nice_ticks({0, 1e300}, 5).size() <= 6);
  CHECK(nice_ticks({1, 1}, 5).size() <= 1);
}

#include "core/linear_map.hpp"

TEST_CASE("triangulation covers a non-convex polygon in either orientation") {
  auto area_of = [](const std::vector<Eigen::Vector2d>& poly) {
    double total = 0;
    for (const auto& t : triangulate(poly)) {
      const auto &a = poly[size_t(t[0])], &b = poly[size_t(t[1])], &c = poly[size_t(t[2])];
      total += std::abs((b - a).x() * (c - a).y() - (b - a).y() * (c - a).x()) / 2;
    }
    return total;
  };
  const auto f = mml::letter_f();
  CHECK(triangulate(f).size() == f.size() - 2);
  CHECK(area_of(f) == Approx(std::abs(mml::signed_area(f))));
  mml::Mat2 reflect;
  reflect << -1, 0, 0, 1;
  const auto mirrored = mml::map_points(reflect, f);  // clockwise now
  CHECK(area_of(mirrored) == Approx(std::abs(mml::signed_area(mirrored))));
  mml::Mat2 projection;
  projection << 1, 0, 0, 0;
  CHECK(triangulate(mml::map_points(projection, f)).empty());  // flat: nothing to fill
}

TEST_CASE("pan and zoom: the anchor stays put, and the view stays within bounds") {
  const Range hx{-4, 4}, hy{-2, 2};
  PanZoom pz;
  const Eigen::Vector2d anchor(1, 0.5);
  zoom_about(&pz, hx, hy, anchor, 2);
  Range x = hx, y = hy;
  apply_pan_zoom(pz, &x, &y);
  CHECK(x.size() == Approx(4));
  CHECK(y.size() == Approx(2));
  // The anchor keeps its relative position: (1 − (−4)) / 8 = 0.625 across, (0.5 + 2) / 4 = 0.625 up.
  CHECK((anchor.x() - x.min) / x.size() == Approx(0.625));
  CHECK((anchor.y() - y.min) / y.size() == Approx(0.625));
  pan_by(&pz, hx, hy, {1, 0});  // content moves right by 1: the view moves left by 1
  Range x2 = hx, y2 = hy;
  apply_pan_zoom(pz, &x2, &y2);
  CHECK(x2.min == Approx(x.min - 1));
  for (int i = 0; i < 100; ++i) zoom_about(&pz, hx, hy, {0, 0}, 3);
  CHECK(pz.zoom == Approx(16));
  for (int i = 0; i < 100; ++i) pan_by(&pz, hx, hy, {50, -50});
  CHECK(pz.offset.x() == Approx(-2));
  CHECK(pz.offset.y() == Approx(2));
  zoom_about(&pz, hx, hy, {NAN, 0}, 2);
  pan_by(&pz, hx, hy, {INFINITY, 0});
  CHECK(pz.offset.allFinite());
  CHECK_FALSE(pz.home());
  CHECK(PanZoom{}.home());
}

TEST_CASE("log axes: decades are equally spaced and the maps invert") {
  // y from 10⁻³ to 10³ over 600 px: each decade is 100 px; x linear.
  const ViewTransform view({0, 10}, {1e-3, 1e3}, {0, 0, 500, 600}, false, AxisScale::Linear, AxisScale::Log10);
  CHECK(view.to_screen({0, 1e3}).y() == Approx(0));
  CHECK(view.to_screen({0, 1e-3}).y() == Approx(600));
  CHECK(view.to_screen({0, 1}).y() == Approx(300));
  CHECK(view.to_screen({0, 10}).y() - view.to_screen({0, 100}).y() == Approx(100));
  CHECK(view.pixels_per_unit_y() == Approx(100));  // per decade
  CHECK(view.to_screen({5, 1}).x() == Approx(250));
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> e(-3, 3), u(0, 10);
  for (int i = 0; i < 100; ++i) {
    const Eigen::Vector2d p(u(rng), std::pow(10.0, e(rng)));
    const Eigen::Vector2d back = view.to_data(view.to_screen(p));
    CHECK(back.x() == Approx(p.x()));
    CHECK(back.y() == Approx(p.y()).epsilon(1e-12));
  }
  // Non-positive data sits far below the axis, never NaN; bad ranges become usable ones.
  CHECK(std::isfinite(view.to_screen({1, 0}).y()));
  CHECK(view.to_screen({1, 0}).y() > 600);
  CHECK(valid_range(AxisScale::Log10, {0, 100}).min == Approx(0.1));
  CHECK(valid_range(AxisScale::Log10, {-5, -1}).min == 1);
  CHECK(valid_range(AxisScale::Log10, {-5, -1}).max == 10);
  // Log x too, with equal aspect in linear space: a decade as long as a decade.
  const ViewTransform both({1, 1e4}, {1, 10}, {0, 0, 400, 200}, true, AxisScale::Log10, AxisScale::Log10);
  CHECK(both.pixels_per_unit_x() == Approx(both.pixels_per_unit_y()));
  CHECK(both.x().min == Approx(1));
  CHECK(both.x().max == Approx(1e4));
  CHECK(both.linear_y().size() == Approx(2));  // grown from one decade to two, about its centre
  CHECK(both.y().min == Approx(std::pow(10.0, -0.5)));
}

TEST_CASE("log ticks: decades as majors with 2..9 minors, thinned when there are many") {
  const AxisTicks t = axis_ticks(AxisScale::Log10, {1, 1000}, 6);
  CHECK(t.major == std::vector<double>{1, 10, 100, 1000});
  REQUIRE(t.minor.size() == 3 * 8);  // 2..9 in each of three decades
  CHECK(t.minor.front() == Approx(2));
  CHECK(t.minor[7] == Approx(9));
  CHECK(t.minor[8] == Approx(20));
  CHECK(t.minor.back() == Approx(900));
  // A loss from 10⁻¹² to 10⁴ over a short axis: every 5th decade (the stride from 1, 2, 3, 5, 10 …).
  const AxisTicks many = axis_ticks(AxisScale::Log10, {1e-12, 1e4}, 4);
  REQUIRE(many.major.size() == 3);  // 17 decades > 4 × 3: exponents that are multiples of 5
  CHECK(many.major[0] == Approx(1e-10));
  CHECK(many.major[1] == Approx(1e-5));
  CHECK(many.major[2] == Approx(1));
  CHECK(many.minor.size() == 17 - 3);
  for (double m : many.minor) CHECK(is_decade(m));  // the skipped decades, unlabelled
  // Less than two decades: nice linear majors, the 1..9 × 10ᵏ grid as minors.
  const AxisTicks narrow = axis_ticks(AxisScale::Log10, {2, 8}, 4);
  CHECK(narrow.major == std::vector<double>{2, 4, 6, 8});
  CHECK(narrow.minor == std::vector<double>{3, 5, 7});
  // Linear axes are nice_ticks without minors.
  CHECK(axis_ticks(AxisScale::Linear, {-1, 1}, 4).major == nice_ticks({-1, 1}, 4));
  CHECK(axis_ticks(AxisScale::Linear, {-1, 1}, 4).minor.empty());
}

TEST_CASE("decade labels: plain numbers near 1, powers of ten with superscripts beyond") {
  CHECK(decade_label(0) == "1");
  CHECK(decade_label(2) == "100");
  CHECK(decade_label(-3) == "0.001");
  CHECK(decade_label(4) == "10\u2074");
  CHECK(decade_label(-12) == "10\u207b\u00b9\u00b2");
  CHECK(decade_label(10) == "10\u00b9\u2070");
  CHECK(is_decade(1e-7));
  CHECK(is_decade(1));
  CHECK_FALSE(is_decade(20));
  CHECK_FALSE(is_decade(0));
  CHECK_FALSE(is_decade(-10));
}

TEST_CASE("framing_range trims the 2% of samples at each end and survives flat and undefined functions") {
  // f(x) = x at x = 0, 1, …, 200: the 201 values sorted; index 201/50 = 4 and 200 − 4 = 196.
  const Range line = framing_range([](double x) { return x; }, {0, 200});
  CHECK(line.min == Approx(4));
  CHECK(line.max == Approx(196));
  // 1/x on [−1, 1] at steps of 0.01: x = 0 is dropped (infinite), and the 4 largest values on each
  // side (1/0.01 … 1/0.04) are the trimmed spikes, so the range is ±1/0.05 = ±20.
  const Range pole = framing_range([](double x) { return 1 / x; }, {-1, 1});
  CHECK(pole.min == Approx(-20));
  CHECK(pole.max == Approx(20));
  const Range flat = framing_range([](double) { return 3.0; }, {-1, 1});
  CHECK(flat.min == Approx(2));
  CHECK(flat.max == Approx(4));
  const Range nowhere = framing_range([](double) { return NAN; }, {-1, 1});
  CHECK(nowhere.min == -1);
  CHECK(nowhere.max == 1);
}
