// The 3D view's camera and projection, against what a viewer expects: the box centre lands in the
// screen centre, +y is to the right and +z up when looking from +x, nearer points have smaller
// depth, the whole box fits the screen at zoom 1, and the camera ignores NaN and stays in range.
#include <catch2/catch.hpp>

#include <cmath>

#include "web/plot/view3d.hpp"

using namespace mml::plot;

TEST_CASE("3D view: orientation, centring, depth and framing") {
  Box3 box{{-2, 2}, {0, 10}, {-1, 1}};
  OrbitCamera camera;
  camera.yaw = 0;
  camera.pitch = 0;
  const View3 view(box, camera, {0, 0, 400, 300});
  const auto centre = view.to_screen({0, 5, 0});
  CHECK(centre.x() == Approx(200));
  CHECK(centre.y() == Approx(150));
  CHECK(view.to_screen({0, 8, 0}).x() > 200);   // +y to the right
  CHECK(view.to_screen({0, 5, 0.5}).y() < 150);  // +z up (screen y grows downwards)
  CHECK(view.depth({2, 5, 0}) < view.depth({-2, 5, 0}));  // +x faces the eye
  camera.yaw = 0.7;
  camera.pitch = 0.45;
  const View3 angled(box, camera, {0, 0, 400, 300});
  for (double x : {-2.0, 2.0})
    for (double y : {0.0, 10.0})
      for (double z : {-1.0, 1.0}) {
        const auto s = angled.to_screen({x, y, z});
        CHECK(s.x() > 0);
        CHECK(s.x() < 400);
        CHECK(s.y() > 0);
        CHECK(s.y() < 300);
      }
}

TEST_CASE("3D view: the camera clamps and ignores bad input") {
  OrbitCamera camera;
  camera.rotate(0.1, 10);
  CHECK(camera.pitch == Approx(1.5));
  camera.rotate(NAN, 0);
  CHECK(std::isfinite(camera.yaw));
  camera.zoom_by(100);
  CHECK(camera.zoom == Approx(4));
  camera.zoom_by(-1);
  CHECK(camera.zoom == Approx(4));
  camera.zoom_by(1e-9);
  CHECK(camera.zoom == Approx(0.4));
  const View3 flat(Box3{{0, 0}, {1, 1}, {2, 2}}, camera, {0, 0, 100, 100});  // empty ranges
  CHECK(flat.to_screen({0, 1, 2}).allFinite());
}
