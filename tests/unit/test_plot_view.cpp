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
