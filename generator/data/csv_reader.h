// CSV as RFC 4180 describes it and Excel writes it: cells separated by commas, records by CRLF
// or LF, a cell in double quotes may hold commas, line breaks and doubled quotes. Every cell
// keeps the byte offset where it starts, so that a problem in it is reported at its line and
// column. (Debian's libcsv reads the same format but reports no positions.)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

struct CsvCell {
  std::string text;        // unquoted
  std::size_t offset = 0;  // where the cell starts in the text (its opening quote, if any)
};

using CsvRecord = std::vector<CsvCell>;

struct CsvProblem {
  std::size_t offset = 0;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRecord> records;
  std::optional<CsvProblem> problem;  // the first problem; records stop before it
};

CsvTable read_csv(std::string_view text);

}  // namespace hyoka
