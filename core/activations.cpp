#include "core/activations.hpp"

#include <algorithm>
#include <cmath>

namespace mml {

double activate(Activation activation, double z) {
  switch (activation) {
    case Activation::Identity: return z;
    case Activation::ReLU: return std::max(0.0, z);
    case Activation::Tanh: return std::tanh(z);
  }
  return z;
}

Eigen::Vector2d activate(Activation activation, const Eigen::Vector2d& z) {
  return {activate(activation, z.x()), activate(activation, z.y())};
}

const char* activation_name(Activation activation) {
  switch (activation) {
    case Activation::Identity: return "identity";
    case Activation::ReLU: return "ReLU";
    case Activation::Tanh: return "tanh";
  }
  return "identity";
}

bool is_injective(Activation activation) { return activation != Activation::ReLU; }

}  // namespace mml
