// libFuzzer target for core/params: a ParamSet with one parameter of each type takes the input
// as a query string (apply_query) and, split at the first newline, as "name\nvalue" (set_text).
// Besides "never crash, hang or leak" it checks the URL contract: applying to_query() of the
// resulting state to a fresh set succeeds without errors and gives the same values.
// Run by scripts/fuzz.sh; a failing input is a regression test in tests/unit/test_params.cpp.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/params.hpp"

namespace {

struct Example {
  mml::ParamSet set;
  mml::Param<double> rate = set.add_float("rate", 0.1, 0, 2, "learning rate");
  mml::Param<std::int64_t> k = set.add_int("k", 3, 2, 8, "outcomes");
  mml::Param<Eigen::Vector2d> a = set.add_vec2("a", {1, 0}, -3, 3, "image of e1");
  mml::Param<Eigen::Vector3d> w = set.add_vec3("w", {0, 0, 1}, -1, 1, "weights");
  mml::Param<mml::Choice> preset = set.add_choice("preset", {"none", "rotation", "shear"}, 0, "start from");
  mml::Param<bool> grid = set.add_bool("grid", true, "show the grid");
  mml::Param<std::uint64_t> seed = set.add_seed("seed", 42, "random seed");
  mml::Param<std::string> f = set.add_string("f", "x^2", 100, "function");
};

void require(bool condition, const char* what, const std::string& detail) {
  if (condition) return;
  std::fprintf(stderr, "fuzz_params: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Example e;
  std::vector<std::string> errors;
  e.set.apply_query(input, &errors);
  const std::size_t newline = input.find('\n');
  if (newline != std::string_view::npos) {
    std::string error;
    e.set.set_text(input.substr(0, newline), input.substr(newline + 1), &error);
  }
  for (const bool only_changed : {true, false}) {
    const std::string query = e.set.to_query(only_changed);
    Example fresh;
    errors.clear();
    require(fresh.set.apply_query(query, &errors), "to_query() is refused",
            query + (errors.empty() ? "" : " -> " + errors.front()));
    require(fresh.set.get(e.rate) == e.set.get(e.rate), "rate changed", query);
    require(fresh.set.get(e.k) == e.set.get(e.k), "k changed", query);
    require(fresh.set.get(e.a) == e.set.get(e.a), "a changed", query);
    require(fresh.set.get(e.w) == e.set.get(e.w), "w changed", query);
    require(fresh.set.get(e.preset) == e.set.get(e.preset), "preset changed", query);
    require(fresh.set.get(e.grid) == e.set.get(e.grid), "grid changed", query);
    require(fresh.set.get(e.seed) == e.set.get(e.seed), "seed changed", query);
    require(fresh.set.get(e.f) == e.set.get(e.f), "f changed", query);
    require(fresh.set.to_query(only_changed) == query, "to_query is not a fixed point", query);
  }
  return 0;
}
