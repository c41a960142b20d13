// The series verbs (web/plot/series.hpp), headless: pixel-column decimation keeps every column's
// extremes at a few vertices per column, clipping keeps every vertex in the plot, markers of every
// shape draw (and nothing for a non-finite point), the trail draws its dots only while the steps
// are few, and edge axes put their labels in a margin outside the data area, at the decades of a
// log axis. The demo figure (toolkit-series) draws 100 000 points for about what 20 000 cost.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <vector>

#include "tests/figures/drive.hpp"
#include "web/app/fonts.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/series.hpp"

using namespace mml;

namespace {

// What items drew inside one plot of a fresh frame: their vertices, and the plot's data area.
struct Drawn {
  std::vector<ImDrawVert> items, labels;  // added by `items`; added by end_plot (tick labels)
  plot::ScreenRect area;
};

template <class F>
Drawn draw(F items, int flags = plot::PlotFlags_None, plot::Range x = {0, 1}, plot::Range y = {-1, 1},
           ImVec2 size = {640, 400}) {
  ImGuiContext* context = ImGui::CreateContext(shared_font_atlas(1));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = size;
  io.DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##t", nullptr, ImGuiWindowFlags_NoDecoration);
  plot::begin_plot("##p", {-1, -1}, flags);
  plot::setup_axes(x, y);
  Drawn out;
  out.area = plot::current_view().screen();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int before = dl->VtxBuffer.Size;
  items();
  const int after = dl->VtxBuffer.Size;
  plot::end_plot();
  out.items.assign(dl->VtxBuffer.Data + before, dl->VtxBuffer.Data + after);
  out.labels.assign(dl->VtxBuffer.Data + after, dl->VtxBuffer.Data + dl->VtxBuffer.Size);
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext(context);
  return out;
}

float min_y(const std::vector<ImDrawVert>& v) {
  return std::min_element(v.begin(), v.end(), [](auto& a, auto& b) { return a.pos.y < b.pos.y; })->pos.y;
}
float max_y(const std::vector<ImDrawVert>& v) {
  return std::max_element(v.begin(), v.end(), [](auto& a, auto& b) { return a.pos.y < b.pos.y; })->pos.y;
}

}  // namespace

TEST_CASE("toolkit series: decimation keeps each pixel column's first, lowest, highest and last point") {
  // 20 000 points over 100 pixel columns: a sine with noise-like wiggles and one spike one sample wide.
  std::vector<plot::Point> pts;
  for (int i = 0; i < 20000; ++i)
    pts.emplace_back(i * 0.005, std::sin(i * 0.001) * 50 + std::sin(i * 1.7) * 5 + (i == 12345 ? 300 : 0));
  const std::vector<plot::Point> kept = plot::decimate_columns(pts);
  CHECK(kept.size() <= 4 * 100);
  CHECK(kept.size() >= 2 * 100);
  CHECK(kept.front() == pts.front());
  CHECK(kept.back() == pts.back());
  std::map<int, std::pair<double, double>> all, shown;
  const auto extend = [](std::map<int, std::pair<double, double>>& m, const plot::Point& p) {
    const int c = int(std::floor(p.x()));
    auto [it, fresh] = m.try_emplace(c, p.y(), p.y());
    it->second.first = std::min(it->second.first, p.y());
    it->second.second = std::max(it->second.second, p.y());
  };
  for (const auto& p : pts) extend(all, p);
  for (const auto& p : kept) extend(shown, p);
  CHECK(shown == all);  // every column's lowest and highest survive, the spike included
  CHECK(std::is_sorted(kept.begin(), kept.end(), [](auto& a, auto& b) { return a.x() < b.x(); }));
  // A NaN breaks the line and stays in place; x going back and forth is left alone.
  const std::vector<plot::Point> broken = {{0.1, 1}, {0.2, 2}, {NAN, NAN}, {0.3, 3}};
  CHECK(plot::decimate_columns(broken).size() == 4);
  const std::vector<plot::Point> scribble = {{0.1, 1}, {5, 2}, {0.2, 3}, {0.3, 4}};
  CHECK(plot::decimate_columns(scribble) == scribble);
}

TEST_CASE("toolkit series: a dense line costs vertices per pixel column, and its drawn extremes are the data's") {
  const plot::Theme& t = plot::light_theme();
  // y = sin(40πx) over 100 000 samples: hundreds of points per column, peaks at ±1.
  std::vector<double> ys(100000);
  for (std::size_t i = 0; i < ys.size(); ++i) ys[i] = std::sin(40 * std::numbers::pi * double(i) / double(ys.size()));
  ys[77777] = 1.6;  // one sample higher than the rest
  const plot::IndexX x{0, 1.0 / double(ys.size())};
  const Drawn d = draw([&] { plot::line_series(ys, t.first, {.width = 2}, x); }, plot::PlotFlags_None, {0, 1}, {-2, 2});
  // A thick anti-aliased polyline has 4 vertices a point: at most 4 points for each of 640 columns.
  CAPTURE(d.items.size());
  CHECK(d.items.size() <= 4 * 4 * 641);
  const plot::ViewTransform view({0, 1}, {-2, 2}, d.area, false);
  const double top = view.to_screen({0, 1.6}).y(), bottom = view.to_screen({0, -1}).y();
  // The line reaches the extremes (a lost spike would stop 58 px short of its top); its outermost
  // vertices pass them by at most the mitre of a sharp turn (ImGui caps it at 10 half-widths).
  CHECK(min_y(d.items) <= top);
  CHECK(min_y(d.items) >= top - 16);
  CHECK(max_y(d.items) >= bottom);
  CHECK(max_y(d.items) <= bottom + 16);
}

TEST_CASE("toolkit series: segments that leave the view are clipped to the plot, not clamped") {
  const plot::Theme& t = plot::light_theme();
  const std::vector<Vec2> wild = {{-1e6, -1e6}, {0.5, 0.5}, {1e6, -3}, {0.2, -0.5}, {0.3, 1e9}, {NAN, 0}, {0.1, 0.1}, {0.9, -0.9}};
  const Drawn d = draw([&] { plot::line_series(wild, t.first, {.width = 2, .halo = true}); });
  REQUIRE(!d.items.empty());
  const float slack = 1 + 1.5f + 1;  // half the haloed width, and anti-aliasing
  for (const ImDrawVert& v : d.items) {
    CHECK(v.pos.x >= d.area.x - slack);
    CHECK(v.pos.x <= d.area.x + d.area.w + slack);
    CHECK(v.pos.y >= d.area.y - slack);
    CHECK(v.pos.y <= d.area.y + d.area.h + slack);
  }
  // The pure clip: a run that leaves the box and comes back is two pieces, each on the box.
  const plot::ClipBox box{0, 0, 100, 100};
  const std::vector<plot::Point> out_and_back = {{50, 50}, {250, 50}, {50, 60}, {60, 70}};
  const plot::Polylines pieces = plot::clip_polyline(out_and_back, box);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].back().isApprox(plot::Point(100, 50)));
  CHECK(pieces[1].front().x() == Approx(100));
  CHECK(pieces[1].back() == plot::Point(60, 70));
  // Clamping would have drawn the second segment along the edge; clipping keeps its slope.
  CHECK(pieces[1].front().y() == Approx(50 + 10 * 150.0 / 200));
}

TEST_CASE("toolkit series: every marker shape draws, filled or outlined, with or without a halo") {
  const plot::Theme& t = plot::light_theme();
  for (plot::Marker shape : {plot::Marker::Circle, plot::Marker::Square, plot::Marker::Diamond, plot::Marker::Cross}) {
    for (bool filled : {true, false}) {
      CAPTURE(int(shape), filled);
      const plot::MarkerStyle plain{.shape = shape, .size = 6, .filled = filled};
      plot::MarkerStyle haloed = plain;
      haloed.halo = t.background;
      const Drawn a = draw([&] { plot::marker({0.5, 0}, t.first, plain); });
      const Drawn b = draw([&] { plot::marker({0.5, 0}, t.first, haloed); });
      CHECK(a.items.size() > 0);
      CHECK(b.items.size() > a.items.size());
      // Centred on its point, about `size` each way (and never more than size + halo + stroke).
      const float cy = float(plot::ViewTransform({0, 1}, {-1, 1}, a.area, false).to_screen({0.5, 0}).y());
      CHECK(min_y(a.items) >= cy - 6 - 3);
      CHECK(max_y(a.items) <= cy + 6 + 3);
      CHECK(max_y(a.items) >= cy + 4);
    }
  }
  CHECK(draw([&] { plot::marker({NAN, 0}, t.first); }).items.empty());
  CHECK(draw([&] { plot::marker({0.5, 0}, t.first, {.shape = plot::Marker::None}); }).items.empty());
  // A scatter series puts one marker at each point in view, none for points out of it.
  const std::vector<double> xs = {0.1, 0.5, 0.9, 7}, ys = {0, 0.5, -0.5, 0};
  const Drawn one = draw([&] { plot::marker({0.5, 0}, t.first, {.shape = plot::Marker::Square}); });
  const Drawn three = draw([&] { plot::scatter_series(xs, ys, t.first, {.marker = {.shape = plot::Marker::Square}}); });
  CHECK(three.items.size() == 3 * one.items.size());
}

TEST_CASE("toolkit series: a trail dots its steps only while they are few and marks the current one") {
  const plot::Theme& t = plot::light_theme();
  const auto path_of = [](int n) {
    std::vector<Vec2> p;
    for (int k = 0; k <= n; ++k) p.emplace_back(0.1 + 0.8 * k / n, std::pow(-0.8, k) * 0.8);
    return p;
  };
  const std::vector<Vec2> few = path_of(10), many = path_of(100);
  const std::size_t with_dots = draw([&] { plot::trail(few, t.first); }).items.size();
  const std::size_t no_dots = draw([&] { plot::trail(few, t.first, {.step_size = 0}); }).items.size();
  CHECK(with_dots > no_dots + 10 * 8);  // ten dots, each a fan of many vertices
  // 101 points is past max_step_dots (60): the path and the current point alone.
  const std::size_t long_path = draw([&] { plot::trail(many, t.first); }).items.size();
  CHECK(long_path == draw([&] { plot::trail(many, t.first, {.step_size = 0}); }).items.size());
  // No current marker: fewer vertices; arrows: each step has a head.
  CHECK(draw([&] { plot::trail(few, t.first, {.current = {.shape = plot::Marker::None}}); }).items.size() < with_dots);
  CHECK(draw([&] { plot::trail(few, t.first, {.halo = 0, .arrows = true, .step_size = 0}); }).items.size() >= 10 * 3);
  CHECK(draw([&] { plot::trail({}, t.first); }).items.empty());
}

TEST_CASE("toolkit series: edge axes label a log y axis at its decades, in a margin left of the data") {
  const plot::Theme& t = plot::light_theme();
  const Drawn d = draw([] {}, plot::PlotFlags_EdgeAxes | plot::PlotFlags_LogY, {0, 100}, {1e-6, 100});
  // The data area is inset from the plot (640 × 400 at the window's padding) for the labels.
  CHECK(d.area.x > 30);
  CHECK(d.area.y + d.area.h < 400 - 15);
  // The y labels: text glyphs (the muted ink, not its halo) right-aligned 6 px left of the data
  // area, grouped into lines; each line is centred on its tick (the top one pushed down a little
  // to stay inside the plot), and every tick is a decade.
  std::vector<float> ys;
  for (const ImDrawVert& v : d.labels)
    if (v.col == t.text_muted && v.pos.x < d.area.x - 5) ys.push_back(v.pos.y);
  std::sort(ys.begin(), ys.end());
  REQUIRE(!ys.empty());
  std::vector<std::pair<float, float>> lines{{ys.front(), ys.front()}};
  for (float y : ys) {
    if (y - lines.back().second > 15) lines.emplace_back(y, y);  // glyph quads: a top and a bottom y each
    lines.back().second = y;
  }
  CHECK(lines.size() >= 3);
  const plot::ViewTransform view({0, 100}, {1e-6, 100}, d.area, false, plot::AxisScale::Linear, plot::AxisScale::Log10);
  for (const auto& [top, bottom] : lines) {
    const double decade = std::log10(view.to_data({0, (top + bottom) / 2}).y());
    CAPTURE(top, bottom, decade);
    CHECK(std::abs(decade - std::round(decade)) < 0.25);
  }
  // x labels sit below the data area.
  bool below = false;
  for (const ImDrawVert& v : d.labels)
    if (v.col == t.text_muted && v.pos.y > d.area.y + d.area.h) below = true;
  CHECK(below);
}

TEST_CASE("toolkit-series: 100 000 points draw for about what 20 000 cost") {
  const FigureInfo* info = find_figure("toolkit-series");
  REQUIRE(info != nullptr);
  const auto vertices = [&](const char* query) {
    FigureHost host(*info);
    std::vector<std::string> errors;
    REQUIRE(host.configure(query, &errors));
    double time = 0;
    host.resize(900, 600, 1);
    host.frame(time += 1.0 / 60);
    int total = 0;
    const ImDrawData* data = host.draw_data();
    for (int i = 0; i < data->CmdListsCount; ++i) total += data->CmdLists[i]->VtxBuffer.Size;
    return total;
  };
  const int dense = vertices("points=100000"), sparse = vertices("points=20000");
  CAPTURE(dense, sparse);
  CHECK(dense < sparse * 1.2);
  CHECK(dense > sparse * 0.8);
}
