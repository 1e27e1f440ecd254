// Text made safe for HTML, XML and SVG, in text and in double-quoted attributes alike (hyoka's
// templates and writers quote every attribute with ").
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

// & < > " as &amp; &lt; &gt; &quot;; nothing else (some mustache engines also encode '/' and '=',
// which makes every URL unreadable).
inline std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace hyoka
