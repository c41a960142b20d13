#include "web/app/gl_renderer.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>

#include "web/app/assets.hpp"
#include "web/app/fonts.hpp"
#include "web/plot/field.hpp"

namespace mml {
namespace {

GLuint compile(GLenum type, const unsigned char* source) {
  const GLuint shader = glCreateShader(type);
  const char* text = reinterpret_cast<const char*>(source);
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

// Vertex attributes starting at vertex `first`: 16-bit indices reach past 65535 vertices this way
// (WebGL2 has no base-vertex draw call).
void point_attributes(unsigned first) {
  const std::uintptr_t base = std::uintptr_t(first) * sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + IM_OFFSETOF(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + IM_OFFSETOF(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                        reinterpret_cast<void*>(base + IM_OFFSETOF(ImDrawVert, col)));
}

// Compiles and links a program; 0 when either stage fails.
GLuint link(const unsigned char* vertex, const unsigned char* fragment) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment);
  GLuint program = 0;
  if (vs && fs) {
    program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
      glDeleteProgram(program);
      program = 0;
    }
  }
  if (vs) glDeleteShader(vs);
  if (fs) glDeleteShader(fs);
  return program;
}

}  // namespace

bool GlRenderer::init() {
  program_ = link(assets::shader_imgui_vert, assets::shader_imgui_frag);
  field_program_ = link(assets::shader_field_vert, assets::shader_field_frag);
  if (!program_ || !field_program_) {
    error_ = "the figure's shaders did not compile";
    release();
    return false;
  }
  uf_projection_ = glGetUniformLocation(field_program_, "u_projection");
  uf_rect_ = glGetUniformLocation(field_program_, "u_rect");
  uf_values_ = glGetUniformLocation(field_program_, "u_values");
  uf_colormap_ = glGetUniformLocation(field_program_, "u_colormap");
  uf_range_ = glGetUniformLocation(field_program_, "u_range");
  uf_contour_ = glGetUniformLocation(field_program_, "u_contour");
  uf_contour_color_ = glGetUniformLocation(field_program_, "u_contour_color");
  uf_opacity_ = glGetUniformLocation(field_program_, "u_opacity");
  uf_style_ = glGetUniformLocation(field_program_, "u_style");
  uf_palette_ = glGetUniformLocation(field_program_, "u_palette");
  uf_palette_size_ = glGetUniformLocation(field_program_, "u_palette_size");
  glGenVertexArrays(1, &field_vao_);  // empty: the field's quad comes from gl_VertexID
  for (int m = 0; m < 2; ++m) {
    const auto table = plot::colormap_table(m == 0 ? plot::ColorMap::Viridis : plot::ColorMap::Cividis);
    glGenTextures(1, &colormap_textures_[m]);
    glBindTexture(GL_TEXTURE_2D, colormap_textures_[m]);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, table.data());
  }
  u_projection_ = glGetUniformLocation(program_, "u_projection");
  u_texture_ = glGetUniformLocation(program_, "u_texture");

  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  point_attributes(0);
  glBindVertexArray(0);
  font_generation_ = 0;
  return true;
}

void GlRenderer::release(bool context_alive) {
  if (context_alive) {
    if (font_texture_) glDeleteTextures(1, &font_texture_);
    if (vbo_) glDeleteBuffers(1, &vbo_);
    if (ibo_) glDeleteBuffers(1, &ibo_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
    if (field_program_) glDeleteProgram(field_program_);
    if (field_vao_) glDeleteVertexArrays(1, &field_vao_);
    glDeleteTextures(2, colormap_textures_);
    for (const FieldTexture& t : field_textures_) glDeleteTextures(1, &t.texture);
  }
  program_ = vao_ = vbo_ = ibo_ = font_texture_ = 0;
  field_program_ = field_vao_ = colormap_textures_[0] = colormap_textures_[1] = 0;
  field_textures_.clear();
  font_generation_ = 0;
}

void GlRenderer::render(ImDrawData* data, const float clear_color[4]) {
  const float sx = data->FramebufferScale.x, sy = data->FramebufferScale.y;
  const int fb_w = int(data->DisplaySize.x * sx), fb_h = int(data->DisplaySize.y * sy);
  glViewport(0, 0, fb_w, fb_h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(clear_color[0], clear_color[1], clear_color[2], clear_color[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!program_ || fb_w <= 0 || fb_h <= 0) return;

  // The shared atlas is re-rasterized when the pixel ratio changes: upload it again then.
  if (font_generation_ != shared_font_generation()) {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (!font_texture_) glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    font_generation_ = shared_font_generation();
  }

  const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
  const float projection[16] = {2 / (r - l),       0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  restore_state(projection);
  std::size_t field_slot = 0;

  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    unsigned vertex_offset = 0;
    point_attributes(0);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback == plot::field_callback) {
        const float x0 = (cmd.ClipRect.x - l) * sx, y0 = (cmd.ClipRect.y - t) * sy;
        const float x1 = (cmd.ClipRect.z - l) * sx, y1 = (cmd.ClipRect.w - t) * sy;
        glScissor(int(x0), int(float(fb_h) - y1), int(std::max(x1 - x0, 0.f)), int(std::max(y1 - y0, 0.f)));
        draw_field(*static_cast<const plot::FieldDraw*>(cmd.UserCallbackData), field_slot++, projection, sx);
        continue;
      }
      if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
        restore_state(projection);
        point_attributes(vertex_offset);
        continue;
      }
      if (cmd.UserCallback) {
        cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - l) * sx, y0 = (cmd.ClipRect.y - t) * sy;
      const float x1 = (cmd.ClipRect.z - l) * sx, y1 = (cmd.ClipRect.w - t) * sy;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(int(x0), int(float(fb_h) - y1), int(x1 - x0), int(y1 - y0));
      if (cmd.VtxOffset != vertex_offset) point_attributes(vertex_offset = cmd.VtxOffset);
      glBindTexture(GL_TEXTURE_2D, font_texture_);  // the only texture so far: the font atlas
      glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(std::uintptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
}

void GlRenderer::restore_state(const float projection[16]) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glUniformMatrix4fv(u_projection_, 1, GL_FALSE, projection);
  glUniform1i(u_texture_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
}

void GlRenderer::draw_field(const plot::FieldDraw& f, std::size_t slot, const float projection[16], float scale) {
  if (f.nx < 2 || f.ny < 2) return;
  if (slot >= field_textures_.size()) field_textures_.resize(slot + 1);
  FieldTexture& ft = field_textures_[slot];
  glActiveTexture(GL_TEXTURE1);
  if (!ft.texture) {
    glGenTextures(1, &ft.texture);
    glBindTexture(GL_TEXTURE_2D, ft.texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);  // float textures: no filtering
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    ft.hash = 0;
  }
  glBindTexture(GL_TEXTURE_2D, ft.texture);
  if (ft.hash != f.hash) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, f.nx, f.ny, 0, GL_RED, GL_FLOAT, f.values.data());
    ft.hash = f.hash;
  }
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, colormap_textures_[f.map == plot::ColorMap::Cividis ? 1 : 0]);
  glUseProgram(field_program_);
  glUniformMatrix4fv(uf_projection_, 1, GL_FALSE, projection);
  glUniform4f(uf_rect_, f.min.x, f.min.y, f.max.x, f.max.y);
  glUniform1i(uf_values_, 1);
  glUniform1i(uf_colormap_, 2);
  glUniform2f(uf_range_, f.lo, f.hi);
  glUniform3f(uf_contour_, f.contour_step, f.contour_base, f.contour_width * scale);
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.contour_color);
  glUniform4f(uf_contour_color_, c.x, c.y, c.z, c.w);
  glUniform1f(uf_opacity_, f.opacity);
  glUniform1i(uf_style_, int(f.style));
  float palette[plot::kMaxFieldPalette * 4] = {};
  for (int k = 0; k < std::min(f.palette_size, plot::kMaxFieldPalette); ++k) {
    const ImVec4 p = ImGui::ColorConvertU32ToFloat4(f.palette[std::size_t(k)]);
    palette[k * 4 + 0] = p.x, palette[k * 4 + 1] = p.y, palette[k * 4 + 2] = p.z, palette[k * 4 + 3] = p.w;
  }
  glUniform4fv(uf_palette_, plot::kMaxFieldPalette, palette);
  glUniform1i(uf_palette_size_, std::clamp(f.palette_size, 0, plot::kMaxFieldPalette));
  glBindVertexArray(field_vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glActiveTexture(GL_TEXTURE0);
}

}  // namespace mml
