// line-fit, headless: describe() quotes core's least squares and gradient descent, dragging
// (a, b) or the line restarts the descent from there, points move, Play stops at the cap.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/least_squares.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::drag;
using mml::test::settle;
using mml::test::tap;

namespace {

// Every test here runs line-fit.
struct Running : mml::test::Running {
  explicit Running(std::string_view query = "", float width = 900) : mml::test::Running("line-fit", query, width) {}
};

const std::vector<Vec2> kDefaultData = {{0.4, 0.9}, {0.9, 1.6}, {1.4, 1.5}, {1.9, 2.6}, {2.4, 2.7}, {2.9, 3.0}};

}  // namespace

TEST_CASE("line-fit: defaults, and describe() quoting core's numbers") {
  Running r;
  REQUIRE(r.info != nullptr);
  CHECK(r.host.state().empty());
  const std::string d = r.host.describe();
  CAPTURE(d);
  const LineFit fit = least_squares_line(kDefaultData);
  REQUIRE(fit.ok);
  const std::vector<Vec2> path = mse_gradient_descent(kDefaultData, {-1, 2}, 0.2, 25);
  CHECK(d.find("From the line y = \u22121x + 2 (MSE " + format_number(mse(kDefaultData, {-1, 2})) + ")") != std::string::npos);
  CHECK(d.find("25 steps") != std::string::npos);
  CHECK(d.find("(MSE " + format_number(mse(kDefaultData, path.back())) + ")") != std::string::npos);
  CHECK(d.find("least squares gives y = " + format_number(fit.theta.x()) + "x + " + format_number(fit.theta.y())) !=
        std::string::npos);
  // Gradient descent is on its way: lower than the start, not yet at the bottom.
  CHECK(mse(kDefaultData, path.back()) < mse(kDefaultData, path.front()));
  CHECK(mse(kDefaultData, path.back()) > mse(kDefaultData, fit.theta));
}

TEST_CASE("line-fit: Play walks to the least-squares line and stops at the step cap") {
  Running probe("steps=0");
  mml::test::click(probe.host, &probe.time, "Play");
  REQUIRE(probe.host.figure().animating());
  for (int i = 0; i < 60 * 20; ++i) probe.host.frame(probe.time += 1.0 / 60);
  CHECK(probe.param("steps") == "300");
  CHECK_FALSE(probe.host.figure().animating());
  const LineFit fit = least_squares_line(kDefaultData);
  const std::vector<Vec2> path = mse_gradient_descent(kDefaultData, {-1, 2}, 0.2, 300);
  CHECK((path.back() - fit.theta).norm() < 1e-3);
  CHECK(probe.host.describe().find("300 steps") != std::string::npos);
}

TEST_CASE("line-fit: dragging (a, b) on the map moves the line and restarts the descent") {
  // (a, b) = (−1, 2) on the right-hand map: the handle "ab".
  Running r;
  mml::test::drag_item(r.host, &r.time, "ab", 30, 30);
  const std::string line = r.param("line");
  CAPTURE(line);
  REQUIRE_FALSE(line.empty());
  CHECK(std::stod(line) > -1);                          // right: larger slope
  CHECK(std::stod(line.substr(line.find(',') + 1)) < 2);  // down: smaller intercept
  CHECK(r.param("steps") == "0");
  CHECK(r.host.describe().find("0 steps") != std::string::npos);
}

TEST_CASE("line-fit: dragging the line's right handle pivots the line about the left one") {
  Running r;
  mml::test::drag_item(r.host, &r.time, "right", 0, 40);
  const std::string line = r.param("line");
  CAPTURE(line, r.host.state());
  REQUIRE_FALSE(line.empty());
  for (int i = 1; i <= 6; ++i) CHECK(r.param("p" + std::to_string(i)).empty());  // no data point moved
  const double a = std::stod(line), b = std::stod(line.substr(line.find(',') + 1));
  // The shown line after 25 steps passes the left handle at x = −2.5; it still does.
  const std::vector<Vec2> path = mse_gradient_descent(kDefaultData, {-1, 2}, 0.2, 25);
  CHECK(a * -2.5 + b == Approx(path.back().x() * -2.5 + path.back().y()).margin(0.01));
  CHECK(a < path.back().x());  // pulled down on the right: a smaller slope
}

TEST_CASE("line-fit: data points follow drags and arrow keys, and the fit follows them") {
  Running r;
  r.host.set_focus(true);
  r.host.frame(r.time += 1.0 / 60);
  tap(r.host, &r.time, HostKey::Up);
  tap(r.host, &r.time, HostKey::Up);
  CHECK(r.param("p1") == "0.4,1.1");
  std::vector<Vec2> data = kDefaultData;
  data[0] = {0.4, 1.1};
  const LineFit fit = least_squares_line(data);
  CHECK(r.host.describe().find("least squares gives y = " + format_number(fit.theta.x()) + "x") != std::string::npos);
}

TEST_CASE("line-fit: a too-large learning rate diverges and says so, equal x values have no best line") {
  Running wild("rate=1&steps=300");
  CHECK(wild.host.describe().find("then diverge") != std::string::npos);
  Running same("p1=1,0&p2=1,1&p3=1,2&p4=1,3&p5=1,-1&p6=1,-2");
  CHECK(same.host.describe().find("no single line fits best") != std::string::npos);
  Running narrow("", 360);
  CHECK(narrow.host.draw_data()->TotalVtxCount > 100);
}
