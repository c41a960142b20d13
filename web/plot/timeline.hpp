#pragma once
// The timeline: Play/Pause, Step, Rewind and a speed for figures that evolve (an optimizer's
// steps, an animation), bound to the figure's step parameter so every figure that animates behaves
// the same. The parameter holds where the figure is (it is in the URL); the timeline holds only
// whether it plays and how fast. Each frame the figure calls advance() before it draws and
// controls() where the buttons go in its panel; its animating() returns playing().
// - Play runs at steps_per_second × speed and stops by itself at the end (the last step, or where
//   can_step says the next step shows nothing new). Play at the end starts over from 0.
// - Escape stops it while the figure has keyboard focus.
// - Under reduced motion nothing starts by itself; Play still works, one whole step at a time at
//   a calm pace (never faster than kCalmStepsPerSecond).
#include <cstdint>
#include <limits>

#include "core/function_ref.hpp"
#include "core/params.hpp"

namespace mml::plot {

inline constexpr double kCalmStepsPerSecond = 2;  // Play's fastest pace under reduced motion

struct TimelineOptions {
  double steps_per_second = 12;  // Play's pace at speed ×1
  // The last step (also capped by the parameter's maximum): Play stops and Step is disabled there.
  double end = std::numeric_limits<double>::infinity();
  // Optional: false when the step after `step` would show nothing new (a walk that converged or
  // left the view); Play stops and Step is disabled there too. A small callable (a lambda that
  // captures `this`), kept by value.
  SmallFunction<bool(std::int64_t step)> can_step = nullptr;
  bool restart_at_end = true;  // Play pressed at the end rewinds to 0 first (false: it does nothing)
};

class Timeline {
 public:
  // Whole steps: Step adds one, Play adds steps_per_second × speed a second.
  Timeline(ParamSet& params, Param<std::int64_t> step, TimelineOptions options = {});
  // A continuous position whose whole numbers are the stages (0, 1, 2 …): Play moves it smoothly,
  // Step goes to the next whole number.
  Timeline(ParamSet& params, Param<double> position, TimelineOptions options = {});

  // Once a frame, before the figure draws: moves the parameter while playing, stops at the end or
  // on Escape. Returns true when it changed the parameter.
  bool advance(double dt, bool reduced_motion);
  // The panel row: Play/Pause, Step, Rewind, the speed (×0.5 … ×4) and the step count. Returns
  // true when the reader changed the parameter.
  bool controls();

  bool playing() const { return playing_; }  // for the figure's animating()
  // Stops playing (the toolbar's Reset, or the reader grabbed something the run depends on).
  void stop();
  // The same as the buttons, for figures and tests.
  void play();
  void step();
  void rewind();

  double speed() const;
  void set_speed(double speed);  // picks the nearest of ×0.5, ×1, ×2, ×4
  double position() const;       // the parameter's value
  bool at_end() const;
  TimelineOptions& options() { return options_; }  // figures whose pace or end moves update it
  const TimelineOptions& options() const { return options_; }

 private:
  double end() const;
  void set_position(double p);

  ParamSet* params_;
  Param<std::int64_t> step_{};
  Param<double> position_{};
  bool continuous_ = false;
  TimelineOptions options_;
  bool playing_ = false;
  double accumulator_ = 0;  // steps due but not yet taken while playing
  int speed_index_ = 1;     // into kSpeeds (timeline.cpp): ×1
};

}  // namespace mml::plot
