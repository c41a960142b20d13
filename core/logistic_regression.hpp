#pragma once
// Logistic regression in the plane, trained with two different losses. The model turns a point x
// into a probability through a score z = w·x and the sigmoid:
//   p = σ(z) = 1 / (1 + e^−z)        (no bias: the boundary p = ½ is the line w·x = 0)
// and a labelled point (x, y), y ∈ {0, 1}, costs either
//   cross-entropy   −y·ln p − (1−y)·ln(1−p)  = ln(1 + e^z) − y·z
//   squared error   (p − y)²
// The loss over the data is the mean over the points. Their pushes on the score differ:
//   ∂/∂z cross-entropy = p − y                      (never small while the point is wrong)
//   ∂/∂z squared error = 2(p − y)·p(1 − p)          (σ' = p(1−p) vanishes when p is near 0 or 1)
// so the gradients over w are the mean of (that)·x, and the Hessians the mean of (its z-derivative)·x xᵀ:
//   cross-entropy   p(1−p)
//   squared error   2p(1−p)·[p(1−p) + (p − y)(1 − 2p)]
#include <span>
#include <vector>

#include "core/datasets.hpp"

namespace mml {

enum class ClassifierLoss { CrossEntropy, SquaredError };

// σ(z), computed without overflow for large |z|.
double sigmoid(double z);
// ln(1 + e^z), without overflow (it is ≈ z for large z).
double softplus(double z);

// One point's loss and its derivative with respect to the score z, given the score and the label.
double point_loss(ClassifierLoss loss, double z, int label);
double point_loss_slope(ClassifierLoss loss, double z, int label);
// The same for a point of label 1 in terms of the probability p it is given (p in [0, 1]):
// −ln p and (1 − p)², and their score derivatives p − 1 and −2p(1 − p)².
double positive_loss(ClassifierLoss loss, double p);
double positive_loss_slope(ClassifierLoss loss, double p);

// The model's probability of class 1 at x.
double predict(const Vec2& w, const Vec2& x);
// The probability the model gives x's own label: σ(w·x) for label 1, 1 − σ(w·x) for label 0.
double true_class_probability(const Vec2& w, const Vec2& x, int label);

// Mean loss over the points, its gradient and Hessian with respect to w.
double mean_loss(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w);
Vec2 loss_gradient(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w);
Mat2 loss_hessian(ClassifierLoss loss, const LabeledPoints& data, const Vec2& w);

// How many points sit on the wrong side of the boundary (p ≥ ½ for label 0, p < ½ for label 1).
int misclassified(const LabeledPoints& data, const Vec2& w);

// Gradient descent w ← w − η·∇L from `start`: every iterate (start first) with its loss; it stops
// early only if the loss or w stops being finite.
struct TrainingRun {
  std::vector<Vec2> path;
  std::vector<double> losses;
  int steps() const { return int(path.size()) - 1; }
};
TrainingRun train_logistic(ClassifierLoss loss, const LabeledPoints& data, const Vec2& start,
                           double learning_rate, int steps);
// How far down a run has come after k steps (k past its end: its last step), as a share of the
// way from its start to `minimum`: (L₀ − L_k) / (L₀ − L*); 1 when the start is already at the
// minimum (within 1e-12). Not clamped: a run that overshoots a local minimum's level passes 1.
double descent_progress(const TrainingRun& run, double minimum, int k);

// The loss's minimum near `start`, by Newton's method with a backtracking line search (plain
// gradient steps where the Hessian is not positive definite, as squared error's can be).
// ok is false when it did not converge within 200 steps or ended beyond |w| > limit: cross-entropy
// has no minimum when a line through the origin separates the classes (w runs off to infinity),
// and squared error can flatten out towards infinity too.
struct LossMinimum {
  Vec2 w = Vec2::Zero();
  double loss = 0;
  bool ok = false;
};
LossMinimum minimize_loss(ClassifierLoss loss, const LabeledPoints& data, const Vec2& start,
                          double limit = 100);

const char* loss_name(ClassifierLoss loss);  // "cross-entropy", "squared error"

}  // namespace mml
