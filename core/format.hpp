#pragma once
// Every number a reader sees is formatted here, once: sensible significant digits, a true minus
// sign (U+2212) for display, and a plain ASCII form for URLs and embed snippets.
#include <Eigen/Core>
#include <string>

namespace mml {

// For display: 3 significant digits by default, trailing zeros dropped, "−" for negatives,
// values within 1e-9 of zero shown as "0" (no "−0").
std::string format_number(double value, int significant_digits = 3);

// For display where tiny or huge values occur: like format_number, with exponents written as a
// reader writes them ("1×10⁻⁵", "2.5×10⁷") rather than "1e-05".
std::string format_number_math(double value, int significant_digits = 3);

// For URLs and snippets: ASCII, round-trips at the given precision ("-0.3", "1.5", "2e-05").
std::string format_number_ascii(double value, int significant_digits = 6);

// For display: an index as subscript digits, for x₀, x₁₂ ("₋" before a negative one).
std::string format_subscript(long k);

// Rounds a positive v to `digits` significant digits (0.001234 → 0.0012 at 2): slider values that
// read well in a panel and a URL. Zero, negative and non-finite values are returned unchanged.
double round_sig(double v, int digits = 2);

// For display: "(1, −0.5)", each component as format_number shows it.
std::string format_vector(const Eigen::Ref<const Eigen::VectorXd>& v, int significant_digits = 3);

// For display: an amount of information, "1 bit", "1.75 bits", and "∞" where it is infinite
// (a code that gives an outcome that happens no codeword) or undefined.
std::string format_bits(double bits);

// For display: a matrix row by row, "[[0, −1], [1, 1]]", each entry as format_number shows it.
std::string format_matrix(const Eigen::Ref<const Eigen::MatrixXd>& m, int significant_digits = 3);

}  // namespace mml
