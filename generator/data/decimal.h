// Decimal figures as a report prints them (「87.5」, 「1,234」, 「0.35」, 「▲12」), kept as the
// digits and the number of decimals printed: no binary double ever holds a published figure, so
// 0.35 stays 35 hundredths, and comparing it is exact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hyoka {

struct Decimal {
  __int128 digits = 0;  // the value times 10^decimals
  int decimals = 0;     // as printed: 「87.50」 has 2

  // Equal in value, whatever their decimals: 87.5 == 87.50.
  friend bool operator==(const Decimal& a, const Decimal& b);
};

// The most decimals and digits hyoka reads: enough for any figure of a report, and a product of
// two such values still fits in 128 bits.
inline constexpr int kMaxDecimalPlaces = 9;
inline constexpr int kMaxDecimalDigits = 18;

// A figure as typed in a TOML string or a spreadsheet cell: an optional sign (-, −, ▲ or △, the
// last two as Japanese accounts print a negative), digits with or without thousands
// separators (「1,234」 with ASCII or full-width commas, groups of three), full-width digits,
// and a decimal point (. or ．). Spaces around it are allowed. Why it is not one, in words.
std::variant<Decimal, std::string> parse_decimal(std::string_view text);

// -1, 0 or 1.
int compare(const Decimal& a, const Decimal& b);

}  // namespace hyoka
