#pragma once
// Perceptually uniform, colour-blind-safe colour maps for scalar fields (matplotlib's viridis and
// cividis), shared by the GLSL heatmap (as a 256-texel lookup texture), the poster rasterizer and
// colour bars, so every path paints the same colours.
#include <array>
#include <cstdint>

namespace mml::plot {

enum class ColorMap { Viridis, Cividis };

struct Rgb8 {
  std::uint8_t r, g, b;
};

// t in [0, 1] (clamped; NaN gives the low end).
Rgb8 colormap(ColorMap map, double t);
// 256 RGBA texels, t = i / 255.
std::array<std::uint8_t, 256 * 4> colormap_table(ColorMap map);

}  // namespace mml::plot
