// Text made safe for HTML, XML and SVG, in text and in double-quoted attributes alike (hyoka's
// templates and writers quote every attribute with ").
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

// & < > " as &amp; &lt; &gt; &quot;; nothing else (some mustache engines also encode '/' and '=',
// which makes every URL unreadable).
inline void append_escaped_markup(std::string& out, std::string_view text) {
  std::size_t plain = 0;  // the start of the text not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
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
        continue;
    }
    out.append(text.substr(plain, i - plain));
    out.append(entity);
    plain = i + 1;
  }
  out.append(text.substr(plain));
}

inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_markup(out, text);
  return out;
}

}  // namespace hyoka
