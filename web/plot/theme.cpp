#include "web/plot/theme.hpp"

namespace mml::plot {
namespace {

constexpr ImU32 rgba(unsigned rgb, unsigned alpha = 255) {
  return IM_COL32((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, alpha);
}

Theme make_theme(bool dark) {
  Theme t;
  t.dark = dark;
  // Page palette (web/site/assets/site.css uses the same values).
  t.background = dark ? rgba(0x16181d) : rgba(0xffffff);
  t.panel = dark ? rgba(0x1f2229) : rgba(0xf5f6f8);
  t.text = dark ? rgba(0xe6e6e6) : rgba(0x1d1f23);
  t.text_muted = dark ? rgba(0xa3a8b3) : rgba(0x5b606b);
  t.grid = dark ? rgba(0xffffff, 22) : rgba(0x000000, 20);
  t.grid_strong = dark ? rgba(0xffffff, 60) : rgba(0x000000, 55);
  t.axis = dark ? rgba(0xffffff, 120) : rgba(0x000000, 110);
  // Okabe–Ito (Okabe & Ito, "Color Universal Design", 2008; jfly.uni-koeln.de/color): orange,
  // blue (sky blue on dark), bluish green, reddish purple, vermillion. Under simulated protanopia,
  // deuteranopia and tritanopia (Machado et al. 2009) any two stay ≥ 15 CIELAB ΔE apart and each
  // ≥ 30 from the background in both themes: tests/figures/test_toolkit.cpp.
  t.first = rgba(0xE69F00);
  t.second = dark ? rgba(0x56B4E9) : rgba(0x0072B2);
  t.third = rgba(0x009E73);
  t.fourth = dark ? rgba(0xE094BE) : rgba(0xCC79A7);  // reddish purple, lightened on dark
  t.fifth = rgba(0xD55E00);
  t.positive_fill = dark ? rgba(0x56B4E9, 70) : rgba(0x0072B2, 50);
  t.positive_line = dark ? rgba(0x56B4E9) : rgba(0x0072B2);
  t.negative_fill = rgba(0xD55E00, dark ? 80 : 60);
  t.negative_line = rgba(0xD55E00);
  t.collapsed = dark ? rgba(0xCC79A7) : rgba(0xAA4F86);
  t.handle_ring = dark ? rgba(0x16181d) : rgba(0xffffff);
  return t;
}

}  // namespace

ImU32 scale_alpha(ImU32 c, float k) {
  const float a = float((c >> IM_COL32_A_SHIFT) & 255) * (k < 0 ? 0 : k) + 0.5f;
  return with_alpha(c, a > 255 ? 255u : unsigned(a));
}

ImU32 Theme::series(int k) const {
  const ImU32 colors[5] = {first, second, third, fourth, fifth};
  return colors[((k % 5) + 5) % 5];
}

const Theme& light_theme() {
  static const Theme t = make_theme(false);
  return t;
}

const Theme& dark_theme() {
  static const Theme t = make_theme(true);
  return t;
}

const Theme& theme(bool dark) { return dark ? dark_theme() : light_theme(); }

void apply_imgui_style(const Theme& theme, ImGuiStyle& style) {
  style = ImGuiStyle();
  if (theme.dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowPadding = {12, 12};
  style.FramePadding = {8, 5};
  style.ItemSpacing = {8, 7};
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.background);
  c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(theme.panel);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(theme.text_muted);
  // Widgets in the page's own palette: quiet fields, buttons in the accent blue of the links.
  auto rgba = [](unsigned rgb, float a) {
    return ImVec4(float((rgb >> 16) & 255) / 255, float((rgb >> 8) & 255) / 255, float(rgb & 255) / 255, a);
  };
  const bool d = theme.dark;
  c[ImGuiCol_FrameBg] = d ? rgba(0x2a2e37, 1) : rgba(0xffffff, 1);
  c[ImGuiCol_FrameBgHovered] = d ? rgba(0x333845, 1) : rgba(0xeef2f8, 1);
  c[ImGuiCol_FrameBgActive] = d ? rgba(0x3a4150, 1) : rgba(0xe3eaf5, 1);
  c[ImGuiCol_Button] = d ? rgba(0x56B4E9, 0.22f) : rgba(0x0072B2, 0.12f);
  c[ImGuiCol_ButtonHovered] = d ? rgba(0x56B4E9, 0.36f) : rgba(0x0072B2, 0.22f);
  c[ImGuiCol_ButtonActive] = d ? rgba(0x56B4E9, 0.5f) : rgba(0x0072B2, 0.32f);
  c[ImGuiCol_SliderGrab] = d ? rgba(0x56B4E9, 0.9f) : rgba(0x0072B2, 0.85f);
  c[ImGuiCol_SliderGrabActive] = d ? rgba(0x56B4E9, 1) : rgba(0x0072B2, 1);
  c[ImGuiCol_CheckMark] = d ? rgba(0x56B4E9, 1) : rgba(0x0072B2, 1);
  c[ImGuiCol_Header] = c[ImGuiCol_Button];
  c[ImGuiCol_HeaderHovered] = c[ImGuiCol_ButtonHovered];
  c[ImGuiCol_HeaderActive] = c[ImGuiCol_ButtonActive];
  c[ImGuiCol_PopupBg] = d ? rgba(0x1f2229, 0.98f) : rgba(0xffffff, 0.98f);
  c[ImGuiCol_Border] = d ? rgba(0xffffff, 0.12f) : rgba(0x000000, 0.12f);
  c[ImGuiCol_NavHighlight] = d ? rgba(0x56B4E9, 1) : rgba(0x0072B2, 1);
  style.FrameBorderSize = 1;
}

}  // namespace mml::plot
