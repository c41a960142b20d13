#include "core/graphs.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace mml {

Eigen::MatrixXd adjacency(int n, const std::vector<Edge>& edges, bool directed) {
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(std::max(n, 0), std::max(n, 0));
  for (const auto& [from, to] : edges) {
    if (from < 0 || to < 0 || from >= n || to >= n) continue;
    a(from, to) = 1;
    if (!directed) a(to, from) = 1;
  }
  return a;
}

CountMatrix walk_counts(const Eigen::MatrixXd& a, int k) {
  const CountMatrix base = a.cast<std::int64_t>();
  CountMatrix power = CountMatrix::Identity(a.rows(), a.cols());
  for (int i = 0; i < k; ++i) power = power * base;
  return power;
}

std::vector<std::vector<int>> walks(const Eigen::MatrixXd& a, int from, int to, int k, size_t limit) {
  std::vector<std::vector<int>> out;
  const int n = static_cast<int>(a.rows());
  if (from < 0 || to < 0 || from >= n || to >= n || k < 0 || limit == 0) return out;
  // Only nodes that can still reach `to` in the steps left are tried.
  const CountMatrix reach_base = a.cast<std::int64_t>();
  std::vector<CountMatrix> left(static_cast<size_t>(k) + 1);  // left[s](i, to) > 0: i reaches to in s steps
  left[0] = CountMatrix::Identity(n, n);
  for (int s = 1; s <= k; ++s) left[static_cast<size_t>(s)] = reach_base * left[static_cast<size_t>(s) - 1];
  std::vector<int> path{from};
  auto extend = [&](auto&& self) -> void {
    if (out.size() >= limit) return;
    const int steps = k - static_cast<int>(path.size()) + 1;
    if (steps == 0) {
      out.push_back(path);
      return;
    }
    for (int next = 0; next < n; ++next) {
      if (a(path.back(), next) == 0 || left[static_cast<size_t>(steps) - 1](next, to) == 0) continue;
      path.push_back(next);
      self(self);
      path.pop_back();
    }
  };
  if (left[static_cast<size_t>(k)](from, to) > 0) extend(extend);
  return out;
}

EdgeParse parse_edges(const std::string& text, int nodes) {
  EdgeParse out;
  std::set<Edge> seen;
  size_t i = 0;
  int item = 0;
  const auto separator = [](char c) { return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n'; };
  while (i < text.size()) {
    while (i < text.size() && separator(text[i])) ++i;
    if (i >= text.size()) break;
    size_t end = i;
    while (end < text.size() && !separator(text[end])) ++end;
    const std::string token = text.substr(i, end - i);
    ++item;
    const std::string where = "edge " + std::to_string(item) + " (\"" + (token.size() > 20 ? token.substr(0, 20) + "…" : token) + "\"): ";
    const size_t dash = token.find('-');
    int ends[2] = {0, 0};
    bool ok = dash != std::string::npos && dash > 0 && dash + 1 < token.size();
    for (int e = 0; ok && e < 2; ++e) {
      const char* first = token.data() + (e == 0 ? 0 : dash + 1);
      const char* last = token.data() + (e == 0 ? dash : token.size());
      const auto [ptr, ec] = std::from_chars(first, last, ends[e]);
      ok = ec == std::errc() && ptr == last;
    }
    if (!ok) {
      out.error = where + "write an edge as two node numbers joined by a dash, like 1-2";
      out.edges.clear();
      return out;
    }
    for (int e : ends) {
      if (e < 1 || e > nodes) {
        out.error = where + "node " + std::to_string(e) + " does not exist; the nodes are 1 to " + std::to_string(nodes);
        out.edges.clear();
        return out;
      }
    }
    const Edge edge{ends[0] - 1, ends[1] - 1};
    if (!seen.insert(edge).second) {
      out.error = where + "given twice; give each edge once";
      out.edges.clear();
      return out;
    }
    out.edges.push_back(edge);
    i = end;
  }
  return out;
}

namespace {
// M: column j is node j's vote spread over its out-links, or over every node if it has none.
Eigen::MatrixXd link_matrix(const Eigen::MatrixXd& adjacency) {
  const Eigen::Index n = adjacency.rows();
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const double out = adjacency.row(j).sum();
    m.col(j) = out > 0 ? Eigen::VectorXd(adjacency.row(j).transpose() / out) : Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  }
  return m;
}
}  // namespace

Eigen::MatrixXd google_matrix(const Eigen::MatrixXd& adjacency, double damping) {
  const Eigen::Index n = adjacency.rows();
  if (n == 0) return {};
  return damping * link_matrix(adjacency) + Eigen::MatrixXd::Constant(n, n, (1 - damping) / static_cast<double>(n));
}

PageRank pagerank(const Eigen::MatrixXd& adjacency, double damping, double tolerance, int max_steps) {
  PageRank out;
  const Eigen::Index n = adjacency.rows();
  if (n == 0) return out;
  const Eigen::MatrixXd g = google_matrix(adjacency, damping);
  Eigen::VectorXd r = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  for (out.steps = 0; out.steps < max_steps;) {
    const Eigen::VectorXd next = g * r;
    ++out.steps;
    const double change = (next - r).lpNorm<1>();
    r = next;
    if (change < tolerance) break;
  }
  out.power = r / r.sum();
  const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(n, n) - damping * link_matrix(adjacency);
  const Eigen::VectorXd rhs = Eigen::VectorXd::Constant(n, (1 - damping) / static_cast<double>(n));
  out.direct = system.partialPivLu().solve(rhs);
  out.direct /= out.direct.sum();
  return out;
}

Eigen::MatrixXd surfer_distribution(const Eigen::MatrixXd& google, const Eigen::VectorXd& start, int steps) {
  Eigen::MatrixXd rows(std::max(steps, 0) + 1, start.size());
  Eigen::VectorXd p = start;
  rows.row(0) = p.transpose();
  for (int s = 1; s <= steps; ++s) {
    p = google * p;
    rows.row(s) = p.transpose();
  }
  return rows;
}

}  // namespace mml
