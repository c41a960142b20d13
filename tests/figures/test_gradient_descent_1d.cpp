// gradient-descent-1d, headless: the walk it draws and describes is the closed form on x²,
// Step and Play add steps and Play stops where the walk ends, nothing plays by itself, and bad
// formulas show the parser's message without a crash.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/format.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::settle;
using mml::test::tap;

namespace {

const FigureInfo& info() {
  const FigureInfo* i = find_figure("gradient-descent-1d");
  REQUIRE(i != nullptr);
  return *i;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("gradient-descent-1d: the default walk on x² is x_k = (1 − 2η)^k x₀") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  settle(host, &time);
  const std::string d = host.describe();
  CAPTURE(d);
  // η = 0.2 from 2.5: 2.5 · 0.6³ = 0.54, f = 0.2916, f' = 1.08.
  CHECK(has(d, "from x\u2080 = 2.5 with learning rate \u03b7 = 0.2: after 3 steps x = 0.54, f(x) = 0.292, f'(x) = 1.08;"));
  CHECK(has(d, "walking downhill"));
  CHECK_FALSE(host.needs_frame());  // nothing plays by itself
}

TEST_CASE("gradient-descent-1d: η = 1.05 on x² grows like 1.1^k until it leaves the view") {
  FigureHost host(info());
  std::vector<std::string> errors;
  REQUIRE(host.configure("eta=1.05&x0=0.5&steps=200", &errors));
  const std::string d = host.describe();
  CAPTURE(d);
  // |x_k| = 0.5 · 1.1^k first exceeds the view's 3 at k = ⌈ln 6 / ln 1.1⌉ = 19.
  const int k = int(std::ceil(std::log(6.0) / std::log(1.1)));
  REQUIRE(k == 19);
  CHECK(has(d, "after 19 steps x = " + format_number(-0.5 * std::pow(1.1, k)) + ","));
  CHECK(has(d, "diverged"));
  // Before it leaves the view, the walk is already bouncing outward.
  REQUIRE(host.configure("steps=12", &errors));
  CHECK(has(host.describe(), "diverging: every step jumps over the bottom and lands higher"));
  // η = 0.9 bounces: the factor 1 − 2η = −0.8 flips the sign every step.
  REQUIRE(host.configure("eta=0.9&x0=2.5&steps=6", &errors));
  CHECK(has(host.describe(), "x = " + format_number(2.5 * std::pow(-0.8, 6)) + ","));
  CHECK(has(host.describe(), "oscillating"));
  // η = 0.001 crawls: after 200 steps (the cap) x is still 2.5 · 0.998²⁰⁰.
  REQUIRE(host.configure("eta=0.001&steps=200", &errors));
  CHECK(has(host.describe(), "after 200 steps x = " + format_number(2.5 * std::pow(0.998, 200)) + ","));
  CHECK(has(host.describe(), "stopped after 200 steps"));
}

TEST_CASE("gradient-descent-1d: Step adds one step, Play runs until the slope is flat, Reset clears") {
  FigureHost host(info());
  double time = 0;
  host.resize(900, 900 / info().aspect, 1);
  settle(host, &time);
  mml::test::click(host, &time, "Step");
  CHECK(host.state() == "steps=4");
  mml::test::click(host, &time, "Play");
  CHECK(host.needs_frame());
  for (int i = 0; i < 60 * 20 && host.needs_frame(); ++i) host.frame(time += 1.0 / 60);
  CHECK_FALSE(host.needs_frame());
  // 2 · 0.6^k · 2.5 < 10⁻⁸ first at k = 40.
  CAPTURE(host.describe());
  CHECK(host.state() == "steps=40");
  CHECK(has(host.describe(), "converged"));
  // Rewind (the timeline's reset): back to no steps.
  mml::test::click(host, &time, "Rewind");
  CHECK(host.state() == "steps=0");
}

TEST_CASE("gradient-descent-1d: under reduced motion nothing starts by itself, keys move the start") {
  FigureHost host(info());
  double time = 0;
  host.set_reduced_motion(true);
  host.resize(360, 360 / info().narrow_aspect, 2);
  CHECK(settle(host, &time) < 10);
  CHECK(host.state().empty());
  host.set_focus(true);
  host.frame(time += 1.0 / 60);
  tap(host, &time, HostKey::Left);
  CHECK(host.state() == "x0=2.4");
}

TEST_CASE("gradient-descent-1d: bad or undefined formulas are named, never NaN, never a crash") {
  std::vector<std::string> errors;
  for (const char* q : {"f=x%5E", "f=", "f=t", "f=1%2Fx&x0=0", "f=sqrt(x)&x0=-1&steps=5", "f=log(x)&x0=0.5&steps=50",
                        "f=exp(50x)&eta=1.5&steps=200", "f=((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x"}) {
    FigureHost host(info());
    double time = 0;
    host.resize(900, 900 / info().aspect, 1);
    host.configure(q, &errors);
    settle(host, &time);
    const std::string d = host.describe();
    CAPTURE(q, d);
    CHECK_FALSE(has(d, "nan"));
    CHECK_FALSE(has(d, "inf"));
  }
  FigureHost host(info());
  REQUIRE(host.configure("f=x%5E", &errors));
  CHECK(has(host.describe(), "on f(x) = x^2 "));  // the last good curve stays
  CHECK(has(host.describe(), "The typed formula has an error: "));
  REQUIRE(host.configure("f=1%2Fx&x0=0", &errors));
  CHECK(has(host.describe(), "undefined at x = 0"));
}
