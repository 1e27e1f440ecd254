// hyoka theme copy NAME [DIR]: a built-in theme written out as files, to edit. A site's theme
// folder of the same name is laid over the built-in theme, so a copy in themes/NAME changes
// nothing until it is edited.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>

namespace hyoka {

// A built-in theme's files by path below its folder ("templates/base.mustache"), or nullopt.
std::optional<std::map<std::string, std::string>> builtin_theme(const std::string& name);

// Writes built-in theme `name` into `dir` (missing or empty; default themes/<name>). The exit
// status: 0, 1 when it wrote nothing, 2 for an unknown theme (a wrong command line).
int copy_theme(const std::string& name, std::string dir, std::ostream& out, std::ostream& err);

// The built-in themes' names, one per line.
void list_themes(std::ostream& out);

}  // namespace hyoka
