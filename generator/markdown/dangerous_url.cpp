#include "markdown/dangerous_url.h"

#include <array>

namespace hyoka {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The address as the URL standard reads it before the scheme: without leading C0 controls and
// spaces, and without any tab, line feed or carriage return. Only the first bytes matter.
std::string scheme_part(std::string_view url) {
  constexpr std::size_t kEnough = 32;  // longer than any scheme compared below
  std::size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string out;
  for (; i < url.size() && out.size() < kEnough; ++i) {
    if (url[i] == '\t' || url[i] == '\n' || url[i] == '\r') continue;
    out += lower(url[i]);
  }
  return out;
}

}  // namespace

std::optional<std::string> dangerous_scheme(std::string_view url) {
  const auto head = scheme_part(url);
  static constexpr std::array<std::string_view, 4> kSafeImages = {
      "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"};
  for (const auto safe : kSafeImages) {
    if (head.starts_with(safe)) return std::nullopt;
  }
  static constexpr std::array<std::string_view, 4> kDangerous = {
      "javascript:", "vbscript:", "file:", "data:"};
  for (const auto scheme : kDangerous) {
    if (head.starts_with(scheme)) return std::string(scheme);
  }
  return std::nullopt;
}

}  // namespace hyoka
