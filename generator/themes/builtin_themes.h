// The themes inside hyoka: every file of the repository's themes/ folder, compiled in byte for
// byte (cmake/embed_files.cmake). A site needs no themes/ folder; one of its own with the same
// name is laid over the built-in theme file by file (render/theme.cpp).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"

namespace hyoka {

// Every file, by its path below themes/ ("default/theme.toml"), sorted.
const std::map<std::string_view, std::string_view>& builtin_theme_files();

// "default", "portal".
std::vector<std::string> builtin_theme_names();

// The folder the build reads them from. No file on the disk is read there: messages about a
// built-in template name it as GCC names its own definitions.
inline constexpr std::string_view kBuiltinThemesDir = "<built-in>/themes";

// The built-in themes as files below kBuiltinThemesDir, made once.
const FileSystem& builtin_themes();

}  // namespace hyoka
