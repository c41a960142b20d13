// Figure::csv(), headless: the writer's quoting and precision, and for every figure that holds data
// a table that parses (tests/figures/csv_reader.hpp), has the expected columns, and whose numbers
// match the figure's state, checked against closed forms computed here (not by the figure's code).
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "tests/figures/csv_reader.hpp"
#include "tests/figures/drive.hpp"
#include "web/plot/csv.hpp"

using namespace mml;
using mml::test::CsvRead;
using mml::test::read_csv;
using mml::test::Running;

namespace {

CsvRead csv_of(Running& r) {
  const std::string text = r.host.figure().csv();
  REQUIRE_FALSE(text.empty());
  return read_csv(text);
}

}  // namespace

TEST_CASE("csv writer: RFC 4180 quoting and numbers that read back exactly") {
  CsvTable t({"plain", "with, comma", "say \"hi\"", "two\r\nlines"});
  t.row({0.1, 1.0 / 3, -2.5e-300, INFINITY});
  t.row({{}, NAN, 42, std::string("x")});
  const std::string expected =
      "plain,\"with, comma\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
      "0.1,0.3333333333333333,-2.5e-300,inf\r\n"
      ",,42,x\r\n";
  CHECK(t.text() == expected);
  const CsvRead read = read_csv(t.text());
  CHECK(read.header == std::vector<std::string>{"plain", "with, comma", "say \"hi\"", "two\r\nlines"});
  CHECK(read.number(0, "with, comma") == 1.0 / 3);  // 16 digits suffice to read back the exact double
  CHECK(read.number(0, "say \"hi\"") == -2.5e-300);
  CHECK(std::isinf(read.number(0, "two\r\nlines")));
  CHECK(std::isnan(read.number(1, "with, comma")));
  CHECK(CsvCell::number(-0.0) == "0");
  CHECK(CsvCell::number(1e21) == "1e+21");
  CHECK(CsvCell::number(0.1 + 0.2) == "0.30000000000000004");  // 17 digits when 16 do not read back
}

TEST_CASE("csv: the figures without data offer none, every other one parses") {
  const std::set<std::string> without = {"basis-images", "composition", "derivative-as-speed"};
  for (const FigureInfo& info : all_figures()) {
    CAPTURE(info.id);
    Running r(info.id);
    const std::string text = r.host.figure().csv();
    if (without.count(info.id)) {
      CHECK(text.empty());
    } else if (!text.empty()) {
      const CsvRead read = read_csv(text);
      CHECK(read.header.size() >= 2);
    }
  }
  for (const char* id : {"expected-value", "gradient-descent-1d", "loss-landscape", "line-fit", "dense-layer",
                         "entropy", "cross-entropy"}) {
    CAPTURE(id);
    Running r(id);
    CHECK_FALSE(r.host.figure().csv().empty());
  }
}

TEST_CASE("csv: expected-value lists every roll, the running mean is their average") {
  Running r("expected-value", "n=40&seed=7");
  const CsvRead t = csv_of(r);
  REQUIRE(t.rows.size() == 40);
  // The default loaded die: p = (0.1, 0.1, 0.1, 0.1, 0.2, 0.4), E[X] = 4.4, E[X²] = 22.4, σ² = 3.04.
  const double e = 4.4, sd = std::sqrt(3.04);
  double sum = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const double face = t.number(i, "face");
    CHECK(t.number(i, "roll n") == double(i + 1));
    CHECK((face == std::round(face) && face >= 1 && face <= 6));
    sum += face;
    CHECK(t.number(i, "running mean of n rolls") == Approx(sum / double(i + 1)).epsilon(1e-14));
    CHECK(t.number(i, "E[X]") == Approx(e).epsilon(1e-14));
    CHECK(t.number(i, "band low E[X] - 2 sigma/sqrt(n)") == Approx(e - 2 * sd / std::sqrt(i + 1.0)).epsilon(1e-13));
    CHECK(t.number(i, "band high E[X] + 2 sigma/sqrt(n)") == Approx(e + 2 * sd / std::sqrt(i + 1.0)).epsilon(1e-13));
  }
  // The table is the figure's state: the summary states the same running mean.
  CHECK(r.host.describe().find("After 40 rolls") != std::string::npos);
  // No rolls: the header alone (the figure still holds data, none drawn yet).
  Running none("expected-value", "n=0");
  CHECK(csv_of(none).rows.empty());
}

TEST_CASE("csv: gradient-descent-1d lists the walk x_k = 2.5 * 0.6^k on the bowl x^2") {
  // x_{k+1} = x_k − η·2x_k = (1 − 2η) x_k with η = 0.2 from x₀ = 2.5.
  Running r("gradient-descent-1d", "steps=6");
  const CsvRead t = csv_of(r);
  REQUIRE(t.rows.size() == 7);
  CHECK(t.header == std::vector<std::string>{"step k", "x_k", "f(x_k)", "f'(x_k)", "next step -eta f'(x_k)"});
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    const double x = 2.5 * std::pow(0.6, double(k));
    CHECK(t.number(k, "step k") == double(k));
    CHECK(t.number(k, "x_k") == Approx(x).epsilon(1e-13));
    CHECK(t.number(k, "f(x_k)") == Approx(x * x).epsilon(1e-13));
    CHECK(t.number(k, "f'(x_k)") == Approx(2 * x).epsilon(1e-13));
    CHECK(t.number(k, "next step -eta f'(x_k)") == Approx(-0.4 * x).epsilon(1e-13));
  }
}

TEST_CASE("csv: loss-landscape lists each shown optimizer's path with the Rosenbrock loss") {
  Running r("loss-landscape", "steps=40&adam_rate=0.1&show_gd=false");
  const CsvRead t = csv_of(r);
  CHECK(t.header == std::vector<std::string>{"optimizer", "step", "x", "y", "loss f(x, y)"});
  std::set<std::string> names;
  std::size_t start_rows = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    names.insert(t.text(i, "optimizer"));
    const double x = t.number(i, "x"), y = t.number(i, "y");
    // Rosenbrock's valley: f = (1 − x)² + 100 (y − x²)².
    const double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    CHECK(t.number(i, "loss f(x, y)") == Approx(f).epsilon(1e-12).margin(1e-12));
    CHECK(t.number(i, "step") <= 40);
    if (t.number(i, "step") == 0) {
      ++start_rows;
      CHECK(x == -1.5);
      CHECK(y == 2);
    }
  }
  CHECK(names == std::set<std::string>{"momentum", "Adam", "Newton"});  // gradient descent hidden
  CHECK(start_rows == 3);
  // Momentum takes all 40 steps: 41 rows, the last at step 40.
  std::size_t momentum = 0;
  for (std::size_t i = 0; i < t.rows.size(); ++i) momentum += t.text(i, "optimizer") == "momentum";
  CHECK(momentum == 41);
}

TEST_CASE("csv: line-fit lists the points with residuals, the descent path and least squares") {
  Running r("line-fit", "steps=10");
  const CsvRead t = csv_of(r);
  const std::vector<std::array<double, 2>> data = {{0.4, 0.9}, {0.9, 1.6}, {1.4, 1.5}, {1.9, 2.6}, {2.4, 2.7}, {2.9, 3.0}};
  REQUIRE(t.rows.size() == data.size() + 11 + 1);
  // Gradient descent on MSE(a, b) = (1/n) Σ (a x + b − y)², from (−1, 2) with η = 0.2, redone here.
  double a = -1, b = 2;
  const auto mse = [&data](double a_, double b_) {
    double s = 0;
    for (const auto& p : data) s += (a_ * p[0] + b_ - p[1]) * (a_ * p[0] + b_ - p[1]);
    return s / double(data.size());
  };
  for (std::size_t k = 0; k <= 10; ++k) {
    const std::size_t row = data.size() + k;
    CHECK(t.text(row, "row") == "gradient descent step");
    CHECK(t.number(row, "index") == double(k));
    CHECK(t.number(row, "a (slope)") == Approx(a).epsilon(1e-12));
    CHECK(t.number(row, "b (intercept)") == Approx(b).epsilon(1e-12));
    CHECK(t.number(row, "MSE") == Approx(mse(a, b)).epsilon(1e-12));
    if (k == 10) break;
    double ga = 0, gb = 0;
    for (const auto& p : data) {
      ga += 2 * (a * p[0] + b - p[1]) * p[0] / double(data.size());
      gb += 2 * (a * p[0] + b - p[1]) / double(data.size());
    }
    a -= 0.2 * ga;
    b -= 0.2 * gb;
  }
  for (std::size_t i = 0; i < data.size(); ++i) {
    CHECK(t.text(i, "row") == "data point");
    CHECK(t.number(i, "x") == data[i][0]);
    CHECK(t.number(i, "y") == data[i][1]);
    CHECK(t.number(i, "line a*x + b at x") == Approx(a * data[i][0] + b).epsilon(1e-12));
    CHECK(t.number(i, "residual y - (a*x + b)") == Approx(data[i][1] - a * data[i][0] - b).epsilon(1e-12).margin(1e-12));
  }
  // Least squares by the normal equations: a = cov(x, y) / var(x), b = ȳ − a x̄.
  double mx = 0, my = 0;
  for (const auto& p : data) mx += p[0] / 6, my += p[1] / 6;
  double sxy = 0, sxx = 0;
  for (const auto& p : data) sxy += (p[0] - mx) * (p[1] - my), sxx += (p[0] - mx) * (p[0] - mx);
  const std::size_t last = t.rows.size() - 1;
  CHECK(t.text(last, "row") == "least squares");
  CHECK(t.number(last, "a (slope)") == Approx(sxy / sxx).epsilon(1e-12));
  CHECK(t.number(last, "b (intercept)") == Approx(my - sxy / sxx * mx).epsilon(1e-12));
  CHECK(t.number(last, "MSE") == Approx(mse(sxy / sxx, my - sxy / sxx * mx)).epsilon(1e-12));
}

TEST_CASE("csv: dense-layer lists every point and where relu(Wx + b) puts it, layer by layer") {
  Running r("dense-layer");  // the Untangle preset: two ReLU layers
  const CsvRead t = csv_of(r);
  REQUIRE(t.rows.size() == 200);
  REQUIRE(t.header.size() == 8);
  const auto relu = [](double v) { return v > 0 ? v : 0.0; };
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const double x1 = t.number(i, "input x1"), x2 = t.number(i, "input x2");
    CHECK(t.number(i, "point") == double(i + 1));
    CHECK(t.number(i, "class") == double(i % 2));  // the sets alternate their classes
    // Layer 1: W₁ has columns (1, 2.25) and (−1, 0.75), b₁ = (1.25, 0.75).
    const double h1 = relu(1 * x1 - 1 * x2 + 1.25), h2 = relu(2.25 * x1 + 0.75 * x2 + 0.75);
    CHECK(t.number(i, "after layer 1 y1") == Approx(h1).margin(1e-12));
    CHECK(t.number(i, "after layer 1 y2") == Approx(h2).margin(1e-12));
    // Layer 2: W₂ has columns (0.5, 0.75) and (−1, 0), b₂ = (0.25, −1.25).
    CHECK(t.number(i, "after layer 2 y1") == Approx(relu(0.5 * h1 - 1 * h2 + 0.25)).margin(1e-12));
    CHECK(t.number(i, "after layer 2 y2") == Approx(relu(0.75 * h1 + 0 * h2 - 1.25)).margin(1e-12));
  }
  Running one("dense-layer", "two=false&data=circles&n=50");
  const CsvRead u = csv_of(one);
  CHECK(u.rows.size() == 50);
  CHECK(u.header.size() == 6);
}

TEST_CASE("csv: entropy lists each outcome's surprise and Huffman codeword") {
  Running r("entropy");  // p = (1/2, 1/4, 1/8, 1/8)
  const CsvRead t = csv_of(r);
  REQUIRE(t.rows.size() == 4);
  const std::vector<double> p = {0.5, 0.25, 0.125, 0.125};
  double h = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(t.text(i, "outcome") == std::string(1, char('A' + i)));
    CHECK(t.number(i, "probability p") == p[i]);
    CHECK(t.number(i, "surprise -log2 p (bits)") == Approx(-std::log2(p[i])));
    CHECK(t.text(i, "Huffman codeword").size() == std::size_t(-std::log2(p[i])));  // powers of ½: lengths = surprise
    CHECK(t.number(i, "codeword length (bits)") == -std::log2(p[i]));
    h += t.number(i, "p * -log2 p (bits)");
  }
  CHECK(h == Approx(1.75));
  // A prefix code: no codeword starts another.
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 4; ++j)
      if (i != j) CHECK(t.text(j, "Huffman codeword").rfind(t.text(i, "Huffman codeword"), 0) != 0);
}

TEST_CASE("csv: cross-entropy's per-class columns sum to H(p, q) and KL, with inf for a ruled-out class") {
  Running r("cross-entropy");  // p = (1/2, 1/4, 1/8, 1/8), q uniform over 4
  const CsvRead t = csv_of(r);
  REQUIRE(t.rows.size() == 4);
  double hpq = 0, kl = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(t.number(i, "model q") == 0.25);
    CHECK(t.number(i, "-log2 q (bits)") == Approx(2));
    hpq += t.number(i, "p * -log2 q (bits)");
    kl += t.number(i, "p * log2(p/q) (bits)");
  }
  CHECK(t.text(0, "class") == "cat");
  CHECK(hpq == Approx(2));     // H(p, q) = log₂ 4 for a uniform q
  CHECK(kl == Approx(0.25));   // H(p, q) − H(p) = 2 − 1.75
  Running zero("cross-entropy", "q4=0");
  const CsvRead z = csv_of(zero);
  CHECK(z.text(3, "-log2 q (bits)") == "inf");
  CHECK(z.text(3, "p * -log2 q (bits)") == "inf");
  CHECK(z.number(0, "model q") == Approx(1.0 / 3));
}
