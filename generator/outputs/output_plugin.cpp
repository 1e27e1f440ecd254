#include "outputs/output_plugin.h"

#include "base/parallel.h"

namespace hyoka {

void OutputRegistry::run(const Site& site, const Theme& theme, SitePaths& paths, FileSink& sink,
                         Diagnostics& diags, unsigned jobs) const {
  const OutputContext context{site, theme, paths};
  std::vector<SiteFiles> outs(plugins_.size());
  std::vector<Diagnostics> found(plugins_.size());
  std::vector<std::size_t> beside, alone;
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    (plugins_[i]->runs_beside_others() ? beside : alone).push_back(i);
  }
  parallel_for(beside.size(), jobs, [&](std::size_t k) {
    plugins_[beside[k]]->emit(context, outs[beside[k]], found[beside[k]]);
  });
  for (const auto i : alone) plugins_[i]->emit(context, outs[i], found[i]);

  SiteFiles added;
  for (std::size_t i = 0; i < plugins_.size(); ++i) {
    diags.append(found[i]);
    for (auto& [path, bytes] : outs[i]) {
      if (paths.count(path) || added.count(path)) {
        diags.report_file(Severity::error, path,
                          "the output plugin \"" + plugins_[i]->name() +
                              "\" writes a file that the site already has");
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
