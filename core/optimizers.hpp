#pragma once
// Optimizers on a two-variable loss, each returning its whole history so a figure can replay it
// step by step and a test can assert on every iterate. The update rules (θ the parameters,
// g = ∇f(θ), k = 1, 2, … the step):
//   gradient descent   θ ← θ − η·g
//   momentum           v ← β·v + g,  θ ← θ − η·v            (heavy ball, Polyak 1964; v₀ = 0)
//   Adam               m ← β₁m + (1−β₁)g,  s ← β₂s + (1−β₂)g²,  m̂ = m/(1−β₁ᵏ),  ŝ = s/(1−β₂ᵏ),
//                      θ ← θ − α·m̂/(√ŝ + ε)               (Kingma & Ba 2015, Algorithm 1)
//   Newton             θ ← θ − H⁻¹g, H the exact Hessian; or with |H| (the Hessian's eigenvalues
//                      replaced by their absolute values), which turns steps towards a saddle
//                      into steps away from it ("saddle-free Newton", Dauphin et al. 2014).
#include <vector>

#include "core/test_functions.hpp"

namespace mml {

enum class Optimizer { GradientDescent, Momentum, Adam, Newton };
enum class NewtonHessian { Exact, AbsoluteEigenvalues };

struct OptimizerSettings {
  double learning_rate = 1e-3;  // η for gradient descent and momentum
  double momentum = 0.9;        // β
  double adam_rate = 0.1;       // α: Adam's step is about α per coordinate, whatever |g| is
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
  NewtonHessian newton = NewtonHessian::Exact;
  int max_steps = 500;
  double gradient_tolerance = 1e-10;  // ‖g‖ below this: converged, stop
  double escape_radius = 1e6;         // ‖θ‖ beyond this (or a non-finite value): diverged, stop
};

enum class RunEnd { StepLimit, Converged, Diverged, SingularHessian };

struct OptimizerRun {
  std::vector<Vec2> path;       // θ₀ (the start), θ₁, …: one entry per step taken, plus the start
  std::vector<double> losses;   // f(θₖ) for each entry of path
  RunEnd end = RunEnd::StepLimit;
  int steps() const { return int(path.size()) - 1; }
};

OptimizerRun run_optimizer(Optimizer method, const Landscape& loss, const Vec2& start,
                           const OptimizerSettings& settings);

// The Newton direction −H⁻¹g (or −|H|⁻¹g); false when H is (nearly) singular.
bool newton_step(const Mat2& hessian, const Vec2& gradient, NewtonHessian mode, Vec2* step);

const char* optimizer_name(Optimizer method);

}  // namespace mml
