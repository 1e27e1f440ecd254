#include "publish/printable.h"

#include "base/utf8.h"

namespace hyoka {

namespace {

void append_escape(std::string& out, const char* prefix, unsigned value) {
  static const char* hex = "0123456789abcdef";
  out += prefix;
  out += hex[(value >> 4) & 15];
  out += hex[value & 15];
}

std::string escape_controls(std::string_view text, bool keep_line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const auto c = utf8::next(text, pos);
    if (!c) {
      append_escape(out, "\\x", static_cast<unsigned char>(text[start]));
    } else if ((*c < 0x20 && !(keep_line_breaks && *c == '\n')) || *c == 0x7F) {
      append_escape(out, "\\x", *c);
    } else if (*c >= 0x80 && *c < 0xA0) {
      append_escape(out, "\\u00", *c);
    } else {
      out.append(text, start, pos - start);
    }
  }
  return out;
}

}  // namespace

std::string printable(std::string_view text) {
  return escape_controls(text, false);
}

std::string printable_lines(std::string_view text) {
  return escape_controls(text, true);
}

}  // namespace hyoka
