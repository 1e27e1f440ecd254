// One file system laid over another at a folder: paths at or below `mount_point` are read from
// `mounted`, every other path from `outer`. The build reads hyoka's built-in themes this way,
// from memory, beside the site's own files.
#pragma once

#include <memory>
#include <string>

#include "base/file_system.h"

namespace hyoka {

class MountedFileSystem final : public FileSystem {
 public:
  // `mounted` must outlive this; its paths start with `mount_point`.
  MountedFileSystem(std::unique_ptr<FileSystem> outer, std::string mount_point,
                    const FileSystem& mounted);

  Kind kind(const std::string& path) const override { return pick(path).kind(path); }
  Result<std::string> read_file(const std::string& path, ReadLimit limit,
                                const PlaceCheck* check) const override;
  Result<std::vector<std::string>> list_files(const std::string& dir) const override {
    return pick(dir).list_files(dir);
  }
  std::vector<std::string> list_dirs(const std::string& dir) const override {
    return pick(dir).list_dirs(dir);
  }

 private:
  const FileSystem& pick(const std::string& path) const;

  std::unique_ptr<FileSystem> outer_;
  std::string mount_point_;
  const FileSystem& mounted_;
};

}  // namespace hyoka
