// composition, headless: Step, Play and Reset walk identity → first map → product; dragging a
// column of B changes B; Swap order shows BA; describe() carries core's numbers.
#include <catch2/catch.hpp>

#include <string>

#include "core/composition.hpp"
#include "core/format.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::click;
using mml::test::drag;
using mml::test::find_item;
using mml::test::Running;
using mml::test::settle;

namespace {

constexpr float kWidth = 900, kHeight = 600;

std::string rows(const Mat2& m) {
  return "[[" + format_number(m(0, 0)) + ", " + format_number(m(0, 1)) + "], [" + format_number(m(1, 0)) +
         ", " + format_number(m(1, 1)) + "]]";
}

}  // namespace

TEST_CASE("composition: defaults show B then A with AB ≠ BA, in core's numbers") {
  Running r("composition");
  FigureHost& host = r.host;
  CHECK(host.state().empty());
  CHECK_FALSE(host.needs_frame());  // nothing plays by itself
  // Defaults: A = quarter turn [0 −1; 1 0], B = shear [1 1; 0 1]; AB = [0 −1; 1 1], BA = [1 −1; 1 0].
  const std::string d = host.describe();
  CAPTURE(d);
  CHECK(d.find("AB = [[0, \u22121], [1, 1]]") != std::string::npos);
  CHECK(d.find("BA = [[1, \u22121], [1, 0]]") != std::string::npos);
  CHECK(d.find("the order matters") != std::string::npos);
}

TEST_CASE("composition: describe() follows core for any columns and order") {
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  std::vector<std::string> errors;
  REQUIRE(host.configure("a1=2,0&a2=1,3&b1=1,2&b2=0,-1&order=a-then-b", &errors));
  const Mat2 a = matrix_from_columns({2, 0}, {1, 3}), b = matrix_from_columns({1, 2}, {0, -1});
  const std::string d = host.describe();
  CAPTURE(d);
  // A first: BA = [1 0; 2 −1][2 1; 0 3] = [1·2 + 0·0, 1·1 + 0·3; 2·2 − 1·0, 2·1 − 1·3] = [2 1; 4 −1].
  CHECK(d.rfind("A then B: BA = " + rows(compose(a, b)), 0) == 0);
  CHECK(rows(compose(a, b)) == "[[2, 1], [4, \u22121]]");
  CHECK(d.find("AB = " + rows(compose(b, a))) != std::string::npos);
  // Two rotations commute, and the figure says so.
  REQUIRE(host.configure("a1=0,1&a2=-1,0&b1=0,-1&b2=1,0&order=b-then-a", &errors));
  CHECK(host.describe().find("these two commute") != std::string::npos);
}

TEST_CASE("composition: Step walks the stages, Reset goes back, Play runs to the end and stops") {
  Running r("composition", "t=0");
  FigureHost& host = r.host;
  double& time = r.time;
  click(host, &time, "Step");
  CHECK(host.state() == "t=1");
  CHECK(host.describe().find("AB") != std::string::npos);
  click(host, &time, "Step");
  CHECK(host.state().empty());  // t = 2, the default
  click(host, &time, "Rewind");  // the timeline's reset: back to the plane
  CHECK(host.state() == "t=0");
  // Play: runs while playing, reaches the product and goes idle.
  click(host, &time, "Play");
  CHECK(host.needs_frame());
  const int frames = settle(host, &time, 600);
  CHECK(frames > 60);   // a real animation, not a jump
  CHECK(frames < 600);  // and it ends
  CHECK(host.state().empty());
  CHECK_FALSE(host.needs_frame());
}

TEST_CASE("composition: under reduced motion nothing starts by itself") {
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  host.set_reduced_motion(true);
  std::vector<std::string> errors;
  host.configure("t=0", &errors);
  double time = 0;
  host.resize(kWidth, kHeight, 1);
  settle(host, &time);
  CHECK_FALSE(host.needs_frame());
  CHECK(host.state() == "t=0");
}

TEST_CASE("composition: dragging Be₁ in B's plane changes B's first column only") {
  Running r("composition");
  FigureHost& host = r.host;
  double& time = r.time;
  const mml::test::ItemRect be1 = find_item(host, "##map-B1");
  drag(host, &time, be1.cx(), be1.cy(), 40, -40);
  const std::string state = host.state();
  CAPTURE(state);
  REQUIRE(state.rfind("b1=", 0) == 0);
  CHECK(std::stod(state.substr(3)) > 1);
  CHECK(state.find("b2=") == std::string::npos);
  CHECK(state.find("a1=") == std::string::npos);
  // The product's first column is A applied to the new Be₁.
  const double bx = std::stod(state.substr(3)), by = std::stod(state.substr(state.find(',') + 1));
  const Vec2 col = Mat2{{0, -1}, {1, 0}} * Vec2(bx, by);
  CHECK(host.describe().find("columns (" + format_number(col.x()) + ", " + format_number(col.y()) + ")") !=
        std::string::npos);
}

TEST_CASE("composition: with keyboard focus the arrow keys nudge the first map's first column") {
  Running r("composition");
  r.focus();
  FigureHost& host = r.host;
  double& time = r.time;
  mml::test::tap(host, &time, HostKey::Up);
  CHECK(host.state() == "b1=1,0.1");
  // Once the reader picks a handle in A's plane, the arrows move that one instead (and only it).
  click(host, &time, find_item(host, "##map-A2"));
  mml::test::tap(host, &time, HostKey::Down);
  CHECK(host.state() == "b1=1,0.1&a2=-1,-0.1");
}

TEST_CASE("composition: Swap order shows BA") {
  Running r("composition");
  FigureHost& host = r.host;
  double& time = r.time;
  click(host, &time, "Swap order");
  CHECK(host.state() == "order=a-then-b");
  CHECK(host.describe().rfind("A then B: BA = [[1, \u22121], [1, 0]]", 0) == 0);
}
