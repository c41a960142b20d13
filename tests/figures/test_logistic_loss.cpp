// logistic-loss, headless: describe() quotes core's training runs, the defaults already show
// cross-entropy down and squared error stuck, Play stops at the cap, the start follows drags on
// either map, New data and Reset all, and the narrow layout draws.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/logistic_regression.hpp"
#include "tests/figures/csv_reader.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::settle;

namespace {

struct Running : mml::test::Running {
  explicit Running(std::string_view query = "", float width = 900)
      : mml::test::Running("logistic-loss", query, width) {}
};

// The figure's data set (web/figures/logistic_loss.cpp): two blobs at ±(0.9, 0.45), spread 0.8.
LabeledPoints data(std::uint64_t seed = 15, int n = 40) { return make_two_blobs(n, seed, {0.9, 0.45}, 0.8); }

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("logistic-loss: defaults, and describe() quoting core's training") {
  Running r;
  REQUIRE(r.info != nullptr);
  CHECK(r.host.state().empty());
  CHECK_FALSE(r.host.figure().animating());
  const std::string d = r.host.describe();
  CAPTURE(d);
  const LabeledPoints pts = data();
  const TrainingRun ce = train_logistic(ClassifierLoss::CrossEntropy, pts, {-4, -2}, 1, 300);
  const TrainingRun se = train_logistic(ClassifierLoss::SquaredError, pts, {-4, -2}, 1, 300);
  CHECK(contains(d, "40 points"));
  CHECK(contains(d, "seed 15"));
  CHECK(contains(d, "w = (\u22124, \u22122)"));
  CHECK(contains(d, "30 steps"));
  CHECK(contains(d, "cross-entropy " + format_number(ce.losses[30]) + ", " +
                        std::to_string(misclassified(pts, ce.path[30])) + " misclassified"));
  CHECK(contains(d, "squared error " + format_number(se.losses[30]) + ", " +
                        std::to_string(misclassified(pts, se.path[30])) + " misclassified"));
  // The point of the defaults: after 30 steps cross-entropy is nearly down (numpy: 99.8%), squared
  // error has barely left its plateau (numpy: 3.16%), both measured against scikit-learn's and
  // SciPy's minima (tests/unit/test_logistic_regression.cpp).
  CHECK(contains(d, "99.8% of the way down"));
  CHECK(contains(d, "3.16% of the way down"));
}

TEST_CASE("logistic-loss: Play runs to the step cap and stops there") {
  Running probe("steps=0");
  mml::test::click(probe.host, &probe.time, "Play");
  REQUIRE(probe.host.figure().animating());
  // A few frames at 60 Hz, then quarter-second frames (the longest a frame may step: 7.5 steps
  // each), so the 10 s run to the cap takes 40 frames instead of 600 (11 s under ASan before).
  for (int i = 0; i < 10; ++i) probe.host.frame(probe.time += 1.0 / 60);
  CHECK(probe.host.figure().animating());
  const int before_cap = std::stoi(probe.param("steps"));
  CHECK(before_cap > 0);
  CHECK(before_cap < 10);
  for (int i = 0; i < 200 && probe.host.figure().animating(); ++i) probe.host.frame(probe.time += 0.25);
  CHECK(probe.param("steps") == "300");
  for (int i = 0; i < 10; ++i) probe.host.frame(probe.time += 0.25);  // stopped: it stays there
  CHECK(probe.param("steps") == "300");
  CHECK(contains(probe.host.describe(), "300 steps"));
  CHECK_FALSE(probe.host.figure().animating());
}

TEST_CASE("logistic-loss: the start follows a drag on either map, and both runs restart from it") {
  // A press anywhere on a map moves the start there and the drag carries it along. The maps sit
  // side by side at the same height and scale, so the same gesture on the cross-entropy map (left)
  // and on the squared-error map (right) lands on the same w₂.
  Running left, right;
  drag(left.host, &left.time, 100, 400, 40, -40);
  drag(right.host, &right.time, 420, 400, 40, -40);
  const std::string a = left.param("start"), b = right.param("start");
  CAPTURE(a, b);
  REQUIRE_FALSE(a.empty());
  REQUIRE_FALSE(b.empty());
  const double w1 = std::stod(a), w2 = std::stod(a.substr(a.find(',') + 1));
  CHECK(std::stod(b.substr(b.find(',') + 1)) == Approx(w2).margin(1e-3));
  CHECK(w2 > -2);  // released above the default start's height
  CHECK(std::abs(w1) < 6);
  CHECK(left.param("steps") == "");  // the timeline stays where it was: 30 steps from the new start
  const std::string d = left.host.describe();
  CAPTURE(d);
  const LabeledPoints pts = data();
  const TrainingRun ce = train_logistic(ClassifierLoss::CrossEntropy, pts, {w1, w2}, 1, 30);
  const TrainingRun se = train_logistic(ClassifierLoss::SquaredError, pts, {w1, w2}, 1, 30);
  CHECK(contains(d, "w = (" + format_number(w1) + ", " + format_number(w2) + ")"));
  CHECK(contains(d, "cross-entropy " + format_number(ce.losses[30])));
  CHECK(contains(d, "squared error " + format_number(se.losses[30])));
}

TEST_CASE("logistic-loss: queries, New data and Reset all") {
  Running r("seed=3&points=100&rate=0.5&steps=0&start=1,1");
  const std::string d = r.host.describe();
  CAPTURE(d);
  const LabeledPoints pts = data(3, 100);
  CHECK(contains(d, "100 points"));
  CHECK(contains(d, "0 steps"));
  CHECK(contains(d, "cross-entropy " + format_number(mean_loss(ClassifierLoss::CrossEntropy, pts, {1, 1})) + ", " +
                        std::to_string(misclassified(pts, {1, 1})) + " misclassified, 0% of the way down"));
  // New data draws the next seed and keeps the rest; Reset all clears the whole state.
  // (n is points' old name, still read from links shared before the rename.)
  Running fresh("seed=3&n=100");
  CHECK(fresh.host.state() == "seed=3&points=100");
  mml::test::click(fresh.host, &fresh.time, "New data");
  CHECK(fresh.param("seed") == "4");
  CHECK(fresh.param("points") == "100");
  mml::test::click(fresh.host, &fresh.time, "Reset all");
  CHECK(fresh.host.state().empty());
}

TEST_CASE("logistic-loss: the narrow layout and the squared-error shading draw") {
  Running narrow("", 375);
  CHECK(narrow.host.draw_data()->TotalVtxCount > 1000);
  Running wide("shading=squared-error&steps=300");
  CHECK(contains(wide.host.describe(), "300 steps"));
  Running old_name("shade=squared-error");  // shading's old name
  CHECK(old_name.param("shading") == "squared-error");
  CHECK(wide.host.draw_data()->TotalVtxCount > 1000);
}

TEST_CASE("logistic-loss: the CSV holds the points with both models' p and both runs step by step") {
  Running r("steps=12");
  const mml::test::CsvRead t = mml::test::read_csv(r.host.figure().csv());
  REQUIRE(t.header == std::vector<std::string>{"row", "index", "x1", "x2", "label", "p cross-entropy model",
                                               "p squared-error model", "w1", "w2", "loss"});
  REQUIRE(t.rows.size() == 40 + 13 + 13);
  const LabeledPoints pts = data();
  const TrainingRun ce = train_logistic(ClassifierLoss::CrossEntropy, pts, {-4, -2}, 1, 12);
  const TrainingRun se = train_logistic(ClassifierLoss::SquaredError, pts, {-4, -2}, 1, 12);
  // p = 1/(1 + e^−(w·x)) and the mean losses, written out here rather than taken from core.
  const auto p = [](const Vec2& w, const Vec2& x) { return 1 / (1 + std::exp(-w.dot(x))); };
  for (std::size_t i = 0; i < 40; ++i) {
    CHECK(t.rows[i][0] == "data point");
    CHECK(t.number(i, "x1") == pts.points[i].x());
    CHECK(t.number(i, "x2") == pts.points[i].y());
    CHECK(t.number(i, "label") == pts.labels[i]);
    CHECK(t.number(i, "p cross-entropy model") == Approx(p(ce.path[12], pts.points[i])).epsilon(1e-12));
    CHECK(t.number(i, "p squared-error model") == Approx(p(se.path[12], pts.points[i])).epsilon(1e-12));
  }
  for (std::size_t k = 0; k <= 12; ++k) {
    const std::size_t a = 40 + k, b = 53 + k;
    CHECK(t.rows[a][0] == "cross-entropy step");
    CHECK(t.rows[b][0] == "squared error step");
    double ce_loss = 0, se_loss = 0;
    for (std::size_t i = 0; i < 40; ++i) {
      const double y = pts.labels[i], q = p(se.path[k], pts.points[i]);
      ce_loss += -(y * std::log(p(ce.path[k], pts.points[i])) + (1 - y) * std::log(1 - p(ce.path[k], pts.points[i]))) / 40;
      se_loss += (q - y) * (q - y) / 40;
    }
    CHECK(t.number(a, "w1") == ce.path[k].x());
    CHECK(t.number(b, "w2") == se.path[k].y());
    CHECK(t.number(a, "loss") == Approx(ce_loss).epsilon(1e-9));
    CHECK(t.number(b, "loss") == Approx(se_loss).epsilon(1e-9));
  }
}
