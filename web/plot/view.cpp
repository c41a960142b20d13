#include "web/plot/view.hpp"

#include <algorithm>
#include <cmath>

namespace mml::plot {

ViewTransform::ViewTransform(Range x, Range y, ScreenRect screen, bool equal_aspect)
    : x_(x), y_(y), screen_(screen) {
  screen_.w = std::max(screen_.w, 1.0);
  screen_.h = std::max(screen_.h, 1.0);
  if (!(x_.size() > 0)) x_ = {x_.min - 0.5, x_.min + 0.5};
  if (!(y_.size() > 0)) y_ = {y_.min - 0.5, y_.min + 0.5};
  if (equal_aspect) {
    // Units per pixel must agree; widen whichever axis has fewer units per pixel.
    const double ux = x_.size() / screen_.w, uy = y_.size() / screen_.h;
    if (ux < uy) {
      const double half = uy * screen_.w / 2, c = x_.center();
      x_ = {c - half, c + half};
    } else {
      const double half = ux * screen_.h / 2, c = y_.center();
      y_ = {c - half, c + half};
    }
  }
}

Eigen::Vector2d ViewTransform::to_screen(const Eigen::Vector2d& d) const {
  return {screen_.x + (d.x() - x_.min) / x_.size() * screen_.w,
          screen_.y + (y_.max - d.y()) / y_.size() * screen_.h};
}

Eigen::Vector2d ViewTransform::to_data(const Eigen::Vector2d& s) const {
  return {x_.min + (s.x() - screen_.x) / screen_.w * x_.size(),
          y_.max - (s.y() - screen_.y) / screen_.h * y_.size()};
}

namespace {
void clamp_pan_zoom(PanZoom* pz) {
  if (!std::isfinite(pz->zoom)) pz->zoom = 1;
  if (!pz->offset.allFinite()) pz->offset.setZero();
  pz->zoom = std::clamp(pz->zoom, 0.25, 16.0);
  pz->offset = pz->offset.cwiseMax(-2.0).cwiseMin(2.0);
}
}  // namespace

void apply_pan_zoom(const PanZoom& pz, Range* x, Range* y) {
  const double cx = x->center() + pz.offset.x() * x->size(), cy = y->center() + pz.offset.y() * y->size();
  const double hx = x->size() / (2 * pz.zoom), hy = y->size() / (2 * pz.zoom);
  *x = {cx - hx, cx + hx};
  *y = {cy - hy, cy + hy};
}

void zoom_about(PanZoom* pz, Range home_x, Range home_y, const Eigen::Vector2d& anchor, double factor) {
  if (!(factor > 0) || !std::isfinite(factor) || !anchor.allFinite()) return;
  Range x = home_x, y = home_y;
  apply_pan_zoom(*pz, &x, &y);
  const double new_zoom = std::clamp(pz->zoom * factor, 0.25, 16.0);
  const double k = pz->zoom / new_zoom;  // how the visible size scales
  // Keep the anchor's relative position: new centre = anchor + (centre − anchor)·k.
  const double cx = anchor.x() + (x.center() - anchor.x()) * k, cy = anchor.y() + (y.center() - anchor.y()) * k;
  pz->zoom = new_zoom;
  pz->offset = {(cx - home_x.center()) / home_x.size(), (cy - home_y.center()) / home_y.size()};
  clamp_pan_zoom(pz);
}

void pan_by(PanZoom* pz, Range home_x, Range home_y, const Eigen::Vector2d& delta) {
  if (!delta.allFinite() || !(home_x.size() > 0) || !(home_y.size() > 0)) return;
  pz->offset -= Eigen::Vector2d(delta.x() / home_x.size(), delta.y() / home_y.size());
  clamp_pan_zoom(pz);
}

double nice_step(double span, int target) {
  if (!(span > 0) || !std::isfinite(span) || target < 1) return 1;
  const double raw = span / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude * (1 + 1e-12);  // in [1, 10); nudged so 0.7 / 0.1 is 7
  const double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * magnitude;
}

std::vector<double> nice_ticks(Range range, int target) {
  std::vector<double> ticks;
  const double step = nice_step(range.size(), target);
  const double first = std::ceil(range.min / step - 1e-9);
  const double last = std::floor(range.max / step + 1e-9);
  if (!std::isfinite(first) || !std::isfinite(last) || last - first > 1000) return ticks;
  for (double k = first; k <= last; ++k) {
    const double v = k * step;
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  }
  return ticks;
}

}  // namespace mml::plot

namespace mml::plot {
namespace {
double cross(const Eigen::Vector2d& o, const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
  return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}
}  // namespace

std::vector<std::array<int, 3>> triangulate(const std::vector<Eigen::Vector2d>& polygon) {
  std::vector<std::array<int, 3>> triangles;
  const int n = int(polygon.size());
  if (n < 3) return triangles;
  double twice_area = 0;
  double extent = 0;
  for (int i = 0; i < n; ++i) {
    twice_area += cross(Eigen::Vector2d::Zero(), polygon[size_t(i)], polygon[size_t((i + 1) % n)]);
    extent = std::max(extent, polygon[size_t(i)].cwiseAbs().maxCoeff());
  }
  const double eps = 1e-12 * std::max(extent * extent, 1e-300);
  if (!(std::abs(twice_area) > eps * n)) return triangles;
  const double orient = twice_area > 0 ? 1 : -1;
  std::vector<int> left(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) left[size_t(i)] = i;
  // Each pass removes one ear; a pass that finds none means the outline self-intersects.
  while (left.size() > 3) {
    bool clipped = false;
    const size_t m = left.size();
    for (size_t i = 0; i < m && !clipped; ++i) {
      const int ia = left[(i + m - 1) % m], ib = left[i], ic = left[(i + 1) % m];
      const auto &a = polygon[size_t(ia)], &b = polygon[size_t(ib)], &c = polygon[size_t(ic)];
      if (orient * cross(a, b, c) <= eps) continue;  // reflex or flat corner
      bool contains = false;
      for (int j : left) {
        if (j == ia || j == ib || j == ic) continue;
        const auto& p = polygon[size_t(j)];
        if (orient * cross(a, b, p) >= 0 && orient * cross(b, c, p) >= 0 && orient * cross(c, a, p) >= 0) {
          contains = true;
          break;
        }
      }
      if (contains) continue;
      triangles.push_back({ia, ib, ic});
      left.erase(left.begin() + std::ptrdiff_t(i));
      clipped = true;
    }
    if (!clipped) return {};
  }
  triangles.push_back({left[0], left[1], left[2]});
  return triangles;
}

}  // namespace mml::plot
