// line-fit: fitting a line is walking downhill on the mean-squared-error landscape.
// Left, the data and the line y = a·x + b with its residuals; right, the MSE over (a, b) as a
// heatmap with contours, the least-squares bottom marked, and gradient descent's path from the
// reader's (a, b). Dragging either picture moves the other: the line is a point on the landscape.
// Page: chapters/gradient-descent.md · Math: core/least_squares.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/least_squares.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"
#include "web/plot/timeline.hpp"

namespace mml::figures {
namespace {

constexpr int kPoints = 6;
constexpr int kMaxSteps = 300;
constexpr double kDataLimit = 3;     // points stay in [−3, 3]²
constexpr double kThetaLimit = 4;    // (a, b) stays in [−4, 4]²
// The line's two handles: left of the data and just right of it (points stay at |x| ≤ 3).
constexpr std::array<double, 2> kHandleX = {-2.5, 3.3};
constexpr double kStepsPerSecond = 20;
// Points along a rising trend, all at x > 0: the intercept and slope then trade off against each
// other, so the MSE bowl is a tilted, narrow valley where gradient descent visibly zig-zags.
constexpr std::array<std::array<double, 2>, kPoints> kData = {
    {{0.4, 0.9}, {0.9, 1.6}, {1.4, 1.5}, {1.9, 2.6}, {2.4, 2.7}, {2.9, 3.0}}};

std::string line_text(const Vec2& theta) {
  const double b = theta.y();
  return "y = " + format_number(theta.x()) + "x " + (b < 0 ? "\u2212 " : "+ ") + format_number(std::abs(b));
}

class LineFitFigure final : public Figure {
 public:
  LineFitFigure() {
    for (int i = 0; i < kPoints; ++i)
      points_[std::size_t(i)] = params_.add_vec2("p" + std::to_string(i + 1), {kData[std::size_t(i)][0], kData[std::size_t(i)][1]},
                                                 -kDataLimit, kDataLimit, "data point " + std::to_string(i + 1), 1e-3);
    theta_ = params_.add_vec2("line", {-1, 2}, -kThetaLimit, kThetaLimit,
                              "slope a and intercept b of the line gradient descent starts from", 1e-3);
    rate_ = params_.add_float("rate", 0.2, 0.001, 1, "learning rate \u03b7", 0.001);
    steps_ = params_.add_int("steps", 25, 0, kMaxSteps, "gradient-descent steps taken");
    // Bound here, once steps_ exists. Play stops at the cap, or where the descent diverged.
    timeline_ = plot::Timeline(params_, steps_,
                               {.steps_per_second = kStepsPerSecond,
                                .can_step = [this](std::int64_t s) { return int(path().size()) - 1 >= s; }});
  }

  void frame(const FrameContext& context) override {
    timeline_.advance(context.dt, context.reduced_motion);
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 250, 230);
    ImVec2 size = layout.plot_size;
    ImVec2 second = layout.plot_min;
    if (layout.stacked) {
      size.y = std::floor(size.y / 2);
      second.y += size.y;
    } else {
      size.x = std::floor(size.x / 2);
      second.x += size.x;
    }
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_data(size);
    ImGui::SetCursorScreenPos(second);
    draw_landscape(size);
    draw_panel(layout);
  }

  bool animating() const override { return timeline_.playing(); }
  void reset() override {
    timeline_.stop();
    params_.reset();
  }

  // One table, three kinds of row: the data points with the current line's fit and residual,
  // gradient descent's (a, b) per step with its MSE, and the least-squares line.
  std::string csv() const override {
    const std::vector<Vec2>& pts = data();
    const std::vector<Vec2>& p = path();
    const Vec2 now = p.back();
    CsvTable table({"row", "index", "x", "y", "line a*x + b at x", "residual y - (a*x + b)", "a (slope)",
                    "b (intercept)", "MSE"});
    for (std::size_t i = 0; i < pts.size(); ++i) {
      const double fitted = now.x() * pts[i].x() + now.y();
      table.row({"data point", i + 1, pts[i].x(), pts[i].y(), fitted, pts[i].y() - fitted, {}, {}, {}});
    }
    for (std::size_t k = 0; k < p.size(); ++k)
      table.row({"gradient descent step", k, {}, {}, {}, {}, p[k].x(), p[k].y(), mse(pts, p[k])});
    const LineFit fit = least_squares_line(pts);
    if (fit.ok) table.row({"least squares", {}, {}, {}, {}, {}, fit.theta.x(), fit.theta.y(), mse(pts, fit.theta)});
    return table.text();
  }

  std::string describe() const override {
    const std::vector<Vec2>& pts = data();
    const std::vector<Vec2>& p = path();
    const Vec2 start = p.front(), now = p.back();
    std::string s = std::to_string(kPoints) + " points. From the line " + line_text(start) + " (MSE " +
                    format_number(mse(pts, start)) + "), ";
    const int k = int(p.size()) - 1;
    s += std::to_string(k) + (k == 1 ? " step" : " steps") + " of gradient descent (\u03b7 = " +
         format_number(params_.get(rate_)) + ") reach " + line_text(now) + " (MSE " + format_number(mse(pts, now)) + ")";
    if (k < int(params_.get(steps_))) s += ", then diverge";
    const LineFit fit = least_squares_line(pts);
    if (!fit.ok) return s + "; all points share one x, so no single line fits best.";
    return s + "; least squares gives " + line_text(fit.theta) + " (MSE " + format_number(mse(pts, fit.theta)) + ").";
  }

 private:
  const std::vector<Vec2>& data() const {
    data_.resize(kPoints);
    for (int i = 0; i < kPoints; ++i) data_[std::size_t(i)] = params_.get(points_[std::size_t(i)]);
    return data_;
  }
  // Gradient descent's iterates θ₀ … θₖ, recomputed only when the parameters moved.
  const std::vector<Vec2>& path() const {
    if (params_.revision() != path_revision_) {
      path_revision_ = params_.revision();
      path_ = mse_gradient_descent(data(), params_.get(theta_), params_.get(rate_), int(params_.get(steps_)));
    }
    return path_;
  }
  Vec2 current() const { return path().back(); }
  // The reader grabbed the line: it becomes the new start, and the descent restarts from it.
  void grab(const Vec2& theta) {
    params_.set(theta_, theta);
    params_.set(steps_, 0);
    timeline_.stop();
  }

  void draw_data(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##data", size, plot::PlotFlags_EqualAspect)) return;
    plot::setup_axes({-3.4, 3.6}, {-3.4, 3.6});
    const std::vector<Vec2>& pts = data();
    const Vec2 theta = current();
    const auto line_y = [&theta](double x) { return theta.x() * x + theta.y(); };
    // Residuals: the vertical misses whose squares the MSE averages.
    for (const Vec2& p : pts) plot::segment(p, {p.x(), line_y(p.x())}, plot::with_alpha(t.negative_line, 220), 2.5f);
    const LineFit fit = least_squares_line(pts);
    if (fit.ok) plot::curve([&fit](double x) { return fit.theta.x() * x + fit.theta.y(); }, plot::with_alpha(t.text_muted, 150), 1.5f);
    plot::curve(line_y, t.second, 2.5f);
    plot::DragOptions drag;
    drag.snap = 0.05;
    drag.limit = kDataLimit;
    for (int i = 0; i < kPoints; ++i) {
      Vec2 p = pts[std::size_t(i)];
      const std::string id = "p" + std::to_string(i + 1);
      if (plot::drag_point(id.c_str(), &p, t.first, nullptr, drag))
        params_.set(points_[std::size_t(i)], p);
    }
    // The line's handles: only their heights count; moving one pivots the line about the other.
    std::array<Vec2, 2> ends = {Vec2(kHandleX[0], line_y(kHandleX[0])), Vec2(kHandleX[1], line_y(kHandleX[1]))};
    for (std::size_t e = 0; e < 2; ++e) {
      Vec2 h = ends[e];
      plot::DragOptions line_drag;
      line_drag.limit = 50;
      if (plot::drag_point(e == 0 ? "left" : "right", &h, t.second, nullptr, line_drag)) {
        ends[e].y() = h.y();
        const double a = (ends[1].y() - ends[0].y()) / (kHandleX[1] - kHandleX[0]);
        grab({a, ends[0].y() - a * kHandleX[0]});
      }
    }
    const std::string label = line_text(current());
    plot::text({plot::current_view().x().min, plot::current_view().y().max}, label.c_str(), t.second, {0, 0}, {6, 4});
    plot::end_plot();
  }

  void draw_landscape(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##landscape", size, plot::PlotFlags_EqualAspect)) return;
    plot::setup_axes({-kThetaLimit, kThetaLimit}, {-kThetaLimit, kThetaLimit});
    const std::vector<Vec2>& pts = data();
    // Colours follow log(1 + MSE): the bowl's walls are hundreds, its floor near zero.
    const auto mse_at = [&pts](double a, double b) { return std::log1p(mse(pts, {a, b})); };
    const plot::Grid& grid = plot::cached_grid(grid_, std::span(pts.front().data(), 2 * pts.size()), mse_at, 72, 72);
    const plot::Range colors{0, std::log1p(400.0)};
    plot::heatmap(grid, colors, plot::ColorMap::Viridis, colors.size() / 16,
                  plot::with_alpha(t.dark ? IM_COL32_BLACK : IM_COL32_WHITE, 110));
    const LineFit fit = least_squares_line(pts);
    if (fit.ok) {
      plot::marker(fit.theta, IM_COL32_WHITE, {.shape = plot::Marker::Cross, .size = 6, .weight = 2.5f});
      plot::text(fit.theta, "least squares", IM_COL32_WHITE, {0, 0.5f}, {9, 0});
    }
    plot::trail(path(), t.first, {.max_step_dots = 80, .current = {.size = 5}, .current_color = t.second});
    Vec2 theta = params_.get(theta_);
    plot::DragOptions drag;
    drag.limit = kThetaLimit;
    drag.nudge = 0.1;
    if (plot::drag_point("ab", &theta, IM_COL32_WHITE, "(a, b)", drag)) grab(theta);
    plot::text({-kThetaLimit, kThetaLimit}, "MSE over slope a (\u2192) and intercept b (\u2191)", IM_COL32_WHITE, {0, 0}, {6, 4});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    plot::begin_panel(layout);
    const std::vector<Vec2>& pts = data();
    const Vec2 theta = current();
    const std::string now = "MSE = " + format_number(mse(pts, theta));
    plot::heading(now.c_str());
    ImGui::TextUnformatted(line_text(theta).c_str());
    const LineFit fit = least_squares_line(pts);
    plot::note(fit.ok ? "least squares (the bottom):" : "all x equal: no single best line");
    if (fit.ok) {
      const std::string best = line_text(fit.theta) + ", MSE " + format_number(mse(pts, fit.theta));
      plot::note(best.c_str());
    }
    plot::slider(params_, rate_, "\u03b7", "%.3g", true);
    timeline_.controls();  // Play at the cap, or diverged, starts over
    if (int(path().size()) - 1 < int(params_.get(steps_))) plot::note("Diverged: \u03b7 is too large for this bowl.");
    static constexpr std::array kButtons = {"Start at least squares"};
    if (plot::button_row(kButtons) == 0 && fit.ok) grab(fit.theta);
    if (!layout.stacked) plot::note("Drag the points, the line's ends, or (a, b) on the map.");
    plot::end_panel();
  }

  std::array<Param<Eigen::Vector2d>, kPoints> points_{};
  Param<Eigen::Vector2d> theta_{};
  Param<double> rate_{};
  Param<std::int64_t> steps_{};
  plot::Timeline timeline_{params_, steps_};  // rebound in the constructor
  mutable std::vector<Vec2> data_, path_;
  mutable std::uint64_t path_revision_ = ~0ull;
  plot::GridCache grid_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(line_fit, "line-fit", "Fitting a line by walking downhill",
           "Drag the data points or the line: the line is one point on the mean-squared-error landscape beside it, "
           "and gradient descent walks from there to the least-squares bottom.",
           2.0f, 0.4f, LineFitFigure)
