#include "publish/redact.h"

#include "publish/printable.h"

namespace hyoka {

std::string Redactor::hide(std::string out) const {
  if (secret_.empty()) return out;
  for (auto at = out.find(secret_); at != std::string::npos; at = out.find(secret_, at + 3)) {
    out.replace(at, secret_.size(), "***");
  }
  return out;
}

std::string Redactor::operator()(std::string_view text) const {
  // Hidden before escaping, so a token with bytes that escaping rewrites is still found, and
  // after, so that no escape spells the token out.
  return hide(printable_lines(hide(std::string(text))));
}

}  // namespace hyoka
