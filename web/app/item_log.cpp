#include "web/app/item_log.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace mml {

ItemLog::ItemLog(ImGuiContext* context) {
  context->TestEngine = this;
  context->TestEngineHookItems = true;
}

std::vector<const LoggedItem*> ItemLog::find(std::string_view label) const {
  std::vector<const LoggedItem*> found;
  for (const LoggedItem& item : items_) {
    const std::string_view full = item.label;
    if (full.empty()) continue;
    if (full != label && full.substr(0, full.find("##")) != label) continue;
    // An item submitted twice in a frame counts once, at its last place.
    auto same = std::find_if(found.begin(), found.end(), [&](const LoggedItem* f) { return f->id == item.id; });
    if (same != found.end()) *same = &item;
    else found.push_back(&item);
  }
  return found;
}

void ItemLog::add(int frame, unsigned id, float x0, float y0, float x1, float y1) {
  if (frame != frame_) items_.clear(), frame_ = frame;
  items_.push_back({id, x0, y0, x1, y1, {}});
}

void ItemLog::name(int frame, unsigned id, const char* label) {
  if (frame != frame_ || !label) return;
  // The widget names the item it has just added: the search from the end stops at once.
  for (auto it = items_.rbegin(); it != items_.rend(); ++it)
    if (it->id == id) return void(it->label = label);
}

}  // namespace mml

// The hooks ImGui 1.86 calls with IMGUI_ENABLE_TEST_ENGINE (imgui_internal.h), for contexts whose
// TestEngineHookItems is set: FigureHost's, with its ItemLog in TestEngine.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  if (auto* log = static_cast<mml::ItemLog*>(ctx->TestEngine))
    log->add(ctx->FrameCount, id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (auto* log = static_cast<mml::ItemLog*>(ctx->TestEngine)) log->name(ctx->FrameCount, id, label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
  auto* log = static_cast<mml::ItemLog*>(ctx->TestEngine);
  if (log)
    for (const mml::LoggedItem& item : log->items())
      if (item.id == id) return item.label.c_str();
  return nullptr;
}
