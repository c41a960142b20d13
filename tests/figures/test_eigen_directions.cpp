// eigen-directions, headless: the numbers it states are core's (checked against NumPy in
// tests/unit/test_eigenvectors.cpp), x lights an eigen-direction only when it lies on one, dragging
// x's tip turns it, Play sweeps and stops at a full turn.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::contains;
using mml::test::drag;
using mml::test::number_param;
using mml::test::Running;
using mml::test::settle;
using mml::test::tap;

TEST_CASE("eigen-directions: the default matrix's eigenvalues and directions, in the description") {
  Running r("eigen-directions");
  CHECK(r.host.state().empty());
  CHECK_FALSE(r.host.needs_frame());
  // A = [1.5 0.5; 0.5 1]: tr 2.5, det 1.25, λ = (2.5 ± √1.25)/2 = 1.80902, 0.690983;
  // v₁ = (0.850651, 0.525731) (numpy.linalg.eigh([[1.5, 0.5], [0.5, 1]])).
  const std::string d = r.host.describe();
  CAPTURE(d);
  CHECK(contains(d, "\u03bb\u00b2 \u2212 2.5\u03bb + 1.25"));
  CHECK(contains(d, "\u03bb\u2081 = 1.81,  \u03bb\u2082 = 0.691"));
  CHECK(contains(d, "(0.851, 0.526)"));
  CHECK(contains(d, "perpendicular"));
  CHECK_FALSE(contains(d, "x is an eigenvector"));  // x at 20°, the direction at 31.7°
}

TEST_CASE("eigen-directions: x on an eigen-direction (either way along it) is named with its λ") {
  // atan2(0.525731, 0.850651) = 31.7175°; the other direction at 121.7175°.
  for (const char* angle : {"31.72", "211.72"}) {
    Running r("eigen-directions", std::string("angle=") + angle);
    CAPTURE(angle, r.host.describe());
    CHECK(contains(r.host.describe(), "x is an eigenvector with \u03bb = 1.81"));
  }
  Running second("eigen-directions", "angle=121.7");
  CHECK(contains(second.host.describe(), "x is an eigenvector with \u03bb = 0.691"));
  Running off("eigen-directions", "angle=36");
  CHECK_FALSE(contains(off.host.describe(), "eigenvector"));
}

TEST_CASE("eigen-directions: complex, repeated and scalar matrices are told apart") {
  Running rotate("eigen-directions", "a=0.8,0.6&b=-0.6,0.8");
  CAPTURE(rotate.host.describe());
  // A rotation by atan2(0.6, 0.8) = 36.8699°: λ = 0.8 ± 0.6i, |λ| = 1.
  CHECK(contains(rotate.host.describe(), "\u03bb = 0.8 \u00b1 0.6i"));
  CHECK(contains(rotate.host.describe(), "a turn by 36.9\u00b0 with a stretch by 1"));
  CHECK(contains(rotate.host.describe(), "turns it by 36.9\u00b0"));  // every x turns the same
  Running shear("eigen-directions", "a=1,0&b=1,1");
  CHECK(contains(shear.host.describe(), "\u03bb\u2081 = \u03bb\u2082 = 1"));
  CHECK(contains(shear.host.describe(), "One eigen-direction, (1, 0)"));
  Running scale("eigen-directions", "a=1.5,0&b=0,1.5&angle=77");
  CHECK(contains(scale.host.describe(), "every direction"));
  CHECK(contains(scale.host.describe(), "x is an eigenvector with \u03bb = 1.5"));
  // The flip: λ = −1 along (1, −1): x there is turned round, 180°.
  Running flip("eigen-directions", "a=0,1&b=1,0&angle=135");
  CHECK(contains(flip.host.describe(), "x is an eigenvector with \u03bb = \u22121"));
  CHECK(contains(flip.host.describe(), "turns it by 180\u00b0"));
}

TEST_CASE("eigen-directions: dragging x's tip turns x, arrow keys nudge it") {
  Running r("eigen-directions");
  const mml::test::ItemRect x = mml::test::find_item(r.host, "x");
  drag(r.host, &r.time, x.cx(), x.cy(), 0, -60);  // up on screen: counter-clockwise from 20°
  const double angle = number_param(r.host.state(), "angle");
  CHECK(angle > 25);
  CHECK(angle < 90);
  Running keys("eigen-directions");
  keys.focus();
  tap(keys.host, &keys.time, HostKey::Up);  // the first handle, x, takes the keys
  CHECK(number_param(keys.host.state(), "angle") > 20);
}

TEST_CASE("eigen-directions: Play sweeps x round and stops after a full turn") {
  Running r("eigen-directions");
  mml::test::click(r.host, &r.time, "Play");
  CHECK(r.host.needs_frame());
  for (int i = 0; i < 10; ++i) r.host.frame(r.time += 0.25);
  const double moved = number_param(r.host.state(), "angle");
  CHECK(moved > 20);
  for (int i = 0; i < 80 && r.host.needs_frame(); ++i) r.host.frame(r.time += 0.25);
  CHECK_FALSE(r.host.needs_frame());
  CHECK(number_param(r.host.state(), "angle") == Approx(360));
}
