// The figures of a KPI dataset as a report prints them: a TOML string exactly as printed, or a
// TOML number read from the file's own text (never through toml++'s double), or the reason it
// is missing. Bounded so that every rate computed from them is exact in 128 bits.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/toml_reader.h"
#include "config/missing_reason.h"
#include "data/indicators.h"

namespace hyoka {

// Within these, every step of a rate (a difference, a percentage, a bound compared exactly by
// cross-multiplying) stays far inside 128 bits; a report prints nothing larger.
inline constexpr int kMaxValueDigits = 15;
inline constexpr int kMaxBoundDigits = 9;
inline constexpr int kMaxValueDecimals = 4;

// A decimal from a string or a number; the error names what was written: `"1,100人" is not a
// number`.
std::variant<Decimal, std::string> decimal_of(const SourceText& source, const TomlReader& reader,
                                              const toml::node& node);
// Why `value` is beyond the limits ("has more than 15 digits"), or nullopt.
std::optional<std::string> beyond_limits(const Decimal& value, int max_digits);
// The missing value's reason `text` names: 1 + its index into `reasons`.
std::optional<std::uint16_t> reason_of(const std::string& text,
                                       const std::vector<MissingReason>& reasons);

// A value, or the reason it is missing; nullopt after a problem (reported).
std::optional<KpiValue> read_value(TomlReader& reader, const SourceText& source,
                                   const toml::node& node,
                                   const std::vector<MissingReason>& reasons);
// One value per period.
std::optional<std::vector<KpiValue>> read_values(TomlReader& reader, const SourceText& source,
                                                 const toml::node& node, const std::string& name,
                                                 std::size_t periods,
                                                 const std::vector<MissingReason>& reasons);

}  // namespace hyoka
