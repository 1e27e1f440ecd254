#include "data/ratio.h"

namespace hyoka {

std::optional<Rounding> parse_rounding(const std::string& name) {
  if (name == "truncate") return Rounding::truncate;
  if (name == "half-up") return Rounding::half_up;
  if (name == "half-even") return Rounding::half_even;
  return std::nullopt;
}

std::string rounding_name(Rounding rounding) {
  switch (rounding) {
    case Rounding::truncate:
      return "truncate";
    case Rounding::half_up:
      return "half-up";
    case Rounding::half_even:
      return "half-even";
  }
  return "truncate";
}

RatioValue compute_ratio(std::int64_t numerator, std::int64_t denominator, int decimals,
                         Rounding rounding) {
  RatioValue out;
  out.decimals = decimals;
  if (denominator <= 0 || numerator < 0) return out;
  out.defined = true;
  unsigned __int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const auto num = static_cast<unsigned __int128>(numerator) * scale;
  const auto den = static_cast<unsigned __int128>(denominator);
  auto quotient = num / den;
  const auto remainder = num % den;
  switch (rounding) {
    case Rounding::truncate:
      break;
    case Rounding::half_up:
      if (2 * remainder >= den) ++quotient;
      break;
    case Rounding::half_even:
      if (2 * remainder > den || (2 * remainder == den && quotient % 2 == 1)) ++quotient;
      break;
  }
  // Rounding must not make unequal counts look equal, on either side of 100%.
  if (quotient == scale && numerator < denominator) --quotient;
  if (quotient == scale && numerator > denominator) ++quotient;
  out.scaled = quotient;
  return out;
}

static std::string to_decimal(unsigned __int128 n) {
  char buffer[40];
  char* end = buffer + sizeof buffer;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(n % 10));
    n /= 10;
  } while (n > 0);
  return std::string(p, end);
}

std::string format_ratio_number(const RatioValue& value) {
  if (!value.defined) return "";
  std::string digits = to_decimal(value.scaled);
  if (value.decimals == 0) return digits;
  const auto places = static_cast<std::size_t>(value.decimals);
  if (digits.size() <= places) digits = std::string(places + 1 - digits.size(), '0') + digits;
  const auto whole = digits.size() - places;
  return digits.substr(0, whole) + "." + digits.substr(whole);
}

std::string format_count(std::int64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_ratio(const RatioValue& value) {
  return value.defined ? format_ratio_number(value) + "%" : "\u2212";
}

}  // namespace hyoka
