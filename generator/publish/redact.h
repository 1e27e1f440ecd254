// The API token must never reach the terminal, a log or a file. Every message hyoka publish
// prints goes through a Redactor, even those that cannot hold the token, so a portal that
// echoes the header back cannot leak it either.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

class Redactor {
 public:
  explicit Redactor(std::string secret) : secret_(std::move(secret)) {}
  // `text` with every occurrence of the secret replaced by ***.
  std::string operator()(std::string_view text) const;

 private:
  std::string secret_;
};

}  // namespace hyoka
