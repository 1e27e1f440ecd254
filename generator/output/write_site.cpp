#include "output/write_site.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "base/file_system.h"
#include "output/destination.h"
#include "output/write_all.h"

namespace fs = std::filesystem;

namespace hyoka {

namespace {

// Writes all of `bytes` over whatever file is at `path`, or returns the errno that stopped it;
// `in_the_way` when the path holds something other than a file (a folder, a link, a pipe). A
// file of the site before the last is written over in place and cut only where the new one is
// shorter: emptying it first (O_TRUNC) frees its blocks, and ext4 then also flushes it to disk
// on close. O_NONBLOCK: a pipe left there must not stop the build.
int write_file(int dir, const char* path, std::string_view bytes, bool& in_the_way) {
  in_the_way = false;
  const int fd =
      ::openat(dir, path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
  if (fd < 0) {
    in_the_way = errno == EISDIR || errno == ELOOP || errno == ENXIO;
    return errno;
  }
  const auto fail = [fd] {
    const int why = errno;
    ::close(fd);
    return why;
  };
  struct stat old {};
  if (::fstat(fd, &old) != 0) return fail();
  if (!S_ISREG(old.st_mode)) {
    ::close(fd);
    in_the_way = true;
    return EEXIST;
  }
  if (static_cast<std::size_t>(old.st_size) > bytes.size() &&
      ::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0) {
    return fail();
  }
  if (const int why = write_all(fd, bytes); why != 0) {
    ::close(fd);
    return why;
  }
  return ::close(fd) == 0 ? 0 : errno;
}

// Makes the folder `name` below `dir`, where the site before the last may have a folder (kept),
// or a file or a link (removed). Another thread may be making the same folder: each step allows
// for what the other did.
int make_folder(int dir, const char* name) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (::mkdirat(dir, name, 0777) == 0) return 0;
    if (errno != EEXIST) return errno;
    struct stat st {};
    if (::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) return 0;
    ::unlinkat(dir, name, 0);
  }
  return EEXIST;
}

// Where the site before the last waits.
fs::path staging_folder(const fs::path& dest) {
  return beside(dest, ".hyoka-new");
}

int open_folder(const fs::path& path) {
  return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

}  // namespace

SiteWriter::~SiteWriter() {
  abandon();
}

bool SiteWriter::open(const std::string& destination, const std::string& source_dir,
                      Diagnostics& diags) {
  destination_ = destination;
  std::error_code ec;
  dest_ = destination_folder(destination);
  if (!check_destination(destination, {join_path(source_dir, "site.toml")}, diags)) return false;
  if (fs::exists(dest_, ec) && !fs::is_directory(dest_, ec)) {
    diags.report_file(Severity::error, destination, "is a file, not a folder; remove it first");
    return false;
  }
  parent_ = dest_.parent_path();
  fs::create_directories(parent_, ec);
  // The site before the last one waits here from the last build: writing over its files, rather
  // than into a new folder, spares the file system creating and deleting every file and folder
  // on every build (most of the time of writing a large site). What the new site does not have
  // goes at commit().
  staging_ = staging_folder(dest_);
  static std::atomic<std::uint64_t> openings = 0;
  opened_ = ++openings;
  reused_ = fs::is_directory(fs::symlink_status(staging_, ec));
  if (const auto why = open_staging(!reused_); !why.empty()) {
    diags.report_file(Severity::error, destination, "cannot write the site next to it: " + why);
    return false;
  }
  open_ = true;
  return true;
}

void SiteWriter::put(const std::string& relative, const std::string& bytes) {
  if (!open_ || failed_) return;
  if (!make_folders(relative)) return;
  bool in_the_way = false;
  int why = write_file(staging_fd_, relative.c_str(), bytes, in_the_way);
  if (why != 0 && in_the_way) {
    // A folder or a link of the site before the last where this site has a file; a folder of
    // this site's own stays, and the build fails at commit().
    bool ours = false;
    {
      const std::lock_guard lock(mutex_);
      ours = folders_.count(relative) > 0;
    }
    if (!ours) {
      std::error_code ec;
      fs::remove_all(staging_ / relative, ec);
      why = write_file(staging_fd_, relative.c_str(), bytes, in_the_way);
    }
  }
  const std::lock_guard lock(mutex_);
  if (why != 0) fail_locked(std::strerror(why));
  written_list_.push_back(relative);
  ++stats_.files;
  stats_.bytes += bytes.size();
}

bool SiteWriter::make_folders(const std::string& relative) {
  const std::string_view path = relative;
  const auto last = path.rfind('/');
  if (last == std::string_view::npos) return true;
  const auto parent = path.substr(0, last);
  // The files of a page go to one folder, one after another from one thread: the folder this
  // thread made or found last needs neither the lock nor a lookup.
  thread_local struct {
    std::uint64_t opened = 0;
    std::string folder;
  } last_made;
  if (last_made.opened == opened_ && last_made.folder == parent) return true;
  std::vector<std::string_view> missing;
  {
    const std::lock_guard lock(mutex_);
    // A folder is in folders_ only with every folder above it: mostly one lookup.
    if (!folders_.count(parent)) {
      for (auto slash = path.find('/'); slash != std::string_view::npos;
           slash = path.find('/', slash + 1)) {
        if (!folders_.count(path.substr(0, slash))) missing.push_back(path.substr(0, slash));
      }
    }
  }
  // Made outside the lock: the other threads go on writing meanwhile.
  for (const auto folder : missing) {
    const std::string name(folder);
    if (const int why = make_folder(staging_fd_, name.c_str()); why != 0) {
      fail("cannot create a folder for " + relative + ": " + std::strerror(why));
      return false;
    }
  }
  {
    const std::lock_guard lock(mutex_);
    for (const auto folder : missing) folders_.emplace(folder);
  }
  last_made.opened = opened_;
  last_made.folder = parent;
  return true;
}

void SiteWriter::fail(const std::string& why) {
  const std::lock_guard lock(mutex_);
  fail_locked(why);
}

void SiteWriter::fail_locked(const std::string& why) {
  // Which file meets a full disk first depends on the threads; the reason does not.
  if (failure_.empty()) failure_ = why;
  failed_ = true;
}

bool SiteWriter::commit(Diagnostics& diags, WriteStats* stats, unsigned jobs) {
  if (!open_) return false;
  std::error_code ec;
  const auto fail = [&](const std::string& what) {
    diags.report_file(Severity::error, destination_,
                      what + "; the previous site was left as it was");
    abandon();
    return false;
  };
  if (failed_) return fail("cannot write the site: " + failure_);
  const Written written(written_list_.begin(), written_list_.end());
  for (const auto& folder : folders_) {
    if (written.count(folder)) {
      return fail("cannot write the site: " + folder + " is both a file and a folder of the site");
    }
  }
  if (reused_) {
    // What could not be read could not be removed, and would stay in the new site.
    Listing old;
    if (!list_site_folder(staging_fd_, old, jobs)) {
      return fail("cannot read all of " + staging_.string() +
                  " (the site before the last) to remove what the site no longer has; remove "
                  "that folder and build again");
    }
    // What stayed would be published with the new site.
    if (!prune(old, written)) {
      return fail("cannot remove from " + staging_.string() +
                  " (the site before the last) what the site no longer has; remove that folder "
                  "and build again");
    }
  }
  // Left beside the destination by earlier versions of hyoka, which recorded what its folders
  // held.
  ::unlink(beside(dest_, ".hyoka-listing").c_str());
  close_staging();
  if (fs::exists(dest_, ec)) {
    // Swap in one step where the file system can; the old site is then left in the staging
    // folder for the next build to write over.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dest_.c_str(), RENAME_EXCHANGE) != 0) {
      const fs::path old = beside(dest_, ".hyoka-old");
      fs::remove_all(old, ec);
      fs::rename(dest_, old, ec);
      if (ec) return fail("cannot replace it: " + ec.message());
      fs::rename(staging_, dest_, ec);
      if (ec) {
        std::error_code restore;
        fs::rename(old, dest_, restore);
        return fail("cannot replace it: " + ec.message());
      }
      fs::rename(old, staging_, ec);
      if (ec) fs::remove_all(old, ec);
    }
  } else {
    fs::rename(staging_, dest_, ec);
    if (ec) return fail("cannot create it: " + ec.message());
  }
  open_ = false;
  if (stats) *stats = stats_;
  return true;
}

bool SiteWriter::prune(const Listing& old, const Written& written) {
  bool all = true;
  for (std::size_t i = 0; i < old.size(); ++i) {
    const auto& [path, kind] = old[i];
    if (folders_.count(path)) continue;  // holds this site's files
    if (kind == EntryKind::folder) {
      // Gone, or a file now (put() removed it then): nothing below it stays.
      if (!written.count(path)) {
        std::error_code ec;
        fs::remove_all(staging_ / path, ec);
        all = all && !ec;
      }
      const auto below = path + '/';
      while (i + 1 < old.size() && old[i + 1].first.starts_with(below)) ++i;
    } else if (!written.count(path) && ::unlinkat(staging_fd_, path.c_str(), 0) != 0) {
      all = all && errno == ENOENT;
    }
  }
  return all;
}

std::string SiteWriter::open_staging(bool empty_first) {
  std::error_code ec;
  if (empty_first) fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (!ec && fs::is_directory(fs::symlink_status(staging_, ec))) {
    staging_fd_ = open_folder(staging_);
    if (staging_fd_ < 0) ec.assign(errno, std::generic_category());
  }
  if (ec) return ec.message();
  return staging_fd_ < 0 ? "not a folder" : "";
}

void SiteWriter::close_staging() {
  if (staging_fd_ >= 0) ::close(staging_fd_);
  staging_fd_ = -1;
}

void SiteWriter::abandon() {
  close_staging();
  if (!open_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  open_ = false;
}

bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats) {
  SiteWriter writer;
  if (!writer.open(destination, source_dir, diags)) return false;
  for (const auto& [path, bytes] : files) writer.put(path, bytes);
  return writer.commit(diags, stats);
}

}  // namespace hyoka
