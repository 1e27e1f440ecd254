// Site + Theme → every output file, handed to a FileSink page by page. Render never writes to
// disk itself: the sink decides (the output stage's writer, or memory for the preview server).
#pragma once

#include <map>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "render/block_plugin.h"
#include "render/file_sink.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

// Pages render on `jobs` threads (0: one per core) and go to `sink` as they are done; the
// files and problems are the same, in the same order, for any number. Returns every path put.
SitePaths render_site(const Site& site, const Theme& theme, const FileSystem& fs,
                      Diagnostics& diags, const BlockRegistry& blocks, unsigned jobs,
                      FileSink& sink);
// The same, kept in memory.
SiteFiles render_site(const Site& site, const Theme& theme, const FileSystem& fs,
                      Diagnostics& diags, const BlockRegistry& blocks, unsigned jobs = 1);

// One page through its layout (home, area or 404) and the base layout. Standalone copies of
// its charts are added to `files`.
// `extra` adds variables to the page's context (a landing page's downloads, say). A page that
// outgrows mustache::RenderLimits is an error in `theme_diags` (else `diags`) at the theme's
// tag, and renders as nothing.
std::string render_page(const Site& site, const SitePage& page, const Theme& theme,
                        SiteFiles& files, mustache::Map extra = {},
                        const BlockRegistry* blocks = nullptr, Diagnostics* diags = nullptr,
                        Diagnostics* theme_diags = nullptr);

}  // namespace hyoka
