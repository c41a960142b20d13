// toolkit-fields: the toolkit's scalar-field items in one place, as a reference for figure
// authors (and a browser test of the GLSL path): a heatmap with contour lines, its colour bar,
// the negative gradient as a vector field, and a curve over it. The field is Himmelblau's
// function, whose four minima gradient descent can fall into.
// Page: toolkit.html (generated) · Test: tests/figures/test_every_figure.cpp.
#include <array>
#include <cmath>
#include <string>

#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

double himmelblau(double x, double y) {
  return (x * x + y - 11) * (x * x + y - 11) + (x + y * y - 7) * (x + y * y - 7);
}

Vec2 himmelblau_gradient(const Vec2& p) {
  const double a = p.x() * p.x() + p.y() - 11, b = p.x() + p.y() * p.y() - 7;
  return {4 * a * p.x() + 2 * b, 2 * a + 4 * b * p.y()};
}

class ToolkitFields final : public Figure {
 public:
  ToolkitFields()
      : map_(params_.add_choice("map", {"viridis", "cividis"}, 0, "colour map")),
        contours_(params_.add_int("contours", 12, 0, 40, "number of contour levels (0: none)")),
        arrows_(params_.add_bool("arrows", true, "draw the negative gradient as arrows")),
        resolution_(params_.add_int("resolution", 96, 8, 256, "samples per side of the grid")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 220);
    const plot::ColorMap map = params_.get(map_) == 1 ? plot::ColorMap::Cividis : plot::ColorMap::Viridis;
    // Colours follow log(1 + f): Himmelblau spans 0 to ~900 here, and the minima live near 0.
    const plot::Range colors{0, std::log1p(900.0)};
    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##field", layout.plot_size, plot::PlotFlags_EqualAspect | plot::PlotFlags_PanZoom)) {
      plot::setup_axes({-5, 5}, {-5, 5});
      const int n = int(params_.get(resolution_));
      const plot::Range x = plot::current_view().x(), y = plot::current_view().y();
      const plot::Grid grid = plot::sample_grid([](double a, double b) { return std::log1p(himmelblau(a, b)); }, x, y, n, n);
      const int levels = int(params_.get(contours_));
      plot::heatmap(grid, colors, map, levels > 0 ? colors.size() / (levels + 1) : 0);
      if (params_.get(arrows_))
        plot::vector_field([](const Vec2& p) { return Vec2(-himmelblau_gradient(p)); }, 14, IM_COL32(255, 255, 255, 170));
      plot::parametric([](double s) { return Vec2(3 * std::cos(s), 2 * std::sin(s)); }, 0, 6.2832, t.first, 2);
      for (const Vec2& m : kMinima) plot::point(m, t.handle_ring, 5), plot::point(m, t.second, 3.5f);
      plot::end_plot();
    }
    plot::begin_panel(layout);
    plot::heading("Himmelblau's function");
    plot::note("Colour is log(1 + f); four minima, all with f = 0. Drag to pan; click, then wheel to zoom; double-click to go back.");
    static constexpr std::array kMaps = {"viridis", "cividis"};
    plot::dropdown(params_, map_, "Colour map", kMaps);
    plot::slider(params_, contours_, "Contour levels");
    plot::checkbox(params_, arrows_, "Gradient arrows");
    ImGui::Spacing();
    plot::colorbar("log(1 + f)", colors, map, {80, std::max(60.f, ImGui::GetContentRegionAvail().y - 30)});
    plot::end_panel();
  }

  std::string describe() const override {
    return "Heatmap of Himmelblau's function with " + std::to_string(params_.get(contours_)) +
           " contour levels; its four minima are marked.";
  }

 private:
  inline static const std::array<Vec2, 4> kMinima = {Vec2(3, 2), Vec2(-2.805118, 3.131312),
                                                     Vec2(-3.779310, -3.283186), Vec2(3.584428, -1.848126)};
  Param<Choice> map_;
  Param<std::int64_t> contours_;
  Param<bool> arrows_;
  Param<std::int64_t> resolution_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_fields, "toolkit-fields", "Toolkit: scalar fields",
           "A heatmap with contour lines and a colour bar, the negative gradient as arrows, and a "
           "parametric curve: the toolkit's field items on Himmelblau's function.",
           1.5f, 0.7f, ToolkitFields)
