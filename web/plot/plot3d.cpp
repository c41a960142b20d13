#include "web/plot/plot3d.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

// One primitive waiting to be drawn, sorted by depth at the end of the plot.
struct Prim {
  enum Kind { Triangle, Quad, Line, Dot, Label, Handle } kind;
  std::array<ImVec2, 4> p{};
  ImU32 color = 0, outline = 0;
  float width = 1;
  double depth = 0;
  std::string text;
};

struct Plot3 {
  bool active = false;
  ImRect rect;
  View3 view;
  std::vector<Prim> prims;
  ImDrawList* draw = nullptr;
};
Plot3 g3;

ImVec2 screen(const Vec3& p) {
  const Eigen::Vector2d s = g3.view.to_screen(p);
  return {float(s.x()), float(s.y())};
}

ImU32 scale_rgb(ImU32 c, float k, float alpha = 1) {
  const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
  return ImGui::ColorConvertFloat4ToU32({std::min(v.x * k, 1.f), std::min(v.y * k, 1.f), std::min(v.z * k, 1.f), v.w * alpha});
}

Vec3 clamp_to_box(Vec3 p) {
  const Box3& b = g3.view.box();
  p.z() = std::clamp(p.z(), b.z.min, b.z.max);
  return p;
}

}  // namespace

bool begin_plot3d(const char* id, ImVec2 size, const Box3& box, OrbitCamera* camera) {
  g3 = {};
  g3.active = true;
  g3.rect = plot_area(size);
  g3.draw = ImGui::GetWindowDrawList();
  const ImVec2 min = g3.rect.Min;
  size = g3.rect.GetSize();
  ImGui::PushID(id);
  // The whole plot is one button: dragging it orbits, the wheel zooms, arrows turn with focus.
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##orbit", size);
  ImGui::SetItemAllowOverlap();  // handles submitted later take the pointer first
  ImGuiIO& io = ImGui::GetIO();
  // Not on the press's own frame: a handle drawn over the plot takes that press from this button
  // later in the same frame, and the pointer's motion within it must not turn the view.
  if (ImGui::IsItemActive() && !ImGui::IsItemActivated()) camera->rotate(-io.MouseDelta.x * 0.01, io.MouseDelta.y * 0.01);
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) camera->zoom_by(std::pow(1.15, io.MouseWheel));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  g3.view = View3(box, *camera, {min.x, min.y, size.x, size.y});
  g3.draw->PushClipRect(g3.rect.Min, g3.rect.Max, true);
  g3.draw->AddRectFilled(g3.rect.Min, g3.rect.Max, current_theme().background);
  return true;
}

const View3& current_view3d() { return g3.view; }

void end_plot3d() {
  IM_ASSERT(g3.active && "end_plot3d without begin_plot3d");
  std::stable_sort(g3.prims.begin(), g3.prims.end(), [](const Prim& a, const Prim& b) { return a.depth > b.depth; });
  ImDrawList* dl = g3.draw;
  for (const Prim& p : g3.prims) {
    switch (p.kind) {
      case Prim::Triangle:
        dl->AddTriangleFilled(p.p[0], p.p[1], p.p[2], p.color);
        break;
      case Prim::Quad:
        dl->AddQuadFilled(p.p[0], p.p[1], p.p[2], p.p[3], p.color);
        if (p.outline & IM_COL32_A_MASK) dl->AddQuad(p.p[0], p.p[1], p.p[2], p.p[3], p.outline, p.width);
        break;
      case Prim::Line: dl->AddLine(p.p[0], p.p[1], p.color, p.width); break;
      case Prim::Dot:
        dl->AddCircleFilled(p.p[0], p.width + 1.5f, current_theme().handle_ring);
        dl->AddCircleFilled(p.p[0], p.width, p.color);
        break;
      case Prim::Handle: {
        // p.outline: the keyboard-selection ring (0: none); p.width: the radius.
        if (p.outline & IM_COL32_A_MASK) dl->AddCircle(p.p[0], p.width + 5, p.outline, 0, 2);
        dl->AddCircleFilled(p.p[0], p.width + 2, current_theme().handle_ring);
        dl->AddCircleFilled(p.p[0], p.width, p.color);
        break;
      }
      case Prim::Label: {
        const float fs = ImGui::GetFontSize() * 0.85f;
        const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, p.text.c_str());
        // p.outline: a backdrop behind the text (0: none), so it reads on top of filled faces.
        if (p.outline & IM_COL32_A_MASK)
          dl->AddRectFilled({p.p[0].x - size.x / 2 - 4, p.p[0].y - size.y / 2 - 1},
                            {p.p[0].x + size.x / 2 + 4, p.p[0].y + size.y / 2 + 1}, p.outline, 4);
        dl->AddText(ImGui::GetFont(), fs, {p.p[0].x - size.x / 2, p.p[0].y - size.y / 2}, p.color, p.text.c_str());
        break;
      }
    }
  }
  dl->PopClipRect();
  ImGui::PopID();
  ImGui::SetCursorScreenPos(g3.rect.Min);
  ImGui::Dummy(g3.rect.GetSize());
  g3.active = false;
}

void surface(FunctionRef<double(double, double)> f, int n, ColorMap map, float opacity) {
  n = std::clamp(n, 2, 128);
  const Box3& b = g3.view.box();
  std::vector<Vec3> grid(std::size_t(n * n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const double x = b.x.min + b.x.size() * i / (n - 1), y = b.y.min + b.y.size() * j / (n - 1);
      const double z = f(x, y);
      grid[std::size_t(i * n + j)] = clamp_to_box({x, y, std::isfinite(z) ? z : b.z.min});
    }
  const Vec3 eye = g3.view.eye_direction();
  const Vec3 light = (eye + Vec3(0.3, -0.2, 0.8)).normalized();
  for (int i = 0; i + 1 < n; ++i)
    for (int j = 0; j + 1 < n; ++j) {
      const Vec3& a = grid[std::size_t(i * n + j)];
      const Vec3& c = grid[std::size_t((i + 1) * n + j + 1)];
      const Vec3& bq = grid[std::size_t((i + 1) * n + j)];
      const Vec3& d = grid[std::size_t(i * n + j + 1)];
      // Lambert shading in the normalized cube, two-sided (the underside is lit too).
      const Vec3 na = g3.view.normalized(a), nb = g3.view.normalized(bq), nc = g3.view.normalized(c),
                 nd = g3.view.normalized(d);
      const Vec3 normal = (nc - na).cross(nd - nb).normalized();
      const double lambert = std::abs(normal.dot(light));
      const double t = b.z.size() > 0 ? ((a.z() + bq.z() + c.z() + d.z()) / 4 - b.z.min) / b.z.size() : 0.5;
      const Rgb8 rgb = colormap(map, t);
      const float k = float(0.55 + 0.5 * lambert);
      Prim p{Prim::Quad, {screen(a), screen(bq), screen(c), screen(d)}, 0, 0, 1, g3.view.depth((a + c) / 2), {}};
      p.color = scale_rgb(IM_COL32(rgb.r, rgb.g, rgb.b, 255), k, opacity);
      g3.prims.push_back(std::move(p));
    }
}

// Lines and points on a surface sit exactly on it; a small bias towards the eye (in the unit
// cube's units) keeps them in front of the faces they lie on.
constexpr double kLineBias = 0.03;

void segment3d(const Vec3& a, const Vec3& b, ImU32 color, float width) {
  g3.prims.push_back({Prim::Line, {screen(a), screen(b)}, color, 0, width, g3.view.depth((a + b) / 2) - kLineBias, {}});
}

void polyline3d(std::span<const Vec3> points, ImU32 color, float width) {
  for (std::size_t i = 1; i < points.size(); ++i)
    if (points[i - 1].allFinite() && points[i].allFinite()) segment3d(points[i - 1], points[i], color, width);
}

void point3d(const Vec3& p, ImU32 color, float radius) {
  if (!p.allFinite()) return;
  g3.prims.push_back({Prim::Dot, {screen(p)}, color, 0, radius, g3.view.depth(p) - kLineBias * 1.5, {}});
}

void trail3d(std::span<const Vec3> path, ImU32 color, float width, float current) {
  const Box3& b = g3.view.box();
  std::vector<Vec3> shown;
  for (const Vec3& p : path) {
    if (!(p.x() >= b.x.min && p.x() <= b.x.max && p.y() >= b.y.min && p.y() <= b.y.max)) break;
    shown.emplace_back(p.x(), p.y(), std::clamp(p.z(), b.z.min, b.z.max));
  }
  if (shown.empty()) return;
  polyline3d(shown, color, width);
  point3d(shown.back(), color, current);
}

void arrow3d(const Vec3& from, const Vec3& to, ImU32 color, const char* label) {
  segment3d(from, to, color, current_theme().arrow_width);
  const ImVec2 a = screen(from), b = screen(to);
  const ImVec2 d(b.x - a.x, b.y - a.y);
  const float length = std::sqrt(d.x * d.x + d.y * d.y);
  if (length > 1e-3f) {
    const ImVec2 u(d.x / length, d.y / length), n(-u.y, u.x);
    const float head = std::min(11.0f, length * 0.5f);
    const ImVec2 base(b.x - u.x * head, b.y - u.y * head);
    g3.prims.push_back({Prim::Triangle, {b, ImVec2(base.x + n.x * head * 0.45f, base.y + n.y * head * 0.45f),
                                         ImVec2(base.x - n.x * head * 0.45f, base.y - n.y * head * 0.45f)},
                        color, 0, 1, g3.view.depth(to) - kLineBias * 1.2, {}});
  }
  if (label) {
    // Just past the tip on screen, along the arrow as drawn (straight up when it points at the
    // eye), far enough that a handle on the tip leaves the text readable.
    const ImVec2 u = length > 1e-3f ? ImVec2(d.x / length, d.y / length) : ImVec2(0, -1);
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * 0.85f, FLT_MAX, 0, label);
    const float gap = current_theme().handle_radius + 6 + 0.5f * (std::abs(u.x) * size.x + std::abs(u.y) * size.y);
    g3.prims.push_back({Prim::Label, {ImVec2(b.x + u.x * gap, b.y + u.y * gap)}, color, 0, 1,
                        g3.view.depth(to) - kLineBias * 2, label});
  }
}

void parallelepiped(const Eigen::Matrix3d& m, ImU32 fill, ImU32 line) {
  // The cube's 8 corners (bit k of the index picks column k) and its 6 faces.
  std::array<Vec3, 8> c;
  for (int k = 0; k < 8; ++k) c[std::size_t(k)] = m * Vec3(k & 1, (k >> 1) & 1, (k >> 2) & 1);
  static constexpr int kFaces[6][4] = {{0, 1, 3, 2}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 2, 6, 4}, {1, 3, 7, 5}};
  const Vec3 eye = g3.view.eye_direction();
  for (const auto& f : kFaces) {
    const Vec3 &a = c[std::size_t(f[0])], &b = c[std::size_t(f[1])], &cc = c[std::size_t(f[2])], &d = c[std::size_t(f[3])];
    const Vec3 normal = (g3.view.normalized(cc) - g3.view.normalized(a)).cross(g3.view.normalized(d) - g3.view.normalized(b));
    const double lit = normal.norm() > 1e-12 ? std::abs(normal.normalized().dot(eye)) : 0;
    Prim p{Prim::Quad, {screen(a), screen(b), screen(cc), screen(d)}, scale_rgb(fill, float(0.75 + 0.4 * lit)), line, 1.5f,
           g3.view.depth((a + cc) / 2), {}};
    g3.prims.push_back(std::move(p));
  }
}

void axis_box(const char* x_label, const char* y_label, const char* z_label) {
  const Theme& t = current_theme();
  const Box3& b = g3.view.box();
  const double xs[2] = {b.x.min, b.x.max}, ys[2] = {b.y.min, b.y.max}, zs[2] = {b.z.min, b.z.max};
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) {
      segment3d({b.x.min, ys[i], zs[j]}, {b.x.max, ys[i], zs[j]}, t.grid_strong, 1);
      segment3d({xs[i], b.y.min, zs[j]}, {xs[i], b.y.max, zs[j]}, t.grid_strong, 1);
      segment3d({xs[i], ys[j], b.z.min}, {xs[i], ys[j], b.z.max}, t.grid_strong, 1);
    }
  // Ticks along the three edges meeting at the low corner, labels just outside the box. A label
  // that would touch one already placed (a small plot, an edge seen end-on) or stick out of the
  // plot is left out, so the labels thin out instead of piling up; the axis names go first and
  // always show.
  const float fs = ImGui::GetFontSize() * 0.85f;
  std::vector<ImRect> taken;
  auto place = [&](const Vec3& at, std::string text, ImU32 color, bool always) {
    const ImVec2 c = screen(at), size = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, text.c_str());
    const ImRect box({c.x - size.x / 2 - 3, c.y - size.y / 2 - 1}, {c.x + size.x / 2 + 3, c.y + size.y / 2 + 1});
    if (!always && (!g3.rect.Contains(box) ||  // a clipped number would read as another number
                    std::any_of(taken.begin(), taken.end(), [&](const ImRect& r) { return r.Overlaps(box); })))
      return;
    taken.push_back(box);
    g3.prims.push_back({Prim::Label, {c}, color, 0, 1, -1e9, std::move(text)});
  };
  const double ox = b.x.size() * 0.08, oy = b.y.size() * 0.08;
  const auto at_x = [&](double v) { return Vec3(v, b.y.min - oy, b.z.min); };
  const auto at_y = [&](double v) { return Vec3(b.x.max + ox, v, b.z.min); };
  const auto at_z = [&](double v) { return Vec3(b.x.min - ox, b.y.min - oy, v); };
  place(at_x(b.x.max + b.x.size() * 0.12), x_label, t.text, true);
  place(at_y(b.y.max + b.y.size() * 0.12), y_label, t.text, true);
  place(at_z(b.z.max + b.z.size() * 0.12), z_label, t.text, true);
  for (double v : nice_ticks(b.x, 4)) place(at_x(v), format_number_math(v), t.text_muted, false);
  for (double v : nice_ticks(b.y, 4)) place(at_y(v), format_number_math(v), t.text_muted, false);
  for (double v : nice_ticks(b.z, 4)) place(at_z(v), format_number_math(v), t.text_muted, false);
}

void text3d(const Vec3& at, const char* text, ImU32 color, bool on_top, ImU32 backdrop) {
  if (!at.allFinite()) return;
  g3.prims.push_back({Prim::Label, {screen(at)}, color, backdrop, 1, on_top ? -1e9 : g3.view.depth(at) - kLineBias * 2, text});
}

ImVec2 to_screen3d(const Vec3& p) { return screen(p); }

bool drag_point3d(const char* id, Vec3* p, ImU32 color, int* drag_axis, const DragOptions3& options) {
  const Theme& t = current_theme();
  ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID item = ImGui::GetID(id);
  // Per-handle drag state: the unsnapped position, the pixels moved so far and the chosen axis.
  const ImGuiID raw_key[3] = {item + 1, item + 2, item + 3};
  const ImGuiID moved_x = item + 4, moved_y = item + 5, axis_key = item + 6;
  const ImVec2 s = screen(*p);
  const float r = t.handle_hit_radius;
  ImGui::SetCursorScreenPos({s.x - r, s.y - r});
  ImGui::InvisibleButton(id, {2 * r, 2 * r});
  name_item(id);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  const Vec3 before = *p;
  if (ImGui::IsItemActivated()) {
    for (int k = 0; k < 3; ++k) storage->SetFloat(raw_key[k], float((*p)[k]));
    storage->SetFloat(moved_x, 0);
    storage->SetFloat(moved_y, 0);
    storage->SetInt(axis_key, -1);
  }
  int axis = active ? storage->GetInt(axis_key, -1) : -1;
  if (active && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
    Vec3 raw(storage->GetFloat(raw_key[0]), storage->GetFloat(raw_key[1]), storage->GetFloat(raw_key[2]));
    // Where a small step along each axis goes on screen, from the handle's current place.
    const Box3& b = g3.view.box();
    const double h[3] = {0.05 * b.x.size(), 0.05 * b.y.size(), 0.05 * b.z.size()};
    ImVec2 dir[3];
    float longest = 0;
    for (int k = 0; k < 3; ++k) {
      const ImVec2 a = screen(raw), c = screen(raw + h[k] * Vec3::Unit(k));
      dir[k] = {c.x - a.x, c.y - a.y};
      longest = std::max(longest, std::sqrt(dir[k].x * dir[k].x + dir[k].y * dir[k].y));
    }
    ImVec2 move = io.MouseDelta;
    if (axis < 0) {
      // Undecided: wait for a few pixels, then take the axis best aligned with the whole motion
      // (axes seen nearly end-on are skipped: a pixel would move them too far).
      const float mx = storage->GetFloat(moved_x) + io.MouseDelta.x, my = storage->GetFloat(moved_y) + io.MouseDelta.y;
      storage->SetFloat(moved_x, mx);
      storage->SetFloat(moved_y, my);
      move = {mx, my};
      const float moved = std::sqrt(mx * mx + my * my);
      if (moved >= 5 && longest > 0) {
        float best = -1;
        for (int k = 0; k < 3; ++k) {
          const float len = std::sqrt(dir[k].x * dir[k].x + dir[k].y * dir[k].y);
          if (len < 0.2f * longest) continue;
          const float align = std::abs(dir[k].x * mx + dir[k].y * my) / (len * moved);
          if (align > best) best = align, axis = k;
        }
        storage->SetInt(axis_key, axis);
      }
    }
    if (axis >= 0) {
      const ImVec2 d = dir[axis];
      const double len2 = double(d.x) * d.x + double(d.y) * d.y;
      if (len2 > 1e-6) raw[axis] += (double(move.x) * d.x + double(move.y) * d.y) / len2 * h[axis];
      for (int k = 0; k < 3; ++k) storage->SetFloat(raw_key[k], float(raw[k]));
      double v = raw[axis];
      if (options.snap > 0 && !io.KeyShift) v = std::round(v / options.snap) * options.snap;
      (*p)[axis] = std::clamp(v, -options.limit, options.limit);
    }
  }
  if (drag_axis) *drag_axis = axis;
  if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const float radius = t.handle_radius * (hovered || active ? 1.25f : 1.0f);
  g3.prims.push_back({Prim::Handle, {screen(*p)}, color, options.focus_ring ? t.text : 0u, radius,
                      g3.view.depth(*p) - kLineBias * 2.5, {}});
  return *p != before;
}

}  // namespace mml::plot
