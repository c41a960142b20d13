// entropy: how many bits an outcome costs on average.
// The reader drags a distribution over k outcomes. Below it, each outcome becomes a rectangle as
// wide as its probability and as tall as its surprise −log₂ p_i, so the total area is H(p); the
// blue outlines are the lengths of an actual prefix code (Huffman's), whose area is the code's
// average length. With two outcomes the picture is the coin's entropy curve instead.
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

constexpr int kMaxOutcomes = 8;
constexpr double kStoreStep = 1e-4;  // probabilities in the URL: four decimals
constexpr std::array<double, kMaxOutcomes> kDefault = {0.5, 0.25, 0.125, 0.125, 0, 0, 0, 0};
constexpr std::array<double, kMaxOutcomes> kCentres = {1, 2, 3, 4, 5, 6, 7, 8};
const std::array<std::string, kMaxOutcomes> kNames = {"A", "B", "C", "D", "E", "F", "G", "H"};

class Entropy final : public Figure {
 public:
  Entropy() {
    k_ = params_.add_int("k", 4, 2, kMaxOutcomes, "number of outcomes");
    for (int i = 0; i < kMaxOutcomes; ++i)
      p_[std::size_t(i)] = params_.add_float("p" + std::to_string(i + 1), kDefault[std::size_t(i)], 0, 1,
                                             "weight of outcome " + kNames[std::size_t(i)] +
                                                 " (normalized over the first k)");
  }

  void frame(const FrameContext&) override {
    const std::vector<double> p = probabilities();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 270, 270);
    const float top_h = std::floor(layout.plot_size.y * 0.45f);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_bars(p, {layout.plot_size.x, top_h});
    ImGui::SetCursorScreenPos({layout.plot_min.x, layout.plot_min.y + top_h});
    const ImVec2 lower{layout.plot_size.x, layout.plot_size.y - top_h};
    if (p.size() == 2) draw_coin(p, lower);
    else draw_areas(p, lower);
    draw_panel(layout, p);
  }

  // The distribution with each outcome's surprise, its share of H(p), and its Huffman codeword.
  std::string csv() const override {
    const std::vector<double> p = probabilities();
    const PrefixCode code = huffman_code(p);
    CsvTable table({"outcome", "probability p", "surprise -log2 p (bits)", "p * -log2 p (bits)", "Huffman codeword",
                    "codeword length (bits)"});
    for (std::size_t i = 0; i < p.size(); ++i) {
      const double surprise = surprisal_bits(p[i]);
      table.row({kNames[i], p[i], surprise, p[i] > 0 ? p[i] * surprise : 0.0, code.words[i], code.lengths[i]});
    }
    return table.text();
  }

  std::string describe() const override {
    const std::vector<double> p = probabilities();
    const double h = entropy_bits(p);
    const int k = int(p.size());
    if (k == 2)
      return "A coin with P(A) = " + format_number(p[0]) + ": H = " + format_bits(h) +
             " per toss, at most 1 bit (a fair coin).";
    const PrefixCode code = huffman_code(p);
    return "H(p) = " + format_bits(h) + " over " + std::to_string(k) + " outcomes (at most log\u2082 " +
           std::to_string(k) + " = " + format_bits(std::log2(double(k))) + ", when all are equally likely). "
           "A Huffman code averages " + format_bits(code.average_length) + " per outcome.";
  }

 private:
  int outcomes() const { return int(params_.get(k_)); }
  // The first k weights, normalized; stored back at the URL's precision.
  std::vector<double> probabilities() const {
    return normalized(params_.get(std::span(p_).first(std::size_t(outcomes()))));
  }
  void store(const std::vector<double>& p) { params_.set(p_, quantized(p, kStoreStep)); }

  // Top: the distribution, one draggable bar per outcome.
  void draw_bars(const std::vector<double>& p, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const int k = int(p.size());
    if (!plot::begin_plot("##distribution", size, plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({0.35, k + 0.65}, {plot::room_below(1.18, size.y), 1.18});
    const std::span<const double> centres = std::span<const double>(kCentres).first(std::size_t(k));
    plot::bars(centres, p, 0.62, plot::with_alpha(t.first, 150), t.first);
    std::vector<double> edited = p;
    if (plot::drag_bars("outcomes", centres, edited, 0.62, t.first, {.distribution = true})) store(edited);
    plot::category_labels(centres, kNames);
    const std::array<double, 2> ticks = {0.5, 1};
    plot::value_labels(ticks);
    plot::text({0.35, 1.18}, "probability of each outcome", t.text_muted, {0, 0}, {30, 4});
    plot::end_plot();
  }

  // Bottom (k ≥ 3): outcome i as a rectangle p_i wide and −log₂ p_i tall; the area is H(p).
  void draw_areas(const std::vector<double>& p, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    const PrefixCode code = huffman_code(p);
    const double h = entropy_bits(p), max_h = std::log2(double(p.size()));
    if (!ImGui::IsAnyItemActive()) {
      // Tall enough for the code and the maximum; a rare outcome's surprise may run off the top.
      double top = max_h;
      for (std::size_t i = 0; i < p.size(); ++i) top = std::max(top, double(code.lengths[i]));
      y_max_ = std::min(top + 0.8, 10.0);
    }
    if (!plot::begin_plot("##areas", size, plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({-0.07, 1.02}, {plot::room_below(y_max_, size.y), y_max_});
    double x = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p[i] <= 0) continue;
      const double s = std::min(surprisal_bits(p[i]), 2 * y_max_);  // stay finite on screen
      plot::polygon(rectangle(x, x + p[i], s), plot::with_alpha(t.first, i % 2 ? 120 : 170), t.first, 1);
      plot::polygon(rectangle(x, x + p[i], code.lengths[i]), 0, t.second, 2);  // the codeword's length
      if (p[i] * plot::current_view().pixels_per_unit_x() > 14) plot::text({x + p[i] / 2, 0}, kNames[i].c_str(), t.text_muted, {0.5f, 0}, {0, 3});
      x += p[i];
    }
    // Three levels: the maximum (right, above), H (right, below) and the code's average, which is
    // never below H (left, above), so the labels keep apart even when the lines nearly meet.
    auto level = [&](double y, ImU32 color, const std::string& label, float width, bool right, bool below) {
      plot::segment({0, y}, {1, y}, color, width);
      plot::text({right ? 1.0 : 0.0, y}, label.c_str(), color, {right ? 1.0f : 0.0f, below ? 0.0f : 1.0f},
                 {right ? -6.f : 6.f, below ? 3.f : -3.f}, plot::TextFlags_Backdrop);
    };
    level(max_h, t.text_muted, "most possible: log\u2082 " + std::to_string(p.size()) + " = " + format_number(max_h), 1,
          true, false);
    level(h, t.text, "H(p) = " + format_number(h) + " (average height)", 2, true, true);
    if (std::abs(code.average_length - h) > 1e-9)
      level(code.average_length, t.second, "code: " + format_number(code.average_length), 1.5f, false, false);
    std::vector<double> ticks;
    for (int b = 1; b < y_max_ - 0.3; b += y_max_ > 6 ? 2 : 1) ticks.push_back(b);
    plot::value_labels(ticks);
    plot::text({-0.07, y_max_}, "each outcome: width p, height \u2212log\u2082 p bits", t.text_muted, {0, 0}, {30, 4});
    plot::end_plot();
  }

  // Bottom (k = 2): the coin's entropy curve, with the current coin on it (drag along it).
  void draw_coin(const std::vector<double>& p, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##coin", size)) return;
    plot::setup_axes({-0.05, 1.05}, {-0.1, 1.22});
    plot::curve([](double x) { return x < 0 || x > 1 ? NAN : binary_entropy_bits(x); }, t.second, 2);
    plot::segment({0, 1}, {1, 1}, t.grid_strong, 1);
    plot::point({0.5, 1}, t.second, 4);
    plot::text({0.5, 1}, "fair coin: 1 bit, the most", t.text_muted, {0.5f, 1}, {0, -6});
    // A handle that moves along the curve: only its x (the probability of A) is kept.
    const double h = binary_entropy_bits(p[0]);
    Vec2 coin(p[0], h);
    if (plot::drag_point("##coin-handle", &coin, t.first, nullptr, {.nudge = 0.01, .limit = 2})) {
      const double a = std::clamp(coin.x(), 0.0, 1.0);
      store({a, 1 - a});
    }
    const std::string label = "H = " + format_number(h);
    plot::text({p[0], h}, label.c_str(), t.text, {p[0] > 0.5 ? 1.0f : 0.0f, 0.5f}, {p[0] > 0.5 ? -14.f : 14.f, 8});
    plot::text({1.05, 0}, "P(A)", t.text_muted, {1, 1}, {-4, -4});
    plot::text({-0.05, 1.22}, "entropy of a coin, bits", t.text_muted, {0, 0}, {30, 4});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout, const std::vector<double>& p) {
    plot::begin_panel(layout);
    const double h = entropy_bits(p);
    const int k = int(p.size());
    const std::string head = "H(p) = " + format_bits(h);
    plot::heading(head.c_str());
    const std::string most =
        "most possible: log\u2082 " + std::to_string(k) + " = " + format_bits(std::log2(double(k)));
    plot::note(most.c_str());
    if (k > 2) {
      const PrefixCode code = huffman_code(p);
      const std::string avg = "Huffman code: " + format_bits(code.average_length) + " on average";
      ImGui::TextUnformatted(avg.c_str());
      std::string words;
      for (int i = 0; i < k; ++i)
        if (!code.words[std::size_t(i)].empty()) words += kNames[std::size_t(i)] + " " + code.words[std::size_t(i)] + "   ";
      plot::note(words.c_str());
      plot::note("Blue outlines: code lengths; the area under them is their average.");
    } else {
      plot::note("Drag the dot along the curve, or the bars.");
    }
    plot::slider(params_, k_, "outcomes k");
    const std::array<const char*, 3> presets = {"Uniform", "Skewed", "Certain"};
    switch (plot::button_row(presets)) {
      case 0: store(std::vector<double>(std::size_t(k), 1.0 / k)); break;
      case 1: {
        std::vector<double> skewed(static_cast<std::size_t>(k));
        for (int i = 0; i < k; ++i) skewed[std::size_t(i)] = std::pow(0.35, i);  // each 0.35× the last
        store(normalized(skewed));
        break;
      }
      case 2: {
        std::vector<double> certain(std::size_t(k), 0);
        certain[0] = 1;
        store(certain);
        break;
      }
      default: break;
    }
    if (!layout.stacked) plot::note("Drag a bar's top, or \u2190 \u2192 to pick and \u2191 \u2193 to change it.");
    plot::end_panel();
  }

  // The rectangle [x0, x1] × [0, height].
  static std::array<Vec2, 4> rectangle(double x0, double x1, double height) {
    return {Vec2(x0, 0), Vec2(x1, 0), Vec2(x1, height), Vec2(x0, height)};
  }

  Param<std::int64_t> k_{};
  std::array<Param<double>, kMaxOutcomes> p_{};
  double y_max_ = 3;  // the area plot's height in bits, changed only between drags
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(entropy, "entropy", "Entropy: the average surprise, in bits",
           "Drag a distribution: each outcome's surprise is \u2212log\u2082 p bits, entropy is their average (the "
           "area of the rectangles), and a real prefix code comes within one bit of it.",
           1.6f, 0.47f, Entropy)
