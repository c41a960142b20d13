// The caption and border verbs (web/plot/labels.hpp), headless in a bare frame: a caption's card
// sits in the corner it names, inset from the plot's edges, in the theme's background colour with
// the text inside it; a border runs along the plot's four edges and nowhere else.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <vector>

#include "tests/figures/drive.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"

using namespace mml;

namespace {

struct Box {
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  int count = 0;
  void add(ImVec2 p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    ++count;
  }
};

// What `items` added inside a plot over [-3, 3] × [-2, 2] filling the window: the plot's screen
// rectangle and the vertices, in one bare frame with `theme`.
struct Drawn {
  plot::ScreenRect rect;
  std::vector<ImDrawVert> vertices;
  // The bounding box of the vertices of exactly this colour.
  Box of(ImU32 color) const {
    Box b;
    for (const ImDrawVert& v : vertices)
      if (v.col == color) b.add(v.pos);
    return b;
  }
};

template <class F>
Drawn draw(F items, const plot::Theme& theme = plot::light_theme()) {
  test::Bench bench;
  plot::FrameOptions options;
  options.theme = &theme;
  plot::set_frame_options(options);
  Drawn out;
  bench.frame([&] {
    plot::begin_plot("##p", {-1, -1});
    plot::setup_axes({-3, 3}, {-2, 2});
    out.rect = plot::current_view().screen();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int before = dl->VtxBuffer.Size;
    items();
    out.vertices.assign(dl->VtxBuffer.begin() + before, dl->VtxBuffer.end());
    plot::end_plot();
  });
  return out;
}

}  // namespace

TEST_CASE("toolkit labels: a caption sits on a card in the corner it names, with its text inside") {
  for (const plot::Theme* theme : {&plot::light_theme(), &plot::dark_theme()}) {
    const ImU32 card = plot::with_alpha(theme->background, 215);
    for (const plot::Corner corner : {plot::Corner::TopLeft, plot::Corner::TopRight, plot::Corner::BottomLeft,
                                      plot::Corner::BottomRight}) {
      CAPTURE(theme->dark, int(corner));
      const Drawn d = draw([&] { plot::caption("after B, then A", corner); }, *theme);
      const Box c = d.of(card), text = d.of(theme->text);
      REQUIRE(c.count > 0);
      REQUIRE(text.count >= 4 * 12);  // a quad per glyph
      const auto rx0 = float(d.rect.x), ry0 = float(d.rect.y), rx1 = float(d.rect.x + d.rect.w),
                 ry1 = float(d.rect.y + d.rect.h);
      const bool right = corner == plot::Corner::TopRight || corner == plot::Corner::BottomRight;
      const bool bottom = corner == plot::Corner::BottomLeft || corner == plot::Corner::BottomRight;
      // 4 px in from the corner's two edges (anti-aliasing moves the solid vertices half a pixel in).
      CHECK((right ? rx1 - c.x1 : c.x0 - rx0) == Approx(4).margin(1));
      CHECK((bottom ? ry1 - c.y1 : c.y0 - ry0) == Approx(4).margin(1));
      // Far from the other two edges: a card the size of its text, not a band across the plot.
      CHECK(c.x1 - c.x0 < d.rect.w / 2);
      CHECK(c.y1 - c.y0 < 40);
      // The text inside the card, with room round it.
      CHECK(text.x0 > c.x0 + 2);
      CHECK(text.x1 < c.x1 - 2);
      CHECK(text.y0 > c.y0);
      CHECK(text.y1 < c.y1);
    }
  }
  // Longer text, wider card; the same corner.
  const Box narrow = draw([] { plot::caption("B"); }).of(plot::with_alpha(plot::light_theme().background, 215));
  const Box wide = draw([] { plot::caption("the plane under AB"); }).of(plot::with_alpha(plot::light_theme().background, 215));
  CHECK(wide.x1 - wide.x0 > narrow.x1 - narrow.x0 + 50);
  CHECK(wide.x0 == narrow.x0);
}

TEST_CASE("toolkit labels: a border runs along the plot's four edges in its colour") {
  const ImU32 color = plot::light_theme().grid_strong;
  const Drawn d = draw([&] { plot::border(color); });
  const Box b = d.of(color);
  REQUIRE(b.count >= 4);
  const auto rx0 = float(d.rect.x), ry0 = float(d.rect.y), rx1 = float(d.rect.x + d.rect.w),
             ry1 = float(d.rect.y + d.rect.h);
  // ImGui strokes a 1 px line half a pixel inside the rectangle as a textured quad 3 px wide, so
  // its vertices lie within 1.5 px of the edge, and within 2 px inside it.
  CHECK(b.x0 == Approx(rx0).margin(1.5));
  CHECK(b.y0 == Approx(ry0).margin(1.5));
  CHECK(b.x1 == Approx(rx1).margin(1.5));
  CHECK(b.y1 == Approx(ry1).margin(1.5));
  // Every vertex it adds lies on an edge: a hairline, not a filled rectangle.
  int off_edge = 0;
  for (const ImDrawVert& v : d.vertices)
    off_edge += std::abs(std::min({v.pos.x - rx0, rx1 - v.pos.x, v.pos.y - ry0, ry1 - v.pos.y})) > 2.01f;
  CHECK(off_edge == 0);
}
