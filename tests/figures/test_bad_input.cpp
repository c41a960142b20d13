// Bad input never breaks a figure (issue 7.3), for every registered figure and every one of its
// parameters, through the path a page's attribute or address takes (FigureHost::configure with
// "name=value", percent-encoded as mml-figure.js does): empty, malformed, the wrong number of
// components, out of range both ways, NaN, ±Infinity, ±1e308, 1e-320, 100 KB of text and unicode
// junk (tests/bad_values.json, which the browser test reads too). Each bad value is refused with
// one message naming the parameter and its valid values (the manifest's `valid` text), the figure
// keeps its state and keeps drawing; each valid value (1e-320 in a range holding 0, any text of
// 1..maxLength characters for a typed formula) is accepted and drawn, and a formula that does not
// parse is named in the figure's description. Every count parameter at its maximum draws and goes
// idle. The browser keeps one figure per parameter type (tests/browser/bad_input.test.mjs): the
// marshalling of JS strings into the module and how the message is shown in the figure's box.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "web/app/figure_host.hpp"
#include "tests/figures/drive.hpp"
#include "tests/figures/figure_files.hpp"

using namespace mml;
using mml::test::settle;

namespace {

// tests/bad_values.json: an object whose values are strings or arrays of strings. JSON's \uXXXX
// escapes become UTF-8; a lone surrogate becomes U+FFFD, as mml-figure.js's encodeComponent
// sends it to the module.
using ValueLists = std::map<std::string, std::vector<std::string>>;

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

struct JsonReader {
  std::string_view s;
  std::size_t at = 0;
  void space() {
    while (at < s.size() && std::string_view(" \t\r\n").find(s[at]) != std::string_view::npos) ++at;
  }
  void expect(char c) {
    space();
    if (at >= s.size() || s[at] != c) throw std::runtime_error(std::string("bad_values.json: expected ") + c);
    ++at;
  }
  bool next_is(char c) {
    space();
    return at < s.size() && s[at] == c;
  }
  char32_t hex4() {
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s.at(at++);
      v = v * 16 + char32_t(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return v;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (s.at(at) != '"') {
      if (s[at] != '\\') {
        out += s[at++];
        continue;
      }
      const char e = s.at(++at);
      ++at;
      if (e == 'u') {
        char32_t c = hex4();
        if (c >= 0xD800 && c < 0xDC00 && s.substr(at, 2) == "\\u") {
          const std::size_t back = at;
          at += 2;
          const char32_t low = hex4();
          if (low >= 0xDC00 && low < 0xE000) c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          else at = back;
        }
        if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;  // a lone surrogate
        append_utf8(out, c);
      } else {
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;  // \" \\ \/ and the two used here
      }
    }
    ++at;
    return out;
  }
};

const ValueLists& value_lists() {
  static const ValueLists lists = [] {
    std::ifstream file(MML_TESTS_DIR "/bad_values.json", std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const std::string json = text.str();
    JsonReader r{json};
    ValueLists out;
    r.expect('{');
    while (!r.next_is('}')) {
      const std::string key = r.string();
      r.expect(':');
      std::vector<std::string>& values = out[key];
      if (r.next_is('[')) {
        r.expect('[');
        while (!r.next_is(']')) {
          values.push_back(r.string());
          if (r.next_is(',')) r.expect(',');
        }
        r.expect(']');
      } else {
        values.push_back(r.string());
      }
      if (r.next_is(',')) r.expect(',');
    }
    return out;
  }();
  return lists;
}

const std::string kLong(100 * 1024, '7');

// As JavaScript's String(v): whole numbers below 1e21 without an exponent, others shortest.
std::string number_text(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e21) return std::to_string(std::int64_t(v));
  char buffer[64];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  return std::string(buffer, end);
}

struct Case {
  std::string value;
  bool valid = false;
  bool formula = false;  // a typed formula: valid, drawn, and named if it does not parse
};

// The values for one parameter, as the browser test's casesFor builds them from the same lists.
std::vector<Case> cases_for(const ParamSpec& p) {
  const ValueLists& lists = value_lists();
  std::vector<Case> cases;
  const auto add = [&](std::string v, bool valid = false) { cases.push_back({std::move(v), valid}); };
  const auto add_list = [&](const char* key) {
    for (const std::string& v : lists.at(key)) add(v);
  };
  const auto add_junk = [&] {
    add(kLong);
    add_list("junk");
  };
  const auto within = [&](double v) { return v >= p.min && v <= p.max; };
  switch (p.type) {
    case ParamType::Float:
    case ParamType::Int:
    case ParamType::Seed: {
      add_list("notNumbers");
      add_junk();
      const bool seed = p.type == ParamType::Seed;
      add(seed ? "9007199254740992" : number_text(p.max + 1));
      add(seed ? "-1" : number_text(p.min - 1));
      add("1e-320", p.type == ParamType::Float && within(0) && within(1e-300));
      if (p.type != ParamType::Float) add("1.5");
      break;
    }
    case ParamType::Vec2:
    case ParamType::Vec3: {
      const int n = p.type == ParamType::Vec2 ? 2 : 3;
      const auto repeat = [](const std::string& x, int k) {
        std::string out;
        for (int i = 0; i < k; ++i) out += (i ? "," : "") + x;
        return out;
      };
      add_list("notNumbers");
      add_junk();
      for (const char* x : {"NaN", "Infinity", "1e308"}) add(repeat(x, n));
      add(repeat(number_text(p.max + 1), n));
      add(repeat(number_text(p.min - 1), n));
      add(repeat("0", n - 1));  // one component short
      add(repeat("0", n + 1));  // one too many
      add(repeat("0", n) + ",");
      add(repeat("1e-320", n), within(0));
      break;
    }
    case ParamType::Choice: {
      add_list("enum");
      std::string upper = p.options.at(0);
      for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
      add(upper + "!");
      add(" " + p.options[0] + "x");
      add_junk();
      break;
    }
    case ParamType::Bool:
      add_list("bool");
      add_junk();
      break;
    case ParamType::String:
      add("");
      add(std::string(p.max_length + 1, 'x'));
      add(kLong);
      add(std::string(1, '\0'));
      for (const std::string& v : lists.at("formulas")) cases.push_back({v, true, true});
      cases.push_back({std::string(p.max_length, 't'), true, true});
      break;
  }
  return cases;
}

bool formula_parses(const std::string& value) {
  const auto& ok = value_lists().at("formulasThatParse");
  return std::find(ok.begin(), ok.end(), value) != ok.end() ||
         (!value.empty() && value.find_first_not_of('t') == std::string::npos);
}

std::string show(const std::string& v) {
  return v.size() > 24 ? v.substr(0, 24) + "…(" + std::to_string(v.size()) + ")" : v;
}

// A figure at phone width, run until idle; it drew something substantial.
void draws(FigureHost& host, double* time) {
  REQUIRE(settle(host, time) < 60);
  REQUIRE(host.draw_data() != nullptr);
  CHECK(host.draw_data()->TotalVtxCount > 100);
}

void refuses_bad_values(const FigureInfo& info) {
  const auto probe = info.make();
  for (const ParamSpec& p : probe->params().specs()) {
    const std::string valid = describe_valid(p);
    FigureHost host(info);
    double time = 0;
    host.resize(360, 360 / info.narrow_aspect, 1);
    draws(host, &time);
    const std::string before = host.state();
    const std::string description = host.describe();
    for (const Case& c : cases_for(p)) {
      INFO(info.id << " " << p.name << "=" << show(c.value));
      std::vector<std::string> errors;
      const bool accepted = host.configure(url_encode(p.name) + "=" + url_encode(c.value), &errors);
      if (c.valid) {
        // A valid value is accepted and drawn by a fresh figure, as a page would mount it.
        CHECK(accepted);
        CHECK(errors.empty());
        FigureHost fresh(info);
        double t = 0;
        REQUIRE(fresh.configure(url_encode(p.name) + "=" + url_encode(c.value), &errors));
        fresh.resize(360, 360 / info.narrow_aspect, 1);
        draws(fresh, &t);
        if (c.formula && !formula_parses(c.value))
          CHECK_THAT(fresh.describe(), Catch::Contains("typed formula has an error"));
        host.reset();
        continue;
      }
      CHECK_FALSE(accepted);
      REQUIRE(errors.size() == 1);
      const std::string& m = errors[0];
      CHECK_THAT(m, Catch::StartsWith(p.name + ": "));
      CHECK_THAT(m, Catch::Contains(valid));
      CHECK(m.size() < 2000);  // the value is quoted shortened
      // (A NUL in the quoted value is the module's to replace, printable() in wasm_main.cpp: the
      // browser test checks that none reaches the figure's box.)
      // The figure keeps its state and keeps drawing.
      CHECK(host.state() == before);
      host.frame(time += 1.0 / 60);
      CHECK(host.draw_data()->TotalVtxCount > 100);
    }
    draws(host, &time);
    CHECK(host.describe() == description);
  }
}

// Every count at its maximum: the figure draws and goes idle (the browser adds how long that takes
// for the figure with the most counts).
void draws_at_maximum_counts(const FigureInfo& info) {
  const auto probe = info.make();
  std::string query;
  for (const ParamSpec& p : probe->params().specs())
    if (p.type == ParamType::Int) query += (query.empty() ? "" : "&") + p.name + "=" + number_text(p.max);
  if (query.empty()) return;
  INFO(info.id << " " << query);
  FigureHost host(info);
  std::vector<std::string> errors;
  CHECK(host.configure(query, &errors));
  CHECK(errors.empty());
  host.resize(900, 900 / info.aspect, 1);
  double time = 0;
  draws(host, &time);
  CHECK_FALSE(host.needs_frame());
}

}  // namespace

#define MML_FIGURE_ENTRY(file_name)                                                                  \
  TEST_CASE("bad input: every parameter refuses bad values and draws valid ones (" #file_name ".cpp)", \
            "[per-figure][figure-" #file_name "]") {                                                   \
    refuses_bad_values(figures::figure_info_##file_name());                                          \
    draws_at_maximum_counts(figures::figure_info_##file_name());                                     \
  }
#include "figure_list.inc"
#undef MML_FIGURE_ENTRY

TEST_CASE("bad input: the shared value lists are read whole") {
  const ValueLists& lists = value_lists();
  CHECK(lists.at("junk").size() == 9);
  CHECK(lists.at("junk")[0] == std::string(1, '\0'));
  CHECK(lists.at("junk")[2] == "\xEF\xBF\xBD");          // a lone surrogate arrives as U+FFFD
  CHECK(lists.at("junk")[6] == "\xF0\x9F\x92\xA5");      // a surrogate pair is one emoji
  CHECK(lists.at("notNumbers").front().empty());
  CHECK(lists.at("formulas").size() == 12);
}
