// Which parts of a dataset a chart or a table shows: block plugins in Markdown choose; the
// pages show everything. An empty list means all, in the dataset's order.
#pragma once

#include <cstddef>
#include <numeric>
#include <vector>

namespace hyoka {

struct Selection {
  std::vector<std::size_t> measures;  // indices into Dataset::measures
  std::vector<std::size_t> ratios;    // indices into Dataset::ratios
  std::vector<std::size_t> periods;   // indices into Dataset::periods
  std::vector<std::size_t> areas;     // indices into Site::areas
  // The totals row with chosen areas: a preview of the first areas still shows the whole.
  bool with_totals = false;

  static std::vector<std::size_t> or_all(const std::vector<std::size_t>& chosen, std::size_t n) {
    if (!chosen.empty()) return chosen;
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
  }
};

}  // namespace hyoka
