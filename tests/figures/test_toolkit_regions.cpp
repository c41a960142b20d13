// Decision regions (web/plot/regions.hpp) and click-to-place (DragOptions::click_to_place),
// headless. A test-only figure shades known regions: the poster rasterizer (the field shader's
// arithmetic on the CPU) must paint each class's colour on its side of the boundary, a probability
// that fades out at ½, and the boundary line. Then the handles: a click on empty plot area places
// the click-to-place handle, dragging the background pans (and places nothing), a press on the
// handle itself or on another handle or a control places nothing, and on a plot that does not pan
// the press that places the handle drags it on. Last, the toolkit-regions demo.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "core/neighbors.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"
#include "web/app/raster.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/regions.hpp"

using namespace mml;
using mml::test::settle;

namespace {

constexpr ImU32 kRed = IM_COL32(230, 20, 20, 255), kGreen = IM_COL32(20, 200, 40, 255), kBlue = IM_COL32(20, 40, 230, 255);
constexpr ImU32 kLine = IM_COL32(0, 0, 0, 255);

// Classes: 0 left of x = ½, right of it 1 above y = 0.6 and 2 below (off the axes, which are drawn
// over the regions). Probability: σ(4(x − ½)).
class Shaded final : public Figure {
 public:
  enum Mode { Classes, Probability, Neighbors };
  Mode mode = Classes;
  bool boundary = false, pans = true;
  Vec2 placed{-1, -1}, other{1, -1};  // "placed" takes clicks; "other" is an ordinary handle
  plot::ViewTransform view;
  plot::RegionCache* cache = nullptr;  // when set, class regions keep their samples in it
  std::array<double, 1> key{1};  // what the class function depends on, as a figure keys its cache
  int evaluations = 0;  // of the class function

  void frame(const FrameContext&) override {
    const int flags = plot::PlotFlags_NoGrid | (pans ? plot::PlotFlags_PanZoom : 0);
    if (plot::begin_plot("##p", {-1, -40}, flags)) {
      plot::setup_axes({-2, 2}, {-2, 2});
      view = plot::current_view();
      plot::RegionOptions options{
          .opacity = 1, .boundary = boundary ? kLine : 0u, .boundary_width = 3, .cache = cache, .key = key};
      if (mode == Classes) {
        const std::array palette = {kRed, kGreen, kBlue};
        const auto f = [this](double x, double y) { return ++evaluations, x < 0.5 ? 0 : y > 0.6 ? 1 : 2; };
        plot::class_regions(f, palette, options);
      } else if (mode == Neighbors) {
        const std::array palette = {kRed, kGreen};
        plot::class_regions([](double x, double y) { return knn_class(x, y); }, palette, options);
      } else {
        plot::probability_regions([](double x, double) { return 1 / (1 + std::exp(-4 * (x - 0.5))); }, kBlue, kRed, options);
      }
      plot::drag_point("placed", &placed, kLine, nullptr, {.click_to_place = true});
      plot::drag_point("other", &other, kLine);
      plot::end_plot();
    }
    ImGui::Button("control");
  }
  std::string describe() const override { return ""; }
  // A classifier with a curved boundary: 5 nearest neighbours on two moons, scaled to the view.
  static int knn_class(double x, double y) {
    static const LabeledPoints moons = make_dataset(Dataset::TwoMoons, 120, 1, default_noise(Dataset::TwoMoons));
    return neighbor_vote(moons, {x, y}, 5) > 0.5 ? 1 : 0;
  }
  // Where p is on screen, in whole pixels (ImGui floors the pointer's position).
  ImVec2 screen(const Vec2& p) const {
    const Vec2 s = view.to_screen(p);
    return {std::floor(float(s.x())), std::floor(float(s.y()))};
  }
};

const FigureInfo& shaded_info() {
  static const FigureInfo info{"test-regions", "", "", 1.5f, 0.75f,
                               []() -> std::unique_ptr<Figure> { return std::make_unique<Shaded>(); }};
  return info;
}

struct Host {
  FigureHost host{shaded_info()};
  double time = 0;
  explicit Host(Shaded::Mode mode = Shaded::Classes, bool boundary = false, bool pans = true) {
    std::vector<std::string> errors;
    host.configure("", &errors);
    figure().mode = mode;
    figure().boundary = boundary;
    figure().pans = pans;
    host.resize(600, 440, 1);
    host.frame(time += 1.0 / 60);
    settle(host, &time);
  }
  Shaded& figure() { return static_cast<Shaded&>(host.figure()); }
  std::array<int, 3> pixel(const Image& image, ImVec2 at) const {
    const std::size_t i = (std::size_t(at.y) * std::size_t(image.width) + std::size_t(at.x)) * 4;
    return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]};
  }
  std::array<int, 3> pixel_at(const Image& image, const Vec2& data, float dx = 0) {
    const ImVec2 s = figure().screen(data);
    return pixel(image, {s.x + dx, s.y});
  }
  void click(ImVec2 at) { mml::test::click(host, &time, mml::test::ItemRect{at.x, at.y, at.x, at.y}); }
};

std::array<int, 3> rgb(ImU32 c) { return {int(c & 255), int((c >> 8) & 255), int((c >> 16) & 255)}; }

bool near(const std::array<int, 3>& a, const std::array<int, 3>& b, int tolerance = 2) {
  for (int k = 0; k < 3; ++k)
    if (std::abs(a[std::size_t(k)] - b[std::size_t(k)]) > tolerance) return false;
  return true;
}

}  // namespace

TEST_CASE("toolkit regions: each class's colour on its side of the boundary, antialiased on it") {
  Host h;
  const Image image = rasterize_figure(h.host, false);
  CAPTURE(h.pixel_at(image, {-1, 1}), h.pixel_at(image, {1.2, 1}), h.pixel_at(image, {1.2, -1}));
  CHECK(near(h.pixel_at(image, {-1, 1}), rgb(kRed)));
  CHECK(near(h.pixel_at(image, {-1.5, -1.5}), rgb(kRed)));
  CHECK(near(h.pixel_at(image, {1.2, 1}), rgb(kGreen)));
  CHECK(near(h.pixel_at(image, {1.2, -1}), rgb(kBlue)));
  // Three pixels either side of x = ½: each side its own colour. Classes are known only at the
  // samples (4 px apart), so the boundary runs midway between two samples of different classes:
  // within 2 px of the true one.
  CHECK(near(h.pixel_at(image, {0.5, 1.3}, -3), rgb(kRed), 8));
  CHECK(near(h.pixel_at(image, {0.5, 1.3}, 3), rgb(kGreen), 8));
  CHECK(near(h.pixel_at(image, {0.5, -1.3}, 3), rgb(kBlue), 8));
  // With the boundary drawn (3 px, black): black within 2 px of x = ½ and of y = 0.6 right of
  // it, the regions' colours 6 px away, and no line on y = 0.6 left of x = ½ (no boundary there).
  Host lined(Shaded::Classes, true);
  const Image with_line = rasterize_figure(lined.host, false);
  const auto darkest = [&](const Vec2& at, bool across_x) {
    int least = 3 * 255;
    for (int d = -2; d <= 2; ++d) {
      const ImVec2 s = lined.figure().screen(at);
      const std::array<int, 3> c = lined.pixel(with_line, across_x ? ImVec2(s.x + float(d), s.y) : ImVec2(s.x, s.y + float(d)));
      least = std::min(least, c[0] + c[1] + c[2]);
    }
    return least;
  };
  CHECK(darkest({0.5, 1.3}, true) < 30);
  CHECK(darkest({0.5, -1.3}, true) < 30);
  CHECK(darkest({1.2, 0.6}, false) < 30);
  CHECK(near(lined.pixel_at(with_line, {0.5, 1.3}, -6), rgb(kRed), 8));
  CHECK(near(lined.pixel_at(with_line, {0.5, 1.3}, 6), rgb(kGreen), 8));
  CHECK(near(lined.pixel_at(with_line, {-1, 0.6}), rgb(kRed)));
}

TEST_CASE("toolkit regions: every poster pixel away from the boundary has the classifier's colour there") {
  // k-NN on two moons: a boundary that bends everywhere. Across the plot, every 7 px, the
  // rasterized colour must be the class k-NN gives that point, wherever the class is the same
  // 5 px around it (the boundary runs midway between samples 4 px apart, so it lies closer
  // than that). The axes, their labels and the handles are drawn over the regions: skipped.
  Host h(Shaded::Neighbors);
  const Image image = rasterize_figure(h.host, false);
  const plot::ViewTransform& view = h.figure().view;
  const plot::ScreenRect& r = view.screen();
  const Vec2 origin = view.to_screen({0, 0});
  int checked = 0, wrong = 0, classes[2] = {0, 0};
  for (double sy = r.y + 3; sy < r.y + r.h - 3; sy += 7)
    for (double sx = r.x + 3; sx < r.x + r.w - 3; sx += 7) {
      if (std::abs(sx - origin.x()) < 30 || std::abs(sy - origin.y()) < 20) continue;
      const auto near_handle = [&](const Vec2& p) { return (view.to_screen(p) - Vec2(sx, sy)).norm() < 16; };
      if (near_handle(h.figure().placed) || near_handle(h.figure().other)) continue;
      const auto class_at = [&](double dx, double dy) {
        const Vec2 d = view.to_data({sx + dx, sy + dy});
        return Shaded::knn_class(d.x(), d.y());
      };
      const int k = class_at(0, 0);
      bool uniform = true;
      for (int a = -1; a <= 1; ++a)
        for (int b = -1; b <= 1; ++b) uniform = uniform && class_at(5.0 * a, 5.0 * b) == k;
      if (!uniform) continue;
      ++checked;
      ++classes[k];
      const std::array<int, 3> got = h.pixel(image, {float(std::floor(sx)), float(std::floor(sy))});
      if (!near(got, rgb(k == 1 ? kGreen : kRed), 3)) {
        ++wrong;
        UNSCOPED_INFO("at (" << sx << ", " << sy << ") class " << k << ": " << got[0] << ", " << got[1] << ", " << got[2]);
      }
    }
  CHECK(checked > 2000);
  CHECK(classes[0] > 500);
  CHECK(classes[1] > 500);
  CHECK(wrong == 0);
}

TEST_CASE("toolkit regions: with a cache the classifier is sampled again only when its key or the view changes") {
  Host h;
  plot::RegionCache cache;
  h.figure().cache = &cache;
  h.figure().evaluations = 0;
  h.host.frame(h.time += 1.0 / 60);  // the cache is empty: sampled
  const int samples = h.figure().evaluations;
  CHECK(samples > 1000);  // one every 4 px over the plot
  CHECK(std::size_t(samples) == cache.values.size());
  for (int i = 0; i < 3; ++i) h.host.frame(h.time += 1.0 / 60);
  CHECK(h.figure().evaluations == samples);  // nothing changed: the samples are reused
  h.figure().key = {2};
  h.host.frame(h.time += 1.0 / 60);
  CHECK(h.figure().evaluations == 2 * samples);  // the key changed
  h.host.frame(h.time += 1.0 / 60);
  CHECK(h.figure().evaluations == 2 * samples);
  // A pan moves the view: sampled again. The colours stay right (the first test's checks, cached).
  const ImVec2 from = h.figure().screen({-1, 1});
  mml::test::drag(h.host, &h.time, from.x, from.y, 30, 0);
  CHECK(h.figure().evaluations > 2 * samples);
  const Image image = rasterize_figure(h.host, false);
  CHECK(near(h.pixel_at(image, {-1, 1}), rgb(kRed)));
  CHECK(near(h.pixel_at(image, {1.2, 1}), rgb(kGreen)));
  CHECK(near(h.pixel_at(image, {1.2, -1}), rgb(kBlue)));
}

TEST_CASE("toolkit regions: a probability fades from one colour through the background to the other") {
  Host h(Shaded::Probability);
  const Image image = rasterize_figure(h.host, false);
  const std::array<int, 3> bg = rgb(plot::light_theme().background);
  // σ(4x): at x = ±1.5 p = 0.0025 / 0.9975, |2p − 1| = 0.995: nearly the full colour.
  const auto mix = [&](ImU32 c, double a) {
    const std::array<int, 3> v = rgb(c);
    return std::array<int, 3>{int(std::lround(bg[0] + (v[0] - bg[0]) * a)), int(std::lround(bg[1] + (v[1] - bg[1]) * a)),
                              int(std::lround(bg[2] + (v[2] - bg[2]) * a))};
  };
  // p = σ(4(x − ½)) at x = 1.75 and −0.75: σ(±5), |2p − 1| = 0.987; at x = 0.75 and 0.25: σ(±1).
  const double a5 = 2 / (1 + std::exp(-5.0)) - 1, a1 = 2 / (1 + std::exp(-1.0)) - 1;
  CAPTURE(h.pixel_at(image, {1.75, 1}), h.pixel_at(image, {0.75, 1}), h.pixel_at(image, {0.25, 1}));
  CHECK(near(h.pixel_at(image, {1.75, 1}), mix(kRed, a5), 3));
  CHECK(near(h.pixel_at(image, {-0.75, 1}), mix(kBlue, a5), 3));
  CHECK(near(h.pixel_at(image, {0.75, 1}), mix(kRed, a1), 4));  // 46% of red
  CHECK(near(h.pixel_at(image, {0.25, 1}), mix(kBlue, a1), 4));
  CHECK(near(h.pixel_at(image, {0.5, 1}), bg, 4));  // p = ½: nothing
  // The boundary p = ½, interpolated between samples: on it within a pixel.
  Host lined(Shaded::Probability, true);
  const Image with_line = rasterize_figure(lined.host, false);
  CHECK(near(lined.pixel_at(with_line, {0.5, 1}), {0, 0, 0}, 40));
  CHECK(near(lined.pixel_at(with_line, {0.75, 1}), mix(kRed, a1), 4));
}

TEST_CASE("toolkit regions: a click on empty plot area places the handle, a drag pans") {
  Host h;
  const Vec2 target(0.7, 1.1);
  h.click(h.figure().screen(target));
  CHECK(h.figure().placed.x() == Approx(target.x()).margin(0.02));
  CHECK(h.figure().placed.y() == Approx(target.y()).margin(0.02));
  CHECK(h.figure().other == Vec2(1, -1));
  // Dragging the background pans: the data under the pointer follows it, and nothing is placed.
  const Vec2 before = h.figure().placed;
  const ImVec2 from = h.figure().screen({-1, 1});
  mml::test::drag(h.host, &h.time, from.x, from.y, 60, 30);
  h.host.frame(h.time += 1.0 / 60);
  CHECK(h.figure().placed == before);
  const Vec2 under = h.figure().view.to_data({from.x + 60, from.y + 30});
  CHECK(under.x() == Approx(-1).margin(0.02));
  CHECK(under.y() == Approx(1).margin(0.02));
}

TEST_CASE("toolkit regions: a press on the handle, on another handle or on a control places nothing") {
  Host h;
  const mml::test::ItemRect placed = mml::test::find_item(h.host, "placed");
  mml::test::click(h.host, &h.time, placed);  // a click on the handle itself: it stays put
  CHECK(h.figure().placed == Vec2(-1, -1));
  mml::test::click(h.host, &h.time, "other");
  CHECK(h.figure().placed == Vec2(-1, -1));
  CHECK(h.figure().other == Vec2(1, -1));
  mml::test::click(h.host, &h.time, "control");
  CHECK(h.figure().placed == Vec2(-1, -1));
  // Dragging the handle moves it by the drag, as without the option.
  mml::test::drag_item(h.host, &h.time, "placed", 40, 0);
  CHECK(h.figure().placed.x() == Approx(-1 + 40 / h.figure().view.pixels_per_unit_x()).margin(1e-3));
  CHECK(h.figure().placed.y() == Approx(-1).margin(1e-3));
}

TEST_CASE("toolkit regions: without panning the press that places the handle drags it on") {
  Host h(Shaded::Classes, false, false);
  const ImVec2 at = h.figure().screen({0.5, 0.5});
  mml::test::drag(h.host, &h.time, at.x, at.y, 40, -40);
  const Vec2 end = h.figure().view.to_data({at.x + 40, at.y - 40});
  CHECK(h.figure().placed.x() == Approx(end.x()).margin(1e-3));
  CHECK(h.figure().placed.y() == Approx(end.y()).margin(1e-3));
  // A plain click places it too; the keyboard then nudges the placed handle.
  h.click(h.figure().screen({-1.5, 1.5}));
  CHECK(h.figure().placed.x() == Approx(-1.5).margin(0.02));
  h.host.set_focus(true);
  h.host.frame(h.time += 1.0 / 60);
  const double x = h.figure().placed.x();
  mml::test::tap(h.host, &h.time, HostKey::Right);
  CHECK(h.figure().placed.x() == Approx(x + 0.1).margin(0.051));
}

TEST_CASE("toolkit-regions: the query goes where the reader clicks, and the panel quotes its vote") {
  mml::test::Running r("toolkit-regions");
  const std::string d = r.host.describe();
  CAPTURE(d);
  const LabeledPoints moons = make_dataset(Dataset::TwoMoons, 120, 1, default_noise(Dataset::TwoMoons));
  const int orange = int(std::lround(neighbor_vote(moons, {0.5, 0.25}, 5) * 5));
  CHECK(d.find("the query (0.5, 0.25): " + std::to_string(orange) + " of its 5 neighbours are orange") != std::string::npos);
  // Click an empty spot: the query moves there (the plot pans, so the click is a press and release).
  const mml::test::ItemRect query = mml::test::find_item(r.host, "query");
  mml::test::click(r.host, &r.time, mml::test::ItemRect{query.cx() - 80, query.cy() - 60, query.cx() - 80, query.cy() - 60});
  const std::string moved = r.param("query");
  CAPTURE(moved);
  REQUIRE_FALSE(moved.empty());
  const mml::test::ItemRect now = mml::test::find_item(r.host, "query");
  CHECK(now.cx() == Approx(query.cx() - 80).margin(1));
  CHECK(now.cy() == Approx(query.cy() - 60).margin(1));
  // A drag pans: the query stays, its handle moves with the plane.
  mml::test::drag(r.host, &r.time, now.cx() + 100, now.cy() + 100, -50, 0);
  CHECK(r.param("query") == moved);
  CHECK(mml::test::find_item(r.host, "query").cx() == Approx(now.cx() - 50).margin(1));
  // Every setting draws: the share of orange with the boundary off, on spirals, k = 1.
  mml::test::Running other("toolkit-regions", "data=spirals&k=1&shading=share&boundary=false", 420);
  CHECK(other.host.draw_data()->TotalVtxCount > 500);
}
