// Where rendered files go as they are made: kept in memory (the preview server, tests) or
// checked and written straight away (a build), so that a large site never has to fit in memory.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace hyoka {

// Output path (relative, '/'-separated) → bytes. Sorted, so writing is in a stable order.
using SiteFiles = std::map<std::string, std::string>;
using SitePaths = std::set<std::string>;

class FileSink {
 public:
  virtual ~FileSink() = default;
  // Called from several rendering threads at once, each with paths of its own.
  virtual void put(const std::string& path, std::string bytes) = 0;
};

class MemorySink final : public FileSink {
 public:
  void put(const std::string& path, std::string bytes) override {
    const std::lock_guard lock(mutex_);
    files[path] = std::move(bytes);
  }
  SiteFiles files;

 private:
  std::mutex mutex_;
};

}  // namespace hyoka
