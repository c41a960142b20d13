#pragma once
// Native builds only (IMGUI_ENABLE_TEST_ENGINE, see web/CMakeLists.txt): the items of a figure's
// last frame as ImGui's test-engine hooks report them, each with its rectangle and label, so a
// headless test presses "Play" or drags a handle found by name instead of searching pixels.
// Items without a label of their own (InvisibleButton) are named by the toolkit (plot::name_item).
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace mml {

struct LoggedItem {
  unsigned id = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // CSS pixels, as the pointer moves
  std::string label;                     // "" until the widget reports one
};

class ItemLog {
 public:
  // Starts logging `context`'s items; the log must outlive the context's frames.
  explicit ItemLog(ImGuiContext* context);
  // Every item of the last frame (the one in progress while a frame runs), in submission order.
  const std::vector<LoggedItem>& items() const { return items_; }
  // The items whose label is `label`, or whose visible part (before "##") is.
  std::vector<const LoggedItem*> find(std::string_view label) const;

  // Called by the hooks (item_log.cpp).
  void add(int frame, unsigned id, float x0, float y0, float x1, float y1);
  void name(int frame, unsigned id, const char* label);

 private:
  int frame_ = -1;
  std::vector<LoggedItem> items_;
};

}  // namespace mml
