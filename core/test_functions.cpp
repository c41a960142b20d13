#include "core/test_functions.hpp"

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
