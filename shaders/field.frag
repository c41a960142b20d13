#version 300 es
// A field over a rectangle: bilinear value from a float texture (texelFetch, so no float
// filtering extension is needed), coloured by style: a 256-texel colour-map texture with contour
// lines (heatmaps), or a palette (decision regions: classes, or a probability fading out at ½,
// with the boundary as a line). Lines come from the values' screen-space rate of change.
// web/plot/field.cpp (field_pixel) does the same on the CPU for posters.
precision highp float;
uniform highp sampler2D u_values;   // R32F, nx × ny
uniform sampler2D u_colormap;       // 256 × 1 RGBA8
uniform int u_style;                // plot::FieldStyle: 0 colour map, 1 classes, 2 probability
uniform vec4 u_palette[8];
uniform int u_palette_size;
uniform vec2 u_range;               // colour map spans [lo, hi]
uniform vec3 u_contour;             // step (0: none), base value, line width in device pixels
uniform vec4 u_contour_color;
uniform float u_opacity;
in vec2 v_uv;
out vec4 out_color;

// The four samples around uv and the position between them.
struct Cell {
  float a, b, c, d;  // (i0, j0), (i1, j0), (i0, j1), (i1, j1)
  vec2 f;
};

Cell cell_at(vec2 uv) {
  ivec2 size = textureSize(u_values, 0);
  vec2 p = clamp(uv, 0.0, 1.0) * vec2(size - 1);
  ivec2 i0 = min(ivec2(floor(p)), max(size - 2, ivec2(0)));
  ivec2 i1 = min(i0 + 1, size - 1);
  Cell cell;
  cell.f = p - vec2(i0);
  cell.a = texelFetch(u_values, i0, 0).r;
  cell.b = texelFetch(u_values, ivec2(i1.x, i0.y), 0).r;
  cell.c = texelFetch(u_values, ivec2(i0.x, i1.y), 0).r;
  cell.d = texelFetch(u_values, i1, 0).r;
  return cell;
}

vec4 palette(float k) {
  int n = max(u_palette_size, 1);
  int i = clamp(int(mod(abs(k), float(n))), 0, n - 1);
  return u_palette[i];
}

// A line of coverage `line` (colour u_contour_color) over a region colour: "over", not premultiplied.
vec4 line_over(vec3 region, float region_alpha, float line) {
  float la = line * u_contour_color.a;
  float under = region_alpha * (1.0 - la);
  float a = la + under;
  if (a <= 0.0) return vec4(0.0);
  return vec4((u_contour_color.rgb * la + region * under) / a, a);
}

// Coverage of the contour line through a value whose screen-space rate is `rate` (fwidth, taken
// by the caller before any discard: derivatives need every fragment of the 2×2 quad alive).
float contour_line(float v, float rate) {
  if (u_contour.x <= 0.0) return 0.0;
  float k = (v - u_contour.y) / u_contour.x;
  float distance = abs(k - floor(k + 0.5)) / max(rate / u_contour.x, 1e-6);
  return 1.0 - clamp(distance - (0.5 * u_contour.z - 0.5), 0.0, 1.0);
}

bool finite(float x) { return !isnan(x) && !isinf(x); }

void main() {
  Cell cell = cell_at(v_uv);
  if (u_style == 1) {
    // Classes: the corners' bilinear weights summed per class; the heaviest wins, and its lead
    // over the runner-up (0 on the boundary) gives the distance to the boundary.
    float k[4] = float[4](cell.a, cell.b, cell.c, cell.d);
    float w[4] = float[4]((1.0 - cell.f.x) * (1.0 - cell.f.y), cell.f.x * (1.0 - cell.f.y),
                          (1.0 - cell.f.x) * cell.f.y, cell.f.x * cell.f.y);
    float sum[4] = float[4](0.0, 0.0, 0.0, 0.0);
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        if (k[j] == k[i]) sum[i] += w[j];
    float best = -1.0, best_k = 0.0;
    for (int i = 0; i < 4; ++i)
      if (finite(k[i]) && sum[i] > best) { best = sum[i]; best_k = k[i]; }
    float second = 0.0, second_k = best_k;
    for (int i = 0; i < 4; ++i)
      if (finite(k[i]) && k[i] != best_k && sum[i] > second) { second = sum[i]; second_k = k[i]; }
    float margin = best >= 0.0 ? best - second : 0.0;
    float rate = fwidth(margin);
    if (best < 0.0) discard;
    float distance = margin / max(rate, 1e-6);  // device pixels to the boundary
    float t = clamp(0.5 - distance, 0.0, 0.5);
    vec4 color = mix(palette(best_k), palette(second_k), t);
    float line = u_contour.x > 0.0 ? 1.0 - clamp(distance - (0.5 * u_contour.z - 0.5), 0.0, 1.0) : 0.0;
    out_color = line_over(color.rgb, color.a * u_opacity, line);
    return;
  }
  float v = mix(mix(cell.a, cell.b, cell.f.x), mix(cell.c, cell.d, cell.f.x), cell.f.y);
  float rate = fwidth(finite(v) ? v : 0.0);
  if (!finite(v)) discard;
  float line = contour_line(v, rate);
  if (u_style == 2) {
    float s = clamp(2.0 * v - 1.0, -1.0, 1.0);
    vec4 color = palette(s >= 0.0 ? 1.0 : 0.0);
    out_color = line_over(color.rgb, abs(s) * color.a * u_opacity, line);
    return;
  }
  float span = u_range.y - u_range.x;
  float t = span > 0.0 ? clamp((v - u_range.x) / span, 0.0, 1.0) : 0.0;
  vec3 color = texture(u_colormap, vec2((t * 255.0 + 0.5) / 256.0, 0.5)).rgb;
  color = mix(color, u_contour_color.rgb, line * u_contour_color.a);
  out_color = vec4(color, u_opacity);
}
