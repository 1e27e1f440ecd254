// UTF-8 helpers: validation, decoding and the terminal width of text, so that carets under
// Japanese source lines land under the right character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hyoka::utf8 {

// What next_multibyte() returns for a bad byte: no code point is this large.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;
// next() for a lead byte of 0x80 or above. A plain char32_t: an optional returned through
// memory stalled on every call (a sixth of a chart's drawing time, by perf).
char32_t next_multibyte(std::string_view text, std::size_t& pos);

// Decodes the code point at `pos` and advances `pos`; nullopt (and `pos` + 1) on a bad byte.
// Inline for ASCII: chart text is measured character by character on every page.
inline std::optional<char32_t> next(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  const char32_t c = next_multibyte(text, pos);
  if (c == kInvalid) return std::nullopt;
  return c;
}

// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view text);

// Number of code points in `text` (invalid bytes count one each).
std::size_t length(std::string_view text);

// Columns a terminal gives `text`: East Asian wide and full-width characters take two.
std::size_t display_width(std::string_view text);

void append(std::string& out, char32_t code_point);

// What printable() does with a line break.
enum class LineBreaks {
  escaped,                // \n: text inside one of hyoka's lines (a name, a portal's words)
  kept,                   // a whole message of several lines
  kept_before_an_indent,  // only before four spaces: an example set under a message
};

// `text` as a terminal can show it safely: control characters as \n, \t, \r, \xNN (C0 and
// DEL) or \u00NN (C1, also inside valid UTF-8), and bytes that are not UTF-8 as \xNN, so that
// no file name, message or portal's answer can move the cursor, colour or retitle the terminal,
// or fake a `path:line:col` line of hyoka's own.
std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::escaped);

// Whether `c` is shown as an escape by printable().
bool is_control(char32_t c);

// Full-width digits ０-９ are read as 0-9; nullopt for any other character.
std::optional<int> digit_value(char32_t c);

}  // namespace hyoka::utf8
