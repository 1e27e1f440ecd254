// Every internal link and asset reference of the built site must lead to a file, and every
// #fragment to an id on its page. A broken one is reported where it was written: the line of
// the Markdown, else the template that holds it, else the output file.
#pragma once

#include "base/diagnostics.h"
#include "render/render_site.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

void check_links(const Site& site, const Theme& theme, const SiteFiles& files, Diagnostics& diags);

}  // namespace hyoka
