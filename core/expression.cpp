#include "core/expression.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <type_traits>

namespace mml {

// [SECTION] Functions and their derivatives
// [SECTION] Tokens
// [SECTION] Compiler: recursive descent to postfix, with constant folding
// [SECTION] Stack machine
// [SECTION] Printing back to text

using Op = Expression::Op;
using Instruction = Expression::Instruction;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// --- [SECTION] Functions and their derivatives -------------------------------------------------

struct FunctionInfo {
  const char* name;
  Op op;
  int arity;
};

constexpr FunctionInfo kFunctions[] = {
    {"sin", Op::Sin, 1},         {"cos", Op::Cos, 1},   {"tan", Op::Tan, 1},
    {"exp", Op::Exp, 1},         {"log", Op::Log, 1},   {"ln", Op::Log, 1},
    {"sqrt", Op::Sqrt, 1},       {"abs", Op::Abs, 1},   {"tanh", Op::Tanh, 1},
    {"sigmoid", Op::Sigmoid, 1}, {"relu", Op::Relu, 1}, {"sinh", Op::Sinh, 1},
    {"cosh", Op::Cosh, 1},       {"asin", Op::Asin, 1}, {"acos", Op::Acos, 1},
    {"atan", Op::Atan, 1},       {"min", Op::Min, 2},   {"max", Op::Max, 2},
    {"pow", Op::Power, 2},
};

const FunctionInfo* find_function(std::string_view name) {
  for (const auto& f : kFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

// The name printed back by to_text (log for ln, which compiles to the same instruction).
const char* function_name(Op op) {
  for (const auto& f : kFunctions)
    if (f.op == op) return f.name;
  return "?";
}

int arity(Op op) {
  switch (op) {
    case Op::Number:
    case Op::Variable: return 0;
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Power:
    case Op::Min:
    case Op::Max: return 2;
    default: return 1;
  }
}

// σ(v) = 1/(1 + e^−v), written so that neither branch overflows.
double sigmoid(double v) {
  if (v >= 0) return 1 / (1 + std::exp(-v));
  const double e = std::exp(v);
  return e / (1 + e);
}

double unary_value(Op op, double v) {
  switch (op) {
    case Op::Negate: return -v;
    case Op::Sin: return std::sin(v);
    case Op::Cos: return std::cos(v);
    case Op::Tan: return std::tan(v);
    case Op::Exp: return std::exp(v);
    case Op::Log: return std::log(v);
    case Op::Sqrt: return std::sqrt(v);
    case Op::Abs: return std::fabs(v);
    case Op::Tanh: return std::tanh(v);
    case Op::Sigmoid: return sigmoid(v);
    case Op::Relu: return std::isnan(v) ? v : v > 0 ? v : 0.0;
    case Op::Sinh: return std::sinh(v);
    case Op::Cosh: return std::cosh(v);
    case Op::Asin: return std::asin(v);
    case Op::Acos: return std::acos(v);
    case Op::Atan: return std::atan(v);
    default: return kNaN;
  }
}

// f, f′ and f″ at v for every one-argument function (the second derivative of abs and relu is
// 0 everywhere, including the kink, where we also pick f′(0) = 0).
struct Derivatives {
  double f0, f1, f2;
};

Derivatives unary_derivatives(Op op, double v) {
  const double f = unary_value(op, v);
  switch (op) {
    case Op::Negate: return {f, -1, 0};
    case Op::Sin: return {f, std::cos(v), -f};
    case Op::Cos: return {f, -std::sin(v), -f};
    case Op::Tan: {
      const double sec2 = 1 + f * f;  // tan′ = sec² = 1 + tan², tan″ = 2 tan sec²
      return {f, sec2, 2 * f * sec2};
    }
    case Op::Exp: return {f, f, f};
    case Op::Log: return {f, 1 / v, -1 / (v * v)};
    case Op::Sqrt: return {f, 0.5 / f, -0.25 / (f * v)};  // (√v)″ = −¼ v^(−3/2)
    case Op::Abs: return {f, v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0, 0};
    case Op::Tanh: {
      const double d = 1 - f * f;  // tanh′ = 1 − tanh², tanh″ = −2 tanh (1 − tanh²)
      return {f, d, -2 * f * d};
    }
    case Op::Sigmoid: {
      const double d = f * (1 - f);  // σ′ = σ(1 − σ), σ″ = σ′(1 − 2σ)
      return {f, d, d * (1 - 2 * f)};
    }
    case Op::Relu: return {f, v > 0 ? 1.0 : 0.0, 0};
    case Op::Sinh: return {f, std::cosh(v), f};
    case Op::Cosh: return {f, std::sinh(v), f};
    case Op::Asin:
    case Op::Acos: {
      // asin′ = 1/√(1 − v²), asin″ = v/(1 − v²)^(3/2); acos = π/2 − asin
      const double q = 1 - v * v;
      const double s = op == Op::Asin ? 1 : -1;
      return {f, s / std::sqrt(q), s * v / (q * std::sqrt(q))};
    }
    case Op::Atan: {
      const double q = 1 + v * v;  // atan′ = 1/(1 + v²), atan″ = −2v/(1 + v²)²
      return {f, 1 / q, -2 * v / (q * q)};
    }
    default: return {kNaN, kNaN, kNaN};
  }
}

template <class T> double value_of(const T& x) {
  if constexpr (std::is_same_v<T, double>) return x;
  else return x.v;
}

template <class T> T nan_of() { return T{kNaN}; }
template <> Dual nan_of<Dual>() { return {kNaN, kNaN}; }
template <> Dual2 nan_of<Dual2>() { return {kNaN, Eigen::Vector2d::Constant(kNaN)}; }
template <> Jet2 nan_of<Jet2>() {
  return {kNaN, Eigen::Vector2d::Constant(kNaN), Eigen::Matrix2d::Constant(kNaN)};
}

template <class T> T apply_unary(Op op, const T& x) {
  if constexpr (std::is_same_v<T, double>) {
    return unary_value(op, x);
  } else {
    if (op == Op::Negate) return -x;
    const Derivatives d = unary_derivatives(op, x.v);
    return chain(x, d.f0, d.f1, d.f2);
  }
}

// x^p for a constant p: the power rule, p·x^(p−1) and p(p−1)·x^(p−2), with the terms that
// vanish written as exact zeros (so x^0 and x^1 stay smooth at x = 0).
template <class T> T power_constant(const T& x, double p) {
  const double v = value_of(x);
  const double f = std::pow(v, p);
  if constexpr (std::is_same_v<T, double>) {
    return f;
  } else {
    const double f1 = p == 0 ? 0 : p * std::pow(v, p - 1);
    const double f2 = p == 0 || p == 1 ? 0 : p * (p - 1) * std::pow(v, p - 2);
    return chain(x, f, f1, f2);
  }
}

// a^b. An exponent without derivative takes the power rule; a varying exponent differentiates
// a^b = e^(b ln a), so (a^b)′ = a^b (b ln a)′, undefined for a < 0. The value is always std::pow,
// so (-2)^y at y = 3 is still −8.
template <class T> T power(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, double>) {
    return std::pow(a, b);
  } else {
    if (has_no_derivative(b)) return power_constant(a, b.v);
    const double f = std::pow(a.v, b.v);
    if (has_no_derivative(a)) {  // c^b: (c^b)′ = c^b ln c · b′
      const double ln = std::log(a.v);
      if (a.v == 0 && b.v > 0) return chain(b, f, 0, 0);  // 0^b = 0 near b > 0
      return chain(b, f, f * ln, f * ln * ln);
    }
    const T log_a = chain(a, std::log(a.v), 1 / a.v, -1 / (a.v * a.v));
    return chain(b * log_a, f, f, f);
  }
}

// min and max follow the argument they pick, the first one on a tie; NaN in, NaN out.
template <class T> T min_max(Op op, const T& a, const T& b) {
  const double av = value_of(a), bv = value_of(b);
  if (std::isnan(av) || std::isnan(bv)) return nan_of<T>();
  if (op == Op::Min) return bv < av ? b : a;
  return bv > av ? b : a;
}

template <class T> T apply_binary(Op op, const T& a, const T& b) {
  switch (op) {
    case Op::Add: return a + b;
    case Op::Subtract: return a - b;
    case Op::Multiply: return a * b;
    case Op::Divide: return a / b;
    case Op::Power: return power(a, b);
    case Op::Min:
    case Op::Max: return min_max(op, a, b);
    default: return nan_of<T>();
  }
}

// --- [SECTION] Tokens ---------------------------------------------------------------------------

enum class Tok {
  Number, Name, Pi, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, Superscript, Invalid,
  End
};

struct Token {
  Tok kind = Tok::End;
  int column = 0;         // 1-based, in characters
  std::string_view text;  // as typed (for names and for messages)
  double number = 0;      // Number: its value; Superscript: the exponent
};

// One code point from UTF-8, rejecting overlong forms, surrogates and truncation.
bool decode_utf8(std::string_view s, std::size_t i, char32_t* cp, std::size_t* length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  char32_t v = 0, min = 0;
  if (c < 0x80) n = 1, v = c;
  else if ((c & 0xE0) == 0xC0) n = 2, v = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 3, v = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 4, v = c & 0x07, min = 0x10000;
  else return false;
  if (i + n > s.size()) return false;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return false;
    v = (v << 6) | (byte(i + k) & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
  *cp = v;
  *length = n;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

std::string quoted(std::string_view text) {
  std::string shown(text.substr(0, 40));
  if (text.size() > 40) shown += "…";
  return "\"" + shown + "\"";
}

std::string at(int column) { return " at column " + std::to_string(column); }

struct Lexed {
  std::vector<Token> tokens;  // ends with End, or with Invalid at the first bad character
  std::string error;          // the Invalid token's message
};

Lexed lex(std::string_view s) {
  Lexed out;
  std::size_t i = 0;
  int column = 1;
  const auto push = [&](Tok kind, std::size_t begin, std::size_t end, int columns) {
    out.tokens.push_back({kind, column, s.substr(begin, end - begin), 0});
    column += columns;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i, ++column;
    } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      std::size_t j = i;
      while (j < s.size() && is_digit(s[j])) ++j;
      if (j < s.size() && s[j] == '.') ++j;
      while (j < s.size() && is_digit(s[j])) ++j;
      // An exponent only when digits follow: "2e-3" is 0.002, "2e" and "2ex" are products.
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && is_digit(s[k])) {
          j = k;
          while (j < s.size() && is_digit(s[j])) ++j;
        }
      }
      const std::string digits(s.substr(i, j - i));
      const double v = std::strtod(digits.c_str(), nullptr);
      if (!std::isfinite(v)) {
        out.error = "number " + quoted(digits) + at(column) + " is too large";
        push(Tok::Invalid, i, j, 0);
        return out;
      }
      push(Tok::Number, i, j, int(j - i));
      out.tokens.back().number = v;
      i = j;
    } else if (is_name_start(c)) {
      std::size_t j = i;
      while (j < s.size() && is_name_char(s[j])) ++j;
      push(Tok::Name, i, j, int(j - i));
      i = j;
    } else if (static_cast<unsigned char>(c) < 0x80) {
      Tok kind = Tok::Invalid;
      switch (c) {
        case '+': kind = Tok::Plus; break;
        case '-': kind = Tok::Minus; break;
        case '*': kind = Tok::Star; break;
        case '/': kind = Tok::Slash; break;
        case '^': kind = Tok::Caret; break;
        case '(': kind = Tok::LParen; break;
        case ')': kind = Tok::RParen; break;
        case ',': kind = Tok::Comma; break;
        default: break;
      }
      if (kind == Tok::Invalid) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char code[16];
          std::snprintf(code, sizeof code, "U+%04X", unsigned(static_cast<unsigned char>(c)));
          out.error = std::string("unexpected character ") + code + at(column);
        } else {
          out.error = "unexpected " + quoted(s.substr(i, 1)) + at(column);
        }
        push(Tok::Invalid, i, i + 1, 0);
        return out;
      }
      push(kind, i, i + 1, 1);
      ++i;
    } else {
      char32_t cp = 0;
      std::size_t n = 0;
      if (!decode_utf8(s, i, &cp, &n)) {
        out.error = "invalid UTF-8" + at(column);
        push(Tok::Invalid, i, i + 1, 0);
        return out;
      }
      if (cp == 0xA0 || cp == 0x3000) {  // no-break space, ideographic space
        i += n, ++column;
      } else if (cp == 0x2212) {  // − minus sign
        push(Tok::Minus, i, i + n, 1), i += n;
      } else if (cp == 0xD7 || cp == 0xB7 || cp == 0x22C5) {  // × · ⋅
        push(Tok::Star, i, i + n, 1), i += n;
      } else if (cp == 0x3C0) {  // π
        push(Tok::Pi, i, i + n, 1), i += n;
      } else if (cp == 0xB2 || cp == 0xB3) {  // a run of ² and ³ is one exponent: x²³ = x^23
        const std::size_t begin = i;
        const int begin_column = column;
        double exponent = 0;
        int count = 0;
        while (i < s.size() && decode_utf8(s, i, &cp, &n) && (cp == 0xB2 || cp == 0xB3)) {
          exponent = exponent * 10 + (cp == 0xB2 ? 2 : 3);
          i += n, ++count;
        }
        out.tokens.push_back(
            {Tok::Superscript, begin_column, s.substr(begin, i - begin), exponent});
        column += count;
      } else {
        out.error = "unexpected " + quoted(s.substr(i, n)) + at(column);
        push(Tok::Invalid, i, i + n, 0);
        return out;
      }
    }
  }
  out.tokens.push_back({Tok::End, column, {}, 0});
  return out;
}

// Characters (code points, counting invalid bytes as one each) for the length limit.
std::size_t count_characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool valid_variable_name(std::string_view name) {
  if (name.empty() || !is_name_start(name[0])) return false;
  for (char c : name)
    if (!is_name_char(c)) return false;
  return !find_function(name);
}

}  // namespace

std::string expression_function_names() {
  std::string out;
  for (const auto& f : kFunctions) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

// --- [SECTION] Compiler: recursive descent to postfix, with constant folding ------------------

class ExpressionCompiler {
 public:
  ExpressionCompiler(const Lexed& lexed, std::span<const std::string_view> variables,
                     const ExpressionLimits& limits)
      : tokens_(lexed.tokens), lex_error_(lexed.error), variables_(variables), limits_(limits) {}

  bool compile(Expression* out) {
    if (!parse_expr()) return false;
    if (peek().kind != Tok::End) return unexpected(peek());
    std::size_t depth = 0, max = 0;
    for (const Instruction& ins : program_) {
      const int n = arity(ins.op);
      depth = depth + 1 - std::size_t(n);
      max = std::max(max, depth);
    }
    out->program_ = std::move(program_);
    out->max_stack_ = max;
    for (const auto& v : variables_) out->variables_.emplace_back(v);
    return true;
  }

  std::string error;
  int column = 0;

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& previous() const { return tokens_[pos_ > 0 ? pos_ - 1 : 0]; }
  void advance() {
    if (tokens_[pos_].kind != Tok::End && tokens_[pos_].kind != Tok::Invalid) ++pos_;
  }

  bool fail(std::string message, int at_column) {
    if (error.empty()) error = std::move(message), column = at_column;
    return false;
  }

  bool unexpected(const Token& t) {
    if (t.kind == Tok::Invalid) return fail(lex_error_, t.column);
    if (t.kind == Tok::End) {
      const Token& p = previous();
      return fail("expected a value after " + quoted(p.text) + at(p.column), p.column);
    }
    return fail("unexpected " + quoted(t.text) + at(t.column), t.column);
  }

  // Appends an instruction, folding it with constant operands. Each operand that is a single
  // Number instruction is the whole operand (a longer subexpression ends with its operator).
  bool emit(Instruction ins, int at_column) {
    const int n = arity(ins.op);
    const std::size_t size = program_.size();
    const auto is_number = [&](std::size_t back) {
      return size >= back && program_[size - back].op == Op::Number;
    };
    if (n == 1 && is_number(1)) {
      const double a = program_[size - 1].number;
      const double v =
          ins.op == Op::PowerConstant ? std::pow(a, ins.number) : unary_value(ins.op, a);
      if (std::isfinite(v)) {
        program_.back() = {Op::Number, 0, v};
        return true;
      }
    } else if (n == 2 && is_number(1) && is_number(2)) {
      const double v = apply_binary(ins.op, program_[size - 2].number, program_[size - 1].number);
      if (std::isfinite(v)) {
        program_.pop_back();
        program_.back() = {Op::Number, 0, v};
        return true;
      }
    }
    if (ins.op == Op::Negate && size > 0 && program_.back().op == Op::Negate) {
      program_.pop_back();  // -(-u) = u exactly, NaN included
      return true;
    }
    if (ins.op == Op::Power && is_number(1)) {  // x^3: a constant exponent
      ins = {Op::PowerConstant, 0, program_.back().number};
      program_.pop_back();
    }
    if (program_.size() >= limits_.max_instructions)
      return fail("expression is too large" + at(at_column) + ": more than " +
                      std::to_string(limits_.max_instructions) + " operations",
                  at_column);
    program_.push_back(ins);
    return true;
  }

  // expr := term (("+" | "-") term)*
  bool parse_expr() {
    if (!parse_term()) return false;
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const Token op = peek();
      advance();
      if (!parse_term()) return false;
      if (!emit({op.kind == Tok::Plus ? Op::Add : Op::Subtract}, op.column)) return false;
    }
    return true;
  }

  // term := unary (("*" | "/") unary | implicit-product unary)*
  bool parse_term() {
    if (!parse_unary()) return false;
    for (;;) {
      const Token t = peek();
      Op op = Op::Multiply;
      if (t.kind == Tok::Star || t.kind == Tok::Slash) {
        op = t.kind == Tok::Star ? Op::Multiply : Op::Divide;
        advance();
      } else if (t.kind != Tok::Name && t.kind != Tok::Pi && t.kind != Tok::LParen) {
        return true;
      }
      if (!parse_unary()) return false;
      if (!emit({op}, t.column)) return false;
    }
  }

  // unary := ("+" | "-")* power. Signs are counted, not recursed on.
  bool parse_unary() {
    bool negate = false;
    int column = peek().column;
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      if (peek().kind == Tok::Minus) negate = !negate, column = peek().column;
      advance();
    }
    if (!parse_power()) return false;
    return !negate || emit({Op::Negate}, column);
  }

  // power := postfix ("^" ("+" | "-")* postfix)*, right-associative: a^-b^c = a^(-(b^c)).
  // The operands are parsed in a loop and the operators emitted afterwards, right to left.
  bool parse_power() {
    if (!parse_postfix()) return false;
    struct Pending {
      bool negate;
      int column;
    };
    std::vector<Pending> pending;
    while (peek().kind == Tok::Caret) {
      const int caret_column = peek().column;
      advance();
      bool negate = false;
      while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
        if (peek().kind == Tok::Minus) negate = !negate;
        advance();
      }
      if (!parse_postfix()) return false;
      pending.push_back({negate, caret_column});
    }
    for (std::size_t k = pending.size(); k-- > 0;) {
      if (pending[k].negate && !emit({Op::Negate}, pending[k].column)) return false;
      if (!emit({Op::Power}, pending[k].column)) return false;
    }
    return true;
  }

  // postfix := primary superscript*
  bool parse_postfix() {
    if (!parse_primary()) return false;
    while (peek().kind == Tok::Superscript) {
      const Token t = peek();
      advance();
      if (!emit({Op::PowerConstant, 0, t.number}, t.column)) return false;
    }
    return true;
  }

  bool open(const Token& paren) {
    if (++depth_ > limits_.max_depth)
      return fail("too deeply nested" + at(paren.column) + ": at most " +
                      std::to_string(limits_.max_depth) + " levels of parentheses",
                  paren.column);
    return true;
  }

  // Closes a group opened by `opener` ("(" or "sin").
  bool close(const Token& opener) {
    if (peek().kind == Tok::RParen) {
      advance();
      --depth_;
      return true;
    }
    if (peek().kind == Tok::End) {
      const std::string what = opener.kind == Tok::LParen ? std::string("\"(\"")
                                                          : "\"" + std::string(opener.text) + "(\"";
      return fail("missing \")\" for the " + what + at(opener.column), opener.column);
    }
    return unexpected(peek());
  }

  bool parse_primary() {
    const Token t = peek();
    switch (t.kind) {
      case Tok::Number:
        advance();
        return emit({Op::Number, 0, t.number}, t.column);
      case Tok::Pi:
        advance();
        return emit({Op::Number, 0, std::numbers::pi}, t.column);
      case Tok::LParen:
        advance();
        if (!open(t) || !parse_expr()) return false;
        return close(t);
      case Tok::Name: return parse_name(t);
      default: return unexpected(t);
    }
  }

  bool parse_name(const Token& t) {
    advance();
    for (std::size_t i = 0; i < variables_.size(); ++i)
      if (variables_[i] == t.text) return emit({Op::Variable, int(i), 0}, t.column);
    if (const FunctionInfo* f = find_function(t.text)) return parse_call(t, *f);
    if (t.text == "pi") return emit({Op::Number, 0, std::numbers::pi}, t.column);
    if (t.text == "e") return emit({Op::Number, 0, std::numbers::e}, t.column);
    return unknown_name(t);
  }

  // Kept out of parse_name, which recursion passes through, so its stack frame stays small.
  [[gnu::noinline]] bool unknown_name(const Token& t) {
    if (peek().kind == Tok::LParen)
      return fail("unknown function " + quoted(t.text) + at(t.column) +
                      "; functions: " + expression_function_names(),
                  t.column);
    if (variables_.empty())
      return fail("unknown name " + quoted(t.text) + at(t.column) +
                      "; this function has no variables",
                  t.column);
    std::string names;
    bool all_single_letters = t.text.size() > 1;
    for (const auto& v : variables_) names += (names.empty() ? "" : ", ") + std::string(v);
    for (char c : t.text) {
      bool known = std::string_view("e") == std::string_view(&c, 1);
      for (const auto& v : variables_) known = known || v == std::string_view(&c, 1);
      all_single_letters = all_single_letters && known;
    }
    std::string hint;
    if (all_single_letters) {
      hint = " (for a product write ";
      for (std::size_t k = 0; k < t.text.size() && k < 8; ++k) {
        if (k) hint += '*';
        hint += t.text[k];
      }
      hint += t.text.size() > 8 ? "…)" : ")";
    }
    return fail(
        "unknown variable " + quoted(t.text) + at(t.column) + "; variables: " + names + hint,
        t.column);
  }

  bool parse_call(const Token& name, const FunctionInfo& f) {
    const Token paren = peek();
    if (paren.kind != Tok::LParen) return needs_parentheses(name, f);
    advance();
    if (!open(name)) return false;
    int count = 0;
    for (;;) {
      if (!parse_expr()) return false;
      ++count;
      if (peek().kind != Tok::Comma) break;
      advance();
    }
    if (!close(name)) return false;
    if (count != f.arity) return wrong_arity(name, f, count);
    return emit({f.op}, name.column);
  }

  [[gnu::noinline]] bool wrong_arity(const Token& name, const FunctionInfo& f, int count) {
    return fail(quoted(name.text) + at(name.column) + " takes " + std::to_string(f.arity) +
                    (f.arity == 1 ? " argument" : " arguments") + ", not " + std::to_string(count),
                name.column);
  }

  [[gnu::noinline]] bool needs_parentheses(const Token& name, const FunctionInfo& f) {
    return fail(quoted(name.text) + at(name.column) + " needs parentheses, like " + f.name +
                    (f.arity == 1 ? "(x)" : "(a, b)"),
                name.column);
  }

  const std::vector<Token>& tokens_;
  const std::string& lex_error_;
  std::span<const std::string_view> variables_;
  ExpressionLimits limits_;
  std::vector<Instruction> program_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

ExpressionResult parse_expression(std::string_view text,
                                  std::span<const std::string_view> variables,
                                  const ExpressionLimits& limits) {
  ExpressionResult result;
  const auto fail = [&](std::string message, int column) {
    result.error = std::move(message);
    result.column = column;
    return result;
  };
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (!valid_variable_name(variables[i]))
      return fail("invalid variable name " + quoted(variables[i]), 0);
    for (std::size_t j = 0; j < i; ++j)
      if (variables[j] == variables[i])
        return fail("variable " + quoted(variables[i]) + " is declared twice", 0);
  }
  // Bytes first, so a huge input is refused before it is scanned.
  const std::size_t characters =
      text.size() > 4 * limits.max_characters ? text.size() : count_characters(text);
  if (characters > limits.max_characters)
    return fail("expression is too long: " + std::to_string(characters) +
                    " characters, at most " + std::to_string(limits.max_characters),
                0);
  const Lexed lexed = lex(text);
  if (lexed.tokens.front().kind == Tok::End) return fail("empty expression", 0);
  ExpressionCompiler compiler(lexed, variables, limits);
  if (!compiler.compile(&result.expression)) return fail(compiler.error, compiler.column);
  result.ok = true;
  return result;
}

ExpressionResult parse_expression(std::string_view text,
                                  std::initializer_list<std::string_view> variables,
                                  const ExpressionLimits& limits) {
  return parse_expression(
      text, std::span<const std::string_view>(variables.begin(), variables.size()), limits);
}

// --- [SECTION] Stack machine --------------------------------------------------------------------

// Runs the postfix program on numbers of type T; seed(i) gives variable i as a T. The stack lives
// in a local array unless the program needs more (max_stack_ was measured when compiling).
template <class T, class Seed> T Expression::run(Seed&& seed) const {
  if (program_.empty()) return nan_of<T>();
  constexpr std::size_t kLocal = 24;
  T local[kLocal];
  std::vector<T> heap;
  T* stack = local;
  if (max_stack_ > kLocal) {
    heap.resize(max_stack_);
    stack = heap.data();
  }
  std::size_t top = 0;
  for (const Instruction& ins : program_) {
    switch (ins.op) {
      case Op::Number: stack[top++] = T{ins.number}; break;
      case Op::Variable: stack[top++] = seed(ins.variable); break;
      case Op::PowerConstant: stack[top - 1] = power_constant(stack[top - 1], ins.number); break;
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide:
      case Op::Power:
      case Op::Min:
      case Op::Max:
        --top;
        stack[top - 1] = apply_binary(ins.op, stack[top - 1], stack[top]);
        break;
      default: stack[top - 1] = apply_unary(ins.op, stack[top - 1]); break;
    }
  }
  return stack[0];
}

namespace {
double read(std::span<const double> values, int i) {
  return std::size_t(i) < values.size() ? values[std::size_t(i)] : kNaN;
}
}  // namespace

double Expression::eval(std::span<const double> values) const {
  return run<double>([&](int i) { return read(values, i); });
}

double Expression::eval(double x, double y) const {
  const double values[] = {x, y};
  return eval(values);
}

Dual Expression::derivative(std::span<const double> values, std::size_t wrt) const {
  return run<Dual>([&](int i) {
    return std::size_t(i) == wrt ? dual_variable(read(values, i)) : Dual{read(values, i)};
  });
}

Dual2 Expression::gradient(std::span<const double> values, std::size_t i, std::size_t j) const {
  return run<Dual2>([&](int k) {
    Dual2 x{read(values, k)};
    if (std::size_t(k) == i) x.d[0] = 1;
    if (std::size_t(k) == j) x.d[1] = 1;
    return x;
  });
}

Dual2 Expression::gradient(double x, double y) const {
  const double values[] = {x, y};
  return gradient(values);
}

Jet2 Expression::hessian(std::span<const double> values, std::size_t i, std::size_t j) const {
  return run<Jet2>([&](int k) {
    Jet2 x{read(values, k)};
    if (std::size_t(k) == i) x.g[0] = 1;
    if (std::size_t(k) == j) x.g[1] = 1;
    return x;
  });
}

Jet2 Expression::hessian(double x, double y) const {
  const double values[] = {x, y};
  return hessian(values);
}

// --- [SECTION] Printing back to text ------------------------------------------------------------

namespace {

// The shortest of %.15g, %.16g, %.17g that reads back to the same double.
std::string number_text(double v) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// Binding strength of what a piece of text is: the parser's grammar levels.
enum Level { kSum = 1, kProduct = 2, kUnary = 3, kPower = 4, kAtom = 5 };

struct Piece {
  std::string text;
  int level;
};

std::string wrap(const Piece& p, int min_level) {
  return p.level >= min_level ? p.text : "(" + p.text + ")";
}

}  // namespace

std::string Expression::to_text() const {
  std::vector<Piece> stack;
  for (const Instruction& ins : program_) {
    switch (ins.op) {
      case Op::Number: {
        const std::string t = number_text(ins.number);
        stack.push_back({t, t[0] == '-' ? kUnary : kAtom});
        break;
      }
      case Op::Variable:
        stack.push_back({std::size_t(ins.variable) < variables_.size()
                             ? variables_[std::size_t(ins.variable)]
                             : "?",
                         kAtom});
        break;
      case Op::Negate: stack.back() = {"-" + wrap(stack.back(), kUnary), kUnary}; break;
      case Op::PowerConstant:
        // The base must be an atom: (x^2)^3 and (-x)^2 keep their parentheses.
        stack.back() = {wrap(stack.back(), kAtom) + "^" + number_text(ins.number), kPower};
        break;
      case Op::Add:
      case Op::Subtract:
      case Op::Multiply:
      case Op::Divide:
      case Op::Power: {
        const Piece b = stack.back();
        stack.pop_back();
        Piece& a = stack.back();
        if (ins.op == Op::Power) {
          a = {wrap(a, kAtom) + "^" + wrap(b, kUnary), kPower};
        } else {
          const bool sum = ins.op == Op::Add || ins.op == Op::Subtract;
          const int level = sum ? kSum : kProduct;
          const char* sign = ins.op == Op::Add        ? " + "
                             : ins.op == Op::Subtract ? " - "
                             : ins.op == Op::Multiply ? " * "
                                                      : " / ";
          // Left-associative: an equal level needs parentheses only on the right.
          a = {wrap(a, level) + sign + wrap(b, level + 1), level};
        }
        break;
      }
      case Op::Min:
      case Op::Max: {
        const Piece b = stack.back();
        stack.pop_back();
        stack.back() = {std::string(function_name(ins.op)) + "(" + stack.back().text + ", " +
                            b.text + ")",
                        kAtom};
        break;
      }
      default:
        stack.back() = {std::string(function_name(ins.op)) + "(" + stack.back().text + ")", kAtom};
        break;
    }
  }
  return stack.empty() ? std::string() : stack.back().text;
}

void TypedExpression::update(std::string_view text) {
  if (text == seen && version > 0) return;
  seen = std::string(text);
  const std::string_view name = variable;
  ExpressionResult r = parse_expression(text, {name});
  if (r.ok) {
    good = std::move(r.expression);
    error.clear();
    ++version;
  } else {
    error = r.error;
  }
}

}  // namespace mml
