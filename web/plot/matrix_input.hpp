#pragma once
// A matrix the reader edits in the panel: "name = [ … ]" with up to 4 × 4 entries between
// brackets, each column's numbers in its own colour (as plot::matrix shows a 2 × 2). Drag an entry
// sideways to change it, or click it (without dragging) to type; with the figure focused, ←/→
// walk the entries column by column and ↑/↓ change the picked one. Returns true when an entry
// changed, like every interaction helper of the toolkit.
#include <imgui.h>
#include <imgui_internal.h>

#include <Eigen/Dense>
#include <span>

namespace mml::plot {

struct MatrixInputOptions {
  double min = -1e9, max = 1e9;  // every entry stays in [min, max]
  double step = 0;               // entries land on multiples of this (0: anywhere)
  double speed = 0.01;           // dragging: change per CSS pixel
  double nudge = 0.1;            // ↑/↓ with the figure focused; Shift: a tenth of it
  const char* format = "%.3g";
};

// An entry of the matrix: which one the arrow keys change.
struct MatrixCell {
  int row = 0, col = 0;
};

// Where the entries go for a matrix named `name` of rows × cols in a panel `width` CSS pixels
// wide: cells share the room after the name and brackets (at most 72 px each), with their inner
// padding narrowed so a number like "-1.23" still fits a 4 × 4 in a 280 px panel. Offsets are
// from the widget's top-left corner.
struct MatrixInputLayout {
  float cell_width = 0, cell_height = 0, padding_x = 0;
  ImVec2 size;                      // the whole widget
  ImRect cell(int row, int col) const;
  float left = 0, gap = 4;          // where the first column starts; space between cells
};
MatrixInputLayout matrix_input_layout(const char* name, int rows, int cols, float width);

// `m` has up to 4 rows and 4 columns (more are not shown); `column_colors` colour the columns in
// turn (empty: the text colour). `picked` (optional) is the entry the keys change, kept by the
// caller so a figure may also pick entries elsewhere (a handle in a plot); clicking or dragging
// an entry picks it.
bool matrix_input(const char* name, Eigen::Ref<Eigen::MatrixXd> m, std::span<const ImU32> column_colors,
                  const MatrixInputOptions& options = {}, MatrixCell* picked = nullptr);

}  // namespace mml::plot
