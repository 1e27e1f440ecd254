// Small helpers for the sentences hyoka publish prints.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hyoka {

// "1 resource", "3 resources".
inline std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

inline std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

}  // namespace hyoka
