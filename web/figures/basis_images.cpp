// basis-images: a matrix is where the unit vectors land.
// The reader drags A·e₁ and A·e₂; the plane's grid, the letter F and the unit square follow, and
// the determinant is the signed area of the square's image, coloured by orientation.
// Page: chapters/linear-transformations.md · Math: core/linear_map.hpp · Test: tests/figures.
#include <array>
#include <string>

#include "core/format.hpp"
#include "core/linear_map.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

constexpr double kLimit = 3;  // columns stay in [-3, 3]²

struct Preset {
  const char* label;
  LinearPreset preset;
};
constexpr std::array kPresets = {
    Preset{"Rotation", LinearPreset::Rotation},   Preset{"Shear", LinearPreset::Shear},
    Preset{"Scaling", LinearPreset::Scaling},     Preset{"Reflection", LinearPreset::Reflection},
    Preset{"Projection", LinearPreset::Projection},
};

class BasisImages final : public Figure {
 public:
  BasisImages()
      : a_(params_.add_vec2("a", {1, 0}, -kLimit, kLimit, "where e\u2081 lands: the first column of A")),
        b_(params_.add_vec2("b", {0, 1}, -kLimit, kLimit, "where e\u2082 lands: the second column of A")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    Vec2 a = params_.get(a_), b = params_.get(b_);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const plot::FigureLayout layout = plot::split_layout(origin, ImGui::GetContentRegionAvail());

    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##plane", layout.plot_size, plot::PlotFlags_EqualAspect)) {
      // Wide: room for the whole [-3, 3]² the handles can reach. Narrow (phones): a closer view.
      if (layout.stacked) plot::setup_axes({-2.4, 2.4}, {-2.0, 2.0});
      else plot::setup_axes({-3.5, 3.5}, {-2.5, 2.5});
      const Mat2 m = matrix_from_columns(a, b);
      plot::linear_grid(m, 6, t.grid_strong, 1);
      draw_images(m, t);
      plot::arrow({0, 0}, a, t.first);
      plot::arrow({0, 0}, b, t.second);
      plot::DragOptions drag;
      drag.snap = 0.25;
      drag.limit = kLimit;
      if (plot::drag_point("e1", &a, t.first, "A\u00b7e\u2081", drag)) params_.set(a_, a);
      if (plot::drag_point("e2", &b, t.second, "A\u00b7e\u2082", drag)) params_.set(b_, b);
      plot::end_plot();
    }

    plot::begin_panel(layout);
    const Mat2 m = matrix_from_columns(params_.get(a_), params_.get(b_));
    plot::matrix("A", m, t.first, t.second);
    ImGui::Spacing();
    Vec2 typed_a = params_.get(a_), typed_b = params_.get(b_);
    if (plot::vec2_input("A\u00b7e\u2081", &typed_a, -kLimit, kLimit, t.first)) params_.set(a_, typed_a);
    if (plot::vec2_input("A\u00b7e\u2082", &typed_b, -kLimit, kLimit, t.second)) params_.set(b_, typed_b);
    ImGui::Spacing();
    const std::string det = "det A = " + format_number(m.determinant());
    plot::heading(det.c_str());
    plot::note(area_sentence(m).c_str());
    ImGui::Spacing();
    // Presets only: resetting is the toolbar's Reset, one button for every figure.
    if (const Preset* preset = plot::preset_row(kPresets)) {
      const Mat2 p = preset_matrix(preset->preset);
      params_.set(a_, p.col(0));
      params_.set(b_, p.col(1));
    }
    plot::end_panel();
  }

  std::string describe() const override {
    const Vec2 a = params_.get(a_), b = params_.get(b_);
    const Mat2 m = matrix_from_columns(a, b);
    return "e\u2081 lands on (" + format_number(a.x()) + ", " + format_number(a.y()) + ") and e\u2082 on (" +
           format_number(b.x()) + ", " + format_number(b.y()) + "). " + describe_area_change(m) + ".";
  }

 private:
  static std::string area_sentence(const Mat2& m) {
    const std::string s = describe_area_change(m);
    const auto colon = s.find(": ");
    std::string rest = colon == std::string::npos ? s : s.substr(colon + 2);
    if (!rest.empty()) rest[0] = char(std::toupper(static_cast<unsigned char>(rest[0])));
    return rest + ".";
  }

  // The unit square's image, coloured by its signed area (det), and the letter F's.
  static void draw_images(const Mat2& m, const plot::Theme& t) {
    plot::oriented_polygon(map_points(m, unit_square()));
    const auto letter = map_points(m, letter_f());
    if (orientation(m) == Orientation::Collapsed) {
      // Everything lands on a line (or the origin): the F is the segment it became.
      plot::polyline(letter, t.third, 2, plot::kSolid, true);
      return;
    }
    plot::polygon(letter, plot::with_alpha(t.third, 150), t.third);
    const Vec2 centre = m * Vec2(0.83, 0.3);  // beside the F, inside the square
    const std::string label = "det " + format_number(m.determinant());
    plot::text(centre, label.c_str(), m.determinant() < 0 ? t.negative_line : t.positive_line, {0.5f, 0.5f});
  }

  Param<Eigen::Vector2d> a_, b_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(basis_images, "basis-images", "Where the unit vectors land",
           "Drag the images of e\u2081 and e\u2082: the grid, the unit square and the letter F follow, "
           "and the determinant is the signed area of the square's image.",
           1.6f, 0.62f, BasisImages)
