// dense-layer: a fully connected layer is a matrix that moves data, then a bend.
// A labelled 2D data set goes through x ↦ σ(W₁x + b₁) (and optionally a second layer); the slider
// plays each stage (the affine move, then the nonlinearity) with the grid carried along. Below the
// picture, core checks whether a straight line now separates the classes: no linear map can make
// that happen, a folding nonlinearity can.
// Page: chapters/linear-transformations.md · Math: core/dense_layer.hpp, core/separability.hpp,
// core/datasets.hpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "core/datasets.hpp"
#include "core/dense_layer.hpp"
#include "core/format.hpp"
#include "core/separability.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/csv.hpp"
#include "web/plot/labels.hpp"
#include "web/plot/plot.hpp"

namespace mml::figures {
namespace {

constexpr double kLimit = 3;      // weights and biases stay in [-3, 3]
constexpr int kGridLines = 13;    // input lines x = k/2 and y = k/2 for |k| ≤ 6
constexpr int kGridSamples = 64;  // points per line: enough to show ReLU's creases and tanh's bends

struct LayerValues {
  Vec2 w1, w2, b;
  int sigma;
};
struct Preset {
  const char* label;
  int dataset;
  bool two_layers;
  LayerValues first, second;
};
// "Untangle" is a network found by search over weights on a 0.25 grid and checked in
// tests/figures/test_dense_layer.cpp: after it, a line separates the moons for every seed tried.
const std::array kPresets = {
    Preset{"Identity", 0, false, {{1, 0}, {0, 1}, {0, 0}, 0}, {{1, 0}, {0, 1}, {0, 0}, 0}},
    Preset{"Linear only", 0, true, {{1, 0.5}, {-0.5, 1.5}, {0.5, 0}, 0}, {{0.75, -1}, {1, 0.5}, {0, 0}, 0}},
    Preset{"Untangle", 0, true, {{1, 2.25}, {-1, 0.75}, {1.25, 0.75}, 1}, {{0.5, 0.75}, {-1, 0}, {0.25, -1.25}, 1}},
};

class DenseLayerFigure final : public Figure {
 public:
  DenseLayerFigure()
      : dataset_(params_.add_choice("data", {"two-moons", "circles", "spirals"}, 0, "the data set")),
        seed_(params_.add_seed("seed", 1, "seed of the sample: the same seed gives the same points")),
        n_(params_.add_int("n", 200, kMinDatasetPoints, kMaxDatasetPoints, "how many points")),
        t_(params_.add_float("t", 1, 0, 1, "how far through the network: 0 the input, 1 the output")) {
    const Preset& p = kPresets[2];
    first_ = add_layer("", p.first, "layer 1");
    two_ = params_.add_bool("two", p.two_layers, "whether a second layer follows the first");
    second_ = add_layer("2", p.second, "layer 2");
  }

  void frame(const FrameContext&) override {
    update();
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 290, 300);
    ImGui::SetCursorScreenPos(layout.plot_min);
    draw_plane(layout.plot_size);
    draw_panel(layout);
  }

  // Every point of the data set with its class, and where each layer puts it.
  std::string csv() const override {
    Cache c;
    compute(&c);
    const std::size_t columns = c.layers.size() == 2 ? 8 : 6;  // the second layer's two only with it
    static constexpr CsvCell kHeader[] = {"point", "class", "input x1", "input x2", "after layer 1 y1", "after layer 1 y2",
                                          "after layer 2 y1", "after layer 2 y2"};
    const std::span header = std::span(kHeader).first(columns);
    CsvTable table(header);
    for (std::size_t i = 0; i < c.data.points.size(); ++i) {
      const Vec2& x = c.data.points[i];
      const Vec2 h = apply_layer(c.layers[0], x);
      const Vec2 y = columns == 8 ? apply_layer(c.layers[1], h) : h;
      const CsvCell row[] = {i + 1, c.data.labels[i], x.x(), x.y(), h.x(), h.y(), y.x(), y.y()};
      table.row(std::span(row).first(columns));
    }
    return table.text();
  }

  std::string describe() const override {
    Cache c;
    compute(&c);
    const std::string data = params_.specs()[std::size_t(dataset_.index)].options[std::size_t(params_.get(dataset_))];
    std::string s = std::to_string(c.data.points.size()) + " points of " + data + " through " + network_text() +
                    ". Input: " + (c.input.separable ? "a line separates the classes" : "no line separates the classes") +
                    ". Output: ";
    s += c.output.separable ? "a line separates them (margin " + format_number(c.output.margin) + ")."
                            : "still no line separates them.";
    return s;
  }

 private:
  struct LayerParams {
    Param<Eigen::Vector2d> w1, w2, b;
    Param<Choice> sigma;
  };
  struct Cache {
    std::uint64_t revision = ~0ull;
    LabeledPoints data;
    std::vector<DenseLayer> layers;
    std::vector<Vec2> shown;  // the points at the slider's position
    SeparatingLine input, output, now;
  };

  LayerParams add_layer(const std::string& suffix, const LayerValues& v, const std::string& what) {
    LayerParams p;
    p.w1 = params_.add_vec2("w" + suffix + "e1", v.w1, -kLimit, kLimit, "first column of " + what + "'s matrix W");
    p.w2 = params_.add_vec2("w" + suffix + "e2", v.w2, -kLimit, kLimit, "second column of " + what + "'s matrix W");
    p.b = params_.add_vec2("b" + suffix, v.b, -kLimit, kLimit, what + "'s bias b");
    p.sigma = params_.add_choice("sigma" + suffix, {"identity", "relu", "tanh"}, v.sigma, what + "'s nonlinearity");
    return p;
  }
  DenseLayer layer(const LayerParams& p) const {
    DenseLayer l;
    l.weights = matrix_from_columns(params_.get(p.w1), params_.get(p.w2));
    l.bias = params_.get(p.b);
    l.activation = Activation(params_.get(p.sigma));
    return l;
  }
  void set_layer(const LayerParams& p, const LayerValues& v) {
    params_.set(p.w1, v.w1);
    params_.set(p.w2, v.w2);
    params_.set(p.b, v.b);
    params_.set(p.sigma, v.sigma);
  }
  double stages() const { return params_.get(two_) ? 4 : 2; }

  // Everything derived from the parameters, recomputed only when they change.
  void compute(Cache* c) const {
    const auto kind = Dataset(params_.get(dataset_));
    c->data = make_dataset(kind, params_.get(n_), params_.get(seed_), default_noise(kind));
    c->layers = {layer(first_)};
    if (params_.get(two_)) c->layers.push_back(layer(second_));
    c->shown = map_network(c->layers, c->data.points, params_.get(t_) * stages());
    const std::vector<Vec2> out = map_network(c->layers, c->data.points, stages());
    c->input = find_separating_line(c->data.points, c->data.labels);
    c->output = find_separating_line(out, c->data.labels);
    c->now = find_separating_line(c->shown, c->data.labels);
  }
  void update() {
    if (cache_.revision == params_.revision()) return;
    compute(&cache_);
    cache_.revision = params_.revision();
  }

  std::string network_text() const {
    std::string s = "σ(W\u2081x + b\u2081) with σ = " +
                    std::string(activation_name(Activation(params_.get(first_.sigma))));
    if (params_.get(two_))
      s += ", then σ(W\u2082x + b\u2082) with σ = " + std::string(activation_name(Activation(params_.get(second_.sigma))));
    return s;
  }
  // Which stage the slider is in, in words.
  std::string stage_text() const {
    const double p = params_.get(t_) * stages();
    if (p <= 0) return "the input";
    const int k = std::min(int(std::ceil(p)) - 1, int(stages()) - 1);
    const std::string layer_no = k < 2 ? "\u2081" : "\u2082";
    const bool done = p >= k + 1;
    const std::string what = k % 2 == 0 ? "W" + layer_no + "x + b" + layer_no
                                        : std::string(activation_name(Activation(params_.get((k < 2 ? first_ : second_).sigma)))) +
                                              " of layer " + (k < 2 ? "1" : "2");
    return (done ? "after " : "applying ") + what;
  }

  void draw_plane(ImVec2 size) {
    const plot::Theme& t = plot::current_theme();
    if (!plot::begin_plot("##data", size, plot::PlotFlags_EqualAspect)) return;
    // Fit the points where they are now (at least 1.6 across, so collapsed data stays readable).
    Vec2 lo = Vec2::Constant(INFINITY), hi = Vec2::Constant(-INFINITY);
    for (const Vec2& p : cache_.shown) {
      if (!p.allFinite()) continue;
      lo = lo.cwiseMin(p);
      hi = hi.cwiseMax(p);
    }
    if (!(lo.x() <= hi.x())) lo = hi = Vec2::Zero();
    const Vec2 mid = (lo + hi) / 2, half = ((hi - lo) / 2).cwiseMax(0.8);
    lo = mid - half;
    hi = mid + half;
    const Vec2 pad = 0.12 * (hi - lo);
    plot::setup_axes({lo.x() - pad.x(), hi.x() + pad.x()}, {lo.y() - pad.y(), hi.y() + pad.y()});
    draw_grid(t);
    const std::array<ImU32, 2> palette = {t.first, t.second};
    plot::scatter(cache_.shown, cache_.data.labels, palette, cache_.shown.size() > 500 ? 2.5f : 3.5f);
    if (cache_.now.separable) {
      // normal·x = offset across the view, dashed.
      const Vec2 dir(-cache_.now.normal.y(), cache_.now.normal.x()), on = cache_.now.normal * cache_.now.offset;
      const double reach = plot::current_view().x().size() + plot::current_view().y().size();
      plot::segment(on - reach * dir, on + reach * dir, t.third, 2.5f, plot::kDashed);
    }
    plot::caption(stage_text().c_str());
    plot::end_plot();
  }

  // The input grid carried through the network to the slider's stage: straight while W acts,
  // creased by ReLU, bent by tanh.
  void draw_grid(const plot::Theme& t) const {
    const double progress = params_.get(t_) * stages();
    std::vector<Vec2> line(kGridSamples);
    for (int axis = 0; axis < 2; ++axis)
      for (int k = 0; k < kGridLines; ++k) {
        const double c = (k - kGridLines / 2) * 0.5;
        for (int i = 0; i < kGridSamples; ++i) {
          const double s = -3 + 6.0 * i / (kGridSamples - 1);
          line[std::size_t(i)] = network_at(cache_.layers, axis == 0 ? Vec2(c, s) : Vec2(s, c), progress);
        }
        plot::polyline(line, c == 0 ? t.axis : t.grid_strong, c == 0 ? 1.4f : 1.0f);
      }
  }

  void draw_panel(const plot::FigureLayout& layout) {
    const plot::Theme& t = plot::current_theme();
    plot::begin_panel(layout);
    plot::slider(params_, t_, "input \u2192 output", "%.2f");
    verdict("Input", cache_.input, t);
    verdict("Output", cache_.output, t);
    ImGui::Spacing();
    if (const Preset* preset = plot::preset_row(kPresets)) apply(*preset);
    layer_controls("Layer 1: \u03c3(W\u2081x + b\u2081)", first_, true);
    plot::checkbox(params_, two_, "Second layer");
    if (params_.get(two_)) layer_controls("Layer 2: \u03c3(W\u2082x + b\u2082)", second_, false);
    if (ImGui::CollapsingHeader("Data")) {
      static constexpr std::array kKinds = {"two moons", "circles", "spirals"};
      plot::dropdown(params_, dataset_, "data set", kKinds);
      plot::slider(params_, n_, "points");
      if (ImGui::Button("New sample")) params_.set(seed_, params_.get(seed_) + 1);
    }
    plot::end_panel();
  }

  static void verdict(const char* what, const SeparatingLine& s, const plot::Theme& t) {
    const std::string text = std::string(what) + (s.separable ? ": yes, a line separates the classes"
                                                              : ": no line separates the classes");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(s.separable ? t.third : t.text_muted));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
  }

  void layer_controls(const char* title, const LayerParams& p, bool open) {
    const plot::Theme& t = plot::current_theme();
    if (!ImGui::CollapsingHeader(title, open ? ImGuiTreeNodeFlags_DefaultOpen : 0)) return;
    ImGui::PushID(title);
    plot::matrix("W", matrix_from_columns(params_.get(p.w1), params_.get(p.w2)), t.first, t.second);
    for (auto [param, label, color] : {std::tuple{p.w1, "We\u2081", t.first}, std::tuple{p.w2, "We\u2082", t.second},
                                       std::tuple{p.b, "b", t.third}}) {
      Vec2 v = params_.get(param);
      if (plot::vec2_input(label, &v, -kLimit, kLimit, color)) params_.set(param, v);
    }
    static constexpr std::array kSigmas = {"identity", "ReLU", "tanh"};
    plot::dropdown(params_, p.sigma, "\u03c3", kSigmas);
    ImGui::PopID();
  }

  void apply(const Preset& p) {
    params_.set(dataset_, p.dataset);
    params_.set(two_, p.two_layers);
    set_layer(first_, p.first);
    set_layer(second_, p.second);
    params_.set(t_, 1.0);
  }

  Param<Choice> dataset_;
  Param<std::uint64_t> seed_;
  Param<std::int64_t> n_;
  Param<double> t_;
  LayerParams first_, second_;
  Param<bool> two_;
  Cache cache_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(dense_layer, "dense-layer", "A dense layer moves the data",
           "Send a 2D data set through x \u21a6 \u03c3(Wx + b), one or two layers, stage by stage: the matrix "
           "moves the points and the grid, the nonlinearity bends them, and the panel says whether a straight "
           "line can now separate the classes.",
           1.5f, 0.5f, DenseLayerFigure)
