#include "base/confined_file_system.h"

#include <filesystem>

namespace hyoka {

namespace {

// The folders of the kernel's own files: the process's memory and environment, devices.
constexpr std::string_view kSystemFolders[] = {"/proc/", "/sys/", "/dev/"};

std::string as_folder(std::string path) {
  if (!path.ends_with('/')) path += '/';
  return path;
}

}  // namespace

std::string real_folder(const std::string& path) {
  std::error_code ec;
  auto real = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
  if (ec) real = std::filesystem::absolute(path).lexically_normal();
  return real.string();
}

ConfinedFileSystem::ConfinedFileSystem(const FileSystem& inner, const std::string& site_dir,
                                       const std::vector<std::string>& allowed)
    : inner_(inner), site_(as_folder(real_folder(site_dir))) {
  for (const auto& folder : allowed) {
    allowed_.push_back(as_folder(real_folder(
        folder.starts_with('/') ? folder : (std::filesystem::path(site_dir) / folder).string())));
  }
  check_ = [this](const std::string& real_path) { return refuse(real_path); };
}

std::optional<std::string> ConfinedFileSystem::refuse(const std::string& real_path) const {
  for (const auto system : kSystemFolders) {
    if (real_path.starts_with(system)) {
      return "leads into " + std::string(system.substr(0, system.size() - 1)) +
             "; hyoka never reads the system's files in /proc, /sys or /dev";
    }
  }
  if (real_path.starts_with(site_)) return std::nullopt;
  for (const auto& folder : allowed_) {
    if (real_path.starts_with(folder)) return std::nullopt;
  }
  return "leads outside the site's folder, to " + real_path +
         "; hyoka reads no file there unless site.toml lists its folder in allow_links_to";
}

Result<std::string> ConfinedFileSystem::read_file(const std::string& path, ReadLimit limit,
                                                  const PlaceCheck* check) const {
  if (!check) return inner_.read_file(path, limit, &check_);
  const PlaceCheck both = [&](const std::string& real_path) {
    if (auto refused = refuse(real_path)) return refused;
    return (*check)(real_path);
  };
  return inner_.read_file(path, limit, &both);
}

}  // namespace hyoka
