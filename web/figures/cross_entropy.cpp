// cross-entropy: what a model pays for believing q when the data follows p.
// The reader drags the true distribution p (orange) and the model's q (blue) over a few classes.
// Below, two bars in bits: H(p), the least any code can average, and H(p, q), the average when the
// code is built for q. The gap between them is KL(p‖q) ≥ 0; it closes exactly when q = p and grows
// without bound when q gives 0 to a class that happens, shown as ∞.
// Page: chapters/entropy-and-cross-entropy.md · Math: core/information.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/information.hpp"
#include "core/probability.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/bars.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

constexpr int kMaxClasses = 6;
constexpr double kStoreStep = 1e-4;  // probabilities in the URL: four decimals
constexpr double kBarWidth = 0.36;
constexpr std::array<double, kMaxClasses> kTrue = {0.5, 0.25, 0.125, 0.125, 0, 0};
constexpr std::array<double, kMaxClasses> kModel = {0.25, 0.25, 0.25, 0.25, 0, 0};
const std::array<std::string, kMaxClasses> kNames = {"cat", "dog", "fox", "owl", "bee", "cow"};

class CrossEntropy final : public Figure {
 public:
  CrossEntropy() {
    k_ = params_.add_int("k", 4, 2, kMaxClasses, "number of classes");
    for (int i = 0; i < kMaxClasses; ++i) {
      const std::string n = std::to_string(i + 1), name = kNames[std::size_t(i)];
      p_[std::size_t(i)] = params_.add_float("p" + n, kTrue[std::size_t(i)], 0, 1, "true probability of " + name);
      q_[std::size_t(i)] = params_.add_float("q" + n, kModel[std::size_t(i)], 0, 1, "model's probability of " + name);
    }
  }

  void frame(const FrameContext&) override {
    const std::vector<double> p = distribution(p_), q = distribution(q_);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 270, 250);
    const float top_h = std::floor(layout.plot_size.y * 0.62f);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_bars(p, q, {layout.plot_size.x, top_h});
    ImGui::SetCursorScreenPos({layout.plot_min.x, layout.plot_min.y + top_h});
    draw_bits(p, q, {layout.plot_size.x, layout.plot_size.y - top_h});
    draw_panel(layout, p, q);
  }

  // Per class: the true p, the model's q, the bits q's code spends on it, and each class's share
  // of H(p, q) and of KL(p||q) (the columns sum to them; 0 * log 0 = 0, an impossible class costs nothing).
  std::string csv() const override {
    const std::vector<double> p = distribution(p_), q = distribution(q_);
    CsvTable table({"class", "true p", "model q", "-log2 q (bits)", "p * -log2 q (bits)", "p * log2(p/q) (bits)"});
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double cost = surprisal_bits(q[i]);
      table.row({kNames[i], p[i], q[i], cost, p[i] > 0 ? p[i] * cost : 0.0,
                 p[i] > 0 ? p[i] * (q[i] > 0 ? std::log2(p[i] / q[i]) : INFINITY) : 0.0});
    }
    return table.text();
  }

  std::string describe() const override {
    const std::vector<double> p = distribution(p_), q = distribution(q_);
    const double h = entropy_bits(p), hpq = cross_entropy_bits(p, q), kl = kl_divergence_bits(p, q);
    std::string s =
        "H(p) = " + format_bits(h) + ", H(p, q) = " + format_bits(hpq) + ", KL(p\u2016q) = " + format_bits(kl) + ".";
    const int ruled_out = first_ruled_out(p, q);
    if (ruled_out >= 0)
      s += " The model gives probability 0 to " + kNames[std::size_t(ruled_out)] + ", which happens.";
    else if (kl == 0)
      s += " The model matches the truth exactly.";
    return s;
  }

 private:
  int classes() const { return int(params_.get(k_)); }
  // The first k weights of p or q, normalized; stored back at the URL's precision.
  std::vector<double> distribution(const std::array<Param<double>, kMaxClasses>& params) const {
    return normalized(params_.get(std::span(params).first(std::size_t(classes()))));
  }
  void store(const std::array<Param<double>, kMaxClasses>& params, const std::vector<double>& d) {
    params_.set(params, quantized(d, kStoreStep));
  }

  // Top: p and q side by side for each class; both rows of bars are draggable.
  void draw_bars(const std::vector<double>& p, const std::vector<double>& q, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const int k = int(p.size());
    if (!plot::begin_plot("##distributions", size, plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({0.4, k + 0.6}, {plot::room_below(1.2, size.y), 1.2});
    std::vector<double> left, right, centres;
    for (int i = 1; i <= k; ++i) {
      left.push_back(i - 0.2);
      right.push_back(i + 0.2);
      centres.push_back(i);
    }
    plot::bars(left, p, kBarWidth, plot::with_alpha(t.first, 150), t.first);
    plot::bars(right, q, kBarWidth, plot::with_alpha(t.second, 110), t.second);
    // A class the model rules out but the truth allows: mark it where the blue bar would be.
    for (int i = 0; i < k; ++i)
      if (p[std::size_t(i)] > 0 && q[std::size_t(i)] == 0)
        plot::text({right[std::size_t(i)], 0}, "0!", t.negative_line, {0.5f, 1}, {0, -16}, plot::TextFlags_Backdrop);
    // Both rows are draggable; the keyboard walks all 2k bars left to right (p₁, q₁, p₂, …).
    std::vector<double> p_edit = p, q_edit = q;
    const plot::BarSeries rows[] = {{left, p_edit, t.first, "p"}, {right, q_edit, t.second, "q"}};
    plot::BarPick pick;
    plot::drag_bars("pq", rows, kBarWidth, {.distribution = true}, &pick);
    if (p_edit != p) store(p_, p_edit);
    if (q_edit != q) store(q_, q_edit);
    keyboard_class_ = std::max(pick.index, 0);
    plot::category_labels(centres, kNames);
    const std::array<double, 2> ticks = {0.5, 1};
    plot::value_labels(ticks);
    const plot::LegendEntry legend[] = {{plot::LegendEntry::Swatch::Fill, t.first, "p: the truth"},
                                        {plot::LegendEntry::Swatch::Fill, t.second, "q: the model"}};
    plot::legend(legend, {34, 5});
    plot::end_plot();
  }

  // Bottom: H(p) and H(p, q) as horizontal bars in bits; the second is the first plus KL(p‖q).
  void draw_bits(const std::vector<double>& p, const std::vector<double>& q, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const double h = entropy_bits(p), hpq = cross_entropy_bits(p, q);
    if (!ImGui::IsAnyItemActive()) {
      // Room for both bars and a label after them; an infinite or huge H(p, q) runs off the edge.
      const double wanted = std::isfinite(hpq) ? hpq : h + 2;
      x_max_ = std::clamp(std::ceil(std::max({wanted, std::log2(double(p.size())), 1.0}) * 1.35), 2.0, 12.0);
    }
    if (!plot::begin_plot("##bits", size, plot::PlotFlags_NoGrid | plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({-0.28 * x_max_, x_max_}, {-0.45, 2.3});
    constexpr double kRowP = 1.7, kRowPQ = 0.75, kHalf = 0.3;
    auto box = [&](double x0, double x1, double y, ImU32 fill, ImU32 line) {
      x1 = std::min(x1, x_max_ * 1.1);
      const std::array<Vec2, 4> corners = {Vec2(x0, y - kHalf), Vec2(x1, y - kHalf), Vec2(x1, y + kHalf),
                                           Vec2(x0, y + kHalf)};
      plot::polygon(corners, fill, line, 1.5f);
    };
    const double kl = kl_divergence_bits(p, q);
    box(0, h, kRowP, plot::with_alpha(t.first, 150), t.first);
    box(0, h, kRowPQ, plot::with_alpha(t.first, 150), t.first);
    if (kl > 0) box(h, hpq, kRowPQ, t.negative_fill, t.negative_line);
    plot::text({0, kRowP}, "H(p)", t.text, {1, 0.5f}, {-8, 0});
    plot::text({0, kRowPQ}, "H(p, q)", t.text, {1, 0.5f}, {-8, 0});
    const auto label = [](const Vec2& at, const std::string& s, ImU32 color, ImVec2 align, ImVec2 offset) {
      plot::text(at, s.c_str(), color, align, offset, plot::TextFlags_Backdrop);
    };
    label({h, kRowP}, format_bits(h), t.text, {0, 0.5f}, {6, 0});
    if (!std::isfinite(hpq) || hpq > x_max_) {
      // Off the scale: an arrowhead at the right edge (14 px long, 20 px tall) says the bar keeps going.
      const plot::ViewTransform& view = plot::current_view();
      const double dx = 14 / view.pixels_per_unit_x(), dy = 10 / view.pixels_per_unit_y();
      const std::array<Vec2, 3> head = {Vec2(x_max_, kRowPQ), Vec2(x_max_ - dx, kRowPQ + dy),
                                        Vec2(x_max_ - dx, kRowPQ - dy)};
      plot::polygon(head, t.negative_line, 0);
      label({x_max_, kRowPQ}, format_bits(hpq), t.negative_line, {1, 0.5f}, {-20, 0});
    } else {
      label({hpq, kRowPQ}, format_bits(hpq), t.text, {0, 0.5f}, {6, 0});
    }
    if (kl > 0) {
      // The gap, named above the red piece: the extra bits for trusting q.
      const double mid = (h + std::min(hpq, x_max_)) / 2;
      label({mid, kRowPQ + kHalf}, "KL " + format_bits(kl), t.negative_line, {0.5f, 1}, {0, -2});
    }
    plot::text({x_max_, -0.45}, "bits", t.text_muted, {1, 1}, {-4, -4});
    for (double b = 1; b < x_max_; b += x_max_ > 6 ? 2 : 1) {
      const std::string s = format_number(b);
      plot::segment({b, -0.05}, {b, 0.05}, t.axis, 1);
      plot::text({b, 0}, s.c_str(), t.text_muted, {0.5f, 0}, {0, 4});
    }
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout, const std::vector<double>& p, const std::vector<double>& q) {
    plot::begin_panel(layout);
    const double h = entropy_bits(p), hpq = cross_entropy_bits(p, q), kl = kl_divergence_bits(p, q);
    const std::string lines[] = {"H(p) = " + format_bits(h), "H(p, q) = " + format_bits(hpq),
                                 "KL(p\u2016q) = " + format_bits(kl)};
    for (const std::string& l : lines) plot::heading(l.c_str());
    // A one-hot p is a labelled example: cross-entropy is the surprise at the true label alone.
    const auto one = std::find(p.begin(), p.end(), 1.0);
    const int ruled_out = first_ruled_out(p, q);
    std::string why;
    if (ruled_out >= 0)
      why = "q gives " + kNames[std::size_t(ruled_out)] + " probability 0, but it happens: infinitely surprised.";
    else if (one != p.end())
      why = "p is one label (" + kNames[std::size_t(one - p.begin())] + "): H(p, q) = \u2212log\u2082 q(" +
            kNames[std::size_t(one - p.begin())] + "), the classification loss.";
    else if (kl == 0)
      why = "q = p: no extra bits.";
    else
      why = "KL = H(p, q) \u2212 H(p): the extra bits for trusting q.";
    plot::note(why.c_str());
    plot::slider(params_, k_, "classes k");
    const std::array<const char*, 3> buttons = {"Set q = p", "One label", "Uniform q"};
    switch (plot::button_row(buttons)) {
      case 0: store(q_, p); break;
      case 1: {
        std::vector<double> label(p.size(), 0);
        label[std::size_t(keyboard_class_) % label.size()] = 1;  // the class the keyboard is on
        store(p_, label);
        break;
      }
      case 2: store(q_, std::vector<double>(q.size(), 1.0 / double(q.size()))); break;
      default: break;
    }
    if (!layout.stacked) plot::note("Drag bar tops, or \u2190 \u2192 to pick a bar and \u2191 \u2193 to change it.");
    plot::end_panel();
  }

  Param<std::int64_t> k_{};
  std::array<Param<double>, kMaxClasses> p_{}, q_{};
  int keyboard_class_ = 0;  // the class of the bar the arrow keys change
  double x_max_ = 3;        // the bits plot's width, changed only between drags
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(cross_entropy, "cross-entropy", "Cross-entropy: the price of the wrong model",
           "Drag the true distribution p and a model q: cross-entropy H(p, q) is the entropy H(p) plus the "
           "KL divergence, which vanishes only when q = p and is infinite when q rules out what happens.",
           1.6f, 0.5f, CrossEntropy)
