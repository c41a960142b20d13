#include <catch2/catch.hpp>

#include "core/graphs.hpp"

using namespace mml;

TEST_CASE("walks of length k are the entries of Aᵏ (NumPy's matrix_power)") {
  // Undirected square 0-1-2-3-0 with the diagonal 0-2. numpy.linalg.matrix_power(U, 3) =
  // [[4,5,5,5],[5,2,5,2],[5,5,4,5],[5,2,5,2]]; matrix_power(U, 4)[0] = [15, 9, 14, 9].
  const Eigen::MatrixXd u = adjacency(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}}, false);
  CHECK(u == u.transpose());
  const CountMatrix three = walk_counts(u, 3);
  const std::int64_t expected3[4][4] = {{4, 5, 5, 5}, {5, 2, 5, 2}, {5, 5, 4, 5}, {5, 2, 5, 2}};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) CHECK(three(i, j) == expected3[i][j]);
  const CountMatrix four = walk_counts(u, 4);
  CHECK(four(0, 0) == 15);
  CHECK(four(0, 1) == 9);
  CHECK(four(0, 2) == 14);
  CHECK(four(0, 3) == 9);
  CHECK(walk_counts(u, 0) == CountMatrix::Identity(4, 4));
  // The listed walks are exactly as many as the count says, each a real walk of k steps.
  for (int k = 0; k <= 4; ++k) {
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) {
        const auto list = walks(u, i, j, k, 1000);
        CHECK(static_cast<std::int64_t>(list.size()) == walk_counts(u, k)(i, j));
        for (const auto& w : list) {
          REQUIRE(w.size() == static_cast<size_t>(k) + 1);
          CHECK(w.front() == i);
          CHECK(w.back() == j);
          for (size_t s = 0; s + 1 < w.size(); ++s) CHECK(u(w[s], w[s + 1]) == 1);
        }
      }
    }
  }
  const auto first = walks(u, 0, 1, 3, 2);
  REQUIRE(first.size() == 2);  // limited
  CHECK(first[0] == std::vector<int>{0, 1, 0, 1});  // lexicographic
  CHECK(walks(u, 0, 9, 2, 10).empty());
}

TEST_CASE("directed edges go one way") {
  const Eigen::MatrixXd d = adjacency(3, {{0, 1}, {1, 2}, {5, 0}}, true);
  CHECK(d(0, 1) == 1);
  CHECK(d(1, 0) == 0);
  CHECK(d.sum() == 2);  // the edge naming node 5 is ignored
  CHECK(walk_counts(d, 2)(0, 2) == 1);
  CHECK(walk_counts(d, 2)(2, 0) == 0);
}

TEST_CASE("parse_edges: pairs counted from 1, errors naming the item") {
  const EdgeParse ok = parse_edges(" 1-2, 2-3;3-1\n4-4 ", 4);
  CHECK(ok.error.empty());
  CHECK(ok.edges == std::vector<Edge>{{0, 1}, {1, 2}, {2, 0}, {3, 3}});
  CHECK(parse_edges("", 3).edges.empty());
  CHECK(parse_edges("", 3).error.empty());
  CHECK(parse_edges("1-2, 2-x", 3).error == "edge 2 (\"2-x\"): write an edge as two node numbers joined by a dash, like 1-2");
  CHECK(parse_edges("1-2, 2-9", 3).error == "edge 2 (\"2-9\"): node 9 does not exist; the nodes are 1 to 3");
  CHECK(parse_edges("0-1", 3).error == "edge 1 (\"0-1\"): node 0 does not exist; the nodes are 1 to 3");
  CHECK(parse_edges("1-2 1-2", 3).error == "edge 2 (\"1-2\"): given twice; give each edge once");
  CHECK(parse_edges("12", 3).error.find("joined by a dash") != std::string::npos);
  CHECK(parse_edges("-1-2", 3).error.find("joined by a dash") != std::string::npos);
  CHECK(parse_edges("1-2-3", 3).error.find("joined by a dash") != std::string::npos);
  CHECK(parse_edges("1-99999999999999999999", 3).error.find("joined by a dash") != std::string::npos);
  CHECK(parse_edges(std::string(30, '7'), 3).error.find("…") != std::string::npos);
  CHECK(parse_edges("1-2, 2-x", 3).edges.empty());
}

TEST_CASE("PageRank: the Google matrix's dominant eigenvector, by power iteration and by a linear solve") {
  // numpy: 5 nodes, edges 0→1, 0→2, 1→2, 2→0, 3→2, 3→4 (node 4 has no out-links: its vote is
  // spread over every node); M[:, j] = A[j]/A[j].sum() or 1/n; G = 0.85*M + 0.15/n;
  // w, v = numpy.linalg.eig(G); r = real(v[:, argmax(w)]); r /= r.sum() =
  // [0.350178362312, 0.188416698077, 0.365397021432, 0.039590894094, 0.056417024084] (λ = 1).
  const Eigen::MatrixXd a = adjacency(5, {{0, 1}, {0, 2}, {1, 2}, {2, 0}, {3, 2}, {3, 4}}, true);
  const Eigen::MatrixXd g = google_matrix(a, 0.85);
  for (Eigen::Index j = 0; j < 5; ++j) CHECK(g.col(j).sum() == Approx(1));
  const double expected[] = {0.350178362312, 0.188416698077, 0.365397021432, 0.039590894094, 0.056417024084};
  const PageRank pr = pagerank(a, 0.85);
  CHECK(pr.steps > 5);
  CHECK(pr.steps < 1000);
  for (int i = 0; i < 5; ++i) {
    CHECK(pr.power(i) == Approx(expected[i]).epsilon(1e-9));
    CHECK(pr.direct(i) == Approx(expected[i]).epsilon(1e-9));
  }
  CHECK((g * pr.power - pr.power).norm() < 1e-10);
  // Damping 0: the surfer only teleports, every page equal.
  const PageRank flat = pagerank(a, 0);
  CHECK(flat.power.isApprox(Eigen::VectorXd::Constant(5, 0.2)));
  // The surfer's distribution settles to it.
  const Eigen::MatrixXd walk = surfer_distribution(g, Eigen::VectorXd::Unit(5, 3), 200);
  CHECK(walk.rows() == 201);
  CHECK(walk.row(0)(3) == 1);
  for (Eigen::Index s = 0; s < walk.rows(); ++s) CHECK(walk.row(s).sum() == Approx(1));
  CHECK((walk.row(200).transpose() - pr.power).norm() < 1e-10);
  CHECK(pagerank(Eigen::MatrixXd(), 0.85).power.size() == 0);
}
