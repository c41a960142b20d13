// core/probability: editing a distribution by hand, and its expected value and variance.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "core/probability.hpp"

using namespace mml;

namespace {
double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }
}  // namespace

TEST_CASE("normalized: weights scaled to sum 1, junk counted as 0, nothing left means uniform") {
  CHECK(normalized(std::vector<double>{1, 1, 2}) == std::vector<double>{0.25, 0.25, 0.5});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(normalized(std::vector<double>{-1, nan, 3}) == std::vector<double>{0, 0, 1});
  CHECK(normalized(std::vector<double>{0, 0, 0, 0}) == std::vector<double>{0.25, 0.25, 0.25, 0.25});
  CHECK(normalized(std::vector<double>{}).empty());
}

TEST_CASE("with_probability: one bar set, the others share the rest in proportion") {
  // (0.2, 0.3, 0.5) with p₀ → 0.6: the others held 0.8 and now share 0.4, so each halves.
  const auto p = with_probability(std::vector<double>{0.2, 0.3, 0.5}, 0, 0.6);
  CHECK(p[0] == Approx(0.6));
  CHECK(p[1] == Approx(0.15));
  CHECK(p[2] == Approx(0.25));
  // The others held nothing: equal shares.
  const auto q = with_probability(std::vector<double>{1, 0, 0}, 0, 0.4);
  CHECK(q == std::vector<double>{0.4, 0.3, 0.3});
  // Out of range and junk values.
  CHECK(with_probability(std::vector<double>{0.5, 0.5}, 1, 2.0) == std::vector<double>{0, 1});
  CHECK(with_probability(std::vector<double>{0.5, 0.5}, 7, 0.2) == std::vector<double>{0.5, 0.5});
  CHECK(with_probability(std::vector<double>{3}, 0, 0.2) == std::vector<double>{1});
  // Always a distribution, whatever the edit.
  std::vector<double> r{0.1, 0.2, 0.3, 0.4};
  for (int step = 0; step < 50; ++step) {
    r = with_probability(r, std::size_t(step % 4), (step * 37 % 100) / 100.0);
    CHECK(sum(r) == Approx(1));
    for (double x : r) CHECK(x >= 0);
  }
}

TEST_CASE("quantized: rounded to the step, but possible outcomes stay possible") {
  const auto q = quantized(std::vector<double>{0.123456, 0.00002, 0, 0.876524}, 1e-4);
  CHECK(q[0] == Approx(0.1235));
  CHECK(q[1] == Approx(1e-4));  // would round to 0
  CHECK(q[2] == 0);
  CHECK(q[3] == Approx(0.8765));
}

TEST_CASE("expected value and variance of a die, by hand") {
  const std::vector<double> faces{1, 2, 3, 4, 5, 6};
  // Fair die: E = 21/6 = 3.5, Var = E[X²] − E² = 91/6 − 12.25 = 35/12.
  const std::vector<double> fair(6, 1.0 / 6);
  CHECK(expected_value(faces, fair) == Approx(3.5));
  CHECK(variance(faces, fair) == Approx(35.0 / 12));
  // Loaded: p = (0.1, 0.1, 0.1, 0.1, 0.2, 0.4). E = 0.1·(1+2+3+4) + 0.2·5 + 0.4·6 = 4.4;
  // E[X²] = 0.1·30 + 0.2·25 + 0.4·36 = 22.4, so Var = 22.4 − 4.4² = 3.04.
  const std::vector<double> loaded{0.1, 0.1, 0.1, 0.1, 0.2, 0.4};
  CHECK(expected_value(faces, loaded) == Approx(4.4));
  CHECK(variance(faces, loaded) == Approx(3.04));
  // Unnormalized weights mean the same distribution.
  CHECK(expected_value(faces, std::vector<double>{1, 1, 1, 1, 2, 4}) == Approx(4.4));
  // A certain outcome: no spread.
  CHECK(variance(faces, std::vector<double>{0, 0, 1, 0, 0, 0}) == 0);
}

TEST_CASE("running means: every prefix average") {
  const auto m = running_means(std::vector<double>{2, 4, 6, 0});
  CHECK(m == std::vector<double>{2, 3, 4, 3});
  CHECK(running_means(std::vector<double>{}).empty());
}
