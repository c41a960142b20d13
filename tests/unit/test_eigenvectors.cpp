#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/eigenvectors.hpp"

using namespace mml;

namespace {
Mat2 mat(double a, double b, double c, double d) {
  Mat2 m;
  m << a, b, c, d;
  return m;
}

// |sin| of the angle between two directions (0 when parallel or antiparallel).
// (the rejection of u from v, not √(1 − cos²), which loses digits at small angles).
double off_parallel(const Eigen::VectorXd& u, const Eigen::VectorXd& v) {
  const Eigen::VectorXd w = v.normalized();
  return (u - u.dot(w) * w).norm() / u.norm();
}
}  // namespace

TEST_CASE("eigenvalues of 2x2 matrices against NumPy and the quadratic formula") {
  SECTION("two real eigenvalues") {
    // numpy.linalg.eig([[1, 2], [3, 4]]): w = [-0.37228132, 5.37228132],
    // v.T = [[-0.82456484, 0.56576746], [-0.41597356, -0.90937671]]; closed form (5 ± √33)/2.
    const Eigen2 e = eigen_2x2(mat(1, 2, 3, 4));
    REQUIRE(e.kind == EigenKind::Distinct);
    CHECK(e.lambda1 == Approx((5 + std::sqrt(33.0)) / 2));
    CHECK(e.lambda2 == Approx((5 - std::sqrt(33.0)) / 2));
    CHECK(e.lambda1 == Approx(5.37228132));
    CHECK(e.lambda2 == Approx(-0.37228132));
    CHECK(off_parallel(e.v1, Vec2(-0.41597356, -0.90937671)) < 1e-7);
    CHECK(off_parallel(e.v2, Vec2(-0.82456484, 0.56576746)) < 1e-7);
    CHECK(e.v1.norm() == Approx(1));
    CHECK(e.v1.x() > 0);  // the sign is fixed: first coordinate positive
    CHECK(e.real_directions() == 2);
  }
  SECTION("symmetric: orthogonal directions") {
    // numpy.linalg.eig([[2, 1], [1, 3]]): w = [1.38196601, 3.61803399]; closed form (5 ± √5)/2.
    const Eigen2 e = eigen_2x2(mat(2, 1, 1, 3));
    CHECK(e.lambda1 == Approx((5 + std::sqrt(5.0)) / 2));
    CHECK(e.lambda2 == Approx(1.38196601));
    CHECK(std::abs(e.v1.dot(e.v2)) < 1e-12);
    CHECK(off_parallel(e.v1, Vec2(0.52573111, 0.85065081)) < 1e-7);
  }
  SECTION("complex: a turn with no real direction") {
    // numpy.linalg.eig([[0.5, -1.2], [0.8, 0.3]]): w = 0.4 ± 0.97467943j.
    const Eigen2 e = eigen_2x2(mat(0.5, -1.2, 0.8, 0.3));
    REQUIRE(e.kind == EigenKind::Complex);
    CHECK(e.lambda1 == Approx(0.4));
    CHECK(e.imag == Approx(0.97467943));
    CHECK(e.real_directions() == 0);
    // numpy.linalg.eig([[1.5, 0.4], [-0.7, 2.2]]): w = 1.85 ± 0.3968627j.
    const Eigen2 f = eigen_2x2(mat(1.5, 0.4, -0.7, 2.2));
    CHECK(f.lambda1 == Approx(1.85));
    CHECK(f.imag == Approx(0.3968627));
    // A rotation by θ: e^{±iθ}.
    const double t = 0.7;
    const Eigen2 r = eigen_2x2(mat(std::cos(t), -std::sin(t), std::sin(t), std::cos(t)));
    CHECK(r.lambda1 == Approx(std::cos(t)));
    CHECK(r.imag == Approx(std::sin(t)));
  }
  SECTION("repeated: a multiple of I keeps every direction, a shear keeps one") {
    const Eigen2 scale = eigen_2x2(mat(2, 0, 0, 2));
    REQUIRE(scale.kind == EigenKind::Repeated);
    CHECK(scale.every_direction);
    CHECK(scale.lambda1 == 2);
    CHECK(scale.real_directions() == 2);
    const Eigen2 zero = eigen_2x2(Mat2::Zero());
    CHECK(zero.kind == EigenKind::Repeated);
    CHECK(zero.every_direction);
    const Eigen2 shear = eigen_2x2(mat(1, 1, 0, 1));
    REQUIRE(shear.kind == EigenKind::Repeated);
    CHECK_FALSE(shear.every_direction);
    CHECK(shear.lambda1 == Approx(1));
    CHECK(shear.real_directions() == 1);
    CHECK(off_parallel(shear.v1, Vec2(1, 0)) < 1e-12);
    // Within the tolerance of repeated, from a slider: still one direction.
    const Eigen2 near = eigen_2x2(mat(1, 1, 1e-12, 1));
    CHECK(near.kind == EigenKind::Repeated);
    CHECK(near.real_directions() == 1);
  }
}

TEST_CASE("A·v = λ·v for random matrices, and the characteristic polynomial vanishes at each λ") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(-3, 3);
  int real = 0, complex = 0;
  for (int i = 0; i < 500; ++i) {
    const Mat2 a = mat(u(rng), u(rng), u(rng), u(rng));
    const CharacteristicPolynomial p = characteristic_polynomial(a);
    CHECK(p.det == Approx(a.determinant()));
    const Eigen2 e = eigen_2x2(a);
    if (e.kind == EigenKind::Complex) {
      ++complex;
      // λ = re ± i·im: λ₁ + λ₂ = 2re = tr, λ₁·λ₂ = re² + im² = det.
      CHECK(2 * e.lambda1 == Approx(p.trace).margin(1e-12));
      CHECK(e.lambda1 * e.lambda1 + e.imag * e.imag == Approx(p.det).margin(1e-12));
      continue;
    }
    ++real;
    for (const auto& [l, v] : {std::pair{e.lambda1, e.v1}, std::pair{e.lambda2, e.v2}}) {
      CHECK((a * v - l * v).norm() < 1e-9 * (1 + a.norm()));
      CHECK(l * l - p.trace * l + p.det == Approx(0).margin(1e-9 * (1 + a.squaredNorm())));
      CHECK(turn_sine(a, v) == Approx(0).margin(1e-9));
    }
  }
  CHECK(real > 100);
  CHECK(complex > 100);
}

TEST_CASE("turn_sine: zero on the eigen-directions, signed elsewhere") {
  const Mat2 a = mat(2, 1, 1, 3);
  CHECK(turn_sine(a, Vec2::Zero()) == 0);
  CHECK(turn_sine(Mat2::Identity(), Vec2(0.3, -2)) == Approx(0).margin(1e-15));
  // A quarter turn turns every vector by +90°: sin = 1.
  CHECK(turn_sine(mat(0, -1, 1, 0), Vec2(0.6, 0.8)) == Approx(1));
  // e₁ ↦ (2, 1): turned counter-clockwise by atan(1/2), sin = 1/√5.
  CHECK(turn_sine(a, Vec2(1, 0)) == Approx(1 / std::sqrt(5.0)));
  CHECK(turn_sine(a, Vec2(0, 1)) == Approx(-1 / std::sqrt(10.0)));  // e₂ ↦ (1, 3)
}

TEST_CASE("symmetric_with_eigenvalues places the eigenvalues on the given directions") {
  const double angle = 0.6;
  const Mat2 a = symmetric_with_eigenvalues(3, -0.5, angle);
  CHECK(a.isApprox(a.transpose()));
  const Vec2 d1(std::cos(angle), std::sin(angle));
  CHECK((a * d1 - 3 * d1).norm() < 1e-12);
  const Vec2 d2(-std::sin(angle), std::cos(angle));
  CHECK((a * d2 + 0.5 * d2).norm() < 1e-12);
  const Eigen::Matrix3d b = symmetric_with_eigenvalues(4, 2, 1, 0.4, -0.3);
  CHECK(b.isApprox(b.transpose()));
  CHECK(b.trace() == Approx(7));
  CHECK(b.determinant() == Approx(8));
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix3d> solver(b);
  CHECK(solver.eigenvalues()(0) == Approx(1));
  CHECK(solver.eigenvalues()(2) == Approx(4));
}

TEST_CASE("power iteration: the error shrinks by |λ₂/λ₁| per step, the Rayleigh quotient converges") {
  SECTION("2x2 symmetric: closed form") {
    // With eigenvalues l1 > |l2| on orthogonal directions, x_k ∝ c₁l1ᵏ·v₁ + c₂l2ᵏ·v₂, so
    // tan θ_k = |l2/l1|ᵏ·tan θ₀ (θ the angle to v₁), and the Rayleigh quotient of a unit x at
    // angle θ is l1·cos²θ + l2·sin²θ.
    const double l1 = 2, l2 = 1.2, angle = 0.3;
    const Mat2 a = symmetric_with_eigenvalues(l1, l2, angle);
    const double theta0 = 1.1;  // x0 at angle + 1.1
    const Eigen::VectorXd x0 = Vec2(std::cos(angle + theta0), std::sin(angle + theta0));
    const auto steps = power_iteration(a, x0, 30);
    REQUIRE(steps.size() == 30);
    double theta = theta0;
    for (size_t k = 0; k < steps.size(); ++k) {
      const double c = std::cos(theta), s = std::sin(theta);
      CHECK(steps[k].rayleigh == Approx(l1 * c * c + l2 * s * s));
      CHECK(steps[k].stretch == Approx(std::hypot(l1 * c, l2 * s)));
      const double next = std::atan(std::pow(l2 / l1, k + 1) * std::tan(theta0));
      const Vec2 v1(std::cos(angle), std::sin(angle));
      CHECK(off_parallel(steps[k].x, v1) == Approx(std::sin(next)).margin(1e-12));
      theta = next;
    }
  }
  SECTION("3x3 against NumPy") {
    // numpy.linalg.eigh([[4,1,0],[1,3,1],[0,1,2]]): w = [1.26794919, 3, 4.73205081] (3 ± √3, 3),
    // dominant v = [-0.78867513, -0.57735027, -0.21132487]. First steps from e₁ (A@x, x@y,
    // norm): Rayleigh 4.0, 4.411764705882353, 4.592920353982302; ‖Ax‖ 4.123105625617661,
    // 4.465554441565821, 4.617205222945637; x₃ = [0.88223084, 0.45876004, 0.1058677].
    Eigen::Matrix3d a;
    a << 4, 1, 0, 1, 3, 1, 0, 1, 2;
    const auto steps = power_iteration(a, Eigen::Vector3d::UnitX(), 200);
    REQUIRE(steps.size() == 200);
    CHECK(steps[0].rayleigh == Approx(4.0));
    CHECK(steps[1].rayleigh == Approx(4.411764705882353));
    CHECK(steps[2].rayleigh == Approx(4.592920353982302));
    CHECK(steps[0].stretch == Approx(4.123105625617661));
    CHECK(steps[2].stretch == Approx(4.617205222945637));
    CHECK(steps[2].x.isApprox(Eigen::Vector3d(0.88223084, 0.45876004, 0.1058677), 1e-7));
    CHECK(steps.back().rayleigh == Approx(3 + std::sqrt(3.0)));
    CHECK(off_parallel(steps.back().x, Eigen::Vector3d(-0.78867513, -0.57735027, -0.21132487)) < 1e-7);
  }
  SECTION("degenerate starts") {
    CHECK(power_iteration(Mat2::Identity(), Vec2::Zero(), 5).empty());
    // x0 in the null space: A·x = 0, nothing to follow.
    CHECK(power_iteration(mat(1, 0, 0, 0), Vec2(0, 1), 5).empty());
    CHECK(power_iteration(Mat2::Identity(), Vec2(1, 1), 0).empty());
  }
}

TEST_CASE("diagonalize: A = P·D·P⁻¹, orthogonal P for symmetric A, impossible for shears and turns") {
  const Diagonalization d = diagonalize(mat(1, 2, 3, 4));
  REQUIRE(d.possible);
  CHECK((d.p * d.d * d.p_inverse).isApprox(mat(1, 2, 3, 4)));
  CHECK_FALSE(d.orthogonal);
  const Diagonalization s = diagonalize(mat(2, 1, 1, 3));
  REQUIRE(s.possible);
  CHECK(s.orthogonal);
  CHECK((s.p.transpose() * s.p).isApprox(Mat2::Identity()));
  CHECK(s.p_inverse.isApprox(s.p.transpose()));
  CHECK(s.d(0, 0) == Approx((5 + std::sqrt(5.0)) / 2));
  const Diagonalization k = diagonalize(mat(3, 0, 0, 3));
  CHECK(k.possible);
  CHECK((k.p * k.d * k.p_inverse).isApprox(mat(3, 0, 0, 3)));
  CHECK_FALSE(diagonalize(mat(1, 1, 0, 1)).possible);
  CHECK_FALSE(diagonalize(mat(0, -1, 1, 0)).possible);
}
