// Every internal link and asset reference of the built site must lead to a file, and every
// #fragment to an id on its page. A broken one is reported where it was written: the line of
// the Markdown, else the template that holds it, else the output file.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/diagnostics.h"
#include "render/render_site.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

// Fed each file as it is made (from several threads at once), it keeps only the references and
// ids, not the files.
class LinkCheck {
 public:
  LinkCheck(const Site& site, const Theme& theme);
  void scan(const std::string& path, std::string_view text);
  // Once every file is scanned and `files` holds every path of the site; with `only`, the
  // references of that one file (a page the preview rebuilt).
  void report(const SitePaths& files, Diagnostics& diags, const std::string* only = nullptr) const;
  // Drops what a file held, before it is scanned again.
  void forget(const std::string& path);

 private:
  const Site& site_;
  const Theme& theme_;
  std::mutex mutex_;
  std::unordered_set<std::string> pool_;  // every distinct reference once
  std::map<std::string, std::vector<const std::string*>> references_;  // by file, in order
  std::map<std::string, std::set<std::string>> ids_;                   // of the HTML files
};

// All files at once, from memory.
void check_links(const Site& site, const Theme& theme, const SiteFiles& files, Diagnostics& diags);

}  // namespace hyoka
