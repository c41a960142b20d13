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

std::string format_number_math(double value, int significant_digits) {
  const std::string s = format_number(value, significant_digits);
  const auto e = s.find('e');
  if (e == std::string::npos) return s;
  static const char* const kSuperscript[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                             "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string out = s.substr(0, e) + "\u00d710";
  std::size_t i = e + 1;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    if (s[i] == '-') out += "\u207b";
    ++i;
  }
  while (i < s.size() && s[i] == '0') ++i;  // "05" → "5"
  for (; i < s.size(); ++i) out += kSuperscript[s[i] - '0'];
  return out;
}

std::string format_bits(double bits) {
  if (!std::isfinite(bits)) return "\u221e";
  const std::string shown = format_number(bits);
  return shown + (shown == "1" ? " bit" : " bits");  // singular as the reader sees it: 0.9999 shows "1 bit"
}

double round_sig(double v, int digits) {
  if (!(v > 0) || !std::isfinite(v)) return v;
  const double unit = std::pow(10.0, std::floor(std::log10(v)) - (digits - 1));
  return std::round(v / unit) * unit;
}

std::string format_vector(const Eigen::Ref<const Eigen::VectorXd>& v, int significant_digits) {
  std::string out = "(";
  for (Eigen::Index i = 0; i < v.size(); ++i) out += (i ? ", " : "") + format_number(v[i], significant_digits);
  return out + ")";
}

std::string format_matrix(const Eigen::Ref<const Eigen::MatrixXd>& m, int significant_digits) {
  std::string out = "[";
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    out += r ? ", [" : "[";
    for (Eigen::Index c = 0; c < m.cols(); ++c) out += (c ? ", " : "") + format_number(m(r, c), significant_digits);
    out += "]";
  }
  return out + "]";
}

std::string format_subscript(long k) {
  static const char* const kDigits[] = {"\u2080", "\u2081", "\u2082", "\u2083", "\u2084",
                                        "\u2085", "\u2086", "\u2087", "\u2088", "\u2089"};
  std::string s = k < 0 ? "\u208b" : "";
  for (char c : std::to_string(k < 0 ? -k : k)) s += kDigits[c - '0'];
  return s;
}

}  // namespace mml
