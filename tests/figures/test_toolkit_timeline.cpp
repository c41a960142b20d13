// The timeline verb (web/plot/timeline.hpp), headless: a test-only figure binds it to a step
// parameter and the host presses its buttons and keys like a reader. Play advances by
// steps_per_second × speed × dt and stops at the end, Step is disabled there, Rewind goes to 0,
// Escape stops Play only while the figure has keyboard focus, and under reduced motion nothing
// starts by itself and Play shows whole steps at a calm pace.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"
#include "web/plot/timeline.hpp"

using namespace mml;
using mml::test::settle;
using mml::test::tap;

namespace {

const char* speed_label(double speed) {
  return speed == 0.5 ? "\u00d70.5" : speed == 1 ? "\u00d71" : speed == 2 ? "\u00d72" : "\u00d74";
}

// A figure that is only a timeline bound to its one parameter: Stepper's whole steps 0 … 1000,
// 12 a second at ×1, ending at step 30 or where `last` says; Stages' continuous position over
// three stages (0, 1, 2) at half a stage a second.
template <class T>
class Bound final : public Figure {
 public:
  Bound();
  void frame(const FrameContext& context) override {
    timeline.advance(context.dt, context.reduced_motion);
    timeline.controls();
  }
  bool animating() const override { return timeline.playing(); }
  std::string describe() const override { return ""; }
  T value() const { return params_.get(param); }

  Param<T> param;
  std::int64_t last = 1000;
  plot::Timeline timeline;
};
using Stepper = Bound<std::int64_t>;
using Stages = Bound<double>;

template <>
Stepper::Bound()
    : param(params_.add_int("step", 0, 0, 1000, "the step")),
      timeline(params_, param,
               {.steps_per_second = 12, .end = 30, .can_step = [this](std::int64_t s) { return s < last; }}) {}
template <>
Stages::Bound() : param(params_.add_float("t", 0, 0, 2, "the stage")), timeline(params_, param, {.steps_per_second = 0.5}) {}

template <class F>
const FigureInfo& info_of() {
  static const FigureInfo info{"test-timeline", "", "", 1.5f, 0.75f,
                               []() -> std::unique_ptr<Figure> { return std::make_unique<F>(); }};
  return info;
}

template <class F>
struct Host {
  FigureHost host{info_of<F>()};
  double time = 0;
  explicit Host(std::string_view query = "", bool reduced_motion = false) {
    std::vector<std::string> errors;
    host.configure(query, &errors);
    host.set_reduced_motion(reduced_motion);
    host.resize(600, 400, 1);
    settle(host, &time);
  }
  F& figure() { return static_cast<F&>(host.figure()); }
  // Clicks the timeline's button labelled `label` ("Play", "Pause", "Step", "Rewind"), found by
  // name; the button acts on the release's frame, and one more frame runs with the pointer away.
  void click(std::string_view label) { mml::test::click(host, &time, label); }
  // Clicks the speed button, whose label is the speed it plays at ("×1").
  void click_speed() { click(speed_label(figure().timeline.speed())); }
  void frames(int n) {
    for (int i = 0; i < n; ++i) host.frame(time += 1.0 / 60);
  }
};

}  // namespace

TEST_CASE("toolkit timeline: Play advances steps_per_second × speed × dt") {
  Host<Stepper> h("", false);
  CHECK_FALSE(h.host.needs_frame());  // nothing plays by itself
  h.click("Play");
  REQUIRE(h.figure().timeline.playing());
  CHECK(h.figure().value() == 0);
  h.frames(60);  // one second at 12 steps a second
  CHECK(h.figure().value() == 12);
  h.click_speed();  // ×1 → ×2; the click's frames play on at ×1 until it lands
  CHECK(h.figure().timeline.speed() == 2);
  const std::int64_t from = h.figure().value();
  h.frames(30);  // half a second at 24 a second
  CHECK(h.figure().value() == from + 12);
  // Pause holds the step.
  h.click("Pause");
  CHECK_FALSE(h.figure().timeline.playing());
  const std::int64_t held = h.figure().value();
  h.frames(30);
  CHECK(h.figure().value() == held);
  CHECK_FALSE(h.host.needs_frame());
}

TEST_CASE("toolkit timeline: Play stops at the end, where Step is disabled, and Play there starts over") {
  Host<Stepper> h("step=25");
  h.click("Play");
  h.frames(120);
  CHECK(h.figure().value() == 30);  // options.end
  CHECK_FALSE(h.figure().timeline.playing());
  CHECK_FALSE(h.host.needs_frame());
  CHECK(h.figure().timeline.at_end());
  h.click("Step");  // disabled: nothing happens
  CHECK(h.figure().value() == 30);
  h.click("Play");  // at the end: back to 0, and playing
  CHECK(h.figure().timeline.playing());
  CHECK(h.figure().value() == 0);

  // The figure's own end condition: no step after 7.
  Host<Stepper> c("step=5");
  c.figure().last = 7;
  c.click("Step");
  CHECK(c.figure().value() == 6);
  c.click("Play");
  c.frames(60);
  CHECK(c.figure().value() == 7);
  CHECK_FALSE(c.figure().timeline.playing());
  c.click("Step");
  CHECK(c.figure().value() == 7);
  // Without restart_at_end, Play at the end does nothing.
  c.figure().timeline.options().restart_at_end = false;
  c.click("Play");
  CHECK(c.figure().value() == 7);
  CHECK_FALSE(c.figure().timeline.playing());
}

TEST_CASE("toolkit timeline: Step adds one and stops Play, Rewind goes to 0") {
  Host<Stepper> h("step=17");
  h.click("Step");
  CHECK(h.figure().value() == 18);
  CHECK(h.host.state() == "step=18");
  h.click("Play");
  h.frames(10);
  REQUIRE(h.figure().timeline.playing());
  h.click("Step");  // while playing
  CHECK_FALSE(h.figure().timeline.playing());
  const std::int64_t at = h.figure().value();
  CHECK(at > 18);
  h.click("Rewind");
  CHECK(h.figure().value() == 0);
  CHECK(h.host.state().empty());
  CHECK_FALSE(h.figure().timeline.playing());
}

TEST_CASE("toolkit timeline: Escape stops Play only while the figure has keyboard focus") {
  Host<Stepper> h;
  h.click("Play");
  h.frames(10);
  tap(h.host, &h.time, HostKey::Escape);
  CHECK(h.figure().timeline.playing());  // the page has the keyboard, not the figure
  h.host.set_focus(true);
  h.frames(1);
  tap(h.host, &h.time, HostKey::Escape);
  CHECK_FALSE(h.figure().timeline.playing());
  const std::int64_t at = h.figure().value();
  CHECK(at > 0);
  h.frames(30);
  CHECK(h.figure().value() == at);  // stopped where it was
  CHECK_FALSE(h.host.needs_frame());
}

TEST_CASE("toolkit timeline: under reduced motion Play shows whole steps at a calm pace") {
  Host<Stepper> h("", true);
  CHECK_FALSE(h.host.needs_frame());
  h.click_speed();
  h.click_speed();  // ×4: still calm
  CHECK(h.figure().timeline.speed() == 4);
  h.click("Play");
  h.frames(60);
  CHECK(h.figure().value() == std::int64_t(plot::kCalmStepsPerSecond));

  // A continuous position jumps from stage to stage instead of sliding.
  Host<Stages> s("", true);
  s.click("Play");
  for (int i = 0; i < 4 * 60 + 10; ++i) {  // two stages at half a stage a second
    s.frames(1);
    CHECK(s.figure().value() == std::floor(s.figure().value()));
  }
  CHECK(s.figure().value() == 2);
  CHECK_FALSE(s.figure().timeline.playing());
}

TEST_CASE("toolkit timeline: a continuous position plays smoothly and Step goes to the next stage") {
  Host<Stages> s;
  s.click("Play");  // its last frame, the pointer moved away, is the first of the second played
  s.frames(59);     // one second at half a stage a second
  CHECK(s.figure().value() == Approx(0.5).margin(1e-4));
  s.click("Step");
  CHECK(s.figure().value() == 1);
  CHECK_FALSE(s.figure().timeline.playing());
  s.click("Step");
  CHECK(s.figure().value() == 2);
  CHECK(s.figure().timeline.at_end());
  s.click("Rewind");
  CHECK(s.figure().value() == 0);
}
