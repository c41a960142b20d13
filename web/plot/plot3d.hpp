#pragma once
// The toolkit's 3D view, in the same grammar as 2D: begin_plot3d → items → end_plot3d.
// Drag on the background orbits the camera; the wheel zooms when the page forwards it (after a
// click into the figure, or with Ctrl). Handles (drag_point3d) submitted inside the plot take the
// pointer before the background does. Items are collected during the frame and drawn back to front
// at end_plot3d (painter's algorithm), so no depth buffer is needed and posters render the same
// picture.
#include <imgui.h>

#include "core/function_ref.hpp"
#include <span>

#include "web/plot/colormap.hpp"
#include "web/plot/view3d.hpp"

namespace mml::plot {

// `camera` is the figure's (so it survives frames and can live in parameters).
bool begin_plot3d(const char* id, ImVec2 size, const Box3& box, OrbitCamera* camera);
const View3& current_view3d();
void end_plot3d();

// z = f(x, y) over the box's x and y ranges on an n × n grid, coloured by z through `map` over
// the box's z range and lit from the eye's side. Values outside the box are clamped to it.
void surface(FunctionRef<double(double, double)> f, int n, ColorMap map = ColorMap::Viridis,
             float opacity = 1);
void polyline3d(std::span<const Vec3> points, ImU32 color, float width = 2);
void point3d(const Vec3& p, ImU32 color, float radius = 4);
// An optimizer's path in 3D, as trail() in 2D: the joins, and a dot at the current (last) point.
// It ends where the path first leaves the box's x and y ranges (a run that flies off the map
// stops at the edge); heights are clamped to the box's z range, as surface() clamps its values.
void trail3d(std::span<const Vec3> path, ImU32 color, float width = 2.5f, float current = 4.5f);
void segment3d(const Vec3& a, const Vec3& b, ImU32 color, float width = 1.5f);
void arrow3d(const Vec3& from, const Vec3& to, ImU32 color, const char* label = nullptr);
// The image of the unit cube under `m` (columns m·e₁, m·e₂, m·e₃), faces shaded and tinted by the
// orientation colours of the current theme.
void parallelepiped(const Eigen::Matrix3d& m, ImU32 fill, ImU32 line);
// The box's edges with tick labels on three of them.
void axis_box(const char* x_label = "x", const char* y_label = "y", const char* z_label = "z");
// Text centred at a data point; `on_top` draws it after every other item (readouts that must stay
// legible), otherwise it is sorted by depth like the rest. A `backdrop` colour puts a rounded
// plate behind it.
void text3d(const Vec3& at, const char* text, ImU32 color, bool on_top = true, ImU32 backdrop = 0);
// The screen position of a data point in the current 3D plot.
ImVec2 to_screen3d(const Vec3& p);

struct DragOptions3 {
  double snap = 0.1;    // snap the moved coordinate to multiples of this (0: free); Shift disables
  double limit = 1e9;   // keep |x|, |y|, |z| ≤ limit
  bool focus_ring = false;  // draw the keyboard-selection ring around the handle
};
// A handle at `p` the reader drags along one coordinate axis at a time: the axis whose on-screen
// direction best matches the first few pixels of the drag is kept until release, so every drag
// changes exactly one coordinate. `drag_axis` (optional) receives that axis (0, 1, 2) while
// dragging and −1 otherwise. Returns true when `p` changed.
bool drag_point3d(const char* id, Vec3* p, ImU32 color, int* drag_axis = nullptr, const DragOptions3& options = {});

}  // namespace mml::plot
