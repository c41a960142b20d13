#include "core/random.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

DiscreteSampler::DiscreteSampler(std::span<const double> weights) {
  double total = 0;
  cumulative_.reserve(weights.size());
  for (double w : weights) {
    if (std::isfinite(w) && w > 0) total += w;
    cumulative_.push_back(total);
  }
}

int DiscreteSampler::index_for(double u) const {
  if (cumulative_.empty()) return 0;
  const double total = cumulative_.back();
  if (!(total > 0)) return int(std::min<std::size_t>(std::size_t(std::clamp(u, 0.0, 1.0) * double(size())),
                                                      size() - 1));  // no weight: uniform
  // First bucket whose running sum exceeds u·total; upper_bound skips zero-weight buckets, whose
  // running sum equals the one before them.
  const double target = std::clamp(u, 0.0, 1.0) * total;
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  if (it == cumulative_.end()) {
    // u·total rounded up to the total: the last outcome with positive weight.
    auto last = cumulative_.end() - 1;
    while (last != cumulative_.begin() && *(last - 1) == *last) --last;
    return int(last - cumulative_.begin());
  }
  return int(it - cumulative_.begin());
}

}  // namespace mml
