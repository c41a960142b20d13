#pragma once
// The data a figure holds, as a CSV table for spreadsheets (Figure::csv(), the toolbar's
// "Download CSV"): RFC 4180 (comma separated, CRLF line ends, a field with a comma, quote or line
// break quoted and its quotes doubled), a header row, numbers at full precision (the shortest
// text that reads back as the same double), and an empty field where a value is undefined.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace mml {

// One field: a number, an integer, text, or nothing.
class CsvCell {
 public:
  CsvCell() = default;  // an empty field
  CsvCell(double v) : text_(number(v)) {}
  CsvCell(int v) : text_(std::to_string(v)) {}
  CsvCell(long v) : text_(std::to_string(v)) {}
  CsvCell(long long v) : text_(std::to_string(v)) {}
  CsvCell(unsigned long v) : text_(std::to_string(v)) {}
  CsvCell(unsigned long long v) : text_(std::to_string(v)) {}
  CsvCell(std::string_view s) : text_(quoted(s)) {}
  CsvCell(const char* s) : text_(quoted(s)) {}
  CsvCell(const std::string& s) : text_(quoted(s)) {}
  const std::string& text() const { return text_; }

  // The shortest of 15, 16 or 17 significant digits that reads back exactly; "inf" or "-inf"
  // for infinities (read by spreadsheets, Python and R), "" for NaN (undefined).
  static std::string number(double v) {
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
  static std::string quoted(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + '"';
  }

 private:
  std::string text_;
};

// Rows appended one at a time under a fixed header.
class CsvTable {
 public:
  explicit CsvTable(const std::vector<CsvCell>& header) { row(header); }
  void row(const std::vector<CsvCell>& cells) {
    bool first = true;
    for (const CsvCell& c : cells) {
      if (!first) text_ += ',';
      text_ += c.text();
      first = false;
    }
    text_ += "\r\n";
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace mml
