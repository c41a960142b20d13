// toolkit-regions: decision regions (web/plot/regions.hpp) and a click-to-place handle
// (DragOptions::click_to_place), as a reference for figure authors. The model is k nearest
// neighbours on a toy data set: the plane is coloured by the class its k nearest points vote for,
// or by their share of orange, and the query point (click anywhere to place it) links to its k.
// Page: toolkit.html (generated) · Test: tests/figures/test_toolkit_regions.cpp · Math: core/neighbors.hpp.
#include <array>
#include <cmath>
#include <string>

#include "core/datasets.hpp"
#include "core/format.hpp"
#include "core/neighbors.hpp"
#include "web/figures/figure.hpp"
#include "web/plot/controls.hpp"
#include "web/plot/plot.hpp"
#include "web/plot/regions.hpp"

namespace mml::figures {
namespace {

constexpr int kPoints = 120;
constexpr std::array kSets = {"moons", "circles", "spirals"};
constexpr std::array kShadings = {"class", "share of orange"};

class ToolkitRegions final : public Figure {
 public:
  ToolkitRegions()
      : set_(params_.add_choice("data", {"moons", "circles", "spirals"}, 0, "the toy data set")),
        k_(params_.add_int("k", 5, 1, 25, "how many nearest neighbours vote")),
        shading_(params_.add_choice("shading", {"class", "share"}, 0,
                                    "colour the plane by the winning class, or by the share of orange votes")),
        boundary_(params_.add_bool("boundary", true, "draw the decision boundary")),
        query_(params_.add_vec2("query", {0.5, 0.25}, -3, 3, "the point being classified")) {}

  void frame(const FrameContext&) override {
    const plot::Theme& t = plot::current_theme();
    const plot::FigureLayout layout = plot::split_layout(ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail(), 250);
    update_data();
    const int k = int(params_.get(k_));
    const auto vote = [&](double x, double y) { return neighbor_vote(data_, {x, y}, k); };
    ImGui::SetCursorScreenPos(layout.plot_min);
    if (plot::begin_plot("##regions", layout.plot_size, plot::PlotFlags_EqualAspect | plot::PlotFlags_PanZoom)) {
      plot::setup_axes({-2, 2}, {-1.6, 1.6});
      // The samples depend on the data set, k and the shading only: taken again when they change (or the view).
      const std::array key = {double(params_.get(set_)), double(k), double(params_.get(shading_))};
      plot::RegionOptions regions{.opacity = t.dark ? 0.35f : 0.3f, .cache = &regions_cache_, .key = key};
      if (params_.get(boundary_)) regions.boundary = plot::with_alpha(t.text, 150);
      if (params_.get(shading_) == 0) {
        const std::array palette = {t.second, t.first};  // class 0 blue, class 1 orange
        plot::class_regions([&](double x, double y) { return vote(x, y) > 0.5 ? 1 : 0; }, palette, regions);
      } else {
        plot::probability_regions(vote, t.second, t.first, regions);
      }
      Vec2 query = params_.get(query_);
      for (std::size_t i : nearest_neighbors(data_.points, query, k))
        plot::segment(query, data_.points[i], plot::with_alpha(t.text, 140), 1.2f);
      const std::array palette = {t.second, t.first};
      plot::scatter(data_.points, data_.labels, palette);
      if (plot::drag_point("query", &query, t.text, "query", {.nudge = 0.05, .limit = 3, .click_to_place = true}))
        params_.set(query_, Vec2(std::round(query.x() * 1e3) / 1e3, std::round(query.y() * 1e3) / 1e3));
      plot::end_plot();
    }
    plot::begin_panel(layout);
    plot::heading("k nearest neighbours");
    plot::note(verdict().c_str());
    int set = params_.get(set_), shading = params_.get(shading_), kk = k;
    if (plot::dropdown("Data", &set, kSets)) params_.set(set_, set);
    if (plot::slider_int("k", &kk, 1, 25)) params_.set(k_, std::int64_t(kk));
    if (plot::dropdown("Colour by", &shading, kShadings)) params_.set(shading_, shading);
    bool boundary = params_.get(boundary_);
    if (ImGui::Checkbox("Boundary", &boundary)) params_.set(boundary_, boundary);
    plot::note("Click anywhere to place the query; drag to pan, wheel to zoom, double-click to go back.");
    plot::end_panel();
  }

  std::string describe() const override {
    update_data();
    return std::string(kSets[std::size_t(params_.get(set_))]) + ", " + std::to_string(kPoints) +
           " points coloured by their k = " + std::to_string(params_.get(k_)) + " nearest neighbours' vote; " +
           verdict();
  }

 private:
  // "The query (0.5, 0.25): 4 of its 5 neighbours are orange, so it is orange."
  std::string verdict() const {
    const Vec2 q = params_.get(query_);
    const int k = int(params_.get(k_));
    const int orange = int(std::lround(neighbor_vote(data_, q, k) * k));
    return "the query (" + format_number(q.x()) + ", " + format_number(q.y()) + "): " + std::to_string(orange) +
           " of its " + std::to_string(k) + " neighbours are orange, so it is " + (2 * orange > k ? "orange." : "blue.");
  }
  void update_data() const {
    const int set = params_.get(set_);
    if (set == loaded_) return;
    const Dataset kind = set == 0 ? Dataset::TwoMoons : set == 1 ? Dataset::Circles : Dataset::Spirals;
    data_ = make_dataset(kind, kPoints, 1, default_noise(kind));
    loaded_ = set;
  }

  Param<Choice> set_;
  Param<std::int64_t> k_;
  Param<Choice> shading_;
  Param<bool> boundary_;
  Param<Eigen::Vector2d> query_;
  mutable LabeledPoints data_;
  plot::RegionCache regions_cache_;
  mutable int loaded_ = -1;
};

}  // namespace
}  // namespace mml::figures

MML_FIGURE(toolkit_regions, "toolkit-regions", "Toolkit: decision regions",
           "The plane coloured by a classifier's decision (k nearest neighbours on a toy data set), its "
           "boundary as a line, and a query point placed by a click.",
           1.5f, 0.8f, ToolkitRegions)
