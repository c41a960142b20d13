#include "web/plot/plot.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <string>
#include <utility>

#include "core/format.hpp"
#include "web/plot/sampling.hpp"

namespace mml::plot {
namespace {

// The plot being drawn: valid between begin_plot and end_plot of one frame only. Figure state
// that outlives a frame lives in the figure or in ImGui's per-window storage.
struct CurrentPlot {
  bool active = false;
  int flags = 0;
  ImGuiID id = 0;
  ImRect rect;   // the data area: the whole plot, or inside the edge axes' margins
  ImRect frame;  // the whole plot
  ViewTransform view;
  Range home_x, home_y;  // what setup_axes asked for, before pan and zoom
  ImDrawList* draw = nullptr;
  AxisTicks x_ticks, y_ticks;
  // Where the axes run, in data (ax: the y-axis's x, ay: the x-axis's y) and on screen, and on
  // which side of each its labels go (+1: right of / below it, −1: left of / above it).
  double ax = 0, ay = 0;
  float ax_screen = 0, ay_screen = 0;
  int x_label_side = 1, y_label_side = -1;
  ImGuiID background = 0;  // the pan background's item (PlotFlags_PanZoom)
  ImGuiID link_x = 0, link_y = 0;  // link groups of the axes (subplots), 0: not linked
};

FrameOptions g_options;
CurrentPlot g_plot;
ImGuiID g_next_link_x = 0, g_next_link_y = 0;  // link_next_plot, for the next begin_plot only

ImVec2 v2(const Eigen::Vector2d& v) { return {float(v.x()), float(v.y())}; }

float line_width(float width) { return width > 0 ? width : g_options.theme->line_width; }

AxisScale x_scale() { return g_plot.flags & PlotFlags_LogX ? AxisScale::Log10 : AxisScale::Linear; }
AxisScale y_scale() { return g_plot.flags & PlotFlags_LogY ? AxisScale::Log10 : AxisScale::Linear; }

float label_font_size() { return ImGui::GetFontSize() * g_options.theme->label_size; }

float luminance(ImU32 c) {
  const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  return 0.2126f * v.x + 0.7152f * v.y + 0.0722f * v.z;
}

// Text with a one-pixel outline (8 offsets), then the text itself. The outline is the background
// colour, unless the text is about as light or dark as the background (white text on a light
// page, over a heatmap): then it is the opposite of the text, so the text always stands out.
void draw_halo_text(ImDrawList* dl, ImFont* font, float size, ImVec2 at, ImU32 color, ImU32 halo, const char* s) {
  const float r = 1.0f;
  const float text_y = luminance(color);
  if (std::abs(text_y - luminance(halo)) < 0.35f) halo = text_y > 0.5f ? IM_COL32(0, 0, 0, 150) : IM_COL32(255, 255, 255, 200);
  const ImU32 h = scale_alpha(halo, 0.92f);
  for (int dx = -1; dx <= 1; ++dx)
    for (int dy = -1; dy <= 1; ++dy)
      if (dx || dy) dl->AddText(font, size, {at.x + dx * r, at.y + dy * r}, h, s);
  dl->AddText(font, size, at, color, s);
}

// Strokes a screen-space polyline, solid or dashed (dashes clipped to the plot, pattern counted
// from the first point plus `phase` pixels).
void stroke(const std::vector<ImVec2>& pts, ImU32 color, float width, Dash dash, bool closed = false,
            double phase = 0) {
  if (pts.size() < 2) return;
  if (dash.solid()) {
    g_plot.draw->AddPolyline(pts.data(), int(pts.size()), color, closed ? ImDrawFlags_Closed : ImDrawFlags_None, width);
    return;
  }
  std::vector<Point> line;
  line.reserve(pts.size() + 1);
  for (const ImVec2& p : pts) line.emplace_back(p.x, p.y);
  if (closed) line.push_back(line.front());
  const ImRect& r = g_plot.rect;
  const ClipBox clip{r.Min.x - width, r.Min.y - width, r.Max.x + width, r.Max.y + width};
  const double on = std::max(0.5f, dash.on), off = std::max(0.5f, dash.off);
  std::vector<ImVec2> piece;
  for (const auto& p : dash_polyline(line, on, off, phase, &clip)) {
    piece.clear();
    for (const Point& q : p) piece.push_back({float(q.x()), float(q.y())});
    g_plot.draw->AddPolyline(piece.data(), int(piece.size()), color, ImDrawFlags_None, width);
  }
}

// Screen points of a polyline in the axes' linear space, far-off y pulled near the view so
// ImGui's float geometry stays sane.
std::vector<ImVec2> linear_to_screen(const std::vector<Point>& piece) {
  const ViewTransform& view = g_plot.view;
  const Range ly = view.linear_y();
  std::vector<ImVec2> pts;
  pts.reserve(piece.size());
  for (const auto& p : piece) {
    const double y = std::clamp(p.y(), ly.min - ly.size(), ly.max + ly.size());
    pts.push_back(v2(view.linear_to_screen({p.x(), y})));
  }
  return pts;
}

void draw_grid_and_axis_lines(bool grid) {
  const Theme& t = *g_options.theme;
  const ViewTransform& view = g_plot.view;
  ImDrawList* dl = g_plot.draw;
  const ImRect& r = g_plot.rect;
  if (grid && !(g_plot.flags & PlotFlags_NoGrid)) {
    const ImU32 minor = scale_alpha(t.grid, 0.55f);
    for (double x : g_plot.x_ticks.minor) dl->AddLine({to_screen({x, 1}).x, r.Min.y}, {to_screen({x, 1}).x, r.Max.y}, minor, 1);
    for (double y : g_plot.y_ticks.minor) dl->AddLine({r.Min.x, to_screen({1, y}).y}, {r.Max.x, to_screen({1, y}).y}, minor, 1);
    for (double x : g_plot.x_ticks.major) dl->AddLine({to_screen({x, 1}).x, r.Min.y}, {to_screen({x, 1}).x, r.Max.y}, t.grid, 1);
    for (double y : g_plot.y_ticks.major) dl->AddLine({r.Min.x, to_screen({1, y}).y}, {r.Max.x, to_screen({1, y}).y}, t.grid, 1);
  }
  (void)view;
  // Axis lines sit half a pixel inside the plot when they run along an edge, so they are whole.
  const float ay = std::clamp(g_plot.ay_screen, r.Min.y + 0.5f, r.Max.y - 0.5f);
  const float ax = std::clamp(g_plot.ax_screen, r.Min.x + 0.5f, r.Max.x - 0.5f);
  dl->AddLine({r.Min.x, ay}, {r.Max.x, ay}, t.axis, 1.2f);
  dl->AddLine({ax, r.Min.y}, {ax, r.Max.y}, t.axis, 1.2f);
  // Tick marks on the axes.
  for (double x : g_plot.x_ticks.major) {
    const float sx = to_screen({x, 1}).x;
    dl->AddLine({sx, ay - 3}, {sx, ay + 3}, t.axis, 1);
  }
  for (double y : g_plot.y_ticks.major) {
    const float sy = to_screen({1, y}).y;
    dl->AddLine({ax - 3, sy}, {ax + 3, sy}, t.axis, 1);
  }
}

// Where the axes go: through zero when it is in view, else along the nearest edge (a log axis has
// no zero: the other axis runs along its low edge). Labels go on the side facing into the plot.
void place_axes() {
  const ViewTransform& view = g_plot.view;
  const ImRect& r = g_plot.rect;
  if (g_plot.flags & PlotFlags_EdgeAxes) {  // left and bottom edges, labels outside
    g_plot.ax = view.x().min;
    g_plot.ay = view.y().min;
    g_plot.ax_screen = r.Min.x;
    g_plot.ay_screen = r.Max.y;
    g_plot.x_label_side = 1;
    g_plot.y_label_side = -1;
    return;
  }
  if (y_scale() == AxisScale::Log10) {
    g_plot.ay = view.y().min;
  } else {
    g_plot.ay = std::clamp(0.0, view.y().min, view.y().max);
  }
  if (x_scale() == AxisScale::Log10) {
    g_plot.ax = view.x().min;
  } else {
    g_plot.ax = std::clamp(0.0, view.x().min, view.x().max);
  }
  g_plot.ay_screen = to_screen({view.x().min, g_plot.ay}).y;
  g_plot.ax_screen = to_screen({g_plot.ax, view.y().min}).x;
  // Within a label's height of the bottom edge (or on the top edge): labels go above the axis.
  const float label_h = label_font_size() + 8;
  g_plot.x_label_side = g_plot.ay_screen > r.Max.y - label_h ? -1 : 1;
  // Within a label's width of the left edge: labels go right of the axis.
  const float label_w = label_font_size() * 2.5f;
  g_plot.y_label_side = g_plot.ax_screen < r.Min.x + label_w ? 1 : -1;
}

std::string tick_label(AxisScale scale, double v) {
  if (scale == AxisScale::Log10 && is_decade(v)) return decade_label(int(std::lround(std::log10(v))));
  return format_number(v, 6);  // ticks are round: all their digits ("15000", not "1.5e+04")
}

void draw_tick_labels() {
  if (g_plot.flags & PlotFlags_NoTickLabels) return;
  const Theme& t = *g_options.theme;
  ImDrawList* dl = g_plot.draw;
  const ImRect& r = g_plot.rect;
  const float fs = label_font_size();
  ImFont* font = ImGui::GetFont();
  const bool edge = g_plot.flags & PlotFlags_EdgeAxes;
  // Edge axes' labels sit in the margin: kept inside the whole plot rather than the data area.
  const ImRect& bounds = edge ? g_plot.frame : r;
  auto label = [&](ImVec2 anchor, ImVec2 align, const std::string& s) {
    const ImVec2 size = font->CalcTextSizeA(fs, FLT_MAX, 0, s.c_str());
    ImVec2 at(anchor.x - size.x * align.x, anchor.y - size.y * align.y);
    at.x = std::clamp(at.x, bounds.Min.x + 2, bounds.Max.x - size.x - 2);
    at.y = std::clamp(at.y, bounds.Min.y + 2, bounds.Max.y - size.y - 2);
    draw_halo_text(dl, font, fs, at, t.text_muted, t.background, s.c_str());
  };
  const float ay = g_plot.ay_screen, ax = g_plot.ax_screen;
  // Edge axes meet at a corner with their labels apart (below, left): both label it.
  const bool origin_crossing = !edge && g_plot.ax == 0 && g_plot.ay == 0;
  if (!(g_plot.flags & PlotFlags_NoXTickLabels))
    for (double x : g_plot.x_ticks.major) {
      const float sx = to_screen({x, 1}).x;
      // The crossing of the axes is labelled by neither; near a corner the y labels own it.
      if (!edge && (origin_crossing ? x == g_plot.ax : std::abs(sx - ax) < 4)) continue;
      const bool below = g_plot.x_label_side > 0;
      label({sx, below ? ay + 5 : ay - 5}, {0.5f, below ? 0.f : 1.f}, tick_label(x_scale(), x));
    }
  if (!(g_plot.flags & PlotFlags_NoYTickLabels))
    for (double y : g_plot.y_ticks.major) {
      const float sy = to_screen({1, y}).y;
      if (origin_crossing && y == g_plot.ay) continue;
      const bool right = g_plot.y_label_side > 0;
      label({right ? ax + 6 : ax - 6, sy}, {right ? 0.f : 1.f, 0.5f}, tick_label(y_scale(), y));
    }
}

Vec2 snapped(const Vec2& p, double step) {
  if (step <= 0) return p;
  return {std::round(p.x() / step) * step, std::round(p.y() / step) * step};
}

Vec2 limited(const Vec2& p, double limit) {
  return {std::clamp(p.x(), -limit, limit), std::clamp(p.y(), -limit, limit)};
}

// DragOptions::click_to_place, before the handle is submitted. Whether a press hit empty plot area
// is known only a frame later, once every item had its chance at it: no item took it when ImGui's
// active id is the window's move id (it holds that id for a press on a window's void) or the pan
// background. Returns whether it moved *p; on a plot without panning the handle then takes the
// press over, so the same press drags it on.
bool place_on_click(ImGuiID item, Vec2* p, const DragOptions& options) {
  ImGuiContext& g = *GImGui;
  const ImGuiIO& io = g.IO;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool pans = g_plot.background != 0;
  const ImGuiID held = g.ActiveIdPreviousFrame;
  if (held == 0 || held != (pans ? g_plot.background : window->MoveId)) return false;
  if (!g_plot.rect.Contains(io.MouseClickedPos[0])) return false;
  if (pans && !(ImGui::IsMouseReleased(0) && io.MouseDragMaxDistanceSqr[0] <= io.MouseDragThreshold * io.MouseDragThreshold))
    return false;
  if (!pans && !(io.MouseDown[0] || ImGui::IsMouseReleased(0))) return false;
  const Vec2 at = g_plot.view.to_data({io.MousePos.x, io.MousePos.y});
  if (!at.allFinite()) return false;
  *p = limited(io.KeyShift ? at : snapped(at, options.snap), options.limit);
  if (!pans && io.MouseDown[0]) {
    ImGui::SetActiveID(item, window);  // as ButtonBehavior does on a press
    g.ActiveIdMouseButton = 0;
  }
  set_keyboard_selection(item);
  return true;
}

}  // namespace

// Called at the start of every figure's frame. A plot left open belongs to a frame that never
// finished (a figure that trapped mid-frame in WebAssembly): the next figure starts clean.
void set_frame_options(const FrameOptions& options) {
  g_options = options;
  g_plot.active = false;
  g_next_link_x = g_next_link_y = 0;
}
const Theme& current_theme() { return *g_options.theme; }
bool keyboard_focus() { return g_options.keyboard_focus; }

ImRect plot_area(ImVec2 size) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = std::max(avail.x + size.x, 10.0f);
  if (size.y <= 0) size.y = std::max(avail.y + size.y, 10.0f);
  const ImVec2 min = ImGui::GetCurrentWindow()->DC.CursorPos;
  return ImRect(min, {min.x + size.x, min.y + size.y});
}

bool begin_plot(const char* id, ImVec2 size, int flags) {
  IM_ASSERT(!g_plot.active && "begin_plot without end_plot");
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  g_plot = {};
  g_plot.active = true;
  g_plot.flags = flags;
  g_plot.id = window->GetID(id);
  g_plot.rect = g_plot.frame = plot_area(size);
  g_plot.draw = window->DrawList;
  g_plot.link_x = std::exchange(g_next_link_x, 0);
  g_plot.link_y = std::exchange(g_next_link_y, 0);
  ImGui::PushID(id);
  return true;
}

namespace {

// Where one axis's pan and zoom live: the plot's own ImGui storage, or its link group's (subplots),
// so every plot of the group reads and writes the same two numbers.
struct AxisPanZoom {
  ImGuiStorage* storage;
  ImGuiID zoom_key, offset_key;
  double zoom() const { return storage->GetFloat(zoom_key, 1); }
  double offset() const { return storage->GetFloat(offset_key, 0); }
  void set(double zoom, double offset) const {
    storage->SetFloat(zoom_key, float(zoom));
    storage->SetFloat(offset_key, float(offset));
  }
};
// A link group's storage: +0 the frame its home was set, +1…+4 the home's ends (each a double in two
// ints, exact), +5 zoom, +6 offset.
double load_double(ImGuiStorage* s, ImGuiID key) {
  const std::uint64_t bits = std::uint64_t(std::uint32_t(s->GetInt(key))) | std::uint64_t(std::uint32_t(s->GetInt(key + 1))) << 32;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}
void store_double(ImGuiStorage* s, ImGuiID key, double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  s->SetInt(key, int(std::uint32_t(bits)));
  s->SetInt(key + 1, int(std::uint32_t(bits >> 32)));
}
// The first plot of a link group in a frame sets the group's home on that axis; the others take it.
Range shared_home(ImGuiID group, Range asked) {
  if (!group) return asked;
  ImGuiStorage* s = ImGui::GetStateStorage();
  const int frame = ImGui::GetFrameCount();
  if (s->GetInt(group, -1) == frame) return {load_double(s, group + 1), load_double(s, group + 3)};
  s->SetInt(group, frame);
  store_double(s, group + 1, asked.min);
  store_double(s, group + 3, asked.max);
  return asked;
}

}  // namespace

// Pan and zoom (PlotFlags_PanZoom): the background is a button submitted before the items, with
// overlap allowed so handles drawn later still take the pointer. State lives in ImGui storage, per
// axis: the plot's own, or its link group's for a linked axis (a linked plot without PanZoom only
// follows). It works in the axes' linear space, so a log axis pans and zooms by decades.
static void pan_zoom(Range* x, Range* y) {
  const ImRect& r = g_plot.rect;
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("##panzoom");
  const AxisPanZoom ax = g_plot.link_x ? AxisPanZoom{storage, g_plot.link_x + 5, g_plot.link_x + 6}
                                       : AxisPanZoom{storage, key, key + 1};
  const AxisPanZoom ay = g_plot.link_y ? AxisPanZoom{storage, g_plot.link_y + 5, g_plot.link_y + 6}
                                       : AxisPanZoom{storage, key + 3, key + 2};
  // One PanZoom per axis (only its own components count): linked axes move apart from the others.
  PanZoom px, py;
  px.zoom = ax.zoom();
  px.offset = {ax.offset(), 0};
  py.zoom = ay.zoom();
  py.offset = {0, ay.offset()};
  const AxisScale sx = x_scale(), sy = y_scale();
  const Range vx = valid_range(sx, *x), vy = valid_range(sy, *y);
  const Range home_x{scale_forward(sx, vx.min), scale_forward(sx, vx.max)};
  const Range home_y{scale_forward(sy, vy.min), scale_forward(sy, vy.max)};
  const auto ranges = [&](Range* lx, Range* ly) {
    Range ignored_x = home_x, ignored_y = home_y;
    *lx = home_x;
    *ly = home_y;
    apply_pan_zoom(px, lx, &ignored_y);
    apply_pan_zoom(py, &ignored_x, ly);
  };
  if (g_plot.flags & PlotFlags_PanZoom) {
    ImGui::SetCursorScreenPos(r.Min);
    ImGui::InvisibleButton("##background", r.GetSize());
    ImGui::SetItemAllowOverlap();
    g_plot.background = ImGui::GetItemID();
    const ViewTransform before = [&] {
      Range lx, ly;
      ranges(&lx, &ly);
      return ViewTransform(lx, ly, {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}, g_plot.flags & PlotFlags_EqualAspect);
    }();
    ImGuiIO& io = ImGui::GetIO();
    // Not on the press's own frame (a handle over the plot takes that press later in the frame).
    if (ImGui::IsItemActive() && !ImGui::IsItemActivated() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
      const Eigen::Vector2d d(io.MouseDelta.x / before.pixels_per_unit_x(), -io.MouseDelta.y / before.pixels_per_unit_y());
      pan_by(&px, home_x, home_y, d);
      pan_by(&py, home_x, home_y, d);
    }
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
      const Eigen::Vector2d anchor = before.to_data({io.MousePos.x, io.MousePos.y});
      zoom_about(&px, home_x, home_y, anchor, std::pow(1.15, io.MouseWheel));
      zoom_about(&py, home_x, home_y, anchor, std::pow(1.15, io.MouseWheel));
    }
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) px = py = PanZoom{};
    ax.set(px.zoom, px.offset.x());
    ay.set(py.zoom, py.offset.y());
  }
  Range lx, ly;
  ranges(&lx, &ly);
  *x = {scale_inverse(sx, lx.min), scale_inverse(sx, lx.max)};
  *y = {scale_inverse(sy, ly.min), scale_inverse(sy, ly.max)};
}

// Edge axes: the data area inside the margins their labels need, a line of text below and the
// widest y label (of the home view, so the margin does not jitter while the reader pans) left.
static ImRect edge_axes_area(const ImRect& frame, Range home_x, Range home_y) {
  if (!(g_plot.flags & PlotFlags_EdgeAxes)) return frame;
  const bool labels = !(g_plot.flags & PlotFlags_NoTickLabels);
  const float fs = label_font_size();
  ImRect r = frame;
  r.Max.y -= labels && !(g_plot.flags & PlotFlags_NoXTickLabels) ? fs + 8 : 1;
  const ViewTransform home(home_x, home_y, {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()},
                           g_plot.flags & PlotFlags_EqualAspect, x_scale(), y_scale());
  float widest = 0;
  if (labels && !(g_plot.flags & PlotFlags_NoYTickLabels))
    for (double v : axis_ticks(y_scale(), home.y(), std::max(2, int(r.GetHeight() / 40))).major)
      widest = std::max(widest, ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, tick_label(y_scale(), v).c_str()).x);
  r.Min.x += widest > 0 ? widest + 10 : 1;
  r.Min.y += 1;  // the top and right edges stay whole inside the frame
  r.Max.x -= 1;
  return r;
}

void link_next_plot(ImGuiID x_group, ImGuiID y_group) {
  g_next_link_x = x_group;
  g_next_link_y = y_group;
}

void setup_axes(Range x, Range y) {
  x = shared_home(g_plot.link_x, x);
  y = shared_home(g_plot.link_y, y);
  g_plot.home_x = valid_range(x_scale(), x);
  g_plot.home_y = valid_range(y_scale(), y);
  g_plot.rect = edge_axes_area(g_plot.frame, g_plot.home_x, g_plot.home_y);
  const ImRect& r = g_plot.rect;
  if (g_plot.flags & PlotFlags_PanZoom || g_plot.link_x || g_plot.link_y) pan_zoom(&x, &y);
  g_plot.view = ViewTransform(x, y, {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()},
                              g_plot.flags & PlotFlags_EqualAspect, x_scale(), y_scale());
  g_plot.draw->AddRectFilled(g_plot.frame.Min, g_plot.frame.Max, g_options.theme->background);
  g_plot.draw->PushClipRect(r.Min, r.Max, true);
  const float spacing_px = 70;
  // Edge axes' y labels are one line tall and sit apart from the x labels: they can be closer.
  const float y_spacing_px = g_plot.flags & PlotFlags_EdgeAxes ? 40 : spacing_px;
  g_plot.x_ticks = axis_ticks(x_scale(), g_plot.view.x(), std::max(2, int(r.GetWidth() / spacing_px)));
  g_plot.y_ticks = axis_ticks(y_scale(), g_plot.view.y(), std::max(2, int(r.GetHeight() / y_spacing_px)));
  place_axes();
  draw_grid_and_axis_lines(true);
}

const ViewTransform& current_view() { return g_plot.view; }
ImVec2 to_screen(const Vec2& data) { return v2(g_plot.view.to_screen(data)); }

void end_plot() {
  IM_ASSERT(g_plot.active && "end_plot without begin_plot");
  if (g_plot.flags & PlotFlags_EdgeAxes) {  // items stay in the data area, labels go in the margin
    g_plot.draw->PopClipRect();
    g_plot.draw->PushClipRect(g_plot.frame.Min, g_plot.frame.Max, true);
  }
  draw_tick_labels();
  g_plot.draw->PopClipRect();
  ImGui::PopID();
  // Leave the layout cursor below the plot, as if it were one item.
  ImGui::SetCursorScreenPos(g_plot.frame.Min);
  ImGui::Dummy(g_plot.frame.GetSize());
  g_plot.active = false;
}

void segment(const Vec2& a, const Vec2& b, ImU32 color, float width, Dash dash) {
  if (dash.solid()) {
    g_plot.draw->AddLine(to_screen(a), to_screen(b), color, line_width(width));
    return;
  }
  stroke({to_screen(a), to_screen(b)}, color, line_width(width), dash);
}

void polyline(std::span<const Vec2> points, ImU32 color, float width, Dash dash, bool closed) {
  // Runs of finite points are drawn; the dash pattern carries on across the gaps.
  std::vector<ImVec2> run;
  double phase = 0;
  bool all_finite = true;
  for (const Vec2& p : points) all_finite = all_finite && p.allFinite();
  for (std::size_t i = 0; i <= points.size(); ++i) {
    if (i < points.size() && points[i].allFinite()) {
      run.push_back(to_screen(points[i]));
      continue;
    }
    if (run.size() >= 2) {
      stroke(run, color, line_width(width), dash, closed && all_finite, phase);
      for (std::size_t k = 1; k < run.size(); ++k) phase += std::hypot(run[k].x - run[k - 1].x, run[k].y - run[k - 1].y);
    }
    run.clear();
  }
}

void arrow(const Vec2& from, const Vec2& to, ImU32 color, const char* label) {
  const ImVec2 a = to_screen(from), b = to_screen(to);
  const ImVec2 d(b.x - a.x, b.y - a.y);
  const float length = std::sqrt(d.x * d.x + d.y * d.y);
  const float w = g_options.theme->arrow_width;
  if (length > 1e-3f) {
    const ImVec2 u(d.x / length, d.y / length), n(-u.y, u.x);
    const float head = std::min(12.0f, length * 0.5f), half = head * 0.45f;
    const ImVec2 base(b.x - u.x * head, b.y - u.y * head);
    g_plot.draw->AddLine(a, base, color, w);
    g_plot.draw->AddTriangleFilled(b, {base.x + n.x * half, base.y + n.y * half},
                                   {base.x - n.x * half, base.y - n.y * half}, color);
  }
  if (label) {
    // Beyond the tip, on the far side from the tail.
    const ImVec2 u = length > 1e-3f ? ImVec2(d.x / length, d.y / length) : ImVec2(0.7f, -0.7f);
    const ImVec2 size = ImGui::CalcTextSize(label);
    const ImVec2 at(b.x + u.x * 14 - size.x * 0.5f + u.x * size.x * 0.3f,
                    b.y + u.y * 14 - size.y * 0.5f + u.y * size.y * 0.3f);
    draw_halo_text(g_plot.draw, ImGui::GetFont(), ImGui::GetFontSize(), at, color, g_options.theme->background, label);
  }
}

void point(const Vec2& p, ImU32 color, float radius) {
  g_plot.draw->AddCircleFilled(to_screen(p), radius, color);
}

void polygon(std::span<const Vec2> outline, ImU32 fill, ImU32 line, float width) {
  std::vector<Eigen::Vector2d> screen;
  screen.reserve(outline.size());
  for (const Vec2& p : outline) screen.push_back(g_plot.view.to_screen(p));
  ImDrawList* dl = g_plot.draw;
  if (fill & IM_COL32_A_MASK) {
    const auto triangles = triangulate(screen);
    dl->PrimReserve(int(triangles.size() * 3), int(triangles.size() * 3));
    const ImVec2 uv = dl->_Data->TexUvWhitePixel;
    for (const auto& t : triangles) {
      for (int k : t) {
        dl->_IdxWritePtr[0] = ImDrawIdx(dl->_VtxCurrentIdx);
        dl->_IdxWritePtr++;
        dl->PrimWriteVtx(v2(screen[size_t(k)]), uv, fill);
      }
    }
  }
  if (line & IM_COL32_A_MASK) {
    std::vector<ImVec2> pts;
    for (const auto& s : screen) pts.push_back(v2(s));
    dl->AddPolyline(pts.data(), int(pts.size()), line, ImDrawFlags_Closed, line_width(width));
  }
}

void text(const Vec2& at, const char* s, ImU32 color, ImVec2 align, ImVec2 pixel_offset, int flags) {
  const ImVec2 p = to_screen(at), size = ImGui::CalcTextSize(s);
  const ImVec2 pos(p.x + pixel_offset.x - size.x * align.x, p.y + pixel_offset.y - size.y * align.y);
  if (flags & TextFlags_Backdrop)
    g_plot.draw->AddRectFilled({pos.x - 3, pos.y - 1}, {pos.x + size.x + 3, pos.y + size.y + 1},
                               with_alpha(g_options.theme->background, 210), 3);
  if (flags & TextFlags_Halo)
    draw_halo_text(g_plot.draw, ImGui::GetFont(), ImGui::GetFontSize(), pos, color, g_options.theme->background, s);
  else
    g_plot.draw->AddText(pos, color, s);
}

void halo_text(ImDrawList* draw, ImVec2 at, ImU32 color, const char* s, float font_size) {
  draw_halo_text(draw, ImGui::GetFont(), font_size > 0 ? font_size : label_font_size(), at, color,
                 g_options.theme->background, s);
}

double oriented_polygon(std::span<const Vec2> outline, double collapsed_below) {
  const Theme& t = *g_options.theme;
  double twice_area = 0, extent = 0;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    const Vec2& a = outline[i];
    const Vec2& b = outline[(i + 1) % outline.size()];
    twice_area += a.x() * b.y() - b.x() * a.y();
    extent = std::max(extent, a.cwiseAbs().maxCoeff());
  }
  const double area = twice_area / 2;
  if (!std::isfinite(area)) return area;
  if (std::abs(area) <= collapsed_below * std::max(extent * extent, 1e-300)) {
    polyline(outline, t.collapsed, 3, kSolid, true);
    return area;
  }
  polygon(outline, area > 0 ? t.positive_fill : t.negative_fill, area > 0 ? t.positive_line : t.negative_line);
  return area;
}

void linear_grid(const Mat2& a, int half_extent, ImU32 color, float width) {
  const double k_max = half_extent;
  for (int k = -half_extent; k <= half_extent; ++k) {
    segment(a * Vec2(k, -k_max), a * Vec2(k, k_max), color, width);
    segment(a * Vec2(-k_max, k), a * Vec2(k_max, k), color, width);
  }
}

void curve(FunctionRef<double(double)> f, ImU32 color, float width, Dash dash) {
  const ViewTransform& view = g_plot.view;
  const AxisScale sx = x_scale(), sy = y_scale();
  // Sampled in the axes' linear space (log10 of data on log axes), where pixels are uniform.
  const auto g = [&](double u) { return scale_forward(sy, f(scale_inverse(sx, u))); };
  const auto linear = [&](double u) {
    const double y = f(scale_inverse(sx, u));
    return sy == AxisScale::Log10 && !(y > 0) ? NAN : scale_forward(sy, y);
  };
  SamplingOptions options;
  options.pixels_per_unit_x = view.pixels_per_unit_x();
  options.pixels_per_unit_y = view.pixels_per_unit_y();
  options.initial = std::clamp(int(view.screen().w / 8), 16, 256);
  const Range lx = view.linear_x(), ly = view.linear_y();
  const Polylines pieces = sample_function(linear, lx.min, lx.max, ly.size(), options);
  if (dash.solid()) {
    for (const auto& piece : pieces) {
      const auto pts = linear_to_screen(piece);
      g_plot.draw->AddPolyline(pts.data(), int(pts.size()), color, ImDrawFlags_None, line_width(width));
    }
    return;
  }
  // The dash pattern starts where x is the home view's left edge, so panning does not move it:
  // lengths off screen are measured with chords at a spacing tied to that anchor and the zoom.
  const double anchor = scale_forward(sx, g_plot.home_x.min);
  const double home_span = scale_forward(sx, g_plot.home_x.max) - anchor;
  const double h = std::max(2 / options.pixels_per_unit_x, home_span / 512);
  const Range hy{scale_forward(sy, g_plot.home_y.min), scale_forward(sy, g_plot.home_y.max)};
  const auto length_between = [&](double a, double b) {
    return graph_length(g, anchor, h, a, b, options.pixels_per_unit_x, options.pixels_per_unit_y,
                        hy.min - 4 * hy.size(), hy.max + 4 * hy.size());
  };
  double phase = 0, last_u = anchor;
  for (const auto& piece : pieces) {
    if (piece.size() < 2) continue;
    phase += length_between(last_u, piece.front().x());
    const auto pts = linear_to_screen(piece);
    stroke(pts, color, line_width(width), dash, false, phase);
    for (std::size_t k = 1; k < pts.size(); ++k) phase += std::hypot(pts[k].x - pts[k - 1].x, pts[k].y - pts[k - 1].y);
    last_u = piece.back().x();
  }
}

void parametric(FunctionRef<Vec2(double)> p, double t0, double t1, ImU32 color, float width, Dash dash) {
  const ViewTransform& view = g_plot.view;
  SamplingOptions options;
  options.pixels_per_unit_x = view.pixels_per_unit_x();
  options.pixels_per_unit_y = view.pixels_per_unit_y();
  double phase = 0;
  for (const auto& piece : sample_parametric([&](double t) { return Point(view.to_linear(p(t))); }, t0, t1, options)) {
    const auto pts = linear_to_screen(piece);
    stroke(pts, color, line_width(width), dash, false, phase);
    for (std::size_t k = 1; k < pts.size(); ++k) phase += std::hypot(pts[k].x - pts[k - 1].x, pts[k].y - pts[k - 1].y);
  }
}

void contour(const Grid& grid, double level, ImU32 color, float width, Dash dash) {
  for (const auto& line : contour_polylines(grid, level)) {
    std::vector<ImVec2> pts;
    pts.reserve(line.size());
    for (const Point& q : line) pts.push_back(to_screen(q));
    stroke(pts, color, line_width(width), dash);
  }
}

void vector_field(FunctionRef<Vec2(const Vec2&)> v, int n, ImU32 color) {
  n = std::clamp(n, 2, 64);
  const ViewTransform& view = g_plot.view;
  const double cx = view.x().size() / n, cy = view.y().size() / n;
  std::vector<std::pair<Vec2, Vec2>> arrows;
  double longest = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const Vec2 at(view.x().min + (i + 0.5) * cx, view.y().min + (j + 0.5) * cy);
      const Vec2 d = v(at);
      if (!d.allFinite()) continue;
      arrows.emplace_back(at, d);
      longest = std::max(longest, std::hypot(d.x() / cx, d.y() / cy));
    }
  if (!(longest > 0)) return;
  const double scale = 0.9 / longest;
  for (const auto& [at, d] : arrows) {
    const ImVec2 a = to_screen(at - 0.5 * scale * d), b = to_screen(at + 0.5 * scale * d);
    const ImVec2 u(b.x - a.x, b.y - a.y);
    const float length = std::sqrt(u.x * u.x + u.y * u.y);
    if (length < 1.5f) {
      g_plot.draw->AddCircleFilled(to_screen(at), 1.2f, color);
      continue;
    }
    const ImVec2 e(u.x / length, u.y / length), n2(-e.y, e.x);
    const float head = std::min(6.0f, length * 0.4f);
    g_plot.draw->AddLine(a, b, color, 1.2f);
    g_plot.draw->AddTriangleFilled(b, {b.x - e.x * head + n2.x * head * 0.45f, b.y - e.y * head + n2.y * head * 0.45f},
                                   {b.x - e.x * head - n2.x * head * 0.45f, b.y - e.y * head - n2.y * head * 0.45f}, color);
  }
}

void scatter(std::span<const Vec2> points, std::span<const int> classes, std::span<const ImU32> palette,
             float radius) {
  const Theme& t = *g_options.theme;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i].allFinite()) continue;
    const int k = i < classes.size() ? classes[i] : 0;
    const ImU32 c = palette.empty() ? t.series(k) : palette[std::size_t(std::abs(k)) % palette.size()];
    const ImVec2 s = to_screen(points[i]);
    g_plot.draw->AddCircleFilled(s, radius + 1, t.handle_ring);
    g_plot.draw->AddCircleFilled(s, radius, c);
  }
}

void bars(std::span<const double> centres, std::span<const double> heights, double width, ImU32 fill,
          ImU32 line) {
  const std::size_t n = std::min(centres.size(), heights.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(centres[i]) || !std::isfinite(heights[i])) continue;
    const double base = y_scale() == AxisScale::Log10 ? g_plot.view.y().min : 0;
    const ImVec2 a = to_screen({centres[i] - width / 2, base}), b = to_screen({centres[i] + width / 2, heights[i]});
    const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
    g_plot.draw->AddRectFilled(lo, hi, fill);
    if (line & IM_COL32_A_MASK) g_plot.draw->AddRect(lo, hi, line, 0, 0, 1);
  }
}

std::vector<int> histogram(std::span<const double> values, double lo, double hi, int bins, ImU32 fill,
                           bool density) {
  bins = std::clamp(bins, 1, 1000);
  std::vector<int> counts(std::size_t(bins), 0);
  if (!(hi > lo)) return counts;
  const double w = (hi - lo) / bins;
  std::size_t total = 0;
  for (double v : values) {
    if (!std::isfinite(v) || v < lo || v > hi) continue;
    const int k = std::min(bins - 1, int((v - lo) / w));
    ++counts[std::size_t(k)];
    ++total;
  }
  std::vector<double> centres, heights;
  for (int k = 0; k < bins; ++k) {
    centres.push_back(lo + (k + 0.5) * w);
    const double c = counts[std::size_t(k)];
    heights.push_back(density && total ? c / (double(total) * w) : c);
  }
  bars(centres, heights, w * 0.92, fill);
  return counts;
}

Grid sample_grid(FunctionRef<double(double, double)> f, Range x, Range y, int nx, int ny) {
  nx = std::clamp(nx, 2, 512);
  ny = std::clamp(ny, 2, 512);
  Grid g;
  g.x0 = x.min;
  g.y0 = y.min;
  g.dx = x.size() / (nx - 1);
  g.dy = y.size() / (ny - 1);
  g.values.resize(nx, ny);
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j) g.values(i, j) = f(g.x0 + i * g.dx, g.y0 + j * g.dy);
  return g;
}

const Grid& cached_grid(GridCache& cache, std::span<const double> key,
                        FunctionRef<double(double, double)> f, int nx, int ny) {
  const ViewTransform& v = current_view();
  if (!cache_holds(cache.key, key, {v.x().min, v.x().max, v.y().min, v.y().max, double(nx), double(ny)}))
    cache.grid = sample_grid(f, v.x(), v.y(), nx, ny);
  return cache.grid;
}

void heatmap(const Grid& grid, Range colors, ColorMap map, double contour_step, ImU32 contour_color,
             float opacity) {
  const Eigen::Index nx = grid.values.rows(), ny = grid.values.cols();
  if (nx < 2 || ny < 2 || !g_options.fields) return;
  FieldDraw field;
  field.min = to_screen({grid.x0, grid.y0 + grid.dy * double(ny - 1)});
  field.max = to_screen({grid.x0 + grid.dx * double(nx - 1), grid.y0});
  field.nx = int(nx);
  field.ny = int(ny);
  field.values.resize(std::size_t(nx * ny));
  for (Eigen::Index j = 0; j < ny; ++j)
    for (Eigen::Index i = 0; i < nx; ++i) {
      const double v = grid.values(i, j);
      field.values[std::size_t(j * nx + i)] = std::isfinite(v) ? float(std::clamp(v, -3e38, 3e38)) : NAN;
    }
  field.lo = float(colors.min);
  field.hi = float(colors.max);
  field.map = map;
  field.contour_step = std::isfinite(contour_step) && contour_step > 0 ? float(contour_step) : 0;
  field.contour_color = contour_color;
  field.opacity = opacity;
  field_item(std::move(field));
}

void field_item(FieldDraw field) {
  if (field.nx < 2 || field.ny < 2 || !g_options.fields) return;
  field.hash = field_hash(field.nx, field.ny, field.values);
  g_options.fields->push_back(std::move(field));
  g_plot.draw->AddCallback(field_callback, &g_options.fields->back());
  g_plot.draw->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
  // The field covers the grid; the axes and tick marks go back on top (tick labels come last).
  draw_grid_and_axis_lines(false);
}

void colorbar(const char* label, Range colors, ColorMap map, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& t = *g_options.theme;
  ImGui::TextUnformatted(label);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float bar_w = std::min(16.0f, size.x * 0.3f);
  const int steps = 32;
  for (int k = 0; k < steps; ++k) {
    const Rgb8 lo = colormap(map, double(k) / steps), hi = colormap(map, double(k + 1) / steps);
    const float y0 = at.y + size.y * (1 - float(k + 1) / steps), y1 = at.y + size.y * (1 - float(k) / steps);
    dl->AddRectFilledMultiColor({at.x, y0}, {at.x + bar_w, y1}, IM_COL32(hi.r, hi.g, hi.b, 255),
                                IM_COL32(hi.r, hi.g, hi.b, 255), IM_COL32(lo.r, lo.g, lo.b, 255),
                                IM_COL32(lo.r, lo.g, lo.b, 255));
  }
  dl->AddRect(at, {at.x + bar_w, at.y + size.y}, t.grid_strong);
  const float fs = ImGui::GetFontSize() * 0.85f;
  for (double v : nice_ticks(colors, std::max(2, int(size.y / 40)))) {
    const float y = at.y + size.y * float(1 - (v - colors.min) / colors.size());
    dl->AddLine({at.x + bar_w, y}, {at.x + bar_w + 4, y}, t.axis);
    const std::string s = format_number(v);
    dl->AddText(ImGui::GetFont(), fs, {at.x + bar_w + 7, y - fs * 0.6f}, t.text_muted, s.c_str());
  }
  ImGui::Dummy(size);
}

// One keyboard selection per figure: in the figure's root window under a fixed key.
static ImGuiID selected_item_key() {
  static const ImGuiID key = ImHashStr("##mml-selected-handle");
  return key;
}
ImGuiID keyboard_selection() {
  return ImGuiID(ImGui::GetCurrentWindow()->RootWindow->StateStorage.GetInt(selected_item_key(), 0));
}
void set_keyboard_selection(ImGuiID item) {
  ImGui::GetCurrentWindow()->RootWindow->StateStorage.SetInt(selected_item_key(), int(item));
}

void name_item([[maybe_unused]] const char* label) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(g.LastItemData.ID, label, g.LastItemData.StatusFlags);
#endif
}

void name_item([[maybe_unused]] const char* label, [[maybe_unused]] int number) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  char text[96];
  std::snprintf(text, sizeof text, "%s %d", label, number);
  name_item(text);
#endif
}

bool drag_point(const char* id, Vec2* p, ImU32 color, const char* label, const DragOptions& options) {
  const Theme& t = *g_options.theme;
  ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID item = ImGui::GetID(id);
  const Vec2 before = *p;
  if (options.click_to_place) place_on_click(item, p, options);
  const ImVec2 s = to_screen(*p);
  const float r = t.handle_hit_radius;
  ImGui::SetCursorScreenPos({s.x - r, s.y - r});
  ImGui::InvisibleButton(id, {2 * r, 2 * r});
  name_item(id);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  // Drags accumulate the unsnapped position so snapping never makes the handle lag the pointer.
  const ImGuiID raw_x = item + 1, raw_y = item + 2;
  // (in the axes' linear space, so a handle on a log axis follows the pointer too).
  const ViewTransform& view = g_plot.view;
  if (ImGui::IsItemActivated()) {
    const Vec2 linear = view.to_linear(*p);
    storage->SetFloat(raw_x, float(linear.x()));
    storage->SetFloat(raw_y, float(linear.y()));
    set_keyboard_selection(item);
  }
  // On the press's frame the pointer's motion is how it arrived on the handle, not a drag.
  if (active && !ImGui::IsItemActivated() && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
    const Vec2 linear(storage->GetFloat(raw_x) + io.MouseDelta.x / view.pixels_per_unit_x(),
                      storage->GetFloat(raw_y) - io.MouseDelta.y / view.pixels_per_unit_y());
    storage->SetFloat(raw_x, float(linear.x()));
    storage->SetFloat(raw_y, float(linear.y()));
    const Vec2 raw = view.from_linear(linear);
    *p = limited(io.KeyShift ? raw : snapped(raw, options.snap), options.limit);
  }
  // With keyboard focus and nothing picked yet, the first handle takes the arrow keys.
  if (g_options.keyboard_focus && keyboard_selection() == 0) set_keyboard_selection(item);
  const bool selected = keyboard_selection() == item;
  if (selected && g_options.keyboard_focus && !ImGui::IsAnyItemActive()) {
    const double step = io.KeyShift ? options.nudge / 10 : options.nudge;
    Vec2 d(0, 0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) d.x() -= step;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) d.x() += step;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) d.y() += step;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) d.y() -= step;
    if (d.x() != 0 || d.y() != 0) *p = limited(snapped(*p + d, step), options.limit);
  }
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const ImVec2 c = to_screen(*p);
  const float radius = t.handle_radius * (hovered || active ? 1.25f : 1.0f);
  ImDrawList* dl = g_plot.draw;
  if (selected && g_options.keyboard_focus) dl->AddCircle(c, radius + 5, t.text, 0, 2);
  dl->AddCircleFilled(c, radius + 2, t.handle_ring);
  dl->AddCircleFilled(c, radius, color);
  if (label)
    draw_halo_text(dl, ImGui::GetFont(), ImGui::GetFontSize(), {c.x + radius + 4, c.y - radius - ImGui::GetFontSize()},
                   color, t.background, label);
  return *p != before;
}

}  // namespace mml::plot
