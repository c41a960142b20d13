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
  // The same k points as nearest_neighbors (by distance, then index), kept in a sorted list of k by
  // insertion, in plain loops: the regions' verbs call this for every sample of the plane, and
  // the debug build's library templates (Eigen expressions, nth_element) are slow there.
  const std::size_t n = data.points.size(), want = std::size_t(std::max(k, 1));
  std::vector<std::pair<double, std::size_t>> best;  // nearest first
  best.reserve(want + 1);
  const double qx = x.x(), qy = x.y();
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = data.points[i].x() - qx, dy = data.points[i].y() - qy, d = dx * dx + dy * dy;
    if (!std::isfinite(d) || (best.size() == want && !(d < best.back().first))) continue;  // ties: lower index kept
    std::size_t at = best.size();
    while (at > 0 && d < best[at - 1].first) --at;
    best.insert(best.begin() + std::ptrdiff_t(at), {d, i});
    if (best.size() > want) best.pop_back();
  }
  if (best.empty()) return NAN;
  int ones = 0;
  for (const auto& [d, i] : best) ones += i < data.labels.size() && data.labels[i] == 1;
  return double(ones) / double(best.size());
}

}  // namespace mml
