// Least squares: a hand-computed three-point example and the textbook cov/var formula.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "core/least_squares.hpp"

using namespace mml;

TEST_CASE("least squares through (0, 1), (1, 3), (2, 4), by hand") {
  // x̄ = 1, ȳ = 8/3; Σ(x − x̄)(y − ȳ) = 5/3 + 4/3 = 3, Σ(x − x̄)² = 2: a = 3/2, b = 8/3 − 3/2 = 7/6.
  // Residuals 1/6, −1/3, 1/6: MSE = (1 + 4 + 1)/36/3 = 1/18.
  const std::vector<Vec2> pts = {{0, 1}, {1, 3}, {2, 4}};
  const LineFit fit = least_squares_line(pts);
  REQUIRE(fit.ok);
  CHECK(fit.theta.x() == Approx(1.5));
  CHECK(fit.theta.y() == Approx(7.0 / 6));
  CHECK(mse(pts, fit.theta) == Approx(1.0 / 18));
  CHECK(mse_gradient(pts, fit.theta).norm() < 1e-12);
  // Hessian (2/n)·XᵀX with XᵀX = [Σx² Σx; Σx n] = [5 3; 3 3].
  Mat2 h;
  h << 10.0 / 3, 2, 2, 2;
  CHECK(mse_hessian(pts).isApprox(h));
}

TEST_CASE("least squares agrees with a = cov(x, y)/var(x), b = ȳ − a·x̄ on random data") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-3, 3);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<Vec2> pts;
    const int n = 2 + trial % 7;
    for (int i = 0; i < n; ++i) pts.emplace_back(u(rng), u(rng));
    double mx = 0, my = 0;
    for (const Vec2& p : pts) mx += p.x() / n, my += p.y() / n;
    double cov = 0, var = 0;
    for (const Vec2& p : pts) cov += (p.x() - mx) * (p.y() - my), var += (p.x() - mx) * (p.x() - mx);
    const LineFit fit = least_squares_line(pts);
    REQUIRE(fit.ok);
    CHECK(fit.theta.x() == Approx(cov / var));
    CHECK(fit.theta.y() == Approx(my - cov / var * mx).margin(1e-12));
  }
}

TEST_CASE("equal x values have no unique fit") {
  const std::vector<Vec2> pts = {{1, 0}, {1, 2}, {1, 5}};
  CHECK_FALSE(least_squares_line(pts).ok);
}

TEST_CASE("gradient descent on the MSE walks to the least-squares solution") {
  const std::vector<Vec2> pts = {{0, 1}, {1, 3}, {2, 4}};
  const std::vector<Vec2> path = mse_gradient_descent(pts, {-2, 2}, 0.2, 2000);
  REQUIRE(path.size() == 2001);
  CHECK((path.back() - Vec2(1.5, 7.0 / 6)).norm() < 1e-9);
  // Each step lowers the loss (η = 0.2 < 2/λmax, λmax ≈ 4.9).
  for (std::size_t k = 1; k < path.size(); ++k) CHECK(mse(pts, path[k]) <= mse(pts, path[k - 1]) + 1e-15);
  // Too large a rate diverges; the path stops at the last finite iterate.
  const std::vector<Vec2> wild = mse_gradient_descent(pts, {-2, 2}, 1.0, 2000);
  CHECK(wild.size() < 2001);
  CHECK(wild.back().allFinite());
}
