#include "core/datasets.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mml {

int clamp_point_count(std::int64_t n) {
  return int(std::clamp<std::int64_t>(n, kMinDatasetPoints, kMaxDatasetPoints));
}

double standard_normal(Rng& rng) {
  const double u1 = 1.0 - rng.uniform();  // (0, 1]: log stays finite
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

double default_noise(Dataset kind) {
  switch (kind) {
    case Dataset::TwoMoons: return 0.08;
    case Dataset::Circles: return 0.05;
    case Dataset::Spirals: return 0.04;
  }
  return 0.05;
}

namespace {

// One noiseless point of class `label` at the uniform draw u in [0, 1).
Vec2 clean_point(Dataset kind, int label, double u) {
  const double pi = std::numbers::pi;
  switch (kind) {
    case Dataset::TwoMoons: {
      const double theta = pi * u;
      return label == 0 ? Vec2(std::cos(theta) - 0.5, std::sin(theta) - 0.25)
                        : Vec2(0.5 - std::cos(theta), 0.25 - std::sin(theta));
    }
    case Dataset::Circles: {
      const double theta = 2 * pi * u, r = label == 0 ? 1.0 : 0.5;
      return {r * std::cos(theta), r * std::sin(theta)};
    }
    case Dataset::Spirals: {
      const double r = 0.2 + 1.3 * u, theta = 3 * pi * u;
      const Vec2 p(r * std::cos(theta), r * std::sin(theta));
      return label == 0 ? p : Vec2(-p);
    }
  }
  return {0, 0};
}

}  // namespace

LabeledPoints make_dataset(Dataset kind, std::int64_t n, std::uint64_t seed, double noise) {
  const int count = clamp_point_count(n);
  const double sigma = std::isfinite(noise) ? std::max(0.0, noise) : 0.0;
  Rng rng(seed);
  LabeledPoints out;
  out.points.reserve(std::size_t(count));
  out.labels.reserve(std::size_t(count));
  for (int i = 0; i < count; ++i) {
    const int label = i % 2;
    // Draw order is fixed (position, then x noise, then y noise) so results never depend on
    // evaluation order inside an expression.
    const Vec2 clean = clean_point(kind, label, rng.uniform());
    const double nx = standard_normal(rng);
    const double ny = standard_normal(rng);
    out.points.push_back(clean + sigma * Vec2(nx, ny));
    out.labels.push_back(label);
  }
  return out;
}

}  // namespace mml

namespace mml {

LabeledPoints make_two_blobs(std::int64_t n, std::uint64_t seed, const Vec2& centre, double spread) {
  const int count = clamp_point_count(n);
  const double sigma = std::isfinite(spread) ? std::max(0.0, spread) : 0.0;
  Rng rng(seed);
  LabeledPoints out;
  out.points.reserve(std::size_t(count));
  out.labels.reserve(std::size_t(count));
  for (int i = 0; i < count; ++i) {
    const int label = i % 2;
    const double nx = standard_normal(rng);
    const double ny = standard_normal(rng);
    out.points.push_back((label == 1 ? centre : Vec2(-centre)) + sigma * Vec2(nx, ny));
    out.labels.push_back(label);
  }
  return out;
}

}  // namespace mml
