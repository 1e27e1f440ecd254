// hyoka new: a small complete site to start from (site.toml with every key explained, a home
// page, one area, one dataset with a ratio, .gitignore and a GitHub Pages workflow). Its files
// are generator/start/site/, compiled in; it builds with no warning.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>

namespace hyoka {

struct NewSiteOptions {
  std::string title = "〇〇市 総合計画の評価";
  std::string area_label = "施策";
};

// Why a title or area label cannot be written into the new site's files, or nullopt.
std::optional<std::string> check_new_site_text(const std::string& text);

// The new site's files, by path below its folder.
std::map<std::string, std::string> new_site_files(const NewSiteOptions& options);

// Writes the new site into `dir` (missing or empty); what to do next on `out`, problems on
// `err`. The exit status: 0, or 1 when it wrote nothing.
int make_new_site(const std::string& dir, const NewSiteOptions& options, std::ostream& out,
                  std::ostream& err);

}  // namespace hyoka
