// Logistic regression with cross-entropy and squared error: hand-computed losses, gradients and
// Hessians on a two-point example, the saturation that stalls squared error, and the optimum on
// the logistic-loss figure's default data set against scikit-learn and SciPy.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include "core/logistic_regression.hpp"

using namespace mml;

namespace {

// The logistic-loss figure's default data (web/figures/logistic_loss.cpp).
LabeledPoints figure_data() { return make_two_blobs(40, 15, {0.9, 0.45}, 0.8); }

// Two points: x₁ = (1, 0) with label 1 and x₂ = (0, 2) with label 0.
LabeledPoints two_points() {
  LabeledPoints d;
  d.points = {{1, 0}, {0, 2}};
  d.labels = {1, 0};
  return d;
}

}  // namespace

TEST_CASE("sigmoid and softplus: closed forms, and no overflow far out") {
  CHECK(sigmoid(0) == 0.5);
  CHECK(sigmoid(std::log(3.0)) == Approx(0.75));    // 1 / (1 + 1/3)
  CHECK(sigmoid(-std::log(3.0)) == Approx(0.25));
  CHECK(softplus(std::log(3.0)) == Approx(std::log(4.0)));  // ln(1 + 3)
  CHECK(softplus(0) == Approx(std::numbers::ln2));
  CHECK(sigmoid(-800) >= 0);
  CHECK(sigmoid(-800) < 1e-300);
  CHECK(sigmoid(800) == 1);
  CHECK(softplus(800) == 800);            // ln(1 + e⁸⁰⁰) = 800 + ln(1 + e⁻⁸⁰⁰)
  CHECK(softplus(-800) == Approx(0).margin(1e-300));
  // Cross-entropy from the score stays finite where −ln σ(z) would take ln 0.
  CHECK(point_loss(ClassifierLoss::CrossEntropy, -800, 1) == Approx(800));
}

TEST_CASE("two points by hand: losses, gradients and Hessians at w = (ln 3, 0)") {
  // z = (ln 3, 0), so p = (3/4, 1/2); residuals p − y = (−1/4, 1/2), p(1 − p) = (3/16, 1/4).
  const LabeledPoints d = two_points();
  const Vec2 w(std::log(3.0), 0);
  // Cross-entropy: (−ln ¾ − ln ½)/2 = ln(8/3)/2 (scikit-learn's log_loss gives 0.4904146265).
  CHECK(mean_loss(ClassifierLoss::CrossEntropy, d, w) == Approx(std::log(8.0 / 3) / 2));
  CHECK(mean_loss(ClassifierLoss::CrossEntropy, d, w) == Approx(0.4904146265));
  // Squared error: ((1/4)² + (1/2)²)/2 = 5/32.
  CHECK(mean_loss(ClassifierLoss::SquaredError, d, w) == Approx(5.0 / 32));
  // ∇ cross-entropy = mean of (p − y)x = ((−1/4)(1, 0) + (1/2)(0, 2))/2 = (−1/8, 1/2).
  const Vec2 g_ce = loss_gradient(ClassifierLoss::CrossEntropy, d, w);
  CHECK(g_ce.x() == Approx(-1.0 / 8));
  CHECK(g_ce.y() == Approx(0.5));
  // ∇ squared error = mean of 2(p − y)p(1 − p)x = ((−3/32, 0) + (0, 1/2))/2 = (−3/64, 1/4).
  const Vec2 g_se = loss_gradient(ClassifierLoss::SquaredError, d, w);
  CHECK(g_se.x() == Approx(-3.0 / 64));
  CHECK(g_se.y() == Approx(0.25));
  // Hessian of cross-entropy: mean of p(1 − p)xxᵀ = (3/16·[1 0; 0 0] + 1/4·[0 0; 0 4])/2.
  const Mat2 h_ce = loss_hessian(ClassifierLoss::CrossEntropy, d, w);
  CHECK(h_ce(0, 0) == Approx(3.0 / 32));
  CHECK(h_ce(1, 1) == Approx(0.5));
  CHECK(h_ce(0, 1) == Approx(0).margin(1e-15));
  // Squared error: curvature 2s[s + (p − y)(1 − 2p)], s = p(1 − p):
  //   x₁: 2·(3/16)·(3/16 + (−1/4)(−1/2)) = 2·(3/16)·(5/16) = 15/128;  x₂: 2·(1/4)·(1/4 + 0) = 1/8.
  //   Mean: (15/128·[1 0; 0 0] + 1/8·[0 0; 0 4])/2 = [15/256 0; 0 1/4].
  const Mat2 h_se = loss_hessian(ClassifierLoss::SquaredError, d, w);
  CHECK(h_se(0, 0) == Approx(15.0 / 256));
  CHECK(h_se(1, 1) == Approx(0.25));
  CHECK(h_se(1, 0) == Approx(0).margin(1e-15));
  CHECK(misclassified(d, w) == 1);   // x₂ has z = 0: p = ½ counts as class 1, and its label is 0
  CHECK(misclassified(d, {1, -1}) == 0);
  CHECK(predict(w, {1, 0}) == Approx(0.75));
}

TEST_CASE("a confidently wrong positive: cross-entropy keeps pushing, squared error stops") {
  // p = 0.001 for a point labelled 1: ∂/∂z of −ln p is p − 1 = −0.999; of (1 − p)² it is
  // −2p(1 − p)² = −0.002·0.998001 = −0.001996002.
  CHECK(positive_loss(ClassifierLoss::CrossEntropy, 0.001) == Approx(-std::log(0.001)));
  CHECK(positive_loss(ClassifierLoss::SquaredError, 0.001) == Approx(0.998001));
  CHECK(positive_loss_slope(ClassifierLoss::CrossEntropy, 0.001) == Approx(-0.999));
  CHECK(positive_loss_slope(ClassifierLoss::SquaredError, 0.001) == Approx(-0.001996002));
  // Squared error pushes hardest at p = 1/3 (d/dp of p(1 − p)² is (1 − p)(1 − 3p)): 2·(1/3)·(4/9) = 8/27.
  CHECK(positive_loss_slope(ClassifierLoss::SquaredError, 1.0 / 3) == Approx(-8.0 / 27));
  for (double p : {0.01, 0.2, 0.5, 0.9}) {
    CHECK(std::abs(positive_loss_slope(ClassifierLoss::SquaredError, p)) <= 8.0 / 27 + 1e-12);
    CHECK(std::abs(positive_loss_slope(ClassifierLoss::CrossEntropy, p)) == Approx(1 - p));
  }
  // The score forms agree with the probability forms: z = ln(p/(1 − p)).
  for (double p : {0.001, 0.3, 0.8}) {
    const double z = std::log(p / (1 - p));
    for (ClassifierLoss loss : {ClassifierLoss::CrossEntropy, ClassifierLoss::SquaredError}) {
      CHECK(point_loss(loss, z, 1) == Approx(positive_loss(loss, p)));
      CHECK(point_loss_slope(loss, z, 1) == Approx(positive_loss_slope(loss, p)));
      // A label-0 point at score z is a label-1 point at −z (p ↔ 1 − p), with the slope's sign flipped.
      CHECK(point_loss(loss, -z, 0) == Approx(positive_loss(loss, p)));
      CHECK(point_loss_slope(loss, -z, 0) == Approx(-positive_loss_slope(loss, p)));
    }
  }
}

TEST_CASE("two blobs: mt19937_64's raw words through Box–Muller, centred at ±centre") {
  std::mt19937_64 engine(15);
  const auto uniform = [&engine] { return double(engine() >> 11) * 0x1.0p-53; };
  const double u1 = 1 - uniform(), u2 = uniform(), u3 = 1 - uniform(), u4 = uniform();
  const double nx = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
  const double ny = std::sqrt(-2 * std::log(u3)) * std::cos(2 * std::numbers::pi * u4);
  const LabeledPoints d = figure_data();
  REQUIRE(d.points.size() == 40);
  CHECK(d.labels[0] == 0);
  CHECK(d.labels[1] == 1);
  CHECK(d.points[0].x() == Approx(-0.9 + 0.8 * nx));
  CHECK(d.points[0].y() == Approx(-0.45 + 0.8 * ny));
  // The same point scikit-learn was given (printed by the reference script): (0.2384060, −0.4492781).
  CHECK(d.points[0].x() == Approx(0.23840603));
  CHECK(d.points[0].y() == Approx(-0.44927807));
  // Many points: each class's mean is near its centre (500 points a class: standard error 0.8/√500 ≈ 0.036 per coordinate).
  const LabeledPoints big = make_two_blobs(1000, 3, {1, -2}, 0.8);
  Vec2 mean[2] = {Vec2::Zero(), Vec2::Zero()};
  for (std::size_t i = 0; i < big.points.size(); ++i) mean[big.labels[i]] += big.points[i] / 500.0;
  CHECK((mean[1] - Vec2(1, -2)).norm() < 0.15);
  CHECK((mean[0] - Vec2(-1, 2)).norm() < 0.15);
  CHECK(make_two_blobs(40, 15, {0.9, 0.45}, 0.8).points == d.points);
  CHECK(make_two_blobs(40, 16, {0.9, 0.45}, 0.8).points != d.points);
}

TEST_CASE("the figure's data: the optimum agrees with scikit-learn and SciPy") {
  // Reference: scikit-learn 1.2.1, LogisticRegression(penalty=None, fit_intercept=False,
  // tol=1e-12) on these 40 points gives w = (2.9505377174, 1.2796517168), log_loss 0.2656015154.
  // Squared error's minimum, scipy.optimize.minimize (BFGS, and Nelder–Mead agreeing to 1e-8):
  // w = (2.5945459924, 1.1941548642), loss 0.085551566666; at the cross-entropy optimum it is 0.085892665326.
  const LabeledPoints d = figure_data();
  const LossMinimum ce = minimize_loss(ClassifierLoss::CrossEntropy, d, {0, 0});
  REQUIRE(ce.ok);
  CHECK(ce.w.x() == Approx(2.9505377174).epsilon(1e-7));
  CHECK(ce.w.y() == Approx(1.2796517168).epsilon(1e-7));
  CHECK(ce.loss == Approx(0.2656015154).epsilon(1e-8));
  CHECK(mean_loss(ClassifierLoss::SquaredError, d, ce.w) == Approx(0.085892665326).epsilon(1e-8));
  const LossMinimum se = minimize_loss(ClassifierLoss::SquaredError, d, ce.w);
  REQUIRE(se.ok);
  CHECK(se.w.x() == Approx(2.5945459924).epsilon(1e-6));
  CHECK(se.w.y() == Approx(1.1941548642).epsilon(1e-6));
  CHECK(se.loss == Approx(0.085551566666).epsilon(1e-9));
  CHECK(misclassified(d, ce.w) == 5);  // numpy: sum((X @ w >= 0) != (y == 1))
  // Cross-entropy is convex: Newton's method finds the same minimum from a confidently wrong start.
  const LossMinimum from_far = minimize_loss(ClassifierLoss::CrossEntropy, d, {-4, -2});
  REQUIRE(from_far.ok);
  CHECK((from_far.w - ce.w).norm() < 1e-8);
}

TEST_CASE("gradient descent: both losses get down from a confidently wrong start, cross-entropy much sooner") {
  // The figure's defaults: start (−4, −2), η = 1, 300 steps.
  const LabeledPoints d = figure_data();
  const TrainingRun ce = train_logistic(ClassifierLoss::CrossEntropy, d, {-4, -2}, 1.0, 300);
  const TrainingRun se = train_logistic(ClassifierLoss::SquaredError, d, {-4, -2}, 1.0, 300);
  REQUIRE(ce.steps() == 300);
  REQUIRE(se.steps() == 300);
  CHECK((ce.path.back() - Vec2(2.9505377174, 1.2796517168)).norm() < 3e-3);   // scikit-learn's optimum (numpy GD: 1.5e-3 away)
  CHECK((se.path.back() - Vec2(2.5945459924, 1.1941548642)).norm() < 0.3);    // SciPy's: the floor is flat (numpy GD: 0.24 away)
  for (std::size_t k = 0; k < ce.losses.size(); ++k) {
    CHECK(ce.losses[k] == Approx(mean_loss(ClassifierLoss::CrossEntropy, d, ce.path[k])));
    if (k > 0) CHECK(ce.losses[k] <= ce.losses[k - 1] + 1e-15);  // η = 1 < 2/λmax on this bowl
  }
  // After 30 steps cross-entropy has come more than 99% of the way down; squared error, starting
  // where σ' is nearly 0 for most points, has come about 3% of the way (numpy: 0.998 and 0.032;
  // after 300 steps squared error is at 0.9998).
  CHECK(descent_progress(ce, 0.2656015154, 30) > 0.99);
  CHECK(descent_progress(se, 0.085551566666, 30) < 0.05);
  CHECK(descent_progress(se, 0.085551566666, 300) > 0.99);
  // One step by hand from the two-point example: w − η∇L with ∇L = (−1/8, 1/2).
  const TrainingRun one = train_logistic(ClassifierLoss::CrossEntropy, two_points(), {std::log(3.0), 0}, 2, 1);
  REQUIRE(one.steps() == 1);
  CHECK(one.path[1].x() == Approx(std::log(3.0) + 0.25));
  CHECK(one.path[1].y() == Approx(-1));
}

TEST_CASE("descent progress: the share of the drop from the start to the minimum") {
  // Losses 4, 3, 1.5, 1.5 against a minimum of 0: (4 − L_k) / 4.
  TrainingRun run;
  run.path.assign(4, Vec2::Zero());
  run.losses = {4, 3, 1.5, 1.5};
  CHECK(descent_progress(run, 0, 0) == 0);
  CHECK(descent_progress(run, 0, 1) == 0.25);
  CHECK(descent_progress(run, 0, 2) == 0.625);
  CHECK(descent_progress(run, 0, 99) == 0.625);  // past the end: the last step
  CHECK(descent_progress(run, 0, -1) == 0);
  CHECK(descent_progress(run, 2, 2) == 1.25);    // below the given minimum: past 1, not clamped
  CHECK(descent_progress(run, 4, 2) == 1);       // started at the minimum: nothing left to drop
  CHECK(descent_progress(TrainingRun{}, 0, 3) == 0);
}

TEST_CASE("the probability a model gives a point's own label") {
  // w·x = ln 3: σ = 3/4, so label 1 gets 3/4 and label 0 gets 1/4.
  const Vec2 w(std::log(3.0), 0), x(1, 5);
  CHECK(true_class_probability(w, x, 1) == Approx(0.75));
  CHECK(true_class_probability(w, x, 0) == Approx(0.25));
  // Far on the wrong side, 1 − σ(z) would round to 0; σ(−z) keeps e^−40.
  CHECK(true_class_probability({40, 0}, {1, 0}, 0) == Approx(std::exp(-40.0)).epsilon(1e-9));
}

TEST_CASE("separable data: cross-entropy has no minimum, and the search says so") {
  LabeledPoints d;
  d.points = {{1, 0.5}, {2, -0.3}, {-1, 0.2}, {-1.5, -0.4}};
  d.labels = {1, 1, 0, 0};
  const LossMinimum m = minimize_loss(ClassifierLoss::CrossEntropy, d, {0, 0}, 50);
  CHECK_FALSE(m.ok);
  CHECK(misclassified(d, m.w) == 0);
  CHECK(m.loss < 0.01);  // on its way to 0, at w ever longer
  // Gradient descent keeps lowering the loss towards 0 without arriving.
  const TrainingRun r = train_logistic(ClassifierLoss::CrossEntropy, d, {0, 0}, 1, 200);
  CHECK(r.losses.back() < r.losses[100]);
  CHECK(r.losses.back() > 0);
}
