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

// What a plugin reads: the site and the theme, not the rendered pages, so that plugins run
// while the pages render.
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
  // Whether emit() may run on a thread of its own beside other plugins: it reads nothing but
  // its arguments and writes nothing but `out` and `diags`, as hyoka's own plugins do. One
  // from a shared library says no and runs alone, as it always has.
  virtual bool runs_beside_others() const { return true; }
};

// What each plugin made, in the order the plugins were added.
struct PluginOutput {
  std::vector<SiteFiles> files;
  std::vector<Diagnostics> diags;
};

class OutputRegistry {
 public:
  void add(std::unique_ptr<OutputPlugin> plugin) { plugins_.push_back(std::move(plugin)); }
  const std::vector<std::unique_ptr<OutputPlugin>>& plugins() const { return plugins_; }

  enum class Which { all, beside_others, alone };
  // Runs the plugins asked for into their slots of `made` (sized for every plugin); those that
  // run beside others share `jobs` threads.
  void emit(const Site& site, const Theme& theme, PluginOutput& made, unsigned jobs = 1,
            Which which = Which::all) const;
  // Puts what the plugins made into `sink` on `jobs` threads; `paths` holds the paths already
  // taken and gains theirs. Files and messages are taken in the order the plugins were added,
  // so they are the same for any number of threads.
  void put(PluginOutput made, SitePaths& paths, FileSink& sink, Diagnostics& diags,
           unsigned jobs = 1) const;
  void run(const Site& site, const Theme& theme, SitePaths& paths, FileSink& sink,
           Diagnostics& diags, unsigned jobs = 1) const {
    PluginOutput made;
    emit(site, theme, made, jobs);
    put(std::move(made), paths, sink, diags, jobs);
  }

 private:
  std::vector<std::unique_ptr<OutputPlugin>> plugins_;
};

// hyoka's own: .nojekyll, CNAME, robots.txt, sitemap.xml and 404.html, and the open data.
void add_builtin_outputs(OutputRegistry& registry);
void add_open_data_output(OutputRegistry& registry);

}  // namespace hyoka
