#include "web/plot/csv.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mml {

std::string CsvCell::number(double v) {
  if (std::isnan(v)) return "";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return "0";  // also −0
  char buffer[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

std::string CsvCell::quoted(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void CsvCell::append_to(std::string& out) const {
  switch (kind_) {
    case Kind::Empty: break;
    case Kind::Number: out += number(number_); break;
    case Kind::Integer: out += std::to_string(integer_); break;
    case Kind::Unsigned: out += std::to_string(unsigned_); break;
    case Kind::Text: out += quoted(text_); break;
  }
}

std::string CsvCell::text() const {
  std::string out;
  append_to(out);
  return out;
}

void CsvTable::row(std::span<const CsvCell> cells) {
  bool first = true;
  for (const CsvCell& c : cells) {
    if (!first) text_ += ',';
    c.append_to(text_);
    first = false;
  }
  text_ += "\r\n";
}

}  // namespace mml
