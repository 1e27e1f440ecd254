#include "output_plugins/output_plugin.h"

namespace hyoka {

void OutputRegistry::run(const Site& site, const Theme& theme, SitePaths& paths, FileSink& sink,
                         Diagnostics& diags) const {
  const OutputContext context{site, theme};
  for (const auto& plugin : plugins_) {
    SiteFiles made;
    plugin->emit(context, made, diags);
    for (auto& [path, bytes] : made) {
      if (!paths.insert(path).second) {
        diags.report_file(
            Severity::error, path,
            "the output plugin \"" + plugin->name() + "\" writes a file that the site already has");
        continue;
      }
      sink.put(path, std::move(bytes));
    }
  }
}

}  // namespace hyoka
