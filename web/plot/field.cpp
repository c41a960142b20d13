#include "web/plot/field.hpp"

#include <algorithm>
#include <cmath>

namespace mml::plot {

void field_callback(const ImDrawList*, const ImDrawCmd*) {}

float field_value(const FieldDraw& f, float u, float v) {
  if (f.nx < 1 || f.ny < 1) return NAN;
  const float px = std::clamp(u, 0.f, 1.f) * float(f.nx - 1), py = std::clamp(v, 0.f, 1.f) * float(f.ny - 1);
  const int i0 = std::min(int(px), std::max(f.nx - 2, 0)), j0 = std::min(int(py), std::max(f.ny - 2, 0));
  const int i1 = std::min(i0 + 1, f.nx - 1), j1 = std::min(j0 + 1, f.ny - 1);
  const float fx = px - float(i0), fy = py - float(j0);
  auto at = [&](int i, int j) { return f.values[std::size_t(j) * std::size_t(f.nx) + std::size_t(i)]; };
  const float bottom = at(i0, j0) + (at(i1, j0) - at(i0, j0)) * fx;
  const float top = at(i0, j1) + (at(i1, j1) - at(i0, j1)) * fx;
  return bottom + (top - bottom) * fy;
}

float contour_coverage(const FieldDraw& f, float value, float per_pixel, float pixel_ratio) {
  if (!(f.contour_step > 0) || !std::isfinite(value)) return 0;
  const float k = (value - f.contour_base) / f.contour_step;
  const float rate = std::max(per_pixel / f.contour_step, 1e-6f);
  const float distance = std::abs(k - std::round(k)) / rate;  // device pixels to the nearest line
  const float half = 0.5f * f.contour_width * pixel_ratio;
  return 1 - std::clamp((distance - (half - 0.5f)), 0.f, 1.f);
}

void shade_field(const FieldDraw& f, float value, float line, float rgba[4]) {
  const float span = f.hi - f.lo;
  const float t = span > 0 ? std::clamp((value - f.lo) / span, 0.f, 1.f) : 0.f;
  const Rgb8 c = colormap(f.map, t);
  const ImVec4 lc = ImGui::ColorConvertU32ToFloat4(f.contour_color);
  const float k = line * lc.w;
  rgba[0] = float(c.r) / 255 * (1 - k) + lc.x * k;
  rgba[1] = float(c.g) / 255 * (1 - k) + lc.y * k;
  rgba[2] = float(c.b) / 255 * (1 - k) + lc.z * k;
  rgba[3] = f.opacity;
}

}  // namespace mml::plot
