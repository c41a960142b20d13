#pragma once
// The toolkit's 3D view, in the same grammar as 2D: begin_plot3d → items → end_plot3d.
// Drag on the background orbits the camera (arrow keys too, with focus); the wheel zooms when
// the page forwards it (after a click into the figure, or with Ctrl). Items are collected during
// the frame and drawn back to front at end_plot3d (painter's algorithm), so no depth buffer is
// needed and posters render the same picture.
#include <imgui.h>

#include <functional>
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
void surface(const std::function<double(double, double)>& f, int n, ColorMap map = ColorMap::Viridis,
             float opacity = 1);
void polyline3d(std::span<const Vec3> points, ImU32 color, float width = 2);
void point3d(const Vec3& p, ImU32 color, float radius = 4);
void segment3d(const Vec3& a, const Vec3& b, ImU32 color, float width = 1.5f);
void arrow3d(const Vec3& from, const Vec3& to, ImU32 color, const char* label = nullptr);
// The image of the unit cube under `m` (columns m·e₁, m·e₂, m·e₃), faces shaded and tinted by the
// orientation colours of the current theme.
void parallelepiped(const Eigen::Matrix3d& m, ImU32 fill, ImU32 line);
// The box's edges with tick labels on three of them.
void axis_box(const char* x_label = "x", const char* y_label = "y", const char* z_label = "z");

}  // namespace mml::plot
