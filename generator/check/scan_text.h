// The references and ids of one output file, found without copying it: each is a view into
// the file's text, or into `decoded` when it held character references.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

struct TextSpans {
  struct Span {
    std::size_t begin = 0;
    std::size_t size = 0;
    bool decoded = false;  // in `decoded`, not in the file's text
  };
  std::vector<Span> references;  // in the order they appear
  std::vector<Span> ids;
  std::string decoded;

  void clear() {
    references.clear();
    ids.clear();
    decoded.clear();
  }
  std::string_view view(const Span& span, std::string_view text) const {
    return (span.decoded ? std::string_view(decoded) : text).substr(span.begin, span.size);
  }
};

// `href` and `src` of <a>, <link>, <img>, <script>, <source> and <iframe>, and every `id`.
void scan_html(std::string_view text, TextSpans& out);
// CSS `url(…)` references.
void scan_css(std::string_view text, TextSpans& out);

}  // namespace hyoka
