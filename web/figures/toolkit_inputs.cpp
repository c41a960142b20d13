// toolkit-inputs: the toolkit's input verbs as a reference for figure authors: bars the reader
// drags (or picks with ←/→ and changes with ↑/↓), kept summing to 1 when they are a distribution,
// and a matrix input of up to 4 × 4 whose entries are dragged sideways or typed, each column in
// its own colour. Click a bar or an entry to give it the arrow keys.
// Page: toolkit.html (generated) · Test: tests/figures/test_toolkit_inputs.cpp, test_every_figure.cpp.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/probability.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/bars.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/matrix_input.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

constexpr int kBars = 5;
constexpr int kMaxSize = 4;
constexpr std::array<double, kBars> kCentres = {1, 2, 3, 4, 5};
constexpr std::array<double, kBars> kWeights = {0.1, 0.3, 0.25, 0.2, 0.15};

class ToolkitInputs final : public Figure {
 public:
  ToolkitInputs() {
    for (int i = 0; i < kBars; ++i)
      w_[std::size_t(i)] = params_.add_float("w" + std::to_string(i + 1), kWeights[std::size_t(i)], 0, 1,
                                             "height of bar " + std::to_string(i + 1));
    distribution_ = params_.add_bool("distribution", true, "the bars are probabilities: they sum to 1");
    rows_ = params_.add_int("rows", 2, 1, kMaxSize, "rows of the matrix");
    cols_ = params_.add_int("cols", 3, 1, kMaxSize, "columns of the matrix");
    for (int r = 0; r < kMaxSize; ++r)
      for (int c = 0; c < kMaxSize; ++c)
        m_[std::size_t(r * kMaxSize + c)] = params_.add_float(
            "m" + std::to_string(r + 1) + std::to_string(c + 1), r == c ? 1 : 0, -9, 9,
            "matrix entry in row " + std::to_string(r + 1) + ", column " + std::to_string(c + 1));
  }

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 280, 340);
    std::vector<double> heights = params_.get(distribution_) ? normalized(bars()) : bars();
    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##bars", layout.plot_size, plot::PlotFlags_NoTickLabels)) {
      plot::setup_axes({0.4, kBars + 0.6}, {plot::room_below(1.1, layout.plot_size.y), 1.1});
      plot::bars(kCentres, heights, 0.6, plot::with_alpha(t.second, 120), t.second);
      plot::BarOptions options;
      options.distribution = params_.get(distribution_);
      if (plot::drag_bars("heights", kCentres, heights, 0.6, t.second, options))
        for (int i = 0; i < kBars; ++i) params_.set(w_[std::size_t(i)], round4(heights[std::size_t(i)]));
      const std::array<std::string, kBars> names = {"1", "2", "3", "4", "5"};
      plot::category_labels(kCentres, names);
      const std::array<double, 2> ticks = {0.5, 1};
      plot::value_labels(ticks);
      plot::end_plot();
    }
    plot::begin_panel(layout);
    const std::string total = "sum of the bars = " + format_number(sum(heights));
    plot::heading(total.c_str());
    bool d = params_.get(distribution_);
    if (ImGui::Checkbox("A distribution (sum 1)", &d)) params_.set(distribution_, d);
    ImGui::Spacing();
    Eigen::MatrixXd m = matrix();
    const std::array<ImU32, kMaxSize> colors = {t.first, t.second, t.third, t.fourth};
    if (plot::matrix_input("M", m, colors, {.min = -9, .max = 9, .step = 0.01}))
      for (int r = 0; r < m.rows(); ++r)
        for (int c = 0; c < m.cols(); ++c) params_.set(m_[std::size_t(r * kMaxSize + c)], m(r, c));
    int rows = int(params_.get(rows_)), cols = int(params_.get(cols_));
    if (plot::slider_int("rows", &rows, 1, kMaxSize)) params_.set(rows_, rows);
    if (plot::slider_int("columns", &cols, 1, kMaxSize)) params_.set(cols_, cols);
    plot::note("Drag a bar's top or a matrix entry; click an entry to type. Click either, then use the arrow keys.");
    plot::end_panel();
  }

  std::string describe() const override {
    const std::vector<double> h = params_.get(distribution_) ? normalized(bars()) : bars();
    std::string s = "Bars of heights";
    for (double v : h) s += " " + format_number(v);
    const Eigen::MatrixXd m = matrix();
    return s + " (sum " + format_number(sum(h)) + ") and a " + std::to_string(m.rows()) + " \u00d7 " +
           std::to_string(m.cols()) + " matrix with trace " + format_number(m.diagonal().sum()) + ".";
  }

 private:
  std::vector<double> bars() const { return params_.get(w_); }
  Eigen::MatrixXd matrix() const {
    Eigen::MatrixXd m(params_.get(rows_), params_.get(cols_));
    for (int r = 0; r < m.rows(); ++r)
      for (int c = 0; c < m.cols(); ++c) m(r, c) = params_.get(m_[std::size_t(r * kMaxSize + c)]);
    return m;
  }
  static double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
  static double round4(double x) { return std::round(x * 1e4) / 1e4; }  // four decimals in the URL

  std::array<Param<double>, kBars> w_{};
  Param<bool> distribution_{};
  Param<std::int64_t> rows_{}, cols_{};
  std::array<Param<double>, kMaxSize * kMaxSize> m_{};
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_inputs, "toolkit-inputs", "Toolkit: input verbs",
           "Bars the reader drags, kept summing to 1 as a distribution, and a matrix of up to 4 \u00d7 4 "
           "whose entries are dragged or typed: the toolkit's input verbs.",
           1.8f, 0.55f, ToolkitInputs)
