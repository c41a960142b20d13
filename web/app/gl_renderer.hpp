#pragma once
// Draws ImGui draw data with WebGL2 (GLSL ES 3.00 shaders from shaders/, embedded at build time).
// One renderer per GL context: the page's canvases do not share GL objects. Scissor rectangles
// and the projection are in CSS pixels scaled by the draw data's framebuffer scale.
struct ImDrawData;

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
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int u_projection_ = -1, u_texture_ = -1;
  unsigned font_generation_ = 0;
  const char* error_ = "";
};

}  // namespace mml
