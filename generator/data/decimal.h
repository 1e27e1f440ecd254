// Decimal figures as a report prints them (「87.5」, 「1,234」, 「0.35」, 「▲12」), kept as the
// digits and the number of decimals printed: no binary double ever holds a published figure, so
// 0.35 stays 35 hundredths and prints as 0.35, and arithmetic on them is exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "data/ratio.h"

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

// A TOML number's source text, as toml++ leaves it behind: 「87.5」, 「1_234」, 「-0.35」, 「+3」.
// Exponents, inf and nan are refused: a report prints none.
std::variant<Decimal, std::string> parse_toml_number_text(std::string_view text);

// 「1,234.5」 with the value's own decimals, a minus sign U+2212 for pages; for CSV and JSON
// `plain` gives 「-1234.5」.
std::string format_decimal(const Decimal& value, bool plain = false);

// a / b as a percentage rounded to `decimals` places by `rounding`, the sign kept; nullopt
// when b is 0. Exact: both are brought to the same scale as integers first.
struct Percentage {
  __int128 scaled = 0;  // the percentage times 10^decimals
  int decimals = 1;
};
std::optional<Percentage> percentage(const Decimal& a, const Decimal& b, int decimals,
                                     Rounding rounding);
// 「87.5」 (「-12.0」 below zero), for CSV and data attributes; pages add their % sign.
std::string format_percentage(const Percentage& value);

Decimal operator-(const Decimal& a, const Decimal& b);
// -1, 0 or 1.
int compare(const Decimal& a, const Decimal& b);

}  // namespace hyoka
