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

namespace fs = std::filesystem;

namespace hyoka {

namespace {

// Writes all of `bytes` or says why not (a full disk shows up here as ENOSPC). A file of the
// site before the last (`may_exist`) is written over in place and cut only where the new one is
// shorter: emptying it first (O_TRUNC) frees its blocks, and ext4 then also flushes it to disk
// on close.
std::string write_file(int dir, const std::string& path, const std::string& bytes, bool may_exist) {
  const int fd = ::openat(dir, path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return std::strerror(errno);
  struct stat old {};
  if (may_exist && ::fstat(fd, &old) == 0 && static_cast<std::size_t>(old.st_size) > bytes.size() &&
      ::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd);
    return why;
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      return why;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return std::strerror(errno);
  return "";
}

// The destination as a folder: "out/" names the folder "out", and without the trailing
// separator its parent is right.
fs::path destination_folder(const std::string& destination) {
  std::error_code ec;
  auto dest = fs::weakly_canonical(fs::absolute(destination), ec);
  while (dest.has_relative_path() && dest.filename().empty()) dest = dest.parent_path();
  return dest;
}

// Where the site before the last waits beside the destination.
fs::path staging_folder(const fs::path& dest) {
  return dest.parent_path() / ("." + dest.filename().string() + ".hyoka-new");
}

int open_folder(const fs::path& path) {
  return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

bool is_inside(const fs::path& inner, const fs::path& outer) {
  const auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

SiteWriter::~SiteWriter() {
  // Before what the thread writes to is gone.
  if (looker_.joinable()) {
    looker_.request_stop();
    looker_.join();
  }
  abandon();
}

void SiteWriter::look_ahead(const std::string& destination) {
  looked_at_ = staging_folder(destination_folder(destination));
  looker_ = std::jthread([this](const std::stop_token& stop) {
    const int dir = open_folder(looked_at_);
    if (dir < 0) return;
    std::vector<char> buffer(32 * 1024);
    looked_.clear();
    looked_whole_ = list(dir, "", buffer, looked_, stop) && !stop.stop_requested();
    ::close(dir);
  });
}

bool SiteWriter::open(const std::string& destination, const std::string& source_dir,
                      Diagnostics& diags) {
  destination_ = destination;
  std::error_code ec;
  dest_ = destination_folder(destination);
  const fs::path source = fs::weakly_canonical(fs::absolute(source_dir), ec);
  if (dest_ == source || is_inside(source, dest_)) {
    diags.report_file(Severity::error, destination,
                      "the destination holds the site's source; choose another --destination");
    return false;
  }
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
  if (looker_.joinable()) looker_.join();  // before anything changes there
  const bool reused = fs::is_directory(fs::symlink_status(staging_, ec));
  const auto cannot_write = [&](const std::string& why) {
    diags.report_file(Severity::error, destination, "cannot write the site next to it: " + why);
    return false;
  };
  if (const auto why = open_staging(!reused); !why.empty()) return cannot_write(why);
  // One walk with the types readdir gives instead of a stat per file and folder, done already
  // when look_ahead() was called.
  bool listed = true;
  if (reused && looked_whole_ && looked_at_ == staging_) {
    old_ = std::move(looked_);
  } else if (reused) {
    std::vector<char> buffer(32 * 1024);
    listed = list(staging_fd_, "", buffer, old_, {});
  }
  if (!listed) {
    // A file that could not be listed could not be cut to its new length nor pruned: the
    // site before the last goes, and this one is written into an empty folder.
    close_staging();
    old_.clear();
    if (const auto why = open_staging(true); !why.empty()) return cannot_write(why);
  }
  old_kind_.reserve(old_.size());
  for (const auto& [path, kind] : old_) old_kind_.emplace(path, kind);
  open_ = true;
  return true;
}

bool SiteWriter::list(int dir, const std::string& prefix, std::vector<char>& buffer, Listing& out,
                      const std::stop_token& stop) {
  if (stop.stop_requested()) return false;
  bool whole = true;
  // getdents64 rather than readdir: fdopendir would stat each folder once more.
  Listing entries;
  ssize_t size;
  while ((size = ::getdents64(dir, buffer.data(), buffer.size())) > 0) {
    for (ssize_t at = 0; at < size;) {
      const auto* entry = reinterpret_cast<const dirent64*>(buffer.data() + at);
      at += entry->d_reclen;
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      auto type = entry->d_type;
      if (type == DT_UNKNOWN) {  // a file system that does not say
        struct stat st {};
        if (::fstatat(dir, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
          type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
        } else {
          whole = false;
        }
      }
      entries.emplace_back(prefix + std::string(name), type == DT_DIR   ? Kind::folder
                                                       : type == DT_REG ? Kind::file
                                                                        : Kind::other);
    }
  }
  if (size < 0) whole = false;
  // What a folder holds right after it, for prune() to pass over.
  for (auto& [path, kind] : entries) {
    out.emplace_back(path, kind);
    if (kind != Kind::folder) continue;
    const auto name = path.c_str() + prefix.size();
    const int sub = ::openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) {
      whole = false;
      continue;
    }
    whole = list(sub, path + '/', buffer, out, stop) && whole;
    ::close(sub);
  }
  return whole;
}

void SiteWriter::put(const std::string& relative, const std::string& bytes) {
  if (!open_ || failed_) return;
  bool over_a_file = false;  // written over in place
  bool in_the_way = false;   // a folder or a link of the site before the last
  {
    const std::lock_guard lock(mutex_);
    if (!make_folders_locked(relative)) return;
    if (!written_.insert(relative).second) {
      over_a_file = true;
    } else if (!folders_.count(relative)) {  // a folder of this site's files stays: open fails
      if (const auto it = old_kind_.find(relative); it != old_kind_.end()) {
        over_a_file = it->second == Kind::file;
        in_the_way = !over_a_file;
      }
    }
    ++stats_.files;
    stats_.bytes += bytes.size();
  }
  if (in_the_way) {
    std::error_code ec;
    fs::remove_all(staging_ / relative, ec);
  }
  const auto why = write_file(staging_fd_, relative, bytes, over_a_file);
  if (!why.empty()) {
    const std::lock_guard lock(mutex_);
    fail_locked(why);
  }
}

bool SiteWriter::make_folders_locked(const std::string& relative) {
  // A folder is in folders_ only with every folder above it: mostly one lookup.
  const std::string_view path = relative;
  const auto last = path.rfind('/');
  if (last == std::string_view::npos || folders_.count(path.substr(0, last))) return true;
  for (auto slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    const auto folder = path.substr(0, slash);
    if (folders_.count(folder)) continue;
    // What the site before the last had at this place goes: a file where a folder must be.
    if (written_.count(folder)) {
      fail_locked(relative + " needs a folder where the file " + std::string(folder) + " is");
      return false;
    }
    const auto old = old_kind_.find(folder);
    if (old == old_kind_.end() || old->second != Kind::folder) {
      const std::string name(folder);
      if (old != old_kind_.end()) ::unlinkat(staging_fd_, name.c_str(), 0);
      if (::mkdirat(staging_fd_, name.c_str(), 0777) != 0 && errno != EEXIST) {
        fail_locked("cannot create a folder for " + relative + ": " + std::strerror(errno));
        return false;
      }
    }
    folders_.emplace(folder);
  }
  return true;
}

void SiteWriter::fail_locked(const std::string& why) {
  // Which file meets a full disk first depends on the threads; the reason does not.
  if (failure_.empty()) failure_ = why;
  failed_ = true;
}

bool SiteWriter::commit(Diagnostics& diags, WriteStats* stats) {
  if (!open_) return false;
  std::error_code ec;
  const auto fail = [&](const std::string& what) {
    diags.report_file(Severity::error, destination_,
                      what + "; the previous site was left as it was");
    abandon();
    return false;
  };
  if (failed_) return fail("cannot write the site: " + failure_);
  prune();
  close_staging();
  if (fs::exists(dest_, ec)) {
    // Swap in one step where the file system can; the old site is then left in the staging
    // folder for the next build to write over.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, dest_.c_str(), RENAME_EXCHANGE) != 0) {
      const fs::path old = parent_ / ("." + dest_.filename().string() + ".hyoka-old");
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

void SiteWriter::prune() {
  for (std::size_t i = 0; i < old_.size(); ++i) {
    const auto& [path, kind] = old_[i];
    if (folders_.count(path)) continue;  // holds this site's files
    if (kind == Kind::folder) {
      // Gone, or a file now (put() removed it then): nothing below it stays.
      if (!written_.count(path)) {
        std::error_code ec;
        fs::remove_all(staging_ / path, ec);
      }
      const auto below = path + '/';
      while (i + 1 < old_.size() && old_[i + 1].first.starts_with(below)) ++i;
    } else if (!written_.count(path)) {
      ::unlinkat(staging_fd_, path.c_str(), 0);
    }
  }
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
