#include "base/mounted_file_system.h"

namespace hyoka {

MountedFileSystem::MountedFileSystem(std::unique_ptr<FileSystem> outer, std::string mount_point,
                                     const FileSystem& mounted)
    : outer_(std::move(outer)), mount_point_(std::move(mount_point)), mounted_(mounted) {}

const FileSystem& MountedFileSystem::pick(const std::string& path) const {
  const bool below = path.starts_with(mount_point_) &&
                     (path.size() == mount_point_.size() || path[mount_point_.size()] == '/');
  return below ? mounted_ : *outer_;
}

Result<std::string> MountedFileSystem::read_file(const std::string& path, ReadLimit limit,
                                                 const PlaceCheck* check) const {
  // A mounted file is hyoka's own, not the site's: there is no place on the disk to check.
  const auto& fs = pick(path);
  return fs.read_file(path, limit, &fs == &mounted_ ? nullptr : check);
}

}  // namespace hyoka
