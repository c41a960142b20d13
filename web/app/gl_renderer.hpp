#pragma once
// Draws ImGui draw data with WebGL2 (GLSL ES 3.00 shaders from shaders/, embedded at build time).
// One renderer per GL context: the page's canvases do not share GL objects. Scissor rectangles
// and the projection are in CSS pixels scaled by the draw data's framebuffer scale.
#include <cstdint>
#include <vector>

struct ImDrawData;
namespace mml::plot {
struct FieldDraw;
}

namespace mml {

class GlRenderer {
 public:
  GlRenderer() = default;
  GlRenderer(const GlRenderer&) = delete;
  GlRenderer& operator=(const GlRenderer&) = delete;
  ~GlRenderer() { release(); }

  // Creates programs and buffers in the current GL context; false (with `error()`) on failure.
  bool init();
  // Deletes GL objects; pass `context_alive = false` when the context is already gone.
  void release(bool context_alive = true);
  void render(ImDrawData* data, const float clear_color[4]);
  const char* error() const { return error_; }

 private:
  void draw_field(const plot::FieldDraw& field, std::size_t slot, const float projection[16], float scale);
  void restore_state(const float projection[16]);

  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int u_projection_ = -1, u_texture_ = -1;
  // Scalar fields: their program, one colour-map texture per map, a value texture per slot.
  unsigned field_program_ = 0, field_vao_ = 0, colormap_textures_[2] = {0, 0};
  int uf_projection_ = -1, uf_rect_ = -1, uf_values_ = -1, uf_colormap_ = -1, uf_range_ = -1,
      uf_contour_ = -1, uf_contour_color_ = -1, uf_opacity_ = -1, uf_style_ = -1, uf_palette_ = -1,
      uf_palette_size_ = -1;
  struct FieldTexture {
    unsigned texture = 0;
    std::uint64_t hash = 0;
  };
  std::vector<FieldTexture> field_textures_;
  unsigned font_generation_ = 0;
  const char* error_ = "";
};

}  // namespace mml
