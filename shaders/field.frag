#version 300 es
// Heatmap with contour lines: bilinear value from a float texture (texelFetch, so no float
// filtering extension is needed), colour from a 256-texel colour-map texture, contour lines
// from the value's screen-space rate of change. web/plot/field.cpp does the same on the CPU.
precision highp float;
uniform highp sampler2D u_values;   // R32F, nx × ny
uniform sampler2D u_colormap;       // 256 × 1 RGBA8
uniform vec2 u_range;               // colour map spans [lo, hi]
uniform vec3 u_contour;             // step (0: none), base value, line width in device pixels
uniform vec4 u_contour_color;
uniform float u_opacity;
in vec2 v_uv;
out vec4 out_color;

float value_at(vec2 uv) {
  ivec2 size = textureSize(u_values, 0);
  vec2 p = clamp(uv, 0.0, 1.0) * vec2(size - 1);
  ivec2 i0 = min(ivec2(floor(p)), max(size - 2, ivec2(0)));
  ivec2 i1 = min(i0 + 1, size - 1);
  vec2 f = p - vec2(i0);
  float a = texelFetch(u_values, i0, 0).r, b = texelFetch(u_values, ivec2(i1.x, i0.y), 0).r;
  float c = texelFetch(u_values, ivec2(i0.x, i1.y), 0).r, d = texelFetch(u_values, i1, 0).r;
  return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
}

void main() {
  float v = value_at(v_uv);
  if (isnan(v) || isinf(v)) discard;
  float span = u_range.y - u_range.x;
  float t = span > 0.0 ? clamp((v - u_range.x) / span, 0.0, 1.0) : 0.0;
  vec3 color = texture(u_colormap, vec2((t * 255.0 + 0.5) / 256.0, 0.5)).rgb;
  if (u_contour.x > 0.0) {
    float k = (v - u_contour.y) / u_contour.x;
    float distance = abs(k - floor(k + 0.5)) / max(fwidth(k), 1e-6);
    float line = 1.0 - clamp(distance - (0.5 * u_contour.z - 0.5), 0.0, 1.0);
    color = mix(color, u_contour_color.rgb, line * u_contour_color.a);
  }
  out_color = vec4(color, u_opacity);
}
