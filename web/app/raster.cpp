#include "web/app/raster.hpp"
#include "web/app/figure_host.hpp"
#include "web/plot/field.hpp"
#include "web/plot/theme.hpp"

#include <imgui.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace mml {
namespace {

struct Rgba {
  float r, g, b, a;
};

Rgba unpack(std::uint32_t c) {
  return {float(c & 255) / 255, float((c >> 8) & 255) / 255, float((c >> 16) & 255) / 255,
          float((c >> 24) & 255) / 255};
}

// Bilinear lookup in the font atlas (clamped), as the GL renderer's GL_LINEAR sampler does.
Rgba sample(const std::uint8_t* tex, int w, int h, float u, float v) {
  const float x = u * float(w) - 0.5f, y = v * float(h) - 0.5f;
  const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
  const float fx = x - float(x0), fy = y - float(y0);
  Rgba out{0, 0, 0, 0};
  for (int dy = 0; dy < 2; ++dy)
    for (int dx = 0; dx < 2; ++dx) {
      const int px = std::clamp(x0 + dx, 0, w - 1), py = std::clamp(y0 + dy, 0, h - 1);
      const std::uint8_t* t = tex + (std::size_t(py) * std::size_t(w) + std::size_t(px)) * 4;
      const float k = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
      out.r += k * float(t[0]) / 255;
      out.g += k * float(t[1]) / 255;
      out.b += k * float(t[2]) / 255;
      out.a += k * float(t[3]) / 255;
    }
  return out;
}

struct Target {
  Image* image;
  std::vector<float> rgb;  // linear blending in 0..1, converted at the end
};

void triangle(Target& target, const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c,
              float scale, const ImVec4& clip, const std::uint8_t* tex, int tw, int th) {
  const Image& img = *target.image;
  const float ax = a.pos.x * scale, ay = a.pos.y * scale, bx = b.pos.x * scale, by = b.pos.y * scale;
  const float cx = c.pos.x * scale, cy = c.pos.y * scale;
  const float area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  if (std::abs(area) < 1e-8f) return;
  const int x0 = std::max({int(std::floor(std::min({ax, bx, cx}))), int(clip.x), 0});
  const int x1 = std::min({int(std::ceil(std::max({ax, bx, cx}))), int(std::ceil(clip.z)), img.width});
  const int y0 = std::max({int(std::floor(std::min({ay, by, cy}))), int(clip.y), 0});
  const int y1 = std::min({int(std::ceil(std::max({ay, by, cy}))), int(std::ceil(clip.w)), img.height});
  const Rgba ca = unpack(a.col), cb = unpack(b.col), cc = unpack(c.col);
  // One texel for the whole triangle when its UVs agree (every untextured shape uses the white pixel).
  const bool flat_uv = a.uv.x == b.uv.x && a.uv.x == c.uv.x && a.uv.y == b.uv.y && a.uv.y == c.uv.y;
  const Rgba flat_texel = sample(tex, tw, th, a.uv.x, a.uv.y);
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const float px = float(x) + 0.5f, py = float(y) + 0.5f;
      float w0 = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area;
      float w1 = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area;
      float w2 = 1 - w0 - w1;
      // Top-left-ish rule: include edges once (small epsilon keeps shared edges gap-free).
      if (w0 < -1e-6f || w1 < -1e-6f || w2 < -1e-6f) continue;
      const Rgba t = flat_uv ? flat_texel
                             : sample(tex, tw, th, w0 * a.uv.x + w1 * b.uv.x + w2 * c.uv.x,
                                      w0 * a.uv.y + w1 * b.uv.y + w2 * c.uv.y);
      const float r = (w0 * ca.r + w1 * cb.r + w2 * cc.r) * t.r;
      const float g = (w0 * ca.g + w1 * cb.g + w2 * cc.g) * t.g;
      const float bl = (w0 * ca.b + w1 * cb.b + w2 * cc.b) * t.b;
      const float al = (w0 * ca.a + w1 * cb.a + w2 * cc.a) * t.a;
      if (al <= 0) continue;
      float* dst = &target.rgb[(std::size_t(y) * std::size_t(img.width) + std::size_t(x)) * 3];
      dst[0] = r * al + dst[0] * (1 - al);
      dst[1] = g * al + dst[1] * (1 - al);
      dst[2] = bl * al + dst[2] * (1 - al);
    }
  }
}

// A field (a heatmap, decision regions): the field shader's arithmetic, pixel by pixel.
void paint_field(Target& target, const plot::FieldDraw& f, float scale, const ImVec4& clip) {
  const Image& img = *target.image;
  const float x0 = f.min.x * scale, y0 = f.min.y * scale, x1 = f.max.x * scale, y1 = f.max.y * scale;
  if (!(x1 > x0) || !(y1 > y0)) return;
  const int px0 = std::max({int(std::floor(x0)), int(clip.x), 0});
  const int px1 = std::min({int(std::ceil(x1)), int(std::ceil(clip.z)), img.width});
  const int py0 = std::max({int(std::floor(y0)), int(clip.y), 0});
  const int py1 = std::min({int(std::ceil(y1)), int(std::ceil(clip.w)), img.height});
  const float du = 1 / (x1 - x0), dv = -1 / (y1 - y0);  // one device pixel right, one down
  for (int y = py0; y < py1; ++y)
    for (int x = px0; x < px1; ++x) {
      const float u = (float(x) + 0.5f - x0) / (x1 - x0), v = 1 - (float(y) + 0.5f - y0) / (y1 - y0);
      float rgba[4];
      if (!plot::field_pixel(f, u, v, du, dv, scale, rgba)) continue;
      float* dst = &target.rgb[(std::size_t(y) * std::size_t(img.width) + std::size_t(x)) * 3];
      for (int k = 0; k < 3; ++k) dst[k] = rgba[k] * rgba[3] + dst[k] * (1 - rgba[3]);
    }
}

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(std::uint8_t(v >> s));
}

void chunk(std::vector<std::uint8_t>& out, const char* type, const std::vector<std::uint8_t>& data) {
  put32(out, std::uint32_t(data.size()));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  put32(out, std::uint32_t(crc32(0, out.data() + start, uInt(out.size() - start))));
}

}  // namespace

Image rasterize(const ImDrawData& data, const std::uint8_t* atlas, int atlas_width, int atlas_height,
                std::uint32_t background_abgr) {
  const float scale = data.FramebufferScale.x;
  Image image;
  image.width = std::max(1, int(std::lround(data.DisplaySize.x * scale)));
  image.height = std::max(1, int(std::lround(data.DisplaySize.y * scale)));
  Target target{&image, {}};
  const Rgba bg = unpack(background_abgr);
  target.rgb.resize(std::size_t(image.width) * std::size_t(image.height) * 3);
  for (std::size_t i = 0; i < target.rgb.size(); i += 3) {
    target.rgb[i] = bg.r;
    target.rgb[i + 1] = bg.g;
    target.rgb[i + 2] = bg.b;
  }
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList* list = data.CmdLists[n];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      const ImVec4 clip(cmd.ClipRect.x * scale, cmd.ClipRect.y * scale, cmd.ClipRect.z * scale,
                        cmd.ClipRect.w * scale);
      if (cmd.UserCallback == plot::field_callback) {
        paint_field(target, *static_cast<const plot::FieldDraw*>(cmd.UserCallbackData), scale, clip);
        continue;
      }
      if (cmd.UserCallback) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset + i;
        const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
        triangle(target, v[idx[0]], v[idx[1]], v[idx[2]], scale, clip, atlas, atlas_width, atlas_height);
      }
    }
  }
  image.rgba.resize(std::size_t(image.width) * std::size_t(image.height) * 4);
  for (std::size_t p = 0, q = 0; p < target.rgb.size(); p += 3, q += 4) {
    for (int k = 0; k < 3; ++k)
      image.rgba[q + std::size_t(k)] = std::uint8_t(std::lround(std::clamp(target.rgb[p + std::size_t(k)], 0.f, 1.f) * 255));
    image.rgba[q + 3] = 255;
  }
  return image;
}

std::vector<std::uint8_t> encode_png(const Image& image) {
  // Each row filtered with whichever of PNG's Sub and Up filters leaves smaller residuals (the
  // usual heuristic): flat backgrounds and grid lines then compress to almost nothing.
  const std::size_t stride = std::size_t(image.width) * 3;
  std::vector<std::uint8_t> raw, rgb(stride), previous(stride, 0), sub(stride), up(stride);
  raw.reserve(std::size_t(image.height) * (stride + 1));
  for (int y = 0; y < image.height; ++y) {
    const std::uint8_t* row = image.rgba.data() + std::size_t(y) * std::size_t(image.width) * 4;
    for (int x = 0; x < image.width; ++x)
      for (int k = 0; k < 3; ++k) rgb[std::size_t(x) * 3 + std::size_t(k)] = row[x * 4 + k];
    unsigned long cost_sub = 0, cost_up = 0;
    for (std::size_t i = 0; i < stride; ++i) {
      sub[i] = std::uint8_t(rgb[i] - (i >= 3 ? rgb[i - 3] : 0));
      up[i] = std::uint8_t(rgb[i] - previous[i]);
      cost_sub += std::min<unsigned>(sub[i], 256u - sub[i]);
      cost_up += std::min<unsigned>(up[i], 256u - up[i]);
    }
    const bool use_up = cost_up < cost_sub;
    raw.push_back(use_up ? 2 : 1);
    raw.insert(raw.end(), (use_up ? up : sub).begin(), (use_up ? up : sub).end());
    previous = rgb;
  }
  uLongf packed_size = compressBound(uLong(raw.size()));
  std::vector<std::uint8_t> packed(packed_size);
  compress2(packed.data(), &packed_size, raw.data(), uLong(raw.size()), 9);
  packed.resize(packed_size);

  std::vector<std::uint8_t> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  std::vector<std::uint8_t> header;
  put32(header, std::uint32_t(image.width));
  put32(header, std::uint32_t(image.height));
  header.insert(header.end(), {8, 2, 0, 0, 0});  // 8-bit RGB, deflate, no filter set, no interlace
  chunk(out, "IHDR", header);
  chunk(out, "IDAT", packed);
  chunk(out, "IEND", {});
  return out;
}

void settle_for_poster(FigureHost& host) {
  double time = 0;
  for (int frame = 0; frame < 30 && host.needs_frame(); ++frame) host.frame(time += 1.0 / 60);
}

Image rasterize_figure(FigureHost& host, bool dark) {
  unsigned char* atlas = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&atlas, &width, &height);
  return rasterize(*host.draw_data(), atlas, width, height, plot::theme(dark).background);
}

}  // namespace mml
