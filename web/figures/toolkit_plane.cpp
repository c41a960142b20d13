// toolkit-plane: the toolkit's 2D geometry items as a reference for figure authors: the plane
// carried by a 2×2 matrix (grid lines), the unit square's image coloured by its signed area,
// labelled arrows, draggable handles with snapping and arrow-key nudging, a dashed segment, a
// dashed parametric curve (the unit circle's image), a point walking it on a timeline, text
// with Unicode math over the data (with a halo), a caption in a corner on a card, a hairline
// border (what tells plots apart that touch) and a row of presets. Drag the background to pan;
// click, then wheel.
// Page: toolkit.html (generated) · Test: tests/figures/test_toolkit.cpp, test_every_figure.cpp.
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr int kStepsPerTurn = 48;  // timeline steps for the point to go once round the ellipse

struct Preset {
  const char* label;
  Vec2 a, b;
};
const std::array<Preset, 3> kPresets = {Preset{"Rotate", {0, 1}, {-1, 0}}, Preset{"Shear", {1, 0}, {1, 1}},
                                        Preset{"Mirror", {1, 0}, {0, -1}}};

class ToolkitPlane final : public Figure {
 public:
  ToolkitPlane()
      : a_(params_.add_vec2("a", {1.5, 0.5}, -4, 4, "where e\u2081 lands: the matrix's first column")),
        b_(params_.add_vec2("b", {0.5, 1.25}, -4, 4, "where e\u2082 lands: the matrix's second column")),
        snap_(params_.add_float("snap", 0.25, 0, 1, "handles snap to multiples of this while dragged (0: free)")),
        step_(params_.add_int("step", 6, 0, 100000, "the point's position on the circle's image, in steps")),
        timeline_(params_, step_) {}

  void frame(const FrameContext& context) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 220);
    timeline_.advance(context.dt, context.reduced_motion);
    Vec2 a = params_.get(a_), b = params_.get(b_);
    Mat2 m;
    m.col(0) = a;
    m.col(1) = b;
    const double s = 2 * std::numbers::pi * double(params_.get(step_) % kStepsPerTurn) / kStepsPerTurn;
    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##plane", layout.plot_size, plot::PlotFlags_EqualAspect | plot::PlotFlags_PanZoom)) {
      plot::setup_axes({-3.2, 3.2}, {-2.4, 2.4});
      plot::linear_grid(m, 4, plot::current_theme().grid_strong);
      const std::array<Vec2, 4> square = {Vec2(0, 0), a, Vec2(a + b), b};
      const double area = plot::oriented_polygon(square);
      // The unit circle and its image, an ellipse: A(cos s, sin s).
      plot::parametric([](double u) { return Vec2(std::cos(u), std::sin(u)); }, 0, 2 * std::numbers::pi,
                       t.text_muted, 1, plot::kDotted);
      plot::parametric([&](double u) { return Vec2(m * Vec2(std::cos(u), std::sin(u))); }, 0, 2 * std::numbers::pi,
                       t.fourth, 2, plot::kDashed);
      const Vec2 on_circle(std::cos(s), std::sin(s));
      plot::point(on_circle, t.text_muted, 3.5f);
      plot::arrow({0, 0}, m * on_circle, t.fourth, "A\u00b7u");
      // A·u = cos θ · Ae₁ + sin θ · Ae₂: the two legs, dashed.
      plot::segment({0, 0}, std::cos(s) * a, t.first, 1.5f, plot::kDashed);
      plot::segment(std::cos(s) * a, m * on_circle, t.second, 1.5f, plot::kDashed);
      plot::point(m * on_circle, t.fourth, 4.5f);
      plot::arrow({0, 0}, a, t.first);
      plot::arrow({0, 0}, b, t.second);
      const std::string det = "det A = " + format_number_math(area, 3);
      plot::text(0.5 * (a + b), det.c_str(), area >= 0 ? t.positive_line : t.negative_line, {0.5f, 0.5f}, {0, 0},
                 plot::TextFlags_Halo);
      const plot::ViewTransform& view = plot::current_view();
      plot::text({view.x().min, view.y().max}, "\u2016A\u00b7u\u2016 \u2265 0,  \u03b8 \u2192 A(cos \u03b8, sin \u03b8),  \u2207, \u03a3, x\u00b2",
                 t.text, {0, 0}, {8, 8}, plot::TextFlags_Halo);
      const std::string walk = "u at \u03b8 = " + format_number_math(s * 180 / std::numbers::pi, 3) + "\u00b0";
      plot::caption(walk.c_str(), plot::Corner::BottomLeft);
      plot::border(t.grid_strong);
      plot::DragOptions drag;
      drag.snap = params_.get(snap_);
      drag.nudge = 0.25;
      drag.limit = 4;
      if (plot::drag_point("##a", &a, t.first, "A\u00b7e\u2081", drag)) params_.set(a_, a);
      if (plot::drag_point("##b", &b, t.second, "A\u00b7e\u2082", drag)) params_.set(b_, b);
      plot::end_plot();
    }
    plot::begin_panel(layout);
    plot::heading("The plane under A");
    plot::matrix("A", m, t.first, t.second);
    double snap = params_.get(snap_);
    if (plot::slider("Snap handles to", &snap, 0, 1, "%.2f")) params_.set(snap_, std::round(snap * 20) / 20);
    if (const Preset* preset = plot::preset_row(kPresets)) {
      params_.set(a_, preset->a);
      params_.set(b_, preset->b);
    }
    timeline_.controls();
    const std::string at = "\u03b8 = " + format_number_math(s * 180 / std::numbers::pi, 3) + "\u00b0";
    ImGui::TextUnformatted(at.c_str());
    plot::note("Drag a handle (Shift: no snapping) or pick it and use the arrow keys. The dashed "
               "ellipse is the unit circle's image; Play walks u round it.");
    plot::end_panel();
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  std::string describe() const override {
    const Vec2 a = params_.get(a_), b = params_.get(b_);
    return "The grid carried by the matrix with columns (" + format_number(a.x()) + ", " + format_number(a.y()) +
           ") and (" + format_number(b.x()) + ", " + format_number(b.y()) + "); the unit square becomes a "
           "parallelogram of signed area " + format_number(a.x() * b.y() - a.y() * b.x()) + ".";
  }

 private:
  Param<Eigen::Vector2d> a_, b_;
  Param<double> snap_;
  Param<std::int64_t> step_;
  plot::Timeline timeline_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_plane, "toolkit-plane", "Toolkit: the plane",
           "A 2×2 matrix's grid, the unit square's image coloured by its signed area, labelled arrows, "
           "draggable handles, dashed lines and a point on a timeline: the toolkit's 2D items.",
           1.5f, 0.75f, ToolkitPlane)
