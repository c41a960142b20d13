#include <catch2/catch.hpp>
#include <algorithm>
#include <array>
#include <span>
#include <limits>
#include <string>
#include <string_view>

#include "core/params.hpp"

using namespace mml;

namespace {
struct Example {
  ParamSet set;
  Param<Eigen::Vector2d> a = set.add_vec2("a", {1, 0}, -3, 3, "image of e1");
  Param<double> rate = set.add_float("rate", 0.1, 0, 2, "learning rate");
  Param<Choice> preset = set.add_choice("preset", {"none", "rotation", "shear"}, 0, "start from");
  Param<bool> grid = set.add_bool("grid", true, "show the grid");
  Param<std::uint64_t> seed = set.add_seed("seed", 42, "random seed");
  Param<std::string> f = set.add_string("f", "x^2", 100, "function");
  Param<std::int64_t> k = set.add_int("k", 3, 2, 8, "outcomes");
};
}  // namespace

TEST_CASE("valid attribute text sets typed values") {
  Example e;
  std::string error;
  REQUIRE(e.set.set_text("a", "0.5, -1.25", &error));
  CHECK(e.set.get(e.a) == Eigen::Vector2d(0.5, -1.25));
  REQUIRE(e.set.set_text("rate", "1e-1", &error));
  CHECK(e.set.get(e.rate) == 0.1);
  REQUIRE(e.set.set_text("preset", "shear", &error));
  CHECK(e.set.get(e.preset) == 2);
  REQUIRE(e.set.set_text("grid", "false", &error));
  CHECK_FALSE(e.set.get(e.grid));
  REQUIRE(e.set.set_text("seed", "9007199254740991", &error));
  CHECK(e.set.get(e.seed) == 9007199254740991ull);
  REQUIRE(e.set.set_text("k", "8", &error));
  CHECK(e.set.get(e.k) == 8);
}

TEST_CASE("bad values are refused with a message naming what is valid") {
  Example e;
  const auto refuse = [&](const char* name, const char* text) {
    std::string error;
    CHECK_FALSE(e.set.set_text(name, text, &error));
    return error;
  };
  CHECK(refuse("a", "5,0") == "a: 5 is out of range; expected two numbers in [-3, 3], like \"1,0.5\"");
  CHECK(refuse("a", "1") ==
        "a: \"1\" has the wrong number of components; expected two numbers in [-3, 3], like \"1,0.5\"");
  CHECK(refuse("a", "1,2,3").find("wrong number of components") != std::string::npos);
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "1e999", "0x10", "1.2.3", "", " ", "1e", "--1"})
    CHECK(refuse("rate", bad).find("is not a finite number") != std::string::npos);
  CHECK(refuse("preset", "spin") == "preset: \"spin\" is not an option; expected one of none, rotation, shear");
  CHECK(refuse("grid", "yes").find("expected true or false") != std::string::npos);
  CHECK(refuse("k", "2.5").find("is not a whole number") != std::string::npos);
  CHECK(refuse("k", "9").find("out of range") != std::string::npos);
  CHECK(refuse("seed", "-1").find("out of range") != std::string::npos);
  CHECK(refuse("f", "").find("empty") != std::string::npos);
  CHECK(refuse("f", std::string(101, 'x').c_str()).find("too long") != std::string::npos);
  CHECK(refuse("nope", "1") == "unknown parameter \"nope\"; valid parameters: a, rate, preset, grid, seed, f, k");
  // A refused value leaves the old one in place.
  CHECK(e.set.get(e.a) == Eigen::Vector2d(1, 0));
  CHECK(e.set.revision() == 0);
}

TEST_CASE("a refused value is quoted visibly: control bytes escaped, broken UTF-8 replaced, long text cut") {
  Example e;
  const auto refuse = [&](std::string_view name, std::string_view text) {
    std::string error;
    CHECK_FALSE(e.set.set_text(name, text, &error));
    return error;
  };
  using namespace std::string_literals;
  // C0 controls (NUL, SOH, newline, ESC), DEL and a C1 control (U+0085, NEL) are written as escapes.
  CHECK(refuse("preset", "a\x01" "b\nc\x1b[2J\x7f"s).rfind("preset: \"a\\x01b\\x0Ac\\x1B[2J\\x7F\" is not an option", 0) == 0);
  CHECK(refuse("preset", "x\0y"s).rfind("preset: \"x\\x00y\"", 0) == 0);
  CHECK(refuse("preset", "\xc2\x85"s).rfind("preset: \"\\x85\"", 0) == 0);
  // A right-to-left override would display the rest of the message backwards.
  CHECK(refuse("preset", "ab\u202Ecd"s).rfind("preset: \"ab\\u202Ecd\"", 0) == 0);
  // Bytes that are not UTF-8 (a stray continuation byte, a lead byte cut off, an overlong '/')
  // become U+FFFD, one per byte; well-formed text outside ASCII is kept as it is.
  CHECK(refuse("preset", "\x80x\xe2\x82"s).rfind("preset: \"\uFFFDx\uFFFD\uFFFD\"", 0) == 0);
  CHECK(refuse("preset", "\xc0\xaf"s).rfind("preset: \"\uFFFD\uFFFD\"", 0) == 0);
  CHECK(refuse("preset", "\u03b8\u2192\u00b2"s).rfind("preset: \"\u03b8\u2192\u00b2\"", 0) == 0);
  // At most 40 characters (not bytes: a character is never cut in two), then an ellipsis.
  std::string thetas;
  for (int i = 0; i < 41; ++i) thetas += "\u03b8";
  CHECK(refuse("preset", thetas).rfind("preset: \"" + thetas.substr(0, 80) + "\u2026\"", 0) == 0);
  CHECK(refuse("preset", std::string(40, 'x')).rfind("preset: \"" + std::string(40, 'x') + "\" is", 0) == 0);
  // Whatever came in, the message has no control byte left in it.
  const std::string all = refuse("a", "\x01\x02\x03,\x1f\x7f"s) + refuse("nope\x07"s, "1");
  CAPTURE(all);
  CHECK(std::none_of(all.begin(), all.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }));
}

TEST_CASE("figure code setters clamp into range and count revisions") {
  Example e;
  e.set.set(e.a, Eigen::Vector2d(10, -10));
  CHECK(e.set.get(e.a) == Eigen::Vector2d(3, -3));
  CHECK(e.set.revision() == 1);
  e.set.set(e.a, Eigen::Vector2d(3, -3));  // unchanged: no new revision
  CHECK(e.set.revision() == 1);
  e.set.set(e.rate, std::numeric_limits<double>::quiet_NaN());  // NaN falls back to the default
  CHECK(e.set.get(e.rate) == 0.1);
  e.set.reset();
  CHECK(e.set.get(e.a) == Eigen::Vector2d(1, 0));
}

TEST_CASE("a row of number parameters is read and written together, each clamped into its range") {
  ParamSet set;
  std::array<Param<double>, 4> w;
  for (std::size_t i = 0; i < w.size(); ++i)
    w[i] = set.add_float("w" + std::to_string(i + 1), 0.25, 0, 1, "weight " + std::to_string(i + 1));
  CHECK(set.get(w) == std::vector<double>{0.25, 0.25, 0.25, 0.25});
  CHECK(set.get(std::span(w).first(2)) == std::vector<double>{0.25, 0.25});
  CHECK(set.get(std::span<const Param<double>>()).empty());
  // Fewer values than parameters: the rest keep theirs; out of range: clamped, as set() does.
  const std::vector<double> three = {0.5, 1.5, -2};
  set.set(w, three);
  CHECK(set.get(w) == std::vector<double>{0.5, 1, 0, 0.25});
  CHECK(set.revision() == 3);
  // More values than parameters: the extra ones are ignored.
  const std::vector<double> six = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
  set.set(std::span(w).first(2), six);
  CHECK(set.get(w) == std::vector<double>{0.1, 0.2, 0, 0.25});
}

TEST_CASE("state round-trips through a query string") {
  Example e;
  CHECK(e.set.to_query() == "");
  std::vector<std::string> errors;
  REQUIRE(e.set.apply_query("a=0.5,-0.3&preset=rotation&f=sin(x)%20%2B%201&grid=false", &errors));
  CHECK(errors.empty());
  const std::string query = e.set.to_query();
  CHECK(query == "a=0.5,-0.3&preset=rotation&grid=false&f=sin%28x%29%20%2B%201");
  Example copy;
  REQUIRE(copy.set.apply_query(query, &errors));
  for (std::size_t i = 0; i < e.set.size(); ++i) CHECK(copy.set.text(i) == e.set.text(i));
  CHECK(e.set.to_query(false).find("seed=42") != std::string::npos);
}

TEST_CASE("a query with bad pairs applies the good ones and reports each bad one") {
  Example e;
  std::vector<std::string> errors;
  CHECK_FALSE(e.set.apply_query("a=1,1&zzz=1&rate=7&&grid", &errors));
  CHECK(e.set.get(e.a) == Eigen::Vector2d(1, 1));
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].find("unknown parameter \"zzz\"") == 0);
  CHECK(errors[1].find("rate: 7 is out of range") == 0);
  CHECK(errors[2] == "\"grid\" has no value; write name=value");
}

TEST_CASE("url encoding keeps unreserved characters and decodes what it encodes") {
  CHECK(url_encode("a b&c=d,e") == "a%20b%26c%3Dd,e");
  CHECK(url_decode("a%20b%26c%3Dd,e") == "a b&c=d,e");
  CHECK(url_decode("100%") == "100%");   // a stray percent stays
  CHECK(url_decode("%zz%4") == "%zz%4");
  CHECK(url_decode("x+y") == "x y");
}

// Found by tests/fuzz/fuzz_params.cpp (scripts/fuzz.sh): to_query() writes Float and Vec
// components with 6 significant digits (and |v| < 1e-9 as "0"), so a value given with more digits
// did not survive the URL round trip. Stored values are now kept in that same form.
TEST_CASE("fuzz finding: applying to_query() to a fresh set gives the same values") {
  for (const char* query : {"rate=0.1234567", "a=0.2,0.35555555555555556", "a=0.0000000001,0"}) {
    INFO(query);
    Example e;
    std::vector<std::string> errors;
    REQUIRE(e.set.apply_query(query, &errors));
    Example copy;
    REQUIRE(copy.set.apply_query(e.set.to_query(), &errors));
    CHECK(copy.set.get(e.rate) == e.set.get(e.rate));
    CHECK(copy.set.get(e.a) == e.set.get(e.a));
  }
}

// ParamSpec::step: values stay on min + k·step, from setters and from text alike, and the URL
// writes them without floating-point noise. Without a step nothing changes (the tests above).
TEST_CASE("a step keeps values on its grid, counted from min") {
  ParamSet set;
  const Param<double> rate = set.add_float("rate", 0.123, 0, 1, "learning rate", 0.05);
  const Param<Eigen::Vector2d> at = set.add_vec2("at", {0.26, -1.04}, -3, 3, "a point", 0.1);
  const Param<std::int64_t> n = set.add_int("n", 12, 10, 100, "rolls", 5);
  const Param<double> off = set.add_float("off", 1, 0, 1, "max off the grid", 0.3);
  CHECK(set.get(rate) == 0.1);  // the default too: 0.123 → 2 steps of 0.05
  CHECK(set.get(at) == Eigen::Vector2d(0.3, -1));
  CHECK(set.get(n) == 10);      // 12 → 10 (from min 10, steps of 5)
  CHECK(set.get(off) == 0.9);   // the last grid point at or below max
  set.set(rate, 0.176);
  CHECK(set.get(rate) == 0.2);
  CHECK(set.text(rate.index) == "0.2");
  set.set(n, 98);
  CHECK(set.get(n) == 100);
  std::string error;
  REQUIRE(set.set_text("at", "0.349,2.96", &error));
  CHECK(set.get(at) == Eigen::Vector2d(0.3, 3));
  CHECK(set.text(at.index) == "0.3,3");
  REQUIRE(set.set_text("rate", "0.024", &error));
  CHECK(set.get(rate) == 0);
  // Out of range is still refused, not rounded into range.
  CHECK_FALSE(set.set_text("rate", "1.01", &error));
  CHECK(set.specs()[rate.index].step == 0.05);
  CHECK_THROWS_AS(set.add_float("bad", 0, 0, 1, "negative step", -0.1), std::invalid_argument);
}

TEST_CASE("a reserved or taken name fails when it is declared") {
  for (const char* name : {"name", "theme", "state", "class", "id", "title", "style", "Title", "data-a", "aria-label"}) {
    INFO(name);
    CHECK(is_reserved_param_name(name));
    ParamSet set;
    CHECK_THROWS_AS(set.add_float(name, 0, 0, 1, "reserved"), std::invalid_argument);
  }
  for (const char* name : {"a", "rate", "named", "database", "steps"}) CHECK_FALSE(is_reserved_param_name(name));
  ParamSet set;
  const Param<double> rate = set.add_float("rate", 0.1, 0, 1, "learning rate");
  CHECK_THROWS_AS(set.add_bool("rate", true, "twice"), std::invalid_argument);
  CHECK_THROWS_AS(set.add_alias("theme", rate), std::invalid_argument);
  CHECK_THROWS_AS(set.add_alias("rate", rate), std::invalid_argument);
  set.add_alias("eta", rate);
  CHECK_THROWS_AS(set.add_int("eta", 1, 0, 2, "an alias's name"), std::invalid_argument);
  // The message names the list.
  try {
    set.add_seed("state", 1, "reserved");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "parameter \"state\": the name is reserved for the page (name, class, style, id, "
                                   "title, slot, hidden, lang, dir, tabindex, theme, state, data-*, aria-*)");
  }
}

TEST_CASE("a choice parameter holds the index of one of its options") {
  ParamSet set;
  const Param<Choice> view = set.add_choice("view", {"map", "surface", "both"}, 2, "what to show");
  CHECK(set.get(view) == 2);
  CHECK(set.specs()[view.index].type == ParamType::Choice);
  CHECK(std::string(param_type_name(ParamType::Choice)) == "enum");  // the manifest's name, unchanged
  set.set(view, 7);  // clamped to the last option
  CHECK(set.get(view) == 2);
  std::string error;
  REQUIRE(set.set_text("view", "map", &error));
  CHECK(set.get(view) == 0);
  CHECK(set.to_query() == "view=map");
}

// A renamed parameter keeps its old name as an alias: links already shared still set it, and the
// figure's own links use the new name.
TEST_CASE("an alias reads as the parameter it names, and to_query writes the new name") {
  ParamSet set;
  const Param<double> rate = set.add_float("adam-rate", 0.1, 0, 1, "Adam's step size");
  const Param<bool> run = set.add_bool("adam-run", true, "show Adam's run");
  set.add_alias("adam", rate);
  set.add_alias("adamrun", run);
  std::vector<std::string> errors;
  REQUIRE(set.apply_query("adam=0.25&adamrun=false", &errors));
  CHECK(errors.empty());
  CHECK(set.get(rate) == 0.25);
  CHECK_FALSE(set.get(run));
  CHECK(set.to_query() == "adam-rate=0.25&adam-run=false");
  CHECK(set.find("adam") == int(rate.index));
  CHECK(set.specs()[rate.index].aliases == std::vector<std::string>{"adam"});
  // An alias's bad value is reported under the parameter's name, with what is valid.
  std::string error;
  CHECK_FALSE(set.set_text("adam", "2", &error));
  CHECK(error == "adam-rate: 2 is out of range; expected a number in [0, 1]");
  // Unknown names list the parameters' names (not the aliases).
  CHECK_FALSE(set.set_text("beta", "1", &error));
  CHECK(error == "unknown parameter \"beta\"; valid parameters: adam-rate, adam-run");
}
