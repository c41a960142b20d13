#pragma once
// Subplots: a figure's plots in rows of cells, in ImPlot's grammar (BeginSubplots). Declare the
// rows, then draw each plot into its cell; begin_plot and begin_plot3d take the cell's size:
//   const std::array rows = {plot::SubplotRow{.height = 0.6f, .cells = {1, 1}, .min_cell_width = 250},
//                            plot::SubplotRow{.height = 0.4f}};
//   plot::Subplots grid("##grid", layout.plot_min, layout.plot_size, rows, {.gap = 10});
//   if (plot::begin_plot("##f", grid.cell(0))) { … plot::end_plot(); }
// - Rows share the height by ratio, cells share their row's width by ratio, `gap` pixels apart.
// - On a narrow figure (phones) a row whose cells would be narrower than its min_cell_width stacks
//   them, each cell on a row of its own, so a plot never shrinks to a strip.
// - Linked cells (link()) share their axes: on each linked axis every plot of the group shows the
//   range the group's first plot of the frame asked for, and panning or zooming any of them
//   (PlotFlags_PanZoom) moves them all; a linked plot without PanZoom follows the others.
// Cells are numbered row by row, left to right, in the order declared, stacked or not.
#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <initializer_list>
#include <span>
#include <vector>

namespace mml::plot {

inline constexpr std::size_t kMaxSubplotCells = 6;  // per row
// A plain constant (no allocation): a figure's rows can be a static constexpr array.
struct SubplotRow {
  float height = 1;  // share of the grid's height (ratios: normalised over the rows)
  // Each cell's share of the row's width; the row has as many cells as shares up to its last
  // non-zero one (all zero, the default: one cell).
  std::array<float, kMaxSubplotCells> cells = {};
  float min_cell_width = 0;  // CSS pixels: below this the row stacks its cells
  // Stacked, each cell's share of the grid's height (0, the default: `height` each).
  std::array<float, kMaxSubplotCells> stacked_heights = {};
  std::size_t count() const;  // its cells
};

struct SubplotOptions {
  float gap = 0;  // CSS pixels between neighbouring cells, across and down
};

enum AxisLink : int {
  AxisLink_None = 0,
  AxisLink_X = 1 << 0,
  AxisLink_Y = 1 << 1,
  AxisLink_XY = AxisLink_X | AxisLink_Y,
};

class Subplots {
 public:
  // The grid fills `size` CSS pixels from `origin` (screen coordinates, e.g. a FigureLayout's plot).
  Subplots(const char* id, ImVec2 origin, ImVec2 size, std::span<const SubplotRow> rows,
           const SubplotOptions& options = {});
  ~Subplots();  // out of line: a figure's module does not carry the vectors' clean-up
  // These cells' plots share and move together on `axes` (AxisLink_X: a shared x range, …).
  void link(std::initializer_list<int> cells, int axes);
  // Puts the cursor at cell i's top-left corner, links the next plot when cell i is in a group,
  // and returns the cell's size for begin_plot / begin_plot3d.
  ImVec2 cell(int i);
  ImRect rect(int i) const;  // cell i's rectangle on screen
  int count() const { return int(rects_.size()); }
  bool stacked() const { return stacked_; }  // some row stacked its cells

 private:
  ImGuiID id_ = 0;
  std::vector<ImRect> rects_;
  std::vector<ImGuiID> links_x_, links_y_;  // per cell: its x and y axes' link groups (0: none)
  int groups_ = 0;
  bool stacked_ = false;
};

}  // namespace mml::plot
