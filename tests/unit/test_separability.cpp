// Linear separability: hand-made cases, and agreement with an independent perceptron.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "core/datasets.hpp"
#include "core/separability.hpp"

using namespace mml;

namespace {
// Rosenblatt's perceptron on (x, y, 1): converges exactly when the classes are linearly separable
// (Novikoff); returns true when a full pass made no mistake.
bool perceptron_separates(const std::vector<Vec2>& p, const std::vector<int>& l, int epochs) {
  Eigen::Vector3d w = Eigen::Vector3d::Zero();
  for (int e = 0; e < epochs; ++e) {
    bool clean = true;
    for (std::size_t i = 0; i < p.size(); ++i) {
      const Eigen::Vector3d x(p[i].x(), p[i].y(), 1);
      const double y = l[i] == 1 ? 1 : -1;
      if (y * w.dot(x) <= 0) {
        w += y * x;
        clean = false;
      }
    }
    if (clean) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("separability: convex hulls") {
  const std::vector<Vec2> square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}, {0.5, 0}};
  const auto hull = convex_hull(square);
  REQUIRE(hull.size() == 4);  // the centre and the edge midpoint drop out
  CHECK(signed_area(hull) == Approx(1));  // counter-clockwise
  CHECK(convex_hull(std::vector<Vec2>{{1, 1}, {1, 1}}).size() == 1);
}

TEST_CASE("separability: hand-made cases") {
  // Two clusters left and right of x = 0.5: separable, the line is vertical-ish and misses none.
  const std::vector<Vec2> p = {{0, 0}, {0, 1}, {0.2, 0.5}, {1, 0}, {1, 1}, {0.9, 0.4}};
  const std::vector<int> l = {0, 0, 0, 1, 1, 1};
  const SeparatingLine s = find_separating_line(p, l);
  CHECK(s.separable);
  CHECK(misclassified(s, p, l) == 0);
  // Best hull-edge direction: the edge (0.9, 0.4)–(1, 1) of class 1, normal (0.6, −0.1)/√0.37.
  // Along it class 0 reaches at most 0.12 − 0.05 = 0.07 (at (0.2, 0.5)) and class 1 starts at 0.5,
  // so the margin is (0.5 − 0.07)/(2√0.37) ≈ 0.3535, wider than the vertical gap's 0.35.
  CHECK(s.margin == Approx(0.43 / (2 * std::sqrt(0.37))));

  // XOR: (0,0), (1,1) against (1,0), (0,1): the diagonals cross, no line works.
  const std::vector<Vec2> x = {{0, 0}, {1, 1}, {1, 0}, {0, 1}};
  CHECK_FALSE(find_separating_line(x, std::vector<int>{0, 0, 1, 1}).separable);
  // One point inside the other class's triangle.
  const std::vector<Vec2> t = {{0, 0}, {2, 0}, {0, 2}, {0.5, 0.5}};
  CHECK_FALSE(find_separating_line(t, std::vector<int>{0, 0, 0, 1}).separable);
  // Collinear classes one after the other on a line: separable across it.
  const std::vector<Vec2> c = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
  const std::vector<int> cl = {0, 0, 1, 1};
  const SeparatingLine cs = find_separating_line(c, cl);
  CHECK(cs.separable);
  CHECK(misclassified(cs, c, cl) == 0);
  // ... but not when they alternate.
  CHECK_FALSE(find_separating_line(c, std::vector<int>{0, 1, 0, 1}).separable);
  // Two single points; and the same point in both classes.
  CHECK(find_separating_line(std::vector<Vec2>{{0, 0}, {1, 2}}, std::vector<int>{0, 1}).separable);
  CHECK_FALSE(find_separating_line(std::vector<Vec2>{{1, 1}, {1, 1}}, std::vector<int>{0, 1}).separable);
  // The raw toy data: nested circles and interleaved spirals are not linearly separable.
  for (Dataset d : {Dataset::Circles, Dataset::Spirals, Dataset::TwoMoons}) {
    const LabeledPoints data = make_dataset(d, 200, 1, default_noise(d));
    CHECK_FALSE(find_separating_line(data.points, data.labels).separable);
  }
}

TEST_CASE("separability agrees with the perceptron on random point sets") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-1, 1);
  int separable_seen = 0, inseparable_seen = 0;
  for (int trial = 0; trial < 300; ++trial) {
    // Points labelled by a random line, some with a margin gap, some with a few labels flipped.
    const Vec2 normal = Vec2(u(rng), u(rng)).normalized();
    const double offset = 0.3 * u(rng), gap = trial % 3 == 0 ? 0.0 : 0.05;
    std::vector<Vec2> p;
    std::vector<int> l;
    while (p.size() < 12) {
      const Vec2 q(u(rng), u(rng));
      const double side = normal.dot(q) - offset;
      if (std::abs(side) < gap) continue;
      p.push_back(q);
      l.push_back(side > 0 ? 1 : 0);
    }
    if (trial % 3 == 0) l[std::size_t(trial) % p.size()] ^= 1;  // maybe breaks separability
    const SeparatingLine s = find_separating_line(p, l);
    if (s.separable) {
      ++separable_seen;
      CHECK(misclassified(s, p, l) == 0);
      CHECK(perceptron_separates(p, l, 100000));
    } else {
      ++inseparable_seen;
      CHECK_FALSE(perceptron_separates(p, l, 2000));
    }
  }
  CHECK(separable_seen > 100);
  CHECK(inseparable_seen > 20);
}
