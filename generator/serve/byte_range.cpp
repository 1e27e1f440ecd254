#include "serve/byte_range.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

namespace hyoka {

namespace {

std::string_view trim_whitespace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

// 1*DIGIT. A number too large for 64 bits saturates: it lies past the end of any file all
// the same.
std::optional<std::uint64_t> parse_position(std::string_view digits) {
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    value = value > (kMax - digit) / 10 ? kMax : value * 10 + digit;
  }
  return value;
}

// The one range-spec of the set, or nullopt when there are none or several. Empty list
// elements do not count (RFC 9110 §5.6.1).
std::optional<std::string_view> only_range_spec(std::string_view range_set) {
  std::optional<std::string_view> only;
  while (true) {
    const auto comma = range_set.find(',');
    const auto element = trim_whitespace(range_set.substr(0, comma));
    if (!element.empty()) {
      if (only) return std::nullopt;
      only = element;
    }
    if (comma == std::string_view::npos) return only;
    range_set.remove_prefix(comma + 1);
  }
}

}  // namespace

ByteRange select_byte_range(std::string_view range_header, std::size_t size) {
  using Kind = ByteRange::Kind;
  const auto header = trim_whitespace(range_header);
  const auto equals = header.find('=');
  if (equals == std::string_view::npos ||
      !equals_ignoring_case(header.substr(0, equals), "bytes")) {
    return {};
  }
  const auto spec = only_range_spec(header.substr(equals + 1));
  if (!spec) return {};
  const auto dash = spec->find('-');
  if (dash == std::string_view::npos) return {};
  const auto first_text = spec->substr(0, dash);
  const auto last_text = spec->substr(dash + 1);
  const auto file_size = static_cast<std::uint64_t>(size);

  if (first_text.empty()) {
    // A suffix-range: the last N bytes, or the whole file when it is shorter.
    const auto suffix = parse_position(last_text);
    if (!suffix) return {};
    if (*suffix == 0) return {Kind::unsatisfiable, 0, 0};
    // Satisfiable, but by no bytes at all, which no Content-Range can say: the whole file.
    if (size == 0) return {};
    const auto length = std::min(*suffix, file_size);
    return {Kind::partial, static_cast<std::size_t>(file_size - length),
            static_cast<std::size_t>(length)};
  }
  const auto first = parse_position(first_text);
  if (!first) return {};
  auto last = std::numeric_limits<std::uint64_t>::max();
  if (!last_text.empty()) {
    const auto given = parse_position(last_text);
    // A last-pos before first-pos makes the range invalid (§14.1.1): ignored, as a header
    // that does not parse.
    if (!given || *given < *first) return {};
    last = *given;
  }
  if (*first >= file_size) return {Kind::unsatisfiable, 0, 0};
  last = std::min(last, file_size - 1);
  return {Kind::partial, static_cast<std::size_t>(*first),
          static_cast<std::size_t>(last - *first + 1)};
}

std::string content_range(const ByteRange& range, std::size_t size) {
  const auto total = "/" + std::to_string(size);
  switch (range.kind) {
    case ByteRange::Kind::partial:
      return "bytes " + std::to_string(range.first) + "-" +
             std::to_string(range.first + range.length - 1) + total;
    case ByteRange::Kind::unsatisfiable:
      return "bytes *" + total;
    case ByteRange::Kind::whole:
      break;
  }
  return "";
}

}  // namespace hyoka
