#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace hyoka::utf8 {

char32_t next_multibyte(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  // Three bytes first: nearly all of Japanese text.
  if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size()) {
    const unsigned char b1 = byte(pos + 1), b2 = byte(pos + 2);
    const char32_t cp = static_cast<char32_t>((lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      pos += 3;
      return cp;
    }
    ++pos;
    return kInvalid;
  }
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3, cp = lead & 0x07, min = 0x10000;
  } else {
    ++pos;
    return kInvalid;
  }
  for (int i = 1; i <= extra; ++i) {
    if (pos + i >= text.size() || (byte(pos + i) & 0xC0) != 0x80) {
      ++pos;
      return kInvalid;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kInvalid;
  }
  pos += extra + 1;
  return cp;
}

std::optional<std::size_t> first_invalid(std::string_view text) {
  // Every file is checked when read: runs of ASCII are skipped eight bytes at a time, and
  // sequences are checked against Unicode's table of well-formed bytes without being decoded.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const auto continues = [&](std::size_t i, unsigned char low, unsigned char high) {
    return i < n && s[i] >= low && s[i] <= high;
  };
  std::size_t pos = 0;
  while (pos < n) {
    while (pos + 8 <= n) {
      std::uint64_t block;
      std::memcpy(&block, s + pos, 8);
      if (block & 0x8080808080808080ull) break;
      pos += 8;
    }
    if (pos == n) break;
    const unsigned char lead = s[pos];
    if (lead < 0x80) {
      ++pos;
    } else if (lead < 0xC2) {
      return pos;
    } else if (lead < 0xE0) {
      if (!continues(pos + 1, 0x80, 0xBF)) return pos;
      pos += 2;
    } else if (lead < 0xF0) {
      const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;   // not overlong
      const unsigned char high = lead == 0xED ? 0x9F : 0xBF;  // not a surrogate
      if (!continues(pos + 1, low, high) || !continues(pos + 2, 0x80, 0xBF)) return pos;
      pos += 3;
    } else if (lead < 0xF5) {
      const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;   // not overlong
      const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;  // not beyond U+10FFFF
      if (!continues(pos + 1, low, high) || !continues(pos + 2, 0x80, 0xBF) ||
          !continues(pos + 3, 0x80, 0xBF)) {
        return pos;
      }
      pos += 4;
    } else {
      return pos;
    }
  }
  return std::nullopt;
}

std::size_t length(std::string_view text) {
  std::size_t pos = 0, count = 0;
  while (pos < text.size()) {
    next(text, pos);
    ++count;
  }
  return count;
}

static bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t display_width(std::string_view text) {
  std::size_t pos = 0, width = 0;
  while (pos < text.size()) {
    const auto c = next(text, pos);
    width += (c && is_wide(*c)) ? 2 : 1;
  }
  return width;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_control(char32_t c) {
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

std::string printable(std::string_view text, LineBreaks breaks) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto escape = [&](std::string& out, const char* prefix, unsigned value) {
    out += prefix;
    out += kHex[(value >> 4) & 15];
    out += kHex[value & 15];
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const auto start = pos;
    const auto c = next(text, pos);
    if (!c) {
      escape(out, "\\x", static_cast<unsigned char>(text[start]));
    } else if (!is_control(*c)) {
      out.append(text.substr(start, pos - start));
    } else if (*c == '\n' &&
               (breaks == LineBreaks::kept || (breaks == LineBreaks::kept_before_an_indent &&
                                               text.substr(pos).starts_with("    ")))) {
      out += '\n';
    } else if (*c == '\n') {
      out += "\\n";
    } else if (*c == '\t') {
      out += "\\t";
    } else if (*c == '\r') {
      out += "\\r";
    } else {
      escape(out, *c >= 0x80 ? "\\u00" : "\\x", static_cast<unsigned>(*c));
    }
  }
  return out;
}

std::optional<int> digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return std::nullopt;
}

}  // namespace hyoka::utf8
