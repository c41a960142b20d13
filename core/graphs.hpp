#pragma once
// Matrices and graphs (the book's chapter 8). A graph on n nodes is its adjacency matrix A
// (A[i][j] = 1 when there is an edge i → j); the (i, j) entry of Aᵏ counts the walks of length k
// from i to j, which is how graph neural networks pass messages k hops. PageRank is the
// stationary distribution of a random surfer: the dominant eigenvector of the Google matrix.
#include <Eigen/Dense>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace mml {

using Edge = std::pair<int, int>;  // from → to, nodes numbered from 0

// n×n adjacency matrix; an undirected graph gets both directions of every edge. Edges naming a
// node outside [0, n) are ignored (parsing reports them; see parse_edges).
Eigen::MatrixXd adjacency(int n, const std::vector<Edge>& edges, bool directed);

// Aᵏ in exact integer arithmetic (walk counts overflow doubles' exact range only far beyond the
// figures' sizes, but integers keep them exact and printable). k ≥ 0; A⁰ = I.
using CountMatrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;
CountMatrix walk_counts(const Eigen::MatrixXd& a, int k);

// Every walk of length k from `from` to `to`, as node sequences (k + 1 nodes), in lexicographic
// order; at most `limit` of them (the figure lists a few and counts the rest).
std::vector<std::vector<int>> walks(const Eigen::MatrixXd& a, int from, int to, int k, size_t limit);

// "1-2, 2-3, 3-1": edges as pairs of node numbers, counted from 1 as the figure labels them
// (returned from 0), separated by commas, semicolons or spaces; a node may link to itself. Errors
// name the offending item and what is valid.
struct EdgeParse {
  std::vector<Edge> edges;
  std::string error;  // empty when the text parsed
};
EdgeParse parse_edges(const std::string& text, int nodes);

// The Google matrix G = d·M + (1 − d)/n·𝟙𝟙ᵀ, M column-stochastic: column j spreads node j's
// vote over its out-links (a node without out-links spreads it over every node). G's columns sum
// to 1; r = G·r is the surfer's long-run distribution.
Eigen::MatrixXd google_matrix(const Eigen::MatrixXd& adjacency, double damping);

// PageRank two ways: `power` by iterating r ← G·r from the uniform vector until the change (L1)
// is below `tolerance` (or `max_steps`), with its steps; `direct` by solving (I − d·M)·r =
// (1 − d)/n·𝟙 with an LU factorization. Both sum to 1.
struct PageRank {
  Eigen::VectorXd power;
  int steps = 0;
  Eigen::VectorXd direct;
};
PageRank pagerank(const Eigen::MatrixXd& adjacency, double damping, double tolerance = 1e-12, int max_steps = 1000);

// The surfer's distribution after each of `steps` steps from `start` (a distribution): rows
// 0..steps, row 0 = start.
Eigen::MatrixXd surfer_distribution(const Eigen::MatrixXd& google, const Eigen::VectorXd& start, int steps);

}  // namespace mml
