#include "web/plot/regions.hpp"

#include <algorithm>
#include <cmath>

#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

constexpr int kMaxSamples = 256;  // per side

// f sampled over the view, one sample every `cell` CSS pixels, as a field with the view's
// rectangle (NaN where f is not finite); the options' cache's samples while they still hold.
FieldDraw sample_view(FunctionRef<float(double, double)> f, const RegionOptions& options) {
  const ViewTransform& view = current_view();
  const ScreenRect& r = view.screen();
  const float step = std::max(options.cell, 1.0f);
  FieldDraw field;
  field.nx = std::clamp(int(std::ceil(r.w / step)) + 1, 2, kMaxSamples);
  field.ny = std::clamp(int(std::ceil(r.h / step)) + 1, 2, kMaxSamples);
  field.min = {float(r.x), float(r.y)};
  field.max = {float(r.x + r.w), float(r.y + r.h)};
  RegionCache* cache = options.cache;
  if (cache && cache_holds(cache->key, options.key,
                           {r.x, r.y, r.w, r.h, view.x().min, view.x().max, view.y().min, view.y().max,
                            double(field.nx), double(field.ny)})) {
    field.values = cache->values;
    return field;
  }
  field.values.resize(std::size_t(field.nx) * std::size_t(field.ny));
  for (int j = 0; j < field.ny; ++j)
    for (int i = 0; i < field.nx; ++i) {
      // Sample (i, j) sits at its share of the rectangle, bottom row first.
      const double sx = r.x + r.w * i / (field.nx - 1), sy = r.y + r.h * (1 - double(j) / (field.ny - 1));
      const Vec2 at = view.to_data({sx, sy});
      field.values[std::size_t(j) * std::size_t(field.nx) + std::size_t(i)] = f(at.x(), at.y());
    }
  if (cache) cache->values = field.values;
  return field;
}

void set_boundary(FieldDraw& field, const RegionOptions& options) {
  field.opacity = std::clamp(options.opacity, 0.0f, 1.0f);
  field.contour_color = options.boundary;
  field.contour_width = options.boundary_width;
  field.contour_step = (options.boundary & IM_COL32_A_MASK) ? 1 : 0;
}

}  // namespace

void class_regions(FunctionRef<int(double, double)> f, std::span<const ImU32> palette,
                   const RegionOptions& options) {
  FieldDraw field = sample_view([&](double x, double y) { return float(f(x, y)); }, options);
  field.style = FieldStyle::Classes;
  const Theme& t = current_theme();
  field.palette_size = palette.empty() ? 5 : std::min(int(palette.size()), kMaxFieldPalette);
  for (int k = 0; k < field.palette_size; ++k)
    field.palette[std::size_t(k)] = palette.empty() ? t.series(k) : palette[std::size_t(k)];
  set_boundary(field, options);
  field_item(std::move(field));
}

void probability_regions(FunctionRef<double(double, double)> p, ImU32 low, ImU32 high,
                         const RegionOptions& options) {
  FieldDraw field = sample_view(
      [&](double x, double y) {
        const double v = p(x, y);
        return std::isfinite(v) ? float(std::clamp(v, 0.0, 1.0)) : NAN;
      },
      options);
  field.style = FieldStyle::Probability;
  field.palette = {low, high};
  field.palette_size = 2;
  set_boundary(field, options);
  field.contour_base = 0.5f;  // the line p = ½
  field_item(std::move(field));
}

}  // namespace mml::plot
