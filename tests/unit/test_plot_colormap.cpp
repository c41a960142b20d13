// Colour maps against matplotlib's own tables (matplotlib 3.6.3 from Debian's python3-matplotlib:
// round(255 · colormaps[name].colors[i]) for i = 0, 64, 128, 191, 255, at t = i / 255).
#include <catch2/catch.hpp>

#include <cmath>

#include "web/plot/colormap.hpp"

using namespace mml::plot;

namespace {
void check(ColorMap map, int i, int r, int g, int b) {
  const Rgb8 c = colormap(map, i / 255.0);
  CAPTURE(i);
  CHECK(std::abs(c.r - r) <= 2);
  CHECK(std::abs(c.g - g) <= 2);
  CHECK(std::abs(c.b - b) <= 2);
}
}  // namespace

TEST_CASE("viridis and cividis match matplotlib") {
  check(ColorMap::Viridis, 0, 68, 1, 84);
  check(ColorMap::Viridis, 64, 59, 82, 139);
  check(ColorMap::Viridis, 128, 33, 145, 140);
  check(ColorMap::Viridis, 191, 92, 200, 99);
  check(ColorMap::Viridis, 255, 253, 231, 37);
  check(ColorMap::Cividis, 0, 0, 34, 78);
  check(ColorMap::Cividis, 64, 67, 78, 108);
  check(ColorMap::Cividis, 128, 125, 124, 120);
  check(ColorMap::Cividis, 191, 187, 173, 109);
  check(ColorMap::Cividis, 255, 254, 232, 56);
}

TEST_CASE("colour maps clamp, survive NaN, and brighten monotonically") {
  CHECK(colormap(ColorMap::Viridis, -1).r == 68);
  CHECK(colormap(ColorMap::Viridis, 7).b == 37);
  CHECK(colormap(ColorMap::Viridis, NAN).g == 1);
  const auto table = colormap_table(ColorMap::Cividis);
  double previous = -1;
  for (int i = 0; i < 256; ++i) {
    // Relative luminance (Rec. 709 weights) rises along the map: darker means lower values.
    const double y = 0.2126 * table[i * 4] + 0.7152 * table[i * 4 + 1] + 0.0722 * table[i * 4 + 2];
    CHECK(y >= previous - 0.5);
    previous = y;
    CHECK(table[i * 4 + 3] == 255);
  }
}
