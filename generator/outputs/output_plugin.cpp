#include "outputs/output_plugin.h"

#include <set>
#include <string_view>

#include "base/parallel.h"

namespace hyoka {

void OutputRegistry::emit(const Site& site, const Theme& theme, PluginOutput& made, unsigned jobs,
                          Which which) const {
  const OutputContext context{site, theme};
  made.files.resize(plugins_.size());
  made.diags.resize(plugins_.size());
  std::vector<std::size_t> beside, alone;
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    (plugins_[i]->runs_beside_others() ? beside : alone).push_back(i);
  }
  if (which == Which::alone) beside.clear();
  if (which == Which::beside_others) alone.clear();
  parallel_for(beside.size(), jobs, [&](std::size_t k) {
    plugins_[beside[k]]->emit(context, made.files[beside[k]], made.diags[beside[k]]);
  });
  for (const auto i : alone) plugins_[i]->emit(context, made.files[i], made.diags[i]);
}

void OutputRegistry::put(PluginOutput made, SitePaths& paths, FileSink& sink, Diagnostics& diags,
                         unsigned jobs) const {
  std::vector<std::pair<std::string, std::string>> added;
  std::set<std::string_view> taken;
  for (std::size_t i = 0; i < made.files.size(); ++i) {
    diags.append(made.diags[i]);
    for (auto& [path, bytes] : made.files[i]) {
      if (paths.count(path) || !taken.insert(path).second) {
        diags.report_file(Severity::error, path,
                          "the output plugin \"" + plugins_[i]->name() +
                              "\" writes a file that the site already has");
        continue;
      }
      added.emplace_back(path, std::move(bytes));
    }
  }
  for (const auto& [path, bytes] : added) paths.insert(path);
  parallel_for(added.size(), jobs,
               [&](std::size_t i) { sink.put(added[i].first, std::move(added[i].second)); });
}

}  // namespace hyoka
