// basis-images, headless: drags and arrow keys move the right column the right way.
#include <catch2/catch.hpp>

#include <string>

#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::Running;
using mml::test::settle;
using mml::test::tap;

namespace {

// Runs `gesture` (x, y: where it starts) from the centre of handle e₁ on a fresh figure; returns
// the state it leaves.
template <class Gesture>
std::string state_after_gesture_on_a(Gesture gesture) {
  Running r("basis-images");
  const mml::test::ItemRect e1 = mml::test::find_item(r.host, "e1");
  gesture(r.host, &r.time, e1.cx(), e1.cy());
  return r.host.state();
}

// e₁ started at (1, 0): a drag right and up gives larger x and larger y, and leaves e₂ alone.
void check_moved_right_and_up(const std::string& state) {
  CAPTURE(state);
  REQUIRE(state.rfind("a=", 0) == 0);
  CHECK(std::stod(state.substr(2)) > 1);
  CHECK(std::stod(state.substr(state.find(',') + 1)) > 0);
  CHECK(state.find("b=") == std::string::npos);
}

}  // namespace

TEST_CASE("basis-images: dragging a handle moves that column the way the pointer went") {
  check_moved_right_and_up(state_after_gesture_on_a([](FigureHost& host, double* time, float x, float y) {
    drag(host, time, x, y, 60, -60);  // right and up on screen
  }));
}

TEST_CASE("basis-images: with keyboard focus, arrow keys nudge the first handle") {
  Running r("basis-images");
  r.focus();
  for (HostKey key : {HostKey::Right, HostKey::Right, HostKey::Up}) tap(r.host, &r.time, key);
  CHECK(r.host.state() == "a=1.2,0.1");
}

TEST_CASE("basis-images: a key tapped between two frames still nudges once, and the figure idles") {
  Running r("basis-images");
  r.focus();
  r.host.key(HostKey::Right, true, 0);  // down and up with no frame between them
  r.host.key(HostKey::Right, false, 0);
  CHECK(settle(r.host, &r.time) < 60);
  CHECK(r.host.state() == "a=1.1,0");
}

// On a slow machine a whole drag can arrive between two frames: the press on the handle, the
// moves, the release. The frames that follow must still see the press where it was made, then the
// pointer's last position with the button down, then the release.
TEST_CASE("basis-images: a press, moves and a release between two frames drag the handle pressed") {
  check_moved_right_and_up(state_after_gesture_on_a([](FigureHost& host, double* time, float x, float y) {
    host.pointer_move(x, y);
    host.frame(*time += 1.0 / 60);
    host.pointer_button(0, true);
    for (int step = 1; step <= 4; ++step) host.pointer_move(x + 15.0f * step, y - 15.0f * step);
    host.pointer_button(0, false);
    CHECK(settle(host, time) < 60);
  }));
}
