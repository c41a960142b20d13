#include "web/app/fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "web/app/assets.hpp"

namespace mml {
namespace {

struct SharedFonts {
  std::unique_ptr<ImFontAtlas> atlas;
  float pixel_ratio = 0;
  unsigned generation = 0;
};

SharedFonts& fonts() {
  static SharedFonts shared;  // process-wide by design: one atlas for all figures on the page
  return shared;
}

// The subset baked in web/CMakeLists.txt (MML_FONT_UNICODES), as pairs of first and last code point.
const ImWchar kRanges[] = {
#include "font_ranges.inc"
    0};

}  // namespace

ImFontAtlas* shared_font_atlas(float pixel_ratio) {
  SharedFonts& s = fonts();
  // Rasterize at whole or half steps of the ratio so browser zoom does not rebuild constantly.
  const float ratio = std::clamp(std::round(pixel_ratio * 2) / 2, 1.0f, 4.0f);
  if (s.atlas && ratio == s.pixel_ratio) return s.atlas.get();
  if (!s.atlas) s.atlas = std::make_unique<ImFontAtlas>();
  s.atlas->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  s.atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(assets::font_sans), int(assets::font_sans_size),
                                kFontSize * ratio, &config, kRanges);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  s.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
  s.atlas->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(1)));  // renderers map 1 → their copy
  s.pixel_ratio = ratio;
  ++s.generation;
  return s.atlas.get();
}

unsigned shared_font_generation() { return fonts().generation; }
float shared_font_scale() { return fonts().pixel_ratio > 0 ? 1.0f / fonts().pixel_ratio : 1.0f; }

}  // namespace mml

#ifdef __EMSCRIPTEN__
// The web build links with --wrap=<ImFontAtlas::AddFontDefault> (web/CMakeLists.txt), which sends
// every call to this function instead. ImGui calls AddFontDefault only for an atlas without fonts,
// and every atlas here gets our font first, so it is never called; the wrap lets the linker drop
// ImGui's built-in ProggyClean font (12 KB of base85 text) from mml.wasm.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  __builtin_trap();
}
#endif
