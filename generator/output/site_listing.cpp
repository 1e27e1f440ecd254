#include "output/site_listing.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string_view>

namespace hyoka {

namespace {

// Reads the entries of the folder `dir` (at `prefix`); false when not whole.
bool read_entries(int dir, const std::string& prefix, std::vector<char>& buffer, Listing& out) {
  bool whole = true;
  ssize_t size;
  // From the first entry, if the folder was read before.
  if (::lseek(dir, 0, SEEK_SET) != 0) return false;
  // getdents64 rather than readdir: fdopendir would stat each folder once more.
  while ((size = ::getdents64(dir, buffer.data(), buffer.size())) > 0) {
    for (ssize_t at = 0; at < size;) {
      const auto* entry = reinterpret_cast<const dirent64*>(buffer.data() + at);
      at += entry->d_reclen;
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      auto type = entry->d_type;
      if (type == DT_UNKNOWN) {  // a file system that does not say
        struct stat st {};
        if (::fstatat(dir, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
          type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
        } else {
          whole = false;
        }
      }
      out.emplace_back(prefix + std::string(name), type == DT_DIR   ? EntryKind::folder
                                                   : type == DT_REG ? EntryKind::file
                                                                    : EntryKind::other);
    }
  }
  return size == 0 && whole;
}

// Lists the folder `dir` at `path` ("" for the site folder) and every folder below it.
bool list_folder(int dir, const std::string& path, std::vector<char>& buffer, Listing& out) {
  const std::string prefix = path.empty() ? "" : path + '/';
  Listing entries;
  bool whole = read_entries(dir, prefix, buffer, entries);
  for (auto& [sub, kind] : entries) {
    out.emplace_back(sub, kind);
    if (kind != EntryKind::folder) continue;
    const int open =
        ::openat(dir, sub.c_str() + prefix.size(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (open < 0) {
      whole = false;
      continue;
    }
    whole = list_folder(open, sub, buffer, out) && whole;
    ::close(open);
  }
  return whole;
}

}  // namespace

bool list_site_folder(int root, Listing& out) {
  std::vector<char> buffer(32 * 1024);
  return list_folder(root, "", buffer, out);
}

}  // namespace hyoka
