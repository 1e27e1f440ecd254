#include "serve/watcher.h"

#include <array>
#include <string_view>

namespace hyoka {

bool is_site_source(const std::string& relative_path) {
  if (relative_path == "site.toml") return true;
  static constexpr std::array<std::string_view, 3> roots{"content", "themes", "static"};
  bool below_root = false;
  for (const auto root : roots) {
    if (relative_path == root ||
        (relative_path.starts_with(root) && relative_path.size() > root.size() &&
         relative_path[root.size()] == '/')) {
      below_root = true;
    }
  }
  if (!below_root) return false;
  const auto slash = relative_path.find_last_of('/', relative_path.size() - 2);
  const std::string_view name =
      std::string_view(relative_path).substr(slash == std::string::npos ? 0 : slash + 1);
  return !(name.ends_with("~") || name.ends_with(".swp") || name.ends_with(".swx") ||
           name.starts_with(".#") || name == "4913" || name.starts_with("~$"));
}

}  // namespace hyoka
