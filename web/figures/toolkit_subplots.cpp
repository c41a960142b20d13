// toolkit-subplots: the subplots verb as a reference for figure authors: a signal on top and its
// two parts below, in rows that share the height by a ratio the reader sets, a gap apart. On a
// narrow figure (a phone) the bottom row stacks its two plots. The three x axes are linked: drag
// any plot sideways or zoom it with the wheel and the others follow; unlinked, each moves alone.
// Page: toolkit.html (generated) · Test: tests/figures/test_toolkit_subplots.cpp, test_every_figure.cpp.
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/subplots.hpp"

namespace mml::figures {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr float kMinCellWidth = 220;  // CSS pixels a part's plot needs beside the other

double slow(double x) { return std::sin(x); }
double fast(double x, double a) { return a * std::sin(6 * x); }

class ToolkitSubplots final : public Figure {
 public:
  ToolkitSubplots()
      : split_(params_.add_float("split", 0.55, 0.2, 0.8, "the top row's share of the height")),
        gap_(params_.add_float("gap", 10, 0, 30, "pixels between the plots")),
        ripple_(params_.add_float("ripple", 0.35, 0, 1, "amplitude a of the fast part a sin 6x")),
        linked_(params_.add_bool("linked", true, "the three plots pan and zoom together along x")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 260, 230);
    const float top = float(params_.get(split_));
    const std::array rows = {plot::SubplotRow{.height = top},
                             plot::SubplotRow{.height = 1 - top, .cells = {1, 1}, .min_cell_width = kMinCellWidth}};
    plot::Subplots grid("##grid", layout.plot_min, layout.plot_size, rows, {.gap = float(params_.get(gap_))});
    if (params_.get(linked_)) grid.link({0, 1, 2}, plot::AxisLink_X);
    const double a = params_.get(ripple_);
    draw("##signal", grid.cell(0), [a](double x) { return slow(x) + fast(x, a); }, t.first, "sin x + a sin 6x");
    draw("##slow", grid.cell(1), slow, t.second, "sin x");
    draw("##fast", grid.cell(2), [a](double x) { return fast(x, a); }, t.third, "a sin 6x");

    plot::begin_panel(layout);
    double split = params_.get(split_), gap = params_.get(gap_), ripple = params_.get(ripple_);
    if (plot::slider("top row's share", &split, 0.2, 0.8, "%.2f")) params_.set(split_, std::round(split * 100) / 100);
    if (plot::slider("gap (pixels)", &gap, 0, 30, "%.0f")) params_.set(gap_, std::round(gap));
    if (plot::slider("ripple a", &ripple, 0, 1, "%.2f")) params_.set(ripple_, std::round(ripple * 100) / 100);
    bool linked = params_.get(linked_);
    if (ImGui::Checkbox("Link the x axes", &linked)) params_.set(linked_, linked);
    plot::note(grid.stacked() ? "Too narrow for the parts side by side: they stack."
                              : "Drag a plot sideways or use the wheel; double-click goes home.");
    plot::end_panel();
  }

  std::string describe() const override {
    return "The signal sin x + " + format_number(params_.get(ripple_)) + " sin 6x on top, its two parts below; " +
           (params_.get(linked_) ? "the x axes are linked." : "each plot pans and zooms alone.");
  }

 private:
  template <class F>
  static void draw(const char* id, ImVec2 size, F f, ImU32 color, const char* title) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot(id, size, plot::PlotFlags_PanZoom)) return;
    plot::setup_axes({-2 * kPi, 2 * kPi}, {-1.6, 1.6});
    plot::curve(f, color);
    const plot::ViewTransform& view = plot::current_view();
    plot::text({view.x().min, view.y().max}, title, t.text_muted, {0, 0}, {6, 4}, plot::TextFlags_Halo);
    plot::end_plot();
  }

  Param<double> split_, gap_, ripple_;
  Param<bool> linked_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_subplots, "toolkit-subplots", "Toolkit: subplots",
           "A signal and its two parts in rows of plots that share the height by ratio, stack on a narrow "
           "figure and pan and zoom together along a linked x axis: the toolkit's subplots verb.",
           1.8f, 0.6f, ToolkitSubplots)
