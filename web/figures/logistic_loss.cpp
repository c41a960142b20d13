// logistic-loss: why classifiers train on cross-entropy rather than squared error.
// One logistic model p = σ(w·x) trained twice on the same two blobs, from the same confidently
// wrong start: once on cross-entropy, once on squared error of the probability. Four pictures:
// the data with each model's boundary (and one model's probabilities as shading); one point's loss
// and its push on the score against the probability p it gets, with the data riding on the curves;
// both loss landscapes over w = (w₁, w₂) with gradient descent's path; how far down each run is.
// Page: chapters/entropy-and-cross-entropy.md · Math: core/logistic_regression.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/logistic_regression.hpp"
#include "web/figures/csv.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr int kMaxSteps = 300;
constexpr double kStepsPerSecond = 30;  // Play: 0 → 300 in 10 s
constexpr int kGrid = 64;               // landscape samples per side
constexpr int kShade = 36;              // probability shading cells per side of the data plot
constexpr double kDataView = 3.4;       // the data plot shows [−3.4, 3.4]²
constexpr double kWeightView = 6;       // the landscapes show w in [−6, 6]² (more on wide maps)
constexpr float kGap = 10;              // CSS pixels between the pictures
// The data: two blobs at ±(0.9, 0.45), spread 0.8. Seed 15 puts both losses' minima well inside
// the landscape (tests/unit/test_logistic_regression.cpp checks them against scikit-learn and SciPy).
const Vec2 kCentre(0.9, 0.45);
constexpr double kSpread = 0.8;
constexpr std::array kLosses = {ClassifierLoss::CrossEntropy, ClassifierLoss::SquaredError};

// Okabe–Ito: bluish green for cross-entropy, reddish purple for squared error; the classes take
// the theme's orange (label 1) and blue (label 0).
ImU32 loss_color(const plot::Theme& t, std::size_t m) {
  return m == 0 ? t.third : t.fourth;
}
const char* loss_title(std::size_t m) { return m == 0 ? "Cross-entropy" : "Squared error"; }
std::string vector_text(const Vec2& v) { return "(" + format_number(v.x()) + ", " + format_number(v.y()) + ")"; }
std::string percent(double f) { return format_number(std::clamp(f, 0.0, 1.0) * 100) + "%"; }

// A dashed polyline in screen space (the dash pattern runs on across the vertices).
void dashed(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 color, float width, float on = 6, float off = 4) {
  float phase = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const ImVec2 a = pts[i - 1], b = pts[i];
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    float s = 0;
    while (s < len) {
      const float period_left = (phase < on ? on : on + off) - phase;
      const float e = std::min(len, s + period_left);
      if (phase < on) {
        const float t0 = s / len, t1 = e / len;
        dl->AddLine({a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0}, {a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1},
                    color, width);
      }
      phase += e - s;
      if (phase >= on + off) phase = 0;
      s = e;
    }
  }
}

class LogisticLoss final : public Figure {
 public:
  LogisticLoss()
      : seed_(params_.add_seed("seed", 15, "seed of the data set: the same seed gives the same points")),
        n_(params_.add_int("n", 40, 20, 200, "how many points (half in each class)")),
        start_(params_.add_vec2("start", {-4, -2}, -kWeightView, kWeightView,
                                "the weights w = (w\u2081, w\u2082) both trainings start from")),
        rate_(params_.add_float("rate", 1, 0.01, 10, "learning rate \u03b7 of gradient descent")),
        steps_(params_.add_int("steps", 30, 0, kMaxSteps, "gradient-descent steps taken")),
        shade_(params_.add_choice("shade", {"cross-entropy", "squared-error"}, 0,
                                "which model's probabilities shade the data")) {}

  void frame(const FrameContext& context) override {
    update();
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 260, 340);
    const ImVec2 o = layout.plot_min, s = layout.plot_size;
    if (layout.stacked) {
      // Phones: data, then the per-point curves, the two landscapes side by side, the progress.
      const float data_h = std::floor(s.y * 0.33f), curves_h = std::floor(s.y * 0.25f);
      const float maps_h = std::floor(s.y * 0.26f), half = std::floor(s.x / 2);
      place(o), draw_data({s.x, data_h - kGap});
      place({o.x, o.y + data_h}), draw_curves({s.x, curves_h - kGap});
      place({o.x, o.y + data_h + curves_h}), draw_landscape(0, {half - kGap / 2, maps_h - kGap});
      place({o.x + half + kGap / 2, o.y + data_h + curves_h}), draw_landscape(1, {s.x - half - kGap / 2, maps_h - kGap});
      place({o.x, o.y + data_h + curves_h + maps_h}), draw_progress({s.x, s.y - data_h - curves_h - maps_h - kGap});
    } else {
      const float top_h = std::floor(s.y * 0.43f), maps_h = std::floor(s.y * 0.39f), half = std::floor(s.x / 2);
      place(o), draw_data({half - kGap / 2, top_h - kGap});
      place({o.x + half + kGap / 2, o.y}), draw_curves({s.x - half - kGap / 2, top_h - kGap});
      place({o.x, o.y + top_h}), draw_landscape(0, {half - kGap / 2, maps_h - kGap});
      place({o.x + half + kGap / 2, o.y + top_h}), draw_landscape(1, {s.x - half - kGap / 2, maps_h - kGap});
      place({o.x, o.y + top_h + maps_h}), draw_progress({s.x, s.y - top_h - maps_h});
    }
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

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
      for (int k = 0; k <= std::min(shown_steps(), runs_[m].steps()); ++k) {
        const Vec2& w = runs_[m].path[std::size_t(k)];
        table.row({what, k, {}, {}, {}, {}, {}, w.x(), w.y(), runs_[m].losses[std::size_t(k)]});
      }
    }
    return table.text();
  }

  std::string describe() const override {
    update();
    const int k = shown_steps();
    std::string s = std::to_string(data_.points.size()) + " points in two overlapping blobs (seed " +
                    std::to_string(params_.get(seed_)) + "). Both models start at w = " +
                    vector_text(params_.get(start_)) + " and take " + std::to_string(k) +
                    (k == 1 ? " step" : " steps") + " of gradient descent (\u03b7 = " + format_number(params_.get(rate_)) +
                    "): ";
    for (std::size_t m = 0; m < 2; ++m) {
      const int last = std::min(k, runs_[m].steps());
      s += std::string(m == 0 ? "" : "; ") + loss_name(kLosses[m]) + " " + format_number(runs_[m].losses[std::size_t(last)]) +
           ", " + std::to_string(misclassified(data_, runs_[m].path[std::size_t(last)])) + " misclassified, " +
           percent(progress(m, last)) + " of the way down";
    }
    return s + ".";
  }

 private:
  static void place(ImVec2 at) { ImGui::SetCursorScreenPos(at); }
  int shown_steps() const { return int(params_.get(steps_)); }
  // w after the shown number of steps (a run that stopped early stays at its last iterate).
  const Vec2& weights(std::size_t m) const {
    return runs_[m].path[std::size_t(std::min(shown_steps(), runs_[m].steps()))];
  }
  // How far down run m has come after k steps: 0 at the start, 1 at its loss's minimum.
  double progress(std::size_t m, int k) const {
    const std::vector<double>& f = runs_[m].losses;
    const double drop = f[0] - minima_[m].loss;
    if (!(drop > 1e-12)) return 1;
    return (f[0] - f[std::size_t(std::min(k, runs_[m].steps()))]) / drop;
  }

  // The data and its minima depend on the seed and n; the runs also on the start and the rate.
  // Recompute only what moved, so stepping and playing cost nothing.
  void update() const {
    const std::array<double, 2> data_key = {double(params_.get(seed_)), double(params_.get(n_))};
    if (data_key != data_key_) {
      data_key_ = data_key;
      data_ = make_two_blobs(params_.get(n_), params_.get(seed_), kCentre, kSpread);
      minima_[0] = minimize_loss(ClassifierLoss::CrossEntropy, data_, {0, 0});
      minima_[1] = minimize_loss(ClassifierLoss::SquaredError, data_, minima_[0].w);
      grid_keys_[0][0] = grid_keys_[1][0] = NAN;
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
    const plot::ViewTransform& view = plot::current_view();
    const std::size_t shaded = std::size_t(params_.get(shade_));
    const Vec2 w = weights(shaded);
    // Corner colours of each cell blend from the background to orange where p → 1 and to blue
    // where p → 0. Opaque, so neighbouring cells never double up along their shared edges.
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(t.background);
    const ImVec4 one = ImGui::ColorConvertU32ToFloat4(t.first), zero = ImGui::ColorConvertU32ToFloat4(t.second);
    const float strength = t.dark ? 0.3f : 0.32f;
    const auto wash = [&](double x, double y) {
      const double p = predict(w, {x, y});
      const float a = float(std::abs(2 * p - 1)) * strength;
      const ImVec4& c = p >= 0.5 ? one : zero;
      return ImGui::ColorConvertFloat4ToU32({bg.x + (c.x - bg.x) * a, bg.y + (c.y - bg.y) * a, bg.z + (c.z - bg.z) * a, 1});
    };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const plot::Range vx = view.x(), vy = view.y();
    const double cx = vx.size() / kShade, cy = vy.size() / kShade;
    std::array<ImU32, kShade + 1> below{}, above{};
    for (int i = 0; i <= kShade; ++i) below[std::size_t(i)] = wash(vx.min + i * cx, vy.min);
    for (int j = 0; j < kShade; ++j) {
      for (int i = 0; i <= kShade; ++i) above[std::size_t(i)] = wash(vx.min + i * cx, vy.min + (j + 1) * cy);
      for (int i = 0; i < kShade; ++i) {
        const ImVec2 a = plot::to_screen({vx.min + i * cx, vy.min + (j + 1) * cy});
        const ImVec2 b = plot::to_screen({vx.min + (i + 1) * cx, vy.min + j * cy});
        dl->AddRectFilledMultiColor(a, b, above[std::size_t(i)], above[std::size_t(i) + 1], below[std::size_t(i) + 1],
                                    below[std::size_t(i)]);
      }
      below = above;
    }
    plot::segment({vx.min, 0}, {vx.max, 0}, t.grid_strong, 1);
    plot::segment({0, vy.min}, {0, vy.max}, t.grid_strong, 1);
    // Boundaries: the line through the origin perpendicular to w (none while w = 0: p = ½
    // everywhere), with an arrow along w on the side the model calls orange: a boundary facing the
    // wrong way lies on the same line, so only the arrow tells them apart.
    for (std::size_t m = 0; m < 2; ++m) {
      const Vec2 wm = weights(m);
      if (wm.norm() < 1e-9) continue;
      const Vec2 unit = wm.normalized(), along(-unit.y(), unit.x());
      plot::segment(-along * kDataView * 2, along * kDataView * 2, plot::with_alpha(t.background, 200), 5);
      plot::segment(-along * kDataView * 2, along * kDataView * 2, loss_color(t, m), 2.5f);
      const Vec2 foot = along * (m == 0 ? 2.1 : -2.1);
      plot::arrow(foot, foot + unit * 0.9, loss_color(t, m));
    }
    const std::array<ImU32, 2> palette = {t.second, t.first};
    plot::scatter(data_.points, data_.labels, palette, size.x < 250 ? 3.0f : 3.5f);
    const std::string label = std::string("shading: p of the ") + (shaded == 0 ? "cross-entropy" : "squared-error") +
                              " model; arrows point to its orange side";
    if (size.x > 420) plot::text({vx.min, vy.max}, label.c_str(), t.text_muted, {0, 0}, {6, 4});
    else plot::text({vx.min, vy.max}, shaded == 0 ? "shading: cross-entropy model" : "shading: squared-error model", t.text_muted,
                    {0, 0}, {6, 4});
    plot::end_plot();
  }

  // (2) One point's loss against the probability it gets for its true class (solid), and the push
  // on its score, |∂loss/∂z| (dashed); the data's points ride on the solid curves.
  void draw_curves(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##curves", size, plot::PlotFlags_NoGrid | plot::PlotFlags_NoTickLabels)) return;
    constexpr double kTop = 2.6;
    const double per_px = kTop / std::max(60.0f, size.y - 52);
    const double x0 = -24.0 / std::max(100.0f, size.x - 34);
    plot::setup_axes({x0, 1.04}, {-26 * per_px, kTop + 26 * per_px});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Axes at the plot's left and bottom, labelled: p from 0 to 1, loss in nats.
    plot::segment({0, 0}, {1, 0}, t.axis, 1);
    plot::segment({0, 0}, {0, kTop}, t.axis, 1);
    for (double v : {1.0, 2.0}) {
      plot::segment({0, v}, {1, v}, plot::with_alpha(t.grid_strong, 60), 1);
      const std::string s = format_number(v);
      plot::text({0, v}, s.c_str(), t.text_muted, {1, 0.5f}, {-4, 0});
    }
    plot::text({0, 0}, "0", t.text_muted, {0.5f, 0}, {0, 3});
    plot::text({1, 0}, "1", t.text_muted, {0.5f, 0}, {0, 3});
    plot::text({0.5, 0}, "p given to the true class", t.text_muted, {0.5f, 0}, {0, 3});
    for (std::size_t m = 0; m < 2; ++m) {
      const ClassifierLoss loss = kLosses[m];
      const ImU32 c = loss_color(t, m);
      std::vector<ImVec2> solid, push;
      for (int i = 0; i <= 160; ++i) {
        const double p = std::max(1e-4, i / 160.0);
        solid.push_back(plot::to_screen({p, std::min(positive_loss(loss, p), kTop + 1)}));
        push.push_back(plot::to_screen({p, std::abs(positive_loss_slope(loss, p))}));
      }
      dl->AddPolyline(solid.data(), int(solid.size()), c, 0, 2.5f);
      dashed(dl, push, c, 2);
    }
    // Each point at the probability its model gives its true label, on that model's loss curve.
    for (std::size_t m = 0; m < 2; ++m) {
      const Vec2 w = weights(m);
      const ImU32 c = loss_color(t, m);
      for (std::size_t i = 0; i < data_.points.size(); ++i) {
        const double q = predict(w, data_.points[i]);
        const double p = data_.labels[i] == 1 ? q : 1 - q;
        const double y = positive_loss(kLosses[m], std::max(p, 1e-300));
        const ImVec2 s = plot::to_screen({p, std::min(y, kTop)});
        if (y > kTop) {  // off the chart: a hollow ring at the top edge
          dl->AddCircle(s, 3.2f, c, 0, 1.5f);
          continue;
        }
        dl->AddCircleFilled(s, 3.6f, t.background);
        dl->AddCircleFilled(s, 2.8f, c);
      }
    }
    plot::text({1.04, kTop + 26 * per_px}, "solid: loss   dashed: push on the score", t.text_muted, {1, 0}, {-4, 2});
    plot::end_plot();
  }

  // (3) Loss over w = (w₁, w₂) for loss m, gradient descent's path on it, the shared start.
  void draw_landscape(std::size_t m, ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot(m == 0 ? "##ce" : "##se", size, plot::PlotFlags_EqualAspect | plot::PlotFlags_NoTickLabels)) return;
    plot::setup_axes({-kWeightView, kWeightView}, {-kWeightView, kWeightView});
    const plot::ViewTransform& view = plot::current_view();
    // The loss over every visible w (recomputed when the data or the map's extent changes), its
    // colours spanning the lowest to the highest value on the map.
    const std::array<double, 4> key = {view.x().min, view.x().max, view.y().min, view.y().max};
    if (key != grid_keys_[m]) {
      grid_keys_[m] = key;
      const ClassifierLoss loss = kLosses[m];
      grids_[m] = plot::sample_grid([&](double a, double b) { return mean_loss(loss, data_, {a, b}); }, view.x(), view.y(),
                                    kGrid, kGrid);
    }
    const plot::Range colors{grids_[m].values.minCoeff(), grids_[m].values.maxCoeff()};
    plot::heatmap(grids_[m], colors, plot::ColorMap::Viridis, colors.size() / 12,
                  plot::with_alpha(t.dark ? IM_COL32_BLACK : IM_COL32_WHITE, 110));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (minima_[m].ok && minima_[m].w.cwiseAbs().maxCoeff() < kWeightView) {
      const ImVec2 s = plot::to_screen(minima_[m].w);
      dl->AddLine({s.x - 5, s.y - 5}, {s.x + 5, s.y + 5}, IM_COL32_WHITE, 2);
      dl->AddLine({s.x - 5, s.y + 5}, {s.x + 5, s.y - 5}, IM_COL32_WHITE, 2);
    }
    const TrainingRun& run = runs_[m];
    const std::size_t n = std::size_t(std::min(shown_steps(), run.steps())) + 1;
    std::vector<ImVec2> pts;
    pts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const ImVec2 s = plot::to_screen(run.path[i]);
      if (!pts.empty() && std::abs(s.x - pts.back().x) + std::abs(s.y - pts.back().y) < 0.7f && i + 1 < n) continue;
      pts.push_back(s);
    }
    const ImU32 c = loss_color(t, m);
    dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(0, 0, 0, 120), 0, 4.5f);
    dl->AddPolyline(pts.data(), int(pts.size()), c, 0, 2.2f);
    if (n <= 60)
      for (const ImVec2& p : pts) dl->AddCircleFilled(p, 2.2f, c);
    dl->AddCircleFilled(pts.back(), 5.5f, IM_COL32(0, 0, 0, 140));
    dl->AddCircleFilled(pts.back(), 4.5f, c);
    start_handle(m, view);
    const std::string title = std::string(loss_title(m)) + (size.x > 260 ? " over (w\u2081, w\u2082)" : "");
    plot::text({view.x().min, view.y().max}, title.c_str(), IM_COL32_WHITE, {0, 0}, {6, 4});
    plot::end_plot();
  }

  // The start: a white handle on both maps (drag it, or arrow keys once selected); a click
  // elsewhere on a map moves it there and the same press drags on.
  void start_handle(std::size_t m, const plot::ViewTransform& view) {
    const plot::Theme& t = plot::current_theme();
    Vec2 s = params_.get(start_);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const plot::ScreenRect& r = view.screen();
    const ImVec2 at = plot::to_screen(s);
    const bool inside = mouse.x >= r.x && mouse.x < r.x + r.w && mouse.y >= r.y && mouse.y < r.y + r.h;
    const float dx = mouse.x - at.x, dy = mouse.y - at.y;
    if (inside && ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemActive() &&
        dx * dx + dy * dy > t.handle_hit_radius * t.handle_hit_radius) {
      s = view.to_data({mouse.x, mouse.y});
      move_start(s);
    }
    plot::DragOptions drag;
    drag.nudge = 0.25;
    drag.limit = kWeightView;
    if (plot::drag_point(m == 0 ? "start" : "start2", &s, IM_COL32_WHITE, m == 0 ? "start" : nullptr, drag)) move_start(s);
  }
  void move_start(const Vec2& p) {
    const double q = 1e3;  // three decimals in the URL
    params_.set(start_, Vec2(std::round(std::clamp(p.x(), -kWeightView, kWeightView) * q) / q,
                             std::round(std::clamp(p.y(), -kWeightView, kWeightView) * q) / q));
  }

  // (4) How far down each run has come, step by step: 0% at the start, 100% at its loss's minimum.
  void draw_progress(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##progress", size, plot::PlotFlags_NoTickLabels | plot::PlotFlags_NoGrid)) return;
    const double per_px = 1.0 / std::max(20.0f, size.y - 34);
    const double x1 = kMaxSteps * 1.02, x0 = -40 * x1 / std::max(100.0f, size.x - 40);
    plot::setup_axes({x0, x1}, {-18 * per_px, 1 + 16 * per_px});
    const ImU32 grid = plot::with_alpha(t.grid_strong, 110);
    for (double v : {0.0, 0.5, 1.0}) {
      plot::segment({0, v}, {kMaxSteps, v}, grid, 1);
      const std::string s = format_number(v * 100) + "%";
      plot::text({0, v}, s.c_str(), t.text_muted, {1, 0.5f}, {-4, 0});
    }
    for (int s = 100; s <= kMaxSteps; s += 100) {
      plot::segment({double(s), 0}, {double(s), 1}, grid, 1);
      const std::string label = std::to_string(s);
      plot::text({double(s), 0}, label.c_str(), t.text_muted, {s == kMaxSteps ? 1.f : 0.5f, 0}, {0, 3});
    }
    const int k = shown_steps();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t m = 0; m < 2; ++m) {
      const int n = std::min(k, runs_[m].steps());
      std::vector<ImVec2> pts;
      pts.reserve(std::size_t(n) + 1);
      for (int i = 0; i <= n; ++i) pts.push_back(plot::to_screen({double(i), std::clamp(progress(m, i), -0.05, 1.0)}));
      dl->AddPolyline(pts.data(), int(pts.size()), loss_color(t, m), 0, 2.2f);
    }
    plot::segment({double(k), 0}, {double(k), 1}, t.axis, 1);
    const std::string what = "how far down each loss has come, step " + std::to_string(k);
    plot::text({x1, 1 + 16 * per_px}, what.c_str(), t.text_muted, {1, 0}, {-4, 1});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    const int k = shown_steps();
    // One line per model: its loss now, how many points it gets wrong, how far down it has come.
    for (std::size_t m = 0; m < 2; ++m) {
      const int last = std::min(k, runs_[m].steps());
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(loss_color(t, m)), "%s", loss_title(m));
      ImGui::SameLine();
      ImGui::Text("%s", format_number(runs_[m].losses[std::size_t(last)]).c_str());
      const std::string line = std::to_string(misclassified(data_, weights(m))) + " of " + std::to_string(data_.points.size()) +
                               " wrong, " + percent(progress(m, last)) + " down";
      plot::note(line.c_str());
    }
    double rate = params_.get(rate_);
    if (plot::slider("learning rate \u03b7", &rate, 0.01, 10, "%.2g", true)) params_.set(rate_, round_sig(rate));
    timeline_.controls();  // Play at the end starts over
    bool shade = params_.get(shade_) == 1;
    if (ImGui::Checkbox("Shade by squared error", &shade)) params_.set(shade_, shade ? 1 : 0);
    int n = int(params_.get(n_));
    if (plot::slider_int("points", &n, 20, 200)) params_.set(n_, std::int64_t(n));
    static constexpr std::array kButtons = {"New data", "Reset all"};
    switch (plot::button_row(kButtons)) {
      case 0: params_.set(seed_, params_.get(seed_) + 1); break;
      case 1: reset(); break;
      default: break;
    }
    if (!layout.stacked) plot::note("Drag the white start on either map, or click a map to start there.");
    plot::end_panel();
  }

  // Two significant digits: slider values that read well in the panel and the URL.
  static double round_sig(double v) {
    if (!(v > 0)) return v;
    const double unit = std::pow(10.0, std::floor(std::log10(v)) - 1);
    return std::round(v / unit) * unit;
  }

  Param<std::uint64_t> seed_;
  Param<std::int64_t> n_;
  Param<Eigen::Vector2d> start_;
  Param<double> rate_;
  Param<std::int64_t> steps_;
  Param<Choice> shade_;
  plot::Timeline timeline_{params_, steps_, {.steps_per_second = kStepsPerSecond}};  // after steps_
  // Caches of what the parameters determine (describe() fills them too).
  mutable std::array<double, 2> data_key_{NAN, NAN};
  mutable std::array<double, 3> run_key_{NAN, NAN, NAN};
  mutable LabeledPoints data_;
  mutable std::array<LossMinimum, 2> minima_;
  mutable std::array<TrainingRun, 2> runs_;
  std::array<plot::Grid, 2> grids_;
  mutable std::array<std::array<double, 4>, 2> grid_keys_{};
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(logistic_loss, "logistic-loss", "Why classifiers train on cross-entropy",
           "One logistic classifier trained twice from a confidently wrong start, on cross-entropy and on squared "
           "error: cross-entropy keeps pushing wrong points while squared error's push vanishes, so it stalls on a plateau.",
           1.45f, 0.31f, LogisticLoss)
