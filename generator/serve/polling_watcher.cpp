// The polling watcher, for file systems that send no change events. It compares size,
// modification time and a hash of the content of every file: a coarse clock (FAT, some
// network mounts) can give an edit the same size and time as the text before it.
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "serve/watcher.h"

namespace hyoka {

namespace {

namespace fs = std::filesystem;

struct Stamp {
  std::uintmax_t size = 0;
  fs::file_time_type modified;
  std::uint64_t hash = 0;
  bool operator==(const Stamp&) const = default;
};

using Snapshot = std::map<std::string, Stamp>;

std::uint64_t hash_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      hash = (hash ^ static_cast<unsigned char>(buffer[i])) * 1099511628211ull;
    }
  }
  return hash;
}

Snapshot scan(const std::string& site_dir) {
  Snapshot snapshot;
  std::error_code error;
  const auto add = [&](const fs::path& path, const std::string& relative) {
    std::error_code e;
    const auto status = fs::status(path, e);
    if (e || !is_site_source(relative)) return;
    if (fs::is_directory(status)) {
      // Folders count too, so an empty new folder or a removed one is seen.
      snapshot[relative + "/"] = {};
    } else if (fs::is_regular_file(status)) {
      snapshot[relative] = {fs::file_size(path, e), fs::last_write_time(path, e), hash_file(path)};
    }
  };
  add(fs::path(site_dir) / "site.toml", "site.toml");
  for (const auto* root : {"content", "themes", "static"}) {
    const auto top = fs::path(site_dir) / root;
    if (!fs::is_directory(top, error)) continue;
    add(top, root);
    for (fs::recursive_directory_iterator it(top, error), end; !error && it != end;
         it.increment(error)) {
      add(it->path(), fs::relative(it->path(), site_dir, error).generic_string());
    }
    error.clear();
  }
  return snapshot;
}

void note_differences(const Snapshot& before, const Snapshot& after, std::set<std::string>& out) {
  for (const auto& [path, stamp] : after) {
    const auto old = before.find(path);
    if (old == before.end() || !(old->second == stamp)) out.insert(path);
  }
  for (const auto& [path, stamp] : before) {
    if (!after.count(path)) out.insert(path);
  }
}

class PollingWatcher final : public Watcher {
 public:
  PollingWatcher(std::string site_dir, std::chrono::milliseconds interval,
                 std::chrono::milliseconds debounce)
      : site_dir_(std::move(site_dir)),
        interval_(interval),
        debounce_(debounce),
        last_(scan(site_dir_)) {}

  std::vector<std::string> wait() override {
    std::set<std::string> changed;
    while (changed.empty()) {
      if (!sleep(interval_)) return {};
      auto now = scan(site_dir_);
      note_differences(last_, now, changed);
      last_ = std::move(now);
    }
    // Changes still coming (an editor's save in several steps) join this batch.
    for (std::size_t before = 0; before != changed.size();) {
      before = changed.size();
      if (!sleep(debounce_)) return {};
      auto now = scan(site_dir_);
      note_differences(last_, now, changed);
      last_ = std::move(now);
    }
    return {changed.begin(), changed.end()};
  }

  void stop() override {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    wake_.notify_all();
  }

 private:
  // False when stopped while sleeping.
  bool sleep(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, duration, [&] { return stopped_; });
  }

  std::string site_dir_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds debounce_;
  Snapshot last_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopped_ = false;
};

}  // namespace

std::unique_ptr<Watcher> make_polling_watcher(const std::string& site_dir,
                                              std::chrono::milliseconds interval,
                                              std::chrono::milliseconds debounce) {
  return std::make_unique<PollingWatcher>(site_dir, interval, debounce);
}

}  // namespace hyoka
