#pragma once
// The data a figure holds, as a CSV table for spreadsheets (Figure::csv(), the toolbar's
// "Download CSV"): RFC 4180 (comma separated, CRLF line ends, a field with a comma, quote or line
// break quoted and its quotes doubled), a header row, numbers at full precision (the shortest
// text that reads back as the same double), and an empty field where a value is undefined.
//   CsvTable table({"step", "x", "loss"});
//   for (…) table.row({k, x, loss});
// A cell only holds what it was given (a number, or a view of text) and is written out by row():
// use cells in the row() call that makes them, so text they view is still there. The writing is
// out of line (web/plot/csv.cpp), so a figure's code is only the cells' values.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace mml {

// One field: a number, an integer, text, or nothing.
class CsvCell {
 public:
  constexpr CsvCell() = default;  // an empty field
  constexpr CsvCell(double v) : kind_(Kind::Number), number_(v) {}
  constexpr CsvCell(int v) : kind_(Kind::Integer), integer_(v) {}
  constexpr CsvCell(long v) : kind_(Kind::Integer), integer_(v) {}
  constexpr CsvCell(long long v) : kind_(Kind::Integer), integer_(v) {}
  constexpr CsvCell(unsigned long v) : kind_(Kind::Unsigned), unsigned_(v) {}
  constexpr CsvCell(unsigned long long v) : kind_(Kind::Unsigned), unsigned_(v) {}
  constexpr CsvCell(std::string_view s) : kind_(Kind::Text), text_(s) {}
  constexpr CsvCell(const char* s) : kind_(Kind::Text), text_(s) {}
  CsvCell(const std::string& s) : kind_(Kind::Text), text_(s) {}

  // The field as written: numbers as number() writes them, text quoted when it must be.
  std::string text() const;
  void append_to(std::string& out) const;

  // The shortest of 15, 16 or 17 significant digits that reads back exactly; "inf" or "-inf"
  // for infinities (read by spreadsheets, Python and R), "" for NaN (undefined).
  static std::string number(double v);
  static std::string quoted(std::string_view s);

 private:
  enum class Kind : std::uint8_t { Empty, Number, Integer, Unsigned, Text };
  Kind kind_ = Kind::Empty;
  union {
    double number_ = 0;
    long long integer_;
    unsigned long long unsigned_;
  };
  std::string_view text_;
};

// Rows appended one at a time under a fixed header.
class CsvTable {
 public:
  CsvTable(std::initializer_list<CsvCell> header) { row(header); }
  explicit CsvTable(std::span<const CsvCell> header) { row(header); }
  void row(std::initializer_list<CsvCell> cells) { row(std::span(cells.begin(), cells.size())); }
  void row(std::span<const CsvCell> cells);
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace mml
