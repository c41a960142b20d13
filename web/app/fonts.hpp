#pragma once
// One font atlas shared by every figure's ImGui context. Glyphs are rasterized at the device
// pixel ratio so text is crisp; the figures lay out in CSS pixels.
struct ImFontAtlas;

namespace mml {

// The shared atlas, (re)built for `pixel_ratio` when it changes. `generation()` moves on each
// rebuild so every renderer re-uploads the texture.
ImFontAtlas* shared_font_atlas(float pixel_ratio);
unsigned shared_font_generation();
float shared_font_scale();  // 1 / pixel_ratio: ImGui's FontGlobalScale for CSS-pixel layout

// Text sizes in CSS pixels.
inline constexpr float kFontSize = 15.0f;

}  // namespace mml
