#pragma once
// The derivative as speed: the average speed over [t, t + h] is the secant slope
// (s(t + h) − s(t)) / h, and as h shrinks it settles on the instantaneous speed s'(t), the
// tangent's slope. For smooth s the gap shrinks like h (Taylor: the secant slope is
// s'(t) + s''(t)·h/2 + …), which is what a figure shows as the secant turns into the tangent.
// Undefined readings (a pole, a square root of a negative number, a vertical tangent) are
// reported as such, never as NaN or inf for a reader to see.
#include "core/descent_1d.hpp"  // DualFunction

namespace mml {

struct SpeedReading {
  double position = 0;   // s(t)
  double later = 0;      // s(t + h)
  double secant = 0;     // (s(t + h) − s(t)) / h: the average speed over [t, t + h]
  double exact = 0;      // s'(t), exact from dual numbers: the instantaneous speed
  double gap = 0;        // secant − exact
  bool position_defined = false, later_defined = false;
  bool secant_defined = false, exact_defined = false;
  bool gap_defined() const { return secant_defined && exact_defined; }  // gap is 0 otherwise
};

// h is clamped to be nonzero (at least 1e-12 in size) so the quotient always means something.
SpeedReading read_speed(DualFunction s, double t, double h);

// (s(t + h) − s(t)) / h from plain values: the average rate of change over [t, t + h].
double secant_slope(double s_t, double s_t_plus_h, double h);

}  // namespace mml
