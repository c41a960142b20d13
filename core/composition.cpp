#include "core/composition.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

Mat2 compose(const Mat2& first, const Mat2& second) { return second * first; }

Vec2 composed_column(const Mat2& first, const Mat2& second, int j) {
  // first·e_j is first's column j; second moves it as it moves every vector.
  return second * first.col(j == 0 ? 0 : 1);
}

Mat2 commutator(const Mat2& a, const Mat2& b) { return a * b - b * a; }

bool commute(const Mat2& a, const Mat2& b, double tolerance) {
  return commutator(a, b).cwiseAbs().maxCoeff() <= tolerance;
}

Mat2 composition_at(const Mat2& first, const Mat2& second, double progress) {
  const double p = std::isfinite(progress) ? std::clamp(progress, 0.0, 2.0) : 0.0;
  if (p <= 1) return (1 - p) * Mat2::Identity() + p * first;
  const double s = p - 1;
  return (1 - s) * first + s * compose(first, second);
}

double ease_in_out(double s) {
  const double x = std::isfinite(s) ? std::clamp(s, 0.0, 1.0) : 0.0;
  return x * x * (3 - 2 * x);
}

}  // namespace mml
