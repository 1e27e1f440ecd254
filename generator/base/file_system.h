// The one seam between hyoka and the disk for reading. Loaders, tests and the preview server
// go through it, so unit tests run on an in-memory tree and never touch the disk.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

// A value or the reason there is none, in words a user can act on.
template <class T>
struct Result {
  std::optional<T> value;
  std::string error;

  static Result failure(std::string why) { return {std::nullopt, std::move(why)}; }
  explicit operator bool() const { return value.has_value(); }
  T& operator*() { return *value; }
  const T& operator*() const { return *value; }
  T* operator->() { return &*value; }
  const T* operator->() const { return &*value; }
};

// The most hyoka reads of each kind of file: far above any real one, so that a link to a
// device or a file written by mistake is a clear error, not all the memory. Pages and
// datasets of 10,000 areas are a few MB; GitHub refuses files over 100 MiB.
struct ReadLimit {
  std::size_t bytes;  // whole MiB
  const char* what;   // for messages: "more than hyoka reads of <what>"
};
namespace read_limit {
inline constexpr ReadLimit settings{1u << 20, "a settings file"};     // site.toml, theme.toml
inline constexpr ReadLimit page{8u << 20, "a page"};                  // content/**.md
inline constexpr ReadLimit dataset{64u << 20, "a dataset"};           // content/data/*.toml
inline constexpr ReadLimit template_file{1u << 20, "a template"};     // themes' *.mustache
inline constexpr ReadLimit static_file{100u << 20, "a static file"};  // static/, themes' static/
}  // namespace read_limit

class FileSystem {
 public:
  enum class Kind { missing, file, directory, other };

  virtual ~FileSystem() = default;
  virtual Kind kind(const std::string& path) const = 0;
  // A regular file of at most `limit.bytes`; anything else (a folder, a pipe, a device, a larger
  // file) is an error in words, found without reading it or waiting.
  Result<std::string> read(const std::string& path, ReadLimit limit) const {
    return read_file(path, limit, nullptr);
  }
  // Whether a file may be read, by where it really is (absolute, every link followed): the
  // reason it may not, or nullopt.
  using PlaceCheck = std::function<std::optional<std::string>(const std::string& real_path)>;
  // read(), with `check` asked before a byte is read.
  virtual Result<std::string> read_file(const std::string& path, ReadLimit limit,
                                        const PlaceCheck* check) const = 0;
  // Every entry below `dir` that is not a folder, as paths relative to it with '/' separators,
  // sorted: regular files, and links, pipes and devices for read() to report.
  virtual Result<std::vector<std::string>> list_files(const std::string& dir) const = 0;
  // The names of the folders directly inside `dir`, sorted.
  virtual std::vector<std::string> list_dirs(const std::string& dir) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  Kind kind(const std::string& path) const override;
  Result<std::string> read_file(const std::string& path, ReadLimit limit,
                                const PlaceCheck* check) const override;
  Result<std::vector<std::string>> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;
};

// Files by path; folders exist implicitly wherever a file lies below them.
class MemoryFileSystem final : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void write(const std::string& path, std::string content) { files_[path] = std::move(content); }

  Kind kind(const std::string& path) const override;
  Result<std::string> read_file(const std::string& path, ReadLimit limit,
                                const PlaceCheck* check) const override;
  Result<std::vector<std::string>> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

// `a/b` from `a` and `b`, with `.` and empty parts dropped, so messages show clean paths.
std::string join_path(const std::string& dir, const std::string& name);

// Reads a user's text file: a clear error for a missing or unreadable file, a folder where a
// file should be, or bytes that are not UTF-8 (at the line and column of the first bad byte).
std::optional<SourceText> read_source(const FileSystem& fs, const std::string& path,
                                      ReadLimit limit, Diagnostics& diags);

}  // namespace hyoka
