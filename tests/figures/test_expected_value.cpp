// expected-value, headless: defaults, dragging and nudging bars, rolling, and describe() against
// the core math (the same seed through core/random gives the same running mean).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/probability.hpp"
#include "core/random.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::number_param;
using mml::test::settle;
using mml::test::tap;

namespace {

const FigureInfo& info() {
  const FigureInfo* f = find_figure("expected-value");
  REQUIRE(f != nullptr);
  return *f;
}

std::unique_ptr<FigureHost> make_host(double* time, float width = 900) {
  auto host = std::make_unique<FigureHost>(info());
  host->resize(width, width / (width >= 560 ? info().aspect : info().narrow_aspect), 1);
  settle(*host, time);
  return host;
}

// The running mean of n rolls of faces 1..6 with probabilities p, straight from core.
double running_mean(const std::vector<double>& p, std::uint64_t seed, int n) {
  Rng rng(seed);
  const DiscreteSampler sample(p);
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += sample(rng) + 1;
  return sum / n;
}

}  // namespace

TEST_CASE("expected-value: the default loaded die, already rolled 100 times") {
  double time = 0;
  auto host = make_host(&time);
  CHECK(host->state().empty());
  const std::string d = host->describe();
  CAPTURE(d);
  CHECK(d.find("E[X] = 4.4 and \u03c3 = 1.74") != std::string::npos);  // by hand: 4.4, √3.04
  const std::vector<double> loaded{0.1, 0.1, 0.1, 0.1, 0.2, 0.4};
  const std::string mean = format_number(running_mean(loaded, 1, 100));
  CHECK(d.find("After 100 rolls the running mean is " + mean) != std::string::npos);
  CHECK(d.find("\u00b10.349") != std::string::npos);  // 2·1.7436/√100
  CHECK_FALSE(host->figure().animating());
}

TEST_CASE("expected-value: dragging face 6's bar down gives its probability to the others in proportion") {
  double time = 0;
  auto host = make_host(&time);
  mml::test::drag_item(*host, &time, "faces 6", 0, 60);  // face 6's bar, straight down
  const std::string state = host->state();
  CAPTURE(state);
  REQUIRE(state.find("p6=") != std::string::npos);
  const double p6 = number_param(state, "p6"), p1 = number_param(state, "p1"), p5 = number_param(state, "p5");
  CHECK(p6 < 0.4);
  CHECK(p1 > 0.1);
  CHECK(p5 / p1 == Approx(2).epsilon(0.01));  // the others keep their ratios
  CHECK(state.find("n=") == std::string::npos);   // rolls are redrawn, not reset
  // The description follows the new distribution.
  std::vector<double> p(6);
  for (int i = 0; i < 6; ++i) p[std::size_t(i)] = number_param(state, "p" + std::to_string(i + 1));
  const std::vector<double> faces{1, 2, 3, 4, 5, 6};
  CHECK(host->describe().find("E[X] = " + format_number(expected_value(faces, p))) != std::string::npos);
}

TEST_CASE("expected-value: arrow keys pick a face and nudge its probability") {
  double time = 0;
  auto host = make_host(&time);
  host->set_focus(true);
  for (int i = 0; i < 5; ++i) tap(*host, &time, HostKey::Right);
  tap(*host, &time, HostKey::Up);
  const std::string state = host->state();
  CAPTURE(state);
  CHECK(number_param(state, "p6") == Approx(0.41));
  CHECK(number_param(state, "p1") == Approx(0.59 / 6).margin(1e-4));  // 0.1 · 0.59 / 0.6
  tap(*host, &time, HostKey::Right);  // already the last face: stays on it
  tap(*host, &time, HostKey::Down);
  // Back down by the same step (up to the URL's four decimals; an absent p6 is its default 0.4).
  const double p6 = number_param(host->state(), "p6");
  CHECK((std::isnan(p6) ? 0.4 : p6) == Approx(0.4).margin(2e-4));
}

TEST_CASE("expected-value: the URL restores distribution, seed and rolls, describe() matches core") {
  double time = 0;
  auto host = make_host(&time);
  std::vector<std::string> errors;
  REQUIRE(host->configure("p1=1&p2=1&p3=1&p4=1&p5=1&p6=1&seed=7&n=2500", &errors));
  settle(*host, &time);
  const std::vector<double> fair(6, 1.0 / 6);
  const double mean = running_mean(fair, 7, 2500);
  CHECK(std::abs(mean - 3.5) < 4 * std::sqrt(35.0 / 12 / 2500));  // the law of large numbers
  const std::string d = host->describe();
  CAPTURE(d);
  CHECK(d.find("E[X] = 3.5") != std::string::npos);
  CHECK(d.find("After 2500 rolls the running mean is " + format_number(mean)) != std::string::npos);
  REQUIRE(host->configure("n=0", &errors));
  CHECK(host->describe().find("No rolls yet") != std::string::npos);
}

TEST_CASE("expected-value: Play rolls on by itself and stops at 10000 rolls") {
  double time = 0;
  auto host = make_host(&time);
  host->set_reduced_motion(true);  // the reader may still press Play
  mml::test::click(*host, &time, "Play");
  REQUIRE(host->figure().animating());
  for (int i = 0; i < 30; ++i) host->frame(time += 1.0 / 60);
  const double n = number_param(host->state(), "n");
  CHECK(n > 100);
  for (int i = 0; i < 1200 && host->figure().animating(); ++i) host->frame(time += 1.0 / 60);
  CHECK_FALSE(host->figure().animating());
  CHECK(number_param(host->state(), "n") == 10000);
}

TEST_CASE("expected-value: never plays by itself") {
  double time = 0;
  for (bool reduced : {false, true}) {
    auto host = std::make_unique<FigureHost>(info());
    host->set_reduced_motion(reduced);
    host->resize(900, 562, 1);
    CHECK(settle(*host, &time) < 10);
    CHECK_FALSE(host->figure().animating());
  }
}
