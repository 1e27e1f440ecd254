// Text made safe for HTML, XML and SVG, in text and in double-quoted attributes alike (hyoka's
// templates and writers quote every attribute with ").
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace hyoka {

namespace detail {

// Whether any of the eight bytes in `block` is & < > or " (each compare is exact: a byte
// equal to the one sought becomes zero, and only a zero byte sets its top bit here).
inline bool has_markup_byte(std::uint64_t block) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
  const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & tops; };
  return zero_byte(block ^ (ones * '&')) | zero_byte(block ^ (ones * '<')) |
         zero_byte(block ^ (ones * '>')) | zero_byte(block ^ (ones * '"'));
}

}  // namespace detail

// & < > " as &amp; &lt; &gt; &quot;; nothing else (some mustache engines also encode '/' and '=',
// which makes every URL unreadable). Every page's text passes here: runs without those four
// bytes are passed over eight bytes at a time.
inline void append_escaped_markup(std::string& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const char* plain = p;  // the start of the text not yet appended
  while (p < end) {
    for (std::uint64_t block; end - p >= 8; p += 8) {
      std::memcpy(&block, p, 8);
      if (detail::has_markup_byte(block)) break;
    }
    if (p == end) break;
    const char* entity = nullptr;
    switch (*p) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      default:
        ++p;
        continue;
    }
    out.append(plain, p);
    out.append(entity);
    plain = ++p;
  }
  out.append(plain, end);
}

inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_markup(out, text);
  return out;
}

}  // namespace hyoka
