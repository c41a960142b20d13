#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/factorizations.hpp"

using namespace mml;
using Eigen::MatrixXd;

namespace {
MatrixXd rows(std::initializer_list<std::initializer_list<double>> values) {
  MatrixXd m(static_cast<Eigen::Index>(values.size()), static_cast<Eigen::Index>(values.begin()->size()));
  Eigen::Index i = 0;
  for (const auto& row : values) {
    Eigen::Index j = 0;
    for (double v : row) m(i, j++) = v;
    ++i;
  }
  return m;
}

// A = U·Σ·Vᵀ with orthonormal U and V columns and descending, non-negative σ.
void check_decomposition(const MatrixXd& a, const Svd& s) {
  const Eigen::Index k = s.sigma.size();
  CHECK((s.u * s.sigma.asDiagonal() * s.v.transpose() - a).norm() <= 1e-12 * (1 + a.norm()));
  CHECK((s.u.transpose() * s.u - MatrixXd::Identity(k, k)).norm() < 1e-12);
  CHECK((s.v.transpose() * s.v - MatrixXd::Identity(k, k)).norm() < 1e-12);
  for (Eigen::Index i = 0; i < k; ++i) {
    CHECK(s.sigma(i) >= 0);
    if (i > 0) CHECK(s.sigma(i) <= s.sigma(i - 1));
  }
}
}  // namespace

TEST_CASE("svd: singular values against NumPy, A = U·Σ·Vᵀ") {
  // numpy.linalg.svd(A)[1] for each A below.
  const std::vector<std::pair<MatrixXd, std::vector<double>>> cases = {
      {rows({{3, 1}, {1, 3}}), {4, 2}},
      {rows({{2, 0}, {1, 1}}), {2.2882456113, 0.8740320489}},
      {rows({{1, 2}, {3, 4}, {5, 6}}), {9.5255180916, 0.5143005807}},
      {rows({{1, 0, 2}, {0, 3, 1}}), {3.2713242149, 2.0732674408}},  // wide: decomposed through Aᵀ
      {rows({{1, 1}, {1, 1}}), {2, 0}},                                // rank 1
  };
  for (const auto& [a, sigma] : cases) {
    const Svd s = svd(a);
    REQUIRE(s.sigma.size() == static_cast<Eigen::Index>(sigma.size()));
    for (size_t i = 0; i < sigma.size(); ++i) CHECK(s.sigma(static_cast<Eigen::Index>(i)) == Approx(sigma[i]).margin(1e-9));
    check_decomposition(a, s);
  }
}

TEST_CASE("svd of random matrices: a decomposition, singular values as Eigen's BDCSVD finds them") {
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-2, 2);
  for (int trial = 0; trial < 40; ++trial) {
    const Eigen::Index m = 1 + trial % 7, n = 1 + (trial * 3) % 6;
    MatrixXd a(m, n);
    for (Eigen::Index i = 0; i < a.size(); ++i) a(i) = u(rng);
    const Svd s = svd(a);
    check_decomposition(a, s);
    const Eigen::VectorXd reference = Eigen::BDCSVD<MatrixXd>(a).singularValues();
    CHECK((s.sigma - reference).norm() < 1e-11);
  }
}

TEST_CASE("low rank: the best rank-k error is the tail of the singular values (Eckart–Young)") {
  // numpy: s = numpy.linalg.svd(img(48, 64), compute_uv=False), img the same formula as
  // procedural_image written in NumPy: s[:5] = [23.6930900734, 5.2798664203, 1.8337826577,
  // 1.2150289803, 0.9399440733]; sqrt(sum(s[5:]**2)/sum(s**2)) = 0.034392949509487146,
  // sqrt(sum(s[1:]**2)/sum(s**2)) = 0.23997809913925142.
  const MatrixXd img = procedural_image(48, 64);
  CHECK(img.minCoeff() >= 0);
  CHECK(img.maxCoeff() <= 1);
  const Svd s = svd(img);
  const double expected[] = {23.6930900734, 5.2798664203, 1.8337826577, 1.2150289803, 0.9399440733};
  for (int i = 0; i < 5; ++i) CHECK(s.sigma(i) == Approx(expected[i]).epsilon(1e-9));
  const RankCost five = rank_cost(s, 5, 48, 64);
  CHECK(five.relative_error == Approx(0.034392949509487146).epsilon(1e-9));
  CHECK(five.stored == 5 * (48 + 64 + 1));
  CHECK(five.full == 48 * 64);
  CHECK(rank_cost(s, 1, 48, 64).relative_error == Approx(0.23997809913925142).epsilon(1e-9));
  for (int k : {0, 1, 5, 20, 48, 99}) {
    const MatrixXd approx = low_rank(s, k);
    CHECK((img - approx).norm() / img.norm() == Approx(rank_cost(s, k, 48, 64).relative_error).margin(1e-10));
  }
  CHECK(rank_cost(s, 48, 48, 64).relative_error == Approx(0).margin(1e-12));
}

TEST_CASE("pca: the principal axes are the covariance's eigenvectors") {
  // numpy: P = [[0,0],[1,1],[2,1.5],[3,3.5],[4,3.9]]; P.mean(0) = [2, 1.98];
  // numpy.linalg.eigh(numpy.cov(P.T)) = w [0.0597779812, 5.2172220188],
  // v [[-0.7258473582, 0.687855808], [0.687855808, 0.7258473582]] (columns).
  const Pca p = pca(rows({{0, 0}, {1, 1}, {2, 1.5}, {3, 3.5}, {4, 3.9}}));
  CHECK(p.mean(0) == Approx(2));
  CHECK(p.mean(1) == Approx(1.98));
  CHECK(p.variance(0) == Approx(5.2172220188));
  CHECK(p.variance(1) == Approx(0.0597779812));
  CHECK(p.axes(0, 0) == Approx(0.687855808));
  CHECK(p.axes(1, 0) == Approx(0.7258473582));
  CHECK(std::abs(p.axes(0, 1)) == Approx(0.7258473582));
  CHECK(p.explained(0) == Approx(5.2172220188 / (5.2172220188 + 0.0597779812)));
  CHECK(p.explained.sum() == Approx(1));
  // Fewer than two points: nothing to explain.
  const Pca one = pca(rows({{1, 2}}));
  CHECK(one.variance.isZero());
  CHECK(one.mean.isApprox(Eigen::Vector2d(1, 2)));
}
