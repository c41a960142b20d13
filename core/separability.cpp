#include "core/separability.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace mml {
namespace {

double cross(const Vec2& o, const Vec2& a, const Vec2& b) {
  return (a - o).x() * (b - o).y() - (a - o).y() * (b - o).x();
}

// Candidate directions for a separating line's normal: each hull edge's normal and, for hulls
// that are a segment or a point, the edge direction itself (collinear sets are split across it).
void add_axes(const std::vector<Vec2>& hull, std::vector<Vec2>* axes) {
  const std::size_t n = hull.size();
  for (std::size_t i = 0; i < n && n > 1; ++i) {
    const Vec2 d = hull[(i + 1) % n] - hull[i];
    if (d.norm() == 0) continue;
    axes->push_back(Vec2(-d.y(), d.x()).normalized());
    if (n == 2) axes->push_back(d.normalized());
  }
}

}  // namespace

std::vector<Vec2> convex_hull(std::span<const Vec2> points) {
  std::vector<Vec2> p;
  for (const Vec2& q : points)
    if (q.allFinite()) p.push_back(q);
  // By x, then y. C's qsort (its code is in the shared runtime) rather than std::sort, which would
  // compile a sort of its own into the figure's module for this one comparison.
  std::qsort(p.data(), p.size(), sizeof(Vec2), [](const void* pa, const void* pb) {
    const Vec2& a = *static_cast<const Vec2*>(pa);
    const Vec2& b = *static_cast<const Vec2*>(pb);
    return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()) ? -1 : a == b ? 0 : 1;
  });
  p.erase(std::unique(p.begin(), p.end()), p.end());
  if (p.size() < 3) return p;
  std::vector<Vec2> hull(2 * p.size());
  std::size_t k = 0;
  for (const Vec2& q : p) {  // lower chain
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], q) <= 0) --k;
    hull[k++] = q;
  }
  for (std::size_t i = p.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
    while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
    hull[k++] = p[i];
  }
  hull.resize(k - 1);  // the last point repeats the first
  return hull;
}

SeparatingLine find_separating_line(std::span<const Vec2> points, std::span<const int> labels,
                                    double tolerance) {
  std::vector<Vec2> sets[2];
  for (std::size_t i = 0; i < points.size() && i < labels.size(); ++i)
    if (points[i].allFinite()) sets[labels[i] == 0 ? 0 : 1].push_back(points[i]);
  SeparatingLine best;
  if (sets[0].empty() || sets[1].empty()) return best;  // nothing to separate: say no
  const std::vector<Vec2> hulls[2] = {convex_hull(sets[0]), convex_hull(sets[1])};
  std::vector<Vec2> axes;
  add_axes(hulls[0], &axes);
  add_axes(hulls[1], &axes);
  // Two single points: the line between them.
  if (axes.empty() && (hulls[1][0] - hulls[0][0]).norm() > 0) axes.push_back((hulls[1][0] - hulls[0][0]).normalized());
  best.margin = -std::numeric_limits<double>::infinity();
  for (const Vec2& axis : axes) {
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    for (int c = 0; c < 2; ++c)
      for (const Vec2& q : hulls[c]) {
        const double s = axis.dot(q);
        lo[c] = std::min(lo[c], s);
        hi[c] = std::max(hi[c], s);
      }
    // Class 1 above class 0 along `axis`, or below it (then flip the axis).
    const double up = lo[1] - hi[0], down = lo[0] - hi[1];
    const bool flip = down > up;
    const double gap = flip ? down : up;
    if (gap / 2 > best.margin) {
      best.normal = flip ? Vec2(-axis) : axis;
      best.offset = flip ? -(lo[0] + hi[1]) / 2 : (hi[0] + lo[1]) / 2;
      best.margin = gap / 2;
    }
  }
  // Relative to the data's size, so scaled copies of one configuration get one answer.
  double scale = 0;
  for (const auto& h : hulls)
    for (const Vec2& q : h) scale = std::max(scale, q.cwiseAbs().maxCoeff());
  best.separable = best.margin > tolerance * std::max(1.0, scale);
  if (!std::isfinite(best.margin)) best.margin = 0;
  return best;
}

int misclassified(const SeparatingLine& line, std::span<const Vec2> points, std::span<const int> labels) {
  int wrong = 0;
  for (std::size_t i = 0; i < points.size() && i < labels.size(); ++i) {
    const double side = line.normal.dot(points[i]) - line.offset;
    if ((labels[i] == 0 ? side >= 0 : side <= 0) || !std::isfinite(side)) ++wrong;
  }
  return wrong;
}

}  // namespace mml
