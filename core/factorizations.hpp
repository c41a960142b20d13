#pragma once
// Matrix factorizations (the book's chapter 7). The singular value decomposition A = U·Σ·Vᵀ says
// every matrix is rotate–stretch–rotate: Vᵀ turns the input, Σ stretches along the axes, U turns
// the result. Keeping the k largest singular values gives the best rank-k approximation (low-rank
// models, compression); the principal axes of a data cloud (PCA) are the singular vectors of its
// centred data matrix.
#include <Eigen/Dense>
#include <vector>

namespace mml {

// A = U·diag(sigma)·Vᵀ for an m×n matrix with m ≥ n: U m×n with orthonormal columns, sigma
// descending and non-negative, V n×n orthogonal. One-sided Jacobi (Hestenes): accurate to
// working precision, a few dozen lines, fast for the figures' sizes (n ≤ 64).
struct Svd {
  Eigen::MatrixXd u;
  Eigen::VectorXd sigma;
  Eigen::MatrixXd v;
  int sweeps = 0;  // Jacobi sweeps it took
};
// For m < n, decompose Aᵀ and swap: the result still satisfies A = U·diag(sigma)·Vᵀ, with U m×m
// and V n×m.
Svd svd(const Eigen::MatrixXd& a);

// The rank-k approximation from a decomposition: U_k·Σ_k·V_kᵀ (k clamped to the rank available).
Eigen::MatrixXd low_rank(const Svd& s, int k);

// What rank k keeps: ‖A − A_k‖_F / ‖A‖_F = √(Σ_{i>k} σᵢ²) / √(Σ σᵢ²), and the numbers stored,
// k·(m + n + 1), against m·n for the full matrix.
struct RankCost {
  double relative_error = 0;
  long stored = 0;
  long full = 0;
};
RankCost rank_cost(const Svd& s, int k, int rows, int cols);

// PCA of points (one per row): mean, principal axes (columns, by falling variance, each with its
// first non-zero coordinate positive), variances along them (sample variance, divided by n − 1)
// and the fraction of the total each explains.
struct Pca {
  Eigen::VectorXd mean;
  Eigen::MatrixXd axes;
  Eigen::VectorXd variance;
  Eigen::VectorXd explained;
};
// Needs at least two points; with fewer, the axes are the coordinate axes and variances zero.
Pca pca(const Eigen::MatrixXd& points);

// A procedural grayscale image (values in [0, 1], rows × cols) for the low-rank figure: soft
// shapes and stripes, so its singular values fall off the way a photograph's do.
Eigen::MatrixXd procedural_image(int rows, int cols);

}  // namespace mml
