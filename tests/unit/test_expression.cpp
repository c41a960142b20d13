// core/expression: parsing readers' functions, every error message, and values and derivatives
// against independent references:
//  - closed-form derivatives written by hand in this file (the standard table of derivatives,
//    e.g. any calculus text; Rosenbrock's from Nocedal & Wright, Numerical Optimization, 2nd ed.,
//    §2.1 and exercise 2.1; Himmelblau's differentiated by hand below);
//  - central finite differences (f(x+h) − f(x−h))/2h, a second check that shares no code with
//    the dual numbers;
//  - randomized expression trees with a fixed seed, rendered to text in many styles and evaluated
//    by a small recursive evaluator written here.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/expression.hpp"

using namespace mml;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

using Names = std::initializer_list<std::string_view>;

Expression parse_ok(std::string_view text, Names vars = {"x", "y"}) {
  ExpressionResult r = parse_expression(text, vars);
  INFO("parsing \"" << std::string(text) << "\": " << r.error);
  REQUIRE(r.ok);
  return r.expression;
}

double value(std::string_view text, double x = 0, double y = 0) {
  return parse_ok(text).eval(x, y);
}

struct Failure {
  std::string error;
  int column;
};

Failure parse_error(std::string_view text, Names vars = {"x", "y"},
                    const ExpressionLimits& limits = {}) {
  ExpressionResult r = parse_expression(text, vars, limits);
  INFO("parsing \"" << std::string(text) << "\"");
  CHECK_FALSE(r.ok);
  return {r.error, r.column};
}

// Both NaN, equal, or within a relative 1e-9.
bool same(double a, double b, double tolerance = 1e-9) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;
  return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

double central_difference(const std::function<double(double)>& f, double x, double h = 1e-5) {
  return (f(x + h) - f(x - h)) / (2 * h);
}

}  // namespace

TEST_CASE("expression: precedence and associativity") {
  const double x = 1.5, y = -0.5;
  CHECK(value("1 + 2 * 3") == 7);
  CHECK(value("(1 + 2) * 3") == 9);
  CHECK(value("2^3^2") == 512);           // right-associative: 2^(3^2)
  CHECK(value("-x^2", x) == -2.25);       // -(x^2)
  CHECK(value("(-x)^2", x) == 2.25);
  CHECK(value("-2^2") == -4);
  CHECK(value("2^-1") == 0.5);            // a sign may start an exponent
  CHECK(value("2^-x^2", 1) == 0.5);       // 2^(-(x^2))
  CHECK(value("8 / 4 / 2") == 1);         // left-associative
  CHECK(value("8 - 4 - 2") == 2);
  CHECK(value("1/2x", 4) == 2);           // implicit product binds like *: (1/2)·x
  CHECK(value("x - -y", x, y) == x + y);
  CHECK(value("x * -y", x, y) == -x * y);
  CHECK(value("--x", x) == x);
  CHECK(value("+x", x) == x);
  CHECK(value("x^2 - 3x", 2) == -2);
  CHECK(value("sin(x) + x/2", x) == Approx(std::sin(x) + x / 2));
  CHECK(value("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 3, 2) == 0);  // a Himmelblau minimum
  CHECK(value("1e3 + 2.5E-1 + .5 + 5.") == 1000 + 0.25 + 0.5 + 5);
}

TEST_CASE("expression: implicit products, constants and pasted Unicode") {
  const double x = 1.5, y = -0.5;
  CHECK(value("2x", x) == 3);
  CHECK(value("3(x+1)", x) == 7.5);
  CHECK(value("(x+1)(x-1)", x) == Approx(x * x - 1));
  CHECK(value("2 sin(x)", x) == Approx(2 * std::sin(x)));
  CHECK(value("x(x+1)", x) == Approx(x * (x + 1)));  // x is a variable, so this is a product
  CHECK(value("x y", x, y) == x * y);
  CHECK(value("(x)y", x, y) == x * y);
  CHECK(value("2x^2", 3) == 18);  // 2·(x^2)
  CHECK(value("pi") == kPi);
  CHECK(value("π") == kPi);
  CHECK(value("2π") == 2 * kPi);
  CHECK(value("e") == kE);
  CHECK(value("2e") == 2 * kE);              // "e" without digits after it is the constant
  CHECK(value("2e-3") == 0.002);             // with digits it is an exponent
  CHECK(value("2exp(x)", 0) == 2);
  CHECK(parse_ok("e", {"e"}).eval(5.0) == 5);  // a declared variable wins over the constant
  CHECK(value("x − y", x, y) == x - y);      // U+2212 minus sign
  CHECK(value("x × y", x, y) == x * y);
  CHECK(value("x · y", x, y) == x * y);
  CHECK(value("x ⋅ y", x, y) == x * y);
  CHECK(value("x²", 3) == 9);
  CHECK(value("x³", 2) == 8);
  CHECK(value("x²³", 1.1) == Approx(std::pow(1.1, 23)));  // a run of superscripts is one number
  CHECK(value("−x²", 3) == -9);
  CHECK(value("sin(x)²", x) == Approx(std::sin(x) * std::sin(x)));
  CHECK(value("x\u00a0+\u3000y", x, y) == x + y);  // no-break and ideographic spaces
  CHECK(value(" \t x \n+ \r 1 ", 1) == 2);
  CHECK(value("ln(e)") == 1);
  CHECK(value("log(e^2)") == Approx(2));
  CHECK(value("pow(2, 10)") == 1024);
  CHECK(value("min(x, y)", x, y) == y);
  CHECK(value("max(x, y)", x, y) == x);
}

TEST_CASE("expression: constant parts are folded, variables are kept") {
  CHECK(parse_ok("2 * pi * 3").program().size() == 1);
  CHECK(parse_ok("1/2x").program().size() == 3);  // 0.5, x, *
  CHECK(parse_ok("x^2").program().back().op == Expression::Op::PowerConstant);
  CHECK(parse_ok("x^(1/2)").program().back().op == Expression::Op::PowerConstant);
  CHECK(parse_ok("x^y").program().back().op == Expression::Op::Power);
  // A non-finite constant is not folded (so to_text never has to print "nan").
  CHECK(parse_ok("sqrt(-1)").program().size() == 2);
  CHECK(std::isnan(value("sqrt(-1)")));
  CHECK(parse_ok("sin(x)").variables() == std::vector<std::string>{"x", "y"});
}

TEST_CASE("expression: every error message names the problem and its column") {
  const auto check = [](std::string_view text, const std::string& error, int column) {
    const Failure f = parse_error(text);
    INFO("text: " << std::string(text));
    CHECK(f.error == error);
    CHECK(f.column == column);
  };
  const std::string functions = "sin, cos, tan, exp, log, ln, sqrt, abs, tanh, sigmoid, relu, "
                                "sinh, cosh, asin, acos, atan, min, max, pow";
  CHECK(expression_function_names() == functions);
  check("", "empty expression", 0);
  check("  \t ", "empty expression", 0);
  check("sin(x) + 1)", "unexpected \")\" at column 11", 11);
  check("(x + 1))", "unexpected \")\" at column 8", 8);
  check("sinn(x)", "unknown function \"sinn\" at column 1; functions: " + functions, 1);
  check("x + z", "unknown variable \"z\" at column 5; variables: x, y", 5);
  check("xy", "unknown variable \"xy\" at column 1; variables: x, y (for a product write x*y)", 1);
  check("(x", "missing \")\" for the \"(\" at column 1", 1);
  check("2 * sin(x", "missing \")\" for the \"sin(\" at column 5", 5);
  check("x +", "expected a value after \"+\" at column 3", 3);
  check("x^", "expected a value after \"^\" at column 2", 2);
  check("sin(", "expected a value after \"(\" at column 4", 4);
  check("()", "unexpected \")\" at column 2", 2);
  check("x 2", "unexpected \"2\" at column 3", 3);
  check("1.2.3", "unexpected \".3\" at column 4", 4);
  check("x, y", "unexpected \",\" at column 2", 2);
  check("(x, y)", "unexpected \",\" at column 3", 3);
  check("x * * y", "unexpected \"*\" at column 5", 5);
  check("²", "unexpected \"²\" at column 1", 1);
  check("x # 1", "unexpected \"#\" at column 3", 3);
  check("x + é", "unexpected \"é\" at column 5", 5);  // columns count characters, not bytes
  check("π + x + ä", "unexpected \"ä\" at column 9", 9);
  check("x\x07", "unexpected character U+0007 at column 2", 2);
  check("x + \xff", "invalid UTF-8 at column 5", 5);
  check("x + \xe2\x88", "invalid UTF-8 at column 5", 5);      // truncated
  check("\xc0\xaf", "invalid UTF-8 at column 1", 1);           // overlong "/"
  check("\xed\xa0\x80", "invalid UTF-8 at column 1", 1);       // a surrogate
  check("1e999 + x", "number \"1e999\" at column 1 is too large", 1);
  check("sin x", "\"sin\" at column 1 needs parentheses, like sin(x)", 1);
  check("2 max", "\"max\" at column 3 needs parentheses, like max(a, b)", 3);
  check("min(x)", "\"min\" at column 1 takes 2 arguments, not 1", 1);
  check("x + cos(x, y)", "\"cos\" at column 5 takes 1 argument, not 2", 5);
  // The leftmost problem wins, even when a later character could not be read.
  check(") é", "unexpected \")\" at column 1", 1);
  CHECK(parse_error("z", {}).error ==
        "unknown name \"z\" at column 1; this function has no variables");
}

TEST_CASE("expression: limits on length, nesting and size") {
  CHECK(parse_expression(std::string(499, ' ') + "1", {}).ok);
  Failure f = parse_error(std::string(501, '1'));
  CHECK(f.error == "expression is too long: 501 characters, at most 500");
  CHECK(f.column == 0);
  // Characters, not bytes: 500 π are 1000 bytes but a valid length.
  std::string pis;
  for (int i = 0; i < 250; ++i) pis += "π·";
  CHECK(parse_expression(pis.substr(0, pis.size() - 2), {}).ok);
  CHECK(parse_error(std::string(1'000'000, 'x')).error ==
        "expression is too long: 1000000 characters, at most 500");

  const auto nested = [](int depth, std::string_view open, std::string_view inner) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += open;
    s += inner;
    for (int i = 0; i < depth; ++i) s += ")";
    return s;
  };
  CHECK(parse_ok(nested(64, "(", "x")).eval(2.0) == 2);
  CHECK(parse_ok(nested(64, "sin(", "x")).program().size() == 65);
  f = parse_error(nested(65, "(", "x"));
  CHECK(f.error == "too deeply nested at column 65: at most 64 levels of parentheses");
  CHECK(f.column == 65);
  f = parse_error(nested(80, "abs(", "x"));
  CHECK(f.error == "too deeply nested at column 257: at most 64 levels of parentheses");
  // Long chains of signs and powers are loops, not recursion: no depth limit applies.
  CHECK(value(std::string(400, '-') + "x", 3) == 3);
  std::string tower = "1";
  for (int i = 0; i < 200; ++i) tower += "^x";
  CHECK(value(tower, 2) == 1);
  // The instruction limit, with a small limit to reach it.
  const ExpressionLimits small{500, 64, 10};
  CHECK(parse_expression("x+x+x+x+x", {"x"}, small).ok);  // 9 instructions
  f = parse_error("x+x+x+x+x+x", {"x"}, small);
  CHECK(f.error == "expression is too large at column 10: more than 10 operations");
  CHECK(f.column == 10);
  CHECK(parse_expression("1+1+1+1+1+1+1+1+1+1+1+1", {"x"}, small).ok);  // folded as it goes
  // With the default limits every 500-character input fits in 1000 instructions (each
  // character adds at most one instruction, plus one implicit product): the densest is "xπxπ…".
  std::string dense;
  for (int i = 0; i < 250; ++i) dense += "xπ";
  ExpressionResult r = parse_expression(dense, {"x"});
  REQUIRE(r.ok);
  CHECK(r.expression.program().size() == 999);
}

TEST_CASE("expression: variable declarations are checked") {
  const std::vector<std::string_view> bad_name = {"x", "2x"};
  CHECK(parse_expression("x", bad_name).error == "invalid variable name \"2x\"");
  const std::vector<std::string_view> function_name = {"sin"};
  CHECK(parse_expression("x", function_name).error == "invalid variable name \"sin\"");
  const std::vector<std::string_view> twice = {"x", "x"};
  CHECK(parse_expression("x", twice).error == "variable \"x\" is declared twice");
  CHECK(parse_expression("x", {""}).error == "invalid variable name \"\"");
  const std::vector<std::string_view> many = {"a", "b", "c", "theta", "lr_0"};
  const std::vector<double> values = {1, 2, 3, 4, 5};
  CHECK(parse_expression("theta * lr_0 + c", many).expression.eval(values) == 23);
}

TEST_CASE("expression: variables missing from the values read as NaN, a default is NaN") {
  const Expression f = parse_ok("x + y");
  const std::vector<double> only_x = {1};
  CHECK(std::isnan(f.eval(only_x)));
  CHECK(parse_ok("x").eval(only_x) == 1);
  CHECK(std::isnan(Expression().eval(1.0)));
  CHECK(std::isnan(Expression().hessian(1, 2).v));
  CHECK(Expression().to_text().empty());
}

TEST_CASE("expression: powers") {
  CHECK(value("(-2)^3") == -8);  // folded
  CHECK(value("x^3", -2) == -8);
  CHECK(value("x³", -2) == -8);
  CHECK(value("x^-1", -4) == -0.25);
  CHECK(value("x^y", -2, 3) == -8);  // a varying exponent still takes exact integer powers
  CHECK(std::isnan(value("x^0.5", -4)));
  CHECK(std::isnan(value("x^(1/3)", -8)));  // no real cube root by ^: NaN, like 0.5
  CHECK(value("x^0", 0) == 1);
  CHECK(value("0^0") == 1);
  CHECK(value("pow(x, 2)", -3) == 9);
  // Derivatives of constant powers follow the power rule, also for negative bases and at 0.
  const Expression cube = parse_ok("x^3");
  CHECK(cube.derivative(-2.0).d == 12);  // 3x²
  CHECK(cube.hessian(-2, 0).h(0, 0) == -12);  // 6x
  CHECK(parse_ok("x^0").derivative(0.0).d == 0);
  CHECK(parse_ok("x^1").hessian(0, 0).h(0, 0) == 0);
  CHECK(parse_ok("x^2").hessian(0, 0).h(0, 0) == 2);
  CHECK(std::isinf(parse_ok("x^0.5").derivative(0.0).d));
  // x^y: ∂/∂x = y x^(y−1), ∂/∂y = x^y ln x, ∂²/∂x∂y = x^(y−1)(1 + y ln x) (by hand).
  const Jet2 j = parse_ok("x^y").hessian(2, 3);
  CHECK(j.v == Approx(8));
  CHECK(j.g[0] == Approx(12));
  CHECK(j.g[1] == Approx(8 * std::log(2)));
  CHECK(j.h(0, 0) == Approx(3 * 2 * 2));                             // y(y−1)x^(y−2)
  CHECK(j.h(0, 1) == Approx(4 * (1 + 3 * std::log(2))));
  CHECK(j.h(1, 1) == Approx(8 * std::log(2) * std::log(2)));         // x^y ln² x
  // 2^y: ∂/∂y = 2^y ln 2; and 0^y has derivative 0 for y > 0.
  CHECK(parse_ok("2^y").gradient(0, 3).d[1] == Approx(8 * std::log(2)));
  CHECK(parse_ok("0^y").gradient(0, 3).d[1] == 0);
  // Negative base with a varying exponent: the value is exact, the derivative undefined.
  const Dual2 g = parse_ok("x^y").gradient(-2, 3);
  CHECK(g.v == -8);
  CHECK(std::isnan(g.d[1]));
}

TEST_CASE("expression: domain errors are NaN, poles infinite, kinks pick 0") {
  for (const char* text : {"sqrt(x)", "log(x)", "ln(x)", "asin(x - 2)", "acos(x - 2)"}) {
    INFO(text);
    const Expression f = parse_ok(text);
    CHECK(std::isnan(f.eval(-1.0)));
    CHECK(std::isnan(f.derivative(-1.0).d));  // undefined value, undefined derivative
    const Jet2 j = f.hessian(-1, 0);
    CHECK(std::isnan(j.g[0]));
    CHECK(std::isnan(j.h(0, 0)));
  }
  CHECK(std::isinf(value("1/x", 0)));
  CHECK(value("log(x)", 0) == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(value("x/x", 0)));
  CHECK(parse_ok("abs(x)").derivative(0.0).d == 0);
  CHECK(parse_ok("abs(x)").derivative(-3.0).d == -1);
  CHECK(parse_ok("relu(x)").derivative(0.0).d == 0);
  CHECK(parse_ok("relu(x)").derivative(2.0).d == 1);
  CHECK(parse_ok("relu(x)").eval(-2.0) == 0);
  CHECK(std::isnan(parse_ok("relu(x)").eval(kNaN)));
  // min and max follow the chosen argument, the first on a tie; NaN propagates.
  CHECK(parse_ok("min(x, y)").gradient(1, 1).d == Eigen::Vector2d(1, 0));
  CHECK(parse_ok("max(y, x)").gradient(1, 1).d == Eigen::Vector2d(0, 1));
  CHECK(parse_ok("max(x, y)").gradient(1, 2).d == Eigen::Vector2d(0, 1));
  CHECK(std::isnan(value("min(x, y)", kNaN, 1)));
  CHECK(std::isnan(value("max(x, y)", 1, kNaN)));
  CHECK(value("sigmoid(x)", 800) == 1);  // no overflow in e^−x on either side
  CHECK(value("sigmoid(x)", -800) == 0);
}

TEST_CASE("expression: each function's value, derivative and second derivative by hand") {
  struct Case {
    const char* text;
    std::function<double(double)> f, f1, f2;  // closed forms from the table of derivatives
    std::vector<double> at;
  };
  const auto sq = [](double v) { return v * v; };
  const auto sig = [](double v) { return 1 / (1 + std::exp(-v)); };
  const std::vector<Case> cases = {
      {"sin(x)", [](double x) { return std::sin(x); }, [](double x) { return std::cos(x); },
       [](double x) { return -std::sin(x); }, {-2, 0, 0.7, 3}},
      {"cos(x)", [](double x) { return std::cos(x); }, [](double x) { return -std::sin(x); },
       [](double x) { return -std::cos(x); }, {-2, 0, 0.7, 3}},
      {"tan(x)", [](double x) { return std::tan(x); },
       [&](double x) { return 1 / sq(std::cos(x)); },
       [&](double x) { return 2 * std::sin(x) / (sq(std::cos(x)) * std::cos(x)); }, {-1, 0, 0.7}},
      {"exp(x)", [](double x) { return std::exp(x); }, [](double x) { return std::exp(x); },
       [](double x) { return std::exp(x); }, {-2, 0, 1.5}},
      {"log(x)", [](double x) { return std::log(x); }, [](double x) { return 1 / x; },
       [](double x) { return -1 / (x * x); }, {0.3, 1, 4}},
      {"ln(x)", [](double x) { return std::log(x); }, [](double x) { return 1 / x; },
       [](double x) { return -1 / (x * x); }, {0.3, 1, 4}},
      {"sqrt(x)", [](double x) { return std::sqrt(x); },
       [](double x) { return 0.5 / std::sqrt(x); },
       [](double x) { return -0.25 * std::pow(x, -1.5); }, {0.3, 1, 4}},
      {"abs(x)", [](double x) { return std::abs(x); },
       [](double x) { return x > 0 ? 1.0 : -1.0; }, [](double) { return 0.0; }, {-2, 0.5}},
      {"tanh(x)", [](double x) { return std::tanh(x); },
       [&](double x) { return 1 / sq(std::cosh(x)); },
       [&](double x) { return -2 * std::sinh(x) / (sq(std::cosh(x)) * std::cosh(x)); },
       {-2, 0, 0.7}},
      {"sigmoid(x)", sig, [&](double x) { return std::exp(-x) / sq(1 + std::exp(-x)); },
       [&](double x) {
         const double e = std::exp(-x);
         return e * (e - 1) / (sq(1 + e) * (1 + e));
       },
       {-3, 0, 0.7, 4}},
      {"relu(x)", [](double x) { return x > 0 ? x : 0; },
       [](double x) { return x > 0 ? 1.0 : 0.0; }, [](double) { return 0.0; }, {-2, 0.5}},
      {"sinh(x)", [](double x) { return std::sinh(x); }, [](double x) { return std::cosh(x); },
       [](double x) { return std::sinh(x); }, {-2, 0, 0.7}},
      {"cosh(x)", [](double x) { return std::cosh(x); }, [](double x) { return std::sinh(x); },
       [](double x) { return std::cosh(x); }, {-2, 0, 0.7}},
      {"asin(x)", [](double x) { return std::asin(x); },
       [](double x) { return 1 / std::sqrt(1 - x * x); },
       [](double x) { return x * std::pow(1 - x * x, -1.5); }, {-0.9, 0, 0.5}},
      {"acos(x)", [](double x) { return std::acos(x); },
       [](double x) { return -1 / std::sqrt(1 - x * x); },
       [](double x) { return -x * std::pow(1 - x * x, -1.5); }, {-0.9, 0, 0.5}},
      {"atan(x)", [](double x) { return std::atan(x); },
       [](double x) { return 1 / (1 + x * x); },
       [&](double x) { return -2 * x / sq(1 + x * x); }, {-2, 0, 0.7}},
      // d/dx sin(x)·e^x = e^x(sin x + cos x), d²/dx² = 2e^x cos x
      {"sin(x) e^x", [](double x) { return std::sin(x) * std::exp(x); },
       [](double x) { return std::exp(x) * (std::sin(x) + std::cos(x)); },
       [](double x) { return 2 * std::exp(x) * std::cos(x); }, {-1, 0, 0.5, 2}},
      // d/dx x²/(1 + x²) = 2x/(1 + x²)², d²/dx² = (2 − 6x²)/(1 + x²)³
      {"x^2 / (1 + x^2)", [](double x) { return x * x / (1 + x * x); },
       [&](double x) { return 2 * x / sq(1 + x * x); },
       [&](double x) { return (2 - 6 * x * x) / (sq(1 + x * x) * (1 + x * x)); }, {-1, 0, 0.5, 2}},
      // d/dx log(1 + e^(2x)) = 2σ(2x), d²/dx² = 4σ(2x)(1 − σ(2x))
      {"log(1 + exp(2x))", [](double x) { return std::log(1 + std::exp(2 * x)); },
       [&](double x) { return 2 * sig(2 * x); },
       [&](double x) { return 4 * sig(2 * x) * (1 - sig(2 * x)); }, {-1, 0, 0.5, 2}},
      // d/dx sqrt(x² + 1)^3 = 3x sqrt(x²+1), d²/dx² = 3 sqrt(x²+1) + 3x²/sqrt(x²+1)
      {"sqrt(x² + 1)³", [](double x) { return std::pow(x * x + 1, 1.5); },
       [](double x) { return 3 * x * std::sqrt(x * x + 1); },
       [](double x) { return 3 * std::sqrt(x * x + 1) + 3 * x * x / std::sqrt(x * x + 1); },
       {-1, 0, 0.5, 2}},
      // x^x = e^(x ln x): (x^x)′ = x^x(ln x + 1), (x^x)″ = x^x((ln x + 1)² + 1/x)
      {"x^x", [](double x) { return std::pow(x, x); },
       [](double x) { return std::pow(x, x) * (std::log(x) + 1); },
       [&](double x) { return std::pow(x, x) * (sq(std::log(x) + 1) + 1 / x); }, {0.5, 1, 2}},
  };
  for (const Case& c : cases) {
    const Expression e = parse_ok(c.text);
    for (double x : c.at) {
      INFO(c.text << " at x = " << x);
      const Dual d = e.derivative(x);
      const Dual2 g = e.gradient(x, 0.25);
      const Jet2 j = e.hessian(x, 0.25);
      CHECK(same(e.eval(x), c.f(x), 1e-14));
      CHECK(same(d.v, c.f(x), 1e-14));
      CHECK(same(d.d, c.f1(x), 1e-12));
      CHECK(same(g.d[0], c.f1(x), 1e-12));
      CHECK(g.d[1] == 0);  // y does not appear
      CHECK(same(j.g[0], c.f1(x), 1e-12));
      CHECK(same(j.h(0, 0), c.f2(x), 1e-12));
      CHECK(j.h(0, 1) == 0);
      // Second check: central differences of the value and of the AD first derivative.
      if (x != 0 || (std::string(c.text) != "abs(x)" && std::string(c.text) != "relu(x)")) {
        const auto f = [&](double t) { return e.eval(t); };
        const auto f1 = [&](double t) { return e.derivative(t).d; };
        CHECK(same(central_difference(f, x), d.d, 1e-7));
        CHECK(same(central_difference(f1, x), j.h(0, 0), 1e-7));
      }
    }
  }
}

TEST_CASE("expression: Rosenbrock and Himmelblau gradients and Hessians") {
  // Rosenbrock f = (1 − x)² + 100(y − x²)² (Nocedal & Wright §2.1):
  //   ∇f = (−2(1 − x) − 400x(y − x²), 200(y − x²)),
  //   ∇²f = [[1200x² − 400y + 2, −400x], [−400x, 200]].
  const Expression rosenbrock = parse_ok("(1 - x)^2 + 100(y - x^2)^2");
  // Himmelblau f = (x² + y − 11)² + (x + y² − 7)², by hand:
  //   ∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7),  ∂f/∂y = 2(x² + y − 11) + 4y(x + y² − 7),
  //   ∂²f/∂x² = 12x² + 4y − 42, ∂²f/∂x∂y = 4x + 4y, ∂²f/∂y² = 4x + 12y² − 26.
  const Expression himmelblau = parse_ok("(x² + y − 11)² + (x + y² − 7)²");
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> u(-4, 4);
  for (int trial = 0; trial < 50; ++trial) {
    const double x = trial == 0 ? 1 : u(rng), y = trial == 0 ? 1 : u(rng);
    INFO("at (" << x << ", " << y << ")");
    const Jet2 r = rosenbrock.hessian(x, y);
    const double r2 = (y - x * x) * (y - x * x);
    CHECK(r.v == Approx((1 - x) * (1 - x) + 100 * r2).epsilon(1e-12).margin(1e-9));
    CHECK(r.g[0] == Approx(-2 * (1 - x) - 400 * x * (y - x * x)).epsilon(1e-12).margin(1e-9));
    CHECK(r.g[1] == Approx(200 * (y - x * x)).epsilon(1e-12).margin(1e-9));
    CHECK(r.h(0, 0) == Approx(1200 * x * x - 400 * y + 2).epsilon(1e-12).margin(1e-9));
    CHECK(r.h(0, 1) == Approx(-400 * x).epsilon(1e-12).margin(1e-9));
    CHECK(r.h(1, 0) == Approx(-400 * x).epsilon(1e-12).margin(1e-9));
    CHECK(r.h(1, 1) == Approx(200).epsilon(1e-12).margin(1e-9));
    const Dual2 rg = rosenbrock.gradient(x, y);
    CHECK(rg.d[0] == Approx(r.g[0]).epsilon(1e-12).margin(1e-9));
    CHECK(rg.d[1] == Approx(r.g[1]).epsilon(1e-12).margin(1e-9));

    const Jet2 h = himmelblau.hessian(x, y);
    const double a = x * x + y - 11, b = x + y * y - 7;
    CHECK(h.v == Approx(a * a + b * b).epsilon(1e-12).margin(1e-9));
    CHECK(h.g[0] == Approx(4 * x * a + 2 * b).epsilon(1e-12).margin(1e-9));
    CHECK(h.g[1] == Approx(2 * a + 4 * y * b).epsilon(1e-12).margin(1e-9));
    CHECK(h.h(0, 0) == Approx(12 * x * x + 4 * y - 42).epsilon(1e-12).margin(1e-9));
    CHECK(h.h(0, 1) == Approx(4 * x + 4 * y).epsilon(1e-12).margin(1e-9));
    CHECK(h.h(1, 0) == h.h(0, 1));
    CHECK(h.h(1, 1) == Approx(4 * x + 12 * y * y - 26).epsilon(1e-12).margin(1e-9));
  }
  // At the minima the gradient vanishes: Rosenbrock (1, 1), Himmelblau (3, 2).
  CHECK(rosenbrock.gradient(1, 1).d.norm() == 0);
  CHECK(himmelblau.gradient(3, 2).d.norm() == 0);
  // One Newton step from near the minimum lands much nearer (quadratic convergence).
  Eigen::Vector2d p(3.1, 1.9);
  for (int step = 0; step < 6; ++step) {
    const Jet2 j = himmelblau.hessian(p.x(), p.y());
    p -= j.h.ldlt().solve(j.g);
  }
  CHECK((p - Eigen::Vector2d(3, 2)).norm() < 1e-12);
}

TEST_CASE("expression: derivatives with respect to chosen variables") {
  const std::vector<std::string_view> names = {"a", "b", "t"};
  const Expression f = parse_expression("a t^2 + b sin(t)", names).expression;
  const std::vector<double> at = {2, 3, 0.5};
  // ∂/∂t = 2at + b cos t, ∂/∂a = t², ∂²/∂t² = 2a − b sin t, ∂²/∂t∂a = 2t
  CHECK(f.derivative(at, 2).d == Approx(2 * 2 * 0.5 + 3 * std::cos(0.5)));
  CHECK(f.derivative(at, 0).d == Approx(0.25));
  const Jet2 j = f.hessian(at, 2, 0);
  CHECK(j.g[0] == Approx(2 * 2 * 0.5 + 3 * std::cos(0.5)));
  CHECK(j.g[1] == Approx(0.25));
  CHECK(j.h(0, 0) == Approx(4 - 3 * std::sin(0.5)));
  CHECK(j.h(0, 1) == Approx(1));
  CHECK(j.h(1, 1) == 0);
  const Dual2 g = f.gradient(at, 1, 2);
  CHECK(g.d[0] == Approx(std::sin(0.5)));
  CHECK(g.d[1] == Approx(j.g[0]));
}

// --- Randomized round trips -------------------------------------------------------------------

namespace {

// An expression tree, evaluated recursively: the reference the compiled program must match.
struct Node {
  enum Kind { Number, X, Y, Pi, Neg, Add, Sub, Mul, Div, Pow, Call, Min, Max } kind = Number;
  double number = 0;
  std::string function;
  std::unique_ptr<Node> a, b;
};

const char* kUnary[] = {"sin", "cos", "tan", "exp", "log", "ln", "sqrt", "abs", "tanh",
                        "sigmoid", "relu", "sinh", "cosh", "asin", "acos", "atan"};
const char* kSmooth[] = {"sin", "cos", "exp", "tanh", "sigmoid", "atan"};
const double kNumbers[] = {1, 2, 3, 0.5, 1.5, 10, 0.25};

double call(const std::string& f, double v) {
  if (f == "sin") return std::sin(v);
  if (f == "cos") return std::cos(v);
  if (f == "tan") return std::tan(v);
  if (f == "exp") return std::exp(v);
  if (f == "log" || f == "ln") return std::log(v);
  if (f == "sqrt") return std::sqrt(v);
  if (f == "abs") return std::abs(v);
  if (f == "tanh") return std::tanh(v);
  if (f == "sigmoid") return v >= 0 ? 1 / (1 + std::exp(-v)) : std::exp(v) / (1 + std::exp(v));
  if (f == "relu") return std::isnan(v) ? v : v > 0 ? v : 0;
  if (f == "sinh") return std::sinh(v);
  if (f == "cosh") return std::cosh(v);
  if (f == "asin") return std::asin(v);
  if (f == "acos") return std::acos(v);
  if (f == "atan") return std::atan(v);
  return kNaN;
}

double evaluate(const Node& n, double x, double y) {
  switch (n.kind) {
    case Node::Number: return n.number;
    case Node::X: return x;
    case Node::Y: return y;
    case Node::Pi: return kPi;
    case Node::Neg: return -evaluate(*n.a, x, y);
    case Node::Add: return evaluate(*n.a, x, y) + evaluate(*n.b, x, y);
    case Node::Sub: return evaluate(*n.a, x, y) - evaluate(*n.b, x, y);
    case Node::Mul: return evaluate(*n.a, x, y) * evaluate(*n.b, x, y);
    case Node::Div: return evaluate(*n.a, x, y) / evaluate(*n.b, x, y);
    case Node::Pow: return std::pow(evaluate(*n.a, x, y), evaluate(*n.b, x, y));
    case Node::Call: return call(n.function, evaluate(*n.a, x, y));
    case Node::Min:
    case Node::Max: {
      const double a = evaluate(*n.a, x, y), b = evaluate(*n.b, x, y);
      if (std::isnan(a) || std::isnan(b)) return kNaN;
      return n.kind == Node::Min ? (b < a ? b : a) : (b > a ? b : a);
    }
  }
  return kNaN;
}

struct Generator {
  std::mt19937_64 rng;
  bool smooth_only = false;  // for derivative checks: no kinks, poles or domain edges
  int pick(int n) { return int(rng() % std::uint64_t(n)); }
  bool coin(int percent = 50) { return pick(100) < percent; }

  std::unique_ptr<Node> leaf() {
    auto n = std::make_unique<Node>();
    const int k = pick(smooth_only ? 3 : 4);
    if (k == 0) n->kind = Node::X;
    else if (k == 1) n->kind = Node::Y;
    else if (k == 2) n->number = kNumbers[pick(7)];
    else n->kind = Node::Pi;
    return n;
  }

  std::unique_ptr<Node> tree(int depth) {
    if (depth == 0 || coin(20)) return leaf();
    auto n = std::make_unique<Node>();
    const int k = pick(smooth_only ? 7 : 10);
    switch (k) {
      case 0: n->kind = Node::Neg; break;
      case 1: n->kind = Node::Add; break;
      case 2: n->kind = Node::Sub; break;
      case 3: n->kind = Node::Mul; break;
      case 4: n->kind = Node::Pow; break;
      case 5:
      case 6:
        n->kind = Node::Call;
        n->function = smooth_only ? kSmooth[pick(6)] : kUnary[pick(16)];
        break;
      case 7: n->kind = Node::Div; break;
      case 8: n->kind = Node::Min; break;
      default: n->kind = Node::Max; break;
    }
    n->a = tree(depth - 1);
    if (n->kind == Node::Pow) {
      // Mostly small integer exponents (superscripts among them), sometimes a variable one.
      if (smooth_only || coin(70)) {
        n->b = std::make_unique<Node>();
        n->b->number = double(pick(5));  // 0..4
        if (smooth_only && n->b->number < 2) n->b->number = 2;
      } else {
        n->b = tree(depth - 1);
      }
    } else if (n->kind != Node::Neg && n->kind != Node::Call) {
      n->b = tree(depth - 1);
    }
    return n;
  }

  // Renders the tree as a reader might type it, from a grammar level's point of view:
  // 1 sum, 2 product, 3 signed, 4 power, 5 atom. Parentheses only where needed, plus some
  // spare ones; implicit products, Unicode operators and superscripts at random.
  struct Text {
    std::string s;
    int level;
  };
  std::string space() { return coin(30) ? " " : ""; }
  std::string wrap(const Text& t, int level) {
    if (t.level >= level && !coin(10)) return t.s;
    return "(" + space() + t.s + space() + ")";
  }
  Text render(const Node& n) {
    switch (n.kind) {
      case Node::Number: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", n.number);
        return {buf, 5};
      }
      case Node::X: return {"x", 5};
      case Node::Y: return {"y", 5};
      case Node::Pi: return {coin() ? "pi" : "π", 5};
      case Node::Neg: return {(coin(70) ? "-" : "−") + space() + wrap(render(*n.a), 4), 3};
      case Node::Call: return {n.function + space() + "(" + space() + render(*n.a).s + ")", 5};
      case Node::Min:
      case Node::Max:
        return {std::string(n.kind == Node::Min ? "min(" : "max(") + render(*n.a).s + "," +
                    space() + render(*n.b).s + ")",
                5};
      case Node::Pow: {
        const std::string base = wrap(render(*n.a), 5);
        if (n.b->kind == Node::Number && (n.b->number == 2 || n.b->number == 3) && coin())
          return {base + (n.b->number == 2 ? "²" : "³"), 4};
        return {base + space() + "^" + space() + wrap(render(*n.b), 3), 4};
      }
      case Node::Add:
      case Node::Sub: {
        const std::string op = n.kind == Node::Add ? "+" : coin(70) ? "-" : "−";
        return {wrap(render(*n.a), 1) + space() + op + space() + wrap(render(*n.b), 2), 1};
      }
      case Node::Mul:
      case Node::Div: {
        const std::string left = wrap(render(*n.a), 2);
        const std::string right = wrap(render(*n.b), 3);
        const char first = right[0];
        const char last = left.back();
        const bool right_starts_factor = std::isalpha(static_cast<unsigned char>(first)) ||
                                         first == '(' || right.rfind("π", 0) == 0;
        // An implicit product needs a gap between two names ("x y", not "xy").
        if (n.kind == Node::Mul && right_starts_factor && coin()) {
          const bool names_touch = std::isalnum(static_cast<unsigned char>(last)) &&
                                   !std::isdigit(static_cast<unsigned char>(last)) &&
                                   first != '(';
          return {left + (names_touch ? " " : space()) + right, 2};
        }
        const char* times[] = {"*", "×", "·"};
        const std::string op = n.kind == Node::Div ? "/" : times[pick(3)];
        return {left + space() + op + space() + right, 2};
      }
    }
    return {"?", 5};
  }
};

}  // namespace

TEST_CASE("expression: random trees round-trip through text (fixed seed)") {
  Generator gen{std::mt19937_64(12345)};
  std::uniform_real_distribution<double> u(-2, 2);
  ExpressionLimits roomy;
  roomy.max_characters = 100000;  // to_text spells constants to 17 digits
  int finite = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const auto tree = gen.tree(1 + trial % 6);
    const std::string text = gen.render(*tree).s;
    INFO("text: " << text);
    ExpressionResult r = parse_expression(text, {"x", "y"}, roomy);
    INFO(r.error);
    REQUIRE(r.ok);
    const std::string canonical = r.expression.to_text();
    INFO("canonical: " << canonical);
    ExpressionResult again = parse_expression(canonical, {"x", "y"}, roomy);
    REQUIRE(again.ok);
    CHECK(again.expression.to_text() == canonical);
    for (int k = 0; k < 4; ++k) {
      const double x = u(gen.rng), y = u(gen.rng);
      const double expected = evaluate(*tree, x, y);
      const double got = r.expression.eval(x, y);
      CHECK(same(got, expected));
      const double reread = again.expression.eval(x, y);
      CHECK((reread == got || (std::isnan(reread) && std::isnan(got))));
      finite += std::isfinite(got);
    }
  }
  CHECK(finite > 4000);  // most points are in the domain, so the comparison means something
}

TEST_CASE("expression: random smooth trees: forward modes agree with each other and with "
          "central differences (fixed seed)") {
  Generator gen{std::mt19937_64(777), true};
  std::uniform_real_distribution<double> u(-1.5, 1.5);
  int checked = 0, total = 0;
  for (int trial = 0; trial < 500; ++trial) {
    const auto tree = gen.tree(1 + trial % 5);
    const std::string text = gen.render(*tree).s;
    INFO("text: " << text);
    const Expression e = parse_ok(text);
    for (int k = 0; k < 3; ++k) {
      const double x = u(gen.rng), y = u(gen.rng);
      INFO("at (" << x << ", " << y << ")");
      const double v = e.eval(x, y);
      if (!std::isfinite(v) || std::abs(v) > 1e6) continue;
      ++total;
      const Dual dx = e.derivative(std::vector<double>{x, y}, 0);
      const Dual dy = e.derivative(std::vector<double>{x, y}, 1);
      const Dual2 g = e.gradient(x, y);
      const Jet2 j = e.hessian(x, y);
      CHECK(dx.v == v);
      CHECK(g.v == v);
      CHECK(j.v == v);
      CHECK(same(g.d[0], dx.d, 1e-10));
      CHECK(same(g.d[1], dy.d, 1e-10));
      CHECK(same(j.g[0], dx.d, 1e-10));
      CHECK(same(j.g[1], dy.d, 1e-10));
      CHECK(j.h(0, 1) == j.h(1, 0));  // symmetric by construction
      // Central differences at two step sizes; where they agree the function is smooth enough
      // here for them to be a reference.
      const auto fx = [&](double t) { return e.eval(t, y); };
      const auto fy = [&](double t) { return e.eval(x, t); };
      const auto gx = [&](double t) { return e.gradient(t, y).d; };
      const double cx1 = central_difference(fx, x, 1e-4), cx2 = central_difference(fx, x, 5e-5);
      const double cy1 = central_difference(fy, y, 1e-4), cy2 = central_difference(fy, y, 5e-5);
      if (!same(cx1, cx2, 1e-6) || !same(cy1, cy2, 1e-6)) continue;
      const Eigen::Vector2d hx = (gx(x + 1e-5) - gx(x - 1e-5)) / 2e-5;  // first Hessian column
      CHECK(same(dx.d, cx2, 1e-6));
      CHECK(same(dy.d, cy2, 1e-6));
      CHECK(same(j.h(0, 0), hx[0], 1e-5));
      CHECK(same(j.h(1, 0), hx[1], 1e-5));
      ++checked;
    }
  }
  CHECK(checked > total * 9 / 10);
  CHECK(total > 1000);
}

TEST_CASE("typed expression: keeps the last good function and reparses only on change") {
  mml::TypedExpression f("x", "x^2");
  REQUIRE(f.error.empty());
  CHECK(f.version == 1);
  CHECK(f(3).v == 9);
  CHECK(f(3).d == 6);
  f.update("x^2");
  CHECK(f.version == 1);
  f.update("x^2 +");
  CHECK_FALSE(f.error.empty());
  CHECK(f(3).v == 9);  // the last good function stays
  CHECK(f.version == 1);
  f.update("2x");
  CHECK(f.error.empty());
  CHECK(f.version == 2);
  CHECK(f(3).v == 6);
}
