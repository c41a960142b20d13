#include "web/plot/view.hpp"

#include <algorithm>
#include <cmath>

namespace mml::plot {

double scale_forward(AxisScale scale, double value) {
  if (scale == AxisScale::Linear) return value;
  return value > 1e-300 ? std::log10(value) : -300.0;
}

double scale_inverse(AxisScale scale, double u) { return scale == AxisScale::Linear ? u : std::pow(10.0, u); }

Range valid_range(AxisScale scale, Range r) {
  if (scale == AxisScale::Linear) return r;
  if (!(r.max > 0) || !std::isfinite(r.max)) return {1, 10};
  if (!(r.min > 0) || !std::isfinite(r.min) || r.min >= r.max) r.min = r.max / 1000;
  return {std::max(r.min, 1e-300), std::min(r.max, 1e300)};
}

ViewTransform::ViewTransform(Range x, Range y, ScreenRect screen, bool equal_aspect, AxisScale x_scale,
                             AxisScale y_scale)
    : sx_(x_scale), sy_(y_scale), screen_(screen) {
  screen_.w = std::max(screen_.w, 1.0);
  screen_.h = std::max(screen_.h, 1.0);
  x = valid_range(sx_, x);
  y = valid_range(sy_, y);
  lx_ = {scale_forward(sx_, x.min), scale_forward(sx_, x.max)};
  ly_ = {scale_forward(sy_, y.min), scale_forward(sy_, y.max)};
  if (!(lx_.size() > 0)) lx_ = {lx_.min - 0.5, lx_.min + 0.5};
  if (!(ly_.size() > 0)) ly_ = {ly_.min - 0.5, ly_.min + 0.5};
  if (equal_aspect) {
    // Units per pixel must agree; widen whichever axis has fewer units per pixel.
    const double ux = lx_.size() / screen_.w, uy = ly_.size() / screen_.h;
    if (ux < uy) {
      const double half = uy * screen_.w / 2, c = lx_.center();
      lx_ = {c - half, c + half};
    } else {
      const double half = ux * screen_.h / 2, c = ly_.center();
      ly_ = {c - half, c + half};
    }
  }
  x_ = {scale_inverse(sx_, lx_.min), scale_inverse(sx_, lx_.max)};
  y_ = {scale_inverse(sy_, ly_.min), scale_inverse(sy_, ly_.max)};
}

Eigen::Vector2d ViewTransform::linear_to_screen(const Eigen::Vector2d& u) const {
  return {screen_.x + (u.x() - lx_.min) / lx_.size() * screen_.w,
          screen_.y + (ly_.max - u.y()) / ly_.size() * screen_.h};
}

Eigen::Vector2d ViewTransform::screen_to_linear(const Eigen::Vector2d& s) const {
  return {lx_.min + (s.x() - screen_.x) / screen_.w * lx_.size(),
          ly_.max - (s.y() - screen_.y) / screen_.h * ly_.size()};
}

Eigen::Vector2d ViewTransform::to_linear(const Eigen::Vector2d& d) const {
  return {scale_forward(sx_, d.x()), scale_forward(sy_, d.y())};
}

Eigen::Vector2d ViewTransform::from_linear(const Eigen::Vector2d& u) const {
  return {scale_inverse(sx_, u.x()), scale_inverse(sy_, u.y())};
}

Eigen::Vector2d ViewTransform::to_screen(const Eigen::Vector2d& d) const {
  if (sx_ == AxisScale::Linear && sy_ == AxisScale::Linear) return linear_to_screen(d);
  return linear_to_screen(to_linear(d));
}

Eigen::Vector2d ViewTransform::to_data(const Eigen::Vector2d& s) const {
  if (sx_ == AxisScale::Linear && sy_ == AxisScale::Linear) return screen_to_linear(s);
  return from_linear(screen_to_linear(s));
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

AxisTicks axis_ticks(AxisScale scale, Range range, int target) {
  AxisTicks ticks;
  target = std::max(target, 1);
  if (scale == AxisScale::Linear) {
    ticks.major = nice_ticks(range, target);
    return ticks;
  }
  range = valid_range(scale, range);
  const double u0 = std::log10(range.min), u1 = std::log10(range.max);
  const int k0 = int(std::ceil(u0 - 1e-9)), k1 = int(std::floor(u1 + 1e-9));
  const auto inside = [&](double v) { return v >= range.min * (1 - 1e-9) && v <= range.max * (1 + 1e-9); };
  if (k1 - k0 + 1 < 2) {
    // Less than two decades in view: decades alone would leave the axis nearly bare.
    for (double v : nice_ticks(range, target))
      if (v > 0) ticks.major.push_back(v);
    for (int k = k0 - 1; k <= k1; ++k)
      for (int m = 1; m <= 9; ++m) {
        const double v = m * std::pow(10.0, k);
        const bool is_major = std::any_of(ticks.major.begin(), ticks.major.end(),
                                          [&](double t) { return std::abs(t - v) <= 1e-9 * v; });
        if (inside(v) && !is_major) ticks.minor.push_back(v);
      }
    return ticks;
  }
  // Every `stride`-th decade (exponents that are multiples of it), the smallest stride from 1, 2, 3,
  // 5, 10, 20, … that labels at most `target` decades, so labels do not crowd.
  const int decades = k1 - k0 + 1;
  int stride = 1;
  for (int s : {1, 2, 3, 5, 10, 20, 25, 50, 100, 200}) {
    stride = s;
    const int labelled = int(std::floor(double(k1) / s) - std::ceil(double(k0) / s)) + 1;
    if (labelled <= target) break;
  }
  for (int k = k0; k <= k1; ++k) {
    const double v = std::pow(10.0, k);
    const bool major = (k % stride + stride) % stride == 0;
    (major ? ticks.major : ticks.minor).push_back(v);
  }
  if (stride == 1 && decades <= 12)
    for (int k = k0 - 1; k <= k1; ++k)
      for (int m = 2; m <= 9; ++m) {
        const double v = m * std::pow(10.0, k);
        if (inside(v)) ticks.minor.push_back(v);
      }
  std::sort(ticks.minor.begin(), ticks.minor.end());
  return ticks;
}

std::string decade_label(int k) {
  static const char* const kPlain[] = {"0.001", "0.01", "0.1", "1", "10", "100", "1000"};
  if (k >= -3 && k <= 3) return kPlain[k + 3];
  static const char* const kSuper[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                       "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string s = "10";
  if (k < 0) s += "\u207b";
  const std::string digits = std::to_string(k < 0 ? -static_cast<long>(k) : static_cast<long>(k));
  for (char d : digits) s += kSuper[d - '0'];
  return s;
}

bool is_decade(double v) {
  if (!(v > 0) || !std::isfinite(v)) return false;
  const double k = std::log10(v);
  return std::abs(k - std::round(k)) < 1e-9;
}

Range framing_range(FunctionRef<double(double)> f, Range x) {
  std::vector<double> ys;
  for (int i = 0; i <= 200; ++i) {
    const double y = f(x.min + x.size() * i / 200);
    if (std::isfinite(y)) ys.push_back(y);
  }
  double lo = -1, hi = 1;
  if (!ys.empty()) {
    std::sort(ys.begin(), ys.end());
    lo = ys[ys.size() / 50];
    hi = ys[ys.size() - 1 - ys.size() / 50];
  }
  if (hi - lo < 1e-9) lo -= 1, hi += 1;
  return {lo, hi};
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
