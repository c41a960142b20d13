#pragma once
// Scalar fields on screen. plot::heatmap and the region verbs (web/plot/regions.hpp) record a
// FieldDraw for the frame and add a draw-list callback tagged with field_callback; the WebGL2
// renderer paints it with shaders/field.frag (values as a float texture, colour map or palette
// lookup, lines by screen-space derivatives) and the poster rasterizer paints it with field_pixel
// below, the same arithmetic on the CPU.
#include <imgui.h>

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "web/plot/colormap.hpp"

namespace mml::plot {

// How a field's values become colours (shaders/field.frag's u_style: the same numbers).
enum class FieldStyle : int {
  ColorMap = 0,     // a colour map over [lo, hi]; contour lines every contour_step
  Classes = 1,      // a class index: palette[|k| mod size]; contour_step > 0 draws the boundaries
  Probability = 2,  // p ∈ [0, 1]: palette[0] towards 0, palette[1] towards 1, fading out at ½;
                    // contour_step 1, base ½ draws the boundary p = ½
};
inline constexpr int kMaxFieldPalette = 8;

struct FieldDraw {
  ImVec2 min, max;             // screen rectangle of the grid's extent (CSS pixels)
  int nx = 0, ny = 0;          // samples along x and y
  std::vector<float> values;   // values[j * nx + i]: i along x (left→right), j along y (bottom→top)
  FieldStyle style = FieldStyle::ColorMap;
  float lo = 0, hi = 1;        // the colour map spans [lo, hi]
  ColorMap map = ColorMap::Viridis;
  std::array<ImU32, kMaxFieldPalette> palette{};  // Classes and Probability
  int palette_size = 0;
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

// FNV-1a over the grid's size and samples: what FieldDraw::hash holds.
std::uint64_t field_hash(int nx, int ny, const std::vector<float>& values);

// Bilinear value at (u, v) ∈ [0, 1]² of the grid (v = 0 is the bottom row); NaN if a corner is.
float field_value(const FieldDraw& field, float u, float v);
// Colour of a value (alpha = opacity); `line` ∈ [0, 1] blends in the contour colour.
void shade_field(const FieldDraw& field, float value, float line, float rgba[4]);
// Contour-line coverage for a value whose screen-space rate of change is `per_pixel` (|∂v/∂x|+|∂v/∂y|).
float contour_coverage(const FieldDraw& field, float value, float per_pixel, float pixel_ratio);

// Classes at (u, v): the four surrounding samples' bilinear weights summed per class; the class
// with the most weight wins, and `margin` is its lead over the runner-up (0 on a boundary, so
// boundaries run smoothly through cells instead of along them). best is NaN where every corner is.
struct ClassBlend {
  float best = 0, second = 0;  // class indices (second = best when all corners agree)
  float margin = 0;            // in [0, 1]
};
ClassBlend class_blend(const FieldDraw& field, float u, float v);

// The colour of device pixel (u, v), with (du, dv) the step in uv to its right and lower
// neighbours, in any style: false where the field is transparent (NaN).
bool field_pixel(const FieldDraw& field, float u, float v, float du, float dv, float pixel_ratio, float rgba[4]);

}  // namespace mml::plot
