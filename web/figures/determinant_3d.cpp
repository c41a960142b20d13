// determinant-3d: the unit cube under a 3×3 matrix becomes a parallelepiped whose signed volume
// is the determinant. The reader drags the tips of A·e₁, A·e₂, A·e₃ along one axis at a time (or
// drags or types the matrix's entries), orbits the view, and the parallelepiped is coloured by
// orientation like basis-images' square.
// Page: chapters/linear-transformations.md · Math: core/linear_map_3d.hpp · Test: tests/figures.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string>

#include "core/format.hpp"
#include "core/linear_map_3d.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/matrix_input.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/plot3d.hpp"

namespace mml::figures {
namespace {

constexpr double kLimit = 2;  // every entry of A stays in [-2, 2]
// Room for the cube, every preset's image and a mirror image below the floor, centred on the
// cube's centre so orbiting turns around it. Larger images may reach past it; nothing is cut.
const plot::Box3 kBox{{-1, 2}, {-1, 2}, {-1, 2}};

struct Preset {
  const char* label;
  SpacePreset preset;
};
constexpr std::array kPresets = {
    Preset{"Identity", SpacePreset::Identity},     Preset{"Rotation", SpacePreset::RotationZ},
    Preset{"Shear", SpacePreset::Shear},           Preset{"Scaling", SpacePreset::Scaling},
    Preset{"Reflection", SpacePreset::Reflection}, Preset{"Flatten", SpacePreset::Flatten},
};

constexpr const char* kColumnNames[3] = {"A\u00b7e\u2081", "A\u00b7e\u2082", "A\u00b7e\u2083"};
constexpr const char* kAxisNames[3] = {"x", "y", "z"};
constexpr const char* kSubscripts[3] = {"\u2081", "\u2082", "\u2083"};
constexpr const char* kHandleIds[3] = {"e1", "e2", "e3"};
// Entries move on a 0.01 grid from the panel and keys, so URLs stay short and exact.
constexpr plot::MatrixInputOptions kEntries{.min = -kLimit, .max = kLimit, .step = 0.01, .speed = 0.01, .nudge = 0.1};

double tidy(double v) { return std::clamp(std::round(v * 100) / 100, -kLimit, kLimit); }

class Determinant3d final : public Figure {
 public:
  Determinant3d()
      : columns_{params_.add_vec3("a", {1.5, 0, 0.5}, -kLimit, kLimit, "where e\u2081 lands: the first column of A"),
                 params_.add_vec3("b", {0.5, 1, 0}, -kLimit, kLimit, "where e\u2082 lands: the second column of A"),
                 params_.add_vec3("c", {0.5, 0, 1.5}, -kLimit, kLimit, "where e\u2083 lands: the third column of A")},
        yaw_(params_.add_float("yaw", 0.6, -3.15, 3.15, "camera angle around the vertical axis, radians")),
        pitch_(params_.add_float("pitch", 0.4, -1.5, 1.5, "camera angle above the floor, radians")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const ImU32 colors[3] = {t.first, t.second, t.third};
    const plot::FigureLayout layout =
        plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 290, 260);

    camera_.yaw = params_.get(yaw_);
    camera_.pitch = params_.get(pitch_);
    ImGui::SetCursorScreenPos(layout.plot_min);
    plot::begin_plot3d("##space", layout.plot_size, kBox, &camera_);
    draw_floor_and_axes(t);
    // The unit cube, faint, and its image coloured by orientation.
    plot::parallelepiped(Mat3::Identity(), plot::with_alpha(t.text_muted, 14), plot::with_alpha(t.text_muted, 90));
    const Mat3 m = matrix();
    draw_image(m, t);
    int dragged_axis = -1, dragged_column = -1;
    for (int k = 0; k < 3; ++k) {
      Vec3 v = params_.get(columns_[k]);
      plot::arrow3d({0, 0, 0}, v, colors[k], kColumnNames[k]);
      plot::DragOptions3 drag;
      drag.limit = kLimit;
      drag.focus_ring = plot::keyboard_focus() && selected_.col == k;
      int axis = -1;
      if (plot::drag_point3d(kHandleIds[k], &v, colors[k], &axis, drag)) params_.set(columns_[k], v);
      if (axis >= 0) dragged_axis = axis, dragged_column = k;
    }
    if (dragged_column >= 0) selected_ = {dragged_axis, dragged_column};
    // The line the selected entry moves the tip along: shown while dragging and for the keyboard.
    if (dragged_column >= 0 || plot::keyboard_focus()) {
      const Vec3 tip = params_.get(columns_[selected_.col]);
      Vec3 from = tip, to = tip;
      from[selected_.row] = -kLimit;
      to[selected_.row] = kLimit;
      plot::segment3d(from, to, plot::with_alpha(colors[selected_.col], 150), 1.5f);
    }
    plot::end_plot3d();
    // Rounded so the URL stays short; the view still turns smoothly (0.01 rad steps).
    if (camera_.yaw != params_.get(yaw_)) params_.set(yaw_, std::round(camera_.yaw * 100) / 100);
    if (camera_.pitch != params_.get(pitch_)) params_.set(pitch_, std::round(camera_.pitch * 100) / 100);

    plot::begin_panel(layout);
    // The matrix as nine entries in three coloured columns: drag one sideways or click it to type;
    // with focus, ← → pick an entry (also picked by dragging a tip) and ↑ ↓ change it.
    Mat3 edited = matrix();
    if (plot::matrix_input("A", edited, colors, kEntries, &selected_))
      for (int k = 0; k < 3; ++k) params_.set(columns_[k], Vec3(edited.col(k)));
    ImGui::Spacing();
    const Mat3 now = matrix();
    const std::string det = "det A = " + format_number(now.determinant());
    plot::heading(det.c_str());
    plot::note(volume_sentence(now).c_str());
    ImGui::Spacing();
    // Presets only: resetting is the toolbar's Reset, one button for every figure.
    if (const auto* preset = plot::preset_row(kPresets)) {
      const Mat3 p = preset_matrix(preset->preset);
      // Rounded like every other entry (cos 30° becomes 0.87), so the URL holds what is shown.
      for (int k = 0; k < 3; ++k) params_.set(columns_[k], p.col(k).unaryExpr([](double x) { return tidy(x); }).eval());
    }
    if (!layout.stacked) {
      ImGui::Spacing();
      plot::note("Drag a tip: it moves along one axis. Drag elsewhere to turn the view. Drag an entry "
                 "sideways or click it to type. With the figure focused, \u2190 \u2192 pick an entry "
                 "and \u2191 \u2193 change it.");
    }
    plot::end_panel();
  }

  std::string describe() const override {
    const Mat3 m = matrix();
    std::string s = "A sends";
    for (int k = 0; k < 3; ++k) {
      const Vec3 v = m.col(k);
      s += std::string(k == 0 ? " " : k == 1 ? ", " : " and ") + "e" + kSubscripts[k] + " to (" + format_number(v.x()) +
           ", " + format_number(v.y()) + ", " + format_number(v.z()) + ")";
    }
    return s + ". " + describe_volume_change(m) + ".";
  }

 private:
  Mat3 matrix() const {
    return matrix_from_columns(params_.get(columns_[0]), params_.get(columns_[1]), params_.get(columns_[2]));
  }

  static std::string volume_sentence(const Mat3& m) {
    const std::string s = describe_volume_change(m);
    const auto colon = s.find(": ");
    std::string rest = colon == std::string::npos ? s : s.substr(colon + 2);
    if (!rest.empty()) rest[0] = char(std::toupper(static_cast<unsigned char>(rest[0])));
    return rest + ".";
  }

  void draw_floor_and_axes(const plot::Theme& t) const {
    // The floor z = 0 as a unit grid over the box, cut into unit pieces so each sorts at its own
    // depth among the faces; the axes likewise, a little past the box, named at their ends.
    for (int i = -1; i <= 2; ++i)
      for (int j = -1; j < 2; ++j) {
        plot::segment3d({double(i), double(j), 0}, {double(i), j + 1.0, 0}, t.grid, 1);
        plot::segment3d({double(j), double(i), 0}, {j + 1.0, double(i), 0}, t.grid, 1);
      }
    for (int k = 0; k < 3; ++k) {
      for (double s = -1; s < 2.4; s += 0.5) plot::segment3d(s * Vec3::Unit(k), std::min(s + 0.5, 2.4) * Vec3::Unit(k), t.axis, 1.2f);
      plot::text3d(2.6 * Vec3::Unit(k), kAxisNames[k], t.text_muted, false);
    }
  }

  static void draw_image(const Mat3& m, const plot::Theme& t) {
    const Orientation o = orientation(m);
    const ImU32 line = o == Orientation::Collapsed ? t.collapsed
                       : o == Orientation::Flipped ? t.negative_line
                                                   : t.positive_line;
    const ImU32 fill = o == Orientation::Collapsed ? plot::with_alpha(t.collapsed, 70)
                       : o == Orientation::Flipped ? plot::with_alpha(t.negative_line, t.dark ? 75 : 60)
                                                   : plot::with_alpha(t.positive_line, t.dark ? 75 : 55);
    plot::parallelepiped(m, fill, line);
    const std::string label = "det " + format_number(m.determinant());
    plot::text3d(m * Vec3(0.5, 0.5, 0.5), label.c_str(), line, true, plot::with_alpha(t.background, 215));
  }

  std::array<Param<Eigen::Vector3d>, 3> columns_;
  Param<double> yaw_, pitch_;
  plot::OrbitCamera camera_{.zoom = 1.2};  // zoom lives here (closer than the box needs); yaw and pitch are parameters
  plot::MatrixCell selected_;  // the entry the keys change: (axis, column)
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(determinant_3d, "determinant-3d", "The determinant as a volume",
           "Drag the images of e\u2081, e\u2082 and e\u2083 along the axes: the unit cube becomes a "
           "parallelepiped whose signed volume is the determinant, coloured by orientation.",
           1.5f, 0.58f, Determinant3d)
