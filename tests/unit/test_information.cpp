// core/information: entropy, cross-entropy, KL divergence and Huffman codes against closed forms.
// Reference decimals were computed with Python 3's math.log2 (e.g.
// -(0.9*log2(0.9) + 0.1*log2(0.1)) = 0.4689955935892812) and are noted where used.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/information.hpp"
#include "core/probability.hpp"

using namespace mml;
using V = std::vector<double>;

TEST_CASE("entropy: closed forms") {
  CHECK(entropy_bits(V{0.5, 0.5}) == Approx(1));  // a fair coin is one bit
  CHECK(entropy_bits(V{1, 0}) == 0);               // a certain outcome tells nothing
  for (int k = 2; k <= 16; ++k) CHECK(entropy_bits(V(std::size_t(k), 1.0 / k)) == Approx(std::log2(k)));
  CHECK(entropy_bits(V{0.9, 0.1}) == Approx(0.4689955935892812));  // Python, see top
  CHECK(entropy_bits(V{0.5, 0.25, 0.125, 0.125}) == Approx(1.75));  // ½·1 + ¼·2 + 2·⅛·3
  CHECK(binary_entropy_bits(0.1) == Approx(0.4689955935892812));
  CHECK(binary_entropy_bits(0.5) == Approx(1));
  CHECK(binary_entropy_bits(0) == 0);
  CHECK(binary_entropy_bits(1) == 0);
  CHECK(surprisal_bits(0.125) == Approx(3));
  CHECK(std::isinf(surprisal_bits(0)));
  CHECK(surprisal_bits(1) == 0);
}

TEST_CASE("entropy lies between 0 and log₂ k, the maximum only at uniform") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t k = 2 + std::size_t(trial % 7);
    V w(k);
    for (double& x : w) x = u(rng);
    const double h = entropy_bits(w);
    CHECK(h >= 0);
    CHECK(h < std::log2(double(k)));
  }
}

TEST_CASE("cross-entropy and KL: closed forms") {
  // p = (½, ¼, ⅛, ⅛), q uniform over 4: every outcome costs log₂ 4 = 2 bits, so H(p, q) = 2 and
  // KL = 2 − 1.75 = 0.25.
  const V p{0.5, 0.25, 0.125, 0.125}, q{0.25, 0.25, 0.25, 0.25};
  CHECK(cross_entropy_bits(p, q) == Approx(2));
  CHECK(kl_divergence_bits(p, q) == Approx(0.25));
  // Coins: KL(Ber(½) ‖ Ber(¼)) = ½ log₂(½/¼) + ½ log₂(½/¾) = 1 − ½ log₂ 3 = 0.20751874963942185.
  CHECK(kl_divergence_bits(V{0.5, 0.5}, V{0.25, 0.75}) == Approx(1 - 0.5 * std::log2(3.0)));
  CHECK(kl_divergence_bits(V{0.5, 0.5}, V{0.25, 0.75}) == Approx(0.20751874963942185));
  // One-hot truth (a labelled example): cross-entropy is the surprise of the true class alone,
  // −log₂ q_true; here −log₂ 0.7 = 0.5145731728297583 (Python).
  CHECK(cross_entropy_bits(V{0, 1, 0}, V{0.2, 0.7, 0.1}) == Approx(0.5145731728297583));
  CHECK(kl_divergence_bits(V{0, 1, 0}, V{0.2, 0.7, 0.1}) == Approx(0.5145731728297583));  // H(one-hot) = 0
  // q = p costs nothing extra.
  CHECK(kl_divergence_bits(p, p) == 0);
  CHECK(cross_entropy_bits(p, p) == Approx(entropy_bits(p)));
}

TEST_CASE("a model that rules out what happens pays infinitely, never NaN") {
  const V p{0.5, 0.5, 0}, q{1, 0, 0};
  CHECK(std::isinf(cross_entropy_bits(p, q)));
  CHECK(std::isinf(kl_divergence_bits(p, q)));
  // q = 0 where p = 0 is harmless: that outcome never happens.
  CHECK(cross_entropy_bits(V{0.5, 0.5, 0}, V{0.5, 0.5, 0}) == Approx(1));
  CHECK(std::isfinite(kl_divergence_bits(V{1, 0}, V{0.5, 0.5})));
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(std::isnan(cross_entropy_bits(V{nan, 1}, V{1, nan})));
  // The outcome to blame: the first that p allows and q rules out; none when the infinity is absent.
  CHECK(first_ruled_out(p, q) == 1);
  CHECK(first_ruled_out(V{0, 0.5, 0.5}, V{0.5, 0, 0}) == 1);
  CHECK(first_ruled_out(V{0.5, 0.5, 0}, V{0.5, 0.5, 0}) == -1);
  CHECK(first_ruled_out(V{1, 0}, V{0.5, 0.5}) == -1);
  for (const V& a : {V{0.2, 0.8}, V{1, 0, 0}, V{0.1, 0, 0.9}})
    for (const V& b : {V{0, 1}, V{0.5, 0, 0.5}, V{1, 1, 1}})
      CHECK((first_ruled_out(a, b) >= 0) == std::isinf(kl_divergence_bits(a, b)));
}

TEST_CASE("Gibbs' inequality: KL ≥ 0 and H(p, q) = H(p) + KL on random distributions") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0.001, 1);
  for (int trial = 0; trial < 500; ++trial) {
    const std::size_t k = 2 + std::size_t(trial % 7);
    V p(k), q(k);
    for (double& x : p) x = u(rng);
    for (double& x : q) x = u(rng);
    const double kl = kl_divergence_bits(p, q);
    CHECK(kl >= 0);
    CHECK(cross_entropy_bits(p, q) == Approx(entropy_bits(p) + kl).margin(1e-12));
    CHECK(cross_entropy_bits(p, q) >= entropy_bits(p) - 1e-12);
  }
}

TEST_CASE("Huffman codes: known examples") {
  // Dyadic: lengths are exactly −log₂ p_i and the average is the entropy.
  const PrefixCode a = huffman_code(V{0.5, 0.25, 0.125, 0.125});
  CHECK(a.lengths == std::vector<int>{1, 2, 3, 3});
  CHECK(a.words == std::vector<std::string>{"0", "10", "110", "111"});
  CHECK(a.average_length == Approx(1.75));
  // Uniform over 4: two bits each.
  CHECK(huffman_code(V{1, 1, 1, 1}).lengths == std::vector<int>{2, 2, 2, 2});
  // A textbook example (0.4, 0.3, 0.2, 0.1): merge 0.1+0.2, then 0.3+0.3, then 0.4+0.6, giving
  // lengths (1, 2, 3, 3) and average 0.4 + 0.6 + 0.6 + 0.3 = 1.9 bits, above H ≈ 1.846.
  const PrefixCode b = huffman_code(V{0.4, 0.3, 0.2, 0.1});
  CHECK(b.lengths == std::vector<int>{1, 2, 3, 3});
  CHECK(b.average_length == Approx(1.9));
  // Zero-probability outcomes get no codeword; one certain outcome needs no bits.
  const PrefixCode c = huffman_code(V{0, 0.5, 0.5});
  CHECK(c.lengths == std::vector<int>{0, 1, 1});
  CHECK(c.words[0].empty());
  CHECK(huffman_code(V{0, 1, 0}).average_length == 0);
}

TEST_CASE("Huffman codes are prefix-free and within one bit of the entropy") {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t k = 2 + std::size_t(trial % 9);
    V p(k);
    for (double& x : p) x = u(rng) * u(rng);
    const PrefixCode code = huffman_code(p);
    const double h = entropy_bits(p);
    CHECK(code.average_length >= h - 1e-12);
    CHECK(code.average_length < h + 1);
    double kraft = 0;  // a complete prefix code has Σ 2^−ℓ = 1
    for (std::size_t i = 0; i < k; ++i) {
      CHECK(code.words[i].size() == std::size_t(code.lengths[i]));
      kraft += std::ldexp(1.0, -code.lengths[i]);
      for (std::size_t j = 0; j < k; ++j)
        if (i != j) CHECK(code.words[j].rfind(code.words[i], 0) != 0);  // no word starts another
    }
    CHECK(kraft == Approx(1));
  }
}
