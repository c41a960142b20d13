// Activations against their closed forms.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/activations.hpp"

using namespace mml;

TEST_CASE("activations: identity, ReLU and tanh at known points") {
  for (double z : {-3.0, -0.5, 0.0, 0.25, 2.0}) CHECK(activate(Activation::Identity, z) == z);
  CHECK(activate(Activation::ReLU, -2.0) == 0);
  CHECK(activate(Activation::ReLU, 0.0) == 0);
  CHECK(activate(Activation::ReLU, 1.5) == 1.5);
  // tanh z = (e^{2z} − 1)/(e^{2z} + 1): tanh 1 = (e² − 1)/(e² + 1) ≈ 0.761594.
  const double e2 = std::exp(2.0);
  CHECK(activate(Activation::Tanh, 1.0) == Approx((e2 - 1) / (e2 + 1)));
  CHECK(activate(Activation::Tanh, 1.0) == Approx(0.7615941559557649));
  CHECK(activate(Activation::Tanh, -1.0) == Approx(-0.7615941559557649));
  CHECK(activate(Activation::Tanh, 0.0) == 0);
  CHECK(activate(Activation::Tanh, 40.0) == Approx(1));
  // tanh(ln 2) = (4 − 1)/(4 + 1) = 0.6 exactly.
  CHECK(activate(Activation::Tanh, std::log(2.0)) == Approx(0.6));
}

TEST_CASE("activations act on each coordinate, ReLU folds, tanh does not") {
  CHECK(activate(Activation::ReLU, Eigen::Vector2d(-1, 2)) == Eigen::Vector2d(0, 2));
  CHECK(activate(Activation::Tanh, Eigen::Vector2d(0, std::log(2.0))).isApprox(Eigen::Vector2d(0, 0.6)));
  // Two different inputs, one ReLU output: information is lost.
  CHECK(activate(Activation::ReLU, Eigen::Vector2d(-1, 1)) == activate(Activation::ReLU, Eigen::Vector2d(-2, 1)));
  CHECK_FALSE(is_injective(Activation::ReLU));
  CHECK(is_injective(Activation::Tanh));
  CHECK(std::string(activation_name(Activation::ReLU)) == "ReLU");
}
