#include <catch2/catch.hpp>

#include "core/format.hpp"

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
