#pragma once
// k nearest neighbours, the classifier with no training: it keeps the data and lets the k points
// closest to x vote. Its decision regions show what a flexible model does with noise: k = 1 carves
// an island round every point, a larger k smooths them away.
#include <cstddef>
#include <span>
#include <vector>

#include "core/datasets.hpp"
#include "core/linear_map.hpp"

namespace mml {

// Indices of the k points nearest to x (Euclidean), nearest first, equal distances by index;
// k clamped to [1, n] (empty for no points). Non-finite points are never neighbours.
std::vector<std::size_t> nearest_neighbors(std::span<const Vec2> points, const Vec2& x, int k);

// The share of class 1 among x's k nearest neighbours: the k-NN estimate of p(class 1 | x).
// NaN without points.
double neighbor_vote(const LabeledPoints& data, const Vec2& x, int k);

}  // namespace mml
