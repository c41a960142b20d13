#pragma once
// The figure's side panel: layout and the few widgets every figure shares (typed vectors, a
// matrix shown with coloured columns, a row of preset buttons). Like the plot items, each
// interactive helper returns true when the reader changed something.
#include <imgui.h>

#include <array>
#include <iterator>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "core/expression.hpp"
#include "core/linear_map.hpp"
#include "core/params.hpp"

namespace mml::plot {

// Where the plot and the panel go inside the figure: side by side when the canvas is wide
// enough, the panel under the plot on narrow screens (phones).
struct FigureLayout {
  ImVec2 plot_min, plot_size;
  ImVec2 panel_min, panel_size;
  bool stacked = false;
};
inline constexpr float kWideLayoutMinWidth = 560;  // CSS pixels (web/js/mml-figure.js agrees)
FigureLayout split_layout(ImVec2 origin, ImVec2 size, float panel_width = 280,
                          float stacked_panel_height = 250);

// Opens and closes the panel child window at `layout.panel_*`.
void begin_panel(const FigureLayout& layout);
void end_panel();

// A heading line in the panel.
void heading(const char* text);
// Muted text wrapped to the panel width.
void note(const char* text);
// "name = [ a₁ b₁ ; a₂ b₂ ]" with each column in its own colour.
void matrix(const char* name, const Mat2& m, ImU32 first_column, ImU32 second_column);
// A read-only table of text: a header row, then `rows` (each as many cells as `header`) on
// alternating backgrounds; columns share the panel width in proportion to their widest cell and
// numbers are right-aligned.
void table(std::span<const char* const> header, const std::vector<std::vector<std::string>>& rows);
// Two number fields for a vector; typed values are clamped to [min, max].
bool vec2_input(const char* label, Vec2* v, double min, double max, ImU32 swatch);
// Labels read in place: `count` of them, each `stride` bytes after the one before (a list of
// labels, or the `const char* label` members of an array of presets), so the preset helpers below
// pass their presets' labels without building a list of them in every figure.
struct Labels {
  const char* const* first = nullptr;
  std::size_t stride = sizeof(const char*);
  std::size_t count = 0;
  Labels() = default;
  // Any contiguous list of labels (an array, a vector, a span).
  template <class List>
    requires std::is_convertible_v<const List&, std::span<const char* const>>
  Labels(const List& list)  // NOLINT(google-explicit-constructor)
      : first(std::span<const char* const>(list).data()), count(std::span<const char* const>(list).size()) {}
  Labels(const char* const* first_label, std::size_t stride_bytes, std::size_t n)
      : first(first_label), stride(stride_bytes), count(n) {}
  std::size_t size() const { return count; }
  bool empty() const { return count == 0; }
  const char* operator[](std::size_t i) const {
    return *reinterpret_cast<const char* const*>(reinterpret_cast<const char*>(first) + i * stride);
  }
};
// The `label` of each preset: `presets` is any contiguous range of structs with a `const char* label`.
template <class Presets>
Labels preset_labels(const Presets& presets) {
  return {&std::data(presets)->label, sizeof *std::data(presets), std::size(presets)};
}

// Buttons that wrap onto new lines; returns the index clicked, or -1.
int button_row(Labels labels);
// A button_row with one button per preset, labelled with its `label`; returns the preset clicked,
// or nullptr.
template <class Presets>
auto preset_row(const Presets& presets) -> decltype(&*std::data(presets)) {
  const int clicked = button_row(preset_labels(presets));
  return clicked >= 0 ? &std::data(presets)[clicked] : nullptr;
}
// A labelled slider over [min, max]; the reader may also Ctrl+click to type a value.
bool slider(const char* label, double* value, double min, double max, const char* format = "%.3g",
            bool logarithmic = false);
bool slider_int(const char* label, int* value, int min, int max);
// A labelled dropdown over `options`; `index` is the chosen one.
bool dropdown(const char* label, int* index, Labels options);

// The same controls bound to a figure's parameter: each reads the parameter and writes a change
// back through ParamSet::set, so the value is clamped to the parameter's range and kept on its
// step; a slider spans the parameter's declared range. A logarithmic slider keeps `significant`
// significant digits (0: all), so a learning rate reads 0.0015 in the panel and in the address.
bool slider(ParamSet& params, Param<double> p, const char* label, const char* format = "%.3g",
            bool logarithmic = false, int significant = 0);
bool slider(ParamSet& params, Param<std::int64_t> p, const char* label);
bool dropdown(ParamSet& params, Param<Choice> p, const char* label, Labels options);
// A checkbox; `mark` colours its tick (a series' colour: the box is that series' legend), 0: the theme's.
bool checkbox(ParamSet& params, Param<bool> p, const char* label, ImU32 mark = 0);
// A dropdown bound to a choice parameter whose options are presets (structs with a `const char*
// label`, in the parameter's order); returns the preset just picked, or nullptr, so the figure
// can set what the preset brings along (a start, rates) in the same frame.
template <class Presets>
auto preset_dropdown(ParamSet& params, Param<Choice> p, const char* label, const Presets& presets)
    -> decltype(&*std::data(presets)) {
  return dropdown(params, p, label, preset_labels(presets)) ? &std::data(presets)[params.get(p)] : nullptr;
}
// A dropdown of example formulas (each preset has .label and .text) and "Your own formula",
// which it shows while `formula` is none of them. Returns the example picked, or −1.
int formula_examples(const char* label, const std::string& formula, Labels labels, Labels texts);
template <class Presets>
int formula_examples(const char* label, const std::string& formula, const Presets& presets) {
  return formula_examples(label, formula, preset_labels(presets),
                          Labels(&std::data(presets)->text, sizeof *std::data(presets), std::size(presets)));
}

// A text field for a function expression, with the parser's message shown under it in the
// error colour. Returns true when the text changed; `error` empty means the text is valid.
bool expression_input(const char* label, std::string* text, const std::string& error);
// The same bound to a figure's formula parameter and the expression it determines: the field
// shows the parameter's text, a change is written back through ParamSet::set, and `f` is kept
// parsed from the parameter (its error is the message under the field). So the parser is the
// toolkit's, in the shared part of the web runtime, not in every figure that takes a formula.
bool expression_input(ParamSet& params, Param<std::string> p, const char* label, TypedExpression* f);

}  // namespace mml::plot
