#pragma once
// The figure toolkit, in ImPlot's grammar: begin_plot → setup_axes → items → end_plot.
// Items take data coordinates; interaction helpers return true when the reader changed something,
// so a figure recomputes only then. Everything draws through ImGui's draw lists, so figures run
// headless (no renderer) in the native tests.
#include <imgui.h>
#include <imgui_internal.h>

#include "core/function_ref.hpp"
#include <span>

#include "core/linear_map.hpp"
#include "web/plot/colormap.hpp"
#include "web/plot/field.hpp"
#include "web/plot/sampling.hpp"
#include "web/plot/theme.hpp"
#include "web/plot/view.hpp"

namespace mml::plot {

// Per-frame settings the host gives the toolkit before a figure draws.
struct FrameOptions {
  const Theme* theme = &light_theme();
  bool keyboard_focus = false;  // the figure's canvas has focus: show focus rings, take arrow keys
  FieldStore* fields = nullptr;  // where heatmaps record themselves for the renderer (host-owned)
};
void set_frame_options(const FrameOptions& options);
const Theme& current_theme();
// True while the figure's canvas has keyboard focus (show selection outlines, take arrow keys).
bool keyboard_focus();

enum PlotFlags : int {
  PlotFlags_None = 0,
  PlotFlags_EqualAspect = 1 << 0,  // one unit is as long on x as on y (geometry figures)
  PlotFlags_NoGrid = 1 << 1,
  PlotFlags_NoTickLabels = 1 << 2,   // neither axis
  PlotFlags_NoXTickLabels = 1 << 3,  // categories or custom labels below the x-axis
  PlotFlags_NoYTickLabels = 1 << 4,
  PlotFlags_PanZoom = 1 << 5,        // drag the background to pan, wheel to zoom, double-click: home
  PlotFlags_LogX = 1 << 6,           // x in decades (1, 10, 100 …); data ≤ 0 falls off the plot
  PlotFlags_LogY = 1 << 7,           // y in decades: a loss that spans many orders of magnitude
  // Axes along the plot's left and bottom edges, tick labels in a margin outside them, as on a
  // chart (a loss against the step, linear or with LogY): the data area shrinks to make room.
  PlotFlags_EdgeAxes = 1 << 8,
};

// A dash pattern in CSS pixels: `on` drawn, `off` skipped (both 0: a solid line). The pattern is
// tied to the line's start in data (a curve's: to where its x is the home view's left edge), so it
// does not crawl along the line while the reader pans.
struct Dash {
  float on = 0, off = 0;
  bool solid() const { return !(on > 0 && off > 0); }
};
inline constexpr Dash kSolid{};
inline constexpr Dash kDashed{6, 4};
inline constexpr Dash kDotted{1.5f, 3};

enum TextFlags : int {
  TextFlags_None = 0,
  TextFlags_Halo = 1 << 0,  // outlined in the background colour: readable over data and heatmaps
  TextFlags_Backdrop = 1 << 1,  // on a translucent patch of the background: readable over bars and lines
};

// The screen rectangle a plot of `size` CSS pixels takes at the cursor (zero or negative
// components: the rest of the window, less that much). Shared by the 2D and 3D views.
ImRect plot_area(ImVec2 size);
// Starts a plot filling `size` CSS pixels (negative components: the rest of the window).
bool begin_plot(const char* id, ImVec2 size, int flags = PlotFlags_None);
// Links the next begin_plot's axes to groups (0: not linked; web/plot/subplots.hpp calls it for
// linked cells): on a linked axis every plot of the group shows the range the group's first plot
// of the frame asked for, and a pan or zoom in one moves all of them.
void link_next_plot(ImGuiID x_group, ImGuiID y_group);
// Fixes the view and draws the background grid and the axes: through the origin when it is in
// view, else along the plot's edge nearest to it (log axes: the low edge). Tick labels sit beside
// the axes (inside the plot when an axis runs along an edge) and are drawn by end_plot, over the
// items, with a halo, so heatmaps and data never hide them. With PlotFlags_EdgeAxes the axes run
// along the left and bottom edges of a data area inset by the labels' margin, and items are
// clipped to that area (current_view().screen()).
void setup_axes(Range x, Range y);
const ViewTransform& current_view();
ImVec2 to_screen(const Vec2& data);
void end_plot();

// --- items ---
void segment(const Vec2& a, const Vec2& b, ImU32 color, float width = 0, Dash dash = kSolid);
// A polyline through data points (non-finite points break it); `closed` joins the ends.
void polyline(std::span<const Vec2> points, ImU32 color, float width = 0, Dash dash = kSolid, bool closed = false);
void arrow(const Vec2& from, const Vec2& to, ImU32 color, const char* label = nullptr);
void point(const Vec2& p, ImU32 color, float radius = 4);
void polygon(std::span<const Vec2> outline, ImU32 fill, ImU32 line, float width = 0);
// A polygon coloured by its signed area (the shoelace formula): the theme's positive colours when
// counter-clockwise, negative when clockwise (orientation flipped), a collapsed outline when the
// area is 0 up to `collapsed_below` (relative to the outline's extent squared). Returns the area.
double oriented_polygon(std::span<const Vec2> outline, double collapsed_below = 1e-9);
// Text at a data point, shifted by `pixel_offset`; `align` (0..1, 0..1) picks the anchor.
void text(const Vec2& at, const char* s, ImU32 color, ImVec2 align = {0, 0}, ImVec2 pixel_offset = {0, 0},
          int flags = TextFlags_None);
// Text at a screen position (CSS pixels) with a halo in the theme's background colour, at the
// toolkit's label size when `font_size` is 0. For labels drawn over data outside the item verbs.
void halo_text(ImDrawList* draw, ImVec2 at, ImU32 color, const char* s, float font_size = 0);
// The lines x = k and y = k (|k| ≤ half_extent) carried through the linear map `a`.
void linear_grid(const Mat2& a, int half_extent, ImU32 color, float width = 1);
// y = f(x) across the visible x range, sampled adaptively (bends get more points; poles, jumps
// and undefined stretches break the line).
void curve(FunctionRef<double(double)> f, ImU32 color, float width = 0, Dash dash = kSolid);
// t ↦ p(t) for t in [t0, t1].
void parametric(FunctionRef<Vec2(double)> p, double t0, double t1, ImU32 color, float width = 0,
                Dash dash = kSolid);
// The level set grid = level as lines (marching squares on the samples), for a contour drawn
// as a line item (dashed, or over something other than its heatmap).
void contour(const Grid& grid, double level, ImU32 color, float width = 0, Dash dash = kSolid);
// Arrows of v(x, y) on an n × n lattice over the view, scaled so the longest fits one cell.
void vector_field(FunctionRef<Vec2(const Vec2&)> v, int n, ImU32 color);
// Points coloured by class (classes index into `palette`, wrapping; an empty palette: the
// theme's five series colours).
void scatter(std::span<const Vec2> points, std::span<const int> classes, std::span<const ImU32> palette,
             float radius = 3.5f);
// Bars of `heights` centred at `centres`, each `width` data units wide, from y = 0.
void bars(std::span<const double> centres, std::span<const double> heights, double width, ImU32 fill,
          ImU32 line = 0);
// A scalar field sampled on `grid` painted with a colour map spanning `colors`, with contour lines
// every `contour_step` (0: none) through 0. NaN samples are transparent.
void heatmap(const Grid& grid, Range colors, ColorMap map = ColorMap::Viridis, double contour_step = 0,
             ImU32 contour_color = IM_COL32(255, 255, 255, 150), float opacity = 1);
// A prepared field (web/plot/field.hpp: screen rectangle, samples, style) for the renderers, with
// the axes put back on top; heatmap and the region verbs (regions.hpp) draw through it.
void field_item(FieldDraw field);
// f sampled on an nx × ny grid over the ranges (sizes clamped to [2, 512]).
Grid sample_grid(FunctionRef<double(double, double)> f, Range x, Range y, int nx, int ny);
// sample_grid over the current view for a heat map kept across frames: f is sampled again only
// when the view's ranges, the size or `key` (the figure's numbers that f depends on) change, so
// a frame that only steps, plays or hovers costs no sampling. A figure keeps one per heat map.
struct GridCache {
  std::vector<double> key;
  Grid grid;
};
const Grid& cached_grid(GridCache& cache, std::span<const double> key,
                        FunctionRef<double(double, double)> f, int nx, int ny);
// A vertical colour bar with ticks, as a panel item `size` CSS pixels.
void colorbar(const char* label, Range colors, ColorMap map, ImVec2 size);

// Counts of `values` in `bins` equal bins over [lo, hi], drawn as bars; returns the counts.
std::vector<int> histogram(std::span<const double> values, double lo, double hi, int bins, ImU32 fill,
                           bool density = false);

struct DragOptions {
  double snap = 0;          // snap to multiples of this while dragging (0: free); Shift disables
  double nudge = 0.1;       // arrow-key step; Shift: a tenth of it
  double limit = 1e9;       // keep |x|, |y| ≤ limit
  // A press on empty plot area brings the handle there and drags on; on a plot that pans, where
  // dragging the background pans, a click or tap (press and release without moving) places it.
  // Never when the press lands on a handle or a control. One such handle per plot.
  bool click_to_place = false;
};
// The one item per figure that takes the arrow keys (a handle, a row of bars, a matrix input),
// whatever plot or panel it is in; 0 until one is picked. Kept in the figure's root window.
ImGuiID keyboard_selection();
void set_keyboard_selection(ImGuiID item);

// Names the item just added (an InvisibleButton carries no label) for the native tests' item
// locator (web/app/item_log.hpp), so a test finds a handle by its id; nothing in the web build.
void name_item(const char* label);
void name_item(const char* label, int number);  // one of many: "<label> <number>"
// A handle the reader drags (mouse, touch) or nudges with arrow keys once selected.
bool drag_point(const char* id, Vec2* p, ImU32 color, const char* label = nullptr,
                const DragOptions& options = {});

}  // namespace mml::plot
