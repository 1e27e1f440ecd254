// Site + Theme → every output file, in memory. Render never writes to disk: the output stage
// does, all at once, and the preview server can serve from memory.
#pragma once

#include <map>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "render/block_plugin.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

// Output path (relative, '/'-separated) → bytes. Sorted, so writing is in a stable order.
using SiteFiles = std::map<std::string, std::string>;

// Pages render on `jobs` threads (0: one per core); the files and problems are the same, in the
// same order, for any number.
SiteFiles render_site(const Site& site, const Theme& theme, const FileSystem& fs,
                      Diagnostics& diags, const BlockRegistry& blocks, unsigned jobs = 1);

// One page through its layout (home, area or 404) and the base layout. Standalone copies of
// its charts are added to `files`.
// `extra` adds variables to the page's context (a landing page's downloads, say).
std::string render_page(const Site& site, const SitePage& page, const Theme& theme,
                        SiteFiles& files, mustache::Map extra = {},
                        const BlockRegistry* blocks = nullptr, Diagnostics* diags = nullptr);

}  // namespace hyoka
