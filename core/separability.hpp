#pragma once
// Can a straight line separate two classes of points? That is the question a network's last
// (linear) layer asks of the data the earlier layers produced.
// Exact in 2D: two finite sets are strictly separable by a line exactly when their convex hulls
// are disjoint, and two disjoint convex polygons always have a separating line parallel to one
// of their edges (the separating axis theorem). So we test the normals of both hulls' edges.
#include <span>
#include <vector>

#include "core/linear_map.hpp"

namespace mml {

// Convex hull, counter-clockwise, without collinear points (Andrew's monotone chain).
// One or two points come back as they are (deduplicated); non-finite points are skipped.
std::vector<Vec2> convex_hull(std::span<const Vec2> points);

struct SeparatingLine {
  bool separable = false;
  Vec2 normal = Vec2::UnitX();  // unit length; class 1 lies on the side normal·x > offset
  double offset = 0;
  double margin = 0;            // half the gap between the classes along `normal`
};

// The widest separating line among the hull-edge directions (margin measured along its normal),
// or separable = false when the hulls meet. Labels are 0 and 1; other labels count as 1.
// Points closer than `tolerance` to touching count as not separated.
SeparatingLine find_separating_line(std::span<const Vec2> points, std::span<const int> labels,
                                    double tolerance = 1e-9);

// How many points sit on the wrong side of (or on) the line.
int misclassified(const SeparatingLine& line, std::span<const Vec2> points, std::span<const int> labels);

}  // namespace mml
