// A disk that fills up, for tests: preloaded (LD_PRELOAD) into hyoka, it lets the first
// HYOKA_TEST_DISK_BYTES bytes written to files through write(2) succeed and fails every later
// write with ENOSPC, as a full disk does. Standard streams (fd 0-2) are never affected.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static atomic_llong remaining = -1;
static atomic_int loaded = 0;

ssize_t write(int fd, const void* buffer, size_t size) {
  static ssize_t (*real_write)(int, const void*, size_t);
  if (!real_write) real_write = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  if (fd <= 2) return real_write(fd, buffer, size);
  if (!atomic_exchange(&loaded, 1)) {
    const char* limit = getenv("HYOKA_TEST_DISK_BYTES");
    atomic_store(&remaining, limit ? atoll(limit) : -1);
  }
  long long left = atomic_load(&remaining);
  if (left < 0) return real_write(fd, buffer, size);
  for (;;) {
    if (left == 0) {
      errno = ENOSPC;
      return -1;
    }
    const long long take = (long long)size < left ? (long long)size : left;
    if (atomic_compare_exchange_weak(&remaining, &left, left - take)) {
      return real_write(fd, buffer, (size_t)take);
    }
  }
}
