#pragma once
// Discrete distributions the reader edits by hand, and their expected value and spread.
// A distribution is a span of probabilities p₀ … p_{k−1}; a random variable takes value x_i with
// probability p_i. Figures store what the reader set (rounded for the URL); everything here
// normalizes first, so stored values need not sum to exactly 1.
#include <cstdint>
#include <span>
#include <vector>

namespace mml {

// Non-negative weights scaled to sum to 1. Negative or non-finite weights count as 0; if nothing
// is left, the uniform distribution (the only fair answer to "no preference").
std::vector<double> normalized(std::span<const double> weights);

// Sets p_i to `value` (clamped to [0, 1]) and rescales the others proportionally so the total
// stays 1: dragging one bar up takes probability from the rest in proportion to what they hold.
// If the others hold nothing, the remainder is shared equally among them.
std::vector<double> with_probability(std::span<const double> p, std::size_t i, double value);

// Rounds each probability to a multiple of `step` (so it survives the URL's decimal form) without
// turning a positive probability into zero: an outcome that can happen stays possible.
std::vector<double> quantized(std::span<const double> p, double step);

// E[X] = Σ x_i p_i.
double expected_value(std::span<const double> values, std::span<const double> p);
// Var X = Σ (x_i − E[X])² p_i: the expected squared distance from the mean.
double variance(std::span<const double> values, std::span<const double> p);

// mean[n−1] = (x₀ + … + x_{n−1}) / n for every prefix: the running average the law of large
// numbers is about.
std::vector<double> running_means(std::span<const double> samples);

}  // namespace mml
