#include "data/decimal.h"

#include "data/cell_values.h"

namespace hyoka {

namespace {

__int128 power_of_ten(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

__int128 magnitude(__int128 n) {
  return n < 0 ? -n : n;
}

// The ASCII form of one character of a figure: full-width digits, comma and point as their
// ASCII twins; 0 for anything else. `at` moves past the character.
char ascii_of(std::string_view text, std::size_t& at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) {
    ++at;
    return static_cast<char>(c);
  }
  // U+FF0C ， U+FF0E ． U+FF10..U+FF19 ０..９: EF BC 8C, EF BC 8E, EF BC 90..99.
  if (c == 0xEF && at + 2 < text.size() && static_cast<unsigned char>(text[at + 1]) == 0xBC) {
    const auto last = static_cast<unsigned char>(text[at + 2]);
    at += 3;
    if (last == 0x8C) return ',';
    if (last == 0x8E) return '.';
    if (last >= 0x90 && last <= 0x99) return static_cast<char>('0' + (last - 0x90));
    return 0;
  }
  return 0;
}

// Signs a figure may start with: ASCII and full-width plus and minus, U+2212 and the ▲ △ of
// Japanese accounts. -1, 1, or 0 when `text` starts with none; `at` moves past it.
int sign_of(std::string_view text, std::size_t& at) {
  static constexpr std::pair<std::string_view, int> signs[] = {
      {"-", -1},     {"+", 1},       {"\u2212", -1}, {"\uFF0D", -1},
      {"\uFF0B", 1}, {"\u25B2", -1}, {"\u25B3", -1}};
  for (const auto& [sign, value] : signs) {
    if (text.substr(at).starts_with(sign)) {
      at += sign.size();
      return value;
    }
  }
  return 0;
}

// Digits (ASCII already), one optional point, and the separators allowed: `,` in the whole
// part in groups of three (spreadsheets), or `_` between digits (TOML).
std::variant<Decimal, std::string> read_digits(const std::string& ascii, int sign, char separator) {
  Decimal out;
  bool point = false, any = false;
  int digits = 0, group = 0;  // significant digits; digits since the last separator
  bool separators = false;
  for (std::size_t i = 0; i < ascii.size(); ++i) {
    const char c = ascii[i];
    if (c >= '0' && c <= '9') {
      if (digits > 0 || c != '0' || point) ++digits;  // leading zeros are not digits
      if (digits > kMaxDecimalDigits) return std::string("has more than 18 digits");
      out.digits = out.digits * 10 + (c - '0');
      if (point && ++out.decimals > kMaxDecimalPlaces) {
        return std::string("has more than 9 decimals");
      }
      if (!point) ++group;
      any = true;
    } else if (c == separator && !point && separator == ',') {
      if (!any || (separators ? group != 3 : group > 3)) {
        return std::string("has a thousands separator out of place");
      }
      separators = true;
      group = 0;
    } else if (c == separator && separator == '_') {
      if (i == 0 || i + 1 == ascii.size() || ascii[i - 1] < '0' || ascii[i - 1] > '9' ||
          ascii[i + 1] < '0' || ascii[i + 1] > '9') {
        return std::string("has an underscore that is not between digits");
      }
    } else if (c == '.' && !point) {
      if (!any) return std::string("has no digit before its decimal point");
      if (separators && group != 3) return std::string("has a thousands separator out of place");
      point = true;
      if (i + 1 == ascii.size()) return std::string("has no digit after its decimal point");
    } else {
      return std::string("is not a number");
    }
  }
  if (!any) return std::string("is not a number");
  if (!point && separators && group != 3) {
    return std::string("has a thousands separator out of place");
  }
  if (sign < 0) out.digits = -out.digits;
  return out;
}

}  // namespace

bool operator==(const Decimal& a, const Decimal& b) {
  return compare(a, b) == 0;
}

int compare(const Decimal& a, const Decimal& b) {
  const int scale = a.decimals > b.decimals ? a.decimals : b.decimals;
  const auto x = a.digits * power_of_ten(scale - a.decimals);
  const auto y = b.digits * power_of_ten(scale - b.decimals);
  return x < y ? -1 : x > y ? 1 : 0;
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  const int scale = a.decimals > b.decimals ? a.decimals : b.decimals;
  return {a.digits * power_of_ten(scale - a.decimals) - b.digits * power_of_ten(scale - b.decimals),
          scale};
}

std::variant<Decimal, std::string> parse_decimal(std::string_view text) {
  const auto cell = trim_cell(text);
  std::size_t at = 0;
  const int sign = sign_of(cell, at);
  std::string ascii;
  while (at < cell.size()) {
    const char c = ascii_of(cell, at);
    if (c == 0) return std::string("is not a number");
    ascii += c;
  }
  return read_digits(ascii, sign < 0 ? -1 : 1, ',');
}

std::variant<Decimal, std::string> parse_toml_number_text(std::string_view text) {
  std::size_t at = 0;
  int sign = 1;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    sign = text[0] == '-' ? -1 : 1;
    at = 1;
  }
  const auto rest = text.substr(at);
  if (rest.find_first_of("eE") != std::string_view::npos || rest.starts_with("inf") ||
      rest.starts_with("nan")) {
    return std::string("is not written as the report prints it (no exponent, inf or nan)");
  }
  if (rest.size() > 1 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'o' || rest[1] == 'b')) {
    return std::string("is not a decimal number");
  }
  return read_digits(std::string(rest), sign, '_');
}

std::string format_decimal(const Decimal& value, bool plain) {
  auto n = magnitude(value.digits);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(n % 10)));
    n /= 10;
  } while (n > 0);
  const auto places = static_cast<std::size_t>(value.decimals);
  if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
  const auto whole = digits.substr(0, digits.size() - places);
  std::string out;
  if (value.digits < 0) out = plain ? "-" : "\u2212";
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (!plain && i > 0 && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  if (places > 0) out += "." + digits.substr(whole.size());
  return out;
}

std::optional<Percentage> percentage(const Decimal& a, const Decimal& b, int decimals,
                                     Rounding rounding) {
  if (b.digits == 0) return std::nullopt;
  // a / b = (a.digits * 10^b.decimals) / (b.digits * 10^a.decimals); at most 10^27 each.
  auto num = magnitude(a.digits) * power_of_ten(b.decimals) * 100 * power_of_ten(decimals);
  const auto den = magnitude(b.digits) * power_of_ten(a.decimals);
  auto quotient = num / den;
  const auto remainder = num % den;
  switch (rounding) {
    case Rounding::truncate:
      break;
    case Rounding::half_up:  // away from zero on a tie, as 四捨五入 is done on the figure's size
      if (2 * remainder >= den) ++quotient;
      break;
    case Rounding::half_even:
      if (2 * remainder > den || (2 * remainder == den && quotient % 2 == 1)) ++quotient;
      break;
  }
  const bool negative = (a.digits < 0) != (b.digits < 0);
  return Percentage{negative ? -quotient : quotient, decimals};
}

std::string format_percentage(const Percentage& value) {
  return format_decimal(Decimal{value.scaled, value.decimals}, true);
}

}  // namespace hyoka
