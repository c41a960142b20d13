// Every figure, collected from the MML_FIGURE line at the end of each file in this folder.
// web/CMakeLists.txt writes figure_list.inc (one MML_FIGURE_ENTRY per file, sorted by name), so
// there is no static registration the linker could drop and no list to keep in step by hand.
#include <string>
#include <vector>

#include "web/figures/figure.hpp"

#define MML_FIGURE_ENTRY(file_name) const FigureInfo& figure_info_##file_name();
namespace mml::figures {
#include "figure_list.inc"
}  // namespace mml::figures
#undef MML_FIGURE_ENTRY

namespace mml {
namespace {

const std::vector<FigureInfo>& registered() {
#define MML_FIGURE_ENTRY(file_name) figures::figure_info_##file_name(),
  static const std::vector<FigureInfo> list = {
#include "figure_list.inc"
  };
#undef MML_FIGURE_ENTRY
  return list;
}

}  // namespace

std::span<const FigureInfo> all_figures() { return registered(); }

const FigureInfo* find_figure(std::string_view id) {
  for (const FigureInfo& f : registered())
    if (id == f.id) return &f;
  return nullptr;
}

std::string figure_ids() {
  std::string out;
  for (const FigureInfo& f : registered()) {
    if (!out.empty()) out += ", ";
    out += f.id;
  }
  return out;
}

}  // namespace mml
