// The subplots verb (web/plot/subplots.hpp), headless: a test-only figure lays out rows of cells
// and draws a plot in each, recording the cells' rectangles and the plots' views. The cells tile
// the area without overlap, a gap apart, by their ratios, at a wide size and a narrow one (where a
// row too narrow for its cells stacks them); a drag on one linked plot pans every plot linked to
// it on the linked axis and nothing else; a linked plot takes the group's range. The toolkit's
// own demo (toolkit-subplots) draws at both sizes and follows its link switch.
#include <catch2/catch.hpp>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "tests/figures/drive.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/subplots.hpp"

using namespace mml;
using mml::test::settle;

namespace {

constexpr float kGap = 8;

// Three rows: two plots side by side (stacking below 200 px each, 0.3 and 0.2 of the height
// then), then one, then two that never stack. Cells 0, 2 and 4 are linked on x; cell 1 asks for
// a different x range than cell 0 and is linked to it on both axes through a second group.
class Grid final : public Figure {
 public:
  void frame(const FrameContext&) override {
    const ImVec2 origin = ImGui::GetCursorScreenPos(), size = ImGui::GetContentRegionAvail();
    area = ImRect(origin, {origin.x + size.x, origin.y + size.y});
    const std::array rows = {
        plot::SubplotRow{.height = 0.5f, .cells = {1, 2}, .min_cell_width = 200, .stacked_heights = {0.3f, 0.2f}},
        plot::SubplotRow{.height = 0.25f},
        plot::SubplotRow{.height = 0.25f, .cells = {1, 1}}};
    plot::Subplots grid("##grid", origin, size, rows, {.gap = kGap});
    grid.link({0, 2, 4}, plot::AxisLink_X);
    grid.link({1, 3}, plot::AxisLink_XY);
    stacked = grid.stacked();
    rects.clear();
    views.clear();
    for (int i = 0; i < grid.count(); ++i) {
      rects.push_back(grid.rect(i));
      const ImVec2 cell = grid.cell(i);
      CHECK(cell.x == rects.back().GetWidth());
      CHECK(cell.y == rects.back().GetHeight());
      plot::begin_plot(("##p" + std::to_string(i)).c_str(), cell, plot::PlotFlags_PanZoom);
      plot::setup_axes(i == 3 ? plot::Range{0, 100} : plot::Range{-1, 1}, {-1, 1});
      views.push_back(plot::current_view());
      plot::end_plot();
    }
  }
  std::string describe() const override { return ""; }

  ImRect area;
  bool stacked = false;
  std::vector<ImRect> rects;
  std::vector<plot::ViewTransform> views;
};

const FigureInfo& grid_info() {
  static const FigureInfo info{"test-subplots", "", "", 1.5f, 0.75f,
                               []() -> std::unique_ptr<Figure> { return std::make_unique<Grid>(); }};
  return info;
}

struct Host {
  FigureHost host{grid_info()};
  double time = 0;
  Host(float width, float height) {
    host.resize(width, height, 1);
    settle(host, &time);
    host.frame(time += 1.0 / 60);
  }
  Grid& grid() { return static_cast<Grid&>(host.figure()); }
};

bool overlap(const ImRect& a, const ImRect& b) {
  return a.Min.x < b.Max.x && b.Min.x < a.Max.x && a.Min.y < b.Max.y && b.Min.y < a.Max.y;
}

// Every cell inside the area, none overlapping another, neighbours kGap apart, the area's edges
// reached (nothing lost to rounding).
void check_tiling(const Grid& g) {
  const std::vector<ImRect>& r = g.rects;
  float right = 0, bottom = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    CAPTURE(i, r[i].Min.x, r[i].Min.y, r[i].Max.x, r[i].Max.y);
    CHECK(g.area.Contains(r[i]));
    CHECK(r[i].GetWidth() > 0);
    CHECK(r[i].GetHeight() > 0);
    right = std::max(right, r[i].Max.x);
    bottom = std::max(bottom, r[i].Max.y);
    for (std::size_t j = i + 1; j < r.size(); ++j) {
      CAPTURE(j, r[j].Min.x, r[j].Min.y, r[j].Max.x, r[j].Max.y);
      CHECK_FALSE(overlap(r[i], r[j]));
      // Side by side (sharing rows of pixels): exactly a gap apart; one below the other: at least.
      if (r[i].Min.y < r[j].Max.y && r[j].Min.y < r[i].Max.y)
        CHECK(std::abs(std::max(r[i].Min.x, r[j].Min.x) - std::min(r[i].Max.x, r[j].Max.x)) == Approx(kGap));
      else
        CHECK(std::max(r[i].Min.y, r[j].Min.y) - std::min(r[i].Max.y, r[j].Max.y) >= kGap - 1e-3f);
    }
  }
  CHECK(right == Approx(g.area.Max.x));
  CHECK(bottom == Approx(g.area.Max.y));
}

}  // namespace

TEST_CASE("toolkit subplots: wide, the cells tile the area by their ratios, a gap apart") {
  Host h(900, 600);
  const Grid& g = h.grid();
  CHECK_FALSE(g.stacked);
  REQUIRE(g.rects.size() == 5);
  check_tiling(g);
  // Row heights 0.5 : 0.25 : 0.25 of what the two gaps leave; the first row's cells 1 : 2.
  const float room_y = g.area.GetHeight() - 2 * kGap, room_x = g.area.GetWidth() - kGap;
  CHECK(g.rects[0].GetHeight() == Approx(0.5f * room_y).margin(1));
  CHECK(g.rects[2].GetHeight() == Approx(0.25f * room_y).margin(1));
  CHECK(g.rects[0].GetWidth() == Approx(room_x / 3).margin(1));
  CHECK(g.rects[1].GetWidth() == Approx(2 * room_x / 3).margin(1));
  CHECK(g.rects[0].Min.y == g.rects[1].Min.y);  // side by side
  CHECK(g.rects[2].GetWidth() == Approx(g.area.GetWidth()));
  CHECK(g.rects[3].Min.y == g.rects[4].Min.y);
}

TEST_CASE("toolkit subplots: narrow, a row too narrow for its cells stacks them, the others stay") {
  Host h(420, 620);
  const Grid& g = h.grid();
  CHECK(g.stacked);
  REQUIRE(g.rects.size() == 5);
  check_tiling(g);
  // Cells 0 and 1 now span the width, one above the other, 0.3 : 0.2 : 0.25 : 0.25 of the height.
  CHECK(g.rects[0].GetWidth() == Approx(g.area.GetWidth()));
  CHECK(g.rects[1].GetWidth() == Approx(g.area.GetWidth()));
  CHECK(g.rects[1].Min.y == Approx(g.rects[0].Max.y + kGap));
  const float room_y = g.area.GetHeight() - 3 * kGap;
  CHECK(g.rects[0].GetHeight() == Approx(0.3f * room_y).margin(1));
  CHECK(g.rects[1].GetHeight() == Approx(0.2f * room_y).margin(1));
  // The last row's two cells keep sitting side by side (no minimum width).
  CHECK(g.rects[3].Min.y == g.rects[4].Min.y);
  CHECK(g.rects[3].Max.x + kGap == Approx(g.rects[4].Min.x));
}

TEST_CASE("toolkit subplots: a pan on one linked plot moves the others on the linked axis only") {
  Host h(900, 600);
  Grid& g = h.grid();
  // Cell 1 asked for x in [−1, 1]; cell 3, linked to it on both axes and drawn later, for [0, 100]:
  // the group's first plot of the frame sets the range, so both show [−1, 1].
  CHECK(g.views[3].x().min == Approx(-1));
  CHECK(g.views[3].x().max == Approx(1));
  const std::vector<plot::ViewTransform> before = g.views;
  const ImRect r = g.rects[2];
  mml::test::drag(h.host, &h.time, r.GetCenter().x, r.GetCenter().y, 60, 30);  // right and down
  h.host.frame(h.time += 1.0 / 60);
  const std::vector<plot::ViewTransform>& after = g.views;
  const double dx = after[2].x().min - before[2].x().min, dy2 = after[2].y().min - before[2].y().min;
  CAPTURE(dx, dy2);
  CHECK(dx < -0.01);  // the picture followed the pointer: the view moved left
  CHECK(dy2 > 0.01);  // and up (cell 2's own y axis)
  // Cells 0 and 4 (linked on x) moved by the same amount on x, in their own data units, and not on y.
  for (int i : {0, 4}) {
    CAPTURE(i);
    CHECK(after[std::size_t(i)].x().min - before[std::size_t(i)].x().min == Approx(dx));
    CHECK(after[std::size_t(i)].x().max - before[std::size_t(i)].x().max == Approx(dx));
    CHECK(after[std::size_t(i)].y().min == before[std::size_t(i)].y().min);
  }
  // The other group did not move.
  for (int i : {1, 3}) {
    CHECK(after[std::size_t(i)].x().min == before[std::size_t(i)].x().min);
    CHECK(after[std::size_t(i)].y().min == before[std::size_t(i)].y().min);
  }
  // A wheel over cell 3 zooms it and cell 1 with it, on both axes.
  h.host.pointer_move(g.rects[3].GetCenter().x, g.rects[3].GetCenter().y);
  h.host.frame(h.time += 1.0 / 60);
  h.host.wheel(0, 2);
  h.host.frame(h.time += 1.0 / 60);
  h.host.frame(h.time += 1.0 / 60);
  CHECK(g.views[3].x().size() < before[3].x().size() * 0.9);
  CHECK(g.views[1].x().size() == Approx(g.views[3].x().size()));
  CHECK(g.views[1].y().size() == Approx(g.views[3].y().size()));
  CHECK(g.views[0].x().size() == Approx(before[0].x().size()));
}

TEST_CASE("toolkit subplots: the demo draws wide and narrow, and its link switch decides who follows") {
  for (float width : {900.f, 420.f}) {
    CAPTURE(width);
    mml::test::Running r("toolkit-subplots", "", width);
    CHECK(r.host.draw_data()->TotalVtxCount > 100);
    CHECK(r.host.describe().find("linked") != std::string::npos);
  }
  mml::test::Running unlinked("toolkit-subplots", "linked=0", 900);
  CHECK(unlinked.host.describe().find("each plot pans and zooms alone") != std::string::npos);
}
