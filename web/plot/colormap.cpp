#include "web/plot/colormap.hpp"

#include <algorithm>
#include <cmath>

namespace mml::plot {
namespace {

// Anchors from matplotlib's 256-entry tables (matplotlib 3.6.3, colormaps[name].colors[round(k·255/32)],
// k = 0..32); linear interpolation between them stays within 2/255 per channel of the full tables.
constexpr unsigned kViridis[33] = {
    0x440154, 0x470d60, 0x48186a, 0x482374, 0x472d7b, 0x453781, 0x424086, 0x3e4989, 0x3b528b,
    0x375b8d, 0x33638d, 0x2f6b8e, 0x2c728e, 0x297a8e, 0x26828e, 0x23898e, 0x21918c, 0x1f978b,
    0x1f9f88, 0x21a685, 0x27ad81, 0x31b57b, 0x3dbc74, 0x4cc26c, 0x5cc863, 0x6ece58, 0x81d34d,
    0x95d840, 0xaadc32, 0xc0df25, 0xd5e21a, 0xeae51a, 0xfde725};
constexpr unsigned kCividis[33] = {
    0x00224e, 0x00285b, 0x002e6a, 0x053371, 0x1a386f, 0x273e6e, 0x32436d, 0x3b496c, 0x434e6c,
    0x4b546c, 0x535a6d, 0x5a5f6e, 0x61656f, 0x686a71, 0x6f7073, 0x767676, 0x7d7c78, 0x838179,
    0x8b8778, 0x928d78, 0x9a9376, 0xa29975, 0xaaa073, 0xb3a670, 0xbbad6d, 0xc3b369, 0xccba64,
    0xd4c15f, 0xddc858, 0xe6d051, 0xefd748, 0xf8df3c, 0xfee838};

}  // namespace

Rgb8 colormap(ColorMap map, double t) {
  const unsigned* anchors = map == ColorMap::Cividis ? kCividis : kViridis;
  if (!(t > 0)) t = 0;  // NaN too
  t = std::min(t, 1.0) * 32;
  const int k = std::min(int(t), 31);
  const double f = t - k;
  auto channel = [&](int shift) {
    const double a = (anchors[k] >> shift) & 255, b = (anchors[k + 1] >> shift) & 255;
    return std::uint8_t(std::lround(a + (b - a) * f));
  };
  return {channel(16), channel(8), channel(0)};
}

std::array<std::uint8_t, 256 * 4> colormap_table(ColorMap map) {
  std::array<std::uint8_t, 256 * 4> out{};
  for (int i = 0; i < 256; ++i) {
    const Rgb8 c = colormap(map, i / 255.0);
    out[std::size_t(i) * 4 + 0] = c.r;
    out[std::size_t(i) * 4 + 1] = c.g;
    out[std::size_t(i) * 4 + 2] = c.b;
    out[std::size_t(i) * 4 + 3] = 255;
  }
  return out;
}

}  // namespace mml::plot
