#include "output/site_listing.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "output/write_all.h"

namespace hyoka {

namespace {

// "hyoka-listing 1\n", then up to two sections, one per site folder:
// "folder <device> <inode> <seconds> <nanoseconds> <bytes>\n" and <bytes> of entries, each a
// kind ('d', 'f' or 'o') and a path ending in '\0', in the order of a Listing.
constexpr std::string_view kHeader = "hyoka-listing 1\n";

struct FolderId {
  unsigned long long device = 0, inode = 0;
  bool operator==(const FolderId&) const = default;
};

bool identify(int dir, FolderId& id) {
  struct stat st {};
  if (::fstat(dir, &st) != 0) return false;
  id = {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
  return true;
}

bool read_file(const std::string& path, std::string& out) {
  // Not through a link, and not stopped by a pipe left in its place.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t done = 0;
    while (ok && done < out.size()) {
      const auto n = ::read(fd, out.data() + done, out.size() - done);
      ok = n > 0;
      if (ok) done += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  return ok;
}

struct Section {
  FolderId id;
  timespec made{};
  std::string_view entries;  // the raw entries
  std::string_view whole;    // the section as written, header line included
};

// The sections of a record; none when it is not one.
std::vector<Section> sections_of(std::string_view text) {
  std::vector<Section> out;
  if (!text.starts_with(kHeader)) return {};
  text.remove_prefix(kHeader.size());
  while (!text.empty()) {
    const auto line_end = text.find('\n');
    if (line_end == std::string_view::npos) return {};
    const std::string line(text.substr(0, line_end));
    Section s;
    long long seconds = 0, nanoseconds = 0;
    unsigned long long bytes = 0;
    int used = 0;
    if (std::sscanf(line.c_str(), "folder %llu %llu %lld %lld %llu%n", &s.id.device, &s.id.inode,
                    &seconds, &nanoseconds, &bytes, &used) != 5 ||
        static_cast<std::size_t>(used) != line.size() || bytes > text.size() - line_end - 1) {
      return {};
    }
    s.made = {static_cast<time_t>(seconds), static_cast<long>(nanoseconds)};
    s.entries = text.substr(line_end + 1, bytes);
    s.whole = text.substr(0, line_end + 1 + bytes);
    out.push_back(s);
    text.remove_prefix(s.whole.size());
  }
  return out;
}

bool is_part(std::string_view part) {
  return !part.empty() && part != "." && part != ".." &&
         part.find_first_of(std::string_view("/\0", 2)) == std::string_view::npos;
}

// A section's entries, checked: every path inside the folder, once, below a recorded folder.
// In any order: the build that writes the record has them in no order of its own.
struct Recorded {
  timespec made{};
  std::vector<std::pair<std::string_view, EntryKind>> entries;
  // What each folder ("" for the site folder) holds by itself, as indices into `entries`.
  std::unordered_map<std::string_view, std::vector<std::size_t>> in;

  bool read(const Section& s) {
    made = s.made;
    std::unordered_map<std::string_view, EntryKind> kinds;
    for (auto rest = s.entries; !rest.empty();) {
      const auto stop = rest.find('\0');
      if (stop == std::string_view::npos || stop < 2) return false;
      const char k = rest[0];
      const auto path = rest.substr(1, stop - 1);
      rest.remove_prefix(stop + 1);
      const EntryKind kind = k == 'd'   ? EntryKind::folder
                             : k == 'f' ? EntryKind::file
                             : k == 'o' ? EntryKind::other
                                        : EntryKind{255};
      if (kind == EntryKind{255}) return false;
      const auto slash = path.rfind('/');
      const auto parent =
          slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
      if (!is_part(path.substr(slash == std::string_view::npos ? 0 : slash + 1))) return false;
      if (!kinds.emplace(path, kind).second) return false;
      in[parent].push_back(entries.size());
      entries.emplace_back(path, kind);
    }
    // Every folder that holds something is a recorded folder, and so on up: no path of the
    // record leads anywhere but below the site folder.
    for (const auto& [folder, held] : in) {
      if (folder.empty()) continue;
      const auto it = kinds.find(folder);
      if (it == kinds.end() || it->second != EntryKind::folder) return false;
    }
    for (const auto& [path, kind] : kinds) {
      if (kind == EntryKind::folder) in[path];  // an empty folder holds nothing
    }
    return true;
  }

  bool has_folder(std::string_view path) const { return in.count(path) > 0; }

  // What the folder `path` ("" for the site folder) holds, by itself.
  template <typename Each>
  void each_in(std::string_view path, Each&& each) const {
    const auto it = in.find(path);
    if (it == in.end()) return;
    for (const auto i : it->second) each(entries[i]);
  }
};

// File systems known to set a folder's status-change time on every change of its entries
// (vfat, exFAT and many FUSE file systems may not): a record is followed on these only.
bool keeps_change_times(int dir) {
  struct statfs fs {};
  if (::fstatfs(dir, &fs) != 0) return false;
  switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53:      // ext2, ext3, ext4
    case 0x58465342:  // xfs
    case 0x9123683E:  // btrfs
    case 0x01021994:  // tmpfs
    case 0xF2F52010:  // f2fs
      return true;
    default:
      return false;
  }
}

bool before(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

enum class Seen { unchanged, changed, gone };

// Whether the folder at `path` below `root` is still a folder and its entries unchanged since
// `made`.
Seen since(int root, const std::string& path, const timespec& made) {
  struct statx sx {};
  if (::statx(root, path.c_str(), AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_CTIME, &sx) != 0) {
    return errno == ENOENT || errno == ENOTDIR ? Seen::gone : Seen::changed;
  }
  if (!S_ISDIR(sx.stx_mode)) return Seen::gone;
  const timespec changed{static_cast<time_t>(sx.stx_ctime.tv_sec),
                         static_cast<long>(sx.stx_ctime.tv_nsec)};
  return before(changed, made) ? Seen::unchanged : Seen::changed;
}

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

struct Walk {
  int root;
  const Recorded* recorded;  // nullptr: read every folder
  Listing& out;
  const std::stop_token& stop;
  std::vector<char> buffer = std::vector<char>(32 * 1024);

  // Lists the folder at `path` ("" for the site folder): from `dir` when it is open, from the
  // record otherwise.
  bool folder(int dir, const std::string& path) {
    if (stop.stop_requested()) return false;
    const std::string prefix = path.empty() ? "" : path + '/';
    Listing entries;
    bool whole = true;
    if (dir >= 0) {
      whole = read_entries(dir, prefix, buffer, entries);
    } else {
      recorded->each_in(path, [&](const auto& entry) {
        entries.emplace_back(std::string(entry.first), entry.second);
      });
    }
    for (auto& [sub, kind] : entries) {
      out.emplace_back(sub, kind);
      if (kind != EntryKind::folder) continue;
      if (recorded && recorded->has_folder(sub)) {
        const auto seen = since(root, sub, recorded->made);
        if (seen == Seen::unchanged) {
          whole = folder(-1, sub) && whole;
          continue;
        }
        // The record says a folder and the disk says otherwise, with the folder holding it
        // unchanged: a clock set back. Nothing recorded is trusted then.
        if (seen == Seen::gone && dir < 0) return false;
      }
      const int at = dir >= 0 ? dir : root;
      const auto name = dir >= 0 ? sub.c_str() + prefix.size() : sub.c_str();
      const int open = ::openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (open < 0) {
        whole = false;
        continue;
      }
      whole = folder(open, sub) && whole;
      ::close(open);
    }
    return whole;
  }
};

}  // namespace

bool list_site_folder(int root, const std::string& record_path, Listing& out,
                      const std::stop_token& stop) {
  std::string text;
  FolderId id;
  Recorded recorded;
  bool known = false;
  if (keeps_change_times(root) && identify(root, id) && read_file(record_path, text)) {
    for (const auto& section : sections_of(text)) {
      if (section.id == id) known = recorded.read(section);
    }
  }
  const auto size = out.size();
  // The site folder itself is always read: swapping it with the destination changed it.
  if (Walk{root, known ? &recorded : nullptr, out, stop}.folder(root, "")) return true;
  if (!known || stop.stop_requested()) return false;
  // The record disagreed with the disk: every folder is read.
  out.resize(size);
  return Walk{root, nullptr, out, stop}.folder(root, "");
}

bool record_site_folder(int root, int keep, Listing entries, const std::string& record_path) {
  FolderId id, kept;
  if (!identify(root, id)) return false;
  std::string old;
  std::string keep_section;
  if (keep >= 0 && identify(keep, kept) && read_file(record_path, old)) {
    for (const auto& section : sections_of(old)) {
      if (section.id == kept && !(kept == id)) keep_section = section.whole;
    }
  }
  std::string body;
  for (const auto& [path, kind] : entries) {
    body += kind == EntryKind::folder ? 'd' : kind == EntryKind::file ? 'f' : 'o';
    body += path;
    body += '\0';
  }
  // Written to a new file, whose own status-change time is when the record was made: a change
  // to a folder after it shows a later time.
  const auto fresh = record_path + ".new";
  ::unlink(fresh.c_str());  // a file, or a link to one elsewhere, that it must not write through
  const int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0;
  char line[160];
  std::snprintf(line, sizeof line, "folder %llu %llu %lld %lld %zu\n", id.device, id.inode,
                static_cast<long long>(st.st_ctim.tv_sec),
                static_cast<long long>(st.st_ctim.tv_nsec), body.size());
  ok = ok && write_all(fd, std::string(kHeader) + keep_section + line + body) == 0;
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(fresh.c_str(), record_path.c_str()) == 0;
  if (!ok) ::unlink(fresh.c_str());
  return ok;
}

}  // namespace hyoka
