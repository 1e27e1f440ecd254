// content/_index.md and content/areas/<id>.md → Page. The body stays Markdown here; it is
// rendered later, so that charts and tables can be placed into it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_text.h"

namespace hyoka {

enum class PageKind { home, area, dataset, not_found };

struct Page {
  PageKind kind = PageKind::area;
  std::string id;  // the area id: the file name without .md; empty for the home page
  std::string title;
  std::string subtitle;
  std::string description;
  std::int64_t weight = 0;
  std::string updated;  // YYYY-MM-DD from front matter, for sitemap.xml; empty when not given
  Position title_position;
  std::shared_ptr<const SourceText> source;
  // The Markdown, inside `source`'s text (which never moves while the page holds it).
  std::string_view body;
  int body_first_line = 1;
};

struct Content {
  std::optional<Page> home;
  std::vector<Page> areas;              // sorted by weight, then id
  std::vector<std::string> data_files;  // content/data/*.toml, paths from the site's root
  std::vector<std::string> csv_files;   // content/data/*.csv, which datasets' rows may name
};

std::optional<Page> parse_page(const SourceText& source, PageKind kind, std::string id,
                               Diagnostics& diags);

// Reads every page below `content_dir` and lists the dataset files; warns about files that
// hyoka would not publish, so nothing a user wrote disappears without a word.
// Area pages are read and parsed on `jobs` threads (0: one per core).
Content load_content(const FileSystem& fs, const std::string& content_dir, Diagnostics& diags,
                     unsigned jobs = 1);

}  // namespace hyoka
