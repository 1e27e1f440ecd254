// Runs work(i) for every i below `count` on `jobs` threads (0: one per core). Each i runs
// once, on one thread; the first exception stops the others from taking more and is rethrown.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace hyoka {

template <typename Work>
void parallel_for(std::size_t count, unsigned jobs, Work&& work) {
  std::atomic<std::size_t> next = 0;
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto run = [&] {
    try {
      for (std::size_t i; (i = next++) < count;) work(i);
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  if (jobs <= 1) {
    run();
  } else {
    std::vector<std::jthread> workers;
    for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(run);
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace hyoka
