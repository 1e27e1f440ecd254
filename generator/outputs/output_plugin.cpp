#include "outputs/output_plugin.h"

namespace hyoka {

void OutputRegistry::run(const Site& site, const Theme& theme, SitePaths& paths, FileSink& sink,
                         Diagnostics& diags) const {
  SiteFiles added;
  for (const auto& plugin : plugins_) {
    SiteFiles out;
    plugin->emit({site, theme, paths}, out, diags);
    for (auto& [path, bytes] : out) {
      if (paths.count(path) || added.count(path)) {
        diags.report_file(
            Severity::error, path,
            "the output plugin \"" + plugin->name() + "\" writes a file that the site already has");
        continue;
      }
      added.emplace(path, std::move(bytes));
    }
  }
  for (auto& [path, bytes] : added) {
    paths.insert(path);
    sink.put(path, std::move(bytes));
  }
}

}  // namespace hyoka
