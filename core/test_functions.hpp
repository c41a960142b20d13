#pragma once
// Two-variable loss landscapes with closed-form gradients and Hessians: the classic test
// functions optimizers are compared on. Each one stands for a situation training meets:
//   bowl        ½·pᵀHp with H's eigenvalues 1 and κ (tilted 30°): an ill-conditioned valley,
//               where κ = λmax/λmin decides how badly plain gradient descent zig-zags;
//   rosenbrock  (1 − x)² + 100(y − x²)²: a curved, flat-bottomed valley, minimum 0 at (1, 1);
//   himmelblau  (x² + y − 11)² + (x + y² − 7)²: four minima with f = 0, which one you reach
//               depends on where you start;
//   saddle      x² − y²: a critical point that is not a minimum (unbounded below along y).
#include <Eigen/Dense>
#include <array>
#include <vector>

namespace mml {

using Vec2 = Eigen::Vector2d;
using Mat2 = Eigen::Matrix2d;

enum class LandscapeKind { Bowl, Rosenbrock, Himmelblau, Saddle };

// The lowest and highest value of a function over a region.
struct ValueRange {
  double min = 0, max = 0;
};

struct Landscape {
  LandscapeKind kind = LandscapeKind::Rosenbrock;
  double kappa = 10;  // the bowl's condition number (ignored by the others)

  double value(const Vec2& p) const;
  Vec2 gradient(const Vec2& p) const;
  Mat2 hessian(const Vec2& p) const;
  // The lowest value (the saddle has none: −∞). Figures plot f − f_min on a log axis.
  double minimum_value() const;
  bool bounded_below() const { return kind != LandscapeKind::Saddle; }
  // The minima: the bowl's origin, Rosenbrock's (1, 1), Himmelblau's four; the saddle has none.
  std::vector<Vec2> minima() const;
  // Every critical point ∇f = 0 (Himmelblau: its four minima, four saddles and one maximum).
  std::vector<Vec2> critical_points() const;
  // The lowest and highest f over the box [lo, hi]: the extremes of a smooth f on a box are at a
  // critical point inside or on the boundary, so these are the best of the critical points in the
  // box and of each edge (sampled densely, the best sample refined by golden-section search).
  ValueRange value_range(const Vec2& lo, const Vec2& hi) const;
};


// The pieces, for tests and for figures that need only one.
double rosenbrock(const Vec2& p);
Vec2 rosenbrock_gradient(const Vec2& p);
Mat2 rosenbrock_hessian(const Vec2& p);
double himmelblau(const Vec2& p);
Vec2 himmelblau_gradient(const Vec2& p);
Mat2 himmelblau_hessian(const Vec2& p);
// The bowl's Hessian R·diag(1, κ)·Rᵀ, R a 30° rotation (tilted so its valley is not along an axis,
// where per-coordinate methods such as Adam would have it easy).
Mat2 bowl_hessian(double kappa);
double saddle(const Vec2& p);

// Himmelblau's four minima (Himmelblau 1972; the last three to 6 decimals, found numerically).
inline const std::array<Vec2, 4> kHimmelblauMinima = {
    Vec2(3, 2), Vec2(-2.805118, 3.131312), Vec2(-3.779310, -3.283186), Vec2(3.584428, -1.848126)};

}  // namespace mml
