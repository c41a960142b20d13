// expected-value: the average a long run of rolls settles on.
// The reader shapes a loaded die by dragging its probability bars; E[X] is the point where the
// bars balance. Rolling it (Step, Play) traces the running mean, which wanders early and then
// settles inside the ±2σ/√n band around E[X]: the law of large numbers.
// Page: chapters/entropy-and-cross-entropy.md · Math: core/probability.hpp, core/random.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/probability.hpp"
#include "core/random.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/bars.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"

namespace mml::figures {
namespace {

constexpr int kFaces = 6;
constexpr int kMaxRolls = 10000;         // the running-mean plot spans 1 … 10⁴ rolls (log scale)
constexpr double kStoreStep = 1e-4;      // probabilities in the URL: four decimals
constexpr double kPlayGrowth = 1.15;     // Play multiplies n by e^1.15 per second: 1 → 10⁴ in 8 s
constexpr std::array<double, kFaces> kLoaded = {0.1, 0.1, 0.1, 0.1, 0.2, 0.4};

// The rolls for one (distribution, seed): drawn on demand and kept, so Play only adds new rolls
// and the running mean of the first n is the same however n was reached.
struct Rolls {
  std::vector<double> p;
  std::uint64_t seed = 0;
  Rng rng{0};
  std::vector<double> values, means;

  void ensure(const std::vector<double>& probabilities, std::uint64_t s, std::size_t n) {
    if (probabilities != p || s != seed || values.empty()) {
      p = probabilities;
      seed = s;
      rng = Rng(s);
      values.clear();
      means.clear();
    }
    const DiscreteSampler sample(p);
    double sum = means.empty() ? 0 : means.back() * double(means.size());
    while (values.size() < n) {
      values.push_back(sample(rng) + 1.0);  // faces are 1 … 6
      sum += values.back();
      means.push_back(sum / double(values.size()));
    }
  }
};

class ExpectedValue final : public Figure {
 public:
  ExpectedValue() {
    for (int i = 0; i < kFaces; ++i) {
      const std::string name = "p" + std::to_string(i + 1);
      p_[std::size_t(i)] = params_.add_float(name, kLoaded[std::size_t(i)], 0, 1,
                                             "weight of face " + std::to_string(i + 1) + " (normalized with the others)");
    }
    seed_ = params_.add_seed("seed", 1, "seed of the rolls: the same seed replays the same rolls");
    n_ = params_.add_int("n", 100, 0, kMaxRolls, "how many rolls have been made");
  }

  void frame(const FrameContext& context) override {
    advance(context);
    const std::vector<double> p = probabilities();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 270, 260);
    const float top_h = std::floor(layout.plot_size.y * 0.46f);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_distribution(p, {layout.plot_size.x, top_h});
    ImGui::SetCursorScreenPos({layout.plot_min.x, layout.plot_min.y + top_h});
    draw_running_mean(p, {layout.plot_size.x, layout.plot_size.y - top_h});
    draw_panel(layout, p);
  }

  bool animating() const override { return playing_; }
  void reset() override {
    playing_ = false;
    params_.reset();
  }

  // Every roll so far with the running mean it leads to, and the band the mean should settle in.
  std::string csv() const override {
    const std::vector<double> p = probabilities();
    const double e = expected_value(kValues, p), sd = std::sqrt(variance(kValues, p));
    CsvTable table({"roll n", "face", "running mean of n rolls", "E[X]", "band low E[X] - 2 sigma/sqrt(n)",
                    "band high E[X] + 2 sigma/sqrt(n)"});
    const Rolls& r = draws(p);
    for (std::size_t i = 0; i < rolls(); ++i) {
      const double band = 2 * sd / std::sqrt(double(i + 1));
      table.row({i + 1, int(r.values[i]), r.means[i], e, e - band, e + band});
    }
    return table.text();
  }

  std::string describe() const override {
    const std::vector<double> p = probabilities();
    const double e = expected_value(kValues, p), sd = std::sqrt(variance(kValues, p));
    std::string s = "A die with E[X] = " + format_number(e) + " and \u03c3 = " + format_number(sd) + ". ";
    const std::size_t n = rolls();
    if (n == 0) return s + "No rolls yet.";
    const double mean = draws(p).means[n - 1], band = 2 * sd / std::sqrt(double(n));
    s += "After " + std::to_string(n) + (n == 1 ? " roll" : " rolls") + " the running mean is " +
         format_number(mean) + ", ";
    s += std::abs(mean - e) <= band ? "inside" : "outside";
    return s + " the \u00b12\u03c3/\u221an band (\u00b1" + format_number(band) + ") around E[X].";
  }

 private:
  static constexpr std::array<double, kFaces> kValues = {1, 2, 3, 4, 5, 6};

  std::vector<double> probabilities() const {
    std::vector<double> w(kFaces);
    for (int i = 0; i < kFaces; ++i) w[std::size_t(i)] = params_.get(p_[std::size_t(i)]);
    return normalized(w);
  }
  void store(const std::vector<double>& p) {
    const std::vector<double> q = quantized(p, kStoreStep);
    for (int i = 0; i < kFaces; ++i) params_.set(p_[std::size_t(i)], q[std::size_t(i)]);
  }
  std::size_t rolls() const { return std::size_t(params_.get(n_)); }
  const Rolls& draws(const std::vector<double>& p) const {
    rolls_.ensure(p, params_.get(seed_), rolls());
    return rolls_;
  }

  // Play grows n geometrically, so the point moves at an even pace along the log-scaled axis.
  void advance(const FrameContext& context) {
    if (!playing_) return;
    const double n = double(rolls());
    const double next = std::max(n + 1, std::round(n * std::exp(kPlayGrowth * context.dt)));
    params_.set(n_, std::int64_t(std::min(next, double(kMaxRolls))));
    if (rolls() >= std::size_t(kMaxRolls)) playing_ = false;
  }

  // Top: the distribution as bars over the faces, the empirical frequencies as outlines, and
  // E[X] as the point where the bars balance.
  void draw_distribution(const std::vector<double>& p, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!ImGui::IsAnyItemActive()) y_max_ = *std::max_element(p.begin(), p.end()) > 0.55 ? 1.0 : 0.6;
    if (!plot::begin_plot("##distribution", size, plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({0.2, 6.65}, {plot::room_below(1.22 * y_max_, size.y), 1.22 * y_max_});  // room for the legend on top
    const std::size_t n = rolls();
    const Rolls& r = draws(p);
    std::array<double, kFaces> freq{};
    for (std::size_t i = 0; i < n; ++i) freq[std::size_t(r.values[i]) - 1] += 1.0 / double(n);
    plot::bars(kValues, p, 0.62, plot::with_alpha(t.first, 150), t.first);
    if (n > 0) plot::bars(kValues, freq, 0.36, 0, t.third);
    const double e = expected_value(kValues, p);
    // The balance point: a fulcrum under the axis (16 px wide, 12 px tall) and a line up through the bars.
    const plot::ViewTransform& view = plot::current_view();
    const double px = 1 / view.pixels_per_unit_x(), py = 1 / view.pixels_per_unit_y();
    const std::array<Vec2, 3> fulcrum = {Vec2(e, 0), Vec2(e + 8 * px, -12 * py), Vec2(e - 8 * px, -12 * py)};
    plot::polygon(fulcrum, t.second, 0);
    plot::segment({e, 0}, {e, y_max_ * 1.02}, t.second, 2);
    const std::string label = "E[X] = " + format_number(e);
    const bool left = e > 4.5;  // keep the label inside the plot
    plot::text({e, y_max_ * 1.02}, label.c_str(), t.second, {left ? 1.0f : 0.0f, 0.5f}, {left ? -6.f : 6.f, 0});
    if (n > 0) plot::point({r.means[n - 1], -6 * py}, t.third, 4);  // the mean of the rolls, under the axis
    std::vector<double> edited = p;
    if (plot::drag_bars("faces", kValues, edited, 0.62, t.first, {.distribution = true})) store(edited);
    const std::array<std::string, kFaces> names = {"1", "2", "3", "4", "5", "6"};
    plot::category_labels(kValues, names);
    const std::array<double, 3> ticks = {0.2, 0.4, y_max_ > 0.7 ? 0.8 : 0.6};
    plot::value_labels(ticks);
    // Legend: what the filled bars, the outlines and the dot are.
    using Swatch = plot::LegendEntry::Swatch;
    const plot::LegendEntry legend[] = {{Swatch::Fill, plot::with_alpha(t.first, 150), "probability"},
                                        {Swatch::Outline, t.third, "share of rolls,"},
                                        {Swatch::Dot, t.third, "their mean"}};
    plot::legend(legend);
    plot::end_plot();
  }

  // Bottom: the running mean against the number of rolls (log scale), with E[X] and its band.
  void draw_running_mean(const std::vector<double>& p, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##running-mean", size, plot::PlotFlags_EdgeAxes | plot::PlotFlags_LogX)) return;
    const double left = std::pow(10.0, -0.2), right = std::pow(10.0, 4.08);  // a little past 1 and 10⁴ rolls
    plot::setup_axes({left, right}, {0.3, 6.6});
    const double e = expected_value(kValues, p), sd = std::sqrt(variance(kValues, p));
    // The band E ± 2σ/√n: where the mean of n rolls lands about 95% of the time.
    std::vector<Vec2> band;  // n = 10^(k/20), evenly spaced on the log axis; √n = 10^(k/40)
    for (int k = 0; k <= 80; ++k) band.emplace_back(std::pow(10.0, k / 20.0), e + 2 * sd / std::pow(10.0, k / 40.0));
    for (int k = 80; k >= 0; --k) band.emplace_back(std::pow(10.0, k / 20.0), e - 2 * sd / std::pow(10.0, k / 40.0));
    plot::polygon(band, plot::with_alpha(t.second, 40), 0);
    plot::segment({left, e}, {right, e}, t.second, 2);
    const std::size_t n = rolls();
    const Rolls& r = draws(p);
    if (n > 0) {
      // The mean after roll 1, 2, …, n (x = i + 1), decimated per pixel column by the series.
      plot::line_series(std::span(r.means).first(n), t.third, {.width = 2}, {.start = 1});
      plot::point({double(n), r.means[n - 1]}, t.third, 5);
    }
    plot::text({right, e}, "E[X]", t.second, {1, 1}, {-4, -3});
    plot::text({1, 6.6}, "running mean of n rolls (n on a log scale)", t.text_muted, {0, 0}, {8, 4});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout, const std::vector<double>& p) {
    plot::begin_panel(layout);
    const double e = expected_value(kValues, p), sd = std::sqrt(variance(kValues, p));
    const std::string head = "E[X] = " + format_number(e) + "    \u03c3 = " + format_number(sd);
    plot::heading(head.c_str());
    const std::size_t n = rolls();
    if (n > 0) {
      const double mean = draws(p).means[n - 1];
      const std::string line = "mean of " + std::to_string(n) + " rolls = " + format_number(mean);
      ImGui::TextUnformatted(line.c_str());
      const std::string band = "band \u00b12\u03c3/\u221an = \u00b1" + format_number(2 * sd / std::sqrt(double(n)));
      plot::note(band.c_str());
    } else {
      plot::note("No rolls yet: press Roll or Play.");
    }
    const std::array<const char*, 5> roll = {playing_ ? "Pause" : "Play", "Roll 1", "+10", "+100", "Rewind"};
    switch (plot::button_row(roll)) {
      case 0: playing_ = !playing_ && n < std::size_t(kMaxRolls); break;
      case 1: add_rolls(1); break;
      case 2: add_rolls(10); break;
      case 3: add_rolls(100); break;
      case 4:
        playing_ = false;
        params_.set(n_, 0);
        break;
      default: break;
    }
    ImGui::Spacing();
    const std::array<const char*, 4> presets = {"Fair die", "Loaded die", "1 or 6 only", "New seed"};
    switch (plot::button_row(presets)) {
      case 0: store(std::vector<double>(kFaces, 1.0 / kFaces)); break;
      case 1: store({kLoaded.begin(), kLoaded.end()}); break;
      case 2: store({0.5, 0, 0, 0, 0, 0.5}); break;
      case 3: params_.set(seed_, params_.get(seed_) + 1); break;
      default: break;
    }
    if (!layout.stacked) plot::note("Drag a bar's top, or use \u2190 \u2192 to pick a face and \u2191 \u2193 to change it.");
    plot::end_panel();
  }

  void add_rolls(int k) {
    playing_ = false;
    params_.set(n_, std::min<std::int64_t>(kMaxRolls, params_.get(n_) + k));
  }

  std::array<Param<double>, kFaces> p_{};
  Param<std::uint64_t> seed_{};
  Param<std::int64_t> n_{};
  mutable Rolls rolls_;     // a cache of what the parameters determine; describe() fills it too
  bool playing_ = false;
  double y_max_ = 0.6;  // the top plot's height, changed only between drags
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(expected_value, "expected-value", "The long-run average of a loaded die",
           "Drag the die's probability bars and roll it: the running mean wanders, then settles inside "
           "a narrowing band around the expected value, the point where the bars balance.",
           1.6f, 0.47f, ExpectedValue)
