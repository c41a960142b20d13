#include "core/secant.hpp"

#include <cmath>

namespace mml {

double secant_slope(double s_t, double s_t_plus_h, double h) { return (s_t_plus_h - s_t) / h; }

SpeedReading read_speed(DualFunction s, double t, double h) {
  constexpr double kSmallest = 1e-12;
  if (!(std::abs(h) >= kSmallest)) h = std::signbit(h) ? -kSmallest : kSmallest;  // also NaN
  const Dual here = s(t);
  SpeedReading r;
  r.position = here.v;
  r.later = s(t + h).v;
  r.exact = here.d;
  r.position_defined = std::isfinite(r.position);
  r.later_defined = std::isfinite(r.later);
  r.exact_defined = r.position_defined && std::isfinite(r.exact);
  r.secant = secant_slope(r.position, r.later, h);
  r.secant_defined = r.position_defined && r.later_defined && std::isfinite(r.secant);
  r.gap = r.secant - r.exact;
  if (!r.secant_defined || !r.exact_defined) r.gap = 0;
  return r;
}

}  // namespace mml
