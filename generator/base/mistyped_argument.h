// "Did you mean" for the command line: a command or long option that names nothing where it
// stands, and the one it was likely meant to be (`hyoka biuld`, `hyoka build --sorce`).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hyoka {

// A command, as the command line knows it: its name, its long options ("--source") and the
// commands inside it ("theme" has "copy" and "list").
struct CommandWords {
  std::string name;
  std::vector<std::string> options;
  std::vector<CommandWords> commands;
};

// The first word of `args` (the command line after the program's name) that is a typo of a
// command or of a long option of the command it follows, as a message:
// `hyoka build: unknown option "--sorce"; did you mean "--source"?`. nullopt when every word
// is known or none is close to a name: a wrong word is then not a typo, and the parser's own
// message says more.
std::optional<std::string> mistyped_argument(const CommandWords& program,
                                             const std::vector<std::string>& args);

}  // namespace hyoka
