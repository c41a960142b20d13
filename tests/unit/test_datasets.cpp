// Data sets: seeded determinism, counts, balanced labels, and their geometry.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/datasets.hpp"

using namespace mml;

TEST_CASE("datasets: the same seed gives the same points, another seed other points") {
  for (Dataset kind : {Dataset::TwoMoons, Dataset::Circles, Dataset::Spirals}) {
    const LabeledPoints a = make_dataset(kind, 200, 7, 0.1), b = make_dataset(kind, 200, 7, 0.1);
    const LabeledPoints c = make_dataset(kind, 200, 8, 0.1);
    CHECK(a.points == b.points);
    CHECK(a.labels == b.labels);
    CHECK(a.points != c.points);
  }
}

TEST_CASE("datasets: the generator is mt19937_64's raw words, not a std distribution") {
  // The first uniform is the first raw word's top 53 bits; recompute the first moon point from
  // std::mt19937_64 itself (its output is fixed by the standard), with noise 0.
  std::mt19937_64 engine(42);
  const double u = double(engine() >> 11) * 0x1.0p-53;
  const double theta = std::acos(-1.0) * u;
  const LabeledPoints d = make_dataset(Dataset::TwoMoons, 20, 42, 0);
  CHECK(d.points[0].x() == Approx(std::cos(theta) - 0.5));
  CHECK(d.points[0].y() == Approx(std::sin(theta) - 0.25));
  // mt19937_64's 10000th output for the default seed is fixed by the C++ standard.
  std::mt19937_64 standard;
  standard.discard(9999);
  CHECK(standard() == 9981545732273789042ull);
}

TEST_CASE("datasets: counts are clamped and labels balanced") {
  CHECK(make_dataset(Dataset::Circles, 5, 1, 0).points.size() == 20);
  CHECK(make_dataset(Dataset::Circles, 100000, 1, 0).points.size() == 1000);
  for (std::int64_t n : {20, 21, 99, 250}) {
    const LabeledPoints d = make_dataset(Dataset::Spirals, n, 3, 0.05);
    REQUIRE(d.points.size() == std::size_t(n));
    REQUIRE(d.labels.size() == std::size_t(n));
    int ones = 0;
    for (int l : d.labels) {
      CHECK((l == 0 || l == 1));
      ones += l;
    }
    CHECK(ones == n / 2);  // class 1 takes the odd indices
  }
}

TEST_CASE("datasets: noiseless shapes") {
  const LabeledPoints circles = make_dataset(Dataset::Circles, 400, 5, 0);
  for (std::size_t i = 0; i < circles.points.size(); ++i)
    CHECK(circles.points[i].norm() == Approx(circles.labels[i] == 0 ? 1.0 : 0.5));

  // Moons: class 0 on the upper half of the unit circle about (−0.5, −0.25), class 1 on the lower
  // half of the unit circle about (0.5, 0.25).
  const LabeledPoints moons = make_dataset(Dataset::TwoMoons, 400, 5, 0);
  for (std::size_t i = 0; i < moons.points.size(); ++i) {
    const bool upper = moons.labels[i] == 0;
    const Vec2 centre = upper ? Vec2(-0.5, -0.25) : Vec2(0.5, 0.25);
    const Vec2 d = moons.points[i] - centre;
    CHECK(d.norm() == Approx(1));
    CHECK((upper ? d.y() >= -1e-12 : d.y() <= 1e-12));
  }

  // Spirals: the radius grows with the angle, r = 0.2 + 1.3s at angle 3πs; class 1 is −(class 0).
  const LabeledPoints spirals = make_dataset(Dataset::Spirals, 400, 5, 0);
  for (std::size_t i = 0; i < spirals.points.size(); ++i) {
    const Vec2 p = spirals.labels[i] == 0 ? spirals.points[i] : Vec2(-spirals.points[i]);
    const double s = (p.norm() - 0.2) / 1.3;
    CHECK(s >= -1e-12);
    CHECK(s <= 1 + 1e-12);
    const Vec2 expected(std::cos(3 * std::acos(-1.0) * s), std::sin(3 * std::acos(-1.0) * s));
    CHECK((p.normalized() - expected).norm() < 1e-9);
  }
}

TEST_CASE("datasets: Box–Muller normals have mean 0 and variance 1") {
  Rng rng(11);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = standard_normal(rng);
    sum += z;
    sum2 += z * z;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance.
  CHECK(std::abs(mean) < 0.01);
  CHECK(std::abs(var - 1) < 0.015);
  // Noise spreads points by about σ: mean squared distance from the clean circle ≈ σ² (σ = 0.1).
  const LabeledPoints noisy = make_dataset(Dataset::Circles, 1000, 2, 0.1);
  double sq = 0;
  for (std::size_t i = 0; i < noisy.points.size(); ++i) {
    const double r = noisy.labels[i] == 0 ? 1.0 : 0.5;
    sq += std::pow(noisy.points[i].norm() - r, 2);
  }
  CHECK(std::sqrt(sq / 1000) == Approx(0.1).epsilon(0.15));
}
