#pragma once
// Each figure file's FigureInfo, declared from the list web/CMakeLists.txt generates (as the
// registry does), for tests that make one test case per figure file, tagged with the file so
// that ctest runs it with the figure's other headless tests ("figures: <file>.cpp"): after this
// header,
//   #define MML_FIGURE_ENTRY(file_name) TEST_CASE("… (" #file_name ".cpp)", "[per-figure][figure-" #file_name "]") { … }
//   #include "figure_list.inc"
#include "web/figures/figure.hpp"

#define MML_FIGURE_ENTRY(file_name) const FigureInfo& figure_info_##file_name();
namespace mml::figures {
#include "figure_list.inc"
}  // namespace mml::figures
#undef MML_FIGURE_ENTRY
