#pragma once
// Functions readers type into figures: "x^2 - 3x", "sin(t) + t/2",
// "(x^2 + y - 11)^2 + (x + y^2 - 7)^2". The text comes from URLs and attributes, so parsing is
// for untrusted input: it never throws, recurses only into parentheses (at most the nesting limit
// deep, about 0.6 KB of WASM stack per level), and every rejection is a sentence with the 1-based
// column (in characters, not bytes) of the problem. tests/fuzz/fuzz_expression.cpp checks this.
// A parsed expression is a flat postfix program run by a small stack machine: no tree, no
// recursion, no allocation per evaluation for ordinary sizes. The same program runs on doubles
// and on the dual numbers of core/dual.hpp, so derivatives (first, gradient, Hessian) are exact
// forward-mode derivatives of what the reader typed.
//
// Grammar (whitespace between tokens is ignored):
//   expr    := term (("+" | "-") term)*
//   term    := unary (("*" | "/") unary | implicit-product unary)*
//   unary   := ("+" | "-")* power                      -x^2 = -(x^2)
//   power   := postfix ("^" ("+" | "-")* postfix)*      right-associative: 2^3^2 = 2^9,
//                                                       2^-x^2 = 2^(-(x^2))
//   postfix := primary superscript*                     x² = x^2, x²³ = x^23
//   primary := number | variable | constant | function "(" expr ("," expr)* ")" | "(" expr ")"
// An implicit product is a factor followed directly by a name or "(": "2x", "3(x+1)",
// "(x+1)(x-1)", "2 sin(x)", "x(x+1)" (when x is a variable). It has the same precedence as "*",
// so 1/2x = x/2. "x y" is a product too, but "xy" is one (unknown) name, and a number after a
// factor is refused ("x 2").
// Numbers: 12, 1.5, .5, 2e-3 (an "e" is an exponent only when digits follow, so "2e" = 2·e).
// Functions: sin cos tan exp log (natural) ln sqrt abs tanh sigmoid relu sinh cosh asin acos
// atan, and min max pow with two arguments. Constants: pi, π and e; a declared variable of the
// same name wins ("e" can be a variable), π is always the constant.
// Unicode that readers paste: − (U+2212) is minus, × · ⋅ are "*", ² ³ are powers, and
// no-break space (U+00A0) and ideographic space (U+3000) are spaces.
// Limits (ExpressionLimits): 500 characters, 64 levels of parentheses and function calls, 1000
// instructions (500 characters make at most 999; the limit guards larger max_characters).
//
// Semantics: IEEE doubles. Domain errors give NaN (sqrt(-1), log(-1), asin(2), 0/0) and poles
// give ±inf (1/0, log(0)); callers show any non-finite value as undefined. Powers: x^n for an
// integer n is exact in sign for negative x ((-2)^3 = -8) and differentiates by the power rule
// n·x^(n−1); a non-integer power of a negative number is NaN. When the exponent varies too
// (x^y), the derivative uses x^y·(y·ln x)' and is NaN for x < 0. Where a derivative does not
// exist we pick: abs'(0) = 0, relu'(0) = 0; min and max follow their first argument on a tie.
// Subexpressions made only of numbers and constants are folded when parsed ("2pi" is one
// number) if the result is finite.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dual.hpp"

namespace mml {

struct ExpressionLimits {
  std::size_t max_characters = 500;
  int max_depth = 64;                 // nested parentheses and function calls
  std::size_t max_instructions = 1000;
};

class Expression {
 public:
  enum class Op : std::uint8_t {
    Number, Variable, Negate, Add, Subtract, Multiply, Divide, Power, PowerConstant,
    Sin, Cos, Tan, Exp, Log, Sqrt, Abs, Tanh, Sigmoid, Relu, Sinh, Cosh, Asin, Acos, Atan,
    Min, Max,
  };
  struct Instruction {
    Op op = Op::Number;
    int variable = 0;   // Variable: index into the caller's values
    double number = 0;  // Number: the value; PowerConstant: the exponent
  };

  // Variables missing from `values` (shorter than the declared list) read as NaN.
  double eval(std::span<const double> values) const;
  double eval(double x) const { return eval(std::span<const double>(&x, 1)); }
  double eval(double x, double y) const;

  // Value and derivative with respect to values[wrt].
  Dual derivative(std::span<const double> values, std::size_t wrt = 0) const;
  Dual derivative(double x) const { return derivative(std::span<const double>(&x, 1)); }
  // Value and gradient with respect to values[i], values[j] (the others held fixed).
  Dual2 gradient(std::span<const double> values, std::size_t i = 0, std::size_t j = 1) const;
  Dual2 gradient(double x, double y) const;
  // Value, gradient and Hessian with respect to values[i], values[j].
  Jet2 hessian(std::span<const double> values, std::size_t i = 0, std::size_t j = 1) const;
  Jet2 hessian(double x, double y) const;

  // Text that parses back to the same program: minimal parentheses, ASCII, numbers with as many
  // digits as they need (up to 17, so "pi" becomes 3.141592653589793 and the text can be longer
  // than the 500 characters parse_expression accepts by default).
  std::string to_text() const;

  const std::vector<std::string>& variables() const { return variables_; }
  const std::vector<Instruction>& program() const { return program_; }
  std::size_t max_stack() const { return max_stack_; }
  bool empty() const { return program_.empty(); }

 private:
  friend class ExpressionCompiler;
  template <class T, class Seed> T run(Seed&& seed) const;

  std::vector<std::string> variables_;
  std::vector<Instruction> program_;
  std::size_t max_stack_ = 0;
};

struct ExpressionResult {
  bool ok = false;
  Expression expression;  // valid when ok
  std::string error;      // "unexpected \")\" at column 7"
  int column = 0;         // 1-based column the error points at; 0 when it concerns the whole text
};

// Variable names are ASCII identifiers ([A-Za-z_][A-Za-z0-9_]*) other than a function name;
// a bad declaration is reported as an error too (it is the caller's bug, but never a crash).
ExpressionResult parse_expression(std::string_view text,
                                  std::span<const std::string_view> variables,
                                  const ExpressionLimits& limits = {});
ExpressionResult parse_expression(std::string_view text,
                                  std::initializer_list<std::string_view> variables,
                                  const ExpressionLimits& limits = {});

// A function of one variable the reader types into a figure: parsed only when its text changes.
// Text that does not parse keeps the last good expression (so the picture stays) and its message.
struct TypedExpression {
  std::string variable;     // "t", "x"
  std::string seen, error;  // the last text given; its parse error, or ""
  Expression good;          // the last text that parsed
  std::uint64_t version = 0;  // bumped whenever `good` changes

  TypedExpression(std::string variable_name, std::string_view initial)
      : variable(std::move(variable_name)) {
    update(initial);
  }
  void update(std::string_view text);
  // Value and derivative at x (the callable core/secant and core/descent_1d take).
  Dual operator()(double x) const { return good.derivative(x); }
};

// "sin, cos, tan, …, pow": the names listed in error messages.
std::string expression_function_names();

}  // namespace mml
