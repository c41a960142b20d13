// composition: doing one map after another is the matrix product.
// Two small planes hold the maps B and A (drag their columns); the big plane plays the composition:
// identity → B → A·B, with the arrows showing why the product's columns are A applied to B's
// columns. Swapping the order shows BA, and the panel says with numbers that AB ≠ BA in general.
// Page: chapters/linear-transformations.md · Math: core/composition.hpp · Test: tests/figures.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <tuple>

#include "core/composition.hpp"
#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr double kLimit = 3;           // columns stay in [-3, 3]²
constexpr double kStagesPerSecond = 0.6;  // Play: each stage takes about 1.7 s

// "1·Ae₁ + 0·Ae₂": column j of the product as a combination of the second map's columns.
std::string combination(const Vec2& weights, const char* name) {
  return format_number(weights.x()) + "\u00b7" + name + "e\u2081 + " + format_number(weights.y()) + "\u00b7" +
         name + "e\u2082";
}

struct Preset {
  const char* label;
  Vec2 a1, a2, b1, b2;
};
// A rotation and a shear (the default); two rotations, which commute; two mirror images, whose
// product is a quarter turn one way or the other depending on the order.
const std::array kPresets = {
    Preset{"Rotate & shear", {0, 1}, {-1, 0}, {1, 0}, {1, 1}},
    Preset{"Two rotations", {0.5, 0.866}, {-0.866, 0.5}, {0, 1}, {-1, 0}},
    Preset{"Two mirrors", {0, 1}, {1, 0}, {1, 0}, {0, -1}},
};

class Composition final : public Figure {
 public:
  Composition()
      : b1_(params_.add_vec2("b1", kPresets[0].b1, -kLimit, kLimit, "where B sends e\u2081: B's first column")),
        b2_(params_.add_vec2("b2", kPresets[0].b2, -kLimit, kLimit, "where B sends e\u2082: B's second column")),
        a1_(params_.add_vec2("a1", kPresets[0].a1, -kLimit, kLimit, "where A sends e\u2081: A's first column")),
        a2_(params_.add_vec2("a2", kPresets[0].a2, -kLimit, kLimit, "where A sends e\u2082: A's second column")),
        order_(params_.add_choice("order", {"b-then-a", "a-then-b"}, 0,
                                "which map goes first: B then A is the product AB, A then B is BA")),
        progress_(params_.add_float("t", 2, 0, 2,
                                    "how far the animation is: 0 the plane, 1 after the first map, 2 after both")),
        timeline_(params_, progress_, {.steps_per_second = kStagesPerSecond}) {}

  void frame(const FrameContext& context) override {
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 280, 300);
    const Maps m = maps();
    // The big plane on top, the two small ones side by side under it (both layouts): the eye
    // reads "these two maps make that one".
    const ImVec2 o = layout.plot_min, s = layout.plot_size;
    const ImVec2 main_size = {s.x, std::floor(s.y * (layout.stacked ? 0.56f : 0.6f))};
    const ImVec2 mini_size = {std::floor(s.x / 2), s.y - main_size.y};
    const ImVec2 mini_at[2] = {{o.x, o.y + main_size.y}, {o.x + mini_size.x, o.y + main_size.y}};
    // The map applied first is edited in the first small plane (and takes the arrow keys).
    const bool b_first = params_.get(order_) == 0;
    ImGui::SetCursorScreenPos(mini_at[0]);
    edit_map(b_first ? 'B' : 'A', mini_size, 0);
    ImGui::SetCursorScreenPos(mini_at[1]);
    edit_map(b_first ? 'A' : 'B', mini_size, 1);
    ImGui::SetCursorScreenPos(o);
    draw_plane(maps(), main_size, layout.stacked);
    draw_panel(layout, m);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  std::string describe() const override {
    const Maps m = maps();
    const std::string p = m.product_name, q = m.other_name;
    return std::string(m.first_name) + " then " + m.second_name + ": " + p + " = " + format_matrix(m.product) +
           ", whose columns " + format_vector(m.product.col(0)) + " and " + format_vector(m.product.col(1)) + " are " +
           m.second_name + " applied to " + m.first_name + "'s columns. The other order gives " + q + " = " +
           format_matrix(m.other) + (commute(m.product, m.other, 1e-9)
                                ? ": the same map, these two commute."
                                : ": a different map, so the order matters.");
  }

 private:
  struct Maps {
    Mat2 a, b, first, second, product, other;
    const char *first_name, *second_name, *product_name, *other_name;
  };
  Maps maps() const {
    Maps m;
    m.a = matrix_from_columns(params_.get(a1_), params_.get(a2_));
    m.b = matrix_from_columns(params_.get(b1_), params_.get(b2_));
    const bool b_first = params_.get(order_) == 0;
    m.first = b_first ? m.b : m.a;
    m.second = b_first ? m.a : m.b;
    m.first_name = b_first ? "B" : "A";
    m.second_name = b_first ? "A" : "B";
    m.product_name = b_first ? "AB" : "BA";
    m.other_name = b_first ? "BA" : "AB";
    m.product = compose(m.first, m.second);
    m.other = compose(m.second, m.first);
    return m;
  }
  double progress() const { return params_.get(progress_); }
  // Eased inside each stage, so the plane starts and stops gently at identity, first, product.
  double shown_progress() const {
    const double p = progress(), k = std::min(1.0, std::floor(p));
    return p >= 2 ? 2 : k + ease_in_out(p - k);
  }

  // A small plane for one map: its grid and its two draggable columns.
  void edit_map(char name, ImVec2 size, int plane) {
    const plot::Theme& t = plot::current_theme();
    const bool is_a = name == 'A';
    Param<Eigen::Vector2d> c1 = is_a ? a1_ : b1_, c2 = is_a ? a2_ : b2_;
    Vec2 p1 = params_.get(c1), p2 = params_.get(c2);
    const std::string id = std::string("##map-") + name;
    if (!plot::begin_plot(id.c_str(), size, plot::PlotFlags_EqualAspect | plot::PlotFlags_NoTickLabels)) return;
    // Fit the columns, but keep the view still while a handle is dragged (it would slide away).
    float& extent = extent_[is_a ? 1 : 0];
    if (!ImGui::IsAnyItemActive() || extent == 0)
      extent = float(std::clamp(std::max(p1.cwiseAbs().maxCoeff(), p2.cwiseAbs().maxCoeff()) + 0.8, 1.8, 3.4));
    plot::setup_axes({-extent, extent}, {-extent, extent});
    const Mat2 m = matrix_from_columns(p1, p2);
    plot::linear_grid(m, 4, t.grid_strong, 1);
    plot::polygon(map_points(m, unit_square()), plot::with_alpha(t.third, 50), plot::with_alpha(t.third, 160));
    const std::string l1 = std::string(1, name) + "e\u2081", l2 = std::string(1, name) + "e\u2082";
    plot::arrow({0, 0}, p1, t.first);
    plot::arrow({0, 0}, p2, t.second);
    plot::DragOptions drag;
    drag.snap = 0.25;
    drag.limit = kLimit;
    // The toolkit keeps one keyboard selection per figure: the handle last picked, in either plane.
    if (plot::drag_point((id + "1").c_str(), &p1, t.first, l1.c_str(), drag)) params_.set(c1, p1);
    if (plot::drag_point((id + "2").c_str(), &p2, t.second, l2.c_str(), drag)) params_.set(c2, p2);
    const std::string title = std::string(plane == 0 ? "first: " : "then: ") + name;
    plot::caption(title.c_str());
    plot::border(t.grid_strong);  // a hairline between the small planes and the big one
    plot::end_plot();
  }

  // The big plane: the grid, unit square and F carried through identity → first → product.
  void draw_plane(const Maps& m, ImVec2 size, bool narrow) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##plane", size, plot::PlotFlags_EqualAspect)) return;
    // Tall enough for the first map's and the product's columns (not the moving ones, so the view
    // holds still while playing); a closer view on phones.
    double reach = 0;
    for (const Mat2* x : {&m.first, &m.product}) reach = std::max(reach, x->cwiseAbs().maxCoeff());
    const double half = std::clamp(reach + 0.7, narrow ? 1.8 : 2.2, 7.0);
    plot::setup_axes({-half, half}, {-half, half});
    const double p = shown_progress();
    const Mat2 now = composition_at(m.first, m.second, p);
    plot::linear_grid(now, 8, t.grid_strong, 1);
    const auto square = map_points(now, unit_square());
    const bool flipped = now.determinant() < 0;
    plot::polygon(square, flipped ? t.negative_fill : t.positive_fill, flipped ? t.negative_line : t.positive_line);
    plot::polygon(map_points(now, letter_f()), plot::with_alpha(t.third, 150), t.third);

    const std::string f = m.first_name, g = m.second_name;
    const std::string fe1 = f + "e\u2081", fe2 = f + "e\u2082";
    if (p <= 1) {
      const bool done = p >= 1;
      plot::arrow({0, 0}, now.col(0), t.first, p == 0 ? "e\u2081" : done ? fe1.c_str() : nullptr);
      plot::arrow({0, 0}, now.col(1), t.second, p == 0 ? "e\u2082" : done ? fe2.c_str() : nullptr);
    } else {
      // The first map's columns stay as faint arrows; dotted trails show where the second map
      // takes them. At the end the moved arrows are the product's columns.
      const bool done = p >= 2;
      for (int j = 0; j < 2; ++j) {
        const ImU32 c = j == 0 ? t.first : t.second;
        plot::arrow({0, 0}, m.first.col(j), plot::with_alpha(c, 90), j == 0 ? fe1.c_str() : fe2.c_str());
        plot::segment(m.first.col(j), now.col(j), plot::with_alpha(c, 150), 2.5f, plot::kDotted);
        const std::string label = g + "(" + f + "e" + (j == 0 ? "\u2081" : "\u2082") + ")";
        plot::arrow({0, 0}, now.col(j), c, done ? label.c_str() : nullptr);
      }
    }
    const std::string caption = p <= 0  ? "the plane as it is"
                                : p < 1   ? "applying " + f
                                : p == 1  ? "after " + f
                                : p < 2   ? "after " + f + ", applying " + g
                                          : "after " + f + ", then " + g + ": the plane under " + m.product_name;
    plot::caption(caption.c_str());
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout, const Maps& m) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    const std::string f = m.first_name, g = m.second_name;
    const std::string head = f + " then " + g + " is the product " + m.product_name;
    plot::heading(head.c_str());
    // The timeline shows the stage as its step; Step goes to the next stage, Rewind to the start.
    timeline_.controls();
    plot::matrix(m.product_name, m.product, t.first, t.second);
    ImGui::SameLine(0, 24);
    if (ImGui::GetContentRegionAvail().x < 110) ImGui::NewLine();
    plot::matrix(m.other_name, m.other, t.text_muted, t.text_muted);
    plot::note(stage_sentence(m).c_str());
    const bool same = commute(m.product, m.other, 1e-9);
    const std::string verdict =
        same ? std::string("Here ") + m.product_name + " = " + m.other_name + ": these two maps commute."
             : std::string(m.product_name) + " \u2260 " + m.other_name + ": the order matters (" +
                   difference(m.product, m.other) + ").";
    plot::note(verdict.c_str());
    ImGui::Spacing();
    // Swap first: the experiment the figure is about.
    // Resetting everything is the toolbar's Reset; the timeline's Rewind only replays.
    std::array<const char*, kPresets.size() + 1> labels{};
    labels[0] = "Swap order";
    for (std::size_t i = 0; i < kPresets.size(); ++i) labels[i + 1] = kPresets[i].label;
    int clicked = plot::button_row(labels);
    if (clicked == 0) params_.set(order_, 1 - params_.get(order_));
    --clicked;
    if (clicked >= 0 && clicked < int(kPresets.size())) {
      const Preset& pr = kPresets[std::size_t(clicked)];
      params_.set(a1_, pr.a1);
      params_.set(a2_, pr.a2);
      params_.set(b1_, pr.b1);
      params_.set(b2_, pr.b2);
    }
    if (ImGui::CollapsingHeader("Type the columns")) {
      for (auto [param, label, color] : {std::tuple{b1_, "Be\u2081", t.first}, std::tuple{b2_, "Be\u2082", t.second},
                                         std::tuple{a1_, "Ae\u2081", t.first}, std::tuple{a2_, "Ae\u2082", t.second}}) {
        Vec2 v = params_.get(param);
        if (plot::vec2_input(label, &v, -kLimit, kLimit, color)) params_.set(param, v);
      }
    }
    plot::end_panel();
  }

  // What the current stage shows, with the numbers.
  std::string stage_sentence(const Maps& m) const {
    const std::string f = m.first_name, g = m.second_name;
    const double p = progress();
    if (p < 1)
      return "Step shows " + f + " alone: it sends e\u2081 to " + f + "e\u2081 = " + format_vector(m.first.col(0)) + " and e\u2082 to " +
             f + "e\u2082 = " + format_vector(m.first.col(1)) + ".";
    if (p < 2)
      return f + "e\u2081 = " + format_vector(m.first.col(0)) + ", " + f + "e\u2082 = " + format_vector(m.first.col(1)) + ". Next, " + g +
             " moves these two arrows.";
    return g + "(" + f + "e\u2081) = " + combination(m.first.col(0), g.c_str()) + " = " + format_vector(m.product.col(0)) + "; " + g +
           "(" + f + "e\u2082) = " + combination(m.first.col(1), g.c_str()) + " = " + format_vector(m.product.col(1)) +
           ": the columns of " + m.product_name + ".";
  }

  // The first entry where the two products differ, e.g. "top left: 0 vs 1".
  static std::string difference(const Mat2& x, const Mat2& y) {
    static constexpr const char* names[2][2] = {{"top left", "top right"}, {"bottom left", "bottom right"}};
    int bi = 0, bj = 0;
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j)
        if (std::abs(x(i, j) - y(i, j)) > std::abs(x(bi, bj) - y(bi, bj))) bi = i, bj = j;
    return std::string(names[bi][bj]) + " entry " + format_number(x(bi, bj)) + " vs " + format_number(y(bi, bj));
  }

  Param<Eigen::Vector2d> b1_, b2_, a1_, a2_;
  Param<Choice> order_;
  Param<double> progress_;
  plot::Timeline timeline_;  // plays progress_: declared after it
  float extent_[2] = {0, 0};  // half-width of B's and A's small planes (view only, not state)
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(composition, "composition", "One map after another",
           "Drag the columns of B and A, then play B followed by A: the plane ends up under the product AB, "
           "whose columns are A applied to B's columns, and swapping the order gives a different map.",
           1.5f, 0.45f, Composition)
