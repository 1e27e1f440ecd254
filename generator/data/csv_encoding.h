// The text of a CSV file as Excel saves it on Japanese Windows: "CSV (comma delimited)" is
// Shift_JIS as Windows extends it (CP932: ①, ㈱, 髙), "CSV UTF-8" is UTF-8 with a byte-order
// mark, and other programs write UTF-8 without one. A mark or valid UTF-8 is read as UTF-8,
// anything else as CP932 (glibc's iconv), unless the dataset says which it is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

enum class CsvEncoding { utf8, cp932 };

// The names a dataset may give (`encoding = "cp932"`), and the encoding of each.
std::optional<CsvEncoding> parse_csv_encoding(std::string_view name);
const std::vector<std::string>& csv_encoding_names();

struct DecodedCsv {
  std::string text;  // UTF-8, without a byte-order mark
  // For `--verbose`: "UTF-8 with BOM", "UTF-8", "CP932 (Shift_JIS)"; "UTF-16" (with no text),
  // which hyoka does not read.
  std::string encoding;
  // Where in `text` the first byte that is not of the encoding was (it became U+FFFD there).
  std::optional<std::size_t> bad_byte;
};

DecodedCsv decode_csv(std::string_view bytes, std::optional<CsvEncoding> declared);

}  // namespace hyoka
