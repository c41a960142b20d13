#include "web/plot/field.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mml::plot {
namespace {

ImVec4 palette_color(const FieldDraw& f, float k) {
  if (f.palette_size < 1) return {0, 0, 0, 0};
  const int i = int(std::fmod(std::abs(k), float(f.palette_size)));
  return ImGui::ColorConvertU32ToFloat4(f.palette[std::size_t(std::clamp(i, 0, f.palette_size - 1))]);
}

// `line` (alpha line_alpha) over the region colour (alpha region_alpha), not premultiplied.
void line_over(const ImVec4& line, float line_alpha, const float region[3], float region_alpha, float rgba[4]) {
  const float under = region_alpha * (1 - line_alpha);
  const float a = line_alpha + under;
  rgba[3] = a;
  if (!(a > 0)) {
    rgba[0] = rgba[1] = rgba[2] = 0;
    return;
  }
  rgba[0] = (line.x * line_alpha + region[0] * under) / a;
  rgba[1] = (line.y * line_alpha + region[1] * under) / a;
  rgba[2] = (line.z * line_alpha + region[2] * under) / a;
}

}  // namespace

void field_callback(const ImDrawList*, const ImDrawCmd*) {}

std::uint64_t field_hash(int nx, int ny, const std::vector<float>& values) {
  std::uint64_t hash = 1469598103934665603ull ^ std::uint64_t(nx * 131 + ny);
  for (const float value : values) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    hash = (hash ^ bits) * 1099511628211ull;
  }
  return hash;
}

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

ClassBlend class_blend(const FieldDraw& f, float u, float v) {
  if (f.nx < 1 || f.ny < 1) return {NAN, NAN, 0};
  const float px = std::clamp(u, 0.f, 1.f) * float(f.nx - 1), py = std::clamp(v, 0.f, 1.f) * float(f.ny - 1);
  const int i0 = std::min(int(px), std::max(f.nx - 2, 0)), j0 = std::min(int(py), std::max(f.ny - 2, 0));
  const int i1 = std::min(i0 + 1, f.nx - 1), j1 = std::min(j0 + 1, f.ny - 1);
  const float fx = px - float(i0), fy = py - float(j0);
  auto at = [&](int i, int j) { return f.values[std::size_t(j) * std::size_t(f.nx) + std::size_t(i)]; };
  const float k[4] = {at(i0, j0), at(i1, j0), at(i0, j1), at(i1, j1)};
  const float w[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
  float sum[4] = {};
  for (int a = 0; a < 4; ++a)
    for (int b = 0; b < 4; ++b)
      if (k[b] == k[a]) sum[a] += w[b];  // NaN corners match nothing and get nothing
  ClassBlend out{NAN, NAN, 0};
  float best = -1, second = 0;
  for (int a = 0; a < 4; ++a)
    if (std::isfinite(k[a]) && sum[a] > best) best = sum[a], out.best = k[a];
  if (best < 0) return out;
  out.second = out.best;
  for (int a = 0; a < 4; ++a)
    if (std::isfinite(k[a]) && k[a] != out.best && sum[a] > second) second = sum[a], out.second = k[a];
  out.margin = best - second;
  return out;
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

bool field_pixel(const FieldDraw& f, float u, float v, float du, float dv, float pixel_ratio, float rgba[4]) {
  const ImVec4 line = ImGui::ColorConvertU32ToFloat4(f.contour_color);
  if (f.style == FieldStyle::Classes) {
    const ClassBlend c = class_blend(f, u, v);
    if (!std::isfinite(c.best)) return false;
    const float rate = std::abs(class_blend(f, u + du, v).margin - c.margin) + std::abs(class_blend(f, u, v + dv).margin - c.margin);
    const float distance = c.margin / std::max(rate, 1e-6f);  // device pixels to the boundary
    // Antialiased: half the runner-up's colour on the boundary, none a pixel into the region.
    const float t = std::clamp(0.5f - distance, 0.f, 0.5f);
    const ImVec4 a = palette_color(f, c.best), b = palette_color(f, c.second);
    const float region[3] = {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
    const float half = 0.5f * f.contour_width * pixel_ratio;
    const float coverage = f.contour_step > 0 ? 1 - std::clamp(distance - (half - 0.5f), 0.f, 1.f) : 0;
    line_over(line, coverage * line.w, region, (a.w + (b.w - a.w) * t) * f.opacity, rgba);
    return true;
  }
  const float value = field_value(f, u, v);
  if (!std::isfinite(value)) return false;
  const float rate = std::abs(field_value(f, u + du, v) - value) + std::abs(field_value(f, u, v + dv) - value);
  const float coverage = contour_coverage(f, value, rate, pixel_ratio);
  if (f.style == FieldStyle::Probability) {
    const float s = std::clamp(2 * value - 1, -1.f, 1.f);
    const ImVec4 c = palette_color(f, s >= 0 ? 1 : 0);
    const float region[3] = {c.x, c.y, c.z};
    line_over(line, coverage * line.w, region, std::abs(s) * c.w * f.opacity, rgba);
    return true;
  }
  shade_field(f, value, coverage, rgba);
  return true;
}

}  // namespace mml::plot
