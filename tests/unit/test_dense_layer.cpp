// Dense layers σ(Wx + b) on the plane, and their stage-by-stage animation.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>

#include "core/dense_layer.hpp"

using namespace mml;

namespace {
DenseLayer layer(double w11, double w12, double w21, double w22, Vec2 b, Activation s) {
  DenseLayer l;
  l.weights << w11, w12, w21, w22;
  l.bias = b;
  l.activation = s;
  return l;
}
}  // namespace

TEST_CASE("dense layer: σ(Wx + b) computed by hand") {
  // W = [1 2; −1 0.5], b = (0.5, −1), x = (1, −1):
  // Wx = (1 − 2, −1 − 0.5) = (−1, −1.5); + b = (−0.5, −2.5); ReLU → (0, 0).
  const DenseLayer l = layer(1, 2, -1, 0.5, {0.5, -1}, Activation::ReLU);
  CHECK(affine(l, {1, -1}) == Vec2(-0.5, -2.5));
  CHECK(apply_layer(l, {1, -1}) == Vec2(0, 0));
  // x = (2, 1): Wx = (4, −1.5); + b = (4.5, −2.5); ReLU → (4.5, 0).
  CHECK(apply_layer(l, {2, 1}) == Vec2(4.5, 0));
  // tanh instead: (tanh 4.5, tanh −2.5).
  DenseLayer t = l;
  t.activation = Activation::Tanh;
  CHECK(apply_layer(t, {2, 1}).isApprox(Vec2(std::tanh(4.5), std::tanh(-2.5))));
}

TEST_CASE("dense layer: without nonlinearities two layers are one matrix") {
  // Layer 1: W₁ = [1 1; 0 1], b₁ = (1, 0); layer 2: W₂ = [2 0; 1 −1], b₂ = (0, 1), identity σ.
  // W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂), W₂W₁ = [2 2; 1 0], W₂b₁ + b₂ = (2, 1) + (0, 1).
  const std::array layers = {layer(1, 1, 0, 1, {1, 0}, Activation::Identity),
                             layer(2, 0, 1, -1, {0, 1}, Activation::Identity)};
  for (const Vec2& x : {Vec2(0, 0), Vec2(1, 2), Vec2(-3, 0.5)}) {
    const Vec2 expected = Vec2(2 * x.x() + 2 * x.y(), x.x()) + Vec2(2, 2);
    CHECK(apply_network(layers, x).isApprox(expected));
  }
}

TEST_CASE("dense layer: the animation passes through each stage") {
  const std::array layers = {layer(2, 0, 0, 2, {-1, 1}, Activation::ReLU),
                             layer(0, -1, 1, 0, {0, 0}, Activation::Tanh)};
  const Vec2 x(0.25, -1);
  // Stage 0 → 1: Wx + b = (0.5 − 1, −2 + 1) = (−0.5, −1). Stage 1 → 2: ReLU → (0, 0).
  CHECK(network_at(layers, x, 0) == x);
  CHECK(network_at(layers, x, 1) == Vec2(-0.5, -1));
  CHECK(network_at(layers, x, 0.5).isApprox(Vec2(-0.125, -1)));  // halfway along the line
  CHECK(network_at(layers, x, 2) == Vec2(0, 0));
  CHECK(network_at(layers, x, 1.5).isApprox(Vec2(-0.25, -0.5)));
  CHECK(network_at(layers, x, 4).isApprox(apply_network(layers, x)));
  CHECK(network_at(layers, x, 99).isApprox(apply_network(layers, x)));
  CHECK(network_at(layers, x, -1) == x);
  const std::array<Vec2, 2> pts = {x, Vec2(1, 1)};
  CHECK(map_network(layers, pts, 1)[1] == Vec2(1, 3));  // (2 − 1, 2 + 1)
}
