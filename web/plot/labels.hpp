#pragma once
// Labels a plot's own tick labels cannot give: category names under bars, values at chosen
// heights, a legend, and a caption in a corner. For plots drawn with PlotFlags_NoTickLabels (or
// NoXTickLabels) whose axes are categories or whose few meaningful values are the figure's own,
// and for plots that say in words what they show.
#include <imgui.h>

#include <span>
#include <string>

namespace mml::plot {

// The lower end of a y range [lo, top] that leaves `pixels` under y = 0 for category labels in a
// plot `height` pixels tall: lo = −pixels · (top − lo) / height, solved for lo.
double room_below(double top, float height, float pixels = 24);
// Names centred under `centres`, just below y.
void category_labels(std::span<const double> centres, std::span<const std::string> names, double y = 0);
// Each value of `ys` written at its height along the plot's left edge.
void value_labels(std::span<const double> ys);

// A legend entry: a filled square, an outlined square or a dot in `color`, then its label.
struct LegendEntry {
  enum class Swatch { Fill, Outline, Dot };
  Swatch swatch = Swatch::Fill;
  ImU32 color = 0;
  const char* label = "";
};
// The entries in one row from the plot's top-left corner, `offset` CSS pixels in.
void legend(std::span<const LegendEntry> entries, ImVec2 offset = {8, 5});

enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };
// A caption in a corner of the plot on a card of the background colour: the title of a small plot,
// or the stage of an animation, readable over the moving grid and data beneath it.
void caption(const char* s, Corner corner = Corner::TopLeft);
// A hairline round the plot's edge: tells apart plots that touch on one background.
void border(ImU32 color);

}  // namespace mml::plot
