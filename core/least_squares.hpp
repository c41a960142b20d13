#pragma once
// Fitting a line y = a·x + b to points by least squares: the smallest machine-learning model.
// The loss is the mean squared error over the parameters (a, b),
//   L(a, b) = (1/n)·Σ (a·xᵢ + b − yᵢ)²,
// a bowl whose bottom solves the normal equations XᵀX·θ = Xᵀy (X's rows are (xᵢ, 1)).
#include <span>
#include <vector>

#include <Eigen/Dense>

namespace mml {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

struct LineFit {
  Vec2 theta = Vec2::Zero();  // (a, b): slope and intercept
  bool ok = false;            // false when all xᵢ are equal (any slope fits as well as another)
};

double mse(std::span<const Vec2> points, const Vec2& theta);
// ∇L = (2/n)·Σ rᵢ·(xᵢ, 1), rᵢ = a·xᵢ + b − yᵢ the residual.
Vec2 mse_gradient(std::span<const Vec2> points, const Vec2& theta);
// ∇²L = (2/n)·XᵀX: constant, so L is exactly a quadratic bowl.
Mat2 mse_hessian(std::span<const Vec2> points);

// The normal equations XᵀX·θ = Xᵀy, solved directly.
LineFit least_squares_line(std::span<const Vec2> points);

// Plain gradient descent on L from `start`: every iterate (start first), at most `steps` steps,
// stopping early if it diverges (a non-finite or huge loss).
std::vector<Vec2> mse_gradient_descent(std::span<const Vec2> points, const Vec2& start,
                                       double learning_rate, int steps);

}  // namespace mml
