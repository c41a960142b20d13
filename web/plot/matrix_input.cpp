#include "web/plot/matrix_input.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

constexpr int kMaxSize = 4;
constexpr float kBracketPad = 8;  // from a bracket to the cells beside it

bool key_pressed(ImGuiKey_ key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

// A value as the matrix keeps it: on the step grid, then inside [min, max].
double tidy(double v, const MatrixInputOptions& o) {
  if (o.step > 0) v = std::round(v / o.step) * o.step;
  return std::clamp(v, o.min, o.max);
}

}  // namespace

ImRect MatrixInputLayout::cell(int row, int col) const {
  const ImVec2 min(left + kBracketPad + float(col) * (cell_width + gap), float(row) * (cell_height + gap));
  return {min, {min.x + cell_width, min.y + cell_height}};
}

MatrixInputLayout matrix_input_layout(const char* name, int rows, int cols, float width) {
  MatrixInputLayout l;
  rows = std::clamp(rows, 1, kMaxSize);
  cols = std::clamp(cols, 1, kMaxSize);
  const ImGuiStyle& style = ImGui::GetStyle();
  l.left = ImGui::CalcTextSize(name).x + ImGui::CalcTextSize(" =").x + 10;
  // The two brackets with their padding, and 4 px to spare.
  l.cell_width = std::min(72.0f, (width - l.left - 2 * kBracketPad - 4 - float(cols - 1) * l.gap) / float(cols));
  l.cell_height = ImGui::GetFrameHeight();
  const float number = ImGui::CalcTextSize("-1.23").x;
  l.padding_x = std::clamp((l.cell_width - number) / 2, 2.0f, style.FramePadding.x);
  l.size = {l.left + 2 * kBracketPad + float(cols) * l.cell_width + float(cols - 1) * l.gap,
            float(rows) * l.cell_height + float(rows - 1) * l.gap};
  return l;
}

bool matrix_input(const char* name, Eigen::Ref<Eigen::MatrixXd> m, std::span<const ImU32> column_colors,
                  const MatrixInputOptions& options, MatrixCell* picked) {
  const int rows = std::min<int>(int(m.rows()), kMaxSize), cols = std::min<int>(int(m.cols()), kMaxSize);
  if (rows < 1 || cols < 1) return false;
  ImGui::PushID(name);
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID self = ImGui::GetID("##matrix"), picked_key = ImGui::GetID("##picked");
  MatrixCell own{storage->GetInt(picked_key) % rows, storage->GetInt(picked_key) / rows};
  MatrixCell& cell = picked ? *picked : own;
  cell.row = std::clamp(cell.row, 0, rows - 1);
  cell.col = std::clamp(cell.col, 0, cols - 1);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const MatrixInputLayout l = matrix_input_layout(name, rows, cols, ImGui::GetContentRegionAvail().x);
  const std::string lead = std::string(name) + " =";
  dl->AddText({start.x, start.y + l.size.y / 2 - ImGui::GetTextLineHeight() / 2}, ink, lead.c_str());
  const float left = start.x + l.left, right = start.x + l.size.x;
  for (float x : {left, right}) {
    const float dir = x == left ? 1.f : -1.f;
    dl->AddLine({x, start.y}, {x, start.y + l.size.y}, ink, 1.5f);
    dl->AddLine({x, start.y}, {x + dir * 5, start.y}, ink, 1.5f);
    dl->AddLine({x, start.y + l.size.y}, {x + dir * 5, start.y + l.size.y}, ink, 1.5f);
  }
  bool changed = false;
  ImGuiIO& io = ImGui::GetIO();
  // A click without dragging types into the entry (ImGui reads this flag inside DragScalar only).
  const bool click_types = io.ConfigDragClickToInputText;
  io.ConfigDragClickToInputText = true;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {l.padding_x, ImGui::GetStyle().FramePadding.y});
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const ImRect box = l.cell(r, c);
      ImGui::SetCursorScreenPos({start.x + box.Min.x, start.y + box.Min.y});
      ImGui::SetNextItemWidth(l.cell_width);
      ImGui::PushID(r * kMaxSize + c);
      const ImU32 color = column_colors.empty() ? ink : column_colors[std::size_t(c) % column_colors.size()];
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
      double value = m(r, c);
      if (ImGui::DragScalar("##entry", ImGuiDataType_Double, &value, float(options.speed), &options.min,
                            &options.max, options.format)) {
        const double v = tidy(value, options);
        if (v != m(r, c)) m(r, c) = v, changed = true;
      }
      if (ImGui::IsItemActivated()) {
        cell = {r, c};
        set_keyboard_selection(self);
      }
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
  ImGui::PopStyleVar();
  io.ConfigDragClickToInputText = click_types;

  // With keyboard focus and nothing picked yet, the matrix takes the arrow keys.
  if (keyboard_focus() && keyboard_selection() == 0) set_keyboard_selection(self);
  const bool selected = keyboard_selection() == self && keyboard_focus();
  if (selected && !ImGui::IsAnyItemActive()) {
    const int count = rows * cols;
    int entry = cell.col * rows + cell.row;  // column by column, wrapping round
    if (key_pressed(ImGuiKey_RightArrow)) entry = (entry + 1) % count;
    if (key_pressed(ImGuiKey_LeftArrow)) entry = (entry + count - 1) % count;
    cell = {entry % rows, entry / rows};
    const double step = io.KeyShift ? options.nudge / 10 : options.nudge;
    double d = 0;
    if (key_pressed(ImGuiKey_UpArrow)) d += step;
    if (key_pressed(ImGuiKey_DownArrow)) d -= step;
    if (d != 0) {
      // Onto the grid of the finer step, so repeated nudges add no rounding noise.
      const double grid = options.step > 0 ? options.step : options.nudge / 10;
      const double v = std::clamp(std::round((m(cell.row, cell.col) + d) / grid) * grid, options.min, options.max);
      if (v != m(cell.row, cell.col)) m(cell.row, cell.col) = v, changed = true;
    }
  }
  if (selected) {
    const ImRect box = l.cell(cell.row, cell.col);
    dl->AddRect({start.x + box.Min.x - 2, start.y + box.Min.y - 2}, {start.x + box.Max.x + 2, start.y + box.Max.y + 2},
                ink, ImGui::GetStyle().FrameRounding, 0, 2);
  }
  storage->SetInt(picked_key, cell.col * rows + cell.row);
  ImGui::SetCursorScreenPos(start);
  ImGui::Dummy({l.size.x + 2, l.size.y + 2});
  ImGui::PopID();
  return changed;
}

}  // namespace mml::plot
