#include "themes/builtin_themes.h"

namespace hyoka {

std::vector<std::string> builtin_theme_names() {
  std::vector<std::string> names;
  for (const auto& [path, bytes] : builtin_theme_files()) {
    const auto name = std::string(path.substr(0, path.find('/')));
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  return names;
}

const FileSystem& builtin_themes() {
  static const MemoryFileSystem files = [] {
    MemoryFileSystem made;
    for (const auto& [path, bytes] : builtin_theme_files()) {
      made.write(join_path(std::string(kBuiltinThemesDir), std::string(path)), std::string(bytes));
    }
    return made;
  }();
  return files;
}

}  // namespace hyoka
