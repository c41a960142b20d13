#pragma once
// Small labelled 2D data sets, the toy problems classifiers are shown on: two moons, two
// circles, two spirals. Seeded and portable: the same (kind, n, seed, noise) gives the same points
// in every browser and in the native tests, because every random number comes from core/random's
// raw mt19937_64 words (uniforms) and our own Box–Muller normals, never from std distributions.
#include <cstdint>
#include <vector>

#include "core/linear_map.hpp"
#include "core/random.hpp"

namespace mml {

enum class Dataset { TwoMoons, Circles, Spirals };

struct LabeledPoints {
  std::vector<Vec2> points;
  std::vector<int> labels;  // 0 or 1, alternating (so neither class is drawn over the other)
};

inline constexpr int kMinDatasetPoints = 20;
inline constexpr int kMaxDatasetPoints = 1000;
// n clamped to [kMinDatasetPoints, kMaxDatasetPoints].
int clamp_point_count(std::int64_t n);

// A standard normal draw by Box–Muller: √(−2 ln u₁) · cos(2π u₂), with u₁ in (0, 1].
double standard_normal(Rng& rng);

// The noise each data set is shown with (standard deviation per coordinate).
double default_noise(Dataset kind);

// n points (clamped), class 0 for even indices and class 1 for odd ones, so the classes differ in
// size by at most one. Every point gets N(0, noise²) added to each coordinate. Geometry (noise 0):
// - TwoMoons: class 0 on the upper half of the unit circle centred at (−0.5, −0.25), class 1 on
//   the lower half of the unit circle centred at (0.5, 0.25): interlocking arcs, centred on 0.
// - Circles: class 0 on the circle of radius 1, class 1 on radius 0.5, both about the origin.
// - Spirals: class 0 at r(s)(cos 3πs, sin 3πs) with r(s) = 0.2 + 1.3s, s uniform in [0, 1];
//   class 1 is the same spiral turned by half a turn (−x).
// Arc and angle positions are uniform draws from the seeded generator.
LabeledPoints make_dataset(Dataset kind, std::int64_t n, std::uint64_t seed, double noise);

}  // namespace mml

namespace mml {

// Two overlapping round blobs, the smallest classification problem: class 1 scattered around
// +centre and class 0 around −centre, N(0, spread²) in each coordinate; labels alternate as in
// make_dataset (n clamped the same way). Symmetric about the origin, so a boundary through the
// origin (a classifier without bias) is the natural fit. Draw order per point: x noise, y noise.
LabeledPoints make_two_blobs(std::int64_t n, std::uint64_t seed, const Vec2& centre, double spread);

}  // namespace mml
