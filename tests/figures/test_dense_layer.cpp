// dense-layer, headless: defaults untangle the moons (checked by core on the output), a linear
// network never does, describe() carries core's verdicts, and the slider moves the points.
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "core/datasets.hpp"
#include "core/dense_layer.hpp"
#include "core/separability.hpp"
#include "tests/figures/drive.hpp"

using namespace mml;
using mml::test::settle;

namespace {

// The "Untangle" preset (the defaults), written out: W₁ = [1 −1; 2.25 0.75], b₁ = (1.25, 0.75),
// ReLU; W₂ = [0.5 −1; 0.75 0], b₂ = (0.25, −1.25), ReLU.
std::array<DenseLayer, 2> untangle() {
  std::array<DenseLayer, 2> l;
  l[0].weights << 1, -1, 2.25, 0.75;
  l[0].bias = {1.25, 0.75};
  l[0].activation = Activation::ReLU;
  l[1].weights << 0.5, -1, 0.75, 0;
  l[1].bias = {0.25, -1.25};
  l[1].activation = Activation::ReLU;
  return l;
}

}  // namespace

TEST_CASE("dense-layer: the default network makes the moons linearly separable, for many samples") {
  // At the default 200 points (and 100) every seed tried works. With 500 points the noise puts a
  // few points of one moon inside the other for some seeds (seed 14: 6 points), and no fixed
  // network separates those exactly; the figure then honestly says "no".
  const auto layers = untangle();
  for (std::uint64_t seed = 1; seed <= 20; ++seed)
    for (std::int64_t n : {100, 200}) {
      CAPTURE(seed, n);
      const LabeledPoints d = make_dataset(Dataset::TwoMoons, n, seed, default_noise(Dataset::TwoMoons));
      CHECK_FALSE(find_separating_line(d.points, d.labels).separable);
      std::vector<Vec2> out;
      for (const Vec2& p : d.points) out.push_back(apply_network(layers, p));
      const SeparatingLine s = find_separating_line(out, d.labels);
      CHECK(s.separable);
      CHECK(misclassified(s, out, d.labels) == 0);
    }
}

TEST_CASE("dense-layer: defaults say so, and describe() agrees with core") {
  const FigureInfo* info = find_figure("dense-layer");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  double time = 0;
  host.resize(900, 600, 1);
  settle(host, &time);
  CHECK(host.state().empty());
  CHECK_FALSE(host.needs_frame());
  const std::string d = host.describe();
  CAPTURE(d);
  CHECK(d.rfind("200 points of two-moons", 0) == 0);
  CHECK(d.find("Input: no line separates the classes") != std::string::npos);
  CHECK(d.find("Output: a line separates them") != std::string::npos);
}

TEST_CASE("dense-layer: without a nonlinearity no weights untangle the data") {
  const FigureInfo* info = find_figure("dense-layer");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  std::vector<std::string> errors;
  // The same weights with σ = identity in both layers: one affine map, the moons stay tangled.
  for (const char* data : {"two-moons", "circles", "spirals"}) {
    REQUIRE(host.configure(std::string("sigma=identity&sigma2=identity&data=") + data, &errors));
    CHECK(host.describe().find("still no line separates them") != std::string::npos);
  }
  // tanh alone does not either on the circles: it is one-to-one, so the ring still surrounds the disk.
  REQUIRE(host.configure("data=circles&sigma=tanh&sigma2=tanh", &errors));
  CHECK(host.describe().find("still no line separates them") != std::string::npos);
}

TEST_CASE("dense-layer: the slider's stage moves the points, and parameters are clamped") {
  const FigureInfo* info = find_figure("dense-layer");
  REQUIRE(info != nullptr);
  FigureHost host(*info);
  std::vector<std::string> errors;
  CHECK_FALSE(host.configure("n=5000", &errors));  // out of range: rejected with a message
  CHECK(errors.size() == 1);
  errors.clear();
  REQUIRE(host.configure("n=20&t=0", &errors));
  CHECK(host.describe().rfind("20 points", 0) == 0);
  double time = 0;
  host.resize(900, 600, 1);
  settle(host, &time);
  // Drag the slider (top of the panel, which starts at x = 610; the bar is near y = 58) from the left to the right: t grows.
  host.pointer_move(640, 58);
  host.frame(time += 1.0 / 60);
  host.pointer_button(0, true);
  host.frame(time += 1.0 / 60);
  for (int i = 1; i <= 6; ++i) {
    host.pointer_move(640 + 30.0f * float(i), 58);
    host.frame(time += 1.0 / 60);
  }
  host.pointer_button(0, false);
  host.frame(time += 1.0 / 60);
  CAPTURE(host.state());
  const auto at = host.state().find("t=");
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(host.state().substr(at + 2)) > 0.3);
}
