#pragma once
// Composing linear maps: doing B and then A is again a linear map, and its matrix is the product AB.
// Column by column: (AB)e_j = A(Be_j), so the product's columns are A applied to B's columns.
// The order matters: AB and BA are different maps in general.
#include "core/linear_map.hpp"

namespace mml {

// The map "first, then second": x ↦ second·(first·x), whose matrix is second·first.
Mat2 compose(const Mat2& first, const Mat2& second);

// Column j of the composition, computed the book's way: where `second` sends first·e_j.
Vec2 composed_column(const Mat2& first, const Mat2& second, int j);

// AB − BA: zero exactly when the two maps commute (the order does not matter).
Mat2 commutator(const Mat2& a, const Mat2& b);
// True when ‖AB − BA‖ (largest entry) is at most `tolerance`.
bool commute(const Mat2& a, const Mat2& b, double tolerance = 1e-9);

// The plane partway through "first, then second", for animations: progress in [0, 2] runs
// identity → first (0..1) → second·first (1..2), each stage a straight blend of the two matrices
// (every point moves along a line; grid lines stay straight and evenly spaced). Values outside
// [0, 2] are clamped.
Mat2 composition_at(const Mat2& first, const Mat2& second, double progress);

// Smooth start and stop inside one stage: 3s² − 2s³ for s in [0, 1] (clamped).
double ease_in_out(double s);

}  // namespace mml
