// toolkit-series: the toolkit's data series, markers, trails and edge axes, as a reference for
// figure authors: a random walk of up to 100 000 points drawn as a line decimated per pixel column
// with its running mean haloed over it and a sparse scatter of its samples; every marker shape,
// filled and outlined; gradient descent's trail on a narrow bowl; and its loss per step on edge
// axes, log or linear. Page: toolkit.html (generated) · Test: tests/figures/test_toolkit_series.cpp.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"

namespace mml::figures {
namespace {

constexpr int kMaxSteps = 60;  // the descent's steps, and the loss plot's x range

class ToolkitSeries final : public Figure {
 public:
  ToolkitSeries()
      : points_(params_.add_int("points", 20000, 100, 100000, "how many samples the random walk has")),
        steps_(params_.add_int("steps", 12, 0, kMaxSteps, "gradient-descent steps shown")),
        filled_(params_.add_bool("filled", true, "filled markers (else outlined)")),
        scale_(params_.add_choice("scale", {"log", "linear"}, 0, "the loss plot's y axis")) {}

  void frame(const FrameContext&) override {
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 220);
    const float gap = 10;  // between the four plots
    const ImVec2 cell((layout.plot_size.x - gap) / 2, (layout.plot_size.y - gap) / 2), o = layout.plot_min;
    ImGui::SetCursorScreenPos(o), update_walk(), draw_walk(cell);
    ImGui::SetCursorScreenPos({o.x + cell.x + gap, o.y}), draw_markers(cell);
    ImGui::SetCursorScreenPos({o.x, o.y + cell.y + gap}), draw_trail(cell);
    ImGui::SetCursorScreenPos({o.x + cell.x + gap, o.y + cell.y + gap}), draw_losses(cell);
    draw_panel(layout);
  }

  std::string describe() const override {
    return "A random walk of " + std::to_string(params_.get(points_)) + " points with its running mean; the four marker " +
           "shapes; " + std::to_string(params_.get(steps_)) + " steps of gradient descent on a narrow bowl and their " +
           "losses on a " + (params_.get(scale_) == 0 ? "log" : "linear") + " axis.";
  }

 private:
  void update_walk() {
    const std::size_t n = std::size_t(params_.get(points_));
    if (walk_.size() == n) return;
    Rng rng(3);
    walk_.assign(n, 0), mean_.assign(n, 0);
    for (std::size_t i = 1; i < n; ++i) walk_[i] = walk_[i - 1] + (rng.uniform() - 0.5);
    for (std::size_t i = 1; i < n; ++i) mean_[i] = mean_[i - 1] + (walk_[i] - mean_[i - 1]) / double(i + 1);
    walk_y_ = plot::fit_range(walk_, 0.1);
  }

  void draw_walk(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##walk", size, plot::PlotFlags_EdgeAxes | plot::PlotFlags_PanZoom)) return;
    plot::setup_axes({0, double(walk_.size())}, walk_y_);
    const plot::IndexX x{0, 1};
    plot::line_series(walk_, plot::with_alpha(t.first, 200), {.width = 1}, x);
    plot::line_series(mean_, t.second, {.width = 2.5f, .halo = true}, x);
    const std::size_t every = walk_.size() / 40;
    std::vector<double> xs, ys;
    for (std::size_t i = 0; i < walk_.size(); i += every) xs.push_back(double(i)), ys.push_back(walk_[i]);
    plot::scatter_series(xs, ys, t.third, {.marker = {.shape = plot::Marker::Diamond, .size = 3.5f}, .halo = true});
    plot::end_plot();
  }

  void draw_markers(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##markers", size, plot::PlotFlags_NoTickLabels | plot::PlotFlags_NoGrid)) return;
    plot::setup_axes({0.5, 4.5}, {0.6, 3.6});  // the axes run along the edges, out of the way
    constexpr std::array kShapes = {plot::Marker::Circle, plot::Marker::Square, plot::Marker::Diamond, plot::Marker::Cross};
    constexpr std::array kNames = {"circle", "square", "diamond", "cross"};
    const bool filled = params_.get(filled_);
    for (int i = 0; i < 4; ++i)
      for (int size = 0; size < 3; ++size) {
        const plot::MarkerStyle style{.shape = kShapes[std::size_t(i)], .size = 3.0f + 3.0f * float(size), .filled = filled,
                                      .weight = 2, .halo = size == 2 ? t.text : 0u};
        plot::marker({i + 1.0, 3.0 - size * 0.8}, t.series(i), style);
        if (size == 2) plot::text({i + 1.0, 1.4}, kNames[std::size_t(i)], t.text_muted, {0.5f, 0}, {0, 16});
      }
    plot::end_plot();
  }

  // x_k = (I − ηH)^k x₀ on f(x, y) = (x² + 10y²)/2 with η = 0.18: the factors are 1 − η = 0.82
  // along x (slow) and 1 − 10η = −0.8 across y (a zig-zag).
  std::vector<Vec2> path() const {
    std::vector<Vec2> p;
    for (int k = 0; k <= params_.get(steps_); ++k) p.emplace_back(-4 * std::pow(0.82, k), 1.5 * std::pow(-0.8, k));
    return p;
  }
  static double loss(const Vec2& p) { return (p.x() * p.x() + 10 * p.y() * p.y()) / 2; }

  void draw_trail(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##trail", size, plot::PlotFlags_EqualAspect)) return;
    plot::setup_axes({-4.5, 1}, {-2, 2});
    const plot::Grid bowl = plot::sample_grid([](double x, double y) { return loss({x, y}); }, {-5, 2}, {-3, 3}, 60, 60);
    for (double level : {0.5, 2.0, 5.0, 10.0, 20.0}) plot::contour(bowl, level, t.grid_strong, 1);
    const std::vector<Vec2> p = path();
    plot::trail(p, t.first, {.halo = 0, .current = {.size = 5, .halo = t.background, .halo_width = 1.5f}});
    plot::marker({0, 0}, t.text, {.shape = plot::Marker::Cross, .size = 5, .weight = 2});
    plot::end_plot();
  }

  void draw_losses(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const bool log = params_.get(scale_) == 0;
    if (!plot::begin_plot("##losses", size, plot::PlotFlags_EdgeAxes | (log ? plot::PlotFlags_LogY : 0))) return;
    plot::setup_axes({0, kMaxSteps}, log ? plot::Range{1e-10, 100} : plot::Range{0, 20});
    std::vector<double> losses;
    for (const Vec2& q : path()) losses.push_back(loss(q));
    plot::line_series(losses, t.first, {.width = 2, .marker = {.size = 2.5f}, .max_markers = 30});
    plot::text({kMaxSteps, log ? 100.0 : 20.0}, "loss per step", t.text_muted, {1, 0}, {-4, 2}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    plot::begin_panel(layout);
    int n = int(params_.get(points_)), k = int(params_.get(steps_)), scale = params_.get(scale_);
    if (plot::slider_int("Walk points", &n, 100, 100000)) params_.set(points_, std::int64_t(n));
    if (plot::slider_int("Descent steps", &k, 0, kMaxSteps)) params_.set(steps_, std::int64_t(k));
    bool filled = params_.get(filled_);
    if (ImGui::Checkbox("Filled markers", &filled)) params_.set(filled_, filled);
    static constexpr std::array kScales = {"log", "linear"};
    if (plot::dropdown("Loss axis", &scale, kScales)) params_.set(scale_, scale);
    plot::note("However many points, the walk's line keeps each pixel column's first, lowest, highest and last "
               "sample. Drag it to pan; wheel to zoom.");
    plot::end_panel();
  }

  Param<std::int64_t> points_, steps_;
  Param<bool> filled_;
  Param<Choice> scale_;
  std::vector<double> walk_, mean_;
  plot::Range walk_y_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_series, "toolkit-series", "Toolkit: series, markers, trails and edge axes",
           "A random walk of up to 100 000 points decimated per pixel column, every marker shape, gradient "
           "descent's trail on a narrow bowl and its loss per step on a log axis: the toolkit's series verbs.",
           1.5f, 0.75f, ToolkitSeries)
