#include "core/format.hpp"

#include <cmath>
#include <cstdio>

namespace mml {

std::string format_number_ascii(double value, int significant_digits) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (std::abs(value) < 1e-9) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", significant_digits, value);
  return buf;
}

std::string format_number(double value, int significant_digits) {
  std::string ascii = format_number_ascii(value, significant_digits);
  if (!ascii.empty() && ascii[0] == '-') return "\u2212" + ascii.substr(1);
  return ascii;
}

}  // namespace mml
