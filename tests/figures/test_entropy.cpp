// entropy, headless: defaults, dragging and nudging bars, the coin curve, and describe() against
// core/information.
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
  return mml::test::open_figure("entropy", time, query);
}

}  // namespace

TEST_CASE("entropy: the default (½, ¼, ⅛, ⅛) has H = 1.75 bits, met exactly by its Huffman code") {
  double time = 0;
  auto host = make_host(&time);
  CHECK(host->state().empty());
  const std::string d = host->describe();
  CAPTURE(d);
  CHECK(contains(d, "H(p) = 1.75 bits over 4 outcomes"));
  CHECK(contains(d, "log\u2082 4 = 2 bits"));
  CHECK(contains(d, "A Huffman code averages 1.75 bits"));
}

TEST_CASE("entropy: dragging A's bar down moves toward uniform and raises H") {
  double time = 0;
  auto host = make_host(&time);
  mml::test::drag_item(*host, &time, "outcomes 1", 0, 40);  // A's bar, top down by 40 px
  const std::string state = host->state();
  CAPTURE(state);
  REQUIRE(contains(state, "p1="));
  const double a = number_param(state, "p1");
  CHECK(a < 0.5);
  CHECK(number_param(state, "p2") / number_param(state, "p3") == Approx(2).epsilon(0.01));
  const std::vector<double> p{a, number_param(state, "p2"), number_param(state, "p3"), number_param(state, "p4")};
  CHECK(entropy_bits(p) > 1.75);
  CHECK(contains(host->describe(), "H(p) = " + format_number(entropy_bits(p)) + " bits"));
  CHECK(contains(host->describe(), "Huffman code averages " + format_number(huffman_code(p).average_length)));
}

TEST_CASE("entropy: keys pick an outcome and nudge it") {
  double time = 0;
  auto host = make_host(&time);
  host->set_focus(true);
  tap(*host, &time, HostKey::Right);
  tap(*host, &time, HostKey::Up);  // B: 0.25 → 0.26
  CHECK(number_param(host->state(), "p2") == Approx(0.26));
  CHECK(number_param(host->state(), "p1") == Approx(0.5 * 0.74 / 0.75).margin(1e-4));
}

TEST_CASE("entropy: the coin, H(0.9, 0.1) = 0.469 bits, and its handle moves along the curve") {
  double time = 0;
  auto host = make_host(&time, "k=2&p1=0.9&p2=0.1");
  CHECK(contains(host->describe(), "P(A) = 0.9: H = 0.469 bits"));  // 0.4689955935892812
  // The coin's handle is at (0.9, 0.469) in the lower plot; drag it left toward the fair coin.
  auto h = make_host(&time, "k=2&p1=0.9&p2=0.1");
  mml::test::drag_item(*h, &time, "##coin-handle", -150, 0);
  const double a = number_param(h->state(), "p1");
  CAPTURE(h->state());
  REQUIRE_FALSE(std::isnan(a));
  CHECK(a < 0.9);
  CHECK(a + number_param(h->state(), "p2") == Approx(1));
  CHECK(contains(h->describe(), "H = " + format_number(binary_entropy_bits(a)) + " bit"));
}

TEST_CASE("entropy: uniform over k reaches log₂ k, a certain outcome has none") {
  double time = 0;
  auto host = make_host(&time, "k=8&p1=1&p2=1&p3=1&p4=1&p5=1&p6=1&p7=1&p8=1");
  CHECK(contains(host->describe(), "H(p) = 3 bits over 8 outcomes"));
  CHECK(contains(host->describe(), "Huffman code averages 3 bits"));
  auto certain = make_host(&time, "k=3&p1=0&p2=1&p3=0");
  CHECK(contains(certain->describe(), "H(p) = 0 bits"));
  CHECK(contains(certain->describe(), "averages 0 bits"));
}
