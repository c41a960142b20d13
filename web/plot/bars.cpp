#include "web/plot/bars.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/probability.hpp"
#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

bool key_pressed(ImGuiKey_ key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

// Sets bar `b` to `value`: clamped to [0, max], or as a distribution the others rescaled so the
// row still sums to 1. Returns true when a height changed.
bool set_height(const BarSeries& s, std::size_t i, double value, const BarOptions& options) {
  if (!std::isfinite(value)) return false;
  if (!options.distribution) {
    const double v = std::clamp(value, 0.0, options.max);
    if (v == s.heights[i]) return false;
    s.heights[i] = v;
    return true;
  }
  const std::vector<double> p = with_probability(s.heights, i, value);
  const bool changed = !std::equal(p.begin(), p.end(), s.heights.begin());
  std::copy(p.begin(), p.end(), s.heights.begin());
  return changed;
}

}  // namespace

bool drag_bars(const char* id, std::span<const BarSeries> series, double width, const BarOptions& options,
               BarPick* picked) {
  const Theme& t = current_theme();
  const ViewTransform& view = current_view();
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  ImGui::PushID(id);
  const ImGuiID self = ImGui::GetID("##bars"), picked_key = ImGui::GetID("##picked");
  // The keyboard's order: every bar with a finite centre, left to right (ties: series order).
  std::vector<BarPick> order;
  for (std::size_t s = 0; s < series.size(); ++s)
    for (std::size_t i = 0; i < std::min(series[s].centres.size(), series[s].heights.size()); ++i)
      if (std::isfinite(series[s].centres[i])) order.push_back({int(s), int(i)});
  std::stable_sort(order.begin(), order.end(), [&](const BarPick& a, const BarPick& b) {
    return series[std::size_t(a.series)].centres[std::size_t(a.index)] <
           series[std::size_t(b.series)].centres[std::size_t(b.index)];
  });
  const int n = int(order.size());
  if (n == 0) {
    ImGui::PopID();
    if (picked) *picked = {};
    return false;
  }
  int current = std::clamp(storage->GetInt(picked_key, 0), 0, n - 1);
  bool changed = false;
  const double max = options.distribution ? 1.0 : options.max;
  for (int k = 0; k < n; ++k) {
    const BarSeries& s = series[std::size_t(order[std::size_t(k)].series)];
    const std::size_t i = std::size_t(order[std::size_t(k)].index);
    ImGui::PushID(order[std::size_t(k)].series);
    ImGui::PushID(int(i));
    const double h = std::isfinite(s.heights[i]) ? s.heights[i] : 0;
    const ImVec2 top = to_screen({s.centres[i], h});
    const float half_w = std::max(t.handle_hit_radius, float(width * view.pixels_per_unit_x() / 2));
    const float half_h = t.handle_hit_radius;
    ImGui::SetCursorScreenPos({top.x - half_w, top.y - half_h});
    ImGui::InvisibleButton("##bar", {2 * half_w, 2 * half_h});
    name_item(s.name ? s.name : id, int(i) + 1);  // "q 1", for the native tests' item locator
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    const ImGuiID offset_key = ImGui::GetID("##grab-offset");
    const double pointer = view.to_data({io.MousePos.x, io.MousePos.y}).y();
    if (ImGui::IsItemActivated()) {
      storage->SetFloat(offset_key, float(h - pointer));
      current = k;
      set_keyboard_selection(self);
    } else if (active && io.MouseDelta.y != 0) {
      // Not on the press's frame: the pointer's motion then is how it arrived, not a drag.
      changed |= set_height(s, i, std::clamp(pointer + storage->GetFloat(offset_key), 0.0, max), options);
    }
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    // The grip: a rounded bar across the top, bigger while hovered or held.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float grip_w = std::min(half_w - 2, 18.0f) * (hovered || active ? 1.2f : 1.0f);
    const float grip_h = hovered || active ? 5.0f : 3.5f;
    dl->AddRectFilled({top.x - grip_w - 2, top.y - grip_h - 2}, {top.x + grip_w + 2, top.y + grip_h + 2},
                      t.handle_ring, 4);
    dl->AddRectFilled({top.x - grip_w, top.y - grip_h}, {top.x + grip_w, top.y + grip_h}, s.color, 3);
    ImGui::PopID();
    ImGui::PopID();
  }
  // With keyboard focus and nothing picked yet, the bars take the arrow keys (the first bar).
  if (keyboard_focus() && keyboard_selection() == 0) set_keyboard_selection(self);
  const bool selected = keyboard_selection() == self;
  if (selected && keyboard_focus() && !ImGui::IsAnyItemActive()) {
    if (key_pressed(ImGuiKey_LeftArrow)) current = std::max(0, current - 1);
    if (key_pressed(ImGuiKey_RightArrow)) current = std::min(n - 1, current + 1);
    const double step = io.KeyShift ? options.nudge / 10 : options.nudge;
    double d = 0;
    if (key_pressed(ImGuiKey_UpArrow)) d += step;
    if (key_pressed(ImGuiKey_DownArrow)) d -= step;
    const BarPick b = order[std::size_t(current)];
    const BarSeries& s = series[std::size_t(b.series)];
    if (d != 0 && !changed) changed = set_height(s, std::size_t(b.index), s.heights[std::size_t(b.index)] + d, options);
  }
  storage->SetInt(picked_key, current);
  const BarPick b = order[std::size_t(current)];
  if (selected && keyboard_focus()) {
    // A ring around the whole bar the keys change.
    const BarSeries& s = series[std::size_t(b.series)];
    const double c = s.centres[std::size_t(b.index)], h = s.heights[std::size_t(b.index)];
    const ImVec2 lo = to_screen({c - width / 2, 0}), hi = to_screen({c + width / 2, std::isfinite(h) ? h : 0});
    ImGui::GetWindowDrawList()->AddRect({std::min(lo.x, hi.x) - 3, std::min(lo.y, hi.y) - 3},
                                        {std::max(lo.x, hi.x) + 3, std::max(lo.y, hi.y) + 3}, t.text, 3, 0, 2);
  }
  if (picked) *picked = selected ? b : BarPick{};
  ImGui::PopID();
  return changed;
}

bool drag_bars(const char* id, std::span<const double> centres, std::span<double> heights, double width, ImU32 color,
               const BarOptions& options) {
  const BarSeries series[1] = {{centres, heights, color}};
  return drag_bars(id, series, width, options);
}

}  // namespace mml::plot
