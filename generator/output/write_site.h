// Writes the site to the destination folder atomically: everything goes to a folder beside it
// first, which then takes the destination's place in one rename. A failed build, a full disk or
// a crash part-way leaves the previous site exactly as it was.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "render/file_sink.h"

namespace hyoka {

struct WriteStats {
  std::size_t files = 0;
  std::size_t bytes = 0;
};

// Takes files one by one, from several threads at once, as they are rendered; nothing of the
// destination changes before commit().
class SiteWriter {
 public:
  SiteWriter() = default;
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;
  // Abandons what was not committed.
  ~SiteWriter();

  // Starts reading, on a thread of its own, what the folder beside `destination` holds from the
  // build before the last, for open() to find read: a build calls it before it loads the site,
  // which takes longer. Nothing is changed or reported.
  void look_ahead(const std::string& destination);
  // Prepares the folder beside `destination`. Refuses a destination that is, or holds, the
  // site's source folder.
  bool open(const std::string& destination, const std::string& source_dir, Diagnostics& diags);
  // Writes one file; a failure is kept for commit() to report, and later files are let go.
  void put(const std::string& path, const std::string& bytes);
  // Removes what the site no longer has and swaps the new site in.
  bool commit(Diagnostics& diags, WriteStats* stats = nullptr);
  // Removes the unfinished site; the destination stays as it was.
  void abandon();

 private:
  // What the site before the last has at a path.
  enum class Kind : unsigned char { file, folder, other };
  // Paths under the staging folder, each folder right before what it holds.
  using Listing = std::vector<std::pair<std::string, Kind>>;

  // Adds what `dir` holds to `out`, its paths after `prefix`; stops early when asked to.
  // False when a folder below could not be read whole (or it stopped).
  static bool list(int dir, const std::string& prefix, std::vector<char>& buffer, Listing& out,
                   const std::stop_token& stop);
  // With mutex_ held: the folders `relative` needs, made or kept; false when one cannot be.
  bool make_folders_locked(const std::string& relative);
  // With mutex_ held: keeps the first reason for commit() and lets later files go.
  void fail_locked(const std::string& why);
  // Removes what the site before the last has and this one does not.
  void prune();
  // Makes the staging folder (emptied first when asked) and opens it; why not, or "".
  std::string open_staging(bool empty_first);
  void close_staging();

  std::string destination_;  // as given, for messages
  std::filesystem::path dest_, parent_, staging_;
  int staging_fd_ = -1;  // every path below is opened relative to it
  bool open_ = false;
  // The site before the last, as open() found it in the staging folder (a folder before what
  // it holds), so that neither put() nor commit() needs to look at the disk to know what is
  // there. Read-only once open() returns.
  Listing old_;
  std::unordered_map<std::string_view, Kind> old_kind_;  // into old_
  // look_ahead()'s thread, what it lists and what it found (whole when `looked_whole_`).
  std::jthread looker_;
  std::filesystem::path looked_at_;
  Listing looked_;
  bool looked_whole_ = false;
  std::mutex mutex_;
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
      return std::hash<std::string_view>{}(path);
    }
  };
  using Paths = std::unordered_set<std::string, PathHash, std::equal_to<>>;
  Paths written_;  // relative paths
  Paths folders_;  // holding this site's files, made or kept
  std::string failure_;
  std::atomic<bool> failed_ = false;
  WriteStats stats_;
};

// All at once, from memory.
bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats = nullptr);

}  // namespace hyoka
