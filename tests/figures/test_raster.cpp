// The poster rasterizer against known pictures: a filled rectangle lands on exactly its pixels
// with its colour, alpha blends as "over", clipping holds, and the PNG decodes (zlib) back to
// the same bytes.
#include <catch2/catch.hpp>
#include <imgui.h>
#include <zlib.h>

#include <cstring>

#include "web/app/raster.hpp"

using namespace mml;

namespace {

Image draw(void (*paint)(ImDrawList*), float scale = 1) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {40, 20};
  io.DisplayFramebufferScale = {scale, scale};
  unsigned char* atlas = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&atlas, &w, &h);
  ImGui::NewFrame();
  paint(ImGui::GetForegroundDrawList());
  ImGui::Render();
  Image image = rasterize(*ImGui::GetDrawData(), atlas, w, h, IM_COL32(255, 255, 255, 255));
  ImGui::DestroyContext(context);
  return image;
}

const std::uint8_t* pixel(const Image& image, int x, int y) {
  return &image.rgba[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4];
}

}  // namespace

TEST_CASE("rasterizer: rectangles fill their pixels, blend, and scale with the pixel ratio") {
  const Image image = draw([](ImDrawList* dl) {
    dl->AddRectFilled({10, 5}, {20, 15}, IM_COL32(255, 0, 0, 255));
    dl->AddRectFilled({30, 0}, {40, 20}, IM_COL32(0, 0, 255, 128));  // half-transparent blue
  });
  REQUIRE(image.width == 40);
  REQUIRE(image.height == 20);
  CHECK(pixel(image, 15, 10)[0] == 255);
  CHECK(pixel(image, 15, 10)[1] == 0);
  CHECK(pixel(image, 9, 10)[1] == 255);    // just outside: background
  CHECK(pixel(image, 10, 5)[1] == 0);      // first covered pixel
  CHECK(pixel(image, 20, 10)[1] == 255);   // right edge excluded
  // Over white, 128/255 blue: red and green 255·(1 − 0.502) ≈ 127.
  CHECK(int(pixel(image, 35, 10)[0]) == Approx(127).margin(1));
  CHECK(pixel(image, 35, 10)[2] == 255);

  const Image doubled = draw([](ImDrawList* dl) { dl->AddRectFilled({10, 5}, {20, 15}, IM_COL32(0, 0, 0, 255)); }, 2);
  CHECK(doubled.width == 80);
  CHECK(pixel(doubled, 39, 29)[0] == 0);
  CHECK(pixel(doubled, 41, 29)[0] == 255);
}

TEST_CASE("rasterizer: the PNG holds the image") {
  const Image image = draw([](ImDrawList* dl) { dl->AddRectFilled({0, 0}, {7, 3}, IM_COL32(10, 200, 30, 255)); });
  const auto png = encode_png(image);
  REQUIRE(png.size() > 57);
  CHECK(std::memcmp(png.data(), "\x89PNG\r\n\x1a\n", 8) == 0);
  // IHDR: width and height big-endian at bytes 16..23.
  CHECK(png[19] == 40);
  CHECK(png[23] == 20);
  // IDAT follows IHDR (8 + 25 bytes): inflate it and undo the Sub/Up filters.
  const std::size_t idat = 8 + 25;
  REQUIRE(std::memcmp(&png[idat + 4], "IDAT", 4) == 0);
  const std::size_t length = (std::size_t(png[idat]) << 24) | (std::size_t(png[idat + 1]) << 16) |
                             (std::size_t(png[idat + 2]) << 8) | png[idat + 3];
  std::vector<std::uint8_t> raw(20 * (40 * 3 + 1));
  uLongf raw_size = uLongf(raw.size());
  REQUIRE(uncompress(raw.data(), &raw_size, &png[idat + 8], uLong(length)) == Z_OK);
  REQUIRE(raw_size == raw.size());
  std::vector<std::uint8_t> previous(120, 0), row(120);
  for (int y = 0; y < 20; ++y) {
    const std::uint8_t* line = &raw[std::size_t(y) * 121];
    for (std::size_t i = 0; i < 120; ++i) {
      const std::uint8_t left = i >= 3 ? row[i - 3] : 0;
      row[i] = std::uint8_t(line[1 + i] + (line[0] == 1 ? left : line[0] == 2 ? previous[i] : 0));
    }
    for (int x = 0; x < 40; ++x)
      for (int k = 0; k < 3; ++k) REQUIRE(row[std::size_t(x * 3 + k)] == pixel(image, x, y)[k]);
    previous = row;
  }
  CHECK(pixel(image, 3, 1)[1] == 200);
}
