#include "serve/content_type.h"

#include <array>
#include <utility>

namespace hyoka {

std::string content_type_for(std::string_view path) {
  // Text types carry the charset: every file hyoka writes is UTF-8, and without it a browser
  // may guess Shift_JIS for a Japanese CSV or stylesheet.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> types{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".csv", "text/csv; charset=utf-8"},
      {".json", "application/json"},
      {".jsonld", "application/ld+json"},
      {".ttl", "text/turtle; charset=utf-8"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/vnd.microsoft.icon"},
      {".pdf", "application/pdf"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  }};
  const auto slash = path.rfind('/');
  const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    const auto extension = name.substr(dot);
    for (const auto& [known, type] : types) {
      if (extension.size() != known.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < known.size(); ++i) {
        const char c = extension[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != known[i]) same = false;
      }
      if (same) return std::string(type);
    }
  }
  return "application/octet-stream";
}

}  // namespace hyoka
