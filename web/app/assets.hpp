#pragma once
// Files compiled into the binary by mml_embed (web/embed.cmake). Each array ends with a NUL.
#include <cstddef>

namespace mml::assets {
extern const unsigned char font_sans[];  // DejaVu Sans subset (TrueType)
extern const std::size_t font_sans_size;
extern const unsigned char shader_imgui_vert[];  // GLSL ES 3.00
extern const std::size_t shader_imgui_vert_size;
extern const unsigned char shader_imgui_frag[];
extern const std::size_t shader_imgui_frag_size;
extern const unsigned char shader_field_vert[];  // scalar fields: heatmap + contour lines
extern const std::size_t shader_field_vert_size;
extern const unsigned char shader_field_frag[];
extern const std::size_t shader_field_frag_size;
}  // namespace mml::assets
