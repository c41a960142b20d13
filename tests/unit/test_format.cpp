#include <catch2/catch.hpp>

#include <cmath>

#include "core/format.hpp"

using mml::format_bits;
using mml::format_number;
using mml::format_number_ascii;

TEST_CASE("numbers are shown with three significant digits and a true minus sign") {
  CHECK(format_number(0.75) == "0.75");
  CHECK(format_number(-0.75) == "\u22120.75");
  CHECK(format_number(1.0) == "1");
  CHECK(format_number(2.0 / 3.0) == "0.667");
  CHECK(format_number(1234.5) == "1.23e+03");
  CHECK(format_number(-1e-12) == "0");  // no "−0" from round-off
}

TEST_CASE("ASCII numbers round-trip at six digits") {
  CHECK(format_number_ascii(-0.3) == "-0.3");
  CHECK(format_number_ascii(1.5) == "1.5");
  CHECK(format_number_ascii(0.8660254037844386) == "0.866025");
  CHECK(format_number_ascii(2e-5) == "2e-05");
}

TEST_CASE("math display writes exponents with a times sign and superscripts") {
  CHECK(mml::format_number_math(1e-5) == "1\u00d710\u207b\u2075");
  CHECK(mml::format_number_math(-2.5e7) == "\u22122.5\u00d710\u2077");
  CHECK(mml::format_number_math(1.25e-8, 3) == "1.25\u00d710\u207b\u2078");
  CHECK(mml::format_number_math(1e-10) == "0");  // like format_number: below 1e-9 is zero
  CHECK(mml::format_number_math(0.5) == "0.5");
}

TEST_CASE("vectors and matrices show each entry as format_number does") {
  CHECK(mml::format_vector(Eigen::Vector2d(1, -0.5)) == "(1, \u22120.5)");
  CHECK(mml::format_vector(Eigen::Vector3d(2.0 / 3.0, 0, 1e-12)) == "(0.667, 0, 0)");
  CHECK(mml::format_vector(Eigen::Vector2d(1.23456, 2), 5) == "(1.2346, 2)");
  CHECK(mml::format_vector(Eigen::VectorXd()) == "()");
  Eigen::Matrix2d quarter_turn;
  quarter_turn << 0, -1, 1, 1;
  CHECK(mml::format_matrix(quarter_turn) == "[[0, \u22121], [1, 1]]");  // row by row
  Eigen::Matrix<double, 2, 3> wide;
  wide << 1, 2, 3, 4, 5, 6.54321;
  CHECK(mml::format_matrix(wide) == "[[1, 2, 3], [4, 5, 6.54]]");
}

TEST_CASE("information is shown in bits, singular for exactly one, infinity for an impossible code") {
  CHECK(format_bits(1) == "1 bit");
  CHECK(format_bits(1.75) == "1.75 bits");
  CHECK(format_bits(0) == "0 bits");
  CHECK(format_bits(0.999999) == "1 bit");  // singular as shown: not "1 bits"
  CHECK(format_bits(-1) == "\u22121 bits");
  CHECK(format_bits(INFINITY) == "\u221e");
  CHECK(format_bits(NAN) == "\u221e");
}

TEST_CASE("indices as subscripts: x\u2080, x\u2081\u2082") {
  CHECK(mml::format_subscript(0) == "\u2080");
  CHECK(mml::format_subscript(12) == "\u2081\u2082");
  CHECK(mml::format_subscript(907) == "\u2089\u2080\u2087");
  CHECK(mml::format_subscript(-3) == "\u208b\u2083");
}

// round_sig keeps two significant digits by default: the panels' sliders round to it.
TEST_CASE("round_sig rounds to significant digits and leaves zero, negatives and non-finite values") {
  using mml::round_sig;
  CHECK(round_sig(0.001234) == Approx(0.0012).epsilon(1e-12));
  CHECK(round_sig(1.5e-3) == Approx(1.5e-3).epsilon(1e-12));
  CHECK(round_sig(0.1666) == Approx(0.17).epsilon(1e-12));
  CHECK(round_sig(7.25) == Approx(7.3).epsilon(1e-12));   // halves round away from zero (std::round)
  CHECK(round_sig(98.7) == Approx(99).epsilon(1e-12));
  CHECK(round_sig(99.7) == Approx(100).epsilon(1e-12));   // rounding up gains a digit
  CHECK(round_sig(123456, 3) == Approx(123000).epsilon(1e-12));
  CHECK(round_sig(0.98765, 1) == Approx(1).epsilon(1e-12));
  CHECK(round_sig(1) == 1);
  CHECK(round_sig(0) == 0);
  CHECK(round_sig(-0.1234) == -0.1234);
  CHECK(std::isnan(round_sig(NAN)));
  CHECK(std::isinf(round_sig(INFINITY)));
  // Idempotent: a rounded value stays put (the slider sets it again every frame).
  for (double v : {1e-5, 3.3e-4, 0.017, 0.5, 1.0, 42.0})
    CHECK(round_sig(round_sig(v * 1.2345)) == round_sig(v * 1.2345));
}
