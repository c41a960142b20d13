#include "web/plot/sampling.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <utility>

namespace mml::plot {
namespace {

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

struct Refiner {
  FunctionRef<Point(double)> eval;
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

Polylines sample(FunctionRef<Point(double)> eval, double t0, double t1, double jump,
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

Polylines sample_function(FunctionRef<double(double)> f, double x0, double x1, double y_span,
                          const SamplingOptions& options) {
  const double jump = std::isfinite(y_span) && y_span > 0 ? y_span : std::numeric_limits<double>::infinity();
  return sample([&](double x) { return Point(x, f(x)); }, x0, x1, jump, options);
}

Polylines sample_parametric(FunctionRef<Point(double)> p, double t0, double t1,
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

Polylines contour_polylines(const Grid& grid, double level) {
  const auto segments = contour_segments(grid, level);
  // Neighbouring cells compute a shared crossing from opposite ends of the edge: the same point
  // up to rounding, so endpoints are matched on a lattice far finer than a cell.
  const double qx = std::abs(grid.dx) * 1e-6 + 1e-300, qy = std::abs(grid.dy) * 1e-6 + 1e-300;
  const auto key = [&](const Point& p) {
    return std::pair<long long, long long>(std::llround(p.x() / qx), std::llround(p.y() / qy));
  };
  std::map<std::pair<long long, long long>, std::vector<std::size_t>> ends;
  std::vector<bool> used(segments.size(), false);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    // A level through a sample point gives zero-length pieces there: nothing to join.
    if (key(segments[i][0]) == key(segments[i][1])) {
      used[i] = true;
      continue;
    }
    for (const Point& p : segments[i]) ends[key(p)].push_back(i);
  }
  // The unused segment other than `from` touching `p`, or npos.
  const auto next_at = [&](const Point& p) {
    for (std::size_t j : ends[key(p)])
      if (!used[j]) return j;
    return std::size_t(-1);
  };
  Polylines lines;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (used[i]) continue;
    used[i] = true;
    std::deque<Point> line = {segments[i][0], segments[i][1]};
    for (int end = 0; end < 2; ++end) {  // grow at the back, then at the front
      for (;;) {
        const Point& tip = end == 0 ? line.back() : line.front();
        const std::size_t j = next_at(tip);
        if (j == std::size_t(-1)) break;
        used[j] = true;
        const Point& other = key(segments[j][0]) == key(tip) ? segments[j][1] : segments[j][0];
        if (end == 0) line.push_back(other);
        else line.push_front(other);
      }
    }
    lines.emplace_back(line.begin(), line.end());
  }
  return lines;
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

bool clip_segment(const Point& a, const Point& b, const ClipBox& box, double* t0, double* t1) {
  *t0 = 0;
  *t1 = 1;
  const double d[2] = {b.x() - a.x(), b.y() - a.y()};
  const double lo[2] = {box.x0 - a.x(), box.y0 - a.y()}, hi[2] = {box.x1 - a.x(), box.y1 - a.y()};
  for (int k = 0; k < 2; ++k) {
    if (d[k] == 0) {
      if (lo[k] > 0 || hi[k] < 0) return false;
      continue;
    }
    double ta = lo[k] / d[k], tb = hi[k] / d[k];
    if (ta > tb) std::swap(ta, tb);
    *t0 = std::max(*t0, ta);
    *t1 = std::min(*t1, tb);
    if (*t0 > *t1) return false;
  }
  return true;
}

double graph_length(FunctionRef<double(double)> g, double anchor, double h, double a, double b,
                    double ppu_x, double ppu_y, double y_lo, double y_hi) {
  const double sign = b >= a ? 1 : -1;
  if (sign < 0) std::swap(a, b);
  if (!(b - a > 0) || !std::isfinite(b - a) || !std::isfinite(anchor) || !(h > 0)) return 0;
  if ((b - a) / h > 20000) h = (b - a) / 20000;
  const auto chord = [&](double u0, double v0, double u1, double v1) {
    if (!std::isfinite(v0) || !std::isfinite(v1)) return 0.0;
    return std::hypot((u1 - u0) * ppu_x, (std::clamp(v1, y_lo, y_hi) - std::clamp(v0, y_lo, y_hi)) * ppu_y);
  };
  double total = 0, u = a, v = g(a);
  for (double k = std::floor((a - anchor) / h) + 1; anchor + k * h < b; ++k) {
    const double un = anchor + k * h, vn = g(un);
    total += chord(u, v, un, vn);
    u = un;
    v = vn;
  }
  return sign * (total + chord(u, v, b, g(b)));
}

double polyline_length(const std::vector<Point>& points) {
  double length = 0;
  for (std::size_t i = 1; i < points.size(); ++i)
    if (finite(points[i - 1]) && finite(points[i])) length += (points[i] - points[i - 1]).norm();
  return length;
}

Polylines dash_polyline(const std::vector<Point>& points, double on, double off, double phase,
                        const ClipBox* clip, std::size_t max_points) {
  Polylines out;
  if (!(on > 0) || !(off >= 0) || !std::isfinite(on) || !std::isfinite(off) || !std::isfinite(phase)) return out;
  const double period = on + off;
  std::size_t emitted = 0;
  bool open = false;  // the last piece in `out` is still being extended
  auto add = [&](const Point& p, bool start) {
    if (emitted >= max_points) return;
    if (start || !open) out.emplace_back();
    out.back().push_back(p);
    open = true;
    ++emitted;
  };
  // s: distance along the pattern at the current chord's start, in [0, period).
  double s = std::fmod(phase, period);
  if (s < 0) s += period;
  for (std::size_t i = 1; i < points.size() && emitted < max_points; ++i) {
    const Point &a = points[i - 1], &b = points[i];
    if (!finite(a) || !finite(b)) {
      open = false;
      continue;
    }
    const double length = (b - a).norm();
    if (!(length > 0)) continue;
    double t0 = 0, t1 = 1;
    if (clip && !clip_segment(a, b, *clip, &t0, &t1)) {
      open = false;
      s = std::fmod(s + length, period);
      continue;
    }
    if (t0 > 0) open = false;  // entering the box: whatever was open ended outside it
    // Walk the visible part [t0, t1] of the chord from dash boundary to dash boundary.
    double at = t0 * length;                      // distance from a
    double pos = std::fmod(s + at, period);       // where in the pattern `at` is
    const double end = t1 * length;
    while (at < end && emitted < max_points) {
      const bool drawing = pos < on;
      const double to_boundary = drawing ? on - pos : period - pos;
      const double next = std::min(end, at + std::max(to_boundary, 1e-9));
      if (drawing) {
        if (!open) add(a + (b - a) * (at / length), true);
        add(a + (b - a) * (next / length), false);
      } else {
        open = false;
      }
      pos = std::fmod(pos + (next - at), period);
      at = next;
    }
    if (t1 < 1) open = false;  // leaving the box
    s = std::fmod(s + length, period);
  }
  // Drop degenerate single-point pieces (a dash boundary exactly at a chord's end).
  out.erase(std::remove_if(out.begin(), out.end(), [](const std::vector<Point>& p) { return p.size() < 2; }), out.end());
  return out;
}

bool cache_holds(std::vector<double>& stored, std::span<const double> key, std::initializer_list<double> view) {
  if (stored.size() == key.size() + view.size() && std::equal(key.begin(), key.end(), stored.begin()) &&
      std::equal(view.begin(), view.end(), stored.begin() + std::ptrdiff_t(key.size())))
    return true;
  stored.assign(key.begin(), key.end());
  stored.insert(stored.end(), view);
  return false;
}

}  // namespace mml::plot
