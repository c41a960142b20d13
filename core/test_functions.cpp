#include "core/test_functions.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <limits>

namespace mml {

double rosenbrock(const Vec2& p) {
  const double a = 1 - p.x(), b = p.y() - p.x() * p.x();
  return a * a + 100 * b * b;
}

// ∂f/∂x = −2(1 − x) − 400x(y − x²),  ∂f/∂y = 200(y − x²)
Vec2 rosenbrock_gradient(const Vec2& p) {
  const double x = p.x(), b = p.y() - x * x;
  return {-2 * (1 - x) - 400 * x * b, 200 * b};
}

// ∂²f/∂x² = 2 − 400(y − x²) + 800x² = 2 − 400y + 1200x²,  ∂²f/∂x∂y = −400x,  ∂²f/∂y² = 200
Mat2 rosenbrock_hessian(const Vec2& p) {
  const double x = p.x(), y = p.y();
  Mat2 h;
  h << 2 - 400 * y + 1200 * x * x, -400 * x, -400 * x, 200;
  return h;
}

double himmelblau(const Vec2& p) {
  const double a = p.x() * p.x() + p.y() - 11, b = p.x() + p.y() * p.y() - 7;
  return a * a + b * b;
}

// With a = x² + y − 11 and b = x + y² − 7: ∇f = (4ax + 2b, 2a + 4by).
Vec2 himmelblau_gradient(const Vec2& p) {
  const double x = p.x(), y = p.y(), a = x * x + y - 11, b = x + y * y - 7;
  return {4 * a * x + 2 * b, 2 * a + 4 * b * y};
}

// ∂²f/∂x² = 4a + 8x² + 2,  ∂²f/∂x∂y = 4x + 4y,  ∂²f/∂y² = 2 + 4b + 8y².
Mat2 himmelblau_hessian(const Vec2& p) {
  const double x = p.x(), y = p.y(), a = x * x + y - 11, b = x + y * y - 7;
  Mat2 h;
  h << 4 * a + 8 * x * x + 2, 4 * x + 4 * y, 4 * x + 4 * y, 2 + 4 * b + 8 * y * y;
  return h;
}

Mat2 bowl_hessian(double kappa) {
  const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
  Mat2 r;
  r << c, -s, s, c;
  return r * Vec2(1, kappa).asDiagonal() * r.transpose();
}

double saddle(const Vec2& p) { return p.x() * p.x() - p.y() * p.y(); }

double Landscape::value(const Vec2& p) const {
  switch (kind) {
    case LandscapeKind::Bowl: return 0.5 * p.dot(bowl_hessian(kappa) * p);
    case LandscapeKind::Rosenbrock: return rosenbrock(p);
    case LandscapeKind::Himmelblau: return himmelblau(p);
    case LandscapeKind::Saddle: return saddle(p);
  }
  return 0;
}

Vec2 Landscape::gradient(const Vec2& p) const {
  switch (kind) {
    case LandscapeKind::Bowl: return bowl_hessian(kappa) * p;
    case LandscapeKind::Rosenbrock: return rosenbrock_gradient(p);
    case LandscapeKind::Himmelblau: return himmelblau_gradient(p);
    case LandscapeKind::Saddle: return {2 * p.x(), -2 * p.y()};
  }
  return Vec2::Zero();
}

Mat2 Landscape::hessian(const Vec2& p) const {
  switch (kind) {
    case LandscapeKind::Bowl: return bowl_hessian(kappa);
    case LandscapeKind::Rosenbrock: return rosenbrock_hessian(p);
    case LandscapeKind::Himmelblau: return himmelblau_hessian(p);
    case LandscapeKind::Saddle: return Vec2(2, -2).asDiagonal();
  }
  return Mat2::Identity();
}

double Landscape::minimum_value() const {
  return bounded_below() ? 0 : -std::numeric_limits<double>::infinity();
}

}  // namespace mml

namespace mml {
namespace {

// Himmelblau's critical points besides its minima, to 6 decimals (refined by Newton's method
// below): the local maximum near (−0.27, −0.92) and four saddles between the minima.
constexpr std::array<std::array<double, 2>, 5> kHimmelblauOthers = {{
    {-0.270845, -0.923039}, {0.086678, 2.884255}, {-3.073026, -0.081353}, {3.385154, 0.073852}, {-0.127961, -1.953715}}};

// Newton's method on ∇f = 0 from a point near a critical point: full double precision.
Vec2 polish(const Landscape& f, Vec2 p) {
  for (int i = 0; i < 8; ++i) {
    const Mat2 h = f.hessian(p);
    if (std::abs(h.determinant()) < 1e-300) break;
    p -= h.inverse() * f.gradient(p);
  }
  return p;
}

// The extreme (lowest when sign = 1, highest when −1) of t ↦ f(a + t(b − a)) over t in [0, 1].
double edge_extreme(const Landscape& f, const Vec2& a, const Vec2& b, double sign) {
  const auto g = [&](double t) { return sign * f.value(a + t * (b - a)); };
  constexpr int kSamples = 2048;
  int best = 0;
  double best_value = g(0);
  for (int i = 1; i <= kSamples; ++i) {
    const double v = g(double(i) / kSamples);
    if (v < best_value) best_value = v, best = i;
  }
  // Golden-section search on the sample's neighbourhood (the function is unimodal there).
  double lo = std::max(0, best - 1) / double(kSamples), hi = std::min(kSamples, best + 1) / double(kSamples);
  const double r = (std::sqrt(5.0) - 1) / 2;
  for (int i = 0; i < 80 && hi - lo > 1e-15; ++i) {
    const double m1 = hi - r * (hi - lo), m2 = lo + r * (hi - lo);
    if (g(m1) < g(m2)) hi = m2;
    else lo = m1;
  }
  return sign * std::min(best_value, g((lo + hi) / 2));
}

}  // namespace

std::vector<Vec2> Landscape::minima() const {
  switch (kind) {
    case LandscapeKind::Bowl: return {Vec2(0, 0)};
    case LandscapeKind::Rosenbrock: return {Vec2(1, 1)};
    case LandscapeKind::Himmelblau: {
      std::vector<Vec2> out;
      for (const Vec2& p : kHimmelblauMinima) out.push_back(polish(*this, p));
      return out;
    }
    case LandscapeKind::Saddle: return {};
  }
  return {};
}

std::vector<Vec2> Landscape::critical_points() const {
  if (kind == LandscapeKind::Saddle) return {Vec2(0, 0)};
  std::vector<Vec2> out = minima();
  if (kind == LandscapeKind::Himmelblau)
    for (const auto& [x, y] : kHimmelblauOthers) out.push_back(polish(*this, Vec2(x, y)));
  return out;
}

ValueRange Landscape::value_range(const Vec2& lo, const Vec2& hi) const {
  const std::array<Vec2, 4> corners = {lo, Vec2(hi.x(), lo.y()), hi, Vec2(lo.x(), hi.y())};
  ValueRange r{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (std::size_t i = 0; i < 4; ++i) {
    r.min = std::min(r.min, edge_extreme(*this, corners[i], corners[(i + 1) % 4], 1));
    r.max = std::max(r.max, edge_extreme(*this, corners[i], corners[(i + 1) % 4], -1));
  }
  for (const Vec2& p : critical_points()) {
    if ((p.array() < lo.array()).any() || (p.array() > hi.array()).any()) continue;
    r.min = std::min(r.min, value(p));
    r.max = std::max(r.max, value(p));
  }
  return r;
}

}  // namespace mml
