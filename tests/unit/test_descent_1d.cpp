// Gradient descent in 1D against closed forms: on f(x) = x² the step is x_{k+1} = x_k − 2ηx_k,
// so x_k = (1 − 2η)^k x₀ exactly; the learning rate alone decides slow, one-step, oscillating and
// diverging walks.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/descent_1d.hpp"

using namespace mml;

namespace {

Dual square(double x) { return {x * x, 2 * x}; }
Dual absolute(double x) { return {std::abs(x), x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0}; }
// The tilted double well f(x) = x⁴ − 3x² + x, f'(x) = 4x³ − 6x + 1.
Dual double_well(double x) { return {x * x * x * x - 3 * x * x + x, 4 * x * x * x - 6 * x + 1}; }

DescentOptions with(double eta, int steps, double bound = 1e6) {
  DescentOptions o;
  o.learning_rate = eta;
  o.steps = steps;
  o.lower = -bound;
  o.upper = bound;
  return o;
}

}  // namespace

TEST_CASE("descent on x² follows the closed form x_k = (1 − 2η)^k x₀") {
  for (const double eta : {0.001, 0.1, 0.3, 0.45, 0.7, 0.9}) {
    const double x0 = 2.5;
    DescentOptions o = with(eta, 30);
    o.tolerance = 0;  // walk all 30 steps, however flat it gets
    const DescentRun run = gradient_descent_1d(square, x0, o);
    REQUIRE(run.steps() == 30);
    for (int k = 0; k <= run.steps(); ++k) {
      const double expected = std::pow(1 - 2 * eta, k) * x0;
      CAPTURE(eta, k);
      CHECK(run.points[std::size_t(k)].x == Approx(expected).epsilon(1e-12).margin(1e-300));
      CHECK(run.points[std::size_t(k)].loss == Approx(expected * expected).epsilon(1e-12).margin(1e-300));
      CHECK(run.points[std::size_t(k)].slope == Approx(2 * expected).epsilon(1e-12).margin(1e-300));
    }
  }
}

TEST_CASE("η = 1.05 on x² diverges: |x_k| grows as |1 − 2η|^k = 1.1^k") {
  const double x0 = 1;
  const DescentRun run = gradient_descent_1d(square, x0, with(1.05, 200, 100));
  CHECK(run.outcome == DescentOutcome::Diverged);
  // 1.1^k first exceeds 100 at k = ⌈ln 100 / ln 1.1⌉ = 49.
  CHECK(run.steps() == int(std::ceil(std::log(100.0) / std::log(1.1))));
  for (int k = 0; k <= run.steps(); ++k) {
    CAPTURE(k);
    CHECK(std::abs(run.points[std::size_t(k)].x) == Approx(std::pow(1.1, k)).epsilon(1e-12));
    CHECK(run.points[std::size_t(k)].x * (k % 2 == 0 ? 1 : -1) > 0);  // the sign flips every step
  }
  CHECK(oscillating(run));
}

TEST_CASE("the learning rate decides the walk on x²: slow, one step, bouncing, diverging") {
  // η = 0.5 lands on the bottom in one step: x₁ = (1 − 1)·x₀ = 0, where f' = 0.
  const DescentRun exact = gradient_descent_1d(square, 3, with(0.5, 50));
  CHECK(exact.outcome == DescentOutcome::Converged);
  CHECK(exact.steps() == 1);
  // η = 0.1: factor 0.8, converges once 2·0.8^k·x₀ < 1e-8: k > ln(2·2.5e8)/ln 1.25 ≈ 89.8.
  const DescentRun good = gradient_descent_1d(square, 2.5, with(0.1, 200));
  CHECK(good.outcome == DescentOutcome::Converged);
  CHECK(good.steps() == 90);
  CHECK_FALSE(oscillating(good));
  // η = 0.001: factor 0.998, still far away after 200 steps (0.998^200 ≈ 0.67).
  const DescentRun slow = gradient_descent_1d(square, 2.5, with(0.001, 1000));
  CHECK(slow.outcome == DescentOutcome::Running);
  CHECK(slow.steps() == kMaxDescentSteps);  // asked for 1000, capped
  CHECK(slow.points.back().x == Approx(2.5 * std::pow(0.998, 200)).epsilon(1e-12));
  // η = 0.9: factor −0.8, converges while overshooting the bottom every step.
  const DescentRun bouncing = gradient_descent_1d(square, 2.5, with(0.9, 20));
  CHECK(oscillating(bouncing));
  CHECK(std::abs(bouncing.points.back().x) < std::abs(bouncing.points.front().x));
  // η = 1: factor −1, bounces between ±x₀ forever: neither converges nor diverges.
  const DescentRun stuck = gradient_descent_1d(square, 2, with(1.0, 200));
  CHECK(stuck.outcome == DescentOutcome::Running);
  CHECK(stuck.points.back().x == 2);
}

TEST_CASE("small steps only go downhill, the walk stops where the slope is flat") {
  // On the double well |f''| ≤ 12x² + 6 ≤ 54 for |x| ≤ 2; with η < 1/54 every step lowers f
  // (up to rounding, once f is flat to 16 digits near the bottom).
  const DescentRun run = gradient_descent_1d(double_well, 2, with(0.015, 200));
  REQUIRE(run.outcome == DescentOutcome::Converged);
  for (std::size_t k = 1; k < run.points.size(); ++k)
    CHECK(run.points[k].loss <= run.points[k - 1].loss + 1e-14);
  const double x = run.points.back().x;
  CHECK(std::abs(4 * x * x * x - 6 * x + 1) < 1e-8);
  CHECK(x > 1);  // from x₀ = 2 it settles in the right-hand (higher, local) valley
  // From the left it finds the deeper valley.
  const DescentRun left = gradient_descent_1d(double_well, -2, with(0.015, 200));
  CHECK(left.outcome == DescentOutcome::Converged);
  CHECK(left.points.back().x < -1);
  CHECK(left.points.back().loss < run.points.back().loss);
}

TEST_CASE("on |x| the slope never shrinks, so a fixed step bounces around the kink") {
  const DescentRun run = gradient_descent_1d(absolute, 1.05, with(0.1, 200));
  CHECK(run.outcome == DescentOutcome::Running);
  CHECK(std::abs(run.points.back().x) <= 0.1 + 1e-12);
  CHECK(oscillating(run));
}

TEST_CASE("undefined points and hostile settings stop the walk instead of spinning") {
  const auto root = [](double x) { return Dual{std::sqrt(x), 0.5 / std::sqrt(x)}; };
  const DescentRun from_zero = gradient_descent_1d(root, 0, with(0.1, 10));
  CHECK(from_zero.outcome == DescentOutcome::Undefined);  // f'(0) = ∞
  CHECK(from_zero.steps() == 0);
  const DescentRun nan_start = gradient_descent_1d(square, std::numeric_limits<double>::quiet_NaN(), with(0.1, 10));
  CHECK(nan_start.outcome == DescentOutcome::Diverged);
  CHECK(nan_start.steps() == 0);
  const DescentRun nan_rate = gradient_descent_1d(square, 1, with(std::numeric_limits<double>::quiet_NaN(), 10));
  CHECK(nan_rate.steps() == 10);
  CHECK(nan_rate.points.back().x == 1);
  CHECK(gradient_descent_1d(square, 1, with(0.1, -5)).steps() == 0);
  CHECK(gradient_descent_1d(square, 1, with(1e-9, 1 << 30)).points.size() == kMaxDescentSteps + 1);
  CHECK(std::string(outcome_name(DescentOutcome::Diverged)) == "diverged");
}
