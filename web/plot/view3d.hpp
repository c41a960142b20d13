#pragma once
// The 3D view's geometry, free of ImGui so it is unit-tested: an orbit camera around a box of
// data, perspective projection to the screen, and depth for back-to-front drawing.
#include <Eigen/Dense>

#include "web/plot/view.hpp"

namespace mml::plot {

using Vec3 = Eigen::Vector3d;

struct Box3 {
  Range x{-1, 1}, y{-1, 1}, z{-1, 1};
};

struct OrbitCamera {
  double yaw = 0.7;     // radians around the vertical (z) axis
  double pitch = 0.45;  // radians above the horizontal plane, kept in (−π/2, π/2)
  double zoom = 1;      // > 1 moves closer
  void rotate(double d_yaw, double d_pitch);
  void zoom_by(double factor);  // clamped to [0.4, 4]
};

// Maps data in `box` (scaled to a unit cube centred at the origin, so axes with different units
// look balanced) through the camera to the screen rectangle.
class View3 {
 public:
  View3() = default;
  View3(const Box3& box, const OrbitCamera& camera, ScreenRect screen);
  // Screen position (x right, y down, CSS pixels) and depth (larger = farther from the eye).
  Eigen::Vector2d to_screen(const Vec3& data) const;
  double depth(const Vec3& data) const;
  // The unit-cube position of a data point (what the camera sees).
  Vec3 normalized(const Vec3& data) const;
  // Direction from a normalized-space point towards the eye (for lighting).
  Vec3 eye_direction() const { return eye_; }
  const Box3& box() const { return box_; }

 private:
  Box3 box_;
  Eigen::Matrix3d rotation_ = Eigen::Matrix3d::Identity();  // world → camera
  Vec3 eye_ = Vec3::UnitZ();
  double distance_ = 4, focal_ = 1;
  ScreenRect screen_;
};

}  // namespace mml::plot
