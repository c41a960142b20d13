#include "core/least_squares.hpp"

#include <cmath>

namespace mml {

double mse(std::span<const Vec2> points, const Vec2& theta) {
  if (points.empty()) return 0;
  double sum = 0;
  for (const Vec2& p : points) {
    const double r = theta.x() * p.x() + theta.y() - p.y();
    sum += r * r;
  }
  return sum / double(points.size());
}

Vec2 mse_gradient(std::span<const Vec2> points, const Vec2& theta) {
  if (points.empty()) return Vec2::Zero();
  Vec2 g = Vec2::Zero();
  for (const Vec2& p : points) {
    const double r = theta.x() * p.x() + theta.y() - p.y();
    g += r * Vec2(p.x(), 1);
  }
  return 2 * g / double(points.size());
}

Mat2 mse_hessian(std::span<const Vec2> points) {
  Mat2 xtx = Mat2::Zero();
  for (const Vec2& p : points) xtx += Vec2(p.x(), 1) * Vec2(p.x(), 1).transpose();
  return points.empty() ? xtx : Mat2(2 * xtx / double(points.size()));
}

LineFit least_squares_line(std::span<const Vec2> points) {
  Mat2 xtx = Mat2::Zero();
  Vec2 xty = Vec2::Zero();
  for (const Vec2& p : points) {
    const Vec2 row(p.x(), 1);
    xtx += row * row.transpose();
    xty += p.y() * row;
  }
  // det XᵀX = n·Σ(xᵢ − x̄)²: zero exactly when the xᵢ coincide. Compare against the scale of
  // the entries so the test does not depend on units.
  LineFit fit;
  const double det = xtx.determinant();
  if (points.size() < 2 || !(std::abs(det) > 1e-12 * std::max(1.0, xtx.squaredNorm()))) return fit;
  fit.theta = xtx.ldlt().solve(xty);
  fit.ok = fit.theta.allFinite();
  return fit;
}

std::vector<Vec2> mse_gradient_descent(std::span<const Vec2> points, const Vec2& start,
                                       double learning_rate, int steps) {
  std::vector<Vec2> path{start};
  path.reserve(std::size_t(std::max(steps, 0)) + 1);
  Vec2 theta = start;
  for (int k = 0; k < steps; ++k) {
    theta -= learning_rate * mse_gradient(points, theta);
    if (!theta.allFinite() || theta.norm() > 1e6) break;  // diverged: keep the finite prefix
    path.push_back(theta);
  }
  return path;
}

}  // namespace mml
