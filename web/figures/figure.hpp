#pragma once
// What every figure is: parameters (its whole state, declared in its constructor), a frame
// function that draws it with the toolkit, and a live text description for screen readers.
// One file per figure in this folder; registry.cpp lists them all.
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/params.hpp"

namespace mml {

struct FrameContext {
  double time = 0;            // seconds since the figure started
  double dt = 0;              // seconds since the previous frame
  bool reduced_motion = false;
};

class Figure {
 public:
  virtual ~Figure() = default;
  // Draws the whole figure into the current ImGui window (which covers the canvas).
  virtual void frame(const FrameContext& context) = 0;
  // What the figure shows right now, in one or two sentences.
  virtual std::string describe() const = 0;
  // True while an animation runs, so the host keeps producing frames.
  virtual bool animating() const { return false; }
  // The toolbar's Reset: every parameter back to its default, and any animation stopped. (A
  // figure's own "Rewind" only takes its timeline back to the start: a different thing.)
  virtual void reset() { params_.reset(); }
  // The data the figure holds as a CSV table (web/plot/csv.hpp): header row, full-precision
  // numbers, RFC 4180. Empty for figures without data; the page then offers no CSV download.
  virtual std::string csv() const { return {}; }

  ParamSet& params() { return params_; }
  const ParamSet& params() const { return params_; }

 protected:
  ParamSet params_;
};

struct FigureInfo {
  const char* id;        // "basis-images": the element's name, the file web/figures/basis_images.cpp
  const char* title;     // (both null in the web module: see MML_FIGURE_TEXT)
  const char* summary;   // one sentence for galleries and the figure's accessible description
  float aspect;          // width / height of the canvas when it is wide (panel beside the plot)
  float narrow_aspect;   // the same below plot::kWideLayoutMinWidth (panel under the plot)
  std::unique_ptr<Figure> (*make)();
};

// The web module never shows a figure's title or summary (pages take them from the manifest that
// the native mml-manifest prints), so mml.wasm leaves them out: null, not "", since a pointer to
// text costs a side module a relocation when it loads.
#ifdef __EMSCRIPTEN__
#define MML_FIGURE_TEXT(text) nullptr
#else
#define MML_FIGURE_TEXT(text) text
#endif

// Every figure file ends with one MML_FIGURE line: its id (the file name with '-' for '_'),
// title, one-sentence summary, wide and narrow aspect ratios, and its class. CMake lists the
// files in web/figures/ and registry.cpp collects them, so adding a figure is adding its file.
#define MML_FIGURE(file_name, id, title, summary, aspect, narrow_aspect, Class)                 \
  namespace mml::figures {                                                                    \
  const FigureInfo& figure_info_##file_name() {                                               \
    static const FigureInfo info{id, MML_FIGURE_TEXT(title), MML_FIGURE_TEXT(summary), aspect, \
                                 narrow_aspect,                                               \
                                 []() -> std::unique_ptr<Figure> { return std::make_unique<Class>(); }}; \
    return info;                                                                              \
  }                                                                                           \
  }

std::span<const FigureInfo> all_figures();
const FigureInfo* find_figure(std::string_view id);
std::string figure_ids();  // "basis-images, …" for error messages

}  // namespace mml
