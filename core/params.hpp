#pragma once
// A figure's parameters: declared once in the figure's constructor (name, type, range, default,
// one-line doc), they are its whole state. The same declarations drive attribute and URL parsing,
// the embed snippet, the manifest the site generator reads, and the accessible controls.
// Parsing is for untrusted input (attributes, URLs): it never throws, and every rejection
// is a sentence naming the valid values.
#include <Eigen/Dense>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mml {

// Choice: one of a list of named options (the manifest and the page call it "enum").
enum class ParamType { Float, Int, Vec2, Vec3, Choice, Bool, Seed, String };
const char* param_type_name(ParamType type);

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::Float;
  std::string doc;
  double min = 0, max = 0;            // Float, Int and each Vec component
  std::vector<std::string> options;   // Choice
  std::size_t max_length = 200;       // String
  // Float, Int and each Vec component: values are kept on min + k·step (the page's controls step
  // by it too). 0: no grid; real values keep the URL's six significant digits, and the page's
  // controls pick a step from the range.
  double step = 0;
  std::vector<std::string> aliases;   // former names, still read from attributes and links
};

// Names a parameter may not have: the page and embed.html keep these attributes and query keys
// for themselves (the manifest passes the list to the page and the site generator). Attributes
// starting with a reserved prefix ("data-", "aria-") are never parameters either.
const std::vector<std::string>& reserved_param_names();
const std::vector<std::string>& reserved_param_prefixes();
bool is_reserved_param_name(std::string_view name);

// Numbers live in `num` (one to three components; Choice stores its option index, Bool 0/1),
// text in `text` (String only).
struct ParamValue {
  std::array<double, 3> num{};
  std::string text;
  bool operator==(const ParamValue&) const = default;
};

struct ParseResult {
  bool ok = false;
  ParamValue value;
  std::string error;  // "<name>: <what is wrong>; <what is valid>"
};

ParseResult parse_param(const ParamSpec& spec, std::string_view text);
// ASCII text that parse_param reads back to the same value (URL and snippet form).
std::string format_param(const ParamSpec& spec, const ParamValue& value);
// Human description of the valid values, e.g. "two numbers in [-3, 3], like 1,0.5".
std::string describe_valid(const ParamSpec& spec);

// Percent-encoding for query values (RFC 3986 unreserved characters and ',' stay as they are).
std::string url_encode(std::string_view text);
std::string url_decode(std::string_view text);

template <class T> struct Param { std::size_t index; };
// Param<Choice>: a choice among named options; get() and set() take the option's index.
struct Choice {};

// Text a declaration copies (a name, a doc line, an option): a literal or a std::string, passed as
// one pointer. (A string_view is two words, which WebAssembly passes through memory, and a
// std::string is built and destroyed at the call: either costs each declaration more code.)
class ParamText {
 public:
  ParamText(const char* text) : text_(text) {}  // NOLINT(google-explicit-constructor)
  ParamText(const std::string& text) : text_(text.c_str()) {}  // NOLINT(google-explicit-constructor)
  std::string str() const { return text_; }

 private:
  const char* text_;
};

// Declarations fail loudly (std::invalid_argument): a reserved name (is_reserved_param_name), a
// name or alias already taken, a step below 0. They run in every figure's constructor, so the
// native tests and the manifest tool stop on such a figure before any page is built.
class ParamSet {
 public:
  // Out of line, like reset(): each figure's module then calls the main module's copy instead of
  // carrying its own code for the vectors of specs and values (the split web runtime).
  ParamSet();
  ~ParamSet();
  ParamSet(const ParamSet&);
  ParamSet(ParamSet&&) noexcept;
  ParamSet& operator=(const ParamSet&);
  ParamSet& operator=(ParamSet&&) noexcept;

  // `step` > 0 keeps the value on min + k·step (ParamSpec::step).
  Param<double> add_float(ParamText name, double value, double min, double max, ParamText doc,
                          double step = 0);
  Param<std::int64_t> add_int(ParamText name, std::int64_t value, std::int64_t min,
                              std::int64_t max, ParamText doc, std::int64_t step = 0);
  Param<Eigen::Vector2d> add_vec2(ParamText name, Eigen::Vector2d value, double min, double max,
                                  ParamText doc, double step = 0);
  Param<Eigen::Vector3d> add_vec3(ParamText name, Eigen::Vector3d value, double min, double max,
                                  ParamText doc, double step = 0);
  // The value is the option's index.
  Param<Choice> add_choice(ParamText name, std::initializer_list<const char*> options, int value,
                           ParamText doc);
  Param<bool> add_bool(ParamText name, bool value, ParamText doc);
  Param<std::uint64_t> add_seed(ParamText name, std::uint64_t value, ParamText doc);
  Param<std::string> add_string(ParamText name, ParamText value, std::size_t max_length,
                                ParamText doc);
  // `old_name` keeps reading (attributes, links already shared) as `p` after a rename; to_query
  // writes the new name.
  template <class T>
  void add_alias(ParamText old_name, Param<T> p) { alias(old_name, p.index); }

  double get(Param<double> p) const { return values_[p.index].num[0]; }
  std::int64_t get(Param<std::int64_t> p) const { return std::int64_t(values_[p.index].num[0]); }
  Eigen::Vector2d get(Param<Eigen::Vector2d> p) const;
  Eigen::Vector3d get(Param<Eigen::Vector3d> p) const;
  int get(Param<Choice> p) const { return int(values_[p.index].num[0]); }
  bool get(Param<bool> p) const { return values_[p.index].num[0] != 0; }
  std::uint64_t get(Param<std::uint64_t> p) const { return std::uint64_t(values_[p.index].num[0]); }
  const std::string& get(Param<std::string> p) const { return values_[p.index].text; }
  // A row of number parameters read together (a distribution's weights, one parameter each), in order.
  std::vector<double> get(std::span<const Param<double>> params) const;

  // Setters from figure code clamp into range (a drag past the edge stops at the edge).
  void set(Param<double> p, double v);
  void set(Param<std::int64_t> p, std::int64_t v);
  void set(Param<Eigen::Vector2d> p, const Eigen::Vector2d& v);
  void set(Param<Eigen::Vector3d> p, const Eigen::Vector3d& v);
  void set(Param<Choice> p, int option);
  void set(Param<bool> p, bool v);
  void set(Param<std::uint64_t> p, std::uint64_t v);
  void set(Param<std::string> p, std::string v);
  // values[i] into params[i], for as many as both have (each clamped into its range).
  void set(std::span<const Param<double>> params, std::span<const double> values);

  // From untrusted text: false with a message when the name or value is not valid.
  bool set_text(std::string_view name, std::string_view text, std::string* error);
  // "a=1,0.5&preset=shear": applies every valid pair, collects one message per bad one.
  bool apply_query(std::string_view query, std::vector<std::string>* errors);
  // Values that differ from the defaults (or all of them), as "name=value&…".
  std::string to_query(bool only_changed = true) const;
  std::string text(std::size_t index) const { return format_param(specs_[index], values_[index]); }
  std::string default_text(std::size_t index) const {
    return format_param(specs_[index], defaults_[index]);
  }

  void reset();
  const std::vector<ParamSpec>& specs() const { return specs_; }
  std::size_t size() const { return specs_.size(); }
  // The parameter called `name`, or having it as an alias; -1 when none.
  int find(std::string_view name) const;
  std::string names() const;  // "a, b, preset"
  // Bumped on every change: callers recompute or update the URL only when it moved.
  std::uint64_t revision() const { return revision_; }

 private:
  std::size_t add(ParamSpec spec, ParamValue value);
  void alias(ParamText old_name, std::size_t index);
  void check_name(const std::string& name) const;
  void store(std::size_t index, ParamValue value);
  ParamValue clamped(std::size_t index, ParamValue value) const;

  std::vector<ParamSpec> specs_;
  std::vector<ParamValue> values_, defaults_;
  std::uint64_t revision_ = 0;
};

}  // namespace mml
