// `"name"` for messages. Built by appending: GCC 12 at -O3 takes `"\"" + std::string(name)`
// (an insert at the front of a new string) for an overlapping copy and warns -Wrestrict, a
// false positive (GCC bug 105329) that -Werror made a failed build.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

inline std::string quoted(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '"';
  out += name;
  out += '"';
  return out;
}

}  // namespace hyoka
