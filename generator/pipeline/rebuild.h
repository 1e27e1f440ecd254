// The preview's quick path: after an edit of area pages' Markdown, only those pages are
// rendered again, on the state of the last full build. Which files changed is decided by their
// content (their bytes against the page's), not by their times.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "pipeline/build.h"

namespace hyoka {

struct Rebuilt {
  SiteFiles files;                 // the files that were made again (pages, their charts)
  std::vector<std::string> pages;  // their pages' output paths
};

// `changed` are paths relative to the site's folder. Returns nullopt when the change needs a
// full build: anything but the body of an existing area page (front matter, datasets,
// templates, site.toml, a new or removed page), a site with plugin libraries, or a page with
// errors (the full build then reports them). A file whose bytes did not change rebuilds
// nothing. The state is updated to the new pages.
std::optional<Rebuilt> rebuild_pages(BuildState& state, const std::vector<std::string>& changed,
                                     const FileSystem& fs, Diagnostics& diags);

}  // namespace hyoka
