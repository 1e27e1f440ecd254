// The cells of hyoka's CSV files, shared by every CSV it writes (open_data_tables.cpp and
// open_data_indicators.cpp), so that they quote and guard cells alike.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "output_plugins/open_data.h"

namespace hyoka {

inline void append_number(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

inline void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// A text cell. Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return
// as a formula (=HYPERLINK(…) in an area's title): in the Excel CSV such a cell starts with an
// apostrophe, which makes it text (OWASP's rule for CSV injection). Numbers never come here.
inline void append_csv_text(std::string& out, std::string_view text, CsvFlavour flavour) {
  if (flavour == CsvFlavour::excel && !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    append_csv_field(out, "'" + std::string(text));
    return;
  }
  append_csv_field(out, text);
}

// The CSV's first line, after a byte-order mark for Excel: on Japanese Windows it reads UTF-8
// only with one.
inline std::string csv_heading(const std::vector<CsvColumn>& layout, CsvFlavour flavour) {
  std::string out = flavour == CsvFlavour::excel ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < layout.size(); ++i) {
    if (i) out += ',';
    append_csv_text(out, layout[i].name, flavour);
  }
  out += "\r\n";
  return out;
}

}  // namespace hyoka
