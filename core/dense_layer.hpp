#pragma once
// A fully connected (dense) layer of two neurons acting on the plane: x ↦ σ(Wx + b).
// W moves the data (a matrix is where the unit vectors land), b shifts it, σ bends it.
// A network is layers applied one after the other; to watch it work, each layer is split into
// two stages, its affine move Wx + b and then its nonlinearity σ.
#include <span>
#include <vector>

#include "core/activations.hpp"
#include "core/linear_map.hpp"

namespace mml {

struct DenseLayer {
  Mat2 weights = Mat2::Identity();
  Vec2 bias = Vec2::Zero();
  Activation activation = Activation::Identity;
};

// Wx + b: what the layer does before its nonlinearity.
Vec2 affine(const DenseLayer& layer, const Vec2& x);
// σ(Wx + b).
Vec2 apply_layer(const DenseLayer& layer, const Vec2& x);
// All layers in order.
Vec2 apply_network(std::span<const DenseLayer> layers, const Vec2& x);

// The point partway through the network: progress in [0, 2·layers] (clamped) counts stages, stage
// 2k being layer k's affine move and stage 2k + 1 its σ. Inside a stage the point moves in a
// straight line from where it was to where the stage sends it (so during the affine stage the
// plane moves affinely: grid lines stay straight).
Vec2 network_at(std::span<const DenseLayer> layers, const Vec2& x, double progress);

// Every point through network_at.
std::vector<Vec2> map_network(std::span<const DenseLayer> layers, std::span<const Vec2> points,
                              double progress);

}  // namespace mml
