// Loss landscapes: values, gradients and Hessians against hand-derived numbers and against
// central finite differences (an independent check of the closed forms).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

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

// Minima and critical points: closed forms for the bowl and Rosenbrock; Himmelblau's from
// SciPy 1.10.1, found once with
//   scipy.optimize.root(grad, seed, tol=1e-14)
// from seeds near each of the nine (grad: ∇f written out, (4ax + 2b, 2a + 4by)).
TEST_CASE("minima and critical points: closed forms and SciPy's roots of the gradient") {
  CHECK(Landscape{LandscapeKind::Bowl, 10}.minima() == std::vector<Vec2>{Vec2(0, 0)});
  CHECK(Landscape{LandscapeKind::Rosenbrock}.minima() == std::vector<Vec2>{Vec2(1, 1)});
  CHECK(Landscape{LandscapeKind::Saddle}.minima().empty());
  CHECK(Landscape{LandscapeKind::Saddle}.critical_points() == std::vector<Vec2>{Vec2(0, 0)});
  const Landscape h{LandscapeKind::Himmelblau};
  const std::array<Vec2, 9> scipy = {
      Vec2(3.0, 2.0), Vec2(-2.805118086952745, 3.131312518250573), Vec2(-3.7793102533777465, -3.2831859912861696),
      Vec2(3.5844283403304917, -1.8481265269644036),
      // the maximum (f = 181.6165215225827) and the four saddles (f = 67.719…, 104.015…, 13.3119…, 178.337…)
      Vec2(-0.2708445906673476, -0.9230385564799815), Vec2(0.08667750455539634, 2.884254701174776),
      Vec2(-3.0730257507643897, -0.08135304428796751), Vec2(3.385154183607021, 0.0738518798377493),
      Vec2(-0.12796134673068008, -1.9537149802445763)};
  const std::vector<Vec2> minima = h.minima(), critical = h.critical_points();
  REQUIRE(minima.size() == 4);
  REQUIRE(critical.size() == 9);
  for (std::size_t i = 0; i < 9; ++i) {
    CAPTURE(i);
    CHECK((critical[i] - scipy[i]).norm() < 1e-9);
    CHECK(h.gradient(critical[i]).norm() < 1e-9);
    if (i < 4) {
      CHECK(minima[i] == critical[i]);
      CHECK(h.value(minima[i]) < 1e-20);
      CHECK(h.hessian(minima[i]).eigenvalues().real().minCoeff() > 0);  // a minimum
    }
  }
  CHECK(h.value(critical[4]) == Approx(181.6165215225827).epsilon(1e-12));
  CHECK(h.hessian(critical[4]).eigenvalues().real().maxCoeff() < 0);  // a maximum
  for (std::size_t i = 5; i < 9; ++i) CHECK(h.hessian(critical[i]).determinant() < 0);  // saddles
}

// Value ranges over boxes: the extremes at corners have closed forms; those on an edge or inside
// come from SciPy 1.10.1,
//   scipy.optimize.minimize(±f, seed, bounds=box, method='L-BFGS-B', options={'ftol': 1e-15,
//                           'gtol': 1e-12})
// best of a 9 × 9 grid of seeds; each of those turned out to have a closed form too, given beside it.
TEST_CASE("value ranges over boxes: closed forms at the corners, SciPy's bounded optimum inside") {
  const auto range = [](LandscapeKind kind, Vec2 lo, Vec2 hi, double kappa = 10) {
    return Landscape{kind, kappa}.value_range(lo, hi);
  };
  // The windows loss-landscape shows each landscape in.
  ValueRange r = range(LandscapeKind::Rosenbrock, {-2, -1}, {2, 3});
  CHECK(r.min == Approx(0).margin(1e-12));  // at (1, 1)
  CHECK(r.max == Approx(2509));             // at (−2, −1): 3² + 100·(−1 − 4)²
  r = range(LandscapeKind::Himmelblau, {-5, -5}, {5, 5});
  CHECK(r.min == Approx(0).margin(1e-12));
  CHECK(r.max == Approx(890));  // at (5, 5): 19² + 23²
  r = range(LandscapeKind::Saddle, {-2, -2}, {2, 2});
  CHECK(r.min == Approx(-4));
  CHECK(r.max == Approx(4));
  // The bowl ½pᵀHp, H = R diag(1, κ) Rᵀ (R: 30°), at the corner (−2, 2): p·v = 1 − √3 along the
  // flat direction v = (cos 30°, sin 30°), p·u = 1 + √3 along the steep one, so
  // f = ½((1 − √3)² + κ(1 + √3)²) = 2 − √3 + κ(2 + √3).
  for (double kappa : {1.0, 10.0, 100.0}) {
    CAPTURE(kappa);
    r = range(LandscapeKind::Bowl, {-2, -2}, {2, 2}, kappa);
    CHECK(r.min == Approx(0).margin(1e-12));
    CHECK(r.max == Approx(2 - std::sqrt(3.0) + kappa * (2 + std::sqrt(3.0))));
  }
  // Boxes whose extremes are not all at corners or minima.
  r = range(LandscapeKind::Himmelblau, {-1, -2}, {1, 0});
  CHECK(r.min == Approx(136));  // SciPy: at (1, 0), 10² + 6²
  CHECK(r.max == Approx(181.61652152258273).epsilon(1e-10));  // SciPy: the local maximum inside
  r = range(LandscapeKind::Rosenbrock, {1.5, 0}, {2, 1});
  CHECK(r.min == Approx(156.5));  // SciPy: at (1.5, 1), 0.25 + 100·1.25²
  CHECK(r.max == Approx(1601));   // SciPy: at (2, 0), 1 + 100·16
  // An edge's own interior extreme: x² − y² over x ∈ [−1, 2], y = 1 … 3 has its max 4 − 1 on y = 1.
  r = range(LandscapeKind::Saddle, {-1, 1}, {2, 3});
  CHECK(r.min == Approx(-9));
  CHECK(r.max == Approx(3));
  // Every sample of a fine grid lies inside the range (it is a true bound, not an estimate).
  for (const LandscapeKind kind : {LandscapeKind::Bowl, LandscapeKind::Rosenbrock, LandscapeKind::Himmelblau}) {
    r = range(kind, {-3, -2}, {2.5, 4});
    const Landscape f{kind, 10};
    double lowest = INFINITY, highest = -INFINITY;
    for (int i = 0; i <= 100; ++i)
      for (int j = 0; j <= 100; ++j) {
        const double v = f.value({-3 + 5.5 * i / 100, -2 + 6.0 * j / 100});
        lowest = std::min(lowest, v);
        highest = std::max(highest, v);
      }
    CHECK(lowest >= r.min - 1e-12);
    CHECK(highest <= r.max * (1 + 1e-12));
    CHECK(highest >= r.max * 0.99);  // and a tight one
  }
}
