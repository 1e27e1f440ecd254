#include "start/write_new_folder.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace hyoka {

std::optional<std::string> write_new_folder(const std::string& dir,
                                            const std::map<std::string, std::string>& files) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(fs::status(dir, ec))) return dir + " exists and is not a folder";
    if (!fs::is_empty(dir, ec)) {
      return dir + " is not empty: choose a new folder, or empty this one first";
    }
    if (ec) return dir + ": " + ec.message();
  }
  for (const auto& [relative, bytes] : files) {
    const auto path = fs::path(dir) / relative;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return path.parent_path().string() + ": cannot make the folder: " + ec.message();
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) return path.string() + ": cannot write: " + std::strerror(errno);
  }
  return std::nullopt;
}

}  // namespace hyoka
