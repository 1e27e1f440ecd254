// Writes the rendered site to the destination folder atomically: everything goes to a
// temporary folder beside it first, which then takes the destination's place in one rename.
// A failed build, a full disk or a crash part-way leaves the previous site exactly as it was.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "render/render_site.h"

namespace hyoka {

struct WriteStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
};

// Refuses a destination that is, or holds, the site's source folder.
bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats = nullptr);

}  // namespace hyoka
