// Prints, natively, in three tables:
// 1. each figure's frame time at its default state (target: under 1 ms), with the pointer moving
//    so every frame does real work;
// 2. the time per call of the core routines (core/) the figures call per frame or when a
//    parameter changes, each at the input size its figure uses: figures cache most of these
//    results, so table 1 does not show what a parameter change costs, and this table does;
// 3. the cost of rendering one poster per figure as mml-poster does (FigureHost, software raster,
//    PNG bytes in memory, no file), at the site's wide poster size (web/site/posters.mjs).
// Not a test: numbers, for people. Build type matters: use a Release build for real figures
//   cmake --preset native-release && cmake --build --preset native-release --target mml_bench
#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/composition.hpp"
#include "core/datasets.hpp"
#include "core/dense_layer.hpp"
#include "core/descent_1d.hpp"
#include "core/expression.hpp"
#include "core/information.hpp"
#include "core/least_squares.hpp"
#include "core/linear_map.hpp"
#include "core/linear_map_3d.hpp"
#include "core/logistic_regression.hpp"
#include "core/optimizers.hpp"
#include "core/random.hpp"
#include "core/secant.hpp"
#include "core/separability.hpp"
#include "core/test_functions.hpp"
#include "web/app/figure_host.hpp"
#include "web/app/raster.hpp"
#include "web/plot/plot.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
using mml::Vec2;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

template <class T, std::size_t N>
T median(std::array<T, N> values) {
  std::sort(values.begin(), values.end());
  return values[N / 2];
}

// Every timed call's result is added here, so the optimizer cannot drop the work.
volatile double sink = 0;

// Time per call in microseconds: repetitions doubled until a batch takes at least 10 ms (this
// also warms caches up), then the median of 5 such batches, which shrugs off a batch that a
// busy machine interrupted.
template <class F>
double microseconds_per_call(F&& work) {
  long reps = 1;
  for (;;) {
    const auto start = clock_type::now();
    for (long i = 0; i < reps; ++i) sink = sink + work();
    if (ms_since(start) >= 10) break;
    reps *= 2;
  }
  std::array<double, 5> batches{};
  for (double& ms : batches) {
    const auto start = clock_type::now();
    for (long i = 0; i < reps; ++i) sink = sink + work();
    ms = ms_since(start);
  }
  return median(batches) * 1000 / double(reps);
}

// ---- 1. frames --------------------------------------------------------------------------------

void time_frames() {
  std::printf("figure frame times, 900 px wide at pixel ratio 2, 500 frames after 10 warm-up frames\n");
  std::printf("%-24s %10s %10s %12s\n", "figure", "mean ms", "max ms", "vertices");
  for (const mml::FigureInfo& info : mml::all_figures()) {
    mml::FigureHost host(info);
    host.resize(900, 900 / info.aspect, 2);
    double time = 0;
    for (int i = 0; i < 10; ++i) host.frame(time += 1.0 / 60);  // warm up: fonts, layout
    const int frames = 500;
    double total = 0, worst = 0;
    for (int i = 0; i < frames; ++i) {
      host.pointer_move(float(i % 900), float((i * 7) % 500));
      const auto start = clock_type::now();
      host.frame(time += 1.0 / 60);
      const double ms = ms_since(start);
      total += ms;
      if (ms > worst) worst = ms;
    }
    std::printf("%-24s %10.3f %10.3f %12d%s\n", info.id, total / frames, worst,
                host.draw_data()->TotalVtxCount, total / frames < 1 ? "" : "  (over the 1 ms target)");
  }
}

// ---- 2. core routines -------------------------------------------------------------------------

void routine_row(const char* figure, const char* routine, const std::string& input, double us) {
  std::printf("%-20s %-34s %-36s %10.2f\n", figure, routine, input.c_str(), us);
}

std::string steps_text(int steps) { return std::to_string(steps) + (steps == 1 ? " step" : " steps"); }

mml::Expression parse_or_die(const char* text, const char* variable) {
  const std::array<std::string_view, 1> variables = {variable};
  mml::ExpressionResult r = mml::parse_expression(text, std::span<const std::string_view>(variables));
  if (!r.ok) std::fprintf(stderr, "bench: cannot parse %s: %s\n", text, r.error.c_str());
  return r.expression;
}

void time_core_routines() {
  std::printf("\ncore routines at the figures' sizes, median of 5 batches of at least 10 ms each\n");
  std::printf("%-20s %-34s %-36s %10s\n", "figure", "routine", "input", "us/call");

  // gradient-descent-1d: the walk is recomputed every frame (default 3 steps, at most 200);
  // the text is parsed again only when the reader edits it.
  {
    const char* text = "x^4 - 3x^2 + x";
    const mml::Expression e = parse_or_die(text, "x");
    const std::array<std::string_view, 1> x = {"x"};
    routine_row("gradient-descent-1d", "parse_expression", "\"x^4 - 3x^2 + x\"", microseconds_per_call([&] {
                  return double(mml::parse_expression(text, std::span<const std::string_view>(x)).expression.program().size());
                }));
    routine_row("gradient-descent-1d", "Expression::derivative", "x^4 - 3x^2 + x at one x",
                microseconds_per_call([&] { return e.derivative(0.7).v; }));
    mml::DescentOptions o;
    o.learning_rate = 0.01;  // slow enough that the walk takes (about) all 200 steps
    o.steps = mml::kMaxDescentSteps;
    o.lower = -2.2, o.upper = 2.2;
    auto walk = [&] { return mml::gradient_descent_1d([&e](double x) { return e.derivative(x); }, 2, o); };
    routine_row("gradient-descent-1d", "gradient_descent_1d", "x^4 - 3x^2 + x, " + steps_text(walk().steps()) + " (cap)",
                microseconds_per_call([&] { return walk().points.back().x; }));
  }
  // derivative-as-speed: one reading per frame (and one per description).
  {
    const mml::Expression e = parse_or_die("5t - t^2", "t");
    const auto s = [&e](double t) { return e.derivative(t); };
    routine_row("derivative-as-speed", "read_speed", "5t - t^2, t = 1, h = 1",
                microseconds_per_call([&] { return mml::read_speed(s, 1, 1).secant; }));
  }
  // line-fit: the path when the points, the start or the rate change; the MSE map (72 x 72) when
  // the points or the view change; the least-squares line every frame.
  {
    const std::vector<Vec2> pts = {{0.4, 0.9}, {0.9, 1.6}, {1.4, 1.5}, {1.9, 2.6}, {2.4, 2.7}, {2.9, 3.0}};
    routine_row("line-fit", "least_squares_line", "6 points",
                microseconds_per_call([&] { return mml::least_squares_line(pts).theta.x(); }));
    routine_row("line-fit", "mse_gradient_descent", "6 points, 300 steps (cap)", microseconds_per_call([&] {
                  return mml::mse_gradient_descent(pts, {-1, 2}, 0.2, 300).back().x();
                }));
    routine_row("line-fit", "log1p(mse) on a grid", "6 points, 72 x 72 samples", microseconds_per_call([&] {
                  return mml::plot::sample_grid([&pts](double a, double b) { return std::log1p(mml::mse(pts, {a, b})); },
                                                {-4, 4}, {-4, 4}, 72, 72)
                      .values(5, 5);
                }));
  }
  // logistic-loss: data and both minima when the seed or n change; both trainings (300 steps,
  // always run to the cap) when the start or the rate change; both loss maps when the data or
  // the view change. Defaults: n = 40, seed 15, start (-4, -2), rate 1.
  {
    const Vec2 centre(0.9, 0.45);
    const mml::LabeledPoints data = mml::make_two_blobs(40, 15, centre, 0.8);
    routine_row("logistic-loss", "make_two_blobs", "40 points",
                microseconds_per_call([&] { return mml::make_two_blobs(40, 15, centre, 0.8).points[3].x(); }));
    const mml::LossMinimum ce = mml::minimize_loss(mml::ClassifierLoss::CrossEntropy, data, {0, 0});
    routine_row("logistic-loss", "minimize_loss, cross-entropy", "40 points, Newton from 0", microseconds_per_call([&] {
                  return mml::minimize_loss(mml::ClassifierLoss::CrossEntropy, data, {0, 0}).loss;
                }));
    routine_row("logistic-loss", "minimize_loss, squared error", "40 points, Newton from the CE minimum",
                microseconds_per_call([&] { return mml::minimize_loss(mml::ClassifierLoss::SquaredError, data, ce.w).loss; }));
    for (const mml::ClassifierLoss loss : {mml::ClassifierLoss::CrossEntropy, mml::ClassifierLoss::SquaredError}) {
      const std::string name = std::string("train_logistic, ") + mml::loss_name(loss);
      routine_row("logistic-loss", name.c_str(), "40 points, 300 steps", microseconds_per_call([&] {
                    return mml::train_logistic(loss, data, {-4, -2}, 1, 300).losses.back();
                  }));
    }
    for (const int n : {40, 200}) {  // the default and the maximum: the map's cost grows with n
      const mml::LabeledPoints points = mml::make_two_blobs(n, 15, centre, 0.8);
      routine_row("logistic-loss", "mean_loss on a grid (one map)", std::to_string(n) + " points, 64 x 64 samples",
                  microseconds_per_call([&] {
                    return mml::plot::sample_grid([&](double a, double b) {
                             return mml::mean_loss(mml::ClassifierLoss::CrossEntropy, points, {a, b});
                           }, {-6, 6}, {-6, 6}, 64, 64)
                        .values(5, 5);
                  }));
    }
  }
  // loss-landscape: four optimizer runs (at most 500 steps, escape radius 100) when the function,
  // the start or a rate change; the 72 x 72 height map when the function or the view change.
  // Default: Rosenbrock from (-1.5, 2), rate 1.5e-3, Adam 0.1.
  {
    const mml::Landscape f{mml::LandscapeKind::Rosenbrock, 10};
    mml::OptimizerSettings s;
    s.learning_rate = 1.5e-3;
    s.adam_rate = 0.1;
    s.max_steps = 500;
    s.escape_radius = 100;
    for (const mml::Optimizer method : {mml::Optimizer::GradientDescent, mml::Optimizer::Momentum, mml::Optimizer::Adam,
                                        mml::Optimizer::Newton}) {
      const std::string name = std::string("run_optimizer, ") + mml::optimizer_name(method);
      const int steps = mml::run_optimizer(method, f, {-1.5, 2}, s).steps();
      routine_row("loss-landscape", name.c_str(), "Rosenbrock, " + steps_text(steps), microseconds_per_call([&] {
                    return mml::run_optimizer(method, f, {-1.5, 2}, s).losses.back();
                  }));
    }
    routine_row("loss-landscape", "log1p(f) on a grid", "Rosenbrock, 72 x 72 samples", microseconds_per_call([&] {
                  return mml::plot::sample_grid([&f](double a, double b) { return std::log1p(f.value({a, b})); },
                                                {-2, 2}, {-1, 3}, 72, 72)
                      .values(5, 5);
                }));
  }
  // dense-layer: on any parameter change, the data, the points through the network twice and
  // three separability tests. Default: two moons, 200 points, "Untangle" (two ReLU layers).
  {
    const mml::Dataset kind = mml::Dataset::TwoMoons;
    const mml::LabeledPoints data = mml::make_dataset(kind, 200, 1, mml::default_noise(kind));
    const std::vector<mml::DenseLayer> layers = {
        {mml::matrix_from_columns(Vec2(1, 2.25), Vec2(-1, 0.75)), {1.25, 0.75}, mml::Activation::ReLU},
        {mml::matrix_from_columns(Vec2(0.5, 0.75), Vec2(-1, 0)), {0.25, -1.25}, mml::Activation::ReLU}};
    const std::vector<Vec2> out = mml::map_network(layers, data.points, 4);
    routine_row("dense-layer", "make_dataset", "two moons, 200 points", microseconds_per_call([&] {
                  return mml::make_dataset(kind, 200, 1, mml::default_noise(kind)).points[3].x();
                }));
    routine_row("dense-layer", "map_network", "200 points, 2 layers", microseconds_per_call([&] {
                  return mml::map_network(layers, data.points, 4)[3].x();
                }));
    routine_row("dense-layer", "find_separating_line, input", "200 points (not separable)", microseconds_per_call([&] {
                  return mml::find_separating_line(data.points, data.labels).margin;
                }));
    routine_row("dense-layer", "find_separating_line, output", "200 points after the network", microseconds_per_call([&] {
                  return mml::find_separating_line(out, data.labels).margin;
                }));
  }
  // expected-value: when the die or the seed change, the rolls are drawn again up to n
  // (default 100; Play runs to 10^4), with their running mean.
  {
    const std::vector<double> p = {0.1, 0.1, 0.1, 0.1, 0.2, 0.4};
    routine_row("expected-value", "DiscreteSampler + draws", "6 faces, 10^4 rolls and running mean",
                microseconds_per_call([&] {
                  const mml::DiscreteSampler sample(p);
                  mml::Rng rng(1);
                  double sum = 0, mean = 0;
                  for (int i = 1; i <= 10000; ++i) mean = (sum += sample(rng) + 1.0) / i;
                  return mean;
                }));
  }
  // entropy and cross-entropy: recomputed every frame for the panel and the plots.
  {
    const std::vector<double> p = {0.5, 0.25, 0.125, 0.125}, q = {0.25, 0.25, 0.25, 0.25};
    const std::vector<double> p8 = {0.3, 0.2, 0.15, 0.1, 0.1, 0.08, 0.05, 0.02};
    routine_row("entropy", "entropy_bits", "4 outcomes", microseconds_per_call([&] { return mml::entropy_bits(p); }));
    routine_row("entropy", "huffman_code", "4 outcomes",
                microseconds_per_call([&] { return mml::huffman_code(p).average_length; }));
    routine_row("entropy", "huffman_code", "8 outcomes (the maximum)",
                microseconds_per_call([&] { return mml::huffman_code(p8).average_length; }));
    routine_row("cross-entropy", "cross_entropy_bits + KL", "4 classes", microseconds_per_call([&] {
                  return mml::cross_entropy_bits(p, q) + mml::kl_divergence_bits(p, q);
                }));
  }
  // The linear-map figures: every frame, a few 2 x 2 or 3 x 3 products and one sentence.
  {
    const mml::Mat2 a = mml::matrix_from_columns(Vec2(0, 1), Vec2(-1, 0));
    const mml::Mat2 b = mml::matrix_from_columns(Vec2(1, 0), Vec2(1, 1));
    routine_row("basis-images", "map_points", "letter F (10 corners)",
                microseconds_per_call([&] { return mml::map_points(a, mml::letter_f())[1].x(); }));
    routine_row("basis-images", "describe_area_change", "2 x 2", microseconds_per_call([&] {
                  return double(mml::describe_area_change(b).size());
                }));
    routine_row("composition", "compose (both orders) + commute", "2 x 2", microseconds_per_call([&] {
                  return mml::compose(b, a)(0, 1) + mml::compose(a, b)(1, 0) + mml::commute(b, a);
                }));
    routine_row("composition", "composition_at", "2 x 2, t = 1.5",
                microseconds_per_call([&] { return mml::composition_at(b, a, 1.5)(0, 1); }));
    const mml::Mat3 m = mml::matrix_from_columns(mml::Vec3(1.5, 0, 0.5), mml::Vec3(0.5, 1, 0), mml::Vec3(0.5, 0, 1.5));
    routine_row("determinant-3d", "describe_volume_change", "3 x 3", microseconds_per_call([&] {
                  return double(mml::describe_volume_change(m).size());
                }));
    routine_row("determinant-3d", "image_dimension", "3 x 3",
                microseconds_per_call([&] { return double(mml::image_dimension(m)); }));
    routine_row("determinant-3d", "corners + enclosed_volume", "3 x 3", microseconds_per_call([&] {
                  return mml::enclosed_volume(mml::parallelepiped_corners(m), mml::kCubeFaces);
                }));
  }
}

// ---- 3. posters -------------------------------------------------------------------------------

struct PosterTimes {
  double frames = 0, raster = 0, png = 0, total = 0;
  std::size_t bytes = 0;
  int width = 0, height = 0;
};

// One poster as mml-poster renders it (defaults, light theme), in memory.
PosterTimes render_poster(const mml::FigureInfo& info, float css_width, float pixel_ratio) {
  PosterTimes t;
  const auto start = clock_type::now();
  mml::FigureHost host(info);
  std::vector<std::string> errors;
  host.configure("", &errors);
  host.resize(css_width, std::round(css_width / info.aspect), pixel_ratio);
  host.set_theme(false);
  mml::settle_for_poster(host);
  t.frames = ms_since(start);
  auto at = clock_type::now();
  const mml::Image image = mml::rasterize_figure(host, false);
  t.raster = ms_since(at);
  at = clock_type::now();
  const std::vector<std::uint8_t> png = mml::encode_png(image);
  t.png = ms_since(at);
  t.total = ms_since(start);
  t.bytes = png.size();
  t.width = image.width, t.height = image.height;
  return t;
}

void time_posters() {
  // The site's wide layout (web/site/posters.mjs): 800 CSS pixels at pixel ratio 1.25.
  const float css_width = 800, ratio = 1.25f;
  std::printf("\nposters, wide layout (%g CSS px at pixel ratio %g), light theme, defaults, median of 3\n",
              double(css_width), double(ratio));
  std::printf("%-24s %11s %10s %10s %10s %10s %8s\n", "figure", "pixels", "frames ms", "raster ms", "png ms",
              "total ms", "PNG KB");
  double sum = 0;
  for (const mml::FigureInfo& info : mml::all_figures()) {
    std::array<PosterTimes, 3> runs;
    for (PosterTimes& r : runs) r = render_poster(info, css_width, ratio);
    auto med = [&runs](double PosterTimes::*field) {
      return median(std::array<double, 3>{runs[0].*field, runs[1].*field, runs[2].*field});
    };
    const std::string pixels = std::to_string(runs[0].width) + "x" + std::to_string(runs[0].height);
    std::printf("%-24s %11s %10.1f %10.1f %10.1f %10.1f %8.0f\n", info.id, pixels.c_str(), med(&PosterTimes::frames),
                med(&PosterTimes::raster), med(&PosterTimes::png), med(&PosterTimes::total), double(runs[0].bytes) / 1024);
    sum += med(&PosterTimes::total);
  }
  std::printf("%-24s %11s %10s %10s %10s %10.1f\n", "all figures", "", "", "", "", sum);
}

}  // namespace

int main() {
#ifdef NDEBUG
  const char* build = "optimized";
#else
  const char* build = "DEBUG (numbers not representative)";
#endif
  std::printf("mml_bench, native, %s build\n\n", build);
  time_frames();
  time_core_routines();
  time_posters();
  return 0;
}
