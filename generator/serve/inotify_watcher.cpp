// The inotify watcher. inotify watches single folders, not trees, so every folder below the
// roots gets a watch of its own, and a folder that appears later gets one when it appears.
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <map>
#include <set>

#include "base/file_system.h"
#include "serve/watcher.h"

namespace hyoka {

namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kFolderEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE |
                                        IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF |
                                        IN_MOVE_SELF | IN_DONT_FOLLOW;
// A steady stream of writes still gets a rebuild this often.
constexpr auto kLongestBatch = std::chrono::milliseconds(500);

class InotifyWatcher final : public Watcher {
 public:
  InotifyWatcher(std::string site_dir, int inotify, int wake, std::chrono::milliseconds debounce)
      : site_dir_(std::move(site_dir)), inotify_(inotify), wake_(wake), debounce_(debounce) {
    rescan();
  }
  ~InotifyWatcher() override {
    close(inotify_);
    close(wake_);
  }

  std::vector<std::string> wait() override {
    std::set<std::string> changed;
    while (changed.empty()) {
      if (!collect(changed)) return {};
    }
    return {changed.begin(), changed.end()};
  }

  void stop() override {
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = write(wake_, &one, sizeof one);
  }

 private:
  // Waits for a batch of events; false when stopped. The batch may turn out to change nothing.
  bool collect(std::set<std::string>& changed) {
    created_.clear();
    bool rescan_needed = false;
    std::chrono::steady_clock::time_point deadline;
    // The first event may take forever; after it, only the debounce time.
    int timeout = -1;
    for (;;) {
      std::array<pollfd, 2> fds{{{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}}};
      const int ready = poll(fds.data(), fds.size(), timeout);
      if (ready < 0 && errno != EINTR) return false;
      if (fds[1].revents) return false;
      if (ready > 0 && fds[0].revents) read_events(changed, rescan_needed);
      if (changed.empty() && !rescan_needed) {
        timeout = -1;
        continue;
      }
      if (ready == 0) break;  // quiet for the debounce time
      if (timeout < 0) deadline = std::chrono::steady_clock::now() + kLongestBatch;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      timeout = static_cast<int>(std::min(left, debounce_).count());
    }
    if (rescan_needed) rescan();
    return true;
  }

  void read_events(std::set<std::string>& changed, bool& rescan_needed) {
    alignas(inotify_event) char buffer[16384];
    for (;;) {
      const auto length = read(inotify_, buffer, sizeof buffer);
      if (length <= 0) return;  // EAGAIN: drained
      for (char* at = buffer; at < buffer + length;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        at += sizeof(inotify_event) + event->len;
        handle(*event, changed, rescan_needed);
      }
    }
  }

  void handle(const inotify_event& event, std::set<std::string>& changed, bool& rescan_needed) {
    if (event.mask & IN_Q_OVERFLOW) {
      // Events were lost: anything may have changed, and folders may have come and gone.
      for (const auto* root : {"site.toml", "content/", "themes/", "static/"}) changed.insert(root);
      rescan_needed = true;
      return;
    }
    const auto folder = folders_.find(event.wd);
    if (folder == folders_.end()) return;
    if (event.mask & IN_IGNORED) {
      folders_.erase(folder);
      return;
    }
    if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
      // The folder itself went; its parent reports the path. Its watches die with it.
      rescan_needed = true;
      return;
    }
    if (event.len == 0) return;
    const auto path = join_path(folder->second, event.name);
    if (!is_site_source(path)) return;
    const bool is_folder = event.mask & IN_ISDIR;
    if (!is_folder && (event.mask & (IN_DELETE | IN_MOVED_FROM)) && created_.count(path)) {
      // A temporary file that came and went within the batch (sed -i, some editors' saves)
      // changed nothing the site is built from.
      changed.erase(path);
      return;
    }
    if (event.mask & IN_CREATE) created_.insert(path);
    changed.insert(is_folder ? path + "/" : path);
    if (is_folder && (event.mask & (IN_CREATE | IN_MOVED_TO))) {
      // Files may already be inside before the watch exists: report them as well.
      watch_tree(path, &changed);
    } else if (is_folder && (event.mask & IN_MOVED_FROM)) {
      // The watches below a moved folder still carry its old path.
      rescan_needed = true;
    }
  }

  // Re-walks every root: watches what is new, re-labels what moved, drops what is gone.
  void rescan() {
    auto before = std::move(folders_);
    folders_.clear();
    add_watch("");  // the site's folder: site.toml, and roots created later
    for (const auto* root : {"content", "themes", "static"}) watch_tree(root, nullptr);
    for (const auto& [wd, path] : before) {
      if (!folders_.count(wd)) inotify_rm_watch(inotify_, wd);
    }
  }

  void watch_tree(const std::string& relative, std::set<std::string>* changed) {
    std::error_code error;
    const auto root = fs::path(site_dir_) / relative;
    if (!fs::is_directory(fs::symlink_status(root, error))) return;
    add_watch(relative);
    for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
         it.increment(error)) {
      const auto rel = fs::relative(it->path(), site_dir_, error).generic_string();
      if (it->is_directory(error) && !it->is_symlink(error)) {
        add_watch(rel);
      } else if (changed && is_site_source(rel)) {
        changed->insert(rel);
      }
    }
  }

  void add_watch(const std::string& relative) {
    const auto path = relative.empty() ? site_dir_ : join_path(site_dir_, relative);
    const int wd = inotify_add_watch(inotify_, path.c_str(), kFolderEvents | IN_ONLYDIR);
    if (wd >= 0) folders_[wd] = relative;
  }

  std::string site_dir_;
  int inotify_;
  int wake_;
  std::chrono::milliseconds debounce_;
  std::map<int, std::string> folders_;  // watch descriptor → folder relative to the site
  std::set<std::string> created_;       // files created during the batch being collected
};

}  // namespace

std::unique_ptr<Watcher> make_inotify_watcher(const std::string& site_dir,
                                              std::chrono::milliseconds debounce) {
  const int inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify < 0) return nullptr;
  const int wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake < 0) {
    close(inotify);
    return nullptr;
  }
  return std::make_unique<InotifyWatcher>(site_dir, inotify, wake, debounce);
}

}  // namespace hyoka
