// Every internal link and asset reference of the built site must lead to a file, and every
// #fragment to an id on its page. A broken one is reported where it was written: the line of
// the Markdown, else the template that holds it, else the output file.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "check/text_pool.h"
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
  // references of that one file (a page the preview rebuilt). The references resolve on `jobs`
  // threads; the messages are the same, in the same order, for any number.
  void report(const SitePaths& files, Diagnostics& diags, const std::string* only = nullptr,
              unsigned jobs = 1) const;
  // Drops what a file held, before it is scanned again.
  void forget(const std::string& path);

 private:
  using Id = TextPool::Id;
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
      return std::hash<std::string_view>{}(path);
    }
  };
  struct File {
    std::vector<Id> references;  // in order
    std::vector<Id> ids;         // sorted
  };
  struct Resolver;

  void report_file(const std::string& path, const File& file, const Resolver& resolver,
                   Diagnostics& diags) const;

  const Site& site_;
  const Theme& theme_;
  std::mutex mutex_;
  // Every distinct reference and id once, shared by all files: a reference to the stylesheet
  // or the home page is in every page.
  TextPool texts_;
  std::unordered_map<std::string, File, PathHash, std::equal_to<>> files_;  // .html and .css
};

// All files at once, from memory.
void check_links(const Site& site, const Theme& theme, const SiteFiles& files, Diagnostics& diags);

}  // namespace hyoka
