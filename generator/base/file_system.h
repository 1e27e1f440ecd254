// The one seam between hyoka and the disk for reading. Loaders, tests and the preview server
// go through it, so unit tests run on an in-memory tree and never touch the disk.
#pragma once

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
};

class FileSystem {
 public:
  enum class Kind { missing, file, directory, other };

  virtual ~FileSystem() = default;
  virtual Kind kind(const std::string& path) const = 0;
  virtual Result<std::string> read(const std::string& path) const = 0;
  // Every regular file below `dir`, as paths relative to it with '/' separators, sorted.
  // Links that lead nowhere (loops, missing targets) are listed, for read() to report.
  virtual Result<std::vector<std::string>> list_files(const std::string& dir) const = 0;
  // The names of the folders directly inside `dir`, sorted.
  virtual std::vector<std::string> list_dirs(const std::string& dir) const = 0;
};

class RealFileSystem final : public FileSystem {
 public:
  Kind kind(const std::string& path) const override;
  Result<std::string> read(const std::string& path) const override;
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
  Result<std::string> read(const std::string& path) const override;
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
                                      Diagnostics& diags);

}  // namespace hyoka
