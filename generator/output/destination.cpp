#include "output/destination.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fs = std::filesystem;

namespace hyoka {

fs::path destination_folder(const std::string& destination) {
  std::error_code ec;
  auto dest = fs::weakly_canonical(fs::absolute(destination), ec);
  while (dest.has_relative_path() && dest.filename().empty()) dest = dest.parent_path();
  return dest;
}

fs::path beside(const fs::path& dest, const char* suffix) {
  return dest.parent_path() / ("." + dest.filename().string() + suffix);
}

namespace {

bool is_inside(const fs::path& inner, const fs::path& outer) {
  const auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

}  // namespace

bool check_destination(const std::string& destination, const std::vector<std::string>& read,
                       Diagnostics& diags) {
  const auto dest = destination_folder(destination);
  const auto staging = beside(dest, ".hyoka-new");
  for (const auto& place : read) {
    const auto real = destination_folder(place);
    std::string relation;
    if (real == dest) {
      relation = "is ";
    } else if (is_inside(dest, real)) {
      relation = "lies inside ";
    } else if (is_inside(real, dest)) {
      relation = "holds ";
    } else if (real == staging || is_inside(real, staging)) {
      relation = "would write its site beside it into ";
    }
    if (relation.empty()) continue;
    diags.report_file(Severity::error, destination,
                      "the destination " + relation + place +
                          ", which hyoka reads the site from, and a build replaces the "
                          "destination as a whole; choose a folder outside the site's sources "
                          "(the default is public/ in the site's folder)");
    return false;
  }
  return true;
}

DestinationLock::~DestinationLock() {
  if (fd_ >= 0) ::close(fd_);  // and the lock with it
}

bool DestinationLock::acquire(const std::string& destination, Diagnostics& diags) {
  const auto dest = destination_folder(destination);
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  const auto path = beside(dest, ".hyoka-lock");
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
  if (fd_ < 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
    // Nothing can be written beside it either: the writer says so once the site's own
    // problems are known, and no other build can write there meanwhile.
    return true;
  }
  if (fd_ < 0) {
    diags.report_file(
        Severity::error, destination,
        "cannot lock " + path.filename().string() + " beside it: " + std::strerror(errno));
    return false;
  }
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    const bool held = errno == EWOULDBLOCK;
    diags.report_file(
        Severity::error, destination,
        held ? "another hyoka build is writing this folder now; build again when it "
               "has finished"
             : "cannot lock " + path.filename().string() + " beside it: " + std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace hyoka
