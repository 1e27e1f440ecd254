// Writes the site to the destination folder atomically: everything goes to a folder beside it
// first, which then takes the destination's place in one rename. A failed build, a full disk or
// a crash part-way leaves the previous site exactly as it was.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "output/site_listing.h"
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

  // Prepares the folder beside `destination`. Refuses a destination that is, or holds, the
  // site's source folder (the pipeline has refused more before: check_destination()).
  bool open(const std::string& destination, const std::string& source_dir, Diagnostics& diags);
  // Writes one file; a failure is kept for commit() to report, and later files are let go.
  void put(const std::string& path, const std::string& bytes);
  // Removes what the site no longer has and swaps the new site in.
  // `jobs` threads list the site before the last (0: one per core).
  bool commit(Diagnostics& diags, WriteStats* stats = nullptr, unsigned jobs = 0);
  // Removes the unfinished site; the destination stays as it was.
  void abandon();

 private:
  // The folders `relative` needs, made or kept; false (and the build failed) when one cannot be.
  // A file of this site where it needs a folder is found at commit().
  bool make_folders(const std::string& relative);
  // With mutex_ held: keeps the first reason for commit() and lets later files go.
  void fail_locked(const std::string& why);
  void fail(const std::string& why);
  // The paths put() wrote, looked up at commit().
  using Written = std::unordered_set<std::string_view>;
  // Removes what the site before the last has and this one does not; false when something
  // could not be removed.
  bool prune(const Listing& old, const Written& written);
  // Makes the staging folder (emptied first when asked) and opens it; why not, or "".
  std::string open_staging(bool empty_first);
  void close_staging();

  std::string destination_;  // as given, for messages
  std::filesystem::path dest_, parent_, staging_;
  int staging_fd_ = -1;  // every path below is opened relative to it
  bool open_ = false;
  bool reused_ = false;       // the staging folder holds the site before the last
  std::uint64_t opened_ = 0;  // which open() of any writer: tells threads' caches apart
  std::mutex mutex_;
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
      return std::hash<std::string_view>{}(path);
    }
  };
  using Paths = std::unordered_set<std::string, PathHash, std::equal_to<>>;
  std::vector<std::string> written_list_;  // relative paths, as put() wrote them
  Paths folders_;                          // holding this site's files, made or kept
  std::string failure_;
  std::atomic<bool> failed_ = false;
  WriteStats stats_;
};

// All at once, from memory.
bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats = nullptr);

}  // namespace hyoka
