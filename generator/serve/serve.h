// `hyoka serve`: build in memory, serve, watch, rebuild, reload the open pages.
#pragma once

#include <optional>
#include <ostream>
#include <string>

namespace hyoka {

struct ServeOptions {
  std::string source_dir = ".";
  std::string bind = "127.0.0.1";  // loopback: the preview is for this machine unless asked
  int port = 1313;                 // 0: any free port
  bool poll = false;               // for file systems that send no change events
  std::optional<std::string> theme;
  // Masked in every message, the error overlay included: CKAN_API_TOKEN's value.
  std::string secret;
};

// Runs until SIGINT or SIGTERM, then stops cleanly. The URL goes to `out` as one line, so a
// script can read it; everything else to `log`. Returns the exit code.
int serve(const ServeOptions& options, std::ostream& out, std::ostream& log);

// "http://127.0.0.1:1313" for a bind address and port; a wildcard address becomes loopback,
// an IPv6 address gets its brackets.
std::string preview_origin(const std::string& bind, int port);

}  // namespace hyoka
