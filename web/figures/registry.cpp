// Every figure, listed by hand (no static registration the linker could drop). Adding a figure:
// write web/figures/<id_with_underscores>.cpp, declare its factory here, add it to the list and to
// web/CMakeLists.txt; the manifest, gallery and headless test pick it up from this list.
#include "web/figures/figure.hpp"

namespace mml::figures {
std::unique_ptr<Figure> make_basis_images();
}  // namespace mml::figures

namespace mml {
namespace {
const FigureInfo kFigures[] = {
    {"basis-images", "Where the unit vectors land",
     "Drag the images of e\u2081 and e\u2082: the grid, the unit square and the letter F follow, "
     "and the determinant is the signed area of the square's image.",
     1.6f, 0.62f, &figures::make_basis_images},
};
}  // namespace

std::span<const FigureInfo> all_figures() { return kFigures; }

const FigureInfo* find_figure(std::string_view id) {
  for (const FigureInfo& f : kFigures)
    if (id == f.id) return &f;
  return nullptr;
}

std::string figure_ids() {
  std::string out;
  for (const FigureInfo& f : kFigures) out += (out.empty() ? "" : ", ") + std::string(f.id);
  return out;
}

}  // namespace mml
