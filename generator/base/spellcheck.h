// "Did you mean …" for every name a user types: area ids, measures, keys, themes, partials.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
std::optional<std::string> closest(std::string_view name,
                                   const std::vector<std::string>& candidates);

// A message tail: `; did you mean "x"?`, or the list of valid names when few and none is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace hyoka
