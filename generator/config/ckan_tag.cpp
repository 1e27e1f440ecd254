#include "config/ckan_tag.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include "base/utf8.h"

namespace hyoka {

namespace {

struct Range {
  char32_t first, last;
};

// Python's r'\w' beyond ASCII, which tag_name_validator's r'[\w \-.]*$' matches with.
constexpr Range kWordRanges[] = {
#include "config/ckan_tag_characters.inc"
};

bool is_word(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  const auto after = std::upper_bound(std::begin(kWordRanges), std::end(kWordRanges), c,
                                      [](char32_t v, const Range& r) { return v < r.first; });
  return after != std::begin(kWordRanges) && c <= std::prev(after)->last;
}

std::string code_point_name(char32_t c) {
  char name[16];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
  return name;
}

}  // namespace

std::optional<std::string> ckan_tag_problem(std::string_view tag) {
  if (utf8::first_invalid(tag)) return "it is not UTF-8";
  const std::size_t length = utf8::length(tag);
  if (length < 2) return "CKAN tags are at least 2 characters long";
  if (length > 100) {
    return "CKAN tags are at most 100 characters long, and this one has " + std::to_string(length);
  }
  for (std::size_t pos = 0; pos < tag.size();) {
    const std::size_t start = pos;
    const char32_t c = *utf8::next(tag, pos);
    if (is_word(c) || c == ' ' || c == '-' || c == '.') continue;
    const std::string shown = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
                                  ? code_point_name(c)
                                  : "「" + std::string(tag.substr(start, pos - start)) + "」 (" +
                                        code_point_name(c) + ")";
    return shown +
           " is not allowed: CKAN tags hold letters and digits of any script, spaces, and - _ .";
  }
  return std::nullopt;
}

}  // namespace hyoka
