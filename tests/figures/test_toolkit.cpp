// Headless smoke test of every toolkit item: each draws something for sane input, nothing for
// hopeless input (NaN, empty spans), and never crashes. Pixel-exact checks live in the raster test.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "web/app/fonts.hpp"
#include "web/plot/plot.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/locator.hpp"

using namespace mml;

using mml::test::vertices_of;

TEST_CASE("toolkit: every item draws for sane input and survives hopeless input") {
  const plot::Theme& t = plot::light_theme();
  CHECK(vertices_of([&] { plot::curve([](double x) { return std::sin(3 * x); }, t.first); }) > 100);
  CHECK(vertices_of([&] { plot::curve([](double x) { return 1 / x; }, t.first); }) > 50);
  CHECK(vertices_of([&] { plot::curve([](double) { return NAN; }, t.first); }) == 0);
  CHECK(vertices_of([&] { plot::parametric([](double s) { return Vec2(std::cos(s), std::sin(s)); }, 0, 6.3, t.second); }) > 100);
  CHECK(vertices_of([&] { plot::vector_field([](const Vec2& p) { return Vec2(-p.y(), p.x()); }, 12, t.third); }) > 12 * 12 * 4);
  CHECK(vertices_of([&] { plot::vector_field([](const Vec2&) { return Vec2(NAN, 0); }, 12, t.third); }) == 0);
  const std::vector<Vec2> pts = {{0, 0}, {1, 1}, {NAN, 2}, {-1, 0.5}};
  const std::vector<int> classes = {0, 1, 2, 1};
  const std::vector<ImU32> palette = {t.first, t.second};
  CHECK(vertices_of([&] { plot::scatter(pts, classes, palette); }) > 0);
  CHECK(vertices_of([&] { plot::scatter({}, {}, {}); }) == 0);
  const std::vector<double> centres = {-1, 0, 1}, heights = {0.5, 1.5, NAN};
  CHECK(vertices_of([&] { plot::bars(centres, heights, 0.8, t.positive_fill, t.positive_line); }) > 0);
  std::vector<int> counts;
  const std::vector<double> values = {-0.9, -0.5, 0.1, 0.2, 0.3, 2.5, NAN, 99};
  CHECK(vertices_of([&] { counts = plot::histogram(values, -1, 1, 4, t.positive_fill); }) > 0);
  CHECK(counts == std::vector<int>{1, 1, 3, 0});  // [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]
  CHECK(vertices_of([&] { plot::histogram(values, 1, -1, 4, t.positive_fill); }) == 0);
  const auto square = unit_square();
  CHECK(vertices_of([&] { plot::polygon(square, t.positive_fill, t.positive_line); }) > 0);
  CHECK(vertices_of([&] { plot::arrow({0, 0}, {1, 1}, t.first, "v"); }) > 0);
  CHECK(vertices_of([&] { plot::linear_grid(Mat2::Identity(), 3, t.grid); }) > 0);
  CHECK(vertices_of([&] { plot::text({0, 0}, "x\u00b2 \u03b8 \u2207 \u03a3", t.text); }) > 4 * 4);
}

TEST_CASE("toolkit: the font has the math glyphs figures use") {
  ImFontAtlas* atlas = shared_font_atlas(2);
  REQUIRE(atlas->Fonts.Size == 1);
  const ImFont* font = atlas->Fonts[0];
  for (ImWchar c : {ImWchar(u'\u00b2'), ImWchar(u'\u03b8'), ImWchar(u'\u2207'), ImWchar(u'\u03a3'), ImWchar(u'\u2212'),
                    ImWchar(u'\u2081'), ImWchar(u'\u2082'), ImWchar(u'\u00b7'), ImWchar(u'\u2016'), ImWchar(u'\u2264')})
    CHECK(font->FindGlyphNoFallback(c) != nullptr);
}

TEST_CASE("toolkit: dashed lines, polylines, contours and oriented polygons") {
  const plot::Theme& t = plot::light_theme();
  const int solid = vertices_of([&] { plot::segment({-2, -1}, {2, 1}, t.first, 2); });
  const int dashed = vertices_of([&] { plot::segment({-2, -1}, {2, 1}, t.first, 2, plot::kDashed); });
  CHECK(solid > 0);
  CHECK(dashed > 10 * solid);  // a 4.5-unit segment at ~100 px per unit: dozens of 10 px dashes
  // A segment far outside the plot costs nothing once dashed (clipped before it is cut up).
  CHECK(vertices_of([&] { plot::segment({-1e6, 50}, {1e6, 50}, t.first, 2, plot::kDashed); }) == 0);
  const std::vector<Vec2> zigzag = {{-2, 0}, {-1, 1}, {0, 0}, {NAN, 0}, {1, 1}, {2, 0}};
  CHECK(vertices_of([&] { plot::polyline(zigzag, t.second); }) > 0);
  CHECK(vertices_of([&] { plot::polyline(zigzag, t.second, 2, plot::kDotted); }) >
        vertices_of([&] { plot::polyline(zigzag, t.second); }));
  CHECK(vertices_of([&] { plot::polyline({}, t.second); }) == 0);
  CHECK(vertices_of([&] { plot::curve([](double x) { return std::sin(3 * x); }, t.first, 2, plot::kDashed); }) >
        vertices_of([&] { plot::curve([](double x) { return std::sin(3 * x); }, t.first, 2); }));
  CHECK(vertices_of([&] { plot::parametric([](double s) { return Vec2(std::cos(s), std::sin(s)); }, 0, 6.3, t.second, 2, plot::kDashed); }) > 100);
  const plot::Grid bowl = plot::sample_grid([](double x, double y) { return x * x + y * y; }, {-3, 3}, {-2, 2}, 40, 30);
  CHECK(vertices_of([&] { plot::contour(bowl, 1, t.third, 2, plot::kDashed); }) > 0);
  CHECK(vertices_of([&] { plot::contour(bowl, -1, t.third); }) == 0);
  // Signed area by the shoelace formula: +1 counter-clockwise, −1 clockwise, 0 collapsed.
  const std::vector<Vec2> ccw = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
  const std::vector<Vec2> cw(ccw.rbegin(), ccw.rend());
  const std::vector<Vec2> flat = {{0, 0}, {1, 1}, {2, 2}, {1, 1}};
  double a = 0, b = 0, c = 1;
  CHECK(vertices_of([&] { a = plot::oriented_polygon(ccw); }) > 0);
  CHECK(vertices_of([&] { b = plot::oriented_polygon(cw); }) > 0);
  CHECK(vertices_of([&] { c = plot::oriented_polygon(flat); }) > 0);  // drawn as the collapsed outline
  CHECK(a == Approx(1));
  CHECK(b == Approx(-1));
  CHECK(c == 0);
  // A halo is the text eight more times in the background colour.
  const int plain = vertices_of([&] { plot::text({0, 0}, "\u2207f", t.text); });
  CHECK(vertices_of([&] { plot::text({0, 0}, "\u2207f", t.text, {0, 0}, {0, 0}, plot::TextFlags_Halo); }) == 9 * plain);
}

TEST_CASE("toolkit: log axes draw decades and items on them") {
  const plot::Theme& t = plot::light_theme();
  const int log_flags = plot::PlotFlags_LogY;
  // exp(x) over x ∈ [0, 10] on a log y axis, and points, polylines and bars on log axes.
  CHECK(vertices_of([&] { plot::curve([](double x) { return std::exp(x); }, t.first); }, log_flags, {0, 10}, {1, 1e5}) > 0);
  const std::vector<Vec2> decay = {{0, 1}, {5, 1e-3}, {10, 1e-6}};
  CHECK(vertices_of([&] { plot::polyline(decay, t.first, 2, plot::kDashed); }, log_flags, {0, 10}, {1e-7, 10}) > 0);
  // Non-positive values have no place on a log axis: no line, no crash.
  CHECK(vertices_of([&] { plot::curve([](double) { return -1.0; }, t.first); }, log_flags, {0, 10}, {1, 1e5}) == 0);
  const std::vector<double> centres = {1, 2, 3}, heights = {10, 1000, 1e4};
  CHECK(vertices_of([&] { plot::bars(centres, heights, 0.8, t.positive_fill); }, log_flags, {0, 4}, {1, 1e5}) > 0);
  CHECK(vertices_of([&] { plot::point({1e2, 1e3}, t.first); }, plot::PlotFlags_LogX | log_flags, {1, 1e4}, {1, 1e5}) > 0);
}

namespace {

// Runs a plot over `x`, `y` with a heatmap (fields recorded), returning the window's draw list
// commands after the frame and the plot rectangle.
struct PlotFrame {
  std::vector<ImDrawCmd> commands;
  std::vector<ImDrawVert> vertices;
  ImRect rect;
  int field_command = -1;
};

PlotFrame plot_frame(plot::Range x, plot::Range y, bool with_heatmap) {
  plot::FieldStore fields;
  mml::test::Bench bench(false, {640, 400}, &fields);
  PlotFrame out;
  bench.frame([&] {
    out.rect = plot::plot_area({-1, -1});
    plot::begin_plot("##p", {-1, -1});
    plot::setup_axes(x, y);
    if (with_heatmap)
      plot::heatmap(plot::sample_grid([](double a, double b) { return a + b; }, x, y, 16, 16), {x.min + y.min, x.max + y.max});
    plot::end_plot();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < dl->CmdBuffer.Size; ++i) {
      out.commands.push_back(dl->CmdBuffer[i]);
      if (dl->CmdBuffer[i].UserCallback == plot::field_callback) out.field_command = i;
    }
    out.vertices.assign(dl->VtxBuffer.begin(), dl->VtxBuffer.end());
  });
  return out;
}

// Vertices in the axis colour within 1.5 px of (x, y): where a vertical axis line ends at the
// plot's top edge, say.
int axis_vertices_near(const PlotFrame& f, float x, float y) {
  const ImU32 axis = plot::light_theme().axis;
  return int(std::count_if(f.vertices.begin(), f.vertices.end(), [&](const ImDrawVert& v) {
    return v.col == axis && std::abs(v.pos.x - x) < 1.5f && std::abs(v.pos.y - y) < 1.5f;
  }));
}

}  // namespace

TEST_CASE("toolkit: axes run through the origin, or along the nearest edge when it is out of view") {
  // x ∈ [−3, 3]: the y-axis at x = 0, the middle of the plot, from its top edge down.
  const PlotFrame through = plot_frame({-3, 3}, {-2, 2}, false);
  const float middle = (through.rect.Min.x + through.rect.Max.x) / 2, top = through.rect.Min.y;
  CHECK(axis_vertices_near(through, middle, top) >= 2);
  CHECK(axis_vertices_near(through, through.rect.Min.x + 0.5f, top) == 0);
  // x ∈ [2, 8]: zero is left of the view, so the y-axis runs along the left edge.
  const PlotFrame left = plot_frame({2, 8}, {3, 9}, false);
  CHECK(axis_vertices_near(left, left.rect.Min.x + 0.5f, top) >= 2);
  CHECK(axis_vertices_near(left, middle, top) == 0);
  // x ∈ [−8, −2]: along the right edge.
  const PlotFrame right = plot_frame({-8, -2}, {3, 9}, false);
  CHECK(axis_vertices_near(right, right.rect.Max.x - 0.5f, top) >= 2);
}

TEST_CASE("toolkit: axes and tick labels are drawn over a heatmap") {
  const PlotFrame f = plot_frame({-3, 3}, {-2, 2}, true);
  REQUIRE(f.field_command >= 0);
  // After the field (and the render-state reset) come commands that draw: axis lines, tick marks
  // and the labels, with the font texture's glyph UVs (not only the white pixel).
  int after = 0;
  for (std::size_t i = std::size_t(f.field_command) + 1; i < f.commands.size(); ++i)
    if (!f.commands[i].UserCallback) after += int(f.commands[i].ElemCount);
  CHECK(after > 6 * 20);  // at least a few labels' quads and the axis lines
  // The y-axis is drawn twice: under the field and again over it.
  CHECK(axis_vertices_near(f, (f.rect.Min.x + f.rect.Max.x) / 2, f.rect.Min.y) >=
        2 * axis_vertices_near(plot_frame({-3, 3}, {-2, 2}, false), (f.rect.Min.x + f.rect.Max.x) / 2, f.rect.Min.y));
}

namespace {

// sRGB → CIELAB (D65) of a colour seen through a colour-vision-deficiency simulation matrix
// applied in linear RGB. Matrices: Machado, Oliveira & Fernandes, "A Physiologically-based Model
// for Simulation of Color Vision Deficiency", IEEE TVCG 2009, severity 1.0.
using Mat3 = std::array<std::array<double, 3>, 3>;
constexpr Mat3 kNormal = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
constexpr Mat3 kProtanopia = {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Mat3 kDeuteranopia = {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Mat3 kTritanopia = {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

std::array<double, 3> lab_seen(ImU32 color, const Mat3& m) {
  auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
  const double in[3] = {linear(c.x), linear(c.y), linear(c.z)};
  double rgb[3];
  for (int i = 0; i < 3; ++i)
    rgb[i] = std::clamp(m[std::size_t(i)][0] * in[0] + m[std::size_t(i)][1] * in[1] + m[std::size_t(i)][2] * in[2], 0.0, 1.0);
  const double X = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  const double Y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  const double Z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
  const double fx = f(X / 0.95047), fy = f(Y), fz = f(Z / 1.08883);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double delta_e(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

}  // namespace

TEST_CASE("toolkit: the five series colours stay apart for colour-blind readers, on light and dark") {
  // Sanity of the conversion: white is L = 100, pure sRGB red is L ≈ 53.2 (CIE 1976 reference values).
  CHECK(lab_seen(IM_COL32(255, 255, 255, 255), kNormal)[0] == Approx(100).margin(0.1));
  CHECK(lab_seen(IM_COL32(255, 0, 0, 255), kNormal)[0] == Approx(53.24).margin(0.1));
  for (const plot::Theme* t : {&plot::light_theme(), &plot::dark_theme()}) {
    for (const Mat3* m : {&kNormal, &kProtanopia, &kDeuteranopia, &kTritanopia}) {
      for (int i = 0; i < 5; ++i) {
        INFO("dark " << t->dark << " colour " << i);
        CHECK(delta_e(lab_seen(t->series(i), *m), lab_seen(t->background, *m)) >= 30);
        for (int j = i + 1; j < 5; ++j) CHECK(delta_e(lab_seen(t->series(i), *m), lab_seen(t->series(j), *m)) >= 15);
      }
    }
    CHECK(t->series(5) == t->series(0));
    CHECK(t->series(-1) == t->fifth);
  }
}

// On a slow machine the pointer can arrive on a handle and press in the same frame. That frame's
// pointer motion is the arrival, not a drag: it must neither move the handle nor pan the plot
// (PlotFlags_PanZoom sees the press before the handle drawn over it takes it). plot.cpp ignores
// the motion on the press's frame, in drag_point and in the pan; plot3d.cpp does the same for the
// orbit. toolkit-plane, handles unsnapped: a handle dragged straight down after such a press ends
// where the same drag without the arrival puts it; taking the 40 px arrival as a drag put A·e₁
// 0.39 off in x (seen before the fix).
TEST_CASE("toolkit: arriving on a handle and pressing in one frame does not pan the plot") {
  using mml::test::Running;
  // From the centre of the handle A·e₁ ("##a").
  using mml::test::Press;
  const mml::test::ItemRect a = mml::test::find_item(Running("toolkit-plane", "snap=0").host, "##a");
  const float hx = a.cx(), hy = a.cy();
  auto drag_from = [](float x, float y, Press how) {
    Running r("toolkit-plane", "snap=0");
    mml::test::drag_down(r.host, &r.time, x, y, how, 6);
    return r.param("a");
  };
  const std::string plain = drag_from(hx, hy, Press::Plain);
  REQUIRE_FALSE(plain.empty());
  CAPTURE(hx, hy, plain);
  const std::string arrived = drag_from(hx, hy, Press::ArriveAndPress);
  REQUIRE_FALSE(arrived.empty());
  const double plain_x = std::stod(plain), arrived_x = std::stod(arrived);
  const double plain_y = std::stod(plain.substr(plain.find(',') + 1));
  const double arrived_y = std::stod(arrived.substr(arrived.find(',') + 1));
  CHECK(arrived_x == Approx(plain_x).margin(1e-9));
  CHECK(arrived_y == Approx(plain_y).margin(1e-9));
  CHECK(plain_y < 0.5);  // the drag went down
}

// The item locator (tests/figures/locator.hpp) reads the last frame's items from ImGui's
// test-engine hooks: buttons by their label, handles by their id (plot::name_item), each where it
// is drawn; a label the frame does not have finds nothing (find_item then fails the test).
TEST_CASE("toolkit: the item locator finds buttons and handles of the last frame by name") {
  using mml::test::Running;
  Running r("loss-landscape", "", 900);
  for (const char* label : {"Play", "Step", "Rewind", "start"}) {
    CAPTURE(label);
    const mml::test::ItemRect item = mml::test::find_item(r.host, label);
    CHECK(item.x0 >= 0);
    CHECK(item.y0 >= 0);
    CHECK(item.x1 > item.x0);
    CHECK(item.y1 > item.y0);
    CHECK(item.x1 <= 900);
  }
  // A handle's rectangle is its hit area.
  const mml::test::ItemRect start = mml::test::find_item(r.host, "start");
  CHECK(start.x1 - start.x0 == Approx(2 * plot::theme(false).handle_hit_radius));
  CHECK(r.host.item_log().find("no such control").empty());
  CHECK(r.host.item_log().find("Pause").empty());  // drawn only while playing
  mml::test::click(r.host, &r.time, "Play");
  CHECK(r.host.item_log().find("Play").empty());
  CHECK(r.host.item_log().find("Pause").size() == 1);
}

// preset_row (web/plot/controls.hpp): one button per preset, named by its label; the click returns
// that preset and nothing else, and a frame without a click returns none (toolkit-plane's row).
TEST_CASE("toolkit: a preset row gives the preset clicked, and only on the click") {
  mml::test::Running r("toolkit-plane");
  REQUIRE(r.host.state().empty());
  mml::test::settle(r.host, &r.time);
  CHECK(r.host.state().empty());  // frames with no click apply nothing
  mml::test::click(r.host, &r.time, "Shear");
  CHECK(r.param("a") == "1,0");
  CHECK(r.param("b") == "1,1");
  mml::test::click(r.host, &r.time, "Mirror");
  CHECK(r.param("a") == "1,0");
  CHECK(r.param("b") == "0,-1");
  mml::test::click(r.host, &r.time, "Rotate");
  CHECK(r.param("a") == "0,1");
  CHECK(r.param("b") == "-1,0");
}
