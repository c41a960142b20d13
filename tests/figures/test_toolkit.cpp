// Headless smoke test of every toolkit item: each draws something for sane input, nothing for
// hopeless input (NaN, empty spans), and never crashes. Pixel-exact checks live in the raster test.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cmath>
#include <vector>

#include "web/app/fonts.hpp"
#include "web/plot/plot.hpp"

using namespace mml;

namespace {

// Runs `items` inside a plot in a fresh frame; returns the vertices they added.
template <class F>
int vertices_of(F items) {
  ImGuiContext* context = ImGui::CreateContext(shared_font_atlas(1));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {640, 400};
  io.DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##t", nullptr, ImGuiWindowFlags_NoDecoration);
  plot::begin_plot("##p", {-1, -1});
  plot::setup_axes({-3, 3}, {-2, 2});
  const int before = ImGui::GetWindowDrawList()->VtxBuffer.Size;
  items();
  const int added = ImGui::GetWindowDrawList()->VtxBuffer.Size - before;
  plot::end_plot();
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext(context);
  return added;
}

}  // namespace

TEST_CASE("toolkit: every item draws for sane input and survives hopeless input") {
  const plot::Theme& t = plot::light_theme();
  CHECK(vertices_of([&] { plot::curve([](double x) { return std::sin(3 * x); }, t.first); }) > 100);
  CHECK(vertices_of([&] { plot::curve([](double x) { return 1 / x; }, t.first); }) > 50);
  CHECK(vertices_of([&] { plot::curve([](double) { return NAN; }, t.first); }) == 0);
  CHECK(vertices_of([&] { plot::parametric([](double s) { return Vec2(std::cos(s), std::sin(s)); }, 0, 6.3, t.second); }) > 100);
  CHECK(vertices_of([&] { plot::vector_field([](const Vec2& p) { return Vec2(-p.y(), p.x()); }, 12, t.third); }) > 12 * 12 * 4);
  CHECK(vertices_of([&] { plot::vector_field([](const Vec2&) { return Vec2(NAN, 0); }, 12, t.third); }) == 0);
  const std::vector<Vec2> pts = {{0, 0}, {1, 1}, {NAN, 2}, {-1, 0.5}};
  const std::vector<int> classes = {0, 1, 2, 1};
  const std::vector<ImU32> palette = {t.first, t.second};
  CHECK(vertices_of([&] { plot::scatter(pts, classes, palette); }) > 0);
  CHECK(vertices_of([&] { plot::scatter({}, {}, {}); }) == 0);
  const std::vector<double> centres = {-1, 0, 1}, heights = {0.5, 1.5, NAN};
  CHECK(vertices_of([&] { plot::bars(centres, heights, 0.8, t.positive_fill, t.positive_line); }) > 0);
  std::vector<int> counts;
  const std::vector<double> values = {-0.9, -0.5, 0.1, 0.2, 0.3, 2.5, NAN, 99};
  CHECK(vertices_of([&] { counts = plot::histogram(values, -1, 1, 4, t.positive_fill); }) > 0);
  CHECK(counts == std::vector<int>{1, 1, 3, 0});  // [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]
  CHECK(vertices_of([&] { plot::histogram(values, 1, -1, 4, t.positive_fill); }) == 0);
  const auto square = unit_square();
  CHECK(vertices_of([&] { plot::polygon(square, t.positive_fill, t.positive_line); }) > 0);
  CHECK(vertices_of([&] { plot::arrow({0, 0}, {1, 1}, t.first, "v"); }) > 0);
  CHECK(vertices_of([&] { plot::linear_grid(Mat2::Identity(), 3, t.grid); }) > 0);
  CHECK(vertices_of([&] { plot::text({0, 0}, "x\u00b2 \u03b8 \u2207 \u03a3", t.text); }) > 4 * 4);
}

TEST_CASE("toolkit: the font has the math glyphs figures use") {
  ImFontAtlas* atlas = shared_font_atlas(2);
  REQUIRE(atlas->Fonts.Size == 1);
  const ImFont* font = atlas->Fonts[0];
  for (ImWchar c : {ImWchar(u'\u00b2'), ImWchar(u'\u03b8'), ImWchar(u'\u2207'), ImWchar(u'\u03a3'), ImWchar(u'\u2212'),
                    ImWchar(u'\u2081'), ImWchar(u'\u2082'), ImWchar(u'\u00b7'), ImWchar(u'\u2016'), ImWchar(u'\u2264')})
    CHECK(font->FindGlyphNoFallback(c) != nullptr);
}
