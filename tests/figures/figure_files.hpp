#pragma once
// Each figure file's FigureInfo, declared from the list web/CMakeLists.txt generates (as the
// registry does), for tests that make one test case per figure file so ctest runs them side by
// side: after this header,
//   #define MML_FIGURE_ENTRY(file_name) TEST_CASE("… (" #file_name ".cpp)") { check(figures::figure_info_##file_name()); }
//   #include "figure_list.inc"
#include "web/figures/figure.hpp"

#define MML_FIGURE_ENTRY(file_name) const FigureInfo& figure_info_##file_name();
namespace mml::figures {
#include "figure_list.inc"
}  // namespace mml::figures
#undef MML_FIGURE_ENTRY
