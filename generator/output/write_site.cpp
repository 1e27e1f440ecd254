#include "output/write_site.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace fs = std::filesystem;

namespace hyoka {

namespace {

// Writes all of `bytes` or says why not (a full disk shows up here as ENOSPC). A file of the
// site before the last is written over in place and cut only where the new one is shorter:
// emptying it first (O_TRUNC) frees its blocks, and ext4 then also flushes it to disk on close.
std::string write_file(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
  struct stat old {};
  if (::fstat(fd, &old) == 0 && static_cast<std::size_t>(old.st_size) > bytes.size() &&
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

bool is_inside(const fs::path& inner, const fs::path& outer) {
  const auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

// Leaves in `dir` only the files in `keep` and the folders that hold them.
void prune_to(const fs::path& dir, const std::set<std::string>& keep) {
  std::set<std::string> keep_dirs;
  for (const auto& relative : keep) {
    for (auto slash = relative.find('/'); slash != std::string::npos;
         slash = relative.find('/', slash + 1)) {
      keep_dirs.insert(relative.substr(0, slash));
    }
  }
  std::vector<fs::path> remove;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto relative = it->path().lexically_relative(dir).generic_string();
    const bool link = it->is_symlink(ec);
    const bool is_dir = !link && it->is_directory(ec);
    if (is_dir ? keep_dirs.count(relative) > 0 : !link && keep.count(relative) > 0) continue;
    remove.push_back(it->path());
    if (is_dir) it.disable_recursion_pending();
  }
  for (const auto& path : remove) fs::remove_all(path, ec);
}

}  // namespace

SiteWriter::~SiteWriter() {
  abandon();
}

bool SiteWriter::open(const std::string& destination, const std::string& source_dir,
                      Diagnostics& diags) {
  destination_ = destination;
  std::error_code ec;
  // "out/" names the folder "out": without the trailing separator its parent is right.
  dest_ = fs::weakly_canonical(fs::absolute(destination), ec);
  while (dest_.has_relative_path() && dest_.filename().empty()) dest_ = dest_.parent_path();
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
  staging_ = parent_ / ("." + dest_.filename().string() + ".hyoka-new");
  reused_ = fs::is_directory(fs::symlink_status(staging_, ec));
  if (!reused_) fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec || !fs::is_directory(fs::symlink_status(staging_, ec))) {
    diags.report_file(
        Severity::error, destination,
        "cannot write the site next to it: " + (ec ? ec.message() : std::string("not a folder")));
    return false;
  }
  open_ = true;
  return true;
}

void SiteWriter::put(const std::string& relative, const std::string& bytes) {
  if (!open_ || failed_) return;
  const fs::path path = staging_ / relative;
  {
    const std::lock_guard lock(mutex_);
    if (!made_dirs_.count(path.parent_path())) {
      std::error_code ec;
      // What the site before the last had at this place goes: a file where a folder must be.
      for (auto p = path.parent_path(); p != staging_ && !p.empty(); p = p.parent_path()) {
        if (!fs::is_regular_file(fs::symlink_status(p, ec)) && !fs::is_symlink(p, ec)) continue;
        const auto taken = p.lexically_relative(staging_).generic_string();
        if (written_.count(taken)) {
          fail_locked(relative + " needs a folder where the file " + taken + " is");
          return;
        }
        fs::remove(p, ec);
      }
      fs::create_directories(path.parent_path(), ec);
      if (ec) {
        fail_locked("cannot create a folder for " + relative + ": " + ec.message());
        return;
      }
      made_dirs_.insert(path.parent_path());
    }
  }
  if (reused_) {
    // A folder or a link of the site before the last where this file goes.
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (fs::is_directory(status) || fs::is_symlink(status)) fs::remove_all(path, ec);
  }
  const auto why = write_file(path, bytes);
  const std::lock_guard lock(mutex_);
  if (!why.empty()) {
    fail_locked(why);
    return;
  }
  written_.insert(relative);
  ++stats_.files;
  stats_.bytes += bytes.size();
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
  prune_to(staging_, written_);
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

void SiteWriter::abandon() {
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
