#pragma once
// Reads a figure's CSV back for the tests, strictly by RFC 4180: every record ends with CRLF,
// fields may be quoted ("" inside is one quote), and every record has the header's field count.
// Written independently of web/plot/csv.hpp, so a writer bug does not hide itself.
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mml::test {

struct CsvRead {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of the header field `name`; throws when absent.
  std::size_t column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("no CSV column " + std::string(name));
  }
  std::string text(std::size_t row, std::string_view name) const { return rows.at(row).at(column(name)); }
  // A numeric field: strtod must consume all of it; an empty field is NaN.
  double number(std::size_t row, std::string_view name) const {
    const std::string s = text(row, name);
    if (s.empty()) return NAN;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) throw std::runtime_error("not a number in CSV: " + s);
    return v;
  }
};

inline CsvRead read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  const auto fail = [](const char* what) { throw std::runtime_error(std::string("bad CSV: ") + what); };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) fail("unterminated quote");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') field += '"', i += 2;
          else { ++i; break; }
        } else {
          field += text[i++];
        }
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') fail("quote inside an unquoted field");
        field += text[i++];
      }
    }
    if (i >= text.size()) fail("last record without CRLF");
    if (text[i] == ',') {
      record.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      i += 2;
    } else {
      fail("bare CR or LF");
    }
  }
  if (records.empty()) fail("no header");
  CsvRead out;
  out.header = records.front();
  out.rows.assign(records.begin() + 1, records.end());
  for (const auto& r : out.rows)
    if (r.size() != out.header.size()) fail("a record's field count differs from the header's");
  return out;
}

}  // namespace mml::test
