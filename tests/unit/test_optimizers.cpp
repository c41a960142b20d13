// Optimizers: iterates against closed forms and against first steps computed by hand from the
// published update rules (momentum: v ← βv + g, θ ← θ − ηv; Adam: Kingma & Ba 2015, Algorithm 1).
#include <catch2/catch.hpp>
#include <cmath>
#include <utility>

#include "core/optimizers.hpp"

using namespace mml;

TEST_CASE("gradient descent on a quadratic follows the closed form θₖ = (I − ηH)ᵏθ₀") {
  const Landscape bowl{LandscapeKind::Bowl, 10};
  const Mat2 h = bowl_hessian(10);
  OptimizerSettings s;
  s.learning_rate = 0.15;
  s.max_steps = 40;
  const Vec2 start(-1.5, 1.2);
  const OptimizerRun run = run_optimizer(Optimizer::GradientDescent, bowl, start, s);
  REQUIRE(run.steps() == 40);
  Mat2 power = Mat2::Identity();
  const Mat2 step = Mat2::Identity() - s.learning_rate * h;
  for (int k = 0; k <= 40; ++k) {
    CAPTURE(k);
    CHECK((run.path[std::size_t(k)] - power * start).norm() < 1e-12);
    CHECK(run.losses[std::size_t(k)] == Approx(bowl.value(power * start)).margin(1e-15));
    power = step * power;
  }
}

TEST_CASE("gradient descent with η > 2/λmax diverges, and the run stops cleanly") {
  const Landscape bowl{LandscapeKind::Bowl, 100};
  OptimizerSettings s;
  s.learning_rate = 0.03;  // 2/λmax = 0.02
  s.max_steps = 500;
  const OptimizerRun run = run_optimizer(Optimizer::GradientDescent, bowl, {1, 1}, s);
  CHECK(run.end == RunEnd::Diverged);
  CHECK(run.steps() < 500);
  for (const Vec2& p : run.path) CHECK(p.norm() <= s.escape_radius);
}

TEST_CASE("momentum: the first two steps on x² − y², by hand") {
  // From (1, 1) with η = 0.1, β = 0.9. g₁ = (2, −2), v₁ = g₁, θ₁ = (0.8, 1.2);
  // g₂ = (1.6, −2.4), v₂ = 0.9·(2, −2) + g₂ = (3.4, −4.2), θ₂ = (0.46, 1.62).
  OptimizerSettings s;
  s.learning_rate = 0.1;
  s.momentum = 0.9;
  s.max_steps = 2;
  const OptimizerRun run = run_optimizer(Optimizer::Momentum, Landscape{LandscapeKind::Saddle}, {1, 1}, s);
  REQUIRE(run.steps() == 2);
  CHECK(run.path[1].isApprox(Vec2(0.8, 1.2)));
  CHECK(run.path[2].isApprox(Vec2(0.46, 1.62)));
}

TEST_CASE("Adam: the first two steps on x² − y², by hand from Kingma & Ba's Algorithm 1") {
  // α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, from (1, 1).
  // Step 1: g = (2, −2); m = (0.2, −0.2), s = (0.004, 0.004); m̂ = g, ŝ = g²: a step of α·sign(g)
  //   (up to ε), θ₁ = (0.9, 1.1).
  // Step 2: g = (1.8, −2.2); m = (0.36, −0.40), s = (0.007236, 0.008836);
  //   m̂ = m/0.19, ŝ = s/0.001999 = (3.6198099, 4.4202101);
  //   θ₂ = θ₁ − α·m̂/(√ŝ + ε) = (0.8004122, 1.2001348).
  OptimizerSettings s;
  s.adam_rate = 0.1;
  s.max_steps = 2;
  const OptimizerRun run = run_optimizer(Optimizer::Adam, Landscape{LandscapeKind::Saddle}, {1, 1}, s);
  REQUIRE(run.steps() == 2);
  CHECK(run.path[1].x() == Approx(0.9).epsilon(1e-8));
  CHECK(run.path[1].y() == Approx(1.1).epsilon(1e-8));
  CHECK(run.path[2].x() == Approx(0.800412228).epsilon(1e-8));
  CHECK(run.path[2].y() == Approx(1.200134776).epsilon(1e-8));
}

TEST_CASE("Newton on a quadratic lands on the minimum in one step") {
  for (double kappa : {1.0, 7.0, 100.0}) {
    const OptimizerRun run = run_optimizer(Optimizer::Newton, Landscape{LandscapeKind::Bowl, kappa}, {-1.7, 1.3}, {});
    CHECK(run.end == RunEnd::Converged);
    CHECK(run.steps() == 1);
    CHECK(run.path[1].norm() < 1e-12);
  }
}

TEST_CASE("Newton at a saddle: the exact Hessian jumps onto it, |eigenvalues| walk away from it") {
  const Landscape saddle{LandscapeKind::Saddle};
  const OptimizerRun exact = run_optimizer(Optimizer::Newton, saddle, {1, 1}, {});
  CHECK(exact.steps() == 1);
  CHECK(exact.path[1].norm() < 1e-12);  // a critical point, but a maximum along y
  OptimizerSettings s;
  s.newton = NewtonHessian::AbsoluteEigenvalues;
  s.max_steps = 3;
  // −|H|⁻¹g = −(2x/2, −2y/2) = (−x, y): x goes to 0, y doubles: downhill along y.
  const OptimizerRun abs = run_optimizer(Optimizer::Newton, saddle, {1, 1}, s);
  REQUIRE(abs.steps() >= 2);
  CHECK(abs.path[1].isApprox(Vec2(0, 2)));
  CHECK(abs.path[2].isApprox(Vec2(0, 4)));
  CHECK(abs.losses[2] < abs.losses[1]);
}

TEST_CASE("Newton from near each Himmelblau minimum converges onto it to 1e-5") {
  for (const Vec2& m : kHimmelblauMinima) {
    const OptimizerRun run = run_optimizer(Optimizer::Newton, Landscape{LandscapeKind::Himmelblau},
                                           m + Vec2(0.2, -0.15), {});
    CAPTURE(m.x(), m.y());
    CHECK(run.end == RunEnd::Converged);
    CHECK((run.path.back() - m).norm() < 1e-5);
    CHECK(run.losses.back() < 1e-20);
  }
}

TEST_CASE("on Rosenbrock, Newton and Adam reach the minimum region while gradient descent crawls") {
  const Landscape r{LandscapeKind::Rosenbrock};
  OptimizerSettings s;
  s.learning_rate = 1e-3;
  s.max_steps = 200;
  const Vec2 start(-1.5, 2);
  const OptimizerRun gd = run_optimizer(Optimizer::GradientDescent, r, start, s);
  const OptimizerRun newton = run_optimizer(Optimizer::Newton, r, start, s);
  CHECK(newton.end == RunEnd::Converged);
  CHECK((newton.path.back() - Vec2(1, 1)).norm() < 1e-8);
  CHECK(newton.steps() < 20);
  CHECK(gd.losses.back() > 1e-3);
  CHECK(gd.losses.back() < gd.losses.front());
}

TEST_CASE("a singular Hessian stops Newton instead of producing infinities") {
  Vec2 step;
  Mat2 h;
  h << 1, 1, 1, 1;
  CHECK_FALSE(newton_step(h, {1, 0}, NewtonHessian::Exact, &step));
  CHECK(newton_step(Mat2::Identity(), {1, 2}, NewtonHessian::Exact, &step));
  CHECK(step.isApprox(Vec2(-1, -2)));
}

TEST_CASE("the Newton step solves H·s = −g, and |H|·s = −g with |H| = R·diag(|λ|)·Rᵀ") {
  // H built from chosen eigenvalues and a rotation R by φ, so |H| is known in closed form.
  for (const double phi : {0.0, 0.3, 1.2, -0.7, 3.14159265358979 / 2}) {
    for (const auto& [l1, l2] : {std::pair{2.0, 5.0}, {-3.0, 0.5}, {1e3, 0.4}, {-1e3, -0.4}, {-2.0, 7.0}}) {
      Mat2 r;
      r << std::cos(phi), -std::sin(phi), std::sin(phi), std::cos(phi);
      const Mat2 h = r * Vec2(l1, l2).asDiagonal() * r.transpose();
      const Mat2 abs_h = r * Vec2(std::abs(l1), std::abs(l2)).asDiagonal() * r.transpose();
      const Vec2 g(0.7, -1.9);
      Vec2 step;
      REQUIRE(newton_step(h, g, NewtonHessian::Exact, &step));
      CHECK((h * step + g).norm() < 1e-12 * h.norm() * step.norm() + 1e-13);
      REQUIRE(newton_step(h, g, NewtonHessian::AbsoluteEigenvalues, &step));
      CHECK((abs_h * step + g).norm() < 1e-12 * h.norm() * step.norm() + 1e-13);
    }
  }
  Vec2 step;  // a diagonal H with a zero eigenvalue in either slot is singular
  CHECK_FALSE(newton_step(Vec2(0, 4).asDiagonal(), {1, 1}, NewtonHessian::AbsoluteEigenvalues, &step));
  CHECK_FALSE(newton_step(Vec2(-4, 0).asDiagonal(), {1, 1}, NewtonHessian::Exact, &step));
}
