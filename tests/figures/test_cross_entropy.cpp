// cross-entropy, headless: defaults, dragging q toward p and to zero (∞, never NaN), keys, and
// describe() against core/information.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/information.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using namespace mml::test;

namespace {

std::unique_ptr<FigureHost> make_host(double* time, const char* query = "") {
  return mml::test::open_figure("cross-entropy", time, query);
}

// Drags the top of the model's bar for `cls` (0-based, of 4; the bar "q <cls + 1>") by dy pixels;
// returns the resulting state and description, "state|describe()".
std::string drag_q(double* time, int cls, float dy) {
  auto host = make_host(time);
  const mml::test::ItemRect bar = mml::test::find_item(*host, "q " + std::to_string(cls + 1));
  drag(*host, time, bar.cx(), bar.cy(), 0, dy);
  return host->state() + "|" + host->describe();
}

}  // namespace

TEST_CASE("cross-entropy: defaults show H(p) = 1.75, H(p, q) = 2 and KL = 0.25 bits") {
  double time = 0;
  auto host = make_host(&time);
  CHECK(host->state().empty());
  CHECK(host->describe() == "H(p) = 1.75 bits, H(p, q) = 2 bits, KL(p\u2016q) = 0.25 bits.");
}

TEST_CASE("cross-entropy: raising q(cat) toward p(cat) lowers KL, and describe() matches core") {
  double time = 0;
  const std::string result = drag_q(&time, 0, -60);
  const std::string state = result.substr(0, result.find('|')), d = result.substr(result.find('|') + 1);
  CAPTURE(state, d);
  REQUIRE(contains(state, "q1="));
  std::vector<double> q(4), p{0.5, 0.25, 0.125, 0.125};
  for (int i = 0; i < 4; ++i) q[std::size_t(i)] = number_param(state, "q" + std::to_string(i + 1), 0.25);
  CHECK(q[0] > 0.25);
  CHECK(q[0] < 0.6);
  CHECK(kl_divergence_bits(p, q) < 0.25);
  CHECK(contains(d, "H(p, q) = " + format_number(cross_entropy_bits(p, q)) + " bits"));
  CHECK(contains(d, "KL(p\u2016q) = " + format_number(kl_divergence_bits(p, q)) + " bits"));
}

TEST_CASE("cross-entropy: dragging q(dog) to the floor makes the loss infinite, shown as ∞") {
  double time = 0;
  const std::string result = drag_q(&time, 1, 300);
  const std::string d = result.substr(result.find('|') + 1);
  CAPTURE(result);
  CHECK(number_param(result.substr(0, result.find('|')), "q2", -1) == 0);
  CHECK(contains(d, "H(p, q) = \u221e"));
  CHECK(contains(d, "KL(p\u2016q) = \u221e"));
  CHECK(contains(d, "probability 0 to dog"));
  CHECK_FALSE(contains(d, "nan"));
  CHECK_FALSE(contains(d, "inf"));
}

TEST_CASE("cross-entropy: one-hot p is the classification loss, −log₂ q(true class)") {
  double time = 0;
  auto host = make_host(&time, "p1=0&p2=1&p3=0&p4=0&q1=0.1&q2=0.7&q3=0.1&q4=0.1");
  // −log₂ 0.7 = 0.5145731728297583 (Python): the whole cross-entropy, since H(one-hot) = 0.
  CHECK(host->describe() == "H(p) = 0 bits, H(p, q) = 0.515 bits, KL(p\u2016q) = 0.515 bits.");
}

TEST_CASE("cross-entropy: the keyboard walks p₁, q₁, p₂, … and nudges the chosen bar") {
  double time = 0;
  auto host = make_host(&time);
  host->set_focus(true);
  tap(*host, &time, HostKey::Right);  // q(cat)
  tap(*host, &time, HostKey::Up);
  const std::string state = host->state();
  CAPTURE(state);
  CHECK(number_param(state, "q1", 0) == Approx(0.26));
  CHECK(number_param(state, "p1", 0.5) == 0.5);  // p untouched
  for (int i = 0; i < 10; ++i) tap(*host, &time, HostKey::Right);  // stops at the last bar, q(owl)
  for (int i = 0; i < 40; ++i) tap(*host, &time, HostKey::Down);
  CHECK(number_param(host->state(), "q4", 1) == 0);
  CHECK(contains(host->describe(), "\u221e"));
}
