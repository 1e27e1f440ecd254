#include "serve/route.h"

namespace hyoka {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> decode_request_path(std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return std::nullopt;
  std::string path;
  path.reserve(target.size());
  for (std::size_t i = 0; i < target.size(); ++i) {
    char c = target[i];
    if (c == '%') {
      if (i + 2 >= target.size()) return std::nullopt;
      const int high = hex_value(target[i + 1]);
      const int low = hex_value(target[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      c = static_cast<char>(high * 16 + low);
      i += 2;
    }
    // A backslash is a separator to Windows and to some proxies; no output path holds one.
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    path += c;
  }
  for (std::size_t start = 1; start <= path.size();) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const auto segment = std::string_view(path).substr(start, end - start);
    if (segment == "." || segment == "..") return std::nullopt;
    start = end + 1;
  }
  return path;
}

std::string sub_path_of(const std::string& base_url) {
  const auto scheme = base_url.find("://");
  const auto host_start = scheme == std::string::npos ? 0 : scheme + 3;
  const auto slash = base_url.find('/', host_start);
  if (slash == std::string::npos) return "/";
  auto path = base_url.substr(slash, base_url.find_first_of("?#", slash) - slash);
  if (path.back() != '/') path += '/';
  return path;
}

Route route_request(std::string_view request_target, const std::string& sub_path,
                    const SiteFiles* site) {
  return route_request(request_target, sub_path,
                       [site](const std::string& file) { return site && site->count(file) > 0; });
}

Route route_request(std::string_view request_target, const std::string& sub_path,
                    const std::function<bool(const std::string&)>& has_file) {
  const auto path = decode_request_path(request_target);
  if (!path) return {};
  if (*path == kEventsPath) return {Route::Kind::events, ""};
  // The root and the sub-path without its slash lead to the site, as on the host.
  if (*path == "/" && sub_path != "/") return {Route::Kind::redirect, sub_path};
  if (*path + "/" == sub_path) return {Route::Kind::redirect, sub_path};
  if (!path->starts_with(sub_path)) return {};

  auto file = path->substr(sub_path.size());
  if (file.empty() || file.back() == '/') file += "index.html";
  if (has_file(file)) return {Route::Kind::file, file};
  // A folder asked for without its slash: relative links inside it need the slash.
  if (has_file(file + "/index.html")) return {Route::Kind::redirect, *path + "/"};
  return {};
}

}  // namespace hyoka
