// loss-landscape, headless: defaults tell the Rosenbrock story, describe() quotes core's numbers,
// the start follows drags, clicks and arrow keys, the Step, Play and Rewind buttons stay within the
// 500-step cap; the parameters' names before issue 13 still set the same things.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "core/optimizers.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;
using mml::test::click;
using mml::test::settle;
using mml::test::tap;

namespace {

// Every test here runs loss-landscape.
struct Running : mml::test::Running {
  explicit Running(std::string_view query = "", float width = 900) : mml::test::Running("loss-landscape", query, width) {}
};

OptimizerRun rosenbrock_run(Optimizer m) {
  OptimizerSettings s;
  s.learning_rate = 1.5e-3;
  s.adam_rate = 0.1;
  s.max_steps = 500;
  s.escape_radius = 100;
  return run_optimizer(m, Landscape{LandscapeKind::Rosenbrock}, {-1.5, 2}, s);
}

}  // namespace

TEST_CASE("loss-landscape: the default race on Rosenbrock, with describe() quoting core's losses") {
  Running r;
  REQUIRE(r.info != nullptr);
  CHECK(r.host.state().empty());
  const std::string d = r.host.describe();
  CAPTURE(d);
  CHECK(d.find("after 300 steps from (\u22121.5, 2)") != std::string::npos);
  const OptimizerRun gd = rosenbrock_run(Optimizer::GradientDescent), mom = rosenbrock_run(Optimizer::Momentum),
                     adam = rosenbrock_run(Optimizer::Adam), newton = rosenbrock_run(Optimizer::Newton);
  CHECK(d.find("gradient descent f = " + format_number(gd.losses[300])) != std::string::npos);
  CHECK(d.find("momentum f = " + format_number(mom.losses[300])) != std::string::npos);
  CHECK(d.find("Adam f = " + format_number(adam.losses[300])) != std::string::npos);
  CHECK(d.find("Newton reached a critical point in " + std::to_string(newton.steps()) + " steps") != std::string::npos);
  // The point the defaults make: gradient descent crawls, the others get far lower.
  CHECK(gd.losses[300] > 1);
  CHECK(mom.losses[300] < 0.01);
  CHECK(adam.losses[300] < 0.5);
  CHECK(newton.steps() < 10);
}

TEST_CASE("loss-landscape: Step adds one step, Rewind goes to 0, Play advances and stops at the cap") {
  Running r("steps=498");
  CHECK(r.param("steps") == "498");
  click(r.host, &r.time, "Step");
  CHECK(r.param("steps") == "499");
  CHECK(r.host.describe().find("after 499 steps") != std::string::npos);
  click(r.host, &r.time, "Rewind");
  CHECK(r.param("steps") == "0");
  CHECK(r.host.describe().find("after 0 steps") != std::string::npos);
  // Play from 498 runs the last two steps and stops at the 500-step cap by itself.
  std::vector<std::string> errors;
  r.host.configure("steps=498", &errors);
  settle(r.host, &r.time);
  click(r.host, &r.time, "Play");
  for (int i = 0; i < 60 * 5 && r.host.figure().animating(); ++i) r.host.frame(r.time += 1.0 / 60);
  CHECK(r.param("steps") == "500");
  CHECK_FALSE(r.host.figure().animating());
  r.host.configure("steps=501", &errors);  // beyond the cap: rejected, with a message
  CHECK_FALSE(errors.empty());
}

TEST_CASE("loss-landscape: pressing the panel's Step, Play, Pause and Rewind buttons") {
  Running r("steps=0");
  click(r.host, &r.time, "Step");
  CHECK(r.param("steps") == "1");
  CHECK_FALSE(r.host.figure().animating());
  // Play keeps stepping while the host runs frames; Pause (the same button) stops it there.
  click(r.host, &r.time, "Play");
  CHECK(r.host.figure().animating());
  for (int i = 0; i < 60; ++i) r.host.frame(r.time += 1.0 / 60);
  const double played = mml::test::number_param(r.host.state(), "steps");
  CHECK(played > 1);
  CHECK(played < 500);
  click(r.host, &r.time, "Pause");
  CHECK_FALSE(r.host.figure().animating());
  const std::string paused = r.param("steps");
  for (int i = 0; i < 30; ++i) r.host.frame(r.time += 1.0 / 60);
  CHECK(r.param("steps") == paused);
  // Rewind (the timeline's reset) goes back to step 0: the parameter's default is 300, so the
  // state says steps=0.
  click(r.host, &r.time, "Rewind");
  CHECK(r.param("steps") == "0");
  CHECK_FALSE(r.host.figure().animating());
}

namespace {

// A click at (x, y) on the map of a fresh figure; returns the start it leaves (empty: unchanged).
std::string start_after_click(float x, float y) {
  Running r;
  mml::test::drag(r.host, &r.time, x, y, 0, 0);  // a drag that goes nowhere: a click
  settle(r.host, &r.time);
  return r.param("start");
}

double first(const std::string& pair) { return std::stod(pair); }
double second(const std::string& pair) { return std::stod(pair.substr(pair.find(',') + 1)); }

}  // namespace

TEST_CASE("loss-landscape: dragging the start handle and clicking the map move the start") {
  // A click away from the handle moves the start to the point under the pointer. Two such clicks
  // give the map's screen ↔ data transform (both axes are linear), hence where the handle of the
  // default start (−1.5, 2) is drawn.
  const std::string a = start_after_click(250, 350), b = start_after_click(150, 150);
  CAPTURE(a, b);
  REQUIRE_FALSE(a.empty());
  REQUIRE_FALSE(b.empty());
  CHECK(first(a) > first(b));    // right on screen is larger x
  CHECK(second(a) < second(b));  // down on screen is smaller y
  const double hx = 250 + (-1.5 - first(a)) * (250 - 150) / (first(a) - first(b));
  const double hy = 350 + (2 - second(a)) * (350 - 150) / (second(a) - second(b));
  CAPTURE(hx, hy);

  // A press and release on the handle grabs it without moving it: the state stays the default.
  Running held;
  mml::test::drag(held.host, &held.time, float(hx), float(hy), 0, 0);
  CHECK(held.host.state().empty());

  Running dragged;
  mml::test::drag(dragged.host, &dragged.time, float(hx), float(hy), 40, 40);
  const std::string moved = dragged.param("start");
  CAPTURE(moved);
  REQUIRE_FALSE(moved.empty());
  // Right and down on screen: larger x, smaller y than the default (−1.5, 2), by the transform's
  // 40 px worth (to the snapping the handle applies).
  CHECK(first(moved) == Approx(-1.5 + 40 * (first(a) - first(b)) / 100).margin(0.06));
  CHECK(second(moved) == Approx(2 + 40 * (second(a) - second(b)) / 200).margin(0.06));
}

TEST_CASE("loss-landscape: with focus, arrow keys nudge the start") {
  Running r;
  r.host.set_focus(true);
  r.host.frame(r.time += 1.0 / 60);
  tap(r.host, &r.time, HostKey::Right);
  tap(r.host, &r.time, HostKey::Up);
  CHECK(r.param("start") == "-1.4,2.1");
}

TEST_CASE("loss-landscape: every landscape and view draws, and diverged runs stop cleanly") {
  for (const char* q : {"landscape=bowl&kappa=100&rate=0.03", "landscape=himmelblau&start=-0.5,0.5",
                        "landscape=saddle&start=1.5,0.05&rate=0.05&newton_hessian=abs&steps=500", "view=map&arrows=1",
                        "view=surface&landscape=bowl"}) {
    for (float w : {900.f, 360.f}) {
      CAPTURE(q, w);
      Running r(q, w);
      CHECK(r.host.draw_data()->TotalVtxCount > 100);
      CHECK_FALSE(r.host.describe().empty());
    }
  }
  // κ = 100 with η = 0.03 > 2/100: gradient descent diverges, and the figure says so.
  Running bowl("landscape=bowl&kappa=100&rate=0.03");
  CHECK(bowl.host.describe().find("gradient descent diverged at step") != std::string::npos);
  Running saddle("landscape=saddle&start=1.5,0.05&rate=0.05&steps=500");
  const std::string d = saddle.host.describe();
  CAPTURE(d);
  CHECK(d.find("ran off the map") != std::string::npos);
  CHECK(d.find("Newton reached a critical point in 1 step (f = 0)") != std::string::npos);
}

// Issue 13 renamed the parameters so each name says what it sets; links shared before keep
// working: each old name sets the same parameter as its new one, and the state is written with
// the new name.
TEST_CASE("loss-landscape: the old parameter names still parse and set what the new names set") {
  const std::array<std::array<const char*, 3>, 7> renamed = {{{"function", "landscape", "saddle"},
                                                              {"adam", "adam_rate", "0.05"},
                                                              {"gd", "show_gd", "false"},
                                                              {"momentum", "show_momentum", "false"},
                                                              {"adamrun", "show_adam", "false"},
                                                              {"newtonrun", "show_newton", "false"},
                                                              {"newton", "newton_hessian", "abs"}}};
  for (const auto& [old_name, new_name, value] : renamed) {
    CAPTURE(old_name, new_name, value);
    const std::string by_old = std::string(old_name) + "=" + value, by_new = std::string(new_name) + "=" + value;
    Running old_link, new_link;
    std::vector<std::string> errors;
    CHECK(old_link.host.configure(by_old, &errors));
    CHECK(new_link.host.configure(by_new, &errors));
    CHECK(errors.empty());
    settle(old_link.host, &old_link.time);
    settle(new_link.host, &new_link.time);
    CHECK(old_link.host.state() == by_new);
    CHECK(new_link.host.state() == by_new);
    CHECK(old_link.host.describe() == new_link.host.describe());
  }
  // All at once, as the chapter's second figure had them.
  Running old_page("function=saddle&start=1.5,0.05&rate=0.05&adam=0.05&steps=60&view=map");
  Running new_page("landscape=saddle&start=1.5,0.05&rate=0.05&adam_rate=0.05&steps=60&view=map");
  CHECK(old_page.host.state() == new_page.host.state());
  CHECK(old_page.host.describe() == new_page.host.describe());
  CHECK(old_page.host.describe().find("Saddle") == 0);
}
