// Ids that users choose by naming files (areas, datasets) become URL path segments.
#pragma once

#include <string_view>

namespace hyoka {

// Lower-case ASCII letters, digits, '-' and '_'; not empty.
inline bool valid_identifier(std::string_view id) {
  return !id.empty() &&
         id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string_view::npos;
}

}  // namespace hyoka
