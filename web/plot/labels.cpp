#include "web/plot/labels.hpp"

#include <algorithm>

#include "core/format.hpp"
#include "web/plot/plot.hpp"

namespace mml::plot {

double room_below(double top, float height, float pixels) {
  return height > pixels ? -pixels * top / (height - pixels) : -0.2 * top;
}

void category_labels(std::span<const double> centres, std::span<const std::string> names, double y) {
  const Theme& t = current_theme();
  for (std::size_t i = 0; i < std::min(centres.size(), names.size()); ++i)
    text({centres[i], y}, names[i].c_str(), t.text_muted, {0.5f, 0}, {0, 4});
}

void value_labels(std::span<const double> ys) {
  const Theme& t = current_theme();
  const double left = current_view().x().min;
  for (double y : ys) {
    const std::string s = format_number(y);
    text({left, y}, s.c_str(), t.text_muted, {0, 0.5f}, {4, 0});
  }
}

void legend(std::span<const LegendEntry> entries, ImVec2 offset) {
  const Theme& t = current_theme();
  const ViewTransform& view = current_view();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 corner = to_screen({view.x().min, view.y().max});
  const float line = ImGui::GetTextLineHeight();
  ImVec2 at(corner.x + offset.x, corner.y + offset.y);
  for (const LegendEntry& e : entries) {
    const ImVec2 lo(at.x, at.y + 3), hi(at.x + 10, at.y + line - 3);
    switch (e.swatch) {
      case LegendEntry::Swatch::Fill: dl->AddRectFilled(lo, hi, e.color); break;
      case LegendEntry::Swatch::Outline: dl->AddRect(lo, hi, e.color); break;
      case LegendEntry::Swatch::Dot: dl->AddCircleFilled({at.x + 5, at.y + line / 2}, 4, e.color); break;
    }
    dl->AddText({at.x + 14, at.y}, t.text_muted, e.label);
    at.x += 14 + ImGui::CalcTextSize(e.label).x + 14;
  }
}

void caption(const char* s, Corner corner) {
  const Theme& t = current_theme();
  const ScreenRect& r = current_view().screen();
  const ImVec2 size = ImGui::CalcTextSize(s);
  // The card is inset 4 px from the plot's edges, with 5 px of room beside the text, 3 above and below.
  const ImVec2 card(size.x + 10, size.y + 6);
  const bool right = corner == Corner::TopRight || corner == Corner::BottomRight;
  const bool bottom = corner == Corner::BottomLeft || corner == Corner::BottomRight;
  const ImVec2 lo(float(right ? r.x + r.w - 4 - card.x : r.x + 4), float(bottom ? r.y + r.h - 4 - card.y : r.y + 4));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(lo, {lo.x + card.x, lo.y + card.y}, with_alpha(t.background, 215), 4);
  dl->AddText({lo.x + 5, lo.y + 3}, t.text, s);
}

void border(ImU32 color) {
  const ScreenRect& r = current_view().screen();
  ImGui::GetWindowDrawList()->AddRect({float(r.x), float(r.y)}, {float(r.x + r.w), float(r.y + r.h)}, color);
}

}  // namespace mml::plot
