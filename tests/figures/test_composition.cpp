// composition, headless: Step, Play and Reset walk identity → first map → product; dragging a
// column of B changes B; Swap order shows BA; describe() carries core's numbers.
#include <catch2/catch.hpp>

#include <string>

#include "core/composition.hpp"
#include "core/format.hpp"
#include "tests/figures/drive.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::settle;

namespace {

// At 900 × 600 the panel starts at x = 620; its first rows are the heading and Play/Step/Reset.
constexpr float kWidth = 900, kHeight = 600;

void click(FigureHost& host, double* time, float x, float y) {
  host.pointer_move(x, y);
  host.frame(*time += 1.0 / 60);
  host.pointer_button(0, true);
  host.frame(*time += 1.0 / 60);
  host.pointer_button(0, false);
  host.frame(*time += 1.0 / 60);
  host.pointer_leave();
  host.frame(*time += 1.0 / 60);
}

// Clicks along the panel's rows until `want(state)` holds; the point that worked, or (-1, -1).
template <class Want>
ImVec2 click_first(const FigureInfo& info, const std::string& start, float y0, float y1, Want want) {
  for (float y = y0; y <= y1; y += 6)
    for (float x = 630; x < kWidth; x += 10) {
      FigureHost host(info);
      std::vector<std::string> errors;
      host.configure(start, &errors);
      double time = 0;
      host.resize(kWidth, kHeight, 1);
      settle(host, &time);
      click(host, &time, x, y);
      if (want(host)) return {x, y};
    }
  return {-1, -1};
}

std::string rows(const Mat2& m) {
  return "[[" + format_number(m(0, 0)) + ", " + format_number(m(0, 1)) + "], [" + format_number(m(1, 0)) +
         ", " + format_number(m(1, 1)) + "]]";
}

}  // namespace

TEST_CASE("composition: defaults show B then A with AB ≠ BA, in core's numbers") {
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  double time = 0;
  host.resize(kWidth, kHeight, 1);
  settle(host, &time);
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
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  // Find Step (from the plane, t = 0, it moves to t = 1) and Reset (from the end, to t = 0).
  const ImVec2 step = click_first(*info, "t=0", 30, 90, [](FigureHost& h) { return h.state() == "t=1"; });
  const ImVec2 reset = click_first(*info, "", 30, 90, [](FigureHost& h) { return h.state() == "t=0"; });
  REQUIRE(step.x > 0);
  REQUIRE(reset.x > step.x);
  FigureHost host(*info);
  std::vector<std::string> errors;
  double time = 0;
  host.resize(kWidth, kHeight, 1);
  host.configure("t=0", &errors);
  settle(host, &time);
  click(host, &time, step.x, step.y);
  CHECK(host.state() == "t=1");
  CHECK(host.describe().find("AB") != std::string::npos);
  click(host, &time, step.x, step.y);
  CHECK(host.state().empty());  // t = 2, the default
  click(host, &time, reset.x, reset.y);
  CHECK(host.state() == "t=0");
  // Play: runs while playing, reaches the product and goes idle.
  const ImVec2 play = click_first(*info, "t=0", 30, 90, [](FigureHost& h) { return h.figure().animating(); });
  REQUIRE(play.x > 0);
  click(host, &time, play.x, play.y);
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
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  // B's plane is the lower left (x < 310, y > 360); Be₁ = (1, 0) sits right of its centre.
  bool moved = false;
  for (float x = 180; x <= 260 && !moved; x += 6)
    for (float y = 460; y <= 500 && !moved; y += 6) {
      FigureHost host(*info);
      double time = 0;
      host.resize(kWidth, kHeight, 1);
      settle(host, &time);
      drag(host, &time, x, y, 40, -40);
      const std::string state = host.state();
      if (state.rfind("b1=", 0) != 0) continue;
      moved = true;
      CAPTURE(state);
      CHECK(std::stod(state.substr(3)) > 1);
      CHECK(state.find("b2=") == std::string::npos);
      CHECK(state.find("a1=") == std::string::npos);
      // The product's first column is A applied to the new Be₁.
      const double bx = std::stod(state.substr(3)), by = std::stod(state.substr(state.find(',') + 1));
      const Vec2 col = Mat2{{0, -1}, {1, 0}} * Vec2(bx, by);
      CHECK(host.describe().find("columns (" + format_number(col.x()) + ", " + format_number(col.y()) + ")") !=
            std::string::npos);
    }
  CHECK(moved);
}

TEST_CASE("composition: with keyboard focus the arrow keys nudge the first map's first column") {
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  double time = 0;
  host.resize(kWidth, kHeight, 1);
  settle(host, &time);
  host.set_focus(true);
  host.frame(time += 1.0 / 60);
  mml::test::tap(host, &time, HostKey::Up);
  CHECK(host.state() == "b1=1,0.1");
  // Once the reader picks a handle in A's plane, the arrows move that one instead (and only it).
  // A's plane is the lower right (centre 465, 480); Ae₂ = (−1, 0) sits left of it (x ≈ 398).
  bool picked = false;
  for (float x = 380; x <= 420 && !picked; x += 5)
    for (float y = 465; y <= 495 && !picked; y += 5) {
      host.pointer_move(x, y);
      host.frame(time += 1.0 / 60);
      host.pointer_button(0, true);
      host.frame(time += 1.0 / 60);
      host.pointer_button(0, false);
      host.frame(time += 1.0 / 60);
      mml::test::tap(host, &time, HostKey::Down);
      picked = host.state().find("a2=") != std::string::npos;
    }
  CHECK(picked);
  CHECK(host.state() == "b1=1,0.1&a2=-1,-0.1");
}

TEST_CASE("composition: Swap order shows BA") {
  const FigureInfo* info = find_figure("composition");
  REQUIRE(info != nullptr);
  const ImVec2 swap = click_first(*info, "", 150, 330, [](FigureHost& h) { return h.state() == "order=a-then-b"; });
  REQUIRE(swap.x > 0);
  FigureHost host(*info);
  double time = 0;
  host.resize(kWidth, kHeight, 1);
  settle(host, &time);
  click(host, &time, swap.x, swap.y);
  CHECK(host.describe().rfind("A then B: BA = [[1, \u22121], [1, 0]]", 0) == 0);
}
