// Which answer a request target gets. Only the in-memory site is ever served, so no target
// can read outside it; still, a target that tries to climb out (`..`, `%2e%2e`, `\`) is
// refused as a whole rather than resolved, so it can never match by accident.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "render/render_site.h"

namespace hyoka {

// The path of a request target ("/a/b%20c?x" → "/a/b c"), percent-decoded once, or nullopt
// for one that is malformed or tries to leave its folder: a `.` or `..` segment, a backslash,
// a NUL or other control byte, a bad %-escape.
std::optional<std::string> decode_request_path(std::string_view target);

// The path part of a base URL: "https://example.github.io/fukushima-ict/" → "/fukushima-ict/".
std::string sub_path_of(const std::string& base_url);

// The server-sent events stream; outside every site, since a site's paths are its own.
inline constexpr std::string_view kEventsPath = "/__hyoka/events";

struct Route {
  enum class Kind { file, redirect, not_found, events };
  Kind kind = Kind::not_found;
  std::string target;  // file: the output path; redirect: the Location
};

// `site` may be null before the first good build: then every page is not found.
Route route_request(std::string_view request_target, const std::string& sub_path,
                    const SiteFiles* site);
// The same, with the site's files known only by whether a path is one.
Route route_request(std::string_view request_target, const std::string& sub_path,
                    const std::function<bool(const std::string&)>& has_file);

}  // namespace hyoka
