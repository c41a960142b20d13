// Loss landscapes: values, gradients and Hessians against hand-derived numbers and against
// central finite differences (an independent check of the closed forms).
#include <catch2/catch.hpp>

#include <random>

#include "core/test_functions.hpp"

using namespace mml;

namespace {

// Central differences: error O(h²), so h = 1e-5 gives ~1e-10 relative accuracy for these.
Vec2 numeric_gradient(const Landscape& f, const Vec2& p, double h = 1e-5) {
  return {(f.value(p + Vec2(h, 0)) - f.value(p - Vec2(h, 0))) / (2 * h),
          (f.value(p + Vec2(0, h)) - f.value(p - Vec2(0, h))) / (2 * h)};
}
Mat2 numeric_hessian(const Landscape& f, const Vec2& p, double h = 1e-5) {
  Mat2 m;
  m.col(0) = (f.gradient(p + Vec2(h, 0)) - f.gradient(p - Vec2(h, 0))) / (2 * h);
  m.col(1) = (f.gradient(p + Vec2(0, h)) - f.gradient(p - Vec2(0, h))) / (2 * h);
  return m;
}

}  // namespace

TEST_CASE("Rosenbrock at (-1.2, 1): value, gradient and Hessian computed by hand") {
  // f = 2.2² + 100·(1 − 1.44)² = 4.84 + 19.36; ∂x = −4.4 − 400·(−1.2)·(−0.44) = −215.6;
  // ∂y = 200·(−0.44) = −88; ∂xx = 2 − 400 + 1200·1.44 = 1330; ∂xy = 480; ∂yy = 200.
  const Vec2 p(-1.2, 1);
  CHECK(rosenbrock(p) == Approx(24.2));
  CHECK(rosenbrock_gradient(p).isApprox(Vec2(-215.6, -88)));
  Mat2 h;
  h << 1330, 480, 480, 200;
  CHECK(rosenbrock_hessian(p).isApprox(h));
  CHECK(rosenbrock(Vec2(1, 1)) == 0);
  CHECK(rosenbrock_gradient(Vec2(1, 1)).isZero());
}

TEST_CASE("Himmelblau at (0, 0) and (1, 1): values, gradients and Hessians computed by hand") {
  // (0, 0): a = −11, b = −7: f = 121 + 49, ∇f = (2b, 2a), H = diag(4a + 2, 2 + 4b).
  CHECK(himmelblau(Vec2(0, 0)) == 170);
  CHECK(himmelblau_gradient(Vec2(0, 0)).isApprox(Vec2(-14, -22)));
  CHECK(himmelblau_hessian(Vec2(0, 0)).isApprox(Mat2(Vec2(-42, -26).asDiagonal())));
  // (1, 1): a = −9, b = −5: f = 81 + 25; ∇f = (−36 − 10, −18 − 20); H = [−26 8; 8 −10].
  CHECK(himmelblau(Vec2(1, 1)) == 106);
  CHECK(himmelblau_gradient(Vec2(1, 1)).isApprox(Vec2(-46, -38)));
  Mat2 h;
  h << -26, 8, 8, -10;
  CHECK(himmelblau_hessian(Vec2(1, 1)).isApprox(h));
}

TEST_CASE("Himmelblau's four minima: f = 0 and ∇f = 0 there") {
  CHECK(himmelblau(Vec2(3, 2)) == 0);  // exactly: 9 + 2 − 11 = 0 and 3 + 4 − 7 = 0
  CHECK(himmelblau_gradient(Vec2(3, 2)).isZero());
  for (const Vec2& m : kHimmelblauMinima) {
    CAPTURE(m.x(), m.y());
    CHECK(himmelblau(m) < 1e-9);  // six-decimal coordinates: f is quadratic in the rounding error
    CHECK(himmelblau_gradient(m).norm() < 1e-4);
    CHECK(himmelblau_hessian(m).eigenvalues().real().minCoeff() > 0);  // true minima, not saddles
  }
}

TEST_CASE("bowl: condition number κ, value ½pᵀHp, minimum 0 at the origin") {
  for (double kappa : {1.0, 10.0, 100.0}) {
    const Landscape bowl{LandscapeKind::Bowl, kappa};
    const Vec2 lambda = bowl.hessian(Vec2::Zero()).selfadjointView<Eigen::Lower>().eigenvalues();
    CHECK(lambda(0) == Approx(1));
    CHECK(lambda(1) == Approx(kappa));
    CHECK(bowl.value(Vec2::Zero()) == 0);
    // Along the steep eigenvector (30° + 90° from the x-axis) f = κ·t²/2.
    const Vec2 steep(-0.5, std::sqrt(3.0) / 2);
    CHECK(bowl.value(2 * steep) == Approx(2 * kappa));
  }
}

TEST_CASE("saddle x² − y²: gradient (2x, −2y), indefinite Hessian, no minimum") {
  const Landscape s{LandscapeKind::Saddle};
  CHECK(s.value(Vec2(1, 2)) == -3);
  CHECK(s.gradient(Vec2(1, 2)).isApprox(Vec2(2, -4)));
  CHECK(s.hessian(Vec2(5, 5)).determinant() == Approx(-4));
  CHECK_FALSE(s.bounded_below());
}

TEST_CASE("every landscape's gradient and Hessian agree with central finite differences") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(-3, 3);
  for (LandscapeKind kind : {LandscapeKind::Bowl, LandscapeKind::Rosenbrock, LandscapeKind::Himmelblau,
                             LandscapeKind::Saddle}) {
    const Landscape f{kind, 37};
    for (int i = 0; i < 50; ++i) {
      const Vec2 p(u(rng), u(rng));
      CAPTURE(int(kind), p.x(), p.y());
      const Vec2 g = f.gradient(p);
      CHECK((numeric_gradient(f, p) - g).norm() <= 1e-6 * std::max(1.0, g.norm()));
      const Mat2 h = f.hessian(p);
      CHECK((numeric_hessian(f, p) - h).norm() <= 1e-6 * std::max(1.0, h.norm()));
      CHECK(h.isApprox(h.transpose()));
    }
  }
}
