// toolkit-data: the toolkit's items for functions and data, as a reference for figure authors:
// a typed function y = f(x) sampled adaptively with its derivative dashed (an expression field
// with an inline error), scatter in the five class colours on axes that do not pass through the
// origin, a histogram with the expected counts as a bar chart, and a log-scale loss plot whose
// losses span decades. Page: toolkit.html (generated) · Test: tests/figures/test_toolkit.cpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/datasets.hpp"
#include "core/expression.hpp"
#include "core/format.hpp"
#include "core/random.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

// Normal CDF Φ(z) = (1 + erf(z/√2)) / 2.
double normal_cdf(double z) { return 0.5 * (1 + std::erf(z / std::numbers::sqrt2)); }

class ToolkitData final : public Figure {
 public:
  ToolkitData()
      : f_(params_.add_string("f", "sin(2x) + x/2", 120, "the function drawn in the first plot")),
        classes_(params_.add_int("classes", 5, 1, 5, "how many classes the scatter shows")),
        bins_(params_.add_int("bins", 12, 2, 40, "histogram bins")),
        scale_(params_.add_choice("scale", {"log", "linear"}, 0, "the loss plot's y axis")) {}

  void frame(const FrameContext&) override {
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 220);
    function_.update(params_.get(f_));
    const float gap = 10;
    const ImVec2 cell((layout.plot_size.x - gap) / 2, (layout.plot_size.y - gap) / 2);
    const ImVec2 o = layout.plot_min;
    ImGui::SetCursorScreenPos(o);
    draw_function(cell);
    ImGui::SetCursorScreenPos({o.x + cell.x + gap, o.y});
    draw_scatter(cell);
    ImGui::SetCursorScreenPos({o.x, o.y + cell.y + gap});
    draw_histogram(cell);
    ImGui::SetCursorScreenPos({o.x + cell.x + gap, o.y + cell.y + gap});
    draw_losses(cell);
    draw_panel(layout);
  }

  std::string describe() const override {
    return "Four small plots: y = " + params_.get(f_) + " with its derivative dashed, " +
           std::to_string(params_.get(classes_)) + " classes of points, a histogram of " + std::to_string(kSamples) +
           " normal samples in " + std::to_string(params_.get(bins_)) + " bins, and gradient-descent losses on a " +
           (params_.get(scale_) == 0 ? "log" : "linear") + " axis." +
           (function_.error.empty() ? "" : " The typed formula has an error: " + function_.error + ".");
  }

 private:
  static constexpr int kSamples = 400;
  static constexpr int kSteps = 60;

  void draw_function(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##function", size, plot::PlotFlags_PanZoom)) return;
    plot::setup_axes({-4, 4}, {-3, 3});
    const Expression& e = function_.good;
    plot::curve([&](double x) { return e.derivative(x).d; }, t.second, 1.5f, plot::kDashed);
    plot::curve([&](double x) { return e.eval(x); }, t.first, 2);
    plot::text({-4, 3}, "f(x)", t.first, {0, 0}, {6, 4}, plot::TextFlags_Halo);
    plot::text({-4, 3}, "f\u2032(x)", t.second, {0, 0}, {46, 4}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  // Five blobs away from the origin: the axes run along the plot's edges.
  void draw_scatter(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##scatter", size)) return;
    plot::setup_axes({1, 9}, {1, 7});
    const int n = int(params_.get(classes_));
    Rng rng(7);
    std::vector<Vec2> points;
    std::vector<int> labels;
    for (int i = 0; i < 30 * n; ++i) {
      const int k = i % n;
      const double angle = 2 * std::numbers::pi * k / 5 + 0.3;
      const Vec2 centre(5 + 2.3 * std::cos(angle), 4 + 1.8 * std::sin(angle));
      points.emplace_back(centre.x() + 0.45 * standard_normal(rng), centre.y() + 0.45 * standard_normal(rng));
      labels.push_back(k);
    }
    plot::scatter(points, labels, {});
    plot::text({9, 7}, "classes 1\u20135", t.text_muted, {1, 0}, {-6, 4}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  // kSamples standard-normal draws in equal bins over [−3.5, 3.5], and the counts a normal
  // distribution expects there, n·(Φ(b) − Φ(a)), as narrower bars.
  void draw_histogram(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const int bins = int(params_.get(bins_));
    const double lo = -3.5, hi = 3.5, w = (hi - lo) / bins;
    Rng rng(11);
    std::vector<double> samples(kSamples);
    for (double& s : samples) s = standard_normal(rng);
    std::vector<double> centres, expected;
    double top = 0;
    for (int k = 0; k < bins; ++k) {
      const double a = lo + k * w, b = a + w;
      centres.push_back(a + w / 2);
      expected.push_back(kSamples * (normal_cdf(b) - normal_cdf(a)));
      top = std::max(top, expected.back());
    }
    if (!plot::begin_plot("##histogram", size, plot::PlotFlags_NoGrid)) return;
    plot::setup_axes({lo, hi}, {-top * 0.16, top * 1.45});  // room under y = 0 for the x labels
    const std::vector<int> counts = plot::histogram(samples, lo, hi, bins, t.positive_fill);
    plot::bars(centres, expected, w * 0.35, t.third);
    counts_ = counts;
    plot::text({lo, top * 1.45}, "counts", t.positive_line, {0, 0}, {6, 4}, plot::TextFlags_Halo);
    plot::text({lo, top * 1.45}, "expected n\u00b7P(bin)", t.third, {0, 0}, {6, 22}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  // Gradient descent on f(x) = x²/2 from x₀ = 1 with three learning rates: f(x_k) = (1 − η)^{2k}/2,
  // a straight line on a log axis (the closed form, so nothing is iterated here).
  void draw_losses(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const bool log = params_.get(scale_) == 0;
    if (!plot::begin_plot("##losses", size, log ? plot::PlotFlags_LogY : plot::PlotFlags_None)) return;
    plot::setup_axes({-2, kSteps}, log ? plot::Range{1e-12, 10} : plot::Range{-0.05, 0.55});
    constexpr std::array kRates = {0.1, 0.3, 0.6};
    for (std::size_t r = 0; r < kRates.size(); ++r) {
      std::vector<Vec2> losses;
      for (int k = 0; k <= kSteps; ++k) losses.emplace_back(k, 0.5 * std::pow(1 - kRates[r], 2 * k));
      plot::polyline(losses, t.series(int(r)), 2);
      const std::string label = "\u03b7 = " + format_number_math(kRates[r]);
      constexpr std::array kLabelAt = {24, 20, 3};
      plot::text(losses[std::size_t(kLabelAt[r])], label.c_str(), t.series(int(r)), {0, 1}, {4, -2}, plot::TextFlags_Halo);
    }
    // A tolerance a run might stop at: f = 10⁻⁶.
    plot::segment({-2, log ? 1e-6 : 0.0}, {double(kSteps), log ? 1e-6 : 0.0}, t.text_muted, 1, plot::kDotted);
    if (log) plot::text({double(kSteps), 1e-6}, "f = 10\u207b\u2076", t.text_muted, {1, 1}, {-4, -2}, plot::TextFlags_Halo);
    plot::text({double(kSteps), log ? 10 : 0.55}, log ? "loss (log scale)" : "loss", t.text_muted, {1, 0}, {-4, 4}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    plot::begin_panel(layout);
    plot::expression_input(params_, f_, "f(x) =", &function_);
    plot::slider(params_, classes_, "Classes");
    plot::slider(params_, bins_, "Histogram bins");
    static constexpr std::array kScales = {"log", "linear"};
    plot::dropdown(params_, scale_, "Loss axis", kScales);
    plot::note("Type a formula in x; a mistake is named under the field and the last good curve stays. "
               "Drag the first plot to pan.");
    plot::end_panel();
  }

  TypedExpression function_{"x", "sin(2x) + x/2"};
  std::vector<int> counts_;
  Param<std::string> f_;
  Param<std::int64_t> classes_, bins_;
  Param<Choice> scale_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_data, "toolkit-data", "Toolkit: functions and data",
           "A typed function with its dashed derivative, scatter in five class colours on axes off the origin, a "
           "histogram with expected counts as bars, and losses on a log axis: the toolkit's function and data items.",
           1.5f, 0.75f, ToolkitData)
