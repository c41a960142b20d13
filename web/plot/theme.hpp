#pragma once
// One look for every figure, matching the page theme: background and ink follow the page's
// light or dark palette; data colours are the Okabe–Ito set (colour-blind safe).
#include <imgui.h>

namespace mml::plot {

struct Theme {
  bool dark = false;
  ImU32 background, panel, text, text_muted, grid, grid_strong, axis;
  ImU32 first, second, third;        // e₁'s image, e₂'s image, a third series
  ImU32 fourth, fifth;               // a fourth and fifth series or class (each with its dark variant)
  ImU32 positive_fill, negative_fill, positive_line, negative_line;  // orientation kept / flipped
  ImU32 collapsed;                    // det ≈ 0
  ImU32 handle_ring;
  float line_width = 1.5f;            // CSS pixels
  float arrow_width = 2.5f;
  float handle_radius = 7.0f;         // drawn size
  float handle_hit_radius = 16.0f;    // generous for touch
  float label_size = 0.85f;           // tick labels, relative to the font size

  // Series / class colour k (0: first … 4: fifth, wrapping).
  ImU32 series(int k) const;
};

// `c` with its opacity set to `alpha` (0 transparent … 255 opaque): fills, faded copies and
// translucent backdrops of a theme colour. Every figure and the toolkit use this one.
constexpr ImU32 with_alpha(ImU32 c, unsigned alpha) {
  return (c & ~IM_COL32_A_MASK) | ((alpha > 255 ? 255u : alpha) << IM_COL32_A_SHIFT);
}
// `c` with its opacity multiplied by k (0..1): fading a colour that may already be translucent.
ImU32 scale_alpha(ImU32 c, float k);

const Theme& light_theme();
const Theme& dark_theme();
const Theme& theme(bool dark);

// Applies the theme to ImGui's widget colours and metrics.
void apply_imgui_style(const Theme& theme, ImGuiStyle& style);

}  // namespace mml::plot
