#include "web/plot/series.hpp"

#include <algorithm>
#include <cmath>

#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

// Screen position of a data point; NaN when it is not finite or ≤ 0 on a log axis (off the plot).
Point screen_of(const ViewTransform& view, double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return {kNaN, kNaN};
  if ((view.x_scale() == AxisScale::Log10 && !(x > 0)) || (view.y_scale() == AxisScale::Log10 && !(y > 0)))
    return {kNaN, kNaN};
  return view.to_screen({x, y});
}

ClipBox view_box(const ViewTransform& view, double grow = 0) {
  const ScreenRect& r = view.screen();
  return {r.x - grow, r.y - grow, r.x + r.w + grow, r.y + r.h + grow};
}

bool inside(const Point& p, const ClipBox& b) { return p.x() >= b.x0 && p.x() <= b.x1 && p.y() >= b.y0 && p.y() <= b.y1; }

ImVec2 v2(const Point& p) { return {float(p.x()), float(p.y())}; }

ImU32 or_background(ImU32 c) { return c ? c : current_theme().background; }

void stroke_pieces(const Polylines& pieces, ImU32 color, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<ImVec2> pts;
  for (const auto& piece : pieces) {
    pts.clear();
    for (const Point& p : piece) pts.push_back(v2(p));
    dl->AddPolyline(pts.data(), int(pts.size()), color, ImDrawFlags_None, width);
  }
}

void draw_marker(ImVec2 c, ImU32 color, const MarkerStyle& s, bool is_halo) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = is_halo ? s.halo_width : 0;
  const float r = s.size;
  const float w = s.weight + 2 * h;
  switch (s.shape) {
    case Marker::None: return;
    case Marker::Circle:
      if (s.filled) dl->AddCircleFilled(c, r + h, color);
      else dl->AddCircle(c, r, color, 0, w);
      return;
    case Marker::Square:
      if (s.filled) dl->AddRectFilled({c.x - r - h, c.y - r - h}, {c.x + r + h, c.y + r + h}, color);
      else dl->AddRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, color, 0, 0, w);
      return;
    case Marker::Diamond: {
      // Vertices move by √2·h when every edge moves out by h.
      const float d = s.filled ? r + h * 1.4142f : r;
      const ImVec2 top(c.x, c.y - d), right(c.x + d, c.y), bottom(c.x, c.y + d), left(c.x - d, c.y);
      if (s.filled) dl->AddQuadFilled(top, right, bottom, left, color);
      else dl->AddQuad(top, right, bottom, left, color, w);
      return;
    }
    case Marker::Cross: {
      const float e = r + h * 0.7071f;  // the halo also covers the strokes' ends
      dl->AddLine({c.x - e, c.y - e}, {c.x + e, c.y + e}, color, w);
      dl->AddLine({c.x - e, c.y + e}, {c.x + e, c.y - e}, color, w);
      return;
    }
  }
}

void marker_at(const Point& s, ImU32 color, const MarkerStyle& style) {
  if (!finite(s)) return;
  if (style.halo) draw_marker(v2(s), style.halo, style, true);
  draw_marker(v2(s), color, style, false);
}

// The series' points in screen space, in order (NaN where the line breaks).
template <class At>
std::vector<Point> to_screen_points(std::size_t n, At at) {
  const ViewTransform& view = current_view();
  std::vector<Point> pts(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Vec2 p = at(i);
    pts[i] = screen_of(view, p.x(), p.y());
  }
  return pts;
}

void draw_line(const std::vector<Point>& pts, ImU32 color, const SeriesStyle& style) {
  const ViewTransform& view = current_view();
  const float width = style.width > 0 ? style.width : current_theme().line_width;
  // More points than pixel columns: keep what each column shows (the shape is unchanged).
  const bool dense = double(pts.size()) > view.screen().w;
  const Polylines pieces = dense ? clip_polyline(decimate_columns(pts), view_box(view))
                                 : clip_polyline(pts, view_box(view));
  if (style.halo) stroke_pieces(pieces, or_background(style.halo_color), width + 2 * style.halo_width);
  stroke_pieces(pieces, color, width);
}

void draw_markers(const std::vector<Point>& pts, ImU32 color, MarkerStyle marker, const SeriesStyle& style,
                  bool scatter) {
  if (marker.shape == Marker::None) {
    if (!scatter) return;
    marker.shape = Marker::Circle;
  }
  if (pts.size() > style.max_markers) return;
  // A series' halo rings its markers too, unless the marker has its own.
  if (style.halo && !marker.halo) marker.halo = or_background(style.halo_color);
  const ClipBox box = view_box(current_view(), marker.size + marker.halo_width + marker.weight);
  for (const Point& p : pts)
    if (finite(p) && inside(p, box)) marker_at(p, color, marker);
}

auto implicit(std::span<const double> ys, IndexX x) {
  return [ys, x](std::size_t i) { return Vec2(x.start + double(i) * x.step, ys[i]); };
}
auto explicit_xy(std::span<const double> xs, std::span<const double> ys) {
  return [xs, ys](std::size_t i) { return Vec2(xs[i], ys[i]); };
}
auto points_of(std::span<const Vec2> points) {
  return [points](std::size_t i) { return points[i]; };
}

}  // namespace

std::vector<Point> decimate_columns(std::span<const Point> points) {
  double last_x = -std::numeric_limits<double>::infinity();
  for (const Point& p : points) {
    if (!finite(p)) continue;
    if (p.x() < last_x) return {points.begin(), points.end()};
    last_x = p.x();
  }
  std::vector<Point> out;
  out.reserve(std::min<std::size_t>(points.size(), 4096));
  bool open = false;
  double column = 0;
  std::size_t first = 0, lo = 0, hi = 0, last = 0;
  const auto flush = [&] {
    if (!open) return;
    std::size_t keep[4] = {first, lo, hi, last};
    std::sort(keep, keep + 4);
    for (int k = 0; k < 4; ++k)
      if (k == 0 || keep[k] != keep[k - 1]) out.push_back(points[keep[k]]);
    open = false;
  };
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    if (!finite(p)) {
      flush();
      out.push_back(p);
      continue;
    }
    const double c = std::floor(p.x());
    if (open && c == column) {
      if (p.y() < points[lo].y()) lo = i;
      if (p.y() > points[hi].y()) hi = i;
      last = i;
      continue;
    }
    flush();
    open = true;
    column = c;
    first = lo = hi = last = i;
  }
  flush();
  return out;
}

Polylines clip_polyline(std::span<const Point> points, const ClipBox& box) {
  Polylines out;
  bool open = false;  // the last piece in `out` ends where the previous segment ended
  for (std::size_t i = 1; i < points.size(); ++i) {
    const Point &a = points[i - 1], &b = points[i];
    double t0 = 0, t1 = 1;
    if (!finite(a) || !finite(b) || !clip_segment(a, b, box, &t0, &t1)) {
      open = false;
      continue;
    }
    if (t0 > 0) open = false;  // entering the box: a new piece starts on its edge
    if (!open) {
      out.emplace_back();
      out.back().push_back(t0 > 0 ? Point(a + (b - a) * t0) : a);
      open = true;
    }
    out.back().push_back(t1 < 1 ? Point(a + (b - a) * t1) : b);
    if (t1 < 1) open = false;  // leaving it
  }
  return out;
}

void marker(const Vec2& at, ImU32 color, const MarkerStyle& style) {
  marker_at(screen_of(current_view(), at.x(), at.y()), color, style);
}

void line_series(std::span<const double> ys, ImU32 color, const SeriesStyle& style, IndexX x) {
  const std::vector<Point> pts = to_screen_points(ys.size(), implicit(ys, x));
  draw_line(pts, color, style);
  draw_markers(pts, color, style.marker, style, false);
}

void line_series(std::span<const double> xs, std::span<const double> ys, ImU32 color, const SeriesStyle& style) {
  const std::vector<Point> pts = to_screen_points(std::min(xs.size(), ys.size()), explicit_xy(xs, ys));
  draw_line(pts, color, style);
  draw_markers(pts, color, style.marker, style, false);
}

void line_series(std::span<const Vec2> points, ImU32 color, const SeriesStyle& style) {
  const std::vector<Point> pts = to_screen_points(points.size(), points_of(points));
  draw_line(pts, color, style);
  draw_markers(pts, color, style.marker, style, false);
}

void scatter_series(std::span<const double> ys, ImU32 color, const SeriesStyle& style, IndexX x) {
  draw_markers(to_screen_points(ys.size(), implicit(ys, x)), color, style.marker, style, true);
}

void scatter_series(std::span<const double> xs, std::span<const double> ys, ImU32 color, const SeriesStyle& style) {
  draw_markers(to_screen_points(std::min(xs.size(), ys.size()), explicit_xy(xs, ys)), color, style.marker, style, true);
}

void scatter_series(std::span<const Vec2> points, ImU32 color, const SeriesStyle& style) {
  draw_markers(to_screen_points(points.size(), points_of(points)), color, style.marker, style, true);
}

Range fit_range(std::span<const double> values, double pad) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (double v : values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!(lo <= hi)) lo = hi = 0;
  if (hi - lo < 1e-9) lo -= 1, hi += 1;
  return {lo - pad * (hi - lo), hi + pad * (hi - lo)};
}

double slope_run(double slope, float pixels) {
  const ViewTransform& v = current_view();
  const double px = v.pixels_per_unit_x(), py = slope * v.pixels_per_unit_y();
  return pixels / std::sqrt(px * px + py * py);
}

void slope_line(const Vec2& at, double slope, float pixels, ImU32 color, float width) {
  if (!at.allFinite() || !std::isfinite(slope)) return;
  const double w = slope_run(slope, pixels);
  segment({at.x() - w, at.y() - w * slope}, {at.x() + w, at.y() + w * slope}, color, width);
}

void trail(std::span<const Vec2> path, ImU32 color, const TrailStyle& style) {
  if (path.empty()) return;
  const ViewTransform& view = current_view();
  const std::vector<Point> pts = to_screen_points(path.size(), points_of(path));
  const std::size_t n = pts.size() - 1;  // steps taken; pts[n] is the current point
  const auto faded = [&](std::size_t k) {
    if (!(style.fade > 0)) return color;
    return scale_alpha(color, std::max(style.fade_floor, 1 - style.fade * float(n - 1 - k)));
  };
  if (style.arrows) {
    for (std::size_t k = 0; k < n; ++k)
      if (finite(pts[k]) && finite(pts[k + 1])) arrow(path[k], path[k + 1], faded(k));
  } else if (style.fade > 0) {
    // Each step its own opacity: one segment at a time.
    for (std::size_t k = 0; k < n; ++k) {
      const Point seg[2] = {pts[k], pts[k + 1]};
      const Polylines piece = clip_polyline(seg, view_box(view));
      if (style.halo) stroke_pieces(piece, scale_alpha(style.halo, std::max(style.fade_floor, 1 - style.fade * float(n - 1 - k))),
                                    style.width + 2 * style.halo_width);
      stroke_pieces(piece, faded(k), style.width);
    }
  } else {
    // Sub-pixel steps add nothing but vertices (a converged run repeats one pixel hundreds of times).
    std::vector<Point> kept;
    kept.reserve(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
      const Point& p = pts[i];
      if (finite(p) && !kept.empty() && finite(kept.back()) && i < n &&
          std::abs(p.x() - kept.back().x()) + std::abs(p.y() - kept.back().y()) < 0.7)
        continue;
      kept.push_back(p);
    }
    const Polylines pieces = clip_polyline(kept, view_box(view));
    if (style.halo) stroke_pieces(pieces, style.halo, style.width + 2 * style.halo_width);
    stroke_pieces(pieces, color, style.width);
  }
  if (style.step_size > 0 && pts.size() <= style.max_step_dots) {
    const ClipBox box = view_box(view, style.step_size);
    for (std::size_t k = 0; k < n; ++k)
      if (finite(pts[k]) && inside(pts[k], box))
        marker_at(pts[k], faded(k), {.shape = Marker::Circle, .size = style.step_size});
  }
  marker_at(pts[n], style.current_color ? style.current_color : color, style.current);
}

}  // namespace mml::plot
