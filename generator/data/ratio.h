// Ratios as percentages from integer counts, with exact integer arithmetic: no floating point
// touches a published figure. The source report truncates (14/18 → 77.7%).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hyoka {

enum class Rounding { truncate, half_up, half_even };

std::optional<Rounding> parse_rounding(const std::string& name);
std::string rounding_name(Rounding rounding);

struct RatioValue {
  bool defined = false;          // false when the denominator is 0
  unsigned __int128 scaled = 0;  // the percentage times 10^decimals
  int decimals = 1;
};

// numerator / denominator as a percentage rounded to `decimals` places. It never reads 100
// unless numerator equals denominator: 999/1000 rounded half-up to 0 places is 99, not 100.
RatioValue compute_ratio(std::int64_t numerator, std::int64_t denominator, int decimals,
                         Rounding rounding);

// "77.7" (no sign), or "" when undefined; for CSV and data attributes.
std::string format_ratio_number(const RatioValue& value);
// "77.7%", or "−" (U+2212) when the denominator is 0; for pages.
std::string format_ratio(const RatioValue& value);

// A count as pages and charts show it: 1,234.
std::string format_count(std::int64_t n);

}  // namespace hyoka
