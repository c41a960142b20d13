#include "core/optimizers.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

bool newton_step(const Mat2& hessian, const Vec2& gradient, NewtonHessian mode, Vec2* step) {
  // H is symmetric: H = Q·diag(λ)·Qᵀ, so H⁻¹g = Q·diag(1/λ)·Qᵀg, and |H| swaps λ for |λ|. In closed
  // form for 2×2 (a small fixed formula instead of an iterative eigensolver): with H = [a b; b c],
  // h = (a − c)/2, λ = m ± r, m = (a + c)/2, r = √(h² + b²). The eigenvalue of larger magnitude
  // comes from m ± r, the other from det H = λ₁λ₂, so a nearly singular H keeps its small
  // eigenvalue's digits. m + r's eigenvector solves (H − (m + r)I)v = 0: v = (r + h, b) or, the
  // same direction, (b, r − h); the one with no cancellation (h ≥ 0: the first); H = mI: any v.
  const double a = hessian(0, 0), b = 0.5 * (hessian(0, 1) + hessian(1, 0)), c = hessian(1, 1);
  const double m = 0.5 * (a + c), h = 0.5 * (a - c), r = std::hypot(h, b);
  const double big = m >= 0 ? m + r : m - r;
  const double small = big != 0 ? (a * c - b * b) / big : 0;
  Vec2 lambda = m >= 0 ? Vec2(big, small) : Vec2(small, big);  // (m + r, m − r)
  if (mode == NewtonHessian::AbsoluteEigenvalues) lambda = lambda.cwiseAbs();
  const double scale = std::max(1.0, hessian.cwiseAbs().maxCoeff());
  if (lambda.cwiseAbs().minCoeff() < 1e-12 * scale) return false;
  Vec2 v = r == 0 ? Vec2(1, 0) : h >= 0 ? Vec2(r + h, b) : Vec2(b, r - h);
  v.normalize();
  Mat2 q;  // columns: the eigenvectors of m + r and m − r
  q << v.x(), -v.y(), v.y(), v.x();
  *step = -(q * (q.transpose() * gradient).cwiseQuotient(lambda));
  return true;
}

OptimizerRun run_optimizer(Optimizer method, const Landscape& loss, const Vec2& start,
                           const OptimizerSettings& s) {
  OptimizerRun run;
  run.path.reserve(std::size_t(s.max_steps) + 1);
  run.losses.reserve(std::size_t(s.max_steps) + 1);
  Vec2 theta = start, v = Vec2::Zero(), m = Vec2::Zero(), second = Vec2::Zero();
  run.path.push_back(theta);
  run.losses.push_back(loss.value(theta));
  for (int k = 1; k <= s.max_steps; ++k) {
    const Vec2 g = loss.gradient(theta);
    if (g.norm() < s.gradient_tolerance) {
      run.end = RunEnd::Converged;
      return run;
    }
    switch (method) {
      case Optimizer::GradientDescent: theta -= s.learning_rate * g; break;
      case Optimizer::Momentum:
        v = s.momentum * v + g;
        theta -= s.learning_rate * v;
        break;
      case Optimizer::Adam: {
        m = s.beta1 * m + (1 - s.beta1) * g;
        second = s.beta2 * second + (1 - s.beta2) * g.cwiseProduct(g);
        const Vec2 m_hat = m / (1 - std::pow(s.beta1, k));
        const Vec2 s_hat = second / (1 - std::pow(s.beta2, k));
        theta -= s.adam_rate * m_hat.cwiseQuotient((s_hat.cwiseSqrt().array() + s.epsilon).matrix());
        break;
      }
      case Optimizer::Newton: {
        Vec2 step;
        if (!newton_step(loss.hessian(theta), g, s.newton, &step)) {
          run.end = RunEnd::SingularHessian;
          return run;
        }
        theta += step;
        break;
      }
    }
    const double f = loss.value(theta);
    if (!std::isfinite(f) || !theta.allFinite() || theta.norm() > s.escape_radius) {
      run.end = RunEnd::Diverged;  // the last entry is the last finite, in-range iterate
      return run;
    }
    run.path.push_back(theta);
    run.losses.push_back(f);
  }
  return run;
}

const char* optimizer_name(Optimizer method) {
  switch (method) {
    case Optimizer::GradientDescent: return "gradient descent";
    case Optimizer::Momentum: return "momentum";
    case Optimizer::Adam: return "Adam";
    case Optimizer::Newton: return "Newton";
  }
  return "";
}

}  // namespace mml
