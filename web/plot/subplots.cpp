#include "web/plot/subplots.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

// Splits `length` pixels (less the gaps) by `ratios`: each part's start and end from `origin`.
// Edges fall on whole pixels (cumulative shares floored) and the last part ends at the far edge,
// so neighbours never overlap and nothing is lost to rounding.
std::vector<std::pair<float, float>> split(float origin, float length, std::span<const float> ratios, float gap) {
  std::vector<std::pair<float, float>> parts;
  const std::size_t n = ratios.size();
  if (n == 0) return parts;
  double total = 0;
  for (float r : ratios) total += std::max(0.0f, r);
  const float room = std::max(0.0f, length - gap * float(n - 1));
  double share = 0;
  float start = origin;
  for (std::size_t i = 0; i < n; ++i) {
    share += std::max(0.0f, ratios[i]);
    const float end = i + 1 == n ? origin + length - gap * float(n - 1 - i)
                                 : origin + std::floor(float(total > 0 ? share / total : double(i + 1) / n) * room) +
                                       gap * float(i);
    parts.emplace_back(start, std::max(start, end));
    start = std::max(start, end) + gap;
  }
  return parts;
}

}  // namespace

std::size_t SubplotRow::count() const {
  std::size_t n = cells.size();
  while (n > 1 && cells[n - 1] == 0) --n;
  return n;
}

Subplots::Subplots(const char* id, ImVec2 origin, ImVec2 size, std::span<const SubplotRow> rows,
                   const SubplotOptions& options)
    : id_(ImGui::GetID(id)) {
  const float gap = std::max(0.0f, options.gap);
  // The rows as laid out: a row too narrow for its cells becomes one row per cell.
  struct Line {
    float height;
    std::span<const float> cells;
  };
  static constexpr float kOne[] = {1};
  std::vector<Line> lines;
  for (const SubplotRow& row : rows) {
    const std::span<const float> cells = std::span(row.cells).first(row.count());
    const float total = std::accumulate(cells.begin(), cells.end(), 0.0f);
    const float room = size.x - gap * float(cells.size() - 1);
    bool narrow = false;
    for (float c : cells) narrow = narrow || (total > 0 && room * c / total < row.min_cell_width);
    if (cells.size() < 2 || !narrow) {
      lines.push_back({row.height, cells});
      continue;
    }
    stacked_ = true;
    for (std::size_t i = 0; i < cells.size(); ++i)
      lines.push_back({row.stacked_heights[i] != 0 ? row.stacked_heights[i] : row.height, kOne});
  }
  std::vector<float> heights;
  for (const Line& line : lines) heights.push_back(line.height);
  const auto ys = split(origin.y, size.y, heights, gap);
  for (std::size_t r = 0; r < lines.size(); ++r)
    for (const auto& [x0, x1] : split(origin.x, size.x, lines[r].cells, gap))
      rects_.emplace_back(ImVec2(x0, ys[r].first), ImVec2(x1, ys[r].second));
  links_x_.assign(rects_.size(), 0);
  links_y_.assign(rects_.size(), 0);
}

Subplots::~Subplots() = default;

void Subplots::link(std::initializer_list<int> cells, int axes) {
  const int group = ++groups_;
  const ImGuiID x = ImHashData(&group, sizeof group, id_ ^ 0x5e1ec7u);
  const ImGuiID y = ImHashData(&group, sizeof group, id_ ^ 0x7e1ec7u);
  for (int c : cells) {
    if (c < 0 || c >= count()) continue;
    if (axes & AxisLink_X) links_x_[std::size_t(c)] = x;
    if (axes & AxisLink_Y) links_y_[std::size_t(c)] = y;
  }
}

ImVec2 Subplots::cell(int i) {
  IM_ASSERT(i >= 0 && i < count() && "Subplots::cell: no such cell");
  if (i < 0 || i >= count()) return {1, 1};
  const ImRect& r = rects_[std::size_t(i)];
  ImGui::SetCursorScreenPos(r.Min);
  link_next_plot(links_x_[std::size_t(i)], links_y_[std::size_t(i)]);
  // At least a pixel: a zero size would tell begin_plot to take the rest of the window.
  return {std::max(1.0f, r.GetWidth()), std::max(1.0f, r.GetHeight())};
}

ImRect Subplots::rect(int i) const {
  return i >= 0 && i < count() ? rects_[std::size_t(i)] : ImRect();
}

}  // namespace mml::plot
