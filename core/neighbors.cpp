#include "core/neighbors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
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
  // insertion, over raw arrays: the regions' verbs call this for every sample of the plane, and in
  // the debug build every Eigen or std accessor is a call of its own (10× slower).
  static_assert(sizeof(Vec2) == 2 * sizeof(double), "Vec2 is two packed doubles");
  const std::size_t n = data.points.size(), labelled = data.labels.size();
  const std::size_t want = std::min(std::size_t(std::max(k, 1)), n);
  if (want == 0) return NAN;
  const double* xy = reinterpret_cast<const double*>(data.points.data());
  const int* labels = data.labels.data();
  const double qx = x.x(), qy = x.y();
  // The k best so far on the stack for the figures' k (at most 25): two heap allocations per
  // sample of the plane cost the sanitized build's toolkit-regions tests about 17 → 12.5 s of
  // CPU. Larger k take the heap (tested in test_neighbors.cpp).
  constexpr std::size_t kOnStack = 64;
  double stack_d[kOnStack];
  std::size_t stack_i[kOnStack];
  std::vector<double> heap_d;
  std::vector<std::size_t> heap_i;
  if (want > kOnStack) heap_d.resize(want), heap_i.resize(want);
  double* bd = want > kOnStack ? heap_d.data() : stack_d;
  std::size_t* bi = want > kOnStack ? heap_i.data() : stack_i;
  std::size_t count = 0;  // nearest first in bd[0 … count)
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = xy[2 * i] - qx, dy = xy[2 * i + 1] - qy, d = dx * dx + dy * dy;
    if (!(d <= std::numeric_limits<double>::max())) continue;          // not finite
    if (count == want && !(d < bd[count - 1])) continue;                // ties: the lower index stays
    std::size_t at = count < want ? count++ : count - 1;
    for (; at > 0 && d < bd[at - 1]; --at) bd[at] = bd[at - 1], bi[at] = bi[at - 1];
    bd[at] = d, bi[at] = i;
  }
  if (count == 0) return NAN;
  int ones = 0;
  for (std::size_t j = 0; j < count; ++j) ones += bi[j] < labelled && labels[bi[j]] == 1;
  return double(ones) / double(count);
}

}  // namespace mml
