// libFuzzer target for core/expression: any bytes are parsed with variables x and y; whatever
// parses is evaluated (value, derivative, gradient, Hessian) at a few points, printed back with
// to_text and parsed again. Besides "never crash, hang or leak" it checks what must hold for
// every input:
//  - an error has a message and a column inside the text (0 = the whole text);
//  - every evaluation mode computes the same value, bit for bit (or NaN in all);
//  - the Hessian is exactly symmetric;
//  - to_text parses back to a program that prints the same and evaluates identically.
// Run by scripts/fuzz.sh; a failing input is a regression test in tests/unit/test_expression.cpp.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/expression.hpp"

namespace {

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz_expression: %s\n", what);
  std::abort();
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mml;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ExpressionResult r = parse_expression(text, {"x", "y"});
  if (!r.ok) {
    require(!r.error.empty(), "an error without a message");
    require(r.column >= 0 && std::size_t(r.column) <= characters(text) + 1,
            "an error column outside the text");
    return 0;
  }
  const Expression& e = r.expression;
  require(!e.program().empty(), "an empty program");
  const double points[][2] = {{0, 0}, {1.5, -0.5}, {-2, 3}, {1e-3, 7}, {-0.5, -1e6}};
  for (const auto& p : points) {
    const double v = e.eval(p[0], p[1]);
    const Dual d = e.derivative(p[0]);  // y reads as NaN here: only x is given
    const Dual dy = e.derivative(std::span<const double>(p, 2), 1);
    const Dual2 g = e.gradient(p[0], p[1]);
    const Jet2 j = e.hessian(p[0], p[1]);
    require(same(dy.v, v) && same(g.v, v) && same(j.v, v), "evaluation modes disagree");
    require(same(d.v, e.eval(p[0])), "derivative and value disagree");
    require(same(j.h(0, 1), j.h(1, 0)), "the Hessian is not symmetric");
  }
  ExpressionLimits roomy;
  roomy.max_characters = 1 << 20;  // to_text spells constants to 17 digits
  const std::string canonical = e.to_text();
  const ExpressionResult again = parse_expression(canonical, {"x", "y"}, roomy);
  if (!again.ok) std::fprintf(stderr, "to_text gave \"%s\": %s\n", canonical.c_str(),
                              again.error.c_str());
  require(again.ok, "to_text does not parse back");
  require(again.expression.to_text() == canonical, "to_text is not a fixed point");
  for (const auto& p : points)
    require(same(again.expression.eval(p[0], p[1]), e.eval(p[0], p[1])),
            "to_text evaluates differently");
  return 0;
}
