#pragma once
// Scalar fields on screen. plot::heatmap records a FieldDraw for the frame and adds a draw-list
// callback tagged with field_callback; the WebGL2 renderer paints it with shaders/field.frag
// (values as a float texture, colour map lookup, contour lines by screen-space derivatives) and
// the poster rasterizer paints it with shade_field below, the same arithmetic on the CPU.
#include <imgui.h>

#include <cstdint>
#include <deque>
#include <vector>

#include "web/plot/colormap.hpp"

namespace mml::plot {

struct FieldDraw {
  ImVec2 min, max;             // screen rectangle of the grid's extent (CSS pixels)
  int nx = 0, ny = 0;          // samples along x and y
  std::vector<float> values;   // values[j * nx + i]: i along x (left→right), j along y (bottom→top)
  float lo = 0, hi = 1;        // the colour map spans [lo, hi]
  ColorMap map = ColorMap::Viridis;
  float contour_step = 0;      // value spacing of contour lines (0: none)
  float contour_base = 0;      // a contour passes through this value
  float contour_width = 1.2f;  // CSS pixels
  ImU32 contour_color = IM_COL32(255, 255, 255, 160);
  float opacity = 1;
  std::uint64_t hash = 0;      // of nx, ny and values: renderers re-upload only when it changes
};

// The frame's fields, owned by the figure host; cleared at the start of each frame.
using FieldStore = std::deque<FieldDraw>;

// Draw-list callback tag (it does nothing itself: renderers recognise it).
void field_callback(const ImDrawList*, const ImDrawCmd*);

// Bilinear value at (u, v) ∈ [0, 1]² of the grid (v = 0 is the bottom row); NaN if a corner is.
float field_value(const FieldDraw& field, float u, float v);
// Colour of a value (alpha = opacity); `line` ∈ [0, 1] blends in the contour colour.
void shade_field(const FieldDraw& field, float value, float line, float rgba[4]);
// Contour-line coverage for a value whose screen-space rate of change is `per_pixel` (|∂v/∂x|+|∂v/∂y|).
float contour_coverage(const FieldDraw& field, float value, float per_pixel, float pixel_ratio);

}  // namespace mml::plot
