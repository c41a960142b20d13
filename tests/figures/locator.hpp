#pragma once
// Finding a figure's controls by name in headless tests: the rectangle of "Play", of a handle or of
// any labelled item in the host's last frame, from ImGui's test-engine hooks (web/app/item_log.hpp).
// A control that is not there fails the test, naming what was asked for and what the frame had.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "tests/figures/drive.hpp"
#include "web/app/item_log.hpp"

namespace mml::test {

struct ItemRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float cx() const { return (x0 + x1) / 2; }
  float cy() const { return (y0 + y1) / 2; }
};

// The labelled items of the host's last frame, for failure messages: "Play", "Step", "##a", …
inline std::string item_labels(const FigureHost& host) {
  std::string out;
  for (const LoggedItem& item : host.item_log().items())
    if (!item.label.empty()) out += (out.empty() ? "\"" : ", \"") + item.label + "\"";
  return out.empty() ? "none" : out;
}

// Every item of the last frame labelled `label` (or whose label before "##" is), in the order the
// figure drew them; fails the test when there is none.
inline std::vector<ItemRect> find_items(const FigureHost& host, std::string_view label) {
  std::vector<ItemRect> rects;
  for (const LoggedItem* item : host.item_log().find(label)) rects.push_back({item->x0, item->y0, item->x1, item->y1});
  if (rects.empty())
    FAIL("no item labelled \"" << label << "\" in " << host.info().id << "'s last frame; its labelled items: "
                               << item_labels(host));
  return rects;
}

// The one item labelled `label`; fails the test when there is none, or more than one.
inline ItemRect find_item(const FigureHost& host, std::string_view label) {
  const std::vector<ItemRect> rects = find_items(host, label);
  if (rects.size() != 1)
    FAIL(rects.size() << " items labelled \"" << label << "\" in " << host.info().id
                      << "'s last frame: the test must say which (find_items)");
  return rects.front();
}

// Presses and releases the mouse at the centre of `item`, a frame after each event, then moves the
// pointer away so nothing stays hovered.
inline void click(FigureHost& host, double* time, const ItemRect& item) {
  host.pointer_move(item.cx(), item.cy());
  host.frame(*time += 1.0 / 60);
  host.pointer_button(0, true);
  host.frame(*time += 1.0 / 60);
  host.pointer_button(0, false);
  host.frame(*time += 1.0 / 60);
  host.pointer_leave();
  host.frame(*time += 1.0 / 60);
}

// Clicks the one item labelled `label` ("Play", "Step", "New data", …).
inline void click(FigureHost& host, double* time, std::string_view label) { click(host, time, find_item(host, label)); }

// Drags the one item labelled `label` from its centre by (dx, dy) pixels (see drag()).
inline void drag_item(FigureHost& host, double* time, std::string_view label, float dx, float dy) {
  const ItemRect item = find_item(host, label);
  drag(host, time, item.cx(), item.cy(), dx, dy);
}

}  // namespace mml::test
