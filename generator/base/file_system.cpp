#include "base/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
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

namespace {

// Why the thing at `path` (whose status is `st`) is not a file hyoka reads.
std::string not_a_file(const std::string& path, const struct ::stat& st) {
  if (S_ISDIR(st.st_mode)) {
    struct ::stat link {};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      return "is a link to a folder; hyoka follows links to files only";
    }
    return "is a folder, not a file";
  }
  if (S_ISFIFO(st.st_mode)) return "is a named pipe (FIFO), not a file";
  if (S_ISSOCK(st.st_mode)) return "is a socket, not a file";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a file";
  return "is not a regular file";
}

std::string too_large(std::size_t size, ReadLimit limit) {
  // Hundredths of a MiB, rounded up: a file just over the limit must not read as the limit.
  const auto hundredths = (size * 100 + (1u << 20) - 1) >> 20;
  char text[48];
  std::snprintf(text, sizeof text, "%zu.%02zu MiB", hundredths / 100, hundredths % 100);
  return "is " + std::string(text) + ", more than hyoka reads of " + limit.what + " (" +
         std::to_string(limit.bytes >> 20) + " MiB)";
}

// Where the open file `fd` really is: the kernel's own name for it, one system call.
std::string real_path_of(int fd, const std::string& path) {
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char target[PATH_MAX];
  const auto size = ::readlink(link, target, sizeof target - 1);
  if (size > 0 && target[0] == '/') return std::string(target, static_cast<std::size_t>(size));
  std::error_code ec;  // no /proc: resolve the name instead
  return fs::weakly_canonical(fs::absolute(path), ec).string();
}

}  // namespace

Result<std::string> RealFileSystem::read_file(const std::string& path, ReadLimit limit,
                                              const PlaceCheck* check) const {
  // One open, one fstat and the reads: a site's thousands of pages are read in a few
  // system calls each. O_NONBLOCK: a named pipe must not stop hyoka; it is refused below.
  const auto failure = [](int error) {
    if (error == ELOOP) return Result<std::string>::failure("is a symbolic link loop");
    return Result<std::string>::failure(std::string("cannot read: ") + std::strerror(error));
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return failure(errno);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct ::stat st {};
  if (::fstat(fd, &st) != 0) return failure(errno);
  if (!S_ISREG(st.st_mode)) return Result<std::string>::failure(not_a_file(path, st));
  const auto size = static_cast<std::size_t>(std::max<off_t>(st.st_size, 0));
  if (size > limit.bytes) return Result<std::string>::failure(too_large(size, limit));
  if (check) {
    if (auto refused = (*check)(real_path_of(fd, path))) {
      return Result<std::string>::failure(std::move(*refused));
    }
  }
  // One byte more than the file, so that the read which finds its end needs no second buffer.
  std::string bytes(size + 1, '\0');
  std::size_t got_total = 0;
  for (;;) {
    if (got_total == bytes.size()) {  // grew while being read
      if (bytes.size() > limit.bytes)
        return Result<std::string>::failure(too_large(got_total, limit));
      bytes.resize(bytes.size() + 4096);
    }
    const auto got = ::read(fd, bytes.data() + got_total, bytes.size() - got_total);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return Result<std::string>::failure("cannot read: input/output error");
    if (got == 0) break;
    got_total += static_cast<std::size_t>(got);
  }
  if (got_total > limit.bytes) return Result<std::string>::failure(too_large(got_total, limit));
  bytes.resize(got_total);
  return {std::move(bytes), {}};
}

namespace {

// Adds what is below `dir` (named `prefix` in the listing) to `out`. The type of each entry
// comes from the folder itself (readdir's d_type): std::filesystem's iterator stat()s every
// entry, which was most of listing a folder of 10,000 pages. Everything but a folder is
// listed, links (to anything, or leading nowhere), pipes and devices too, so that reading it
// reports the problem at its own path beside the site's other problems, rather than the entry
// vanishing without a word. Links to folders are not entered.
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
      type = S_ISDIR(st.st_mode) ? DT_DIR : DT_UNKNOWN;
    }
    if (type == DT_DIR) {
      if ((problem = list_below(path, listed + '/', out))) break;
    } else {
      out.push_back(listed);
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

Result<std::string> MemoryFileSystem::read_file(const std::string& path, ReadLimit limit,
                                                const PlaceCheck* check) const {
  const auto it = files_.find(path);
  if (it != files_.end()) {
    if (it->second.size() > limit.bytes) {
      return Result<std::string>::failure(too_large(it->second.size(), limit));
    }
    if (check) {
      std::error_code ec;  // resolved as the site's folder is: the working folder may be a link
      if (auto refused = (*check)(fs::weakly_canonical(fs::absolute(path), ec).string())) {
        return Result<std::string>::failure(std::move(*refused));
      }
    }
    return {it->second, {}};
  }
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
                                      ReadLimit limit, Diagnostics& diags) {
  auto bytes = fs.read(path, limit);
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
