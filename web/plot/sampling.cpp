#include "web/plot/sampling.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace mml::plot {
namespace {

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

struct Refiner {
  const std::function<Point(double)>& eval;
  const SamplingOptions& options;
  double jump;  // a step larger than this (data units, y) is a discontinuity
  Polylines out;
  std::size_t points = 0;

  void emit(const Point& p) {
    if (!finite(p)) {
      if (!out.empty() && !out.back().empty()) out.emplace_back();
      return;
    }
    if (out.empty()) out.emplace_back();
    out.back().push_back(p);
    ++points;
  }
  void cut() {
    if (!out.empty() && !out.back().empty()) out.emplace_back();
  }

  // Deviation of m from the chord a–b, in pixels.
  double deviation(const Point& a, const Point& m, const Point& b) const {
    const Eigen::Vector2d s(options.pixels_per_unit_x, options.pixels_per_unit_y);
    const Eigen::Vector2d pa = a.cwiseProduct(s), pm = m.cwiseProduct(s), pb = b.cwiseProduct(s);
    const Eigen::Vector2d d = pb - pa;
    const double length = d.norm();
    if (length < 1e-12) return (pm - pa).norm();
    return std::abs(d.x() * (pm.y() - pa.y()) - d.y() * (pm.x() - pa.x())) / length;
  }

  // Emits points strictly after `a` up to and including `b`.
  void refine(double ta, const Point& a, double tb, const Point& b, int depth) {
    const double tm = 0.5 * (ta + tb);
    const Point m = eval(tm);
    const bool ends_ok = finite(a) && finite(b), mid_ok = finite(m);
    const bool split = depth < options.max_depth && points < options.max_points &&
                       (ends_ok != mid_ok || !finite(a) || !finite(b) ||
                        deviation(a, m, b) > options.tolerance ||
                        (ends_ok && std::abs(b.y() - a.y()) > jump / 8));
    if (split) {
      refine(ta, a, tm, m, depth + 1);
      refine(tm, m, tb, b, depth + 1);
      return;
    }
    // At full depth a large step left is a jump (tan at π/2, a step function): break the curve.
    if (finite(a) && finite(b) && std::abs(b.y() - a.y()) > jump) cut();
    emit(b);
  }
};

Polylines sample(const std::function<Point(double)>& eval, double t0, double t1, double jump,
                 const SamplingOptions& options) {
  Refiner r{eval, options, jump, {}, 0};
  if (!(t1 > t0) || !std::isfinite(t0) || !std::isfinite(t1)) return {};
  const int n = std::clamp(options.initial, 2, 4096);
  Point a = eval(t0);
  r.emit(a);
  for (int i = 1; i <= n; ++i) {
    const double ta = t0 + (t1 - t0) * (i - 1) / n, tb = t0 + (t1 - t0) * i / n;
    const Point b = eval(tb);
    r.refine(ta, a, tb, b, 0);
    a = b;
  }
  Polylines out;
  for (auto& piece : r.out)
    if (piece.size() >= 2) out.push_back(std::move(piece));
  return out;
}

}  // namespace

Polylines sample_function(const std::function<double(double)>& f, double x0, double x1, double y_span,
                          const SamplingOptions& options) {
  const double jump = std::isfinite(y_span) && y_span > 0 ? y_span : std::numeric_limits<double>::infinity();
  return sample([&](double x) { return Point(x, f(x)); }, x0, x1, jump, options);
}

Polylines sample_parametric(const std::function<Point(double)>& p, double t0, double t1,
                            const SamplingOptions& options) {
  return sample(p, t0, t1, std::numeric_limits<double>::infinity(), options);
}

std::vector<std::array<Point, 2>> contour_segments(const Grid& grid, double level) {
  std::vector<std::array<Point, 2>> segments;
  const Eigen::MatrixXd& v = grid.values;
  if (v.rows() < 2 || v.cols() < 2 || !std::isfinite(level)) return segments;
  auto corner = [&](Eigen::Index i, Eigen::Index j) {
    return Point(grid.x0 + double(i) * grid.dx, grid.y0 + double(j) * grid.dy);
  };
  // Where the level crosses the edge p–q (values a, b on either side of it).
  auto cross = [&](const Point& p, const Point& q, double a, double b) {
    const double t = (level - a) / (b - a);
    return Point(p + std::clamp(t, 0.0, 1.0) * (q - p));
  };
  for (Eigen::Index i = 0; i + 1 < v.rows(); ++i) {
    for (Eigen::Index j = 0; j + 1 < v.cols(); ++j) {
      // Corners counter-clockwise: (i,j) (i+1,j) (i+1,j+1) (i,j+1).
      const std::array<double, 4> f = {v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)};
      if (!std::all_of(f.begin(), f.end(), [](double x) { return std::isfinite(x); })) continue;
      const std::array<Point, 4> c = {corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)};
      int mask = 0;
      for (int k = 0; k < 4; ++k)
        if (f[std::size_t(k)] >= level) mask |= 1 << k;
      if (mask == 0 || mask == 15) continue;
      // Crossing points on the edges whose ends straddle the level, in edge order 0..3.
      std::array<Point, 4> e;
      std::array<bool, 4> has{};
      for (int k = 0; k < 4; ++k) {
        const std::size_t a = std::size_t(k), b = std::size_t((k + 1) % 4);
        if ((f[a] >= level) != (f[b] >= level)) {
          e[a] = cross(c[a], c[b], f[a], f[b]);
          has[a] = true;
        }
      }
      if (mask == 5 || mask == 10) {
        // Saddle: the centre decides which corners connect.
        const double centre = (f[0] + f[1] + f[2] + f[3]) / 4;
        const bool centre_high = centre >= level;
        const bool zero_high = mask == 5;  // corners 0 and 2 are high
        if (centre_high == zero_high) {
          segments.push_back({e[0], e[1]});
          segments.push_back({e[2], e[3]});
        } else {
          segments.push_back({e[3], e[0]});
          segments.push_back({e[1], e[2]});
        }
        continue;
      }
      std::array<Point, 2> s;
      int n = 0;
      for (int k = 0; k < 4 && n < 2; ++k)
        if (has[std::size_t(k)]) s[std::size_t(n++)] = e[std::size_t(k)];
      if (n == 2) segments.push_back(s);
    }
  }
  return segments;
}

std::vector<double> contour_levels(const Grid& grid, int count) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (Eigen::Index k = 0; k < grid.values.size(); ++k) {
    const double x = grid.values.data()[k];
    if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  }
  std::vector<double> levels;
  if (!(hi > lo) || count < 1) return levels;
  count = std::min(count, 1000);
  for (int k = 1; k <= count; ++k) levels.push_back(lo + (hi - lo) * k / (count + 1));
  return levels;
}

}  // namespace mml::plot
