// toolkit-timeline: the timeline verb (web/plot/timeline.hpp) as a reference for figure authors:
// Play/Pause, Step, Rewind and a speed bound to the figure's step parameter (so the step is in the
// URL), Escape stops Play, reduced motion is honoured. What it animates: a vector multiplied by
// A = s·R(θ) again and again, a turn and a shrink each step, so its tip spirals in (s < 1), keeps
// to a circle (s = 1) or spirals out; Play stops by itself where the next step would leave the view.
// Page: toolkit.html (generated) · Test: tests/figures/test_toolkit_timeline.cpp.
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr std::int64_t kMaxSteps = 120;
constexpr double kView = 2.4;  // the plot shows [−2.4, 2.4]²
const Vec2 kStart(2, 0);

class ToolkitTimeline final : public Figure {
 public:
  ToolkitTimeline()
      : step_(params_.add_int("step", 24, 0, kMaxSteps, "how many times A has been applied")),  // one turn
        turn_(params_.add_float("turn", 15, 0, 90, "the angle \u03b8 A turns by, in degrees")),
        shrink_(params_.add_float("shrink", 0.97, 0.8, 1.1, "the factor s A scales by")) {}

  void frame(const FrameContext& context) override {
    const plot::Theme& t = plot::current_theme();
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 260);
    const std::vector<Vec2> path = walk(params_.get(step_));
    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##walk", layout.plot_size, plot::PlotFlags_EqualAspect)) {
      plot::setup_axes({-kView, kView}, {-kView, kView});
      plot::parametric([](double a) { return Vec2(2 * std::cos(a), 2 * std::sin(a)); }, 0, 2 * std::numbers::pi,
                       t.grid_strong, 1, plot::kDashed);
      plot::polyline(path, plot::with_alpha(t.second, 170), 1.5f);
      for (const Vec2& p : path) plot::point(p, plot::with_alpha(t.second, 170), 2.5f);
      plot::arrow({0, 0}, path.back(), t.first, path.size() == 1 ? "x\u2080" : "x\u2096");
      plot::end_plot();
    }
    plot::begin_panel(layout);
    plot::heading("x\u2096\u208a\u2081 = A x\u2096, A = s\u00b7R(\u03b8)");
    plot::note(status().c_str());
    timeline_.controls();
    double turn = params_.get(turn_), shrink = params_.get(shrink_);
    if (plot::slider("turn \u03b8 (degrees)", &turn, 0, 90, "%.0f")) params_.set(turn_, std::round(turn));
    if (plot::slider("shrink s", &shrink, 0.8, 1.1, "%.2f")) params_.set(shrink_, std::round(shrink * 100) / 100);
    plot::note("Play runs the steps; Escape stops it. Step and Rewind move one step or back to the start.");
    plot::end_panel();
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }
  std::string describe() const override { return "A vector turned and scaled again and again: " + status(); }

 private:
  // x₀ … x_k: each the one before turned by θ and scaled by s.
  std::vector<Vec2> walk(std::int64_t k) const {
    const double a = params_.get(turn_) * std::numbers::pi / 180, s = params_.get(shrink_);
    Mat2 m;
    m << s * std::cos(a), -s * std::sin(a), s * std::sin(a), s * std::cos(a);
    std::vector<Vec2> path = {kStart};
    for (std::int64_t i = 0; i < k; ++i) path.push_back(m * path.back());
    return path;
  }
  // Play stops where the next tip would leave the view (s > 1) or has shrunk to nothing.
  bool can_step(std::int64_t k) const {
    const double length = kStart.norm() * std::pow(params_.get(shrink_), double(k + 1));
    return length < kView && length > 0.02;
  }
  std::string status() const {
    const std::int64_t k = params_.get(step_);
    return "after " + std::to_string(k) + (k == 1 ? " step" : " steps") + " x has turned " +
           format_number(double(k) * params_.get(turn_)) + "\u00b0 and its length is " +
           format_number(walk(k).back().norm()) + ".";
  }

  Param<std::int64_t> step_;
  Param<double> turn_;
  Param<double> shrink_;
  plot::Timeline timeline_{params_, step_,
                           {.steps_per_second = 8, .can_step = [this](std::int64_t k) { return can_step(k); }}};
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_timeline, "toolkit-timeline", "Toolkit: the timeline",
           "Play, Step, Rewind and a speed bound to a step parameter, animating a vector turned and "
           "scaled again and again.",
           1.5f, 0.8f, ToolkitTimeline)
