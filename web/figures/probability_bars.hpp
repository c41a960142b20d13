#pragma once
// Probability bars the reader edits: drag a bar's top with mouse or touch, or pick a bar with ←/→
// and nudge it with ↑/↓. Shared by expected_value.cpp, entropy.cpp and cross_entropy.cpp.
// Not a figure (header only, so the registry skips it); a candidate for web/plot once a second
// topic needs draggable bar heights.
#include <imgui.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/probability.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures::bars {

// What the reader did to a row of bars this frame.
struct BarDrag {
  int index = -1;     // the bar whose height changed, or −1
  double value = 0;   // its new height
  int grabbed = -1;   // the bar picked up this frame (the figure selects it for the keyboard)
};

// Handles on the tops of bars centred at `centres` with `heights` (data units, 0 … max_value), in
// the current plot. The hit area is the bar's width (at least 28 px, for fingers) by 28 px around
// the top, so even an empty bar can be grabbed at the baseline. The grab offset is kept, so a bar
// never jumps to the pointer when picked up off-centre.
inline BarDrag drag_bar_tops(const char* id, std::span<const double> centres, std::span<const double> heights,
                             double width, ImU32 color, double max_value) {
  BarDrag out;
  const plot::Theme& t = plot::current_theme();
  const plot::ViewTransform& view = plot::current_view();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  ImGui::PushID(id);
  const std::size_t n = std::min(centres.size(), heights.size());
  for (std::size_t i = 0; i < n; ++i) {
    ImGui::PushID(int(i));
    const ImVec2 top = plot::to_screen({centres[i], heights[i]});
    const float half_w = std::max(14.0f, float(width * view.pixels_per_unit_x() / 2));
    const float half_h = 14;
    ImGui::SetCursorScreenPos({top.x - half_w, top.y - half_h});
    ImGui::InvisibleButton("##bar", {2 * half_w, 2 * half_h});
    plot::name_item(id, int(i) + 1);  // "q 1", for the native tests
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    const ImGuiID offset_key = ImGui::GetID("##grab-offset");
    const double pointer = view.to_data({ImGui::GetIO().MousePos.x, ImGui::GetIO().MousePos.y}).y();
    if (ImGui::IsItemActivated()) {
      storage->SetFloat(offset_key, float(heights[i] - pointer));
      out.grabbed = int(i);
    }
    if (active && ImGui::GetIO().MouseDelta.y != 0) {
      out.index = int(i);
      out.value = std::clamp(pointer + storage->GetFloat(offset_key), 0.0, max_value);
    }
    if (hovered || active) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    // The grip: a rounded bar across the top, bigger while hovered or held.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float grip_w = std::min(half_w - 2, 18.0f) * (hovered || active ? 1.2f : 1.0f);
    const float grip_h = hovered || active ? 5.0f : 3.5f;
    dl->AddRectFilled({top.x - grip_w - 2, top.y - grip_h - 2}, {top.x + grip_w + 2, top.y + grip_h + 2},
                      t.handle_ring, 4);
    dl->AddRectFilled({top.x - grip_w, top.y - grip_h}, {top.x + grip_w, top.y + grip_h}, color, 3);
    ImGui::PopID();
  }
  ImGui::PopID();
  return out;
}

// Arrow keys for the bar the keyboard edits: ←/→ pick (−1/+1), ↑/↓ nudge by `step` (Shift: a
// tenth). Ignored while a widget is held or a text field is being typed in.
struct BarKeys {
  int pick = 0;
  double nudge = 0;
};
inline BarKeys bar_keys(double step) {
  BarKeys k;
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsAnyItemActive() || io.WantTextInput) return k;
  const double s = io.KeyShift ? step / 10 : step;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) --k.pick;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) ++k.pick;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) k.nudge += s;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) k.nudge -= s;
  return k;
}

// A ring around the bar the keyboard edits (the toolkit does not tell figures whether the canvas
// has focus, so figures show it once the reader has used a bar).
inline void selection_outline(double centre, double height, double width) {
  const plot::Theme& t = plot::current_theme();
  const ImVec2 a = plot::to_screen({centre - width / 2, 0}), b = plot::to_screen({centre + width / 2, height});
  ImGui::GetWindowDrawList()->AddRect({std::min(a.x, b.x) - 3, std::min(a.y, b.y) - 3},
                                      {std::max(a.x, b.x) + 3, std::max(a.y, b.y) + 3}, t.text, 3, 0, 2);
}

// The lower end of a y range [lo, top] that leaves `pixels` under y = 0 for category labels in a
// plot `height` pixels tall: lo = −pixels · (top − lo) / height, solved for lo.
inline double bottom_for_labels(double top, float height, float pixels = 24) {
  return height > pixels ? -pixels * top / (height - pixels) : -0.2 * top;
}

// Category names under bars (the plot is drawn with PlotFlags_NoTickLabels).
inline void category_labels(std::span<const double> centres, std::span<const std::string> names, double y) {
  const plot::Theme& t = plot::current_theme();
  for (std::size_t i = 0; i < std::min(centres.size(), names.size()); ++i)
    plot::text({centres[i], y}, names[i].c_str(), t.text_muted, {0.5f, 0}, {0, 4});
}

// Value labels at the left edge for the given y values.
inline void value_labels(std::span<const double> ys) {
  const plot::Theme& t = plot::current_theme();
  const double left = plot::current_view().x().min;
  for (double y : ys) {
    const std::string s = format_number(y);
    plot::text({left, y}, s.c_str(), t.text_muted, {0, 0.5f}, {4, 0});
  }
}

// Text at a data point on a translucent patch of the background, readable over bars and lines.
inline void backdrop_text(const Vec2& at, const std::string& s, ImU32 color, ImVec2 align, ImVec2 offset) {
  const plot::Theme& t = plot::current_theme();
  const ImVec2 p = plot::to_screen(at), size = ImGui::CalcTextSize(s.c_str());
  const ImVec2 min(p.x + offset.x - size.x * align.x, p.y + offset.y - size.y * align.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled({min.x - 3, min.y - 1}, {min.x + size.x + 3, min.y + size.y + 1},
                    (t.background & ~IM_COL32_A_MASK) | (210u << IM_COL32_A_SHIFT), 3);
  dl->AddText(min, color, s.c_str());
}

// Which bar the keyboard edits, kept by the figure (never in a static: two copies of a figure on a
// page must not share it).
struct BarEditor {
  int selected = 0;
  bool shown = false;  // draw the selection once the reader has used the bars
};

// One distribution as draggable bars (already drawn by the caller) plus keyboard editing: a changed
// bar takes its probability from the others in proportion (core with_probability). Returns true and
// the new distribution in *edited when the reader changed something.
inline bool edit_distribution(const char* id, std::span<const double> centres, std::span<const double> p,
                              double width, ImU32 color, BarEditor* editor, std::vector<double>* edited,
                              double key_step = 0.01) {
  const int k = int(std::min(centres.size(), p.size()));
  if (k == 0) return false;
  bool changed = false;
  const BarDrag drag = drag_bar_tops(id, centres.first(std::size_t(k)), p.first(std::size_t(k)), width, color, 1);
  if (drag.grabbed >= 0) {
    editor->selected = drag.grabbed;
    editor->shown = true;
  }
  if (drag.index >= 0) {
    *edited = with_probability(p.first(std::size_t(k)), std::size_t(drag.index), drag.value);
    changed = true;
  }
  const BarKeys keys = bar_keys(key_step);
  if (keys.pick != 0 || keys.nudge != 0) editor->shown = true;
  editor->selected = std::clamp(editor->selected + keys.pick, 0, k - 1);
  const std::size_t s = std::size_t(editor->selected);
  if (keys.nudge != 0 && !changed) {
    *edited = with_probability(p.first(std::size_t(k)), s, p[s] + keys.nudge);
    changed = true;
  }
  if (editor->shown) selection_outline(centres[s], changed ? (*edited)[s] : p[s], width);
  return changed;
}

}  // namespace mml::figures::bars
