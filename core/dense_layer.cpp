#include "core/dense_layer.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

Vec2 affine(const DenseLayer& layer, const Vec2& x) { return layer.weights * x + layer.bias; }

Vec2 apply_layer(const DenseLayer& layer, const Vec2& x) {
  return activate(layer.activation, affine(layer, x));
}

Vec2 apply_network(std::span<const DenseLayer> layers, const Vec2& x) {
  Vec2 y = x;
  for (const DenseLayer& layer : layers) y = apply_layer(layer, y);
  return y;
}

Vec2 network_at(std::span<const DenseLayer> layers, const Vec2& x, double progress) {
  const double stages = 2.0 * double(layers.size());
  const double p = std::isfinite(progress) ? std::clamp(progress, 0.0, stages) : 0.0;
  Vec2 y = x;
  for (std::size_t k = 0; k < 2 * layers.size(); ++k) {
    const double s = std::clamp(p - double(k), 0.0, 1.0);  // how far into stage k
    if (s <= 0) break;
    const DenseLayer& layer = layers[k / 2];
    const Vec2 next = k % 2 == 0 ? affine(layer, y) : activate(layer.activation, y);
    y = s >= 1 ? next : Vec2(y + s * (next - y));
  }
  return y;
}

std::vector<Vec2> map_network(std::span<const DenseLayer> layers, std::span<const Vec2> points,
                              double progress) {
  std::vector<Vec2> out;
  out.reserve(points.size());
  for (const Vec2& p : points) out.push_back(network_at(layers, p, progress));
  return out;
}

}  // namespace mml
