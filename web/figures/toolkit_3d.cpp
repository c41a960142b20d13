// toolkit-3d: the toolkit's 3D items as a reference for figure authors: a lit surface coloured by
// height, an optimizer-like path on it, points, arrows, the axis box, and a parallelepiped (the
// unit cube under a 3×3 matrix). Drag to orbit; the wheel zooms after a click into the figure.
// Page: toolkit.html (generated) · Test: tests/figures/test_every_figure.cpp.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "core/format.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/plot3d.hpp"

namespace mml::figures {
namespace {

double bowl(double x, double y) { return 0.5 * x * x + 1.5 * y * y; }

class Toolkit3d final : public Figure {
 public:
  Toolkit3d()
      : scene_(params_.add_choice("scene", {"surface", "parallelepiped"}, 0, "what to show")),
        yaw_(params_.add_float("yaw", 0.7, -3.15, 3.15, "camera angle around the vertical axis, radians")),
        pitch_(params_.add_float("pitch", 0.85, -1.5, 1.5, "camera angle above the floor, radians")),
        resolution_(params_.add_int("resolution", 32, 4, 96, "surface samples per side")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 220);
    plot::OrbitCamera camera;
    camera.yaw = params_.get(yaw_);
    camera.pitch = params_.get(pitch_);
    ImGui::SetCursorScreenPos(layout.plot_min);
    const bool surface = params_.get(scene_) == 0;
    const plot::Box3 box = surface ? plot::Box3{{-2, 2}, {-2, 2}, {0, 8}} : plot::Box3{{-0.5, 2}, {-0.5, 2}, {-0.5, 2}};
    plot::begin_plot3d("##view", layout.plot_size, box, &camera);
    plot::axis_box();
    if (surface) {
      plot::surface(bowl, int(params_.get(resolution_)));
      // Gradient descent on the bowl from (−1.8, −1.5), on the side facing the default camera.
      std::vector<plot::Vec3> path;
      double x = -1.8, y = -1.5;
      for (int k = 0; k < 12; ++k) {
        path.emplace_back(x, y, bowl(x, y));
        x -= 0.3 * x;
        y -= 0.3 * 3 * y * 0.5;  // a smaller step across the steep direction: no zig-zag
      }
      plot::polyline3d(path, t.first, 2.5f);
      for (const auto& p : path) plot::point3d(p, t.first, 3);
    } else {
      Eigen::Matrix3d m;
      m << 1, 0.4, 0.2, 0.1, 1.2, 0.3, 0, 0.2, 0.9;
      plot::parallelepiped(m, (t.positive_line & ~IM_COL32_A_MASK) | (110u << IM_COL32_A_SHIFT), t.positive_line);
      const char* labels[3] = {"A\u00b7e\u2081", "A\u00b7e\u2082", "A\u00b7e\u2083"};
      const ImU32 colors[3] = {t.first, t.second, t.third};
      for (int k = 0; k < 3; ++k) plot::arrow3d({0, 0, 0}, m.col(k), colors[k], labels[k]);
    }
    plot::end_plot3d();
    if (camera.yaw != params_.get(yaw_)) params_.set(yaw_, camera.yaw);
    if (camera.pitch != params_.get(pitch_)) params_.set(pitch_, camera.pitch);

    plot::begin_panel(layout);
    plot::heading(surface ? "z = x\u00b2/2 + 3y\u00b2/2" : "The unit cube under A");
    plot::note("Drag the picture to orbit. Items are sorted back to front, so posters match.");
    static constexpr std::array kScenes = {"Surface and path", "Parallelepiped"};
    plot::dropdown(params_, scene_, "Scene", kScenes);
    if (surface) {
      plot::slider(params_, resolution_, "Resolution");
    }
    plot::end_panel();
  }

  std::string describe() const override {
    return params_.get(scene_) == 0 ? "A bowl-shaped surface seen in 3D with a gradient-descent path sliding to its bottom."
                                    : "The unit cube carried by a 3 by 3 matrix into a parallelepiped.";
  }

 private:
  Param<Choice> scene_;
  Param<double> yaw_, pitch_;
  Param<std::int64_t> resolution_;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_3d, "toolkit-3d", "Toolkit: 3D view",
           "A lit surface coloured by height with a path on it, the axis box, and a parallelepiped: "
           "the toolkit's 3D items, orbited by dragging.",
           1.5f, 0.75f, Toolkit3d)
