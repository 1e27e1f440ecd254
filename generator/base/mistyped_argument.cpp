#include "base/mistyped_argument.h"

#include <algorithm>

#include "base/spellcheck.h"

namespace hyoka {

std::optional<std::string> mistyped_argument(const CommandWords& program,
                                             const std::vector<std::string>& args) {
  const CommandWords* command = &program;
  std::string path = program.name;
  for (const auto& arg : args) {
    if (arg == "--") break;  // what follows is never an option
    if (arg.starts_with("--")) {
      const auto name = arg.substr(0, arg.find('='));
      const auto& options = command->options;
      if (std::find(options.begin(), options.end(), name) != options.end()) continue;
      if (const auto meant = closest(name, command->options)) {
        return path + ": unknown option \"" + name + "\"; did you mean \"" + *meant + "\"?";
      }
      return std::nullopt;
    }
    // A word after a command that has none inside it is a value or an argument.
    if (arg.starts_with('-') || command->commands.empty()) continue;
    const CommandWords* next = nullptr;
    std::vector<std::string> names;
    for (const auto& sub : command->commands) {
      if (sub.name == arg) next = &sub;
      names.push_back(sub.name);
    }
    if (!next) {
      if (const auto meant = closest(arg, names)) {
        return path + ": unknown command \"" + arg + "\"; did you mean \"" + *meant + "\"?";
      }
      return std::nullopt;
    }
    command = next;
    path += " " + next->name;
  }
  return std::nullopt;
}

}  // namespace hyoka
