#include "core/logistic_regression.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

double sigmoid(double z) {
  // e^−|z| never overflows; for z < 0, σ(z) = e^z / (1 + e^z).
  const double e = std::exp(-std::abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))); }

double point_loss(ClassifierLoss loss, double z, int label) {
  if (loss == ClassifierLoss::CrossEntropy) return softplus(z) - (label == 1 ? z : 0.0);
  const double r = sigmoid(z) - label;
  return r * r;
}

double point_loss_slope(ClassifierLoss loss, double z, int label) {
  const double p = sigmoid(z);
  if (loss == ClassifierLoss::CrossEntropy) return p - label;
  return 2 * (p - label) * p * (1 - p);
}

double positive_loss(ClassifierLoss loss, double p) {
  if (loss == ClassifierLoss::CrossEntropy) return -std::log(p);
  return (1 - p) * (1 - p);
}

double positive_loss_slope(ClassifierLoss loss, double p) {
  if (loss == ClassifierLoss::CrossEntropy) return p - 1;
  return -2 * p * (1 - p) * (1 - p);
}

double predict(const Vec2& w, const Vec2& x) { return sigmoid(w.dot(x)); }

double true_class_probability(const Vec2& w, const Vec2& x, int label) {
  return label == 1 ? sigmoid(w.dot(x)) : sigmoid(-w.dot(x));  // 1 − σ(z) = σ(−z), exact for large z
}

double mean_loss(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w) {
  const std::size_t n = data.points.size();
  if (n == 0) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += point_loss(loss, w.dot(data.points[i]), data.labels[i]);
  return sum / double(n);
}

Vec2 loss_gradient(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w) {
  const std::size_t n = data.points.size();
  Vec2 g = Vec2::Zero();
  if (n == 0) return g;
  for (std::size_t i = 0; i < n; ++i)
    g += point_loss_slope(loss, w.dot(data.points[i]), data.labels[i]) * data.points[i];
  return g / double(n);
}

Mat2 loss_hessian(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w) {
  const std::size_t n = data.points.size();
  Mat2 h = Mat2::Zero();
  if (n == 0) return h;
  for (std::size_t i = 0; i < n; ++i) {
    const Vec2& x = data.points[i];
    const double p = sigmoid(w.dot(x)), s = p * (1 - p);
    const double curvature =
        loss == ClassifierLoss::CrossEntropy ? s : 2 * s * (s + (p - data.labels[i]) * (1 - 2 * p));
    h += curvature * x * x.transpose();
  }
  return h / double(n);
}

int misclassified(const LabeledPoints& data, const Vec2& w) {
  int wrong = 0;
  for (std::size_t i = 0; i < data.points.size(); ++i) {
    const bool says_one = w.dot(data.points[i]) >= 0;  // p ≥ ½ exactly when z ≥ 0
    wrong += says_one != (data.labels[i] == 1);
  }
  return wrong;
}

TrainingRun train_logistic(ClassifierLoss loss, const LabeledPoints& data, const Vec2& start,
                           double learning_rate, int steps) {
  TrainingRun run;
  run.path.reserve(std::size_t(std::max(steps, 0)) + 1);
  run.losses.reserve(run.path.capacity());
  run.path.push_back(start);
  run.losses.push_back(mean_loss(loss, data, start));
  Vec2 w = start;
  for (int k = 0; k < steps; ++k) {
    w -= learning_rate * loss_gradient(loss, data, w);
    const double f = mean_loss(loss, data, w);
    if (!w.allFinite() || !std::isfinite(f)) break;
    run.path.push_back(w);
    run.losses.push_back(f);
  }
  return run;
}

double descent_progress(const TrainingRun& run, double minimum, int k) {
  if (run.losses.empty()) return 0;
  const double first = run.losses.front(), drop = first - minimum;
  if (!(drop > 1e-12)) return 1;
  return (first - run.losses[std::size_t(std::clamp(k, 0, run.steps()))]) / drop;
}

LossMinimum minimize_loss(ClassifierLoss loss, const LabeledPoints& data, const Vec2& start, double limit) {
  LossMinimum m;
  Vec2 w = start;
  double f = mean_loss(loss, data, w);
  bool converged = false;
  for (int iteration = 0; iteration < 200 && !converged; ++iteration) {
    const Vec2 g = loss_gradient(loss, data, w);
    // Newton's direction where the Hessian is positive definite, steepest descent elsewhere.
    // H = [a b; b c] is positive definite when a > 0 and det H > 0 (Cholesky's two pivots a and
    // det/a positive); then −H⁻¹g = −[c −b; −b a]·g / det, in closed form (Eigen's LLT, generic
    // over sizes, cost this figure's module 2 KB).
    const Mat2 h = loss_hessian(loss, data, w);
    const double det = h(0, 0) * h(1, 1) - h(1, 0) * h(1, 0);
    Vec2 direction = -g;
    bool newton = false;
    if (h(0, 0) > 0 && det > 0) {
      const Vec2 d = -Vec2(h(1, 1) * g.x() - h(1, 0) * g.y(), h(0, 0) * g.y() - h(1, 0) * g.x()) / det;
      if (d.allFinite() && d.dot(g) <= 0) direction = d, newton = true;
    }
    // Converged when Newton's step is negligible next to w. (A vanishing gradient alone is not
    // enough: on separable data cross-entropy's gradient underflows while Newton's steps stay long.)
    if ((newton && direction.norm() <= 1e-10 * (1 + w.norm())) || g.isZero(0)) {
      converged = true;
      break;
    }
    // At most a step as long as w itself (plus 2): where the Hessian is nearly 0 (every point
    // saturated), Newton's step would leap far past where its quadratic model holds.
    const double cap = 2 + w.norm();
    if (direction.norm() > cap) direction *= cap / direction.norm();
    // Backtracking (Armijo): halve the step until the loss drops by a fair share of the slope.
    const double slope = g.dot(direction);
    double t = 1;
    Vec2 next = w + direction;
    double f_next = mean_loss(loss, data, next);
    while (!(f_next <= f + 1e-4 * t * slope) && t > 1e-12) {
      t /= 2;
      next = w + t * direction;
      f_next = mean_loss(loss, data, next);
    }
    if (t <= 1e-12) {  // no decrease left at double precision: converged only if Newton's step is tiny
      converged = newton && direction.norm() <= 1e-6 * (1 + w.norm());
      break;
    }
    w = next;
    f = f_next;
    if (!w.allFinite()) break;
  }
  m.w = w;
  m.loss = f;
  m.ok = converged && w.allFinite() && w.norm() <= limit;
  return m;
}

const char* loss_name(ClassifierLoss loss) {
  return loss == ClassifierLoss::CrossEntropy ? "cross-entropy" : "squared error";
}

}  // namespace mml
