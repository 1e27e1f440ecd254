#include "base/mistyped_argument.h"

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
      bool known = false;
      for (const auto& option : command->options) known = known || option == name;
      if (known) continue;
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
