// logistic-loss: why classifiers train on cross-entropy rather than squared error.
// One logistic model p = σ(w·x) trained twice on the same two blobs, from the same confidently
// wrong start: once on cross-entropy, once on squared error of the probability. Four pictures:
// the data with each model's boundary (and one model's probabilities as shading); one point's loss
// and its push on the score against the probability p it gets, with the data riding on the curves;
// both loss landscapes over w = (w₁, w₂) with gradient descent's path; how far down each run is.
// Page: chapters/entropy-and-cross-entropy.md · Math: core/logistic_regression.hpp ·
// Test: tests/figures/test_logistic_loss.cpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/logistic_regression.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/regions.hpp"
#include "web/plot/series.hpp"
#include "web/plot/subplots.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr int kMaxSteps = 300;
constexpr double kStepsPerSecond = 30;  // Play: 0 → 300 in 10 s
constexpr int kGrid = 64;               // landscape samples per side
constexpr double kDataView = 3.4;       // the data plot shows [−3.4, 3.4]²
constexpr double kWeightView = 6;       // the landscapes show w in [−6, 6]² (more on wide maps)
constexpr double kLossTop = 2.6;        // the per-point curves show losses up to this
// The data: two blobs at ±(0.9, 0.45), spread 0.8. Seed 15 puts both losses' minima well inside
// the landscape (tests/unit/test_logistic_regression.cpp checks them against scikit-learn and SciPy).
const Vec2 kCentre(0.9, 0.45);
constexpr double kSpread = 0.8;
constexpr std::array kLosses = {ClassifierLoss::CrossEntropy, ClassifierLoss::SquaredError};

// Okabe–Ito: bluish green for cross-entropy, reddish purple for squared error; the classes take
// the theme's orange (label 1) and blue (label 0).
ImU32 loss_color(const plot::Theme& t, std::size_t m) { return m == 0 ? t.third : t.fourth; }
constexpr std::array kTitles = {"Cross-entropy", "Squared error"};

class LogisticLoss final : public Figure {
 public:
  LogisticLoss()
      : seed_(params_.add_seed("seed", 15, "seed of the data set: the same seed gives the same points")),
        points_(params_.add_int("points", 40, 20, 200, "how many points (half in each class)")),
        start_(params_.add_vec2("start", {-4, -2}, -kWeightView, kWeightView,
                                "the weights w = (w\u2081, w\u2082) both trainings start from")),
        rate_(params_.add_float("rate", 1, 0.01, 10, "learning rate \u03b7 of gradient descent")),
        steps_(params_.add_int("steps", 30, 0, kMaxSteps, "gradient-descent steps taken")),
        shading_(params_.add_choice("shading", {"cross-entropy", "squared-error"}, 0,
                                    "which model's probabilities shade the data")) {
    params_.add_alias("n", points_);  // the names before issue 13, in links already shared
    params_.add_alias("shade", shading_);
  }

  void frame(const FrameContext& context) override {
    update();
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 260, 340);
    // Wide: data and curves, the two maps, the progress. Phones: data, curves, maps side by side, progress.
    using Row = plot::SubplotRow;
    static constexpr Row kStacked[] = {{0.33f}, {0.25f}, {0.26f, {1, 1}}, {0.16f}};
    static constexpr Row kWide[] = {{0.43f, {1, 1}}, {0.39f, {1, 1}}, {0.18f}};
    plot::Subplots grid("##layout", layout.plot_min, layout.plot_size,
                        layout.stacked ? std::span<const Row>(kStacked) : std::span<const Row>(kWide), {.gap = 10});
    draw_data(grid.cell(0));
    draw_curves(grid.cell(1));
    for (std::size_t m = 0; m < 2; ++m) draw_landscape(m, grid.cell(2 + int(m)));
    draw_progress(grid.cell(4));
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override { timeline_.stop(), params_.reset(); }

  // One table: the data points with the probability each model gives class 1 now, then each
  // run's weights and loss per step up to the shown one.
  std::string csv() const override {
    update();
    CsvTable table({"row", "index", "x1", "x2", "label", "p cross-entropy model", "p squared-error model", "w1", "w2",
                    "loss"});
    for (std::size_t i = 0; i < data_.points.size(); ++i) {
      const Vec2& x = data_.points[i];
      table.row({"data point", i + 1, x.x(), x.y(), data_.labels[i], predict(weights(0), x), predict(weights(1), x), {}, {},
                 {}});
    }
    for (std::size_t m = 0; m < 2; ++m) {
      const std::string what = std::string(loss_name(kLosses[m])) + " step";
      for (int k = 0; k <= last_step(m); ++k) {
        const Vec2& w = runs_[m].path[std::size_t(k)];
        table.row({what, k, {}, {}, {}, {}, {}, w.x(), w.y(), runs_[m].losses[std::size_t(k)]});
      }
    }
    return table.text();
  }

  std::string describe() const override {
    update();
    const int k = int(params_.get(steps_));
    std::string s = std::to_string(data_.points.size()) + " points in two overlapping blobs (seed " +
                    std::to_string(params_.get(seed_)) + "). Both models start at w = " +
                    format_vector(params_.get(start_)) + " and take " + std::to_string(k) +
                    (k == 1 ? " step" : " steps") + " of gradient descent (\u03b7 = " + format_number(params_.get(rate_)) +
                    "): ";
    for (std::size_t m = 0; m < 2; ++m)
      s += std::string(m == 0 ? "" : "; ") + loss_name(kLosses[m]) + " " + format_number(loss_now(m)) + ", " +
           std::to_string(misclassified(data_, weights(m))) + " misclassified, " + percent_down(m) + " of the way down";
    return s + ".";
  }

 private:
  // The step shown for run m (a run that stopped early stays at its last iterate), w and the loss there.
  int last_step(std::size_t m) const { return std::min(int(params_.get(steps_)), runs_[m].steps()); }
  const Vec2& weights(std::size_t m) const { return runs_[m].path[std::size_t(last_step(m))]; }
  double loss_now(std::size_t m) const { return runs_[m].losses[std::size_t(last_step(m))]; }
  // How far down run m has come after k steps: 0 at the start, 1 at its loss's minimum.
  double progress(std::size_t m, int k) const { return descent_progress(runs_[m], minima_[m].loss, k); }
  std::string percent_down(std::size_t m) const { return format_percent(std::clamp(progress(m, last_step(m)), 0.0, 1.0)); }

  // The data and its minima depend on the seed and the count; the runs also on the start and the
  // rate. Recompute only what moved, so stepping and playing cost nothing.
  void update() const {
    const std::array<double, 2> data_key = {double(params_.get(seed_)), double(params_.get(points_))};
    if (data_key != data_key_) {
      data_key_ = data_key;
      data_ = make_two_blobs(params_.get(points_), params_.get(seed_), kCentre, kSpread);
      minima_[0] = minimize_loss(ClassifierLoss::CrossEntropy, data_, {0, 0});
      minima_[1] = minimize_loss(ClassifierLoss::SquaredError, data_, minima_[0].w);
      run_key_[0] = NAN;
    }
    const std::array<double, 3> run_key = {params_.get(start_).x(), params_.get(start_).y(), params_.get(rate_)};
    if (run_key != run_key_) {
      run_key_ = run_key;
      for (std::size_t m = 0; m < 2; ++m)
        runs_[m] = train_logistic(kLosses[m], data_, params_.get(start_), params_.get(rate_), kMaxSteps);
    }
  }

  // (1) The data, both boundaries w·x = 0, and one model's p as a wash of the class colours.
  void draw_data(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##data", size, plot::PlotFlags_EqualAspect | plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({-kDataView, kDataView}, {-kDataView, kDataView});
    const std::size_t shaded = std::size_t(params_.get(shading_));
    const Vec2 w = weights(shaded);
    plot::probability_regions([&](double x, double y) { return predict(w, {x, y}); }, t.second, t.first,
                              {.opacity = t.dark ? 0.3f : 0.32f});
    // Boundaries: the line through the origin perpendicular to w (none while w = 0: p = ½
    // everywhere), with an arrow along w on the side the model calls orange: a boundary facing the
    // wrong way lies on the same line, so only the arrow tells them apart.
    for (std::size_t m = 0; m < 2; ++m) {
      if (weights(m).norm() < 1e-9) continue;
      const Vec2 unit = weights(m).normalized(), along(-unit.y(), unit.x());
      const std::array<Vec2, 2> line = {-along * kDataView * 2, along * kDataView * 2};
      plot::line_series(line, loss_color(t, m),
                        {.width = 2.5f, .halo = true, .halo_color = plot::with_alpha(t.background, 200), .halo_width = 1.25f});
      const Vec2 foot = along * (m == 0 ? 2.1 : -2.1);
      plot::arrow(foot, foot + unit * 0.9, loss_color(t, m));
    }
    const std::array<ImU32, 2> palette = {t.second, t.first};
    plot::scatter(data_.points, data_.labels, palette, size.x < 250 ? 3.0f : 3.5f);
    const std::string model = std::string(shaded == 0 ? "cross-entropy" : "squared-error") + " model";
    const std::string label = size.x > 420 ? "shading: p of the " + model + "; arrows point to its orange side"
                                           : "shading: " + model;
    plot::caption(label.c_str());
    plot::end_plot();
  }

  // (2) One point's loss against the probability it gets for its true class (solid), and the push
  // on its score, |∂loss/∂z| (dashed); the data's points ride on the solid curves, those whose loss
  // is off the chart as rings on its top edge.
  void draw_curves(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##curves", size, plot::PlotFlags_NoGrid | plot::PlotFlags_EdgeAxes)) return;
    plot::setup_axes({0, 1}, {0, kLossTop});
    for (std::size_t m = 0; m < 2; ++m) {
      const ClassifierLoss loss = kLosses[m];
      plot::curve([loss](double p) { return positive_loss(loss, p); }, loss_color(t, m), 2.5f);
      plot::curve([loss](double p) { return std::abs(positive_loss_slope(loss, p)); }, loss_color(t, m), 2, plot::kDashed);
    }
    for (std::size_t m = 0; m < 2; ++m) {
      std::vector<Vec2> on, off;
      for (std::size_t i = 0; i < data_.points.size(); ++i) {
        const double p = true_class_probability(weights(m), data_.points[i], data_.labels[i]);
        const double y = positive_loss(kLosses[m], std::max(p, 1e-300));
        (y > kLossTop ? off : on).push_back({p, std::min(y, kLossTop)});
      }
      plot::scatter_series(on, loss_color(t, m), {.marker = {.size = 2.8f, .halo = t.background, .halo_width = 0.8f}});
      plot::scatter_series(off, loss_color(t, m), {.marker = {.size = 3.2f, .filled = false}});
    }
    plot::caption("x: p given to the true class\nsolid: loss, dashed: push on the score", plot::Corner::TopRight);
    plot::end_plot();
  }

  // (3) Loss over w = (w₁, w₂) for loss m, gradient descent's path on it, the shared start.
  void draw_landscape(std::size_t m, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot(m == 0 ? "##ce" : "##se", size, plot::PlotFlags_EqualAspect | plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({-kWeightView, kWeightView}, {-kWeightView, kWeightView});
    // The loss over every visible w (sampled again when the data or the map's extent changes), its
    // colours spanning the lowest to the highest value on the map.
    const plot::Grid& grid = plot::cached_grid(grids_[m], data_key_, [&, loss = kLosses[m]](double a, double b) {
      return mean_loss(loss, data_, {a, b});
    }, kGrid, kGrid);
    const plot::Range colors{grid.values.minCoeff(), grid.values.maxCoeff()};
    plot::heatmap(grid, colors, plot::ColorMap::Viridis, colors.size() / 12,
                  plot::with_alpha(t.dark ? IM_COL32_BLACK : IM_COL32_WHITE, 110));
    if (minima_[m].ok && minima_[m].w.cwiseAbs().maxCoeff() < kWeightView)
      plot::marker(minima_[m].w, IM_COL32_WHITE, {.shape = plot::Marker::Cross, .size = 5, .weight = 2});
    plot::trail(std::span(runs_[m].path).first(std::size_t(last_step(m)) + 1), loss_color(t, m), {.step_size = 2.2f});
    // The start, white on both maps: drag it, nudge it with the arrow keys once selected, or press
    // anywhere else on a map to bring it there and drag on.
    Vec2 s = params_.get(start_);
    if (plot::drag_point(m == 0 ? "start" : "start2", &s, IM_COL32_WHITE, m == 0 ? "start" : nullptr,
                         {.nudge = 0.25, .limit = kWeightView, .click_to_place = true}))
      params_.set(start_, Vec2(std::round(s.x() * 1e3) / 1e3, std::round(s.y() * 1e3) / 1e3));  // 3 decimals in the URL
    const std::string title = std::string(kTitles[m]) + (size.x > 260 ? " over (w\u2081, w\u2082)" : "");
    plot::caption(title.c_str());
    plot::end_plot();
  }

  // (4) How far down each run has come, step by step: 0% at the start, 100% at its loss's minimum.
  void draw_progress(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##progress", size, plot::PlotFlags_EdgeAxes)) return;
    plot::setup_axes({0, kMaxSteps}, {0, 130});  // room above 100% for the caption
    for (std::size_t m = 0; m < 2; ++m) {
      std::vector<double> percent;
      for (int i = 0; i <= last_step(m); ++i) percent.push_back(100 * std::clamp(progress(m, i), -0.05, 1.0));
      plot::line_series(percent, loss_color(t, m), {.width = 2.2f});
    }
    const std::int64_t k = params_.get(steps_);
    plot::segment({double(k), 0}, {double(k), 100}, t.axis, 1);
    plot::caption(("% of the way down each loss, step " + std::to_string(k)).c_str(), plot::Corner::TopRight);
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    // One line per model: its loss now, how many points it gets wrong, how far down it has come.
    for (std::size_t m = 0; m < 2; ++m) {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(loss_color(t, m)), "%s", kTitles[m]);
      ImGui::SameLine();
      ImGui::Text("%s", format_number(loss_now(m)).c_str());
      plot::note((std::to_string(misclassified(data_, weights(m))) + " of " + std::to_string(data_.points.size()) +
                  " wrong, " + percent_down(m) + " down").c_str());
    }
    double rate = params_.get(rate_);
    if (plot::slider("learning rate \u03b7", &rate, 0.01, 10, "%.2g", true)) params_.set(rate_, round_sig(rate));
    timeline_.controls();  // Play at the end starts over
    bool squared = params_.get(shading_) == 1;
    if (ImGui::Checkbox("Shade by squared error", &squared)) params_.set(shading_, squared ? 1 : 0);
    int points = int(params_.get(points_));
    if (plot::slider_int("points", &points, 20, 200)) params_.set(points_, std::int64_t(points));
    static constexpr std::array kButtons = {"New data", "Reset all"};
    if (const int pressed = plot::button_row(kButtons); pressed == 0) params_.set(seed_, params_.get(seed_) + 1);
    else if (pressed == 1) reset();
    if (!layout.stacked) plot::note("Drag the white start on either map, or click a map to start there.");
    plot::end_panel();
  }

  Param<std::uint64_t> seed_;
  Param<std::int64_t> points_;
  Param<Eigen::Vector2d> start_;
  Param<double> rate_;
  Param<std::int64_t> steps_;
  Param<Choice> shading_;
  plot::Timeline timeline_{params_, steps_, {.steps_per_second = kStepsPerSecond}};  // after steps_
  // Caches of what the parameters determine (describe() fills them too).
  mutable std::array<double, 2> data_key_{NAN, NAN};
  mutable std::array<double, 3> run_key_{NAN, NAN, NAN};
  mutable LabeledPoints data_;
  mutable std::array<LossMinimum, 2> minima_;
  mutable std::array<TrainingRun, 2> runs_;
  std::array<plot::GridCache, 2> grids_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(logistic_loss, "logistic-loss", "Why classifiers train on cross-entropy",
           "One logistic classifier trained twice from a confidently wrong start, on cross-entropy and on squared "
           "error: cross-entropy keeps pushing wrong points while squared error's push vanishes, so it stalls on a plateau.",
           1.45f, 0.31f, LogisticLoss)
