// Tells the preview when the site's sources changed: site.toml, content/, themes/ and
// static/, including files and folders created, deleted or renamed after it started.
// Two implementations behind one interface: inotify, and polling for file systems that send
// no change events (network mounts, some container volumes).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace hyoka {

class Watcher {
 public:
  virtual ~Watcher() = default;
  // Blocks until something changed and then nothing more for the debounce time, so an
  // editor's save (write a temporary file, rename it over the old one) is one change.
  // Returns the changed paths relative to the site's folder, sorted; a folder path ends in
  // '/' when everything below it may have changed. Empty once stop() was called.
  virtual std::vector<std::string> wait() = 0;
  // May be called from another thread; wakes a waiting wait().
  virtual void stop() = 0;
};

inline constexpr auto kDebounce = std::chrono::milliseconds(40);

// Nullptr when inotify is unavailable (the caller falls back to polling).
std::unique_ptr<Watcher> make_inotify_watcher(const std::string& site_dir,
                                              std::chrono::milliseconds debounce = kDebounce);
std::unique_ptr<Watcher> make_polling_watcher(
    const std::string& site_dir,
    std::chrono::milliseconds interval = std::chrono::milliseconds(300),
    std::chrono::milliseconds debounce = kDebounce);

// Whether a path relative to the site's folder is one the site is built from. Editors'
// scratch files (`.x.swp`, `x~`, `.#x`, `4913`) are not, so saving in vim or Emacs rebuilds
// once, and neither are the lock files Excel writes beside a CSV it opens (`~$x.csv`).
bool is_site_source(const std::string& relative_path);

}  // namespace hyoka
