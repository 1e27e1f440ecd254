#include "serve/preview_build.h"

#include <chrono>

#include "base/masked_output.h"
#include "config/site_config.h"
#include "pipeline/build.h"
#include "pipeline/rebuild.h"
#include "serve/route.h"

namespace hyoka {

namespace {

// "1 file differs", "2 files differ": the verb agrees with the count.
std::string files_differ(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " file differs" : " files differ");
}

}  // namespace

PreviewBuild::PreviewBuild(ServeOptions options, std::string origin, PreviewServer& server)
    : options_(std::move(options)), origin_(std::move(origin)), server_(server) {}

bool PreviewBuild::run(const std::vector<std::string>& changed, std::ostream& log) {
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started)
        .count();
  };
  const RealFileSystem fs;
  const auto what = changed.empty() ? std::string() : describe_changes(changed);
  const auto prefix = "hyoka: " + (what.empty() ? std::string() : what + " changed: ");
  // An edit of pages' Markdown alone renders those pages again, and nothing else.
  if (state_ && !changed.empty()) {
    Diagnostics diags;
    if (auto rebuilt = rebuild_pages(*state_, changed, fs, diags)) {
      print_diagnostics(diags, log);
      const auto pages = rebuilt->pages.size();
      const auto differ = pages == 0 ? 0 : server_.update_site(std::move(rebuilt->files), what);
      log << prefix << "rebuilt " << pages << (pages == 1 ? " page" : " pages") << " in "
          << elapsed() << " ms, " << files_differ(differ) << '\n'
          << std::flush;
      return true;
    }
  }
  // site.toml is read once more on its own for the sub-path; when it is broken, the build
  // below reports why and the preview stays where it was.
  Diagnostics ignored;
  if (const auto config = load_config(fs, join_path(options_.source_dir, "site.toml"), ignored)) {
    sub_path_ = sub_path_of(config->base_url);
  }
  BuildOptions build;
  build.source_dir = options_.source_dir;
  build.theme = options_.theme;
  build.base_url = origin_ + sub_path_;
  build.write = false;
  build.keep_files = true;
  build.keep_state = true;
  auto result = build_site(build, fs);
  state_ = std::move(result.state);

  print_diagnostics(result.diagnostics, log);
  if (!result.ok) {
    // The overlay shows the errors only; the warnings stay in the terminal.
    std::string text;
    std::size_t shown = 0;
    for (const auto& diag : result.diagnostics.sorted()) {
      if (diag.severity == Severity::error && shown++ < 20) text += format(diag);
    }
    if (shown > 20) text += "… and " + std::to_string(shown - 20) + " more errors\n";
    server_.show_error(mask_secret(text, options_.secret), sub_path_);
    log << prefix << "the build failed in " << elapsed() << " ms with "
        << result.diagnostics.errors() << (result.diagnostics.errors() == 1 ? " error" : " errors")
        << "; the pages show it over the last good site\n"
        << std::flush;
    return false;
  }
  const auto pages = result.pages;
  const auto differ = server_.show_site(std::move(result.files), sub_path_, what);
  log << prefix << (changed.empty() ? "built " : "rebuilt ") << pages << " pages in " << elapsed()
      << " ms";
  if (!changed.empty()) log << ", " << files_differ(differ);
  log << '\n' << std::flush;
  return true;
}

std::string describe_changes(const std::vector<std::string>& changed) {
  if (changed.empty()) return "";
  if (changed.size() == 1) return changed[0];
  if (changed.size() == 2) return changed[0] + " and " + changed[1];
  return changed[0] + " and " + std::to_string(changed.size() - 1) + " more";
}

}  // namespace hyoka
