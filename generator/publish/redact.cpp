#include "publish/redact.h"

namespace hyoka {

std::string Redactor::operator()(std::string_view text) const {
  std::string out(text);
  if (secret_.empty()) return out;
  for (auto at = out.find(secret_); at != std::string::npos; at = out.find(secret_, at + 3)) {
    out.replace(at, secret_.size(), "***");
  }
  return out;
}

}  // namespace hyoka
