#pragma once
// Gradient descent in one variable: walking downhill on a loss curve f(x).
// Each step reads the slope f'(x_k) (the speed at which the loss changes as x moves) and steps
// against it, x_{k+1} = x_k − η f'(x_k): downhill when the slope is positive means left, and the
// steeper the curve, the longer the step. The whole history is returned, so a figure can replay
// it and a test can check it step by step.
// The run stops by itself when the slope is flat (converged), when x leaves the allowed interval
// (diverged: the steps overshoot more each time), or when f or f' is undefined (NaN, ±inf);
// otherwise after a fixed number of steps. Inputs are clamped, so nothing untrusted can make it
// run long or allocate without bound.
#include "core/function_ref.hpp"
#include <vector>

#include "core/dual.hpp"

namespace mml {

inline constexpr int kMaxDescentSteps = 200;  // hard cap on any run, whatever is asked

struct DescentOptions {
  double learning_rate = 0.1;   // η
  int steps = 50;               // how many steps to take at most (clamped to [0, kMaxDescentSteps])
  double tolerance = 1e-8;      // |f'(x)| below this: the curve is flat, stop
  double lower = -1e6, upper = 1e6;  // leaving [lower, upper] counts as diverging
};

enum class DescentOutcome {
  Running,    // took all the steps asked for; neither flat nor gone
  Converged,  // |f'(x_k)| < tolerance at the last point
  Diverged,   // the last point left [lower, upper]
  Undefined,  // f or f' is NaN or infinite at the last point
};

// One point of the walk: x_k, the loss f(x_k) and the slope f'(x_k) there.
struct DescentPoint {
  double x = 0, loss = 0, slope = 0;
};

struct DescentRun {
  std::vector<DescentPoint> points;  // x_0 … x_n: one more point than steps taken
  DescentOutcome outcome = DescentOutcome::Running;
  int steps() const { return int(points.size()) - 1; }
};

// f gives the value and derivative at x (a dual number, so f' is exact, not a finite difference).
using DualFunction = FunctionRef<Dual(double)>;

DescentRun gradient_descent_1d(DualFunction f, double x0, const DescentOptions& options);

// True when the last `window` steps alternate direction (x overshoots the bottom each time):
// the learning rate is larger than the curve's bend allows for a smooth walk.
bool oscillating(const DescentRun& run, int window = 4);

// "converged", "diverged", "undefined" or "running".
const char* outcome_name(DescentOutcome outcome);

}  // namespace mml
