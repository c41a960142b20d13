// eigen-directions: an eigenvector is a direction that a map only stretches.
// A unit vector x sweeps the circle (drag it, or Play); A·x is drawn beside it and the circle's
// image, an ellipse, behind. Where A·x lies along x the eigen-direction lights up with its λ. A
// strip below plots how far A turns x against x's angle: its zeros are the eigen-directions.
// Drag A's columns (as in basis-images) to see two, one or no real directions.
// Page: chapters/eigenvalues-and-eigenvectors.md · Math: core/eigenvectors.hpp ·
// Test: tests/figures/test_eigen_directions.cpp, tests/browser/eigen_directions.test.mjs.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>

#include "core/eigenvectors.hpp"
#include "core/format.hpp"
#include "core/linear_map.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr double kLimit = 3;        // A's columns stay in [-3, 3]²
constexpr double kLitDegrees = 2;   // x lights an eigen-direction within this angle of it
constexpr double kDegree = std::numbers::pi / 180;

struct Preset {
  const char* label;
  Vec2 a, b;
};
const std::array<Preset, 6> kPresets = {
    Preset{"Stretch", {1.5, 0.5}, {0.5, 1}},  Preset{"Skewed", {1, 0.5}, {1, 1.5}},
    Preset{"Flip", {0, 1}, {1, 0}},           Preset{"Shear", {1, 0}, {1, 1}},
    Preset{"Scale", {1.5, 0}, {0, 1.5}},      Preset{"Rotate", {0.8, 0.6}, {-0.6, 0.8}},
};

Vec2 unit(double degrees) { return {std::cos(degrees * kDegree), std::sin(degrees * kDegree)}; }

// "λ² − 2.5λ + 1.25"
std::string polynomial_text(const CharacteristicPolynomial& p) {
  const auto term = [](double c, const char* power) {
    if (std::abs(c) < 5e-13) return std::string();
    return std::string(c < 0 ? " \u2212 " : " + ") + format_number_math(std::abs(c)) + power;
  };
  return "\u03bb\u00b2" + term(-p.trace, "\u03bb") + term(p.det, "");
}

// The eigenvalues as the panel and the description say them.
std::string roots_text(const Eigen2& e) {
  switch (e.kind) {
    case EigenKind::Complex:
      return "\u03bb = " + format_number_math(e.lambda1) + " \u00b1 " + format_number_math(e.imag) + "i";
    case EigenKind::Repeated:
      return "\u03bb\u2081 = \u03bb\u2082 = " + format_number_math(e.lambda1);
    case EigenKind::Distinct:
      break;
  }
  return "\u03bb\u2081 = " + format_number_math(e.lambda1) + ",  \u03bb\u2082 = " + format_number_math(e.lambda2);
}

std::string kind_text(const Eigen2& e) {
  if (e.kind == EigenKind::Complex) {
    const double turn = std::atan2(e.imag, e.lambda1) / kDegree;
    return "No real direction is kept: A turns every vector. The complex pair is a turn by " +
           format_number_math(turn) + "\u00b0 with a stretch by " + format_number_math(std::hypot(e.lambda1, e.imag)) + ".";
  }
  if (e.every_direction) return "A = \u03bbI: every direction is an eigen-direction.";
  if (e.kind == EigenKind::Repeated) return "One repeated \u03bb with a single direction: a shear.";
  return std::abs(e.v1.dot(e.v2)) < 1e-9 ? "Two perpendicular directions: A is symmetric."
                                          : "Two eigen-directions, not perpendicular.";
}

class EigenDirections final : public Figure {
 public:
  EigenDirections()
      : a_(params_.add_vec2("a", kPresets[0].a, -kLimit, kLimit, "where e\u2081 lands: the first column of A")),
        b_(params_.add_vec2("b", kPresets[0].b, -kLimit, kLimit, "where e\u2082 lands: the second column of A")),
        angle_(params_.add_float("angle", 20, 0, 360, "the direction of x, in degrees from e\u2081")),
        timeline_(params_, angle_, {.steps_per_second = 30, .end = 360}) {}

  void frame(const FrameContext& context) override {
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 280, 300);
    const float main_h = std::floor(layout.plot_size.y * 0.74f);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_plane({layout.plot_size.x, main_h});
    ImGui::SetCursorScreenPos({layout.plot_min.x, layout.plot_min.y + main_h});
    draw_turns({layout.plot_size.x, layout.plot_size.y - main_h});
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  std::string describe() const override {
    const Mat2 m = matrix();
    const Eigen2 e = eigen_2x2(m);
    std::string s = "A = " + format_matrix(m) + ": det(A \u2212 \u03bbI) = " + polynomial_text(characteristic_polynomial(m)) +
                    ", so " + roots_text(e) + ". ";
    if (e.real_directions() == 2 && !e.every_direction) {
      s += "Eigen-directions " + format_vector(e.v1) + " and " + format_vector(e.v2) + ". ";
    } else if (e.real_directions() == 1) {
      s += "One eigen-direction, " + format_vector(e.v1) + ". ";
    }
    s += kind_text(e) + " x at " + format_number_math(params_.get(angle_)) + "\u00b0: A\u00b7x turns it by " +
         format_number_math(turn_degrees(m, unit(params_.get(angle_)))) + "\u00b0";
    const int lit = lit_direction(e);
    if (lit > 0) s += ", none: x is an eigenvector with \u03bb = " + format_number_math(lit == 1 ? e.lambda1 : e.lambda2);
    return s + ".";
  }

 private:
  Mat2 matrix() const { return matrix_from_columns(params_.get(a_), params_.get(b_)); }

  // Signed angle from x to A·x in degrees, in (−180, 180] (0 when A·x = 0).
  static double turn_degrees(const Mat2& m, const Vec2& x) {
    const Vec2 y = m * x;
    if (y.isZero()) return 0;
    const double degrees = std::atan2(x.x() * y.y() - x.y() * y.x(), x.dot(y)) / kDegree;
    return degrees <= -180 + 1e-9 ? 180 : degrees;
  }

  // 1 or 2 when x lies (within kLitDegrees, either way along the line) on that eigen-direction,
  // else 0; every direction counts as 1 for A = λI.
  int lit_direction(const Eigen2& e) const {
    const Vec2 x = unit(params_.get(angle_));
    if (e.every_direction) return 1;
    const double near = std::sin(kLitDegrees * kDegree);
    for (int i = 1; i <= e.real_directions(); ++i) {
      const Vec2& v = i == 1 ? e.v1 : e.v2;
      if (std::abs(x.x() * v.y() - x.y() * v.x()) < near) return i;
    }
    return 0;
  }

  void draw_plane(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    Vec2 a = params_.get(a_), b = params_.get(b_);
    const Mat2 m = matrix_from_columns(a, b);
    const Eigen2 e = eigen_2x2(m);
    if (!plot::begin_plot("##plane", size, plot::PlotFlags_EqualAspect)) return;
    const double r = std::clamp(1.15 * std::max({m.norm(), a.norm(), b.norm(), 1.0}), 1.6, 4.6);
    plot::setup_axes({-r, r}, {-r, r});
    const int lit = lit_direction(e);
    const ImU32 colors[2] = {t.first, t.second};
    if (!e.every_direction) {
      for (int i = 1; i <= e.real_directions(); ++i) {
        const Vec2 v = (i == 1 ? e.v1 : e.v2) * 2 * r;
        plot::segment(-v, v, colors[i - 1], lit == i ? 3.5f : 1.5f, lit == i ? plot::kSolid : plot::kDashed);
      }
    }
    plot::parametric([](double u) { return Vec2(std::cos(u), std::sin(u)); }, 0, 2 * std::numbers::pi,
                     t.text_muted, 1, plot::kDotted);
    plot::parametric([&](double u) { return Vec2(m * Vec2(std::cos(u), std::sin(u))); }, 0, 2 * std::numbers::pi,
                     t.fourth, 1.5f, plot::kDashed);
    plot::arrow({0, 0}, a, plot::with_alpha(t.first, 110));
    plot::arrow({0, 0}, b, plot::with_alpha(t.second, 110));
    Vec2 x = unit(params_.get(angle_));
    const Vec2 ax = m * x;
    plot::arrow({0, 0}, ax, t.fourth, lit > 0 ? nullptr : "A\u00b7x");
    plot::arrow({0, 0}, x, t.text);
    if (lit > 0) {
      const double lambda = lit == 1 ? e.lambda1 : e.lambda2;
      const std::string label = "A\u00b7x = " + format_number_math(lambda) + "\u00b7x";
      plot::text(ax.norm() > 1 ? ax : x, label.c_str(), colors[lit - 1], {0, 1}, {8, -6}, plot::TextFlags_Halo);
    }
    plot::DragOptions columns;
    columns.snap = 0.25;
    columns.limit = kLimit;
    if (plot::drag_point("x", &x, t.text, "x")) {
      timeline_.stop();
      double degrees = std::atan2(x.y(), x.x()) / kDegree;
      params_.set(angle_, degrees < 0 ? degrees + 360 : degrees);
    }
    if (plot::drag_point("e1", &a, t.first, "A\u00b7e\u2081", columns)) params_.set(a_, a);
    if (plot::drag_point("e2", &b, t.second, "A\u00b7e\u2082", columns)) params_.set(b_, b);
    plot::end_plot();
  }

  // How far A turns x, against x's direction: zero at the eigen-directions.
  void draw_turns(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const Mat2 m = matrix();
    if (!plot::begin_plot("##turns", size, plot::PlotFlags_EdgeAxes | plot::PlotFlags_NoGrid)) return;
    // The view fits the largest turn (at least ±15°, at most ±180°) so small turns still show.
    double most = 15;
    for (int deg = 0; deg < 360; deg += 2) most = std::max(most, 1.15 * std::abs(turn_degrees(m, unit(deg))));
    most = std::min(most, 185.0);
    plot::setup_axes({0, 360}, {-most, most});
    plot::segment({0, 0}, {360, 0}, t.grid_strong, 1);
    plot::curve([&](double deg) { return turn_degrees(m, unit(deg)); }, t.fourth, 2);
    const double angle = params_.get(angle_);
    plot::segment({angle, -most}, {angle, most}, t.text_muted, 1, plot::kDashed);
    plot::point({angle, turn_degrees(m, unit(angle))}, t.text, 4);
    plot::caption("turn from x to A\u00b7x (\u00b0)", plot::Corner::TopRight);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    const Mat2 m = matrix();
    plot::matrix("A", m, t.first, t.second);
    Vec2 a = params_.get(a_), b = params_.get(b_);
    if (plot::vec2_input("A\u00b7e\u2081", &a, -kLimit, kLimit, t.first)) params_.set(a_, a);
    if (plot::vec2_input("A\u00b7e\u2082", &b, -kLimit, kLimit, t.second)) params_.set(b_, b);
    const Eigen2 e = eigen_2x2(m);
    const std::string poly = "det(A \u2212 \u03bbI) = " + polynomial_text(characteristic_polynomial(m));
    ImGui::TextUnformatted(poly.c_str());
    plot::heading(roots_text(e).c_str());
    plot::note(kind_text(e).c_str());
    if (const Preset* preset = plot::preset_row(kPresets)) {
      params_.set(a_, preset->a);
      params_.set(b_, preset->b);
    }
    timeline_.controls();
    const std::string at = "x at " + format_number_math(params_.get(angle_)) + "\u00b0, turned by " +
                           format_number_math(turn_degrees(m, unit(params_.get(angle_)))) + "\u00b0";
    ImGui::TextUnformatted(at.c_str());
    plot::end_panel();
  }

  Param<Eigen::Vector2d> a_, b_;
  Param<double> angle_;
  plot::Timeline timeline_;  // sweeps angle_: declared after it
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(eigen_directions, "eigen-directions", "Directions a matrix only stretches",
           "A vector sweeps the unit circle while A acts on it; where A\u00b7x lies along x, the "
           "eigen-direction lights up with its eigenvalue, and the roots of det(A \u2212 \u03bbI) say "
           "whether there are two, one or no such directions.",
           1.55f, 0.5f, EigenDirections)
