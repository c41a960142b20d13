// k nearest neighbours on point sets small enough to check by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/neighbors.hpp"

using namespace mml;

TEST_CASE("neighbors: the k nearest, nearest first, ties by index") {
  // Distances from the origin: 3, 1, 2, 1, 5 (points 1 and 3 tie).
  const std::vector<Vec2> pts = {{3, 0}, {0, 1}, {-2, 0}, {1, 0}, {3, 4}};
  CHECK(nearest_neighbors(pts, {0, 0}, 1) == std::vector<std::size_t>{1});
  CHECK(nearest_neighbors(pts, {0, 0}, 3) == std::vector<std::size_t>{1, 3, 2});
  CHECK(nearest_neighbors(pts, {0, 0}, 99) == std::vector<std::size_t>{1, 3, 2, 0, 4});  // k clamped to n
  CHECK(nearest_neighbors(pts, {0, 0}, 0) == std::vector<std::size_t>{1});             // and to 1
  // From (3, 3): (3, 4) at 1, (3, 0) at 3, (1, 0) at √13, (0, 1) at √13: a tie, by index.
  CHECK(nearest_neighbors(pts, {3, 3}, 4) == std::vector<std::size_t>{4, 0, 1, 3});
  const std::vector<Vec2> with_nan = {{NAN, 0}, {2, 0}};
  CHECK(nearest_neighbors(with_nan, {0, 0}, 2) == std::vector<std::size_t>{1});
  CHECK(nearest_neighbors({}, {0, 0}, 3).empty());
}

TEST_CASE("neighbors: the vote is the share of class 1 among the k nearest") {
  // Class 1 at x = 1, 2, 3; class 0 at x = −1, −2 (on a line, so distances are plain).
  LabeledPoints data;
  data.points = {{1, 0}, {-1, 0}, {2, 0}, {-2, 0}, {3, 0}};
  data.labels = {1, 0, 1, 0, 1};
  CHECK(neighbor_vote(data, {0.4, 0}, 1) == 1);        // nearest: x = 1
  CHECK(neighbor_vote(data, {-0.4, 0}, 1) == 0);       // nearest: x = −1
  CHECK(neighbor_vote(data, {-0.4, 0}, 3) == Approx(1.0 / 3));  // −1, 1, −2
  CHECK(neighbor_vote(data, {0, 5}, 5) == Approx(3.0 / 5));     // everyone votes
  CHECK(std::isnan(neighbor_vote(LabeledPoints{}, {0, 0}, 3)));
}

TEST_CASE("neighbors: the vote counts exactly the points nearest_neighbors names, ties included") {
  // Points on an integer lattice, queried at lattice and half-lattice points: many equal distances.
  LabeledPoints data;
  for (int i = -3; i <= 3; ++i)
    for (int j = -3; j <= 3; ++j) {
      data.points.emplace_back(i, j);
      data.labels.push_back((i * 7 + j * 3 + 21) % 4 == 0 ? 1 : 0);
    }
  for (int k : {1, 2, 4, 5, 9, 49})
    for (double x = -3; x <= 3; x += 0.5)
      for (double y = -3; y <= 3; y += 1.5) {
        int ones = 0;
        const std::vector<std::size_t> near = nearest_neighbors(data.points, {x, y}, k);
        for (std::size_t i : near) ones += data.labels[i];
        CHECK(neighbor_vote(data, {x, y}, k) == double(ones) / double(near.size()));
      }
}

TEST_CASE("neighbors: the vote past 64 neighbours (its buffer on the heap) counts the same points") {
  // 11 × 11 lattice points; k from just under the stack buffer's 64 to more than there are points.
  LabeledPoints data;
  for (int i = -5; i <= 5; ++i)
    for (int j = -5; j <= 5; ++j) {
      data.points.emplace_back(i, j);
      data.labels.push_back((i * 5 + j * 3 + 40) % 3 == 0 ? 1 : 0);
    }
  for (int k : {63, 64, 65, 100, 121, 500})
    for (double x = -5; x <= 5; x += 2.5)
      for (double y = -5; y <= 5; y += 2.5) {
        int ones = 0;
        const std::vector<std::size_t> near = nearest_neighbors(data.points, {x, y}, k);
        for (std::size_t i : near) ones += data.labels[i];
        CHECK(neighbor_vote(data, {x, y}, k) == double(ones) / double(near.size()));
      }
}
