#pragma once
// Decision regions, in the toolkit's grammar: the plane coloured by what a classifier says at each
// point, as an item of the current plot (after setup_axes, before the data drawn over it). The
// classifier is sampled on a grid over the view every frame and painted on the heat maps' GPU path
// (web/plot/field.hpp: the WebGL2 field shader, the poster rasterizer), so boundaries run smoothly
// through the grid's cells and are antialiased.
// - class_regions: f(x, y) is a class; class k takes palette[k] (wrapping).
// - probability_regions: f(x, y) is the probability p of the second class; the colour is the
//   first class's towards p = 0 and the second's towards p = 1, fading out at p = ½, so the
//   uncertain band reads as uncertain.
// The decision boundary (where the class changes, p = ½) is an optional line.
#include <imgui.h>

#include "core/function_ref.hpp"
#include <span>
#include <vector>

namespace mml::plot {

// Samples kept from one frame to the next, owned by the figure (one per region item): while the
// view, the sampling and `RegionOptions::key` are unchanged the classifier is not evaluated again,
// so dragging a handle over costly regions (k-NN on every sample) stays cheap.
struct RegionCache {
  std::vector<double> key;  // the figure's key, the view's screen rectangle and data ranges, the sampling
  std::vector<float> values;
};

struct RegionOptions {
  float opacity = 0.3f;       // of the regions' colours (a probability's fade multiplies it)
  ImU32 boundary = 0;         // the boundary line's colour (0: no line)
  float boundary_width = 2;   // CSS pixels
  float cell = 4;             // CSS pixels between samples: finer costs more evaluations of f
  // With a cache, f is sampled again only when the view or `key` changes: the figure's key holds
  // the numbers f depends on (as cached_grid's does); without one, f is sampled every frame.
  RegionCache* cache = nullptr;
  std::span<const double> key = {};
};

// Regions of f(x, y) ∈ {0, 1, …}, class k in palette[k mod size] (an empty palette: the theme's
// series colours; at most 8 colours are used).
void class_regions(FunctionRef<int(double, double)> f, std::span<const ImU32> palette,
                   const RegionOptions& options = {});
// Regions of a probability p(x, y) ∈ [0, 1]: `low` where p < ½, `high` where p > ½.
void probability_regions(FunctionRef<double(double, double)> p, ImU32 low, ImU32 high,
                         const RegionOptions& options = {});

}  // namespace mml::plot
