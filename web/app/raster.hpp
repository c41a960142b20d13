#pragma once
// A small software rasterizer for ImGui draw data, so figures render without a browser or GPU:
// posters (the image a figure shows before it mounts, when printed, and without WebGL2) are drawn
// natively at build time, and the headless tests can look at pixels.
#include <cstdint>
#include <string>
#include <vector>

struct ImDrawData;

namespace mml {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // row-major, 8-bit RGBA, not premultiplied
};

// Draws `data` (positions in CSS pixels, scaled by its FramebufferScale) over a background colour.
// `atlas` is the font texture in RGBA32 (ImFontAtlas::GetTexDataAsRGBA32).
Image rasterize(const ImDrawData& data, const std::uint8_t* atlas, int atlas_width, int atlas_height,
                std::uint32_t background_abgr);

// PNG bytes (8-bit RGB, zlib-compressed).
std::vector<std::uint8_t> encode_png(const Image& image);

class FigureHost;

// A figure as its poster shows it (mml-poster, the benchmark): settle_for_poster runs its frames
// until it has nothing more to draw (at most 30), rasterize_figure draws the last of them on the
// theme's background.
void settle_for_poster(FigureHost& host);
Image rasterize_figure(FigureHost& host, bool dark);

}  // namespace mml
