#pragma once
// Information theory for discrete distributions, in bits (log base 2): how surprising an outcome
// is, how surprising a distribution is on average (entropy), what it costs to use the wrong
// distribution (cross-entropy, KL divergence), and a concrete code that reaches the entropy
// (Huffman). Distributions are normalized first (core/probability.hpp), so stored values need not
// sum to exactly 1. Convention: 0 · log 0 = 0, the limit of p log p as p → 0.
#include <span>
#include <string>
#include <vector>

namespace mml {

// −log₂ p: the bits an ideal code spends on an outcome of probability p (∞ at p = 0).
double surprisal_bits(double p);

// H(p) = −Σ p_i log₂ p_i = E[−log₂ p(X)]: the average surprise, from 0 (certain) to log₂ k (uniform).
double entropy_bits(std::span<const double> p);
// The coin case: H(p, 1 − p).
double binary_entropy_bits(double p);

// H(p, q) = −Σ p_i log₂ q_i: the average bits when outcomes come from p but the code is built
// for q. +∞ when q gives probability 0 to an outcome p can produce (never NaN).
double cross_entropy_bits(std::span<const double> p, std::span<const double> q);
// KL(p‖q) = H(p, q) − H(p) = Σ p_i log₂(p_i / q_i) ≥ 0, zero exactly when q = p; +∞ as above.
// Computed term by term, not as a difference, so it is never a tiny negative number.
double kl_divergence_bits(std::span<const double> p, std::span<const double> q);
// The first outcome p can produce (p_i > 0) that q rules out (q_i = 0): the reason H(p, q) and
// KL(p‖q) are infinite. −1 when there is none. Compared after normalizing, like the above.
int first_ruled_out(std::span<const double> p, std::span<const double> q);

// A prefix code for the outcomes, built by Huffman's algorithm: repeatedly merge the two least
// likely groups; every merge adds one bit to each member. Its average length L satisfies
// H(p) ≤ L < H(p) + 1, with L = H(p) when every p_i is a power of ½.
struct PrefixCode {
  std::vector<int> lengths;          // bits per outcome; 0 for impossible outcomes (never sent)
  std::vector<std::string> words;    // canonical codewords, "0"/"1" characters
  double average_length = 0;         // Σ p_i · lengths_i
};
// Ties break toward the lower index, so the code is the same on every machine. A single possible
// outcome needs no bits at all (length 0), matching its entropy of 0.
PrefixCode huffman_code(std::span<const double> p);

}  // namespace mml
