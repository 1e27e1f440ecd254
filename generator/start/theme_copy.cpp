#include "start/theme_copy.h"

#include "base/spellcheck.h"
#include "base/utf8.h"
#include "start/write_new_folder.h"
#include "themes/builtin_themes.h"

namespace hyoka {

std::optional<std::map<std::string, std::string>> builtin_theme(const std::string& name) {
  std::map<std::string, std::string> files;
  const auto prefix = name + '/';
  for (const auto& [path, bytes] : builtin_theme_files()) {
    if (path.starts_with(prefix)) files.emplace(path.substr(prefix.size()), bytes);
  }
  if (files.empty()) return std::nullopt;
  return files;
}

int copy_theme(const std::string& name, std::string dir, std::ostream& out, std::ostream& err) {
  const auto files = builtin_theme(name);
  if (!files) {
    err << "hyoka theme copy: unknown theme \"" << utf8::printable(name) << "\""
        << did_you_mean(name, builtin_theme_names()) << '\n';
    return 2;
  }
  if (dir.empty()) dir = "themes/" + name;
  if (const auto problem = write_new_folder(dir, *files)) {
    err << "hyoka theme copy: " << utf8::printable(*problem) << '\n';
    return 1;
  }
  out << "hyoka: wrote the built-in theme \"" << name << "\" into " << utf8::printable(dir) << "/ ("
      << files->size() << " files)\n";
  return 0;
}

void list_themes(std::ostream& out) {
  for (const auto& name : builtin_theme_names()) out << name << '\n';
}

}  // namespace hyoka
