// gradient-descent-1d: training is walking downhill on the loss.
// A loss curve f(x) over one parameter x. Each step reads the slope f'(x_k) (the tangent) and
// moves against it, x_{k+1} = x_k − η f'(x_k): the reader sees the tangent, the walk along it and
// where it lands on the curve. The learning rate η alone turns a slow crawl into a good walk, a
// walk that overshoots the bottom each time, or one that overshoots further and further away.
// Step, Play and Reset replay the run; a mini plot shows the loss per step.
// Page: chapters/gradient-descent.md · Math: core/descent_1d.hpp, core/expression.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/descent_1d.hpp"
#include "core/expression.hpp"
#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr double kEtaMin = 0.001, kEtaMax = 1.5;
constexpr double kStartLimit = 5;
constexpr plot::Range kTypedView = {-3, 3};

struct Preset {
  const char* label;
  const char* text;
  double start;
  plot::Range x, y;
};
// Each example frames its own curve; a shared y scale keeps the narrow valley looking narrow.
constexpr std::array kPresets = {
    Preset{"Bowl: x\u00b2", "x^2", 2.5, {-3, 3}, {-1, 9.5}},
    Preset{"Tilted double well", "x^4 - 3x^2 + x", 2, {-2.2, 2.2}, {-4.5, 9}},
    Preset{"Narrow valley: 4x\u00b2", "4x^2", 1, {-3, 3}, {-1, 9.5}},
    Preset{"Kink: |x|", "abs(x)", 2.5, {-3, 3}, {-0.5, 3.5}},
    Preset{"Bumpy: sin(3x) + x\u00b2/2", "sin(3x) + x^2/2", 2.5, {-3, 3}, {-1.8, 5.8}},
};


class GradientDescent1d final : public Figure {
 public:
  GradientDescent1d()
      : f_(params_.add_string("f", kPresets[0].text, 200, "the loss f(x), a formula in x such as x^4 - 3x^2 + x")),
        eta_(params_.add_float("eta", 0.2, kEtaMin, kEtaMax, "the learning rate \u03b7: each step is \u2212\u03b7 f'(x)")),
        x0_(params_.add_float("x0", kPresets[0].start, -kStartLimit, kStartLimit, "where the walk starts")),
        steps_(params_.add_int("steps", 3, 0, kMaxDescentSteps, "how many steps have been taken")) {}

  void frame(const FrameContext& context) override {
    const DescentRun before = run();
    // Play adds steps at a readable pace, then faster once the walk has settled into its pattern.
    timeline_.options().steps_per_second = before.steps() < 10 ? 3.0 : 12.0;
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 280, 300);
    const float main_h = std::floor(layout.plot_size.y * 0.7f);
    const DescentRun r = run();
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_curve(r, {layout.plot_size.x, main_h});
    ImGui::SetCursorScreenPos({layout.plot_min.x, layout.plot_min.y + main_h});
    draw_losses(r, {layout.plot_size.x, layout.plot_size.y - main_h});
    draw_panel(layout, run());
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  // The walk: each x_k, the loss and slope read there, and the step that slope asks for.
  std::string csv() const override {
    const DescentRun r = run();
    const double eta = params_.get(eta_);
    CsvTable table({"step k", "x_k", "f(x_k)", "f'(x_k)", "next step -eta f'(x_k)"});
    for (std::size_t k = 0; k < r.points.size(); ++k) {
      const DescentPoint& p = r.points[k];
      table.row({k, p.x, p.loss, p.slope, -eta * p.slope});
    }
    return table.text();
  }

  std::string describe() const override {
    const DescentRun r = run();
    const DescentPoint& p = r.points.back();
    std::string s = "Gradient descent on f(x) = " + function_.good.to_text() + " from x\u2080 = " +
                    format_number_math(r.points.front().x) + " with learning rate \u03b7 = " + format_number_math(params_.get(eta_)) + ": ";
    s += r.steps() == 0 ? std::string("no steps yet, ")
                        : "after " + std::to_string(r.steps()) + (r.steps() == 1 ? " step " : " steps ");
    s += "x = " + format_number_math(p.x) + ", f(x) = " + (std::isfinite(p.loss) ? format_number_math(p.loss) : std::string("undefined")) +
         ", f'(x) = " + (std::isfinite(p.slope) ? format_number_math(p.slope) : std::string("undefined")) + "; " + status(r) + ".";
    if (!function_.error.empty()) s += " The typed formula has an error: " + function_.error + ".";
    return s;
  }

 private:
  // Which example the formula is, if it is one: it decides the view.
  std::optional<Preset> preset() const {
    for (const Preset& p : kPresets)
      if (params_.get(f_) == p.text) return p;
    return std::nullopt;
  }
  plot::Range view_x() const { return preset() ? preset()->x : kTypedView; }
  plot::Range view_y() const {
    if (preset()) return preset()->y;
    fit_typed_view();
    return typed_y_;
  }

  // The walk for the current parameters; it stops by itself when it leaves the view.
  DescentRun run() const {
    function_.update(params_.get(f_));
    DescentOptions o;
    o.learning_rate = params_.get(eta_);
    o.steps = int(params_.get(steps_));
    o.lower = view_x().min;
    o.upper = view_x().max;
    const Expression& e = function_.good;
    return gradient_descent_1d([&e](double x) { return e.derivative(x); }, start(), o);
  }
  double start() const { return std::clamp(params_.get(x0_), view_x().min, view_x().max); }

  static bool can_step(const DescentRun& r) {
    return r.outcome == DescentOutcome::Running && r.steps() < kMaxDescentSteps;
  }

  std::string status(const DescentRun& r) const {
    switch (r.outcome) {
      case DescentOutcome::Converged:
        return "converged: the slope is flat (|f'| < 10\u207b\u2078)";
      case DescentOutcome::Diverged:
        return "diverged: each step overshot further, out of view";
      case DescentOutcome::Undefined:
        return "stopped: f or f' is undefined at x = " + format_number_math(r.points.back().x);
      case DescentOutcome::Running: break;
    }
    if (oscillating(r)) {
      // Bouncing across the valley: inward when the loss still falls, outward when it climbs.
      const auto& p = r.points;
      const bool climbing = p[p.size() - 1].loss > p[p.size() - 2].loss && p[p.size() - 2].loss > p[p.size() - 3].loss;
      return climbing ? "diverging: every step jumps over the bottom and lands higher"
                      : "oscillating: every step jumps over the bottom";
    }
    if (r.steps() >= kMaxDescentSteps) return "stopped after " + std::to_string(kMaxDescentSteps) + " steps";
    return "walking downhill";
  }

  void fit_typed_view() const {
    if (typed_version_ == function_.version) return;
    typed_version_ = function_.version;
    const Expression& e = function_.good;
    const plot::Range y = plot::framing_range([&e](double x) { return e.eval(x); }, kTypedView);
    typed_y_ = {y.min - 0.1 * y.size(), y.max + 0.1 * y.size()};
  }

  void draw_curve(const DescentRun& r, ImVec2 size) {
    const plot::Theme& th = plot::current_theme();
    if (!plot::begin_plot("##loss-curve", size)) return;
    const plot::Range vx = view_x(), vy = view_y();
    plot::setup_axes(vx, vy);
    const Expression& e = function_.good;
    plot::curve([&e](double x) { return e.eval(x); }, th.third, 2.5f);
    const auto& pts = r.points;
    const int n = r.steps();
    // Each step reads the tangent at x_k and jumps along it to x_{k+1}; older steps fade, so the
    // latest stands out, and the current point shows the tangent the next step will read.
    constexpr float kFade = 25 / 255.f;
    std::vector<Vec2> walk;
    for (int k = 0; k <= n; ++k) {
      const DescentPoint& p = pts[std::size_t(k)];
      walk.emplace_back(p.x, p.loss);
      const float opacity = std::max(60 / 255.f, 1 - kFade * float(n - 1 - k));
      if (k < n) plot::slope_line(walk.back(), p.slope, 26, plot::scale_alpha(th.second, opacity), 2);
      else if (std::isfinite(p.loss)) plot::slope_line(walk.back(), p.slope, 60, th.second, 2.5f);
    }
    plot::trail(walk, th.first, {.halo = 0, .arrows = true, .step_size = 4, .max_step_dots = walk.size(), .fade = kFade,
                                 .fade_floor = 60 / 255.f, .current = {.size = 6}, .current_color = th.second});
    const DescentPoint& now = pts.back();
    if (std::isfinite(now.loss)) {
      // Label on the side the walk did not come from.
      const bool came_from_right = n > 0 && pts[std::size_t(n - 1)].x > now.x;
      const std::string label = "x" + format_subscript(n);
      plot::text({now.x, now.loss}, label.c_str(), th.second, {came_from_right ? 1.f : 0.f, 0.f}, {came_from_right ? -8.f : 8.f, 6});
    }
    // The start: a handle on the x-axis (kept in view when the axis is not), joined to its point.
    const double axis_y = std::clamp(0.0, vy.min + 0.04 * vy.size(), vy.max);
    Vec2 handle(start(), axis_y);
    if (std::isfinite(pts.front().loss)) plot::segment(handle, {handle.x(), pts.front().loss}, plot::with_alpha(th.first, 120), 1);
    plot::DragOptions drag;
    drag.snap = 0.05;
    if (plot::drag_point("x0", &handle, th.first, nullptr, drag))
      params_.set(x0_, std::clamp(handle.x(), vx.min, vx.max));
    const bool right_half = start() > vx.center();
    plot::text({start(), axis_y}, "start", th.first, {right_half ? 1.f : 0.f, 1}, {right_half ? -12.f : 12.f, -6});
    plot::text({vx.max, vy.max}, "loss f(x) over the parameter x", th.text_muted, {1, 0}, {-6, 4});
    plot::end_plot();
  }

  // Below: the loss after each step, the curve training dashboards show.
  void draw_losses(const DescentRun& r, ImVec2 size) {
    const plot::Theme& th = plot::current_theme();
    if (!plot::begin_plot("##loss-per-step", size, plot::PlotFlags_EdgeAxes)) return;
    std::vector<double> losses;
    for (const DescentPoint& p : r.points) losses.push_back(p.loss);
    const plot::Range y = plot::fit_range(losses, 0.18);
    const double last = std::max(10.0, double(r.steps()));
    plot::setup_axes({-0.04 * last, last * 1.04}, y);
    plot::line_series(losses, th.first, {.width = 1.5f, .marker = {.size = 3}, .max_markers = 60});
    const std::string right = "step " + std::to_string(r.steps());
    plot::text({last * 1.04, y.min}, right.c_str(), th.text_muted, {1, 1}, {-6, -4});
    plot::text({last * 1.04, y.max}, "loss per step", th.text_muted, {1, 0}, {-6, 4}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout, const DescentRun& r) {
    plot::begin_panel(layout);
    plot::expression_input(params_, f_, "loss f(x) =", &function_);
    if (const int chosen = plot::formula_examples("examples", params_.get(f_), kPresets); chosen >= 0) {
      params_.set(f_, kPresets[std::size_t(chosen)].text);
      params_.set(x0_, kPresets[std::size_t(chosen)].start);
    }
    plot::slider(params_, eta_, "learning rate \u03b7", "%.3g", true);
    timeline_.controls();
    const DescentPoint& p = r.points.back();
    const std::string at = "x = " + format_number_math(p.x, 4) + "    f(x) = " +
                           (std::isfinite(p.loss) ? format_number_math(p.loss, 4) : std::string("undefined"));
    ImGui::TextUnformatted(at.c_str());
    const std::string slope = std::isfinite(p.slope)
        ? "f'(x) = " + format_number_math(p.slope, 4) + "    next step " + format_number_math(-params_.get(eta_) * p.slope)
        : std::string("f'(x) is undefined here");
    ImGui::TextUnformatted(slope.c_str());
    plot::note((status(r) + ".").c_str());
    if (!layout.stacked) {
      step_table(r);
      plot::note("Drag the start along the axis; try \u03b7 = 0.9 and 1.05 on the bowl.");
    }
    plot::end_panel();
  }

  // The last few steps as numbers: x_k, the loss there and the slope it read.
  static void step_table(const DescentRun& r) {
    constexpr int kRows = 5;
    static constexpr const char* kHeader[] = {"k", "x\u2096", "f(x\u2096)", "f'(x\u2096)"};
    const auto cell = [](double v) { return std::isfinite(v) ? format_number_math(v) : std::string("\u2014"); };
    std::vector<std::vector<std::string>> rows;
    for (int k = std::max(0, r.steps() - kRows + 1); k <= r.steps(); ++k) {
      const DescentPoint& p = r.points[std::size_t(k)];
      rows.push_back({std::to_string(k), cell(p.x), cell(p.loss), cell(p.slope)});
    }
    plot::table(kHeader, rows);
  }

  Param<std::string> f_;
  Param<double> eta_, x0_;
  Param<std::int64_t> steps_;
  mutable TypedExpression function_{"x", kPresets[0].text};  // what f_ determines; describe() updates it too
  mutable std::uint64_t typed_version_ = 0;
  mutable plot::Range typed_y_{-1, 1};
  // Plays steps_ and stops where the walk ends; Play there does nothing.
  plot::Timeline timeline_{params_, steps_,
                           {.can_step = [this](std::int64_t) { return can_step(run()); }, .restart_at_end = false}};
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(gradient_descent_1d, "gradient-descent-1d", "Gradient descent: walking downhill",
           "Step downhill along the tangent, x \u2192 x \u2212 \u03b7 f'(x): the learning rate turns a slow "
           "crawl into a good walk, a walk that bounces across the valley, or one that flies out of it.",
           1.6f, 0.5f, GradientDescent1d)
