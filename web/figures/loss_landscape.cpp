// loss-landscape: four optimizers race downhill from the same start.
// The loss over two parameters is a landscape (heatmap + contours, and a 3D surface beside it);
// the reader drags (or clicks) the start and gradient descent, momentum, Adam and Newton walk
// from there, step by step. A log-scaled loss-per-step plot below shows who gets down how fast.
// Page: chapters/gradient-descent.md · Math: core/test_functions.hpp, core/optimizers.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/optimizers.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/plot3d.hpp"
#include "web/plot/series.hpp"
#include "web/plot/subplots.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr int kMaxSteps = 500;
constexpr double kStepsPerSecond = 40;  // Play: 0 → 500 in about 12 s
constexpr int kGrid = 72;               // heatmap samples per side
constexpr int kSurface = 24;            // 3D surface samples per side (the painter sort dominates a frame)
constexpr float kSideBySideMin = 380;   // pixels the map and the surface each need to sit side by side

// What the dropdown's choice brings along: where to look and rates that show the point.
struct Preset {
  const char* label;
  LandscapeKind kind;
  plot::Range x, y;
  Vec2 start;
  double learning_rate, adam_rate;
};
const std::array kPresets = {
    Preset{"Bowl (condition number \u03ba)", LandscapeKind::Bowl, {-2, 2}, {-2, 2}, {-1.8, 1.2}, 0.17, 0.1},
    Preset{"Rosenbrock's valley", LandscapeKind::Rosenbrock, {-2, 2}, {-1, 3}, {-1.5, 2}, 1.5e-3, 0.1},
    Preset{"Himmelblau (four minima)", LandscapeKind::Himmelblau, {-5, 5}, {-5, 5}, {-0.5, 0.5}, 0.01, 0.1},
    Preset{"Saddle x\u00b2 \u2212 y\u00b2", LandscapeKind::Saddle, {-2, 2}, {-2, 2}, {1.5, 0.05}, 0.05, 0.05},
};
constexpr std::array kMethodNames = {"Gradient descent", "Momentum (\u03b2 = 0.9)", "Adam", "Newton"};
constexpr std::array kMethods = {Optimizer::GradientDescent, Optimizer::Momentum, Optimizer::Adam,
                                 Optimizer::Newton};

// Okabe–Ito colours, one per method: the theme's first four series (Newton's is reddish purple).
ImU32 method_color(std::size_t m) { return plot::current_theme().series(int(m)); }

class LossLandscape final : public Figure {
 public:
  LossLandscape()
      : landscape_(params_.add_choice("landscape", {"bowl", "rosenbrock", "himmelblau", "saddle"}, 1, "the loss landscape")),
        kappa_(params_.add_float("kappa", 10, 1, 100, "the bowl's condition number: its steepest over its flattest curvature", 0.1)),
        start_(params_.add_vec2("start", {-1.5, 2}, -5, 5, "where every optimizer starts", 1e-3)),
        rate_(params_.add_float("rate", 1.5e-3, 1e-5, 1, "learning rate \u03b7 of gradient descent and momentum")),
        adam_rate_(params_.add_float("adam_rate", 0.1, 1e-3, 1, "Adam's step size \u03b1")),
        newton_(params_.add_choice("newton_hessian", {"exact", "abs"}, 0, "Newton's Hessian: exact, or with |eigenvalues| (steps away from saddles)")),
        steps_(params_.add_int("steps", 300, 0, kMaxSteps, "how many steps every optimizer has taken")),
        arrows_(params_.add_bool("arrows", false, "draw the downhill direction −∇f as arrows")),
        view_(params_.add_choice("view", {"map", "surface", "both"}, 2, "contour map, 3D surface, or both side by side")),
        yaw_(params_.add_float("yaw", -0.9, -3.15, 3.15, "3D camera angle around the vertical axis, radians", 0.01)),
        pitch_(params_.add_float("pitch", 0.5, -1.5, 1.5, "3D camera angle above the floor, radians", 0.01)) {
    // The names before issue 13 stay readable, so links already shared keep working.
    for (std::size_t m = 0; m < 4; ++m) {
      show_[m] = params_.add_bool(std::array{"show_gd", "show_momentum", "show_adam", "show_newton"}[m], true,
                                  std::array{"show gradient descent", "show momentum", "show Adam", "show Newton"}[m]);
      params_.add_alias(std::array{"gd", "momentum", "adamrun", "newtonrun"}[m], show_[m]);
    }
    params_.add_alias("function", landscape_);
    params_.add_alias("adam", adam_rate_);
    params_.add_alias("newton", newton_);
  }

  void frame(const FrameContext& context) override {
    update_runs();
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 270, 270);
    // Map and surface side by side only when each gets kSideBySideMin pixels; on a narrower
    // figure the map keeps the whole top row and the surface shares the bottom one with the
    // loss plot, so the map never shrinks to a strip. Phones (panel below) show the map alone.
    const int view = params_.get(view_);
    const bool both = view == 2 && !layout.stacked;
    const bool side_by_side = both && layout.plot_size.x >= 2 * kSideBySideMin;
    using Row = plot::SubplotRow;  // {share of the height, the cells' shares of the width}
    static constexpr std::array kSideBySide = {Row{0.7f, {1, 1}}, Row{0.3f}};
    static constexpr std::array kBoth = {Row{0.64f}, Row{0.36f, {1, 1}}};
    static constexpr std::array kOne = {Row{0.7f}, Row{0.3f}};
    plot::Subplots grid("##layout", layout.plot_min, layout.plot_size, side_by_side ? kSideBySide : both ? kBoth : kOne);
    if (view != 1) draw_map(grid.cell(0));
    if (view == 1) draw_surface(grid.cell(0));
    draw_losses(grid.cell(side_by_side ? 2 : 1));
    if (both) draw_surface(grid.cell(side_by_side ? 1 : 2));
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override { timeline_.stop(), params_.reset(); }

  // Each shown optimizer's path up to the current step, with the loss at every point.
  std::string csv() const override {
    update_runs();
    CsvTable table({"optimizer", "step", "x", "y", "loss f(x, y)"});
    for (std::size_t m = 0; m < 4; ++m)
      for (std::size_t i = 0; params_.get(show_[m]) && i < shown_points(m); ++i)
        table.row({optimizer_name(kMethods[m]), i, runs_[m].path[i].x(), runs_[m].path[i].y(), runs_[m].losses[i]});
    return table.text();
  }

  std::string describe() const override {
    update_runs();
    const Vec2 s = params_.get(start_);
    const int k = shown_steps();
    std::string parts;
    for (std::size_t m = 0; m < 4; ++m)
      if (params_.get(show_[m])) parts += (parts.empty() ? "" : ", ") + status(m, k);
    return std::string(preset().label) + ", after " + std::to_string(k) + (k == 1 ? " step" : " steps") + " from (" +
           format_number(s.x()) + ", " + format_number(s.y()) + "): " + (parts.empty() ? "no optimizer shown" : parts) + ".";
  }

 private:
  const Preset& preset() const { return kPresets[std::size_t(params_.get(landscape_))]; }
  Landscape landscape() const { return {preset().kind, params_.get(kappa_)}; }
  int shown_steps() const { return int(params_.get(steps_)); }
  // How many points of run m are shown: its start and the steps taken so far (fewer if it stopped).
  std::size_t shown_points(std::size_t m) const { return std::size_t(std::min(shown_steps(), runs_[m].steps())) + 1; }
  double loss_now(std::size_t m) const { return runs_[m].losses[shown_points(m) - 1]; }
  bool diverged(std::size_t m) const { return runs_[m].end == RunEnd::Diverged && shown_steps() > runs_[m].steps(); }
  bool log_scale() const { return preset().kind != LandscapeKind::Saddle; }
  // What the colours, the 3D height and the loss plot show: log(1 + f) where f spans decades.
  double height(double f) const { return log_scale() ? std::log1p(std::max(f, 0.0)) : f; }

  // "momentum f = 0.00317", "Newton reached a critical point in 7 steps (f = 0)", "GD diverged at step 12".
  std::string status(std::size_t m, int k) const {
    const OptimizerRun& run = runs_[m];
    const std::string name = m == 0 ? "gradient descent" : optimizer_name(kMethods[m]);
    const std::string f = "f = " + format_number(loss_now(m));
    if (diverged(m))
      return name + (log_scale() ? " diverged at step " : " ran off the map (f \u2192 \u2212\u221e) at step ") + std::to_string(run.steps() + 1);
    if (run.end == RunEnd::SingularHessian && k > run.steps())
      return name + " stopped at step " + std::to_string(run.steps()) + " (flat curvature, " + f + ")";
    if (run.end == RunEnd::Converged && k >= run.steps())
      return name + " reached a critical point in " + std::to_string(run.steps()) + (run.steps() == 1 ? " step (" : " steps (") + f + ")";
    return name + " " + f;
  }

  // The runs depend on the landscape, the start and the rates, not on how far the timeline is:
  // recompute only when one of those moved, so stepping and playing cost nothing. With them, f's
  // lowest and highest over the landscape's window (core: the extremes on its edges and at its
  // critical points), which the colours and the surface's heights span.
  void update_runs() const {
    const std::array<double, 7> key = {double(params_.get(landscape_)), params_.get(kappa_), params_.get(start_).x(), params_.get(start_).y(),
                                       params_.get(rate_), params_.get(adam_rate_), double(params_.get(newton_))};
    if (key == run_key_) return;
    run_key_ = key;
    // escape_radius: far off the map, call it diverged rather than chase it to 10³⁰⁰.
    const OptimizerSettings s{.learning_rate = params_.get(rate_), .adam_rate = params_.get(adam_rate_),
                              .newton = params_.get(newton_) == 1 ? NewtonHessian::AbsoluteEigenvalues : NewtonHessian::Exact,
                              .max_steps = kMaxSteps, .escape_radius = 100};
    for (std::size_t m = 0; m < 4; ++m) runs_[m] = run_optimizer(kMethods[m], landscape(), params_.get(start_), s);
    range_ = landscape().value_range({preset().x.min, preset().y.min}, {preset().x.max, preset().y.max});
  }

  void draw_map(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##map", size, plot::PlotFlags_EqualAspect)) return;
    plot::setup_axes(preset().x, preset().y);
    const Landscape f = landscape();
    const std::array key = {double(params_.get(landscape_)), params_.get(kappa_)};
    const plot::Grid& grid = plot::cached_grid(grid_, key, [&](double a, double b) { return height(f.value({a, b})); }, kGrid, kGrid);
    const plot::Range colors{height(range_.min), height(range_.max)};
    plot::heatmap(grid, colors, plot::ColorMap::Viridis, colors.size() / 14, plot::with_alpha(t.dark ? IM_COL32_BLACK : IM_COL32_WHITE, 110));
    // Directions only: on Rosenbrock |∇f| spans five decades, so true lengths would be dots.
    const auto downhill = [f = landscape()](const Vec2& p) { const Vec2 g = -f.gradient(p); return Vec2(g / std::max(g.norm(), 1e-12)); };
    if (params_.get(arrows_)) plot::vector_field(downhill, 14, IM_COL32(255, 255, 255, 140));
    // A white × on each minimum (the saddle has none: its saddle point).
    for (const Vec2& p : landscape().bounded_below() ? landscape().minima() : std::vector{Vec2(0, 0)})
      plot::marker(p, IM_COL32_WHITE, {.shape = plot::Marker::Cross, .size = 5, .weight = 2});
    // Each path with a dark halo so it reads on every colour of the map; dots while steps are few.
    for (std::size_t m = 0; m < 4; ++m)
      if (params_.get(show_[m])) plot::trail(std::span(runs_[m].path).first(shown_points(m)), method_color(m));
    start_handle();
    plot::end_plot();
  }

  // The start: a handle (drag it, or arrow keys by the landscape's own scale, whatever the map's
  // shape), kept in the landscape's window; a press anywhere else on the map brings it there.
  void start_handle() {
    Vec2 s = params_.get(start_);
    if (plot::drag_point("start", &s, IM_COL32_WHITE, "start", {.nudge = preset().x.size() / 40, .click_to_place = true}))
      params_.set(start_, {std::clamp(s.x(), preset().x.min, preset().x.max), std::clamp(s.y(), preset().y.min, preset().y.max)});
  }

  void draw_surface(ImVec2 size) {
    plot::OrbitCamera camera{.yaw = params_.get(yaw_), .pitch = params_.get(pitch_)};
    // Heights are f itself: log(1 + f) would fold Rosenbrock's valley into a sharp V that a
    // kSurface × kSurface mesh renders as a saw; the map above carries the log view.
    const plot::Range z{range_.min, range_.max};
    plot::begin_plot3d("##surface", size, {preset().x, preset().y, z}, &camera);
    plot::axis_box("x", "y", "f");
    const Landscape f = landscape();
    plot::surface([&](double a, double b) { return f.value({a, b}); }, kSurface, plot::ColorMap::Viridis, 0.92f);
    for (std::size_t m = 0; m < 4; ++m) {
      std::vector<plot::Vec3> path;
      for (std::size_t i = 0; params_.get(show_[m]) && i < shown_points(m); ++i)
        path.emplace_back(runs_[m].path[i].x(), runs_[m].path[i].y(), runs_[m].losses[i]);
      plot::trail3d(path, method_color(m));
    }
    plot::end_plot3d();
    params_.set(yaw_, camera.yaw);  // the parameters keep two decimals
    params_.set(pitch_, camera.pitch);
  }

  // Loss against step on edge axes: f on a log axis (decades equally spaced) for the bowls and
  // valleys, f itself for the saddle, clamped to the axis so a run that reaches 0 or −∞ rests on
  // its floor; an × where a run left the map.
  void draw_losses(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const bool log = log_scale();
    if (!plot::begin_plot("##losses", size, plot::PlotFlags_EdgeAxes | (log ? plot::PlotFlags_LogY : 0))) return;
    // Bottom and top as exponents (log) or values (saddle); data() turns them into y.
    const auto data = [log](double u) { return log ? std::pow(10.0, u) : u; };
    const double bottom = log ? -12 : -20;
    double top = log ? 1 : 2;  // the highest loss of any run, to the decade or unit above, within 10⁴ or 10
    for (const OptimizerRun& run : runs_)
      for (double f : run.losses) top = std::max(top, log ? std::log10(f) : f);  // NaN and −∞ leave it
    top = std::ceil(std::min(top, log ? 4.0 : 10.0));
    const double room = 18 * (top - bottom) / std::max(20.0f, size.y - 30);  // 18 px above for the title
    const double right = kMaxSteps * 1.02;
    plot::setup_axes({0, right}, {data(bottom), data(top + room)});
    const int k = shown_steps();
    for (std::size_t m = 0; m < 4; ++m) {
      if (!params_.get(show_[m])) continue;
      std::vector<double> ys;
      for (double f : std::span(runs_[m].losses).first(shown_points(m))) ys.push_back(std::clamp(f, data(bottom), data(top)));
      plot::line_series(ys, method_color(m), {.width = 2});
      if (diverged(m))
        plot::marker({double(ys.size() - 1), ys.back()}, method_color(m), {.shape = plot::Marker::Cross, .size = 4, .weight = 2});
    }
    plot::segment({double(k), data(bottom)}, {double(k), data(top)}, t.axis, 1);
    std::string what = std::string(log ? "loss f per step (log scale)" : "loss f per step") + ", step " + std::to_string(k);
    if (ImGui::CalcTextSize(what.c_str()).x > size.x - 60) what = "step " + std::to_string(k);
    plot::text({right, data(top + room)}, what.c_str(), t.text_muted, {1, 0}, {-4, 2}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    plot::begin_panel(layout);
    if (const Preset* p = plot::preset_dropdown(params_, landscape_, "Landscape", kPresets))  // brings its start and rates
      params_.set(start_, p->start), params_.set(rate_, p->learning_rate), params_.set(adam_rate_, p->adam_rate);
    if (preset().kind == LandscapeKind::Bowl) plot::slider(params_, kappa_, "\u03ba", "%.0f", true);
    plot::slider(params_, rate_, "\u03b7 (GD, momentum)", "%.2g", true, 2);
    plot::slider(params_, adam_rate_, "\u03b1 (Adam)", "%.2g", true, 2);
    timeline_.controls();  // Play at the end starts over
    for (std::size_t m = 0; m < 4; ++m) {
      plot::checkbox(params_, show_[m], kMethodNames[m], method_color(m));
      ImGui::SameLine();
      const std::string f = !diverged(m) ? "f = " + format_number(loss_now(m)) : log_scale() ? "diverged" : "f \u2192 \u2212\u221e";
      ImGui::TextDisabled("%s", f.c_str());
    }
    plot::dropdown(params_, newton_, "Newton uses", std::array{"exact Hessian", "|eigenvalues| of H"});
    // A short panel (a narrow figure) drops the two notes so the controls fit without scrolling.
    const bool roomy = layout.stacked || layout.panel_size.y >= 560;
    if (roomy) plot::note(params_.get(newton_) == 0 ? "Newton jumps to where the local quadratic is flat: a minimum, a maximum or a saddle."
                                                    : "Negative curvature flipped to positive: Newton now walks away from saddles and maxima.");
    plot::dropdown(params_, view_, "View", std::array{"Contour map", "3D surface", "Map and 3D surface"});
    plot::checkbox(params_, arrows_, "Downhill arrows \u2212\u2207f");
    if (!layout.stacked && roomy) plot::note("Drag the white handle or click the map to move the start.");
    plot::end_panel();
  }

  Param<Choice> landscape_;
  Param<double> kappa_;
  Param<Eigen::Vector2d> start_;
  Param<double> rate_, adam_rate_;
  Param<Choice> newton_;
  Param<std::int64_t> steps_;
  Param<bool> arrows_;
  Param<Choice> view_;
  Param<double> yaw_, pitch_;
  std::array<Param<bool>, 4> show_{};
  plot::Timeline timeline_{params_, steps_, {.steps_per_second = kStepsPerSecond}};  // after steps_
  // Caches of what the parameters determine (describe() fills the runs too).
  mutable std::array<OptimizerRun, 4> runs_;
  mutable std::array<double, 7> run_key_{NAN};
  mutable ValueRange range_;
  plot::GridCache grid_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(loss_landscape, "loss-landscape", "Four optimizers on one loss landscape",
           "Gradient descent, momentum, Adam and Newton's method race downhill from the same start on a "
           "bowl, Rosenbrock's valley, Himmelblau's function or a saddle; drag the start and watch the loss per step.",
           1.45f, 0.42f, LossLandscape)
