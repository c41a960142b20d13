#include "web/plot/view3d.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mml::plot {

void OrbitCamera::rotate(double d_yaw, double d_pitch) {
  if (!std::isfinite(d_yaw) || !std::isfinite(d_pitch)) return;
  yaw = std::remainder(yaw + d_yaw, 2 * std::numbers::pi);
  pitch = std::clamp(pitch + d_pitch, -1.5, 1.5);
}

void OrbitCamera::zoom_by(double factor) {
  if (std::isfinite(factor) && factor > 0) zoom = std::clamp(zoom * factor, 0.4, 4.0);
}

View3::View3(const Box3& box, const OrbitCamera& camera, ScreenRect screen) : box_(box), screen_(screen) {
  // Camera axes: looking at the origin from direction (cos p cos y, cos p sin y, sin p), z up.
  const double cy = std::cos(camera.yaw), sy = std::sin(camera.yaw);
  const double cp = std::cos(camera.pitch), sp = std::sin(camera.pitch);
  eye_ = Vec3(cp * cy, cp * sy, sp);
  const Vec3 right = Vec3(-sy, cy, 0);
  const Vec3 up = eye_.cross(right).normalized();  // right-handed: right × up = eye; up leans to +z
  rotation_.row(0) = right;
  rotation_.row(1) = up;
  rotation_.row(2) = eye_;
  distance_ = 4.5 / std::clamp(camera.zoom, 0.4, 4.0);
  // The unit cube (diagonal √3) fills about 85% of the shorter screen side at zoom 1.
  focal_ = 0.85 * std::min(screen.w, screen.h) / 2 * (distance_ - 1) / (std::sqrt(3.0) / 2);
}

Vec3 View3::normalized(const Vec3& p) const {
  auto unit = [](double v, const Range& r) { return r.size() > 0 ? (v - r.min) / r.size() - 0.5 : 0.0; };
  return {unit(p.x(), box_.x), unit(p.y(), box_.y), unit(p.z(), box_.z)};
}

Eigen::Vector2d View3::to_screen(const Vec3& data) const {
  const Vec3 c = rotation_ * normalized(data);
  const double w = std::max(distance_ - c.z(), 1e-3);  // distance along the view direction
  return {screen_.x + screen_.w / 2 + focal_ * c.x() / w, screen_.y + screen_.h / 2 - focal_ * c.y() / w};
}

double View3::depth(const Vec3& data) const { return distance_ - (rotation_ * normalized(data)).z(); }

}  // namespace mml::plot
