#version 300 es
// A scalar field's rectangle, drawn as a 4-vertex triangle strip without vertex buffers:
// vertex k has uv (k & 1, k >> 1); uv (0, 0) is the grid's bottom-left sample. Screen y points
// down, so uv.y = 0 sits at the rectangle's bottom edge.
uniform mat4 u_projection;
uniform vec4 u_rect;  // min.x, min.y, max.x, max.y in CSS pixels
out vec2 v_uv;
void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  vec2 screen = mix(u_rect.xy, u_rect.zw, vec2(corner.x, 1.0 - corner.y));
  v_uv = corner;
  gl_Position = u_projection * vec4(screen, 0.0, 1.0);
}
