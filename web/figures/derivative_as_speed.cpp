// derivative-as-speed: the derivative is speed.
// A position s(t) over time (a ball thrown up, a car that stops and goes, or one the reader
// types). The average speed over [t, t + h] is the slope of the secant through two points of the
// curve; as h shrinks the secant turns into the tangent and its slope settles on s'(t), the speed
// at the instant t. The panel reads off both numbers and their gap, which shrinks like h.
// Page: chapters/gradient-descent.md · Math: core/secant.hpp, core/expression.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/expression.hpp"
#include "core/format.hpp"
#include "core/secant.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"

namespace mml::figures {
namespace {

constexpr double kTMax = 4, kHMin = 1e-4, kHMax = 1;
constexpr plot::Range kTimeView = {-0.25, kTMax + kHMax + 0.25};  // t + h stays in view

struct Preset {
  const char* label;
  const char* text;
};
constexpr std::array kPresets = {
    Preset{"Ball thrown up", "5t - t^2"},
    Preset{"Forward, back, forward", "t^3/3 - 2t^2 + 3t"},
    Preset{"Stop and go", "t - sin(2t)/2"},
    Preset{"Square root (vertical at 0)", "sqrt(t)"},
};

class DerivativeAsSpeed final : public Figure {
 public:
  DerivativeAsSpeed()
      : f_(params_.add_string("f", kPresets[0].text, 200, "position s(t), a formula in t such as 5t - t^2")),
        t_(params_.add_float("t", 1, 0, kTMax, "the instant t where the speed is read")),
        h_(params_.add_float("h", 1, kHMin, kHMax, "the time step h: the secant spans [t, t + h]")) {}

  void frame(const FrameContext&) override {
    function().update(params_.get(f_));
    fit_view();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 280, 300);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_plot(layout.plot_size);
    draw_panel(layout);
  }

  std::string describe() const override {
    function().update(params_.get(f_));
    const double t = params_.get(t_), h = params_.get(h_);
    const SpeedReading r = read_speed(function(), t, h);
    std::string s = "s(t) = " + function().good.to_text() + " at t = " + format_number_math(t) + ": ";
    if (r.secant_defined)
      s += "the average speed over [" + format_number_math(t) + ", " + format_number_math(t + h, 5) + "] is " + format_number_math(r.secant, 6);
    else
      s += "the average speed over [t, t + h] is undefined";
    s += r.exact_defined ? ", the speed s'(t) is " + format_number_math(r.exact, 6) : ", the speed s'(t) is undefined at t = " + format_number_math(t);
    if (r.gap_defined()) s += ", a difference of " + format_number_math(r.gap);
    s += ".";
    if (!function().error.empty()) s += " The typed formula has an error: " + function().error + ".";
    return s;
  }

 private:
  TypedExpression& function() const { return function_; }

  // The position axis fits the curve over the time shown; refitted only when the function changes,
  // so the view never jumps during a drag. Percentiles ignore the spikes next to a pole.
  void fit_view() {
    if (fitted_version_ == function_.version) return;
    fitted_version_ = function_.version;
    const Expression& e = function_.good;
    auto [lo, hi] = plot::framing_range([&e](double t) { return e.eval(t); }, kTimeView);
    if (lo > 0 && lo < 0.6 * (hi - lo)) lo = 0;  // show the t-axis when it is near
    if (hi < 0 && -hi < 0.6 * (hi - lo)) hi = 0;
    const double pad = 0.14 * (hi - lo);
    view_y_ = {lo - pad, hi + pad};
  }

  void draw_plot(ImVec2 size) {
    const plot::Theme& th = plot::current_theme();
    if (!plot::begin_plot("##position", size)) return;
    plot::setup_axes(kTimeView, view_y_);
    const double t = params_.get(t_), h = params_.get(h_);
    const SpeedReading r = read_speed(function(), t, h);
    plot::curve([this](double x) { return function_.good.eval(x); }, th.third, 2.5f);
    const Vec2 a(t, r.position), b(t + h, r.later);
    const float plot_w = plot::current_view().screen().w;
    if (r.secant_defined) {
      // Rise over run: h across, Δs up, and the secant through both points.
      const Vec2 corner(t + h, r.position);
      plot::segment(a, corner, th.text_muted, 1);
      plot::segment(corner, b, th.text_muted, 1);
      const double w = plot::slope_run(r.secant, 0.12f * plot_w);
      plot::segment(a - w * Vec2(1, r.secant), b + w * Vec2(1, r.secant), th.second, 2.5f);
      const ImVec2 sa = plot::to_screen(a), sc = plot::to_screen(corner), sb = plot::to_screen(b);
      const bool up = r.later >= r.position;
      if (sc.x - sa.x > 18) plot::text({t + h / 2, r.position}, "h", th.text_muted, {0.5f, up ? 0.f : 1.f}, {0, up ? 3.f : -3.f});
      if (std::abs(sb.y - sc.y) > 22)
        plot::text({t + h, (r.position + r.later) / 2}, "\u0394s", th.text_muted, {0, 0.5f}, {5, 0});
    }
    if (r.exact_defined) plot::slope_line(a, r.exact, 0.22f * plot_w, th.first, 2);
    // The instant t: a handle that slides along the curve (only its x is used). Submitted
    // first, it takes the arrow keys and wins the pointer when t + h sits on top of it.
    plot::DragOptions snap;
    snap.snap = 0.05;
    Vec2 p(t, r.position_defined ? r.position : 0);
    if (plot::drag_point("t", &p, th.first, "t", snap)) params_.set(t_, std::clamp(p.x(), 0.0, kTMax));
    // The second point of the secant is a handle too: drag it toward t to shrink h.
    plot::DragOptions free;
    free.nudge = 0.05;
    if (r.later_defined) {
      Vec2 q = b;
      const ImVec2 sa = plot::to_screen(a), sb = plot::to_screen(b);
      const bool apart = std::hypot(sb.x - sa.x, sb.y - sa.y) > 28;  // else the labels collide
      if (plot::drag_point("t+h", &q, th.second, apart ? "t + h" : nullptr, free)) params_.set(h_, std::clamp(q.x() - t, kHMin, kHMax));
    }
    if (!r.position_defined)
      plot::text({t, 0}, "s is undefined here", th.negative_line, {0.5f, 1}, {0, -14});
    plot::text({kTimeView.max, view_y_.min}, "time t", th.text_muted, {1, 1}, {-6, -4});
    plot::text({0, view_y_.max}, "position s(t)", th.text_muted, {0, 0}, {10, 4});
    plot::end_plot();
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& th = plot::current_theme();
    plot::begin_panel(layout);
    plot::expression_input(params_, f_, "position s(t) =", &function());
    if (const int chosen = plot::formula_examples("examples", params_.get(f_), kPresets); chosen >= 0)
      params_.set(f_, kPresets[std::size_t(chosen)].text);
    plot::slider(params_, h_, "time step h", "%.4g", true);

    const double t = params_.get(t_);
    const double h = params_.get(h_);
    const SpeedReading r = read_speed(function(), t, h);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(th.second));
    const std::string secant = "average speed  " +
        (r.secant_defined ? format_number_math(r.secant, 6) : std::string("undefined"));
    ImGui::TextUnformatted(secant.c_str());
    ImGui::PopStyleColor();
    plot::note("(s(t + h) \u2212 s(t)) / h, the secant's slope");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(th.first));
    const std::string exact = "speed s'(t)  " +
        (r.exact_defined ? format_number_math(r.exact, 6) : "undefined at t = " + format_number_math(t));
    ImGui::TextUnformatted(exact.c_str());
    ImGui::PopStyleColor();
    const std::string gap = r.gap_defined() ? "difference  " + format_number_math(r.gap) + "   (h = " + format_number_math(h) + ")"
                                            : std::string("difference  \u2014");
    ImGui::TextUnformatted(gap.c_str());
    if (!layout.stacked) plot::note("Drag t along the curve, or t + h toward it: the secant turns into the tangent.");
    plot::end_panel();
  }

  Param<std::string> f_;
  Param<double> t_, h_;
  mutable TypedExpression function_{"t", kPresets[0].text};  // what f_ determines; describe() updates it too
  std::uint64_t fitted_version_ = 0;
  plot::Range view_y_{-1, 1};
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(derivative_as_speed, "derivative-as-speed", "The derivative is speed",
           "Drag a point along a position curve and shrink the time step: the secant's slope, the "
           "average speed, turns into the tangent's slope, the speed at that instant.",
           1.6f, 0.55f, DerivativeAsSpeed)
