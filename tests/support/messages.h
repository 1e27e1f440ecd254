// The first line of each problem (`path:line:col: severity: message`), in reading order and
// joined by newlines, so a failed comparison prints both sides readably.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace hyoka::test {

inline std::string first_lines(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) {
    const auto text = format(d);
    out += text.substr(0, text.find('\n')) + "\n";
  }
  return out;
}

inline std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

}  // namespace hyoka::test
