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
#include "web/figures/csv.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/plot3d.hpp"
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
constexpr std::array<const char*, 4> kMethodNames = {"Gradient descent", "Momentum (\u03b2 = 0.9)", "Adam",
                                                     "Newton"};
constexpr std::array kMethods = {Optimizer::GradientDescent, Optimizer::Momentum, Optimizer::Adam,
                                 Optimizer::Newton};

// Okabe–Ito colours: the theme's three plus reddish purple for Newton.
std::array<ImU32, 4> method_colors(const plot::Theme& t) {
  return {t.first, t.second, t.third, t.fourth};
}

class LossLandscape final : public Figure {
 public:
  LossLandscape()
      : landscape_(params_.add_choice("landscape", {"bowl", "rosenbrock", "himmelblau", "saddle"}, 1,
                                      "the loss landscape")),
        kappa_(params_.add_float("kappa", 10, 1, 100, "the bowl's condition number: its steepest over its flattest curvature")),
        start_(params_.add_vec2("start", {-1.5, 2}, -5, 5, "where every optimizer starts")),
        rate_(params_.add_float("rate", 1.5e-3, 1e-5, 1, "learning rate \u03b7 of gradient descent and momentum")),
        adam_rate_(params_.add_float("adam_rate", 0.1, 1e-3, 1, "Adam's step size \u03b1")),
        newton_(params_.add_choice("newton_hessian", {"exact", "abs"}, 0,
                                   "Newton's Hessian: exact, or with |eigenvalues| (steps away from saddles)")),
        steps_(params_.add_int("steps", 300, 0, kMaxSteps, "how many steps every optimizer has taken")),
        arrows_(params_.add_bool("arrows", false, "draw the downhill direction −∇f as arrows")),
        view_(params_.add_choice("view", {"map", "surface", "both"}, 2, "contour map, 3D surface, or both side by side")),
        yaw_(params_.add_float("yaw", -0.9, -3.15, 3.15, "3D camera angle around the vertical axis, radians")),
        pitch_(params_.add_float("pitch", 0.5, -1.5, 1.5, "3D camera angle above the floor, radians")) {
    // The names before issue 13 stay readable, so links already shared keep working.
    for (std::size_t m = 0; m < 4; ++m) {
      show_[m] = params_.add_bool(std::array{"show_gd", "show_momentum", "show_adam", "show_newton"}[m], true,
                                  std::string("show ") + optimizer_name(kMethods[m]));
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
    const std::array rows = side_by_side ? std::array{Row{0.7f, {1, 1}}, Row{0.3f}}
                            : both       ? std::array{Row{0.64f}, Row{0.36f, {1, 1}}}
                                         : std::array{Row{0.7f}, Row{0.3f}};
    plot::Subplots grid("##layout", layout.plot_min, layout.plot_size, rows);
    if (view != 1) draw_map(grid.cell(0));
    if (view == 1) draw_surface(grid.cell(0));
    draw_losses(grid.cell(side_by_side ? 2 : 1));
    if (both) draw_surface(grid.cell(side_by_side ? 1 : 2));
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  // Each shown optimizer's path up to the current step, with the loss at every point.
  std::string csv() const override {
    update_runs();
    CsvTable table({"optimizer", "step", "x", "y", "loss f(x, y)"});
    for (std::size_t m = 0; m < 4; ++m) {
      if (!params_.get(show_[m])) continue;
      const OptimizerRun& run = runs_[m];
      const std::size_t n = std::size_t(std::min(shown_steps(), run.steps())) + 1;
      for (std::size_t i = 0; i < n; ++i)
        table.row({optimizer_name(kMethods[m]), i, run.path[i].x(), run.path[i].y(), run.losses[i]});
    }
    return table.text();
  }

  std::string describe() const override {
    update_runs();
    const Vec2 s = params_.get(start_);
    const int k = shown_steps();
    std::string out = std::string(kPresets[std::size_t(params_.get(landscape_))].label) + ", after " +
                      std::to_string(k) + (k == 1 ? " step" : " steps") + " from (" + format_number(s.x()) + ", " +
                      format_number(s.y()) + "): ";
    std::string parts;
    for (std::size_t m = 0; m < 4; ++m) {
      if (!params_.get(show_[m])) continue;
      if (!parts.empty()) parts += ", ";
      parts += status(m, k);
    }
    return out + (parts.empty() ? "no optimizer shown" : parts) + ".";
  }

 private:
  const Preset& preset() const { return kPresets[std::size_t(params_.get(landscape_))]; }
  Landscape landscape() const { return {preset().kind, params_.get(kappa_)}; }
  int shown_steps() const { return int(params_.get(steps_)); }
  bool log_scale() const { return preset().kind != LandscapeKind::Saddle; }
  // What the colours, the 3D height and the loss plot show: log(1 + f) where f spans decades.
  double height(double f) const { return log_scale() ? std::log1p(std::max(f, 0.0)) : f; }
  // f's lowest and highest over the landscape's window (core: the extremes on the box and its
  // critical points), cached: the colours, the surface's height and its paths use it every frame.
  ValueRange value_range() const {
    const std::array<double, 2> key = {double(params_.get(landscape_)), params_.get(kappa_)};
    if (key != range_key_) {
      range_key_ = key;
      range_ = landscape().value_range({preset().x.min, preset().y.min}, {preset().x.max, preset().y.max});
    }
    return range_;
  }
  plot::Range height_range() const {
    const ValueRange r = value_range();
    return {height(r.min), height(r.max)};
  }

  // "momentum f = 0.00317", "Newton reached a critical point in 7 steps (f = 0)", "GD diverged at step 12".
  std::string status(std::size_t m, int k) const {
    const OptimizerRun& run = runs_[m];
    const std::string name = m == 0 ? "gradient descent" : optimizer_name(kMethods[m]);
    const int last = std::min(k, run.steps());
    const std::string f = "f = " + format_number(run.losses[std::size_t(last)]);
    if (run.end == RunEnd::Diverged && k > run.steps())
      return name + (log_scale() ? " diverged at step " : " ran off the map (f \u2192 \u2212\u221e) at step ") +
             std::to_string(run.steps() + 1);
    if (run.end == RunEnd::SingularHessian && k > run.steps())
      return name + " stopped at step " + std::to_string(run.steps()) + " (flat curvature, " + f + ")";
    if (run.end == RunEnd::Converged && k >= run.steps())
      return name + " reached a critical point in " + std::to_string(run.steps()) + (run.steps() == 1 ? " step (" : " steps (") + f + ")";
    return name + " " + f;
  }

  // The runs depend on the landscape, the start and the rates, not on how far the timeline is:
  // recompute only when one of those moved, so stepping and playing cost nothing.
  void update_runs() const {
    const std::array<double, 7> key = {double(params_.get(landscape_)), params_.get(kappa_), params_.get(start_).x(),
                                       params_.get(start_).y(), params_.get(rate_), params_.get(adam_rate_),
                                       double(params_.get(newton_))};
    if (key == run_key_) return;
    run_key_ = key;
    OptimizerSettings s;
    s.learning_rate = params_.get(rate_);
    s.adam_rate = params_.get(adam_rate_);
    s.newton = params_.get(newton_) == 1 ? NewtonHessian::AbsoluteEigenvalues : NewtonHessian::Exact;
    s.max_steps = kMaxSteps;
    s.escape_radius = 100;  // far off the map: call it diverged rather than chase it to 10³⁰⁰
    for (std::size_t m = 0; m < 4; ++m) runs_[m] = run_optimizer(kMethods[m], landscape(), params_.get(start_), s);
  }

  void draw_map(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##map", size, plot::PlotFlags_EqualAspect)) return;
    plot::setup_axes(preset().x, preset().y);
    const plot::ViewTransform& view = plot::current_view();
    update_grid(view.x(), view.y());
    const plot::Range colors = height_range();
    plot::heatmap(grid_, colors, plot::ColorMap::Viridis, colors.size() / 14, plot::with_alpha(t.dark ? IM_COL32_BLACK : IM_COL32_WHITE, 110));
    if (params_.get(arrows_)) {
      const Landscape f = landscape();
      // Directions only: on Rosenbrock |∇f| spans five decades, so true lengths would be dots.
      plot::vector_field([&f](const Vec2& p) { const Vec2 g = -f.gradient(p); return Vec2(g / std::max(g.norm(), 1e-12)); },
                         14, IM_COL32(255, 255, 255, 140));
    }
    draw_minima();
    const auto colors4 = method_colors(t);
    const int k = shown_steps();
    for (std::size_t m = 0; m < 4; ++m)
      if (params_.get(show_[m])) draw_path(runs_[m], k, colors4[m], t);
    start_handle(view);
    plot::end_plot();
  }

  // A white × on each minimum (the saddle has none: its saddle point).
  void draw_minima() const {
    const Landscape f = landscape();
    const plot::ViewTransform& v = plot::current_view();
    const Vec2 dx(5 / v.pixels_per_unit_x(), 0), dy(0, 5 / v.pixels_per_unit_y());
    for (const Vec2& p : f.bounded_below() ? f.minima() : std::vector{Vec2(0, 0)}) {
      plot::segment(p - dx - dy, p + dx + dy, IM_COL32_WHITE, 2);
      plot::segment(p - dx + dy, p + dx - dy, IM_COL32_WHITE, 2);
    }
  }

  // A path with a dark halo so it reads on every colour of the map; dots while steps are few.
  static void draw_path(const OptimizerRun& run, int k, ImU32 color, const plot::Theme&) {
    const std::size_t n = std::size_t(std::min(k, run.steps())) + 1;
    std::vector<ImVec2> pts;
    pts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const ImVec2 s = plot::to_screen(run.path[i]);
      if (!pts.empty() && std::abs(s.x - pts.back().x) + std::abs(s.y - pts.back().y) < 0.7f && i + 1 < n) continue;
      pts.push_back(s);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(0, 0, 0, 120), 0, 4.5f);
    dl->AddPolyline(pts.data(), int(pts.size()), color, 0, 2.2f);
    if (n <= 60)
      for (const ImVec2& p : pts) dl->AddCircleFilled(p, 2.5f, color);
    dl->AddCircleFilled(pts.back(), 5.5f, IM_COL32(0, 0, 0, 140));
    dl->AddCircleFilled(pts.back(), 4.5f, color);
  }

  // The start: a handle (drag it, or arrow keys with focus) and a click anywhere on the map
  // moves it there. The click moves the handle before drag_point runs, so the same press drags on.
  void start_handle(const plot::ViewTransform& view) {
    const plot::Theme& t = plot::current_theme();
    Vec2 s = params_.get(start_);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const plot::ScreenRect& r = view.screen();
    const ImVec2 at = plot::to_screen(s);
    const bool inside = mouse.x >= r.x && mouse.x < r.x + r.w && mouse.y >= r.y && mouse.y < r.y + r.h;
    const float dx = mouse.x - at.x, dy = mouse.y - at.y;
    if (inside && ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemActive() &&
        dx * dx + dy * dy > t.handle_hit_radius * t.handle_hit_radius) {
      s = clamped_start(view.to_data({mouse.x, mouse.y}));
      params_.set(start_, s);
    }
    plot::DragOptions drag;
    drag.nudge = preset().x.size() / 40;  // the landscape's own scale, whatever the map's shape
    if (plot::drag_point("start", &s, IM_COL32_WHITE, "start", drag)) params_.set(start_, clamped_start(s));
  }
  Vec2 clamped_start(const Vec2& p) const {
    const double q = 1e3;  // three decimals in the URL
    return {std::round(std::clamp(p.x(), preset().x.min, preset().x.max) * q) / q,
            std::round(std::clamp(p.y(), preset().y.min, preset().y.max) * q) / q};
  }

  void update_grid(const plot::Range& x, const plot::Range& y) {
    const std::array<double, 6> key = {double(params_.get(landscape_)), params_.get(kappa_), x.min, x.max, y.min, y.max};
    if (key == grid_key_) return;
    grid_key_ = key;
    const Landscape f = landscape();
    grid_ = plot::sample_grid([&](double a, double b) { return height(f.value({a, b})); }, x, y, kGrid, kGrid);
  }

  void draw_surface(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    plot::OrbitCamera camera;
    camera.yaw = params_.get(yaw_);
    camera.pitch = params_.get(pitch_);
    // Heights are f itself: log(1 + f) would fold Rosenbrock's valley into a sharp V that a
    // kSurface × kSurface mesh renders as a saw; the map above carries the log view.
    const plot::Range z{value_range().min, value_range().max};
    plot::begin_plot3d("##surface", size, {preset().x, preset().y, z}, &camera);
    plot::axis_box("x", "y", "f");
    const Landscape f = landscape();
    plot::surface([&](double a, double b) { return f.value({a, b}); }, kSurface, plot::ColorMap::Viridis, 0.92f);
    const auto colors4 = method_colors(t);
    const int k = shown_steps();
    for (std::size_t m = 0; m < 4; ++m) {
      if (!params_.get(show_[m])) continue;
      const OptimizerRun& run = runs_[m];
      const std::size_t n = std::size_t(std::min(k, run.steps())) + 1;
      std::vector<plot::Vec3> path;
      for (std::size_t i = 0; i < n; ++i) {
        const Vec2& p = run.path[i];
        if (p.x() < preset().x.min || p.x() > preset().x.max || p.y() < preset().y.min || p.y() > preset().y.max) break;
        path.emplace_back(p.x(), p.y(), std::clamp(run.losses[i], z.min, z.max));
      }
      if (path.empty()) continue;
      plot::polyline3d(path, colors4[m], 2.5f);
      plot::point3d(path.back(), colors4[m], 4.5f);
    }
    plot::end_plot3d();
    if (camera.yaw != params_.get(yaw_)) params_.set(yaw_, std::round(camera.yaw * 100) / 100);
    if (camera.pitch != params_.get(pitch_)) params_.set(pitch_, std::round(camera.pitch * 100) / 100);
  }

  // Loss against step, log10(f − f_min) on y for the bowls and valleys (the saddle: f itself).
  // The toolkit's axes run through the origin; here both axes are labelled at the edges instead.
  void draw_losses(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const bool log = log_scale();
    // A log y axis (decades equally spaced) for the bowls and valleys; the saddle: f itself.
    const int flags = plot::PlotFlags_NoTickLabels | plot::PlotFlags_NoGrid | (log ? plot::PlotFlags_LogY : 0);
    if (!plot::begin_plot("##losses", size, flags)) return;
    const auto y_of = [log](double f) { return log ? std::max(f, 1e-12) : std::max(f, -20.0); };
    // Top and bottom as exponents (log) or values (saddle); data() turns them into y.
    const auto data = [log](double u) { return log ? std::pow(10.0, u) : u; };
    double top = log ? 1 : 2;
    for (const OptimizerRun& run : runs_)
      for (double f : run.losses) top = std::max(top, log ? std::log10(y_of(f)) : y_of(f));
    top = std::ceil(std::min(top, log ? 4.0 : 10.0));
    const double bottom = log ? -12 : -20;
    // Room above the highest curve and below the lowest for the labels, in pixels.
    const double per_pixel = (top - bottom) / std::max(20.0f, size.y - 40);
    const double y0 = bottom - 22 * per_pixel, y1 = top + 18 * per_pixel;
    const double x1 = kMaxSteps * 1.02, x0 = -46 * x1 / std::max(100.0f, size.x - 46);  // 46 px for "10⁻¹²"
    plot::setup_axes({x0, x1}, {data(y0), data(y1)});
    const ImU32 grid = plot::with_alpha(t.grid_strong, 110);
    const double step = log ? 3 : 5;
    for (double v = std::ceil(bottom / step) * step; v <= top + 1e-9; v += step) {
      const std::string s = log ? plot::decade_label(int(v)) : format_number(v);
      plot::segment({0, data(v)}, {x1, data(v)}, grid, 1);
      plot::text({0, data(v)}, s.c_str(), t.text_muted, {1, 0.5f}, {-4, 0});
    }
    const int every = size.x < 320 ? 250 : 100;  // step labels that do not run into each other
    for (int s = 0; s <= kMaxSteps; s += every) {
      plot::segment({double(s), data(bottom)}, {double(s), data(top)}, grid, 1);
      const std::string label = std::to_string(s);
      plot::text({double(s), data(bottom)}, label.c_str(), t.text_muted, {s == kMaxSteps ? 1.f : 0.5f, 0}, {0, 4});
    }
    const int k = shown_steps();
    const auto colors4 = method_colors(t);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t m = 0; m < 4; ++m) {
      if (!params_.get(show_[m])) continue;
      const OptimizerRun& run = runs_[m];
      const std::size_t n = std::size_t(std::min(k, run.steps())) + 1;
      std::vector<ImVec2> pts;
      pts.reserve(n);
      for (std::size_t i = 0; i < n; ++i)
        pts.push_back(plot::to_screen({double(i), std::clamp(y_of(run.losses[i]), data(bottom), data(top))}));
      dl->AddPolyline(pts.data(), int(pts.size()), colors4[m], 0, 2);
      if (run.end == RunEnd::Diverged && k > run.steps()) {  // an × where the run left the map
        const ImVec2 e = pts.back();
        dl->AddLine({e.x - 4, e.y - 4}, {e.x + 4, e.y + 4}, colors4[m], 2);
        dl->AddLine({e.x - 4, e.y + 4}, {e.x + 4, e.y - 4}, colors4[m], 2);
      }
    }
    plot::segment({double(k), data(bottom)}, {double(k), data(top)}, t.axis, 1);
    std::string what = std::string(log ? "loss f per step (log scale)" : "loss f per step") + ", step " + std::to_string(k);
    if (ImGui::CalcTextSize(what.c_str()).x > size.x - 60) what = "step " + std::to_string(k);
    plot::text({x1, data(y1)}, what.c_str(), t.text_muted, {1, 0}, {-4, 2});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    std::array<const char*, kPresets.size()> labels{};
    for (std::size_t i = 0; i < kPresets.size(); ++i) labels[i] = kPresets[i].label;
    int fn = params_.get(landscape_);
    if (plot::dropdown("Landscape", &fn, labels)) {
      params_.set(landscape_, fn);
      params_.set(start_, kPresets[std::size_t(fn)].start);
      params_.set(rate_, kPresets[std::size_t(fn)].learning_rate);
      params_.set(adam_rate_, kPresets[std::size_t(fn)].adam_rate);
    }
    if (preset().kind == LandscapeKind::Bowl) {
      double kappa = params_.get(kappa_);
      if (plot::slider("\u03ba", &kappa, 1, 100, "%.0f", true)) params_.set(kappa_, std::round(kappa * 10) / 10);
    }
    double rate = params_.get(rate_);
    if (plot::slider("\u03b7 (GD, momentum)", &rate, 1e-5, 1, "%.2g", true)) params_.set(rate_, round_sig(rate));
    double adam = params_.get(adam_rate_);
    if (plot::slider("\u03b1 (Adam)", &adam, 1e-3, 1, "%.2g", true)) params_.set(adam_rate_, round_sig(adam));
    timeline_.controls();  // Play at the end starts over
    const auto colors4 = method_colors(t);
    const int k = shown_steps();
    for (std::size_t m = 0; m < 4; ++m) {
      bool on = params_.get(show_[m]);
      ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(colors4[m]));
      if (ImGui::Checkbox(kMethodNames[m], &on)) params_.set(show_[m], on);
      ImGui::PopStyleColor();
      const OptimizerRun& run = runs_[m];
      const int last = std::min(k, run.steps());
      ImGui::SameLine();
      const std::string f = run.end == RunEnd::Diverged && k > run.steps() ? (log_scale() ? "diverged" : "f \u2192 \u2212\u221e")
                                                                            : "f = " + format_number(run.losses[std::size_t(last)]);
      ImGui::TextDisabled("%s", f.c_str());
    }
    int newton = params_.get(newton_);
    static constexpr std::array kNewton = {"exact Hessian", "|eigenvalues| of H"};
    if (plot::dropdown("Newton uses", &newton, kNewton)) params_.set(newton_, newton);
    // A short panel (a narrow figure) drops the two notes so the controls fit without scrolling.
    const bool roomy = layout.stacked || layout.panel_size.y >= 560;
    if (roomy)
      plot::note(newton == 0 ? "Newton jumps to where the local quadratic is flat: a minimum, a maximum or a saddle."
                             : "Negative curvature flipped to positive: Newton now walks away from saddles and maxima.");
    int view = params_.get(view_);
    static constexpr std::array kViews = {"Contour map", "3D surface", "Map and 3D surface"};
    if (plot::dropdown("View", &view, kViews)) params_.set(view_, view);
    bool arrows = params_.get(arrows_);
    if (ImGui::Checkbox("Downhill arrows \u2212\u2207f", &arrows)) params_.set(arrows_, arrows);
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
  std::array<double, 6> grid_key_{NAN};
  mutable std::array<double, 2> range_key_{NAN};
  mutable ValueRange range_;
  plot::Grid grid_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(loss_landscape, "loss-landscape", "Four optimizers on one loss landscape",
           "Gradient descent, momentum, Adam and Newton's method race downhill from the same start on a "
           "bowl, Rosenbrock's valley, Himmelblau's function or a saddle; drag the start and watch the loss per step.",
           1.45f, 0.42f, LossLandscape)
