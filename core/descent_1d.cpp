#include "core/descent_1d.hpp"

#include <algorithm>
#include <cmath>

namespace mml {
namespace {

DescentPoint evaluate(DualFunction f, double x) {
  const Dual d = f(x);
  return {x, d.v, d.d};
}

// Why the walk cannot go on from this point, if it cannot.
DescentOutcome stop_reason(const DescentPoint& p, const DescentOptions& o) {
  if (!std::isfinite(p.x) || p.x < o.lower || p.x > o.upper) return DescentOutcome::Diverged;
  if (!std::isfinite(p.loss) || !std::isfinite(p.slope)) return DescentOutcome::Undefined;
  if (std::abs(p.slope) < o.tolerance) return DescentOutcome::Converged;
  return DescentOutcome::Running;
}

}  // namespace

DescentRun gradient_descent_1d(DualFunction f, double x0, const DescentOptions& options) {
  DescentRun run;
  // NaN settings would make every comparison false; treat them as "no steps" rather than spin.
  const int steps = std::clamp(options.steps, 0, kMaxDescentSteps);
  const double eta = std::isfinite(options.learning_rate) ? options.learning_rate : 0;
  run.points.reserve(std::size_t(steps) + 1);
  run.points.push_back(evaluate(f, x0));
  run.outcome = stop_reason(run.points.back(), options);
  for (int k = 0; k < steps && run.outcome == DescentOutcome::Running; ++k) {
    const DescentPoint& p = run.points.back();
    run.points.push_back(evaluate(f, p.x - eta * p.slope));  // x_{k+1} = x_k − η f'(x_k)
    run.outcome = stop_reason(run.points.back(), options);
  }
  return run;
}

bool oscillating(const DescentRun& run, int window) {
  const int n = run.steps();
  if (window < 2 || n < window) return false;
  const auto& p = run.points;
  for (int k = n - window + 1; k <= n - 1; ++k) {
    const double before = p[std::size_t(k)].x - p[std::size_t(k - 1)].x;
    const double after = p[std::size_t(k + 1)].x - p[std::size_t(k)].x;
    if (!(before * after < 0)) return false;
  }
  return true;
}

const char* outcome_name(DescentOutcome outcome) {
  switch (outcome) {
    case DescentOutcome::Converged: return "converged";
    case DescentOutcome::Diverged: return "diverged";
    case DescentOutcome::Undefined: return "undefined";
    case DescentOutcome::Running: break;
  }
  return "running";
}

}  // namespace mml
