#pragma once
// The nonlinearities a dense layer applies after Wx + b, one coordinate at a time. Without one,
// stacked layers collapse into a single matrix; with one, a network can bend and fold the plane.
#include <Eigen/Dense>

namespace mml {

enum class Activation { Identity, ReLU, Tanh };

// identity(z) = z;  ReLU(z) = max(0, z);  tanh(z) = (e^z − e^−z) / (e^z + e^−z).
double activate(Activation activation, double z);
// Coordinate-wise, as a layer applies it to each neuron's value.
Eigen::Vector2d activate(Activation activation, const Eigen::Vector2d& z);
// "identity", "ReLU", "tanh".
const char* activation_name(Activation activation);
// True for maps that send different inputs to different outputs (identity, tanh); ReLU is not:
// it folds every negative value onto 0.
bool is_injective(Activation activation);

}  // namespace mml
