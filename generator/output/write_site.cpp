#include "output/write_site.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <vector>

namespace fs = std::filesystem;

namespace hyoka {

namespace {

// Writes all of `bytes` or says why not (a full disk shows up here as ENOSPC).
std::string write_file(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return std::strerror(errno);
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

// Leaves in `dir` only what can take the new files: files the site no longer has go, and so do
// folders where a file will be, and files where a folder will be.
void prune_to(const fs::path& dir, const SiteFiles& files) {
  std::set<std::string> keep_dirs;
  for (const auto& [relative, bytes] : files) {
    for (auto slash = relative.find('/'); slash != std::string::npos;
         slash = relative.find('/', slash + 1)) {
      keep_dirs.insert(relative.substr(0, slash));
    }
  }
  std::vector<fs::path> remove;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto relative = it->path().lexically_relative(dir).generic_string();
    const bool is_dir = it->is_directory(ec) && !it->is_symlink(ec);
    if (is_dir ? keep_dirs.count(relative) : files.count(relative) && !it->is_symlink(ec)) {
      continue;
    }
    remove.push_back(it->path());
    if (is_dir) it.disable_recursion_pending();
  }
  for (const auto& path : remove) fs::remove_all(path, ec);
}

bool is_inside(const fs::path& inner, const fs::path& outer) {
  const auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

bool write_site(const SiteFiles& files, const std::string& destination,
                const std::string& source_dir, Diagnostics& diags, WriteStats* stats) {
  std::error_code ec;
  // "out/" names the folder "out": without the trailing separator its parent is right.
  fs::path dest = fs::weakly_canonical(fs::absolute(destination), ec);
  while (dest.has_relative_path() && dest.filename().empty()) dest = dest.parent_path();
  const fs::path source = fs::weakly_canonical(fs::absolute(source_dir), ec);
  if (dest == source || is_inside(source, dest)) {
    diags.report_file(Severity::error, destination,
                      "the destination holds the site's source; choose another --destination");
    return false;
  }
  if (fs::exists(dest, ec) && !fs::is_directory(dest, ec)) {
    diags.report_file(Severity::error, destination, "is a file, not a folder; remove it first");
    return false;
  }
  const fs::path parent = dest.parent_path();
  fs::create_directories(parent, ec);
  // The site before the last one waits here from the last build: writing over its files, rather
  // than into a new folder, spares the file system creating and deleting every file and folder
  // on every build (most of the time of writing a large site).
  const fs::path staging = parent / ("." + dest.filename().string() + ".hyoka-new");
  if (fs::is_directory(fs::symlink_status(staging, ec))) {
    prune_to(staging, files);
  } else {
    fs::remove_all(staging, ec);
  }
  fs::create_directory(staging, ec);
  if (ec || !fs::is_directory(staging, ec)) {
    diags.report_file(Severity::error, destination,
                      "cannot write the site next to it: " + ec.message());
    return false;
  }
  const auto fail = [&](const std::string& what) {
    diags.report_file(Severity::error, destination,
                      what + "; the previous site was left as it was");
    fs::remove_all(staging, ec);
    return false;
  };
  WriteStats counted;
  std::string made_dir;
  for (const auto& [relative, bytes] : files) {
    const fs::path path = staging / relative;
    // Files come sorted: a folder's files come together, so one check per folder.
    const auto dir = path.parent_path().string();
    if (dir != made_dir) {
      fs::create_directories(path.parent_path(), ec);
      if (ec) return fail("cannot create " + relative + ": " + ec.message());
      made_dir = dir;
    }
    if (const auto why = write_file(path, bytes); !why.empty()) {
      return fail("cannot write " + relative + ": " + why);
    }
    ++counted.files;
    counted.bytes += bytes.size();
  }
  if (fs::exists(dest, ec)) {
    // Swap in one step where the file system can; the old site is then left in `staging` for
    // the next build to write over.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dest.c_str(), RENAME_EXCHANGE) != 0) {
      const fs::path old = parent / ("." + dest.filename().string() + ".hyoka-old");
      fs::remove_all(old, ec);
      fs::rename(dest, old, ec);
      if (ec) return fail("cannot replace it: " + ec.message());
      fs::rename(staging, dest, ec);
      if (ec) {
        std::error_code restore;
        fs::rename(old, dest, restore);
        return fail("cannot replace it: " + ec.message());
      }
      fs::rename(old, staging, ec);
      if (ec) fs::remove_all(old, ec);
    }
  } else {
    fs::rename(staging, dest, ec);
    if (ec) return fail("cannot create it: " + ec.message());
  }
  if (stats) *stats = counted;
  return true;
}

}  // namespace hyoka
