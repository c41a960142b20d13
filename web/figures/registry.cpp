// Every figure, collected from the MML_FIGURE line at the end of each file in this folder.
// web/CMakeLists.txt writes figure_list.inc (one MML_FIGURE_ENTRY per file, sorted by name), so
// there is no static registration the linker could drop and no list to keep in step by hand.
//
// The split web runtime (web/CMakeLists.txt, mml-split) compiles this file twice more:
//   MML_FIGURE_PARTS  in the main module, which holds no figure: the registry starts empty and each
//                     side module adds its figures when the page loads it;
//   MML_FIGURE_PART   in a side module (a chapter's figures), with its own figure_list.inc: a
//                     constructor, run by Emscripten's loader on loading, registers its figures.
// Their FigureInfo objects are statics of the side module, which is never unloaded, so the
// addresses the main module keeps stay valid.
#include <string>
#include <vector>

#include "web/figures/figure.hpp"

#ifndef MML_FIGURE_PARTS
#define MML_FIGURE_ENTRY(file_name) const FigureInfo& figure_info_##file_name();
namespace mml::figures {
#include "figure_list.inc"
}  // namespace mml::figures
#undef MML_FIGURE_ENTRY
#endif

#if defined(MML_FIGURE_PART)

namespace mml {
void register_figure(const FigureInfo& info);  // defined by the main module
namespace {
const bool g_registered = [] {
#define MML_FIGURE_ENTRY(file_name) register_figure(figures::figure_info_##file_name());
#include "figure_list.inc"
#undef MML_FIGURE_ENTRY
  return true;
}();
}  // namespace
}  // namespace mml

#elif defined(MML_FIGURE_PARTS)

namespace mml {
namespace {
std::vector<const FigureInfo*>& loaded() {
  static std::vector<const FigureInfo*> list;
  return list;
}
}  // namespace

void register_figure(const FigureInfo& info) { loaded().push_back(&info); }

const FigureInfo* find_figure(std::string_view id) {
  for (const FigureInfo* f : loaded())
    if (id == f->id) return f;
  return nullptr;
}

// Only the loaded side modules' figures: the page loads a figure's module before the figure.
std::string figure_ids() {
  std::string out;
  for (const FigureInfo* f : loaded()) {
    if (!out.empty()) out += ", ";
    out += f->id;
  }
  return out;
}
}  // namespace mml

#else

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

#endif
