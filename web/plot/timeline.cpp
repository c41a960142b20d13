#include "web/plot/timeline.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "web/plot/plot.hpp"

namespace mml::plot {
namespace {

constexpr std::array kSpeeds = {0.5, 1.0, 2.0, 4.0};
constexpr std::array kSpeedLabels = {"\u00d70.5###speed", "\u00d71###speed", "\u00d72###speed", "\u00d74###speed"};
constexpr double kLongestFrame = 0.25;  // seconds: a stalled tab does not jump far ahead on return
constexpr int kMostStepsPerFrame = 100;
constexpr double kWhole = 1e-9;  // dt sums to whole steps only up to rounding

}  // namespace

Timeline::Timeline(ParamSet& params, Param<std::int64_t> step, TimelineOptions options)
    : params_(&params), step_(step), continuous_(false), options_(std::move(options)) {}

Timeline::Timeline(ParamSet& params, Param<double> position, TimelineOptions options)
    : params_(&params), position_(position), continuous_(true), options_(std::move(options)) {}

double Timeline::position() const {
  return continuous_ ? params_->get(position_) : double(params_->get(step_));
}

void Timeline::set_position(double p) {
  if (continuous_)
    params_->set(position_, p);
  else
    params_->set(step_, std::int64_t(p));
}

double Timeline::end() const {
  const std::size_t index = continuous_ ? position_.index : step_.index;
  return std::min(options_.end, params_->specs()[index].max);
}

bool Timeline::at_end() const {
  const double p = position();
  if (p >= end()) return true;
  return options_.can_step && !options_.can_step(std::int64_t(std::floor(p)));
}

double Timeline::speed() const { return kSpeeds[std::size_t(speed_index_)]; }

void Timeline::set_speed(double speed) {
  int best = 0;
  for (int i = 1; i < int(kSpeeds.size()); ++i)
    if (std::abs(kSpeeds[std::size_t(i)] - speed) < std::abs(kSpeeds[std::size_t(best)] - speed)) best = i;
  speed_index_ = best;
}

void Timeline::stop() {
  playing_ = false;
  accumulator_ = 0;
}

void Timeline::play() {
  accumulator_ = 0;
  if (at_end() && options_.restart_at_end) set_position(0);
  playing_ = !at_end();
}

void Timeline::step() {
  stop();
  if (at_end()) return;
  set_position(std::min(end(), std::floor(position()) + 1));
}

void Timeline::rewind() {
  stop();
  if (position() != 0) set_position(0);
}

bool Timeline::advance(double dt, bool reduced_motion) {
  if (!playing_) return false;
  if (keyboard_focus() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    stop();
    return false;
  }
  double rate = options_.steps_per_second * speed();
  if (reduced_motion) rate = std::min(rate, kCalmStepsPerSecond);
  if (!(rate > 0) || !(dt > 0)) return false;
  const double before = position();
  if (continuous_ && !reduced_motion) {
    set_position(std::min(end(), before + rate * std::min(dt, kLongestFrame)));
  } else {
    // Whole steps, each checked against the end (under reduced motion a continuous position
    // jumps from stage to stage too: nothing slides).
    accumulator_ += rate * std::min(dt, kLongestFrame);
    for (int n = 0; accumulator_ >= 1 - kWhole && n < kMostStepsPerFrame && !at_end(); ++n) {
      accumulator_ -= 1;
      set_position(std::min(end(), std::floor(position() + kWhole) + 1));
    }
  }
  if (at_end()) stop();
  return position() != before;
}

bool Timeline::controls() {
  const double before = position();
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  // The next item on this row when it fits, else on a new line (narrow panels).
  const auto same_line_if_fits = [&](float width) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
  };
  if (ImGui::Button(playing_ ? "Pause" : "Play")) {
    if (playing_)
      stop();
    else
      play();
  }
  ImGui::SameLine();
  const bool can_step = !at_end();
  if (!can_step) ImGui::BeginDisabled();
  if (ImGui::Button("Step")) step();
  if (!can_step) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Rewind")) rewind();  // back to step 0; the toolbar's Reset resets every parameter
  const char* speed_label = kSpeedLabels[std::size_t(speed_index_)];
  same_line_if_fits(ImGui::CalcTextSize(speed_label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button(speed_label)) speed_index_ = (speed_index_ + 1) % int(kSpeeds.size());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play's speed: click for the next");
  char count[40];
  std::snprintf(count, sizeof count, "step %lld", static_cast<long long>(std::floor(position())));
  same_line_if_fits(ImGui::CalcTextSize(count).x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", count);
  return position() != before;
}

}  // namespace mml::plot
