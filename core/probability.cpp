#include "core/probability.hpp"

#include <algorithm>
#include <cmath>

namespace mml {
namespace {

double weight(double w) { return std::isfinite(w) && w > 0 ? w : 0; }

}  // namespace

std::vector<double> normalized(std::span<const double> weights) {
  std::vector<double> p(weights.size());
  double total = 0;
  for (std::size_t i = 0; i < p.size(); ++i) total += p[i] = weight(weights[i]);
  if (!(total > 0) || !std::isfinite(total)) {
    std::fill(p.begin(), p.end(), p.empty() ? 0 : 1.0 / double(p.size()));
    return p;
  }
  for (double& x : p) x /= total;
  return p;
}

std::vector<double> with_probability(std::span<const double> p_in, std::size_t i, double value) {
  std::vector<double> p = normalized(p_in);
  if (i >= p.size()) return p;
  const double v = std::isfinite(value) ? std::clamp(value, 0.0, 1.0) : p[i];
  double others = 0;
  for (std::size_t j = 0; j < p.size(); ++j)
    if (j != i) others += p[j];
  const double rest = 1 - v;
  for (std::size_t j = 0; j < p.size(); ++j) {
    if (j == i) continue;
    // Proportional share of what is left; equal shares when the others held nothing.
    p[j] = others > 0 ? p[j] / others * rest : rest / double(p.size() - 1);
  }
  p[i] = p.size() == 1 ? 1 : v;
  return p;
}

std::vector<double> quantized(std::span<const double> p, double step) {
  std::vector<double> q(p.begin(), p.end());
  if (!(step > 0)) return q;
  for (double& x : q) {
    const double w = weight(x);
    const double r = std::round(w / step) * step;
    x = w > 0 ? std::max(r, step) : 0;
  }
  return q;
}

double expected_value(std::span<const double> values, std::span<const double> p_in) {
  const std::vector<double> p = normalized(p_in);
  double e = 0;
  for (std::size_t i = 0; i < std::min(values.size(), p.size()); ++i) e += values[i] * p[i];
  return e;
}

double variance(std::span<const double> values, std::span<const double> p_in) {
  const std::vector<double> p = normalized(p_in);
  const double mean = expected_value(values, p);
  double v = 0;
  for (std::size_t i = 0; i < std::min(values.size(), p.size()); ++i)
    v += (values[i] - mean) * (values[i] - mean) * p[i];
  return v;
}

std::vector<double> running_means(std::span<const double> samples) {
  std::vector<double> means;
  means.reserve(samples.size());
  double sum = 0;
  for (std::size_t n = 0; n < samples.size(); ++n) {
    sum += samples[n];
    means.push_back(sum / double(n + 1));
  }
  return means;
}

}  // namespace mml
