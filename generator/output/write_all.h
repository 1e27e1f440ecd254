// Writing a whole buffer to an open file, for the site's files and the record beside them.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <string_view>

namespace hyoka {

// Writes all of `bytes` to `fd`, through partial and interrupted writes: 0, or the errno that
// stopped it (a full disk shows up here as ENOSPC).
inline int write_all(int fd, std::string_view bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace hyoka
