// Every file beyond the pages — sitemap, robots.txt, 404 page, open data — comes from an
// output plugin. hyoka's own plugins register through this same interface as anyone else's,
// so the core has no special paths for them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "render/render_site.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

// What a plugin reads: the site and the theme, not the rendered pages.
struct OutputContext {
  const Site& site;
  const Theme& theme;
};

class OutputPlugin {
 public:
  virtual ~OutputPlugin() = default;
  virtual std::string name() const = 0;
  // Adds files to `out`. A path that another plugin or a page already has is an error.
  virtual void emit(const OutputContext& context, SiteFiles& out, Diagnostics& diags) const = 0;
};

class OutputRegistry {
 public:
  void add(std::unique_ptr<OutputPlugin> plugin) { plugins_.push_back(std::move(plugin)); }
  const std::vector<std::unique_ptr<OutputPlugin>>& plugins() const { return plugins_; }

  // Runs every plugin, in the order they were added, and puts what each makes into `sink`;
  // `paths` holds the paths already taken and gains theirs.
  void run(const Site& site, const Theme& theme, SitePaths& paths, FileSink& sink,
           Diagnostics& diags) const;

 private:
  std::vector<std::unique_ptr<OutputPlugin>> plugins_;
};

// hyoka's own: .nojekyll, CNAME, robots.txt, sitemap.xml and 404.html, and the open data.
void add_builtin_outputs(OutputRegistry& registry);
void add_open_data_output(OutputRegistry& registry);

// Whether the theme has the layout of the datasets' landing pages (data/<id>/), without which
// the open data has none and the sitemap lists none.
inline bool makes_landing_pages(const Theme& theme) {
  return theme.layouts.count("dataset") > 0;
}

}  // namespace hyoka
