#include "core/neighbors.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace mml {

std::vector<std::size_t> nearest_neighbors(std::span<const Vec2> points, const Vec2& x, int k) {
  std::vector<std::pair<double, std::size_t>> by_distance;
  by_distance.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i].allFinite()) by_distance.emplace_back((points[i] - x).squaredNorm(), i);
  const std::size_t n = std::min(std::size_t(std::max(k, 1)), by_distance.size());
  std::partial_sort(by_distance.begin(), by_distance.begin() + std::ptrdiff_t(n), by_distance.end());
  std::vector<std::size_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = by_distance[i].second;
  return out;
}

double neighbor_vote(const LabeledPoints& data, const Vec2& x, int k) {
  const std::vector<std::size_t> near = nearest_neighbors(data.points, x, k);
  if (near.empty()) return NAN;
  int ones = 0;
  for (std::size_t i : near) ones += i < data.labels.size() && data.labels[i] == 1;
  return double(ones) / double(near.size());
}

}  // namespace mml
