// The API token must never reach the terminal, a log or a file. Every message hyoka publish
// prints goes through a Redactor, even those that cannot hold the token, so a portal that
// echoes the header back cannot leak it either; it is also where control characters that
// reached a message are made harmless (utf8::printable), the last line of that defence.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

class Redactor {
 public:
  explicit Redactor(std::string secret) : secret_(std::move(secret)) {}
  // `text` with every occurrence of the secret replaced by *** and every control character
  // but the line break shown as an escape.
  std::string operator()(std::string_view text) const;

 private:
  std::string secret_;
};

}  // namespace hyoka
