// The counts and fiscal years people type into spreadsheet cells, as Excel writes them to CSV:
// 「1,234」 with thousands separators, full-width digits （１２３）, spaces around them, and
// fiscal years as 2023, 2023年度 or 令和5年度.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hyoka {

// The cell without the spaces around it (ASCII spaces and tabs, and the full-width space).
std::string_view trim_cell(std::string_view cell);

// A count (a whole number from 0), or why the cell is not one, in words.
std::variant<std::int64_t, std::string> parse_count_cell(std::string_view cell);

// A fiscal year as its Western starting year, or why the cell is not one, in words.
std::variant<int, std::string> parse_period_cell(std::string_view cell);

}  // namespace hyoka
