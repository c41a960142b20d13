#include "core/params.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/format.hpp"

namespace mml {
namespace {

constexpr double kMaxSeed = 9007199254740991.0;  // 2⁵³ − 1: every seed round-trips through a double
constexpr std::size_t kMaxInput = 1000;          // longer attribute values are refused outright

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A plain decimal number: optional sign, digits with an optional point, optional exponent.
// No hex, no "inf"/"nan", no trailing junk.
bool parse_number(std::string_view s, double* out) {
  s = trim(s);
  if (s.empty() || s.size() > 64) return false;
  std::size_t i = 0, digits = 0;
  if (s[i] == '+' || s[i] == '-') ++i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != s.size()) return false;
  const std::string copy(s);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (!std::isfinite(v)) return false;
  *out = v;
  return true;
}

std::string range_text(double min, double max) {
  return "[" + format_number_ascii(min) + ", " + format_number_ascii(max) + "]";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

int components(ParamType type) {
  return type == ParamType::Vec2 ? 2 : type == ParamType::Vec3 ? 3 : 1;
}

ParseResult fail(const ParamSpec& spec, const std::string& what) {
  return {false, {}, spec.name + ": " + what + "; expected " + describe_valid(spec)};
}

// The length of the UTF-8 sequence starting at s[i] and its code point, or 0 when the bytes there
// are not well-formed UTF-8 (a stray continuation byte, an overlong form, a surrogate, a cut-off end).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t* code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  const std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  char32_t c = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t kLeast[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kLeast[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *code = c;
  return n;
}

// Invisible characters that would hide or reorder the rest of a message: C0 and C1 controls, DEL,
// and the bidirectional controls that can make text display in another order than it reads.
bool invisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// A reader's text as it goes into an error message: in quotes, its first 40 characters, with
// invisible characters written as escapes (\x01, \u202E) and bytes that are not UTF-8 as U+FFFD,
// so the message shows what was typed and is itself valid UTF-8 with no control bytes.
std::string quoted(std::string_view text) {
  std::string shown = "\"";
  std::size_t i = 0;
  for (int chars = 0; i < text.size() && chars < 40; ++chars) {
    char32_t c = 0;
    const std::size_t n = utf8_sequence(text, i, &c);
    if (n == 0) {
      shown += "\uFFFD";
      ++i;
      continue;
    }
    if (invisible(c)) {
      char escape[8];
      std::snprintf(escape, sizeof escape, c < 0x100 ? "\\x%02X" : "\\u%04X", unsigned(c));
      shown += escape;
    } else {
      shown.append(text.substr(i, n));
    }
    i += n;
  }
  if (i < text.size()) shown += "…";
  return shown + "\"";
}

}  // namespace

const std::vector<std::string>& reserved_param_names() {
  // The element's own attributes (web/js/mml-figure.js) and the keys embed.html keeps for itself:
  // `name` picks the figure, `theme` its colours, `state` the reader's changes.
  static const std::vector<std::string> names = {"name", "class", "style", "id", "title", "slot", "hidden",
                                                 "lang", "dir", "tabindex", "theme", "state"};
  return names;
}

const std::vector<std::string>& reserved_param_prefixes() {
  static const std::vector<std::string> prefixes = {"data-", "aria-"};
  return prefixes;
}

bool is_reserved_param_name(std::string_view name) {
  // HTML attribute names are case-insensitive: "Title" is the element's title too.
  std::string lower(name);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string& r : reserved_param_names())
    if (lower == r) return true;
  for (const std::string& prefix : reserved_param_prefixes())
    if (lower.rfind(prefix, 0) == 0) return true;
  return false;
}

const char* param_type_name(ParamType type) {
  switch (type) {
    case ParamType::Float: return "float";
    case ParamType::Int: return "int";
    case ParamType::Vec2: return "vec2";
    case ParamType::Vec3: return "vec3";
    case ParamType::Choice: return "enum";  // the manifest's and the page's name for it
    case ParamType::Bool: return "bool";
    case ParamType::Seed: return "seed";
    case ParamType::String: return "string";
  }
  return "?";
}

std::string describe_valid(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::Float: return "a number in " + range_text(spec.min, spec.max);
    case ParamType::Int: return "a whole number in " + range_text(spec.min, spec.max);
    case ParamType::Vec2:
      return "two numbers in " + range_text(spec.min, spec.max) + ", like \"1,0.5\"";
    case ParamType::Vec3:
      return "three numbers in " + range_text(spec.min, spec.max) + ", like \"1,0,0.5\"";
    case ParamType::Choice: return "one of " + join(spec.options);
    case ParamType::Bool: return "true or false";
    case ParamType::Seed: return "a whole number from 0 to 9007199254740991";
    case ParamType::String:
      return "text of 1 to " + std::to_string(spec.max_length) + " characters";
  }
  return "";
}

ParseResult parse_param(const ParamSpec& spec, std::string_view text) {
  if (text.size() > kMaxInput) return fail(spec, "value is too long");
  ParamValue value;
  switch (spec.type) {
    case ParamType::Float:
    case ParamType::Int:
    case ParamType::Vec2:
    case ParamType::Vec3:
    case ParamType::Seed: {
      const int n = components(spec.type);
      std::string_view rest = text;
      for (int i = 0; i < n; ++i) {
        const std::size_t comma = rest.find(',');
        const bool last = i == n - 1;
        if (last != (comma == std::string_view::npos))
          return fail(spec, quoted(text) + " has the wrong number of components");
        const std::string_view part = last ? rest : rest.substr(0, comma);
        double v = 0;
        if (!parse_number(part, &v)) return fail(spec, quoted(part) + " is not a finite number");
        const bool whole = spec.type == ParamType::Int || spec.type == ParamType::Seed;
        if (whole && v != std::floor(v)) return fail(spec, quoted(part) + " is not a whole number");
        const double lo = spec.type == ParamType::Seed ? 0 : spec.min;
        const double hi = spec.type == ParamType::Seed ? kMaxSeed : spec.max;
        if (v < lo || v > hi) return fail(spec, format_number_ascii(v) + " is out of range");
        value.num[std::size_t(i)] = v;
        if (!last) rest = rest.substr(comma + 1);
      }
      return {true, value, {}};
    }
    case ParamType::Choice: {
      const std::string_view t = trim(text);
      for (std::size_t i = 0; i < spec.options.size(); ++i)
        if (spec.options[i] == t) {
          value.num[0] = double(i);
          return {true, value, {}};
        }
      return fail(spec, quoted(text) + " is not an option");
    }
    case ParamType::Bool: {
      const std::string_view t = trim(text);
      if (t == "true" || t == "1") value.num[0] = 1;
      else if (t == "false" || t == "0") value.num[0] = 0;
      else return fail(spec, quoted(text) + " is not a boolean");
      return {true, value, {}};
    }
    case ParamType::String: {
      if (text.empty()) return fail(spec, "value is empty");
      if (text.size() > spec.max_length) return fail(spec, "value is too long");
      for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return fail(spec, "value contains control characters");
      value.text = std::string(text);
      return {true, value, {}};
    }
  }
  return fail(spec, "unknown type");
}

std::string format_param(const ParamSpec& spec, const ParamValue& value) {
  switch (spec.type) {
    case ParamType::Choice: {
      const std::size_t i = std::size_t(value.num[0]);
      return i < spec.options.size() ? spec.options[i] : "";
    }
    case ParamType::Bool: return value.num[0] != 0 ? "true" : "false";
    case ParamType::String: return value.text;
    case ParamType::Int:
    case ParamType::Seed: return format_number_ascii(value.num[0], 17);
    default: {
      std::string out;
      for (int i = 0; i < components(spec.type); ++i) {
        if (i) out += ',';
        out += format_number_ascii(value.num[std::size_t(i)], 6);
      }
      return out;
    }
  }
}

std::string url_encode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string url_decode(std::string_view text) {
  auto hex_value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += char(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// --- ParamSet ---------------------------------------------------------------------------------

void ParamSet::check_name(const std::string& name) const {
  if (name.empty()) throw std::invalid_argument("a parameter needs a name");
  if (is_reserved_param_name(name))
    throw std::invalid_argument("parameter \"" + name + "\": the name is reserved for the page (" +
                                join(reserved_param_names()) + ", data-*, aria-*)");
  if (find(name) >= 0) throw std::invalid_argument("parameter \"" + name + "\": the name is taken");
}

ParamSet::ParamSet() = default;
ParamSet::~ParamSet() = default;
ParamSet::ParamSet(const ParamSet&) = default;
ParamSet::ParamSet(ParamSet&&) noexcept = default;
ParamSet& ParamSet::operator=(const ParamSet&) = default;
ParamSet& ParamSet::operator=(ParamSet&&) noexcept = default;

void ParamSet::reset() {
  values_ = defaults_;
  ++revision_;
}

std::size_t ParamSet::add(ParamSpec spec, ParamValue value) {
  check_name(spec.name);
  if (!(spec.step >= 0) || !std::isfinite(spec.step))
    throw std::invalid_argument("parameter \"" + spec.name + "\": the step must be 0 (none) or positive");
  specs_.push_back(std::move(spec));
  values_.push_back(value);
  defaults_.push_back(value);
  // Defaults in the same canonical form as every stored value (see clamped).
  values_.back() = defaults_.back() = clamped(specs_.size() - 1, std::move(value));
  return specs_.size() - 1;
}

Param<double> ParamSet::add_float(ParamText name, double value, double min, double max,
                                  ParamText doc, double step) {
  return {add({name.str(), ParamType::Float, doc.str(), min, max, {}, 200, step, {}}, {{value}, {}})};
}

Param<std::int64_t> ParamSet::add_int(ParamText name, std::int64_t value, std::int64_t min,
                                      std::int64_t max, ParamText doc, std::int64_t step) {
  return {add({name.str(), ParamType::Int, doc.str(), double(min), double(max), {}, 200, double(step), {}},
              {{double(value)}, {}})};
}

Param<Eigen::Vector2d> ParamSet::add_vec2(ParamText name, Eigen::Vector2d value, double min,
                                          double max, ParamText doc, double step) {
  return {add({name.str(), ParamType::Vec2, doc.str(), min, max, {}, 200, step, {}},
              {{value.x(), value.y()}, {}})};
}

Param<Eigen::Vector3d> ParamSet::add_vec3(ParamText name, Eigen::Vector3d value, double min,
                                          double max, ParamText doc, double step) {
  return {add({name.str(), ParamType::Vec3, doc.str(), min, max, {}, 200, step, {}},
              {{value.x(), value.y(), value.z()}, {}})};
}

Param<Choice> ParamSet::add_choice(ParamText name, std::initializer_list<const char*> options,
                                   int value, ParamText doc) {
  const double max = double(options.size()) - 1;
  return {add({name.str(), ParamType::Choice, doc.str(), 0, max,
               std::vector<std::string>(options.begin(), options.end()), 200, 0, {}},
              {{double(value)}, {}})};
}

void ParamSet::alias(ParamText old_name, std::size_t index) {
  std::string name = old_name.str();
  check_name(name);
  specs_.at(index).aliases.push_back(std::move(name));
}

Param<bool> ParamSet::add_bool(ParamText name, bool value, ParamText doc) {
  return {add({name.str(), ParamType::Bool, doc.str(), 0, 1, {}, 200, 0, {}}, {{value ? 1.0 : 0.0}, {}})};
}

Param<std::uint64_t> ParamSet::add_seed(ParamText name, std::uint64_t value, ParamText doc) {
  return {add({name.str(), ParamType::Seed, doc.str(), 0, kMaxSeed, {}, 200, 0, {}},
              {{double(value)}, {}})};
}

Param<std::string> ParamSet::add_string(ParamText name, ParamText value, std::size_t max_length,
                                        ParamText doc) {
  ParamSpec spec{name.str(), ParamType::String, doc.str(), 0, 0, {}, max_length, 0, {}};
  return {add(std::move(spec), {{}, value.str()})};
}

Eigen::Vector2d ParamSet::get(Param<Eigen::Vector2d> p) const {
  const auto& n = values_[p.index].num;
  return {n[0], n[1]};
}

Eigen::Vector3d ParamSet::get(Param<Eigen::Vector3d> p) const {
  const auto& n = values_[p.index].num;
  return {n[0], n[1], n[2]};
}

ParamValue ParamSet::clamped(std::size_t index, ParamValue value) const {
  const ParamSpec& spec = specs_[index];
  if (spec.type == ParamType::String) return value;
  for (int i = 0; i < components(spec.type); ++i) {
    double& v = value.num[std::size_t(i)];
    if (!std::isfinite(v)) v = defaults_[index].num[std::size_t(i)];
    v = std::clamp(v, spec.min, spec.max);
    // On the step's grid from min; a max off the grid gives way to the last grid point below it.
    if (spec.step > 0) {
      const double k = std::round((v - spec.min) / spec.step);
      v = spec.min + std::min(k, std::floor((spec.max - spec.min) / spec.step)) * spec.step;
    }
    // A figure's state is what its URL says: real-valued parameters are kept at the precision
    // the URL writes (format_param), so a link restores exactly the state it was copied from.
    if (spec.type == ParamType::Float || spec.type == ParamType::Vec2 || spec.type == ParamType::Vec3)
      v = std::clamp(std::strtod(format_number_ascii(v, 6).c_str(), nullptr), spec.min, spec.max);
  }
  return value;
}

void ParamSet::store(std::size_t index, ParamValue value) {
  value = clamped(index, std::move(value));
  if (value == values_[index]) return;
  values_[index] = std::move(value);
  ++revision_;
}

void ParamSet::set(Param<double> p, double v) { store(p.index, {{v}, {}}); }
void ParamSet::set(std::span<const Param<double>> params, std::span<const double> values) {
  for (std::size_t i = 0; i < std::min(params.size(), values.size()); ++i) set(params[i], values[i]);
}
std::vector<double> ParamSet::get(std::span<const Param<double>> params) const {
  std::vector<double> values;
  values.reserve(params.size());
  for (const Param<double> p : params) values.push_back(get(p));
  return values;
}
void ParamSet::set(Param<std::int64_t> p, std::int64_t v) { store(p.index, {{double(v)}, {}}); }
void ParamSet::set(Param<Eigen::Vector2d> p, const Eigen::Vector2d& v) {
  store(p.index, {{v.x(), v.y()}, {}});
}
void ParamSet::set(Param<Eigen::Vector3d> p, const Eigen::Vector3d& v) {
  store(p.index, {{v.x(), v.y(), v.z()}, {}});
}
void ParamSet::set(Param<Choice> p, int option) { store(p.index, {{double(option)}, {}}); }
void ParamSet::set(Param<bool> p, bool v) { store(p.index, {{v ? 1.0 : 0.0}, {}}); }
void ParamSet::set(Param<std::uint64_t> p, std::uint64_t v) { store(p.index, {{double(v)}, {}}); }
void ParamSet::set(Param<std::string> p, std::string v) { store(p.index, {{}, std::move(v)}); }

int ParamSet::find(std::string_view name) const {
  for (std::size_t i = 0; i < specs_.size(); ++i)
    if (specs_[i].name == name) return int(i);
  for (std::size_t i = 0; i < specs_.size(); ++i)
    for (const std::string& alias : specs_[i].aliases)
      if (alias == name) return int(i);
  return -1;
}

std::string ParamSet::names() const {
  std::vector<std::string> all;
  for (const auto& spec : specs_) all.push_back(spec.name);
  return join(all);
}

bool ParamSet::set_text(std::string_view name, std::string_view text, std::string* error) {
  const int index = find(name);
  if (index < 0) {
    if (error) *error = "unknown parameter " + quoted(name) + "; valid parameters: " + names();
    return false;
  }
  ParseResult parsed = parse_param(specs_[std::size_t(index)], text);
  if (!parsed.ok) {
    if (error) *error = parsed.error;
    return false;
  }
  store(std::size_t(index), std::move(parsed.value));
  return true;
}

bool ParamSet::apply_query(std::string_view query, std::vector<std::string>* errors) {
  bool ok = true;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string error;
    if (eq == std::string_view::npos) {
      ok = false;
      error = quoted(pair) + " has no value; write name=value";
    } else if (!set_text(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)), &error)) {
      ok = false;
    }
    if (!error.empty() && errors) errors->push_back(error);
  }
  return ok;
}

std::string ParamSet::to_query(bool only_changed) const {
  std::string out;
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (only_changed && values_[i] == defaults_[i]) continue;
    if (!out.empty()) out += '&';
    out += url_encode(specs_[i].name);
    out += '=';
    out += url_encode(text(i));
  }
  return out;
}

}  // namespace mml
