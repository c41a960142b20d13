#include "core/factorizations.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mml {

namespace {

// One-sided Jacobi on a tall matrix (rows ≥ cols): rotate column pairs until all are orthogonal;
// the column norms are then the singular values.
Svd jacobi_svd(const Eigen::MatrixXd& a) {
  const Eigen::Index m = a.rows(), n = a.cols();
  Eigen::MatrixXd w = a;
  Eigen::MatrixXd v = Eigen::MatrixXd::Identity(n, n);
  Svd out;
  constexpr double eps = 1e-15;
  for (int sweep = 0; sweep < 60; ++sweep) {
    bool rotated = false;
    for (Eigen::Index p = 0; p + 1 < n; ++p) {
      for (Eigen::Index q = p + 1; q < n; ++q) {
        const double alpha = w.col(p).squaredNorm();
        const double beta = w.col(q).squaredNorm();
        const double gamma = w.col(p).dot(w.col(q));
        if (std::abs(gamma) <= eps * std::sqrt(alpha * beta) || gamma == 0) continue;
        rotated = true;
        const double zeta = (beta - alpha) / (2 * gamma);
        const double t = (zeta >= 0 ? 1.0 : -1.0) / (std::abs(zeta) + std::sqrt(1 + zeta * zeta));
        const double c = 1 / std::sqrt(1 + t * t);
        const double s = c * t;
        for (Eigen::MatrixXd* x : {&w, &v}) {
          const Eigen::VectorXd xp = x->col(p);
          x->col(p) = c * xp - s * x->col(q);
          x->col(q) = s * xp + c * x->col(q);
        }
      }
    }
    out.sweeps = sweep + 1;
    if (!rotated) break;
  }
  // Descending singular values; U's columns the normalized columns of W.
  std::vector<Eigen::Index> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  Eigen::VectorXd norms(n);
  for (Eigen::Index j = 0; j < n; ++j) norms(j) = w.col(j).norm();
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index j) { return norms(i) > norms(j); });
  out.u.resize(m, n);
  out.sigma.resize(n);
  out.v.resize(n, n);
  const double tiny = norms.maxCoeff() * 1e-14;
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index j = order[static_cast<size_t>(k)];
    out.sigma(k) = norms(j);
    out.v.col(k) = v.col(j);
    if (norms(j) > tiny && norms(j) > 0) {
      out.u.col(k) = w.col(j) / norms(j);
      continue;
    }
    // A zero singular value: any unit vector orthogonal to the columns before it.
    out.sigma(k) = 0;
    for (Eigen::Index e = 0; e < m; ++e) {
      Eigen::VectorXd x = Eigen::VectorXd::Unit(m, e);
      for (Eigen::Index i = 0; i < k; ++i) x -= out.u.col(i).dot(x) * out.u.col(i);
      if (x.norm() > 0.5) {
        out.u.col(k) = x.normalized();
        break;
      }
    }
  }
  return out;
}

}  // namespace

Svd svd(const Eigen::MatrixXd& a) {
  if (a.rows() >= a.cols()) return jacobi_svd(a);
  Svd t = jacobi_svd(a.transpose());
  std::swap(t.u, t.v);
  return t;
}

Eigen::MatrixXd low_rank(const Svd& s, int k) {
  const Eigen::Index r = std::clamp<Eigen::Index>(k, 0, s.sigma.size());
  return s.u.leftCols(r) * s.sigma.head(r).asDiagonal() * s.v.leftCols(r).transpose();
}

RankCost rank_cost(const Svd& s, int k, int rows, int cols) {
  RankCost c;
  const Eigen::Index r = std::clamp<Eigen::Index>(k, 0, s.sigma.size());
  const double total = s.sigma.squaredNorm();
  const double rest = s.sigma.tail(s.sigma.size() - r).squaredNorm();
  c.relative_error = total > 0 ? std::sqrt(rest / total) : 0;
  c.stored = static_cast<long>(r) * (rows + cols + 1);
  c.full = static_cast<long>(rows) * cols;
  return c;
}

Pca pca(const Eigen::MatrixXd& points) {
  const Eigen::Index n = points.rows(), d = points.cols();
  Pca out;
  out.mean = n > 0 ? Eigen::VectorXd(points.colwise().mean().transpose()) : Eigen::VectorXd::Zero(d);
  out.axes = Eigen::MatrixXd::Identity(d, d);
  out.variance = Eigen::VectorXd::Zero(d);
  out.explained = Eigen::VectorXd::Zero(d);
  if (n < 2) return out;
  const Eigen::MatrixXd centred = points.rowwise() - out.mean.transpose();
  const Svd s = svd(centred);
  const Eigen::Index k = std::min<Eigen::Index>(d, s.sigma.size());
  for (Eigen::Index j = 0; j < k; ++j) {
    Eigen::VectorXd axis = s.v.col(j);
    Eigen::Index first = 0;
    while (first + 1 < d && std::abs(axis(first)) < 1e-12) ++first;
    if (axis(first) < 0) axis = -axis;
    out.axes.col(j) = axis;
    out.variance(j) = s.sigma(j) * s.sigma(j) / static_cast<double>(n - 1);
  }
  const double total = out.variance.sum();
  if (total > 0) out.explained = out.variance / total;
  return out;
}

Eigen::MatrixXd procedural_image(int rows, int cols) {
  Eigen::MatrixXd img(std::max(rows, 0), std::max(cols, 0));
  const auto smooth = [](double edge, double x) { return 1 / (1 + std::exp(-x / edge)); };
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      const double y = (i + 0.5) / rows, x = (j + 0.5) / cols;
      double v = 0.15 + 0.35 * y;                                                        // sky-to-ground light
      v += 0.45 * smooth(0.015, 0.2 - std::hypot(x - 0.32, y - 0.36));                   // a sun
      v += 0.25 * smooth(0.01, y - 0.7 - 0.08 * std::sin(7 * x)) * (0.6 + 0.4 * std::sin(40 * x));  // a striped field
      v -= 0.3 * smooth(0.01, 0.09 - std::abs(x - 0.74)) * smooth(0.01, y - 0.3);         // a post
      img(i, j) = std::clamp(v, 0.0, 1.0);
    }
  }
  return img;
}

}  // namespace mml
