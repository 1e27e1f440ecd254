// Writes a set of new files into a folder that is missing or empty. hyoka new and hyoka theme
// copy never write over a file a user may have changed.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace hyoka {

// Files by path relative to `dir`, '/' separators. The reason in words when nothing or not
// everything was written (`dir` holds something already, a write failed), or nullopt.
std::optional<std::string> write_new_folder(const std::string& dir,
                                            const std::map<std::string, std::string>& files);

}  // namespace hyoka
