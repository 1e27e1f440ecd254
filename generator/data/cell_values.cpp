#include "data/cell_values.h"

#include <limits>

#include "base/era.h"
#include "base/quoted.h"
#include "base/utf8.h"

namespace hyoka {

namespace {

constexpr std::string_view kFullWidthSpace = "\u3000";

// The cell with full-width digits, commas, signs and stops made ASCII; nullopt when it holds
// anything else a number cannot.
std::optional<std::string> ascii_number(std::string_view cell) {
  std::string out;
  for (std::size_t at = 0; at < cell.size();) {
    const auto c = utf8::next(cell, at);
    if (!c) return std::nullopt;
    if (const auto digit = utf8::digit_value(*c)) {
      out += static_cast<char>('0' + *digit);
    } else if (*c == U',' || *c == U'，') {
      out += ',';
    } else if (*c == U'-' || *c == U'－' || *c == U'−') {
      out += '-';
    } else if (*c == U'.' || *c == U'．') {
      out += '.';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

// Digits in groups of three after the first, when there are commas at all: 1,234,567.
bool well_grouped(std::string_view digits) {
  if (digits.find(',') == std::string_view::npos) return true;
  std::size_t group = 0;
  bool first = true;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (digits[i] != ',') {
      ++group;
      continue;
    }
    if (group == 0 || group > 3 || (!first && group != 3)) return false;
    first = false;
    group = 0;
  }
  return group == 3;
}

}  // namespace

std::string_view trim_cell(std::string_view cell) {
  for (;;) {
    if (cell.starts_with(' ') || cell.starts_with('\t')) {
      cell.remove_prefix(1);
    } else if (cell.starts_with(kFullWidthSpace)) {
      cell.remove_prefix(kFullWidthSpace.size());
    } else if (cell.ends_with(' ') || cell.ends_with('\t')) {
      cell.remove_suffix(1);
    } else if (cell.ends_with(kFullWidthSpace)) {
      cell.remove_suffix(kFullWidthSpace.size());
    } else {
      return cell;
    }
  }
}

std::variant<std::int64_t, std::string> parse_count_cell(std::string_view cell) {
  const auto text = trim_cell(cell);
  if (text.empty()) return std::string("a count must be given here");
  const auto not_a_count =
      quoted(text) + " is not a count: write a whole number such as 12 or 1,234";
  auto ascii = ascii_number(text);
  if (!ascii || ascii->empty()) return not_a_count;
  std::string_view number = *ascii;
  const bool negative = number.starts_with('-');
  if (negative) number.remove_prefix(1);
  // 12.0 is twelve; 12.5 is no count.
  if (const auto stop = number.find('.'); stop != std::string_view::npos) {
    if (number.find_first_not_of('0', stop + 1) != std::string_view::npos) {
      return quoted(text) + " is not a count: counts are whole numbers";
    }
    number = number.substr(0, stop);
  }
  if (number.empty() || number.find('-') != std::string_view::npos || number.front() == ',' ||
      !well_grouped(number)) {
    return not_a_count;
  }
  std::int64_t value = 0;
  for (const char c : number) {
    if (c == ',') continue;
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, c - '0', &value)) {
      return quoted(text) + " is more than a count can be (9,223,372,036,854,775,807)";
    }
  }
  if (negative && value != 0) return "a count cannot be negative: " + std::string(text);
  return value;
}

std::variant<int, std::string> parse_period_cell(std::string_view cell) {
  const auto text = trim_cell(cell);
  const auto problem = (text.empty() ? std::string("a fiscal year must be given here")
                                     : quoted(text) + " is not a fiscal year") +
                       ": write it as 2023, 2023年度 or 令和5年度";
  auto rest = text;
  if (rest.ends_with("年度")) rest.remove_suffix(std::string_view("年度").size());
  std::string era;
  for (const auto& name : era_names()) {
    if (rest.starts_with(name)) {
      era = name;
      rest.remove_prefix(name.size());
    }
  }
  int year = 0;
  if (!era.empty() && rest == "元") {
    year = 1;
  } else {
    if (rest.empty()) return problem;
    for (std::size_t at = 0; at < rest.size();) {
      const auto c = utf8::next(rest, at);
      const auto digit = c ? utf8::digit_value(*c) : std::nullopt;
      if (!digit || year > 9999) return problem;
      year = year * 10 + *digit;
    }
  }
  if (era.empty()) return year;
  if (const auto western = to_western(era, year)) return *western;
  return quoted(text) + " is not a year of " + era;
}

}  // namespace hyoka
