#include "web/app/manifest.hpp"

#include <imgui.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "core/format.hpp"
#include "web/app/figure_host.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"

namespace mml {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

namespace {

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + json_string(items[k]);
  return out + "]";
}

}  // namespace

std::string manifest_json() {
  // reservedNames/reservedPrefixes: the attribute names no parameter may have (core/params.cpp),
  // for the element and the site generator, which keep no list of their own.
  std::string out = "{\n  \"wideLayoutMinWidth\": " + format_number_ascii(plot::kWideLayoutMinWidth) +
                    ",\n  \"reservedNames\": " + json_list(reserved_param_names()) +
                    ",\n  \"reservedPrefixes\": " + json_list(reserved_param_prefixes()) +
                    ",\n  \"figures\": [";
  bool first_figure = true;
  for (const FigureInfo& info : all_figures()) {
    const auto figure = info.make();
    const ParamSet& params = figure->params();
    out += first_figure ? "\n" : ",\n";
    first_figure = false;
    out += "    {\"id\": " + json_string(info.id) + ", \"title\": " + json_string(info.title) +
           ", \"summary\": " + json_string(info.summary) +
           ", \"aspect\": " + format_number_ascii(info.aspect) +
           ", \"narrowAspect\": " + format_number_ascii(info.narrow_aspect) + ", \"params\": [";
    for (std::size_t i = 0; i < params.size(); ++i) {
      const ParamSpec& spec = params.specs()[i];
      out += i ? ",\n      " : "\n      ";
      out += "{\"name\": " + json_string(spec.name) + ", \"type\": " + json_string(param_type_name(spec.type)) +
             ", \"default\": " + json_string(params.default_text(i)) +
             ", \"min\": " + format_number_ascii(spec.min, 15) + ", \"max\": " + format_number_ascii(spec.max, 15) +
             ", \"maxLength\": " + std::to_string(spec.max_length) +
             ", \"step\": " + format_number_ascii(spec.step, 15) + ", \"options\": " + json_list(spec.options);
      if (!spec.aliases.empty()) out += ", \"aliases\": " + json_list(spec.aliases);
      out += ", \"doc\": " + json_string(spec.doc) + ", \"valid\": " + json_string(describe_valid(spec)) + "}";
    }
    out += "]}";
  }
  return out + "\n  ],\n  \"host\": " + host_constants_json() + "\n}\n";
}

// The CSS cursor for each ImGuiMouseCursor (the module reports ImGui's choice by number).
constexpr std::array<std::string_view, ImGuiMouseCursor_COUNT> kCssCursors = {
    "default", "text", "move", "ns-resize", "ew-resize", "nesw-resize", "nwse-resize", "pointer", "not-allowed"};
static_assert(ImGuiMouseCursor_Arrow == 0 && ImGuiMouseCursor_TextInput == 1 && ImGuiMouseCursor_ResizeAll == 2 &&
              ImGuiMouseCursor_ResizeNS == 3 && ImGuiMouseCursor_ResizeEW == 4 && ImGuiMouseCursor_ResizeNESW == 5 &&
              ImGuiMouseCursor_ResizeNWSE == 6 && ImGuiMouseCursor_Hand == 7 && ImGuiMouseCursor_NotAllowed == 8,
              "kCssCursors follows ImGuiMouseCursor's order");

std::string host_constants_json() {
  std::string out = "{\"keys\": {";
  for (std::size_t i = 0; i < kHostKeyDomNames.size(); ++i)
    out += (i ? ", " : "") + json_string(kHostKeyDomNames[i]) + ": " + std::to_string(i);
  out += "}, \"modifiers\": {";
  for (std::size_t i = 0; i < kHostModifierDomNames.size(); ++i)
    out += (i ? ", " : "") + json_string(kHostModifierDomNames[i].first) + ": " +
           std::to_string(kHostModifierDomNames[i].second);
  out += "}, \"pointer\": {";
  for (std::size_t i = 0; i < kPointerEventNames.size(); ++i)
    out += (i ? ", " : "") + json_string(kPointerEventNames[i]) + ": " + std::to_string(i);
  out += "}, \"buttons\": [";
  for (std::size_t i = 0; i < kHostButtonOfDomButton.size(); ++i)
    out += (i ? ", " : "") + std::to_string(kHostButtonOfDomButton[i]);
  out += "], \"cursors\": [";
  for (std::size_t i = 0; i < kCssCursors.size(); ++i) out += (i ? ", " : "") + json_string(kCssCursors[i]);
  return out + "]}";
}

}  // namespace mml
