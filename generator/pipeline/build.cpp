#include "pipeline/build.h"

#include <sys/resource.h>
#include <chrono>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "base/confined_file_system.h"
#include "base/mounted_file_system.h"
#include "check/link_check.h"
#include "config/site_config.h"
#include "content/page.h"
#include "data/dataset.h"
#include "output/destination.h"
#include "output_plugins/output_plugin.h"
#include "plugins/shared_library_plugins.h"
#include "render/theme.h"
#include "site/site.h"
#include "themes/builtin_themes.h"

namespace hyoka {

namespace {

// Applies the command line's overrides to site.toml's values.
void apply_overrides(const BuildOptions& options, SiteConfig& config, Diagnostics& diags) {
  // The command line checked it (a wrong --base-url is a wrong command line: exit 2).
  if (options.base_url) config.base_url = normalize_base_url(*options.base_url);
  if (options.theme) {
    if (const auto problem = check_theme_name(*options.theme)) {
      diags.report_file(Severity::error, "", "--theme: " + *problem);
    }
    config.theme = *options.theme;
    config.source = nullptr;  // an unknown theme is then the flag's fault, not site.toml's
  }
}

// The end of a stage: stop when it found errors, or warnings under --strict.
bool stage_failed(const BuildOptions& options, Diagnostics& diags) {
  if (options.strict) diags.promote_warnings();
  return diags.has_errors();
}

// Records the time since the previous lap under a stage's name.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {}
  void lap(const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    if (times_) {
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      times_->push_back(
          {stage, std::chrono::duration<double, std::milli>(now - last_).count(), usage.ru_maxrss});
    }
    last_ = now;
  }

 private:
  StageTimes* times_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Each file as it is made: its links checked, then written, kept in memory, or both.
class BuildSink final : public FileSink {
 public:
  BuildSink(LinkCheck& links, SiteFiles* keep, SiteWriter* writer)
      : links_(links), keep_(keep), writer_(writer) {}
  void put(const std::string& path, std::string bytes) override {
    links_.scan(path, bytes);
    if (writer_) writer_->put(path, bytes);
    if (keep_) {
      const std::lock_guard lock(mutex_);
      (*keep_)[path] = std::move(bytes);
    }
  }

 private:
  LinkCheck& links_;
  SiteFiles* keep_;
  SiteWriter* writer_;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<FileSystem> site_files(const FileSystem& fs, const std::string& source_dir,
                                       const SiteConfig& config) {
  return std::make_unique<MountedFileSystem>(
      std::make_unique<ConfinedFileSystem>(fs, source_dir, config.allow_links_to),
      std::string(kBuiltinThemesDir), builtin_themes());
}

std::vector<std::string> read_by_build(const FileSystem& fs, const std::string& source_dir,
                                       const SiteConfig& config) {
  std::vector<std::string> read;
  for (const auto* name : {"site.toml", "content", "themes", "static"}) {
    read.push_back(join_path(source_dir, name));
  }
  // Each theme, wherever a link in themes/ leads.
  const auto themes = join_path(source_dir, "themes");
  for (const auto& name : fs.list_dirs(themes)) read.push_back(join_path(themes, name));
  const auto from_site = [&](const std::string& path) {
    return path.starts_with('/') ? path : join_path(source_dir, path);
  };
  for (const auto& folder : config.allow_links_to) read.push_back(from_site(folder));
  for (const auto& plugin : config.plugins) read.push_back(from_site(plugin.path));
  return read;
}

LoadedSite load_site(const BuildOptions& options, const FileSystem& disk, Diagnostics& diags,
                     StageTimes* times, const AfterConfig& after_config) {
  LoadedSite loaded;
  const auto& src = options.source_dir;
  StageClock clock(times);

  // site.toml, which must be the site's own file: it says where else links may lead
  auto config = load_config(ConfinedFileSystem(disk, src), join_path(src, "site.toml"), diags);
  if (config) apply_overrides(options, *config, diags);
  clock.lap("config");
  if (!config || stage_failed(options, diags)) return loaded;
  if (after_config && !after_config(*config)) return loaded;
  loaded.files = site_files(disk, src, *config);
  const FileSystem& fs = *loaded.files;

  // Pages, datasets and the theme, each read and checked on its own
  auto content = load_content(fs, join_path(src, "content"), diags, options.jobs);
  clock.lap("content");
  auto datasets = load_datasets(fs, content.data_files, diags, config->area_label,
                                content.csv_files, config->missing_reasons);
  clock.lap("data");
  auto theme =
      load_theme(fs, join_path(src, "themes"), *config, diags, std::string(kBuiltinThemesDir));
  // The site's own static/ is copied as it is and wins over the theme's files of the same name.
  if (theme) {
    std::map<std::string, std::string> site_static;
    add_static_files(fs, join_path(src, "static"), site_static, diags);
    for (auto& [output, path] : site_static) theme->static_files[output] = path;
  }
  clock.lap("theme");
  if (stage_failed(options, diags)) return loaded;

  // The site: areas in order, dataset rows matched to areas
  auto site = assemble_site(std::move(*config), std::move(content), std::move(datasets), diags);
  clock.lap("site");
  if (!site || stage_failed(options, diags)) return loaded;
  site->words = theme->words;
  loaded.site = std::move(site);
  loaded.theme = std::move(theme);
  return loaded;
}

BuildResult build_site(const BuildOptions& options, const FileSystem& fs) {
  const auto started = std::chrono::steady_clock::now();
  BuildResult result;
  auto& diags = result.diagnostics;
  const auto& src = options.source_dir;

  SiteWriter writer;
  DestinationLock lock;
  const auto destination =
      options.destination.empty() ? join_path(src, "public") : options.destination;
  // Before anything is written: a destination among the sources would take them with it when
  // it is replaced, and one build at a time writes there.
  const auto reserve_destination = [&](const SiteConfig& config) {
    if (!options.write) return true;
    if (!check_destination(destination, read_by_build(fs, src, config), diags)) return false;
    return lock.acquire(destination, diags);
  };

  // site.toml, pages, datasets and theme, assembled into the Site
  auto loaded = load_site(options, fs, diags, &result.stages, reserve_destination);
  StageClock clock(&result.stages);
  if (!loaded.site || !loaded.theme) return result;
  const auto& site = loaded.site;
  // On the heap, where it stays: the link check and a kept state refer to it.
  auto theme = std::make_unique<Theme>(std::move(*loaded.theme));
  result.pages = 1 + site->areas.size();
  result.datasets = site->datasets.size();

  // Plugins, hyoka's own and those site.toml lists, all through the same registries; the
  // libraries stay loaded until the registries are gone
  LoadedPlugins libraries;
  BlockRegistry blocks;
  add_builtin_blocks(blocks);
  OutputRegistry outputs;
  add_builtin_outputs(outputs);
  libraries.load(site->config, src, blocks, outputs, diags);
  if (stage_failed(options, diags)) return result;
  clock.lap("plugins");

  // Every page and asset, then every other file from the output plugins, each checked for
  // its links and written to the folder beside the destination as soon as it is made, so that
  // the site never has to fit in memory; the destination is replaced in one step at the end,
  // and only when no stage found a problem.
  auto links = std::make_unique<LinkCheck>(*site, *theme);
  if (options.write && !writer.open(destination, src, diags)) return result;
  BuildSink sink(*links, options.keep_files ? &result.files : nullptr,
                 options.write ? &writer : nullptr);
  auto paths = render_site(*site, *theme, *loaded.files, diags, blocks, options.jobs, sink);
  clock.lap("render");
  if (stage_failed(options, diags)) return result;

  outputs.run(*site, *theme, paths, sink, diags);
  clock.lap("outputs");
  if (stage_failed(options, diags)) return result;

  links->report(paths, diags, nullptr, options.jobs);
  clock.lap("links");
  if (stage_failed(options, diags)) return result;

  if (options.write) {
    const bool written = writer.commit(diags, &result.written, options.jobs);
    clock.lap("write");
    if (!written) return result;
  }
  result.ok = true;
  std::shared_ptr<Site> built = std::move(loaded.site);
  result.site = built;
  if (options.keep_state) {
    result.state = std::make_unique<BuildState>(
        BuildState{options, built, std::move(theme), std::move(links), std::move(paths)});
  }
  result.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

void print_diagnostics(const Diagnostics& diags, std::ostream& out, std::size_t limit) {
  // Every error is printed, in reading order with the warnings; warnings beyond `limit` are
  // counted only, so that an error after a hundred warnings is never left out.
  std::size_t warnings_shown = 0;
  for (const auto& d : diags.sorted()) {
    if (d.severity == Severity::warning && warnings_shown++ >= limit) continue;
    out << format(d);
  }
  const int errors = diags.errors();
  const int warnings = diags.warnings();
  if (warnings_shown > limit) {
    const auto left = warnings_shown - limit;
    out << "… and " << left << (left == 1 ? " more warning" : " more warnings") << " not shown\n";
  }
  if (errors || warnings) {
    out << errors << (errors == 1 ? " error, " : " errors, ") << warnings
        << (warnings == 1 ? " warning\n" : " warnings\n");
  }
}

std::string summary(const BuildOptions& options, const BuildResult& result) {
  char time[32];
  std::snprintf(time, sizeof time, "%.0f ms", result.milliseconds);
  std::string line = std::to_string(result.pages) + " pages, " + std::to_string(result.datasets) +
                     (result.datasets == 1 ? " dataset" : " datasets");
  if (!options.write) return "checked " + line + " in " + time;
  const auto destination =
      options.destination.empty() ? join_path(options.source_dir, "public") : options.destination;
  return "built " + line + " into " + destination + "/ (" + std::to_string(result.written.files) +
         " files, " + std::to_string((result.written.bytes + 1023) / 1024) + " KiB) in " + time;
}

std::string stage_report(const StageTimes& times) {
  std::string out;
  double total = 0;
  char line[96];
  long peak = 0;
  for (const auto& t : times) {
    std::snprintf(line, sizeof line, "  %-8s %9.1f ms   peak %6.1f MiB\n", t.stage.c_str(),
                  t.milliseconds, static_cast<double>(t.peak_kib) / 1024);
    out += line;
    total += t.milliseconds;
    peak = std::max(peak, t.peak_kib);
  }
  std::snprintf(line, sizeof line, "  %-8s %9.1f ms   peak %6.1f MiB\n", "total", total,
                static_cast<double>(peak) / 1024);
  return out + line;
}

std::string rows_files_report(const Site& site) {
  std::string out;
  for (const auto& dataset : site.datasets) {
    if (!dataset.rows_file) continue;
    const auto& file = *dataset.rows_file;
    std::string years;
    for (const auto year : dataset.periods)
      years += (years.empty() ? "" : ", ") + std::to_string(year);
    out += "hyoka: read " + file.path + ": " + std::to_string(file.lines) +
           (file.lines == 1 ? " line, " : " lines, ") + std::to_string(dataset.rows.size()) +
           (dataset.rows.size() == 1 ? " area, " : " areas, ") +
           (dataset.periods.size() == 1 ? "fiscal year " : "fiscal years ") + years + ", " +
           file.encoding + "\n";
  }
  return out;
}

}  // namespace hyoka
