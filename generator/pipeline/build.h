// The build: build_site() runs the stages, in the order its body lists them. `hyoka check`
// runs the same stages and stops before writing.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "check/link_check.h"
#include "output/write_site.h"
#include "render/render_site.h"
#include "render/theme.h"
#include "site/site.h"

namespace hyoka {

struct BuildOptions {
  std::string source_dir = ".";
  std::string destination;              // empty: <source>/public
  std::optional<std::string> base_url;  // checked by the caller (check_base_url)
  std::optional<std::string> theme;
  bool write = true;    // false for `hyoka check`
  bool strict = false;  // warnings fail the build
  unsigned jobs = 0;    // threads that render pages; 0: one per core
  // Keep every file in BuildResult::files (the preview server and publish read them there);
  // a build otherwise only writes them.
  bool keep_files = false;
  // Keep what the build was made of in BuildResult::state, for rebuild_pages().
  bool keep_state = false;
};

// How long each stage took, in the order they ran, for `--verbose`.
struct StageTime {
  std::string stage;
  double milliseconds = 0;
  long peak_kib = 0;  // the process's peak resident memory at the stage's end
};
using StageTimes = std::vector<StageTime>;

// What a build was made of: the preview rebuilds only the pages an edit touches from it.
struct BuildState {
  BuildOptions options;
  std::shared_ptr<Site> site;
  std::unique_ptr<Theme> theme;
  std::unique_ptr<LinkCheck> links;  // the references and ids of every file
  SitePaths paths;                   // every file of the site
};

struct BuildResult {
  Diagnostics diagnostics;
  bool ok = false;
  std::size_t pages = 0;
  std::size_t datasets = 0;
  SiteFiles files;  // with keep_files: what was (or, for check, would be) written
  WriteStats written;
  double milliseconds = 0;
  StageTimes stages;
  std::shared_ptr<const Site> site;   // when ok: what was built, for `hyoka publish`
  std::unique_ptr<BuildState> state;  // when ok and keep_state
};

// The stages up to the Site (its settings, pages, datasets and theme): the Site and its theme, or a
// null site when a stage found errors (recorded in `diags`). `after_config`, when given, is asked
// once site.toml is read, before anything else is, and stops the load by answering false.
struct LoadedSite {
  std::unique_ptr<Site> site;
  std::optional<Theme> theme;
  // The site's files as every later stage reads them (static files, the preview's edits).
  std::unique_ptr<FileSystem> files;
};
using AfterConfig = std::function<bool(const SiteConfig&)>;
LoadedSite load_site(const BuildOptions& options, const FileSystem& fs, Diagnostics& diags,
                     StageTimes* times = nullptr, const AfterConfig& after_config = {});

// The site's files that hyoka reads, as the build's read them: links leading outside the site
// only into the folders site.toml allows, and the built-in themes below kBuiltinThemesDir.
std::unique_ptr<FileSystem> site_files(const FileSystem& fs, const std::string& source_dir,
                                       const SiteConfig& config);

// The files and folders a build of the site reads, as paths from where hyoka runs: no
// destination may be, hold or lie inside one.
std::vector<std::string> read_by_build(const FileSystem& fs, const std::string& source_dir,
                                       const SiteConfig& config);

BuildResult build_site(const BuildOptions& options, const FileSystem& fs);

// Problems in reading order: every error, at most `limit` warnings, then a count of the
// warnings left out.
void print_diagnostics(const Diagnostics& diags, std::ostream& out, std::size_t limit = 100);

// One line saying what was built, for the terminal.
std::string summary(const BuildOptions& options, const BuildResult& result);

// One line per stage with its time, for `--verbose`.
std::string stage_report(const StageTimes& times);

// One line per CSV file that rows were read from: its lines, areas, fiscal years and
// encoding, for `--verbose`.
std::string rows_files_report(const Site& site);

}  // namespace hyoka
