#include "web/app/manifest.hpp"

#include <cstdio>

#include "core/format.hpp"
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
  return out + "\n  ]\n}\n";
}

}  // namespace mml
