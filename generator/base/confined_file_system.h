// The files of one site as hyoka may read them. A link in static/ to /proc/self/environ would
// otherwise publish the machine's environment (an exported CKAN_API_TOKEN with it), and one to
// /etc/passwd that file: a file reached through a link that leads outside the site's folder is
// refused, unless into a folder site.toml allows (`allow_links_to`), and nothing is ever read
// from /proc, /sys or /dev, whatever allows it.
#pragma once

#include <string>
#include <vector>

#include "base/file_system.h"

namespace hyoka {

class ConfinedFileSystem final : public FileSystem {
 public:
  // `allowed`: folders outside `site_dir` that links may lead into, as site.toml gives them
  // (relative to `site_dir`, or absolute).
  ConfinedFileSystem(const FileSystem& inner, const std::string& site_dir,
                     const std::vector<std::string>& allowed = {});

  Kind kind(const std::string& path) const override { return inner_.kind(path); }
  Result<std::string> read_file(const std::string& path, ReadLimit limit,
                                const PlaceCheck* check) const override;
  Result<std::vector<std::string>> list_files(const std::string& dir) const override {
    return inner_.list_files(dir);
  }
  std::vector<std::string> list_dirs(const std::string& dir) const override {
    return inner_.list_dirs(dir);
  }

  // Why a file that really is at `real_path` may not be read, or nullopt.
  std::optional<std::string> refuse(const std::string& real_path) const;

 private:
  const FileSystem& inner_;
  std::string site_;                  // absolute, links resolved, ending in '/'
  std::vector<std::string> allowed_;  // the same
  PlaceCheck check_;
};

// `path` absolute, with every link in it resolved as far as it exists.
std::string real_folder(const std::string& path);

}  // namespace hyoka
