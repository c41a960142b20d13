#include "core/eigenvectors.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

namespace {

// The direction's sign fixed: first non-zero coordinate positive, so a figure's arrows do not
// flip as a slider moves.
Vec2 canonical(Vec2 v) {
  v.normalize();
  if (v.x() < -1e-12 || (std::abs(v.x()) <= 1e-12 && v.y() < 0)) v = -v;
  return v;
}

// A unit vector spanning the null space of A − λI (a row of it, turned by 90°), or none when
// A − λI is zero to within `small`.
bool null_direction(const Mat2& a, double lambda, double small, Vec2& out) {
  const Mat2 m = a - lambda * Mat2::Identity();
  const Vec2 r0 = m.row(0).transpose();
  const Vec2 r1 = m.row(1).transpose();
  const Vec2& r = r0.squaredNorm() >= r1.squaredNorm() ? r0 : r1;
  if (r.norm() <= small) return false;
  out = canonical(Vec2(-r.y(), r.x()));
  return true;
}

}  // namespace

CharacteristicPolynomial characteristic_polynomial(const Mat2& a) {
  CharacteristicPolynomial p;
  p.trace = a.trace();
  p.det = a(0, 0) * a(1, 1) - a(0, 1) * a(1, 0);
  p.discriminant = p.trace * p.trace - 4 * p.det;
  return p;
}

int Eigen2::real_directions() const {
  if (kind == EigenKind::Complex) return 0;
  if (kind == EigenKind::Repeated && !every_direction) return 1;
  return 2;
}

Eigen2 eigen_2x2(const Mat2& a, double tolerance) {
  Eigen2 e;
  const CharacteristicPolynomial p = characteristic_polynomial(a);
  const double scale = a.cwiseAbs().maxCoeff();
  const double small = tolerance * std::max(scale, 1e-300);
  const double zero_discriminant = 4 * tolerance * scale * scale;
  const double half = p.trace / 2;
  if (p.discriminant < -zero_discriminant) {
    e.kind = EigenKind::Complex;
    e.lambda1 = e.lambda2 = half;
    e.imag = std::sqrt(-p.discriminant) / 2;
    return e;
  }
  if (p.discriminant <= zero_discriminant) {
    e.kind = EigenKind::Repeated;
    e.lambda1 = e.lambda2 = half;
    Vec2 v;
    if (!null_direction(a, half, std::sqrt(small * std::max(scale, small)) + small, v)) {
      e.every_direction = true;  // A = λI: every vector is only stretched
      return e;
    }
    e.v1 = e.v2 = v;
    return e;
  }
  // Two real roots; the smaller-magnitude one from the product (det) to avoid cancellation.
  const double s = std::sqrt(p.discriminant) / 2;
  const double big = half >= 0 ? half + s : half - s;
  const double other = big != 0 ? p.det / big : half - s;
  e.kind = EigenKind::Distinct;
  e.lambda1 = std::max(big, other);
  e.lambda2 = std::min(big, other);
  null_direction(a, e.lambda1, 0, e.v1);
  null_direction(a, e.lambda2, 0, e.v2);
  return e;
}

double turn_sine(const Mat2& a, const Vec2& x) {
  const Vec2 y = a * x;
  const double n = x.norm() * y.norm();
  if (n == 0) return 0;
  return (x.x() * y.y() - x.y() * y.x()) / n;
}

Mat2 symmetric_with_eigenvalues(double l1, double l2, double angle) {
  Mat2 r;
  r << std::cos(angle), -std::sin(angle), std::sin(angle), std::cos(angle);
  return r * Eigen::Vector2d(l1, l2).asDiagonal() * r.transpose();
}

Eigen::Matrix3d symmetric_with_eigenvalues(double l1, double l2, double l3, double yaw, double pitch) {
  const Eigen::Matrix3d r = (Eigen::AngleAxisd(yaw, Eigen::Vector3d::UnitZ()) *
                             Eigen::AngleAxisd(pitch, Eigen::Vector3d::UnitY())).toRotationMatrix();
  return r * Eigen::Vector3d(l1, l2, l3).asDiagonal() * r.transpose();
}

std::vector<PowerStep> power_iteration(const Eigen::MatrixXd& a, const Eigen::VectorXd& x0, int steps) {
  std::vector<PowerStep> out;
  const double n0 = x0.norm();
  if (n0 == 0 || steps <= 0) return out;
  out.reserve(static_cast<size_t>(steps));
  Eigen::VectorXd x = x0 / n0;
  for (int k = 0; k < steps; ++k) {
    const Eigen::VectorXd y = a * x;
    const double stretch = y.norm();
    if (stretch == 0) break;
    out.push_back({y / stretch, x.dot(y), stretch});
    x = out.back().x;
  }
  return out;
}

Diagonalization diagonalize(const Mat2& a, double tolerance) {
  Diagonalization d;
  const Eigen2 e = eigen_2x2(a, tolerance);
  if (e.real_directions() < 2) return d;
  d.possible = true;
  d.p.col(0) = e.v1;
  d.p.col(1) = e.v2;
  d.d = Eigen::Vector2d(e.lambda1, e.lambda2).asDiagonal();
  d.p_inverse = d.p.inverse();
  d.orthogonal = std::abs(e.v1.dot(e.v2)) <= 1e-9;
  return d;
}

}  // namespace mml
