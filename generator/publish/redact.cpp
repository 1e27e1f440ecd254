#include "publish/redact.h"

#include "base/masked_output.h"
#include "base/utf8.h"

namespace hyoka {

std::string Redactor::operator()(std::string_view text) const {
  // Hidden before escaping, so a token with bytes that escaping rewrites is still found, and
  // after, so that no escape spells the token out.
  return mask_secret(utf8::printable(mask_secret(text, secret_), utf8::LineBreaks::kept), secret_);
}

}  // namespace hyoka
