// hyoka's version, from the one place that sets it: CMake's project(VERSION). The command line,
// the pages' <meta name="generator">, the man page and the package all show this.
#pragma once

#include <string_view>

namespace hyoka {

// "0.1.0"
std::string_view version();

// The GitHub repository whose releases carry this version's Debian package ("owner/name"), as
// the build was told (tools/package passes GitHub's own name for it); empty when not told.
// The Pages workflow of a site made by `hyoka new` installs hyoka from there.
std::string_view releases_repository();

}  // namespace hyoka
