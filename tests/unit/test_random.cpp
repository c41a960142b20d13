// core/random: the same numbers on every standard library, and draws with the right frequencies.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/probability.hpp"
#include "core/random.hpp"

using namespace mml;

TEST_CASE("Rng's raw words are the standard's mt19937_64") {
  // [rand.predef] in the C++ standard: the 10000th output of a default-seeded mt19937_64
  // (seed 5489) is 9981545732273789042. Any conforming library must agree.
  Rng rng(5489);
  std::uint64_t x = 0;
  for (int i = 0; i < 10000; ++i) x = rng.next();
  CHECK(x == 9981545732273789042ull);
}

TEST_CASE("uniform() maps the top 53 bits into the half-open unit interval") {
  Rng a(1), b(1);
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t word = a.next();
    const double u = b.uniform();
    CHECK(u == double(word >> 11) / 9007199254740992.0);  // 2⁵³
    CHECK(u >= 0);
    CHECK(u < 1);
  }
}

TEST_CASE("the same seed replays the same draws, another seed does not") {
  const std::vector<double> p{0.1, 0.1, 0.1, 0.1, 0.2, 0.4};
  const DiscreteSampler sample(p);
  Rng a(42), b(42), c(43);
  int same = 0, differ = 0;
  for (int i = 0; i < 200; ++i) {
    const int x = sample(a), y = sample(b), z = sample(c);
    same += x == y;
    differ += x != z;
  }
  CHECK(same == 200);
  CHECK(differ > 50);
}

TEST_CASE("the inverse CDF puts u in the right bucket") {
  // p = (0.25, 0, 0.5, 0.25): cumulative 0.25, 0.25, 0.75, 1. Bucket 1 has no width.
  const std::vector<double> p{0.25, 0, 0.5, 0.25};
  const DiscreteSampler sample(p);
  CHECK(sample.index_for(0.0) == 0);
  CHECK(sample.index_for(0.2499) == 0);
  CHECK(sample.index_for(0.25) == 2);  // boundary goes up, skipping the empty bucket
  CHECK(sample.index_for(0.7499) == 2);
  CHECK(sample.index_for(0.75) == 3);
  CHECK(sample.index_for(0.9999999) == 3);
  CHECK(sample.index_for(1.0) == 3);  // out of [0, 1): still a possible outcome
  const std::vector<double> trailing_zero{0.5, 0.5, 0};
  CHECK(DiscreteSampler(trailing_zero).index_for(1.0) == 1);
  const std::vector<double> none{0, 0, 0, 0};
  CHECK(DiscreteSampler(none).index_for(0.6) == 2);  // no weight: uniform
}

TEST_CASE("draws follow the distribution: the sample mean lands near the expected value (law of large numbers)") {
  // A loaded die: faces 1..6 with p = (0.1, 0.1, 0.1, 0.1, 0.2, 0.4). By hand, E[X] = 4.4 and
  // Var X = 3.04. The mean of n draws has standard deviation σ/√n; 4 of those is a bound a correct
  // sampler misses with probability about 6e-5, and a biased one (say, off by one bucket) fails.
  const std::vector<double> p{0.1, 0.1, 0.1, 0.1, 0.2, 0.4};
  const std::vector<double> faces{1, 2, 3, 4, 5, 6};
  const DiscreteSampler sample(p);
  for (std::uint64_t seed : {1ull, 2ull, 12345ull}) {
    Rng rng(seed);
    const int n = 100000;
    double sum = 0;
    std::vector<int> counts(6, 0);
    for (int i = 0; i < n; ++i) {
      const int k = sample(rng);
      sum += faces[std::size_t(k)];
      ++counts[std::size_t(k)];
    }
    CHECK(std::abs(sum / n - 4.4) < 4 * std::sqrt(3.04 / n));
    // Each face's frequency within 4 binomial standard deviations of its probability.
    for (std::size_t k = 0; k < 6; ++k)
      CHECK(std::abs(counts[k] / double(n) - p[k]) < 4 * std::sqrt(p[k] * (1 - p[k]) / n));
  }
}
