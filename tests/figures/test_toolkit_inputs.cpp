// Headless tests of the toolkit's input verbs, each driven in a bare ImGui context with scripted
// pointer and keys: drag_bars (web/plot/bars.hpp) and matrix_input (web/plot/matrix_input.hpp).
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <string>
#include <vector>

#include "web/plot/bars.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/matrix_input.hpp"
#include "web/plot/plot.hpp"
#include "tests/figures/drive.hpp"

using namespace mml;
using mml::test::Bench;
using enum mml::test::BenchKey;

namespace {

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Bars centred at 1, 2, 3 in a plot over x ∈ [0.5, 3.5], y ∈ [0, 1] filling the window, by
// default a distribution; tops[i] is where bar i's top was drawn in the last frame.
struct BarPlot {
  std::vector<double> centres{1, 2, 3};
  std::vector<double> heights{0.5, 0.3, 0.2};
  plot::BarOptions options{.distribution = true};
  std::array<ImVec2, 3> tops{};
  bool changed = false;
  void operator()() {
    plot::begin_plot("##bars", {-1, -1});
    plot::setup_axes({0.5, 3.5}, {0, 1});
    for (std::size_t i = 0; i < 3; ++i) tops[i] = plot::to_screen({centres[i], heights[i]});
    changed |= plot::drag_bars("row", centres, heights, 0.6, plot::light_theme().first, options);
    plot::end_plot();
  }
};

}  // namespace

TEST_CASE("toolkit inputs: dragging a bar changes it, and a distribution still sums to 1") {
  Bench bench(false);
  BarPlot bars;
  bench.frame(std::ref(bars));
  REQUIRE_FALSE(bars.changed);
  // Bar 2 grabbed 5 px above its top (inside the grab area), pulled down 60 px.
  bench.drag({bars.tops[1].x, bars.tops[1].y - 5}, {0, 60}, std::ref(bars));
  CHECK(bars.changed);
  CHECK(bars.heights[1] < 0.3 - 0.1);  // 60 px of a ~376 px tall unit
  CHECK(sum(bars.heights) == Approx(1));
  CHECK(bars.heights[0] / bars.heights[2] == Approx(2.5));  // the others keep their ratio
  // Without the distribution rule only the dragged bar moves, and it stops at 0.
  BarPlot free;
  free.options.distribution = false;
  bench.frame(std::ref(free));
  bench.drag({free.tops[2].x, free.tops[2].y}, {0, 300}, std::ref(free));
  CHECK(free.changed);
  CHECK(free.heights == std::vector<double>{0.5, 0.3, 0});
}

TEST_CASE("toolkit inputs: with focus, left and right pick a bar, up and down change it") {
  Bench bench(true);
  BarPlot bars;
  bench.frame(std::ref(bars));
  bench.tap(kLeft, std::ref(bars));  // already the first bar: stays
  bench.tap(kRight, std::ref(bars));
  bench.tap(kUp, std::ref(bars));
  CHECK(bars.heights[1] == Approx(0.31));
  CHECK(bars.heights[0] == Approx(0.5 * 0.69 / 0.7));
  CHECK(sum(bars.heights) == Approx(1));
  bench.tap(kDown, std::ref(bars), true);  // Shift: a tenth of the step
  CHECK(bars.heights[1] == Approx(0.309));
  for (int i = 0; i < 5; ++i) bench.tap(kRight, std::ref(bars));  // stops at the last bar
  for (int i = 0; i < 40; ++i) bench.tap(kDown, std::ref(bars));
  CHECK(bars.heights[2] == 0);
  CHECK(sum(bars.heights) == Approx(1));
  // Without focus the keys are the page's.
  Bench unfocused(false);
  BarPlot still;
  unfocused.frame(std::ref(still));
  unfocused.tap(kUp, std::ref(still));
  CHECK_FALSE(still.changed);
}

TEST_CASE("toolkit inputs: two rows of bars side by side are walked left to right") {
  Bench bench(true);
  std::vector<double> left{0.8, 1.8}, right{1.2, 2.2}, p{0.6, 0.4}, q{0.5, 0.5};
  plot::BarPick pick;
  const auto body = [&] {
    plot::begin_plot("##pq", {-1, -1});
    plot::setup_axes({0.4, 2.6}, {0, 1});
    const plot::BarSeries series[] = {{left, p, plot::light_theme().first}, {right, q, plot::light_theme().second}};
    plot::drag_bars("pq", series, 0.36, {.distribution = true}, &pick);
    plot::end_plot();
  };
  bench.frame(body);
  CHECK((pick.series == 0 && pick.index == 0));  // p₁ takes the keys first
  bench.tap(kRight, body);  // q₁
  CHECK((pick.series == 1 && pick.index == 0));
  bench.tap(kUp, body);
  CHECK(q[0] == Approx(0.51));
  CHECK(p == std::vector<double>{0.6, 0.4});
  bench.tap(kRight, body);  // p₂
  bench.tap(kUp, body);
  CHECK(p[1] == Approx(0.41));
  CHECK(p[0] == Approx(0.59));
}

namespace {

// A matrix input at the window's top-left; start is where it was drawn in the last frame.
struct MatrixPanel {
  Eigen::MatrixXd m;
  plot::MatrixInputOptions options{.min = -2, .max = 2, .step = 0.01};
  std::vector<ImU32> colors;
  ImVec2 start;
  float avail = 0;
  bool changed = false;
  void operator()() {
    start = ImGui::GetCursorScreenPos();
    avail = ImGui::GetContentRegionAvail().x;
    changed |= plot::matrix_input("A", m, colors, options);
  }
  ImVec2 centre(int r, int c) const {
    const ImRect box = plot::matrix_input_layout("A", int(m.rows()), int(m.cols()), avail).cell(r, c);
    return {start.x + box.GetCenter().x, start.y + box.GetCenter().y};
  }
};

}  // namespace

TEST_CASE("toolkit inputs: a matrix entry typed round-trips, clamped to the range") {
  Bench bench(false);
  MatrixPanel panel;
  panel.m = Eigen::MatrixXd::Zero(2, 3);  // entries in [-2, 2] on a 0.01 grid
  bench.frame(std::ref(panel));
  const auto type_into = [&](int r, int c, const char* text) {
    bench.drag(panel.centre(r, c), {0, 0}, std::ref(panel));  // a click without moving: type
    bench.type(text, std::ref(panel));
    bench.tap(kEnter, std::ref(panel));
  };
  type_into(1, 2, "1.25");
  CHECK(panel.changed);
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(2, 3);
  expected(1, 2) = 1.25;
  CHECK(panel.m == expected);
  type_into(0, 1, "9");
  CHECK(panel.m(0, 1) == 2);
  type_into(0, 0, "-7.5");
  CHECK(panel.m(0, 0) == -2);
  type_into(1, 0, "0.123");  // onto the step
  CHECK(panel.m(1, 0) == Approx(0.12).margin(1e-12));
  CHECK(panel.m(1, 2) == 1.25);
}

TEST_CASE("toolkit inputs: a matrix entry dragged sideways changes, on the step grid") {
  Bench bench(false);
  MatrixPanel panel;
  panel.m = Eigen::MatrixXd::Identity(3, 3);  // entries in [-2, 2] on a 0.01 grid
  bench.frame(std::ref(panel));
  bench.drag(panel.centre(2, 1), {60, 0}, std::ref(panel));
  CHECK(panel.changed);
  CHECK(panel.m(2, 1) > 0.3);  // 0.01 per pixel, less ImGui's few pixels of threshold
  CHECK(panel.m(2, 1) < 0.61);
  CHECK(std::abs(panel.m(2, 1) * 100 - std::round(panel.m(2, 1) * 100)) < 1e-9);
  Eigen::MatrixXd rest = panel.m;
  rest(2, 1) = 0;
  CHECK(rest == Eigen::MatrixXd::Identity(3, 3));
}

TEST_CASE("toolkit inputs: with focus, the keys walk a matrix column by column and change an entry") {
  Bench bench(true);
  MatrixPanel panel;
  panel.m = Eigen::MatrixXd::Zero(2, 2);
  panel.options.min = -1;
  panel.options.max = 1;
  bench.frame(std::ref(panel));
  bench.tap(kRight, std::ref(panel));  // (0, 0) → (1, 0)
  bench.tap(kUp, std::ref(panel));
  CHECK(panel.m(1, 0) == Approx(0.1));
  bench.tap(kRight, std::ref(panel));  // → (0, 1)
  bench.tap(kDown, std::ref(panel), true);
  CHECK(panel.m(0, 1) == Approx(-0.01));
  bench.tap(kLeft, std::ref(panel));
  bench.tap(kLeft, std::ref(panel));
  bench.tap(kLeft, std::ref(panel));  // wraps round to the last entry, (1, 1)
  for (int i = 0; i < 15; ++i) bench.tap(kUp, std::ref(panel));
  CHECK(panel.m(1, 1) == 1);  // stops at the range's end
  CHECK(panel.m(0, 0) == 0);
}

TEST_CASE("toolkit inputs: a 4×4 matrix fits a 280 px panel, columns in their colours") {
  Bench bench(false, {280, 400});
  MatrixPanel panel;
  panel.m = Eigen::MatrixXd::Constant(4, 4, -1.23);
  const plot::Theme& t = plot::light_theme();
  panel.colors = {t.first, t.second, t.third, t.fourth};
  plot::FigureLayout layout;
  layout.panel_size = {280, 400};
  float right = 0, content_right = 0, number = 0;
  plot::MatrixInputLayout l;
  std::vector<ImU32> colours_drawn;
  bench.frame([&] {
    plot::begin_panel(layout);
    panel();
    right = ImGui::GetItemRectMax().x;
    content_right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const ImDrawVert& v : ImGui::GetWindowDrawList()->VtxBuffer) colours_drawn.push_back(v.col);
    l = plot::matrix_input_layout("A", 4, 4, panel.avail);
    number = ImGui::CalcTextSize("-1.23").x;
    plot::end_panel();
  });
  CHECK(panel.avail == 280 - 2 * 14);  // the panel's padding (controls.cpp)
  CHECK(right <= content_right);
  CHECK(l.cell_width - 2 * l.padding_x >= number);
  CHECK(l.cell(3, 3).Max.x <= panel.avail);
  for (ImU32 c : panel.colors) CHECK(std::count(colours_drawn.begin(), colours_drawn.end(), c) > 0);
}
