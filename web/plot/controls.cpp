#include "web/plot/controls.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/format.hpp"
#include "web/plot/plot.hpp"

namespace mml::plot {

FigureLayout split_layout(ImVec2 origin, ImVec2 size, float panel_width, float stacked_panel_height) {
  FigureLayout l;
  // Side by side or stacked by the canvas's width: the rule the page uses to pick the canvas's
  // aspect ratio (web/js/mml-figure.js), not the content region (narrower by the padding).
  const float canvas_width = ImGui::GetIO().DisplaySize.x > 0 ? ImGui::GetIO().DisplaySize.x : size.x;
  if (canvas_width >= kWideLayoutMinWidth) {
    const float w = std::min(panel_width, size.x * 0.45f);
    l.plot_min = origin;
    l.plot_size = {size.x - w, size.y};
    l.panel_min = {origin.x + size.x - w, origin.y};
    l.panel_size = {w, size.y};
  } else {
    const float h = std::min(stacked_panel_height, size.y * 0.55f);
    l.stacked = true;
    l.plot_min = origin;
    l.plot_size = {size.x, size.y - h};
    l.panel_min = {origin.x, origin.y + size.y - h};
    l.panel_size = {size.x, h};
  }
  return l;
}

void begin_panel(const FigureLayout& layout) {
  ImGui::SetCursorScreenPos(layout.panel_min);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {14, 12});
  ImGui::BeginChild("##panel", layout.panel_size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PushItemWidth(-1);
}

void end_panel() {
  ImGui::PopItemWidth();
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

void heading(const char* text) { ImGui::TextUnformatted(text); }

void note(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void matrix(const char* name, const Mat2& m, ImU32 first_column, ImU32 second_column) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  // "name =" vertically centred on the two rows.
  const std::string lead = std::string(name) + " =";
  const ImVec2 lead_size = ImGui::CalcTextSize(lead.c_str());
  dl->AddText({start.x, start.y + line * 0.55f}, ink, lead.c_str());
  std::string cells[2][2];
  float col_w[2] = {0, 0};
  for (int c = 0; c < 2; ++c)
    for (int r = 0; r < 2; ++r) {
      cells[r][c] = format_number(m(r, c));
      col_w[c] = std::max(col_w[c], ImGui::CalcTextSize(cells[r][c].c_str()).x);
    }
  const float gap = 14, pad = 7;
  const float left = start.x + lead_size.x + 10, top = start.y, height = line * 2.1f;
  const float right = left + pad + col_w[0] + gap + col_w[1] + pad;
  // Brackets.
  for (float x : {left, right}) {
    const float dir = x == left ? 1.f : -1.f;
    dl->AddLine({x, top}, {x, top + height}, ink, 1.5f);
    dl->AddLine({x, top}, {x + dir * 5, top}, ink, 1.5f);
    dl->AddLine({x, top + height}, {x + dir * 5, top + height}, ink, 1.5f);
  }
  for (int c = 0; c < 2; ++c)
    for (int r = 0; r < 2; ++r) {
      const float x0 = left + pad + (c == 0 ? 0 : col_w[0] + gap);
      const float w = ImGui::CalcTextSize(cells[r][c].c_str()).x;
      dl->AddText({x0 + col_w[c] - w, top + 2 + r * line * 1.05f}, c == 0 ? first_column : second_column,
                  cells[r][c].c_str());
    }
  ImGui::Dummy({right - start.x + 2, height + 2});
}

void table(std::span<const char* const> header, const std::vector<std::vector<std::string>>& rows) {
  const std::size_t n = header.size();
  if (n == 0) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float pad = style.CellPadding.x, row_h = ImGui::GetTextLineHeight() + 2 * style.CellPadding.y;
  std::vector<float> widths(n, 0.0f);
  for (std::size_t c = 0; c < n; ++c) widths[c] = ImGui::CalcTextSize(header[c]).x;
  for (const auto& row : rows)
    for (std::size_t c = 0; c < n && c < row.size(); ++c)
      widths[c] = std::max(widths[c], ImGui::CalcTextSize(row[c].c_str()).x);
  float natural = 0;
  for (float& w : widths) natural += (w += 2 * pad);
  const float avail = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
  const float scale = avail / natural;  // stretch (or squeeze) every column alike
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  const auto draw_row = [&](float y, auto&& text_of) {
    float x = start.x;
    for (std::size_t c = 0; c < n; ++c) {
      const char* text = text_of(c);
      const float w = widths[c] * scale, tw = ImGui::CalcTextSize(text).x;
      // The first column left-aligned; the number columns (and their headings) right-aligned.
      const float tx = c == 0 ? x + pad : x + w - pad - tw;
      dl->PushClipRect({x, y}, {x + w, y + row_h}, true);
      dl->AddText({tx, y + style.CellPadding.y}, ink, text);
      dl->PopClipRect();
      x += w;
    }
  };
  dl->AddRectFilled(start, {start.x + avail, start.y + row_h}, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  draw_row(start.y, [&](std::size_t c) { return header[c]; });
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const float y = start.y + (r + 1) * row_h;
    if (r % 2 == 1) dl->AddRectFilled({start.x, y}, {start.x + avail, y + row_h}, ImGui::GetColorU32(ImGuiCol_TableRowBgAlt));
    draw_row(y, [&](std::size_t c) { return c < rows[r].size() ? rows[r][c].c_str() : ""; });
  }
  ImGui::Dummy({avail, (rows.size() + 1) * row_h});
}

bool vec2_input(const char* label, Vec2* v, double min, double max, ImU32 swatch) {
  ImGui::PushID(label);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetFrameHeight();
  ImGui::GetWindowDrawList()->AddRectFilled({at.x, at.y + 3}, {at.x + 4, at.y + line - 3}, swatch, 2);
  ImGui::SetCursorScreenPos({at.x + 10, at.y});
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float w = std::max(40.0f, (avail - ImGui::GetStyle().ItemInnerSpacing.x) / 2);
  bool changed = false;
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(w);
    double value = (*v)[i];
    ImGui::PushID(i);
    if (ImGui::InputDouble("##c", &value, 0, 0, "%.3g")) {
      (*v)[i] = std::clamp(value, min, max);
      changed = true;
    }
    ImGui::PopID();
  }
  ImGui::PopID();
  return changed;
}

int button_row(Labels labels) {
  int clicked = -1;
  const float right = ImGui::GetContentRegionMax().x + ImGui::GetWindowPos().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float w = ImGui::CalcTextSize(labels[i]).x + style.FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    if (ImGui::Button(labels[i])) clicked = int(i);
  }
  return clicked;
}

bool slider(const char* label, double* value, double min, double max, const char* format, bool logarithmic) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(-1);
  const bool changed = ImGui::SliderScalar("##s", ImGuiDataType_Double, value, &min, &max, format,
                                           logarithmic ? ImGuiSliderFlags_Logarithmic : 0);
  if (changed) *value = std::clamp(*value, min, max);
  ImGui::PopID();
  return changed;
}

bool slider_int(const char* label, int* value, int min, int max) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(-1);
  const bool changed = ImGui::SliderInt("##s", value, min, max);
  if (changed) *value = std::clamp(*value, min, max);
  ImGui::PopID();
  return changed;
}

bool slider(ParamSet& params, Param<double> p, const char* label, const char* format, bool logarithmic,
            int significant) {
  const ParamSpec& spec = params.specs()[p.index];
  double v = params.get(p);
  if (!slider(label, &v, spec.min, spec.max, format, logarithmic)) return false;
  params.set(p, significant > 0 ? round_sig(v, significant) : v);
  return true;
}

bool slider(ParamSet& params, Param<std::int64_t> p, const char* label) {
  const ParamSpec& spec = params.specs()[p.index];
  int v = int(params.get(p));
  if (!slider_int(label, &v, int(spec.min), int(spec.max))) return false;
  params.set(p, std::int64_t(v));
  return true;
}

bool dropdown(ParamSet& params, Param<Choice> p, const char* label, Labels options) {
  int v = params.get(p);
  if (!dropdown(label, &v, options)) return false;
  params.set(p, v);
  return true;
}

bool checkbox(ParamSet& params, Param<bool> p, const char* label, ImU32 mark) {
  bool on = params.get(p);
  if (mark) ImGui::PushStyleColor(ImGuiCol_CheckMark, ImGui::ColorConvertU32ToFloat4(mark));
  const bool changed = ImGui::Checkbox(label, &on);
  if (mark) ImGui::PopStyleColor();
  if (changed) params.set(p, on);
  return changed;
}

bool dropdown(const char* label, int* index, Labels options) {
  if (options.empty()) return false;
  *index = std::clamp(*index, 0, int(options.size()) - 1);
  ImGui::TextUnformatted(label);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(-1);
  bool changed = false;
  if (ImGui::BeginCombo("##d", options[std::size_t(*index)])) {
    for (int i = 0; i < int(options.size()); ++i) {
      const bool chosen = i == *index;
      if (ImGui::Selectable(options[std::size_t(i)], chosen) && !chosen) {
        *index = i;
        changed = true;
      }
      if (chosen) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

int formula_examples(const char* label, const std::string& formula, Labels labels, Labels texts) {
  std::vector<const char*> names;
  int chosen = int(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    names.push_back(labels[i]);
    if (formula == texts[i]) chosen = int(i);
  }
  names.push_back("Your own formula");
  return dropdown(label, &chosen, names) && chosen < int(labels.size()) ? chosen : -1;
}

bool expression_input(const char* label, std::string* text, const std::string& error) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(label);
  char buffer[512];
  const std::size_t n = std::min(text->size(), sizeof buffer - 1);
  std::copy_n(text->data(), n, buffer);
  buffer[n] = '\0';
  ImGui::SetNextItemWidth(-1);
  const bool changed = ImGui::InputText("##e", buffer, sizeof buffer);
  if (changed) *text = buffer;
  if (!error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(current_theme().negative_line));
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  return changed;
}

bool expression_input(ParamSet& params, Param<std::string> p, const char* label, TypedExpression* f) {
  std::string text = params.get(p);
  f->update(text);
  if (!expression_input(label, &text, f->error)) return false;
  params.set(p, text);
  f->update(params.get(p));
  return true;
}

}  // namespace mml::plot
