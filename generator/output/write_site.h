// Writes the site to the destination folder atomically: everything goes to a folder beside it
// first, which then takes the destination's place in one rename. A failed build, a full disk or
// a crash part-way leaves the previous site exactly as it was.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

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
  // With mutex_ held: keeps the first reason for commit() and lets later files go.
  void fail_locked(const std::string& why);

  std::string destination_;  // as given, for messages
  std::filesystem::path dest_, parent_, staging_;
  bool open_ = false;
  bool reused_ = false;  // the staging folder holds the site before the last
  std::mutex mutex_;
  std::set<std::string> written_;  // relative paths
  std::set<std::filesystem::path> made_dirs_;
  std::string failure_;
  std::atomic<bool> failed_ = false;
  WriteStats stats_;
};

// All at once, from memory.
bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats = nullptr);

}  // namespace hyoka
