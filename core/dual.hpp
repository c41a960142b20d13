#pragma once
// Forward-mode automatic differentiation: numbers that carry their derivatives along.
//   Dual   v + d·ε with ε² = 0                 value and one directional derivative
//   Dual2  v + d₁ε₁ + d₂ε₂ with εᵢεⱼ = 0        value and gradient in two variables
//   Jet2   second-order Taylor coefficients     value, gradient and Hessian in two variables
// Every elementary function f enters through chain(x, f(x), f'(x), f''(x)), so a new function
// needs only its first two derivatives written once; the arithmetic below is the product and
// quotient rules. A Jet2 gives what Newton's method needs: ∇f and ∇²f at one point, exactly
// (up to rounding), with no step size to tune as finite differences would need.
#include <Eigen/Dense>
#include <cmath>
#include <limits>

namespace mml {

struct Dual {
  double v = 0, d = 0;
};

struct Dual2 {
  double v = 0;
  Eigen::Vector2d d = Eigen::Vector2d::Zero();
};

struct Jet2 {
  double v = 0;
  Eigen::Vector2d g = Eigen::Vector2d::Zero();
  Eigen::Matrix2d h = Eigen::Matrix2d::Zero();
};

// --- Construction: constants have no derivative, variable i is seeded with the unit vector eᵢ.

inline Dual dual_variable(double v) { return {v, 1}; }
inline Dual2 dual2_variable(double v, int i) {
  Dual2 x{v};
  x.d[i] = 1;
  return x;
}
inline Jet2 jet2_variable(double v, int i) {
  Jet2 x{v};
  x.g[i] = 1;
  return x;
}

// True when the number carries no derivative (a constant as far as differentiation can tell).
inline bool has_no_derivative(double) { return true; }
inline bool has_no_derivative(const Dual& x) { return x.d == 0; }
inline bool has_no_derivative(const Dual2& x) { return (x.d.array() == 0).all(); }
inline bool has_no_derivative(const Jet2& x) {
  return (x.g.array() == 0).all() && (x.h.array() == 0).all();
}

// f(x) from f, f', f'' at x.v: (f∘x)' = f'·x',  (f∘x)'' = f'·x'' + f''·x'·x'ᵀ.
// Where f itself is undefined (NaN) its derivatives are too, whatever the formulas say
// (log(−1) is NaN but 1/x at −1 is a number).
inline double chain(double, double f0, double, double) { return f0; }
inline Dual chain(const Dual& x, double f0, double f1, double) {
  if (std::isnan(f0)) f1 = f0;
  return {f0, f1 * x.d};
}
inline Dual2 chain(const Dual2& x, double f0, double f1, double) {
  if (std::isnan(f0)) f1 = f0;
  return {f0, f1 * x.d};
}
inline Jet2 chain(const Jet2& x, double f0, double f1, double f2) {
  if (std::isnan(f0)) f1 = f2 = f0;
  // x′x′ᵀ spelled out so that the off-diagonal entries are the same product, bit for bit.
  const double xy = x.g[0] * x.g[1];
  Eigen::Matrix2d outer;
  outer << x.g[0] * x.g[0], xy, xy, x.g[1] * x.g[1];
  return {f0, f1 * x.g, f1 * x.h + f2 * outer};
}

// --- Arithmetic.

inline Dual operator-(const Dual& a) { return {-a.v, -a.d}; }
inline Dual operator+(const Dual& a, const Dual& b) { return {a.v + b.v, a.d + b.d}; }
inline Dual operator-(const Dual& a, const Dual& b) { return {a.v - b.v, a.d - b.d}; }
inline Dual operator*(const Dual& a, const Dual& b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
// (a/b)' = (a'·b − a·b')/b²
inline Dual operator/(const Dual& a, const Dual& b) {
  return {a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
}

inline Dual2 operator-(const Dual2& a) { return {-a.v, -a.d}; }
inline Dual2 operator+(const Dual2& a, const Dual2& b) { return {a.v + b.v, a.d + b.d}; }
inline Dual2 operator-(const Dual2& a, const Dual2& b) { return {a.v - b.v, a.d - b.d}; }
inline Dual2 operator*(const Dual2& a, const Dual2& b) {
  return {a.v * b.v, a.d * b.v + a.v * b.d};
}
inline Dual2 operator/(const Dual2& a, const Dual2& b) {
  return {a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v)};
}

inline Jet2 operator-(const Jet2& a) { return {-a.v, -a.g, -a.h}; }
inline Jet2 operator+(const Jet2& a, const Jet2& b) { return {a.v + b.v, a.g + b.g, a.h + b.h}; }
inline Jet2 operator-(const Jet2& a, const Jet2& b) { return {a.v - b.v, a.g - b.g, a.h - b.h}; }
// ∇²(ab) = a∇²b + b∇²a + ∇a∇bᵀ + ∇b∇aᵀ
// (the cross terms are summed first, so the result stays exactly symmetric).
inline Jet2 operator*(const Jet2& a, const Jet2& b) {
  const Eigen::Matrix2d cross = a.g * b.g.transpose();
  const Eigen::Matrix2d symmetric = cross + cross.transpose();
  return {a.v * b.v, a.g * b.v + a.v * b.g, symmetric + (a.h * b.v + a.v * b.h)};
}
// q = a/b from a = q·b: q′ = (a′ − q b′)/b, q″ = (a″ − q′b′ᵀ − b′q′ᵀ − q b″)/b. The value is
// a.v/b.v itself, the same double that plain evaluation gives.
inline Jet2 operator/(const Jet2& a, const Jet2& b) {
  const double q = a.v / b.v;
  const Eigen::Vector2d q1 = (a.g - q * b.g) / b.v;
  const Eigen::Matrix2d cross = q1 * b.g.transpose();
  const Eigen::Matrix2d symmetric = cross + cross.transpose();
  return {q, q1, (a.h - q * b.h - symmetric) / b.v};
}

}  // namespace mml
