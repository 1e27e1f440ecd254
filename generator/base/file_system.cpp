#include "base/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/utf8.h"

namespace fs = std::filesystem;

namespace hyoka {

FileSystem::Kind RealFileSystem::kind(const std::string& path) const {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Kind::missing;
  if (fs::is_regular_file(status)) return Kind::file;
  if (fs::is_directory(status)) return Kind::directory;
  return Kind::other;
}

Result<std::string> RealFileSystem::read(const std::string& path) const {
  // One open, one fstat and the reads: a site's thousands of pages are read in a few
  // system calls each.
  const auto failure = [](int error) {
    if (error == ELOOP) return Result<std::string>::failure("is a symbolic link loop");
    return Result<std::string>::failure(std::string("cannot read: ") + std::strerror(error));
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return failure(errno);
  struct ::stat st {};
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    return failure(error);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Result<std::string>::failure("is a folder, not a file");
  }
  // One byte more than the file, so that the read which finds its end needs no second buffer.
  std::string bytes(static_cast<std::size_t>(std::max<off_t>(st.st_size, 0)) + 1, '\0');
  std::size_t size = 0;
  for (;;) {
    if (size == bytes.size()) bytes.resize(bytes.size() + 4096);  // grew while being read
    const auto got = ::read(fd, bytes.data() + size, bytes.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      return Result<std::string>::failure("cannot read: input/output error");
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(size);
  return {std::move(bytes), {}};
}

namespace {

// Adds the files below `dir` (named `prefix` in the listing) to `out`. The type of each entry
// comes from the folder itself (readdir's d_type): std::filesystem's iterator stat()s every
// entry, which was most of listing a folder of 10,000 pages. Links are followed; one that
// leads nowhere (a loop, a missing target) is listed, so that reading it reports the problem
// at its own path beside the site's other problems. Links to folders are not entered.
std::optional<std::string> list_below(const std::string& dir, const std::string& prefix,
                                      std::vector<std::string>& out) {
  DIR* stream = ::opendir(dir.c_str());
  if (!stream) return std::string(std::strerror(errno));
  std::optional<std::string> problem;
  errno = 0;
  while (const auto* entry = ::readdir(stream)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    const auto path = dir + '/' + std::string(name);
    const auto listed = prefix + std::string(name);
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {
      struct ::stat st {};
      if (::lstat(path.c_str(), &st) != 0) {
        problem = std::strerror(errno);
        break;
      }
      type = S_ISDIR(st.st_mode)   ? DT_DIR
             : S_ISLNK(st.st_mode) ? DT_LNK
             : S_ISREG(st.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
    }
    if (type == DT_DIR) {
      if ((problem = list_below(path, listed + '/', out))) break;
    } else if (type == DT_REG) {
      out.push_back(listed);
    } else if (type == DT_LNK) {
      struct ::stat st {};
      if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) out.push_back(listed);
    }
    errno = 0;
  }
  if (!problem && errno != 0) problem = std::strerror(errno);
  ::closedir(stream);
  return problem;
}

}  // namespace

Result<std::vector<std::string>> RealFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  if (const auto problem = list_below(dir, "", out)) {
    return Result<std::vector<std::string>>::failure("cannot list: " + *problem);
  }
  std::sort(out.begin(), out.end());
  return {out, {}};
}

std::vector<std::string> RealFileSystem::list_dirs(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) out.push_back(it->path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

static std::string as_dir_prefix(const std::string& dir) {
  return dir.empty() || dir == "." ? "" : (dir.back() == '/' ? dir : dir + '/');
}

FileSystem::Kind MemoryFileSystem::kind(const std::string& path) const {
  if (files_.count(path)) return Kind::file;
  const auto prefix = as_dir_prefix(path);
  const auto it = files_.lower_bound(prefix);
  if (it != files_.end() && it->first.starts_with(prefix)) return Kind::directory;
  return Kind::missing;
}

Result<std::string> MemoryFileSystem::read(const std::string& path) const {
  const auto it = files_.find(path);
  if (it != files_.end()) return {it->second, {}};
  if (kind(path) == Kind::directory) return Result<std::string>::failure("is a folder, not a file");
  return Result<std::string>::failure("cannot read: No such file or directory");
}

Result<std::vector<std::string>> MemoryFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  const auto prefix = as_dir_prefix(dir);
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    out.push_back(it->first.substr(prefix.size()));
  }
  return {out, {}};
}

std::vector<std::string> MemoryFileSystem::list_dirs(const std::string& dir) const {
  std::vector<std::string> out;
  const auto prefix = as_dir_prefix(dir);
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    const auto rest = it->first.substr(prefix.size());
    const auto slash = rest.find('/');
    if (slash != std::string::npos) out.push_back(rest.substr(0, slash));
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Whether lexically_normal() leaves `path` as it is: no empty, "." or ".." parts (a leading '/'
// aside).
bool is_normal(std::string_view path, bool may_be_absolute) {
  if (may_be_absolute && path.starts_with('/')) path.remove_prefix(1);
  if (path.empty()) return false;
  for (std::size_t start = 0; start <= path.size();) {
    const auto slash = std::min(path.find('/', start), path.size());
    const auto part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::string join_path(const std::string& dir, const std::string& name) {
  // Every page of a site passes here: most need no normalising.
  if (is_normal(dir, true) && is_normal(name, false)) return dir + '/' + name;
  auto joined = (fs::path(dir) / name).lexically_normal().generic_string();
  while (joined.starts_with("./")) joined.erase(0, 2);
  return joined;
}

std::optional<SourceText> read_source(const FileSystem& fs, const std::string& path,
                                      Diagnostics& diags) {
  auto bytes = fs.read(path);
  if (!bytes) {
    diags.report_file(Severity::error, path, bytes.error);
    return std::nullopt;
  }
  SourceText source(path, std::move(*bytes));
  if (const auto bad = utf8::first_invalid(source.text())) {
    diags.error(source, source.position_at(*bad), "this file is not valid UTF-8; save it as UTF-8");
    return std::nullopt;
  }
  return source;
}

}  // namespace hyoka
