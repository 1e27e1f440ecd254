#include "start/new_site.h"

#include "base/quoted.h"
#include "base/utf8.h"
#include "base/version.h"
#include "start/write_new_folder.h"

namespace hyoka {

const std::map<std::string_view, std::string_view>& new_site_templates();

namespace {

// `text` inside a TOML basic string ("…"): the title goes into site.toml and front matter.
std::string toml_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::optional<std::string> check_new_site_text(const std::string& text) {
  if (text.empty()) return "must not be empty";
  if (utf8::first_invalid(text)) return "must be UTF-8 text";
  for (std::size_t at = 0; at < text.size();) {
    if (const auto c = utf8::next(text, at); c && utf8::is_control(*c)) {
      return "must be one line without control characters";
    }
  }
  return std::nullopt;
}

std::map<std::string, std::string> new_site_files(const NewSiteOptions& options) {
  std::map<std::string, std::string> files;
  for (const auto& [path, bytes] : new_site_templates()) {
    std::string text(bytes);
    // A quoted placeholder is a TOML string (site.toml, front matter); the others are prose.
    replace_all(text, "\"@TITLE@\"", quoted(toml_escaped(options.title)));
    replace_all(text, "\"@AREA_LABEL@\"", quoted(toml_escaped(options.area_label)));
    replace_all(text, "@TITLE@", options.title);
    replace_all(text, "@VERSION@", std::string(version()));
    replace_all(text, "@REPOSITORY@", std::string(releases_repository()));
    files.emplace(path, std::move(text));
  }
  return files;
}

int make_new_site(const std::string& dir, const NewSiteOptions& options, std::ostream& out,
                  std::ostream& err) {
  const auto files = new_site_files(options);
  if (const auto problem = write_new_folder(dir, files)) {
    err << "hyoka new: " << utf8::printable(*problem) << '\n';
    return 1;
  }
  auto shown = utf8::printable(dir);
  while (shown.size() > 1 && shown.ends_with('/')) shown.pop_back();
  out << "hyoka: made a new site in " << shown << "/ (" << files.size() << " files). Next:\n"
      << "  cd " << shown << "\n"
      << "  hyoka serve    # preview it in a browser while you edit\n"
      << "  hyoka build    # make the site in public/\n";
  return 0;
}

}  // namespace hyoka
