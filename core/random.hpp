#pragma once
// Seeded randomness that gives the same numbers everywhere. The C++ standard fixes the raw output
// of std::mt19937_64, but not std::uniform_real_distribution or std::discrete_distribution: those
// differ between libstdc++, libc++ and Emscripten. So we take the raw 64-bit words and turn them
// into uniforms and discrete draws ourselves: a figure's URL (its seed) then replays identically
// in every browser and in the native tests.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace mml {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t next() { return engine_(); }
  // Uniform in [0, 1): the top 53 bits of one word, so every double step 2⁻⁵³ is equally likely.
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 engine_;
};

// Draws an index i with probability p_i (p need not be normalized; negative or non-finite weights
// count as zero) by inverting the cumulative distribution: u ∈ [0, 1) falls in bucket i when
// F(i−1) ≤ u·total < F(i). Outcomes of zero weight are never drawn.
class DiscreteSampler {
 public:
  explicit DiscreteSampler(std::span<const double> weights);
  int operator()(Rng& rng) const { return index_for(rng.uniform()); }
  int index_for(double u) const;  // the inverse CDF itself, for tests
  std::size_t size() const { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;  // running sums of the weights
};

}  // namespace mml
