// derivative-as-speed, headless: the numbers it reads off match the hand-derived secant slopes,
// handles and keys move t and h the right way, and bad formulas show the parser's message
// without losing the curve.
#include <catch2/catch.hpp>

#include <string>

#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::settle;
using mml::test::tap;

namespace {

const FigureInfo& info() {
  const FigureInfo* i = find_figure("derivative-as-speed");
  REQUIRE(i != nullptr);
  return *i;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// No reader ever sees these.
void check_no_raw_numbers(const std::string& s) {
  CHECK_FALSE(has(s, "nan"));
  CHECK_FALSE(has(s, "inf"));
  CHECK_FALSE(has(s, "e-0"));
}

}  // namespace

TEST_CASE("derivative-as-speed: the default ball shows a secant of slope 2 against the speed 3") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  settle(host, &time);
  const std::string d = host.describe();
  CAPTURE(d);
  // s = 5t − t²: over [1, 2] the ball rises from 4 to 6, so 2 per unit time; s'(1) = 5 − 2 = 3.
  CHECK(has(d, "over [1, 2] is 2,"));
  CHECK(has(d, "the speed s'(t) is 3,"));
  CHECK(has(d, "difference of \u22121."));
  CHECK(host.state().empty());
}

TEST_CASE("derivative-as-speed: for t³ at 2 the secant slope is 12 + 6h + h²") {
  FigureHost host(info());
  std::vector<std::string> errors;
  REQUIRE(host.configure("f=t%5E3&t=2&h=0.001", &errors));
  const std::string d = host.describe();
  CAPTURE(d);
  CHECK(has(d, "is 12.006,"));           // 12 + 0.006 + 0.000001, to six digits
  CHECK(has(d, "s'(t) is 12,"));
  CHECK(has(d, "difference of 0.006."));  // 6h + h², three digits
  // The smallest step: the gap is 6·10⁻⁴ and the secant reads 12.0006.
  REQUIRE(host.configure("h=0.0001", &errors));
  CHECK(has(host.describe(), "is 12.0006,"));
  check_no_raw_numbers(host.describe());
}

TEST_CASE("derivative-as-speed: a vertical tangent reads as undefined, never as inf") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  std::vector<std::string> errors;
  REQUIRE(host.configure("f=sqrt(t)&t=0&h=0.0001", &errors));
  settle(host, &time);
  const std::string d = host.describe();
  CAPTURE(d);
  CHECK(has(d, "undefined at t = 0"));
  CHECK(has(d, "is 100,"));  // √h / h = 1/√h
  check_no_raw_numbers(d);
  // A pole at t + h: the average speed is undefined, the speed at t is not.
  REQUIRE(host.configure("f=1%2F(t-2)&t=1&h=1", &errors));
  settle(host, &time);
  CHECK(has(host.describe(), "over [t, t + h] is undefined, the speed s'(t) is \u22121."));
  check_no_raw_numbers(host.describe());
}

TEST_CASE("derivative-as-speed: arrow keys move t, dragging t + h toward t shrinks h") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  settle(host, &time);
  host.set_focus(true);
  host.frame(time += 1.0 / 60);
  tap(host, &time, HostKey::Right);
  tap(host, &time, HostKey::Right);
  CHECK(host.state() == "t=1.2");
  host.set_focus(false);
  host.reset();
  settle(host, &time);
  // Dragging the handle t + h left shrinks h and leaves t alone.
  FigureHost fresh(info());
  double t = 0;
  fresh.resize(900, 900 / info().aspect, 1);
  settle(fresh, &t);
  mml::test::drag_item(fresh, &t, "t+h", -60, 0);
  const std::string state = fresh.state();
  CAPTURE(state);
  REQUIRE(state.rfind("h=", 0) == 0);
  const double h = std::stod(state.substr(2));
  CHECK(h < 0.7);
  CHECK(h > 0.3);  // 60 pixels is about half a time unit here
  CHECK_FALSE(has(state, "t="));
}

TEST_CASE("derivative-as-speed: a bad formula shows the parser's message and keeps the curve") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  settle(host, &time);
  const std::string before = host.describe();
  // Click into the formula field (top of the panel) and type a dangling "+".
  host.pointer_move(745, 58);
  host.frame(time += 1.0 / 60);
  host.pointer_button(0, true);
  host.frame(time += 1.0 / 60);
  host.pointer_button(0, false);
  host.frame(time += 1.0 / 60);
  REQUIRE(host.wants_text_input());
  host.key(HostKey::End, true, 0);
  host.frame(time += 1.0 / 60);
  host.key(HostKey::End, false, 0);
  host.text('+');
  host.frame(time += 1.0 / 60);
  settle(host, &time);
  CAPTURE(host.state());
  CHECK(host.state() == "f=5t%20-%20t%5E2%2B");
  const std::string broken = host.describe();
  CHECK(has(broken, "The typed formula has an error: "));
  CHECK(broken.substr(0, broken.find(" The typed")) == before);  // same curve, same numbers
  host.text('t');
  host.frame(time += 1.0 / 60);
  settle(host, &time);
  CHECK_FALSE(has(host.describe(), "error"));
  CHECK(has(host.describe(), "s'(t) is 4,"));  // s = 5t − t² + t: s'(1) = 6 − 2

  // Hostile URL text: far too long, unbalanced, or not a formula at all. Never a crash.
  std::vector<std::string> errors;
  for (const char* q : {"f=((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((t",
                        "f=t%2F0", "f=", "f=x", "f=%E2%88%92t%C2%B2", "f=sin(t)%5E%5E2"}) {
    FigureHost h(info());
    double t = 0;
    h.resize(360, 360 / info().narrow_aspect, 2);
    h.configure(q, &errors);
    settle(h, &t);
    CAPTURE(q, h.describe());
    check_no_raw_numbers(h.describe());
  }
}
