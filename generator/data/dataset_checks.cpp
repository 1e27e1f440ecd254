#include "data/dataset_checks.h"

#include <string>

namespace hyoka {

namespace {

// `at_most` and `sum_of` over one set of counts laid out [measure][period]; `where` says whose
// they are in a message. A bound or a sum with a missing count in it is not checked.
template <typename Where>
void check_bounds(const Dataset& dataset, const Counts& values,
                  const std::vector<std::vector<Position>>& positions, const SourceText& source,
                  Where where, Diagnostics& diags) {
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    const auto& measure = dataset.measures[m];
    const auto bound = dataset.measure_index(measure.at_most);
    std::vector<std::size_t> parts;
    for (const auto& part : measure.sum_of) parts.push_back(*dataset.measure_index(part));
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      const auto& count = values[m][p];
      if (!count.present()) continue;
      const auto value = count.value;
      if (bound && values[*bound][p].present() && value > values[*bound][p].value) {
        diags.error(source, positions[m][p],
                    measure.id + " (" + std::to_string(value) + ") is more than " +
                        measure.at_most + " (" + std::to_string(values[*bound][p].value) +
                        ") for " + where(p));
      }
      if (parts.empty()) continue;
      std::int64_t sum = 0;
      bool overflow = false, complete = true;
      for (const auto part : parts) {
        complete = complete && values[part][p].present();
        overflow |= __builtin_add_overflow(sum, values[part][p].value, &sum);
      }
      if (complete && (overflow || sum != value)) {
        std::string names;
        for (const auto& part : measure.sum_of) names += (names.empty() ? "" : " + ") + part;
        diags.error(source, positions[m][p],
                    measure.id + " (" + std::to_string(value) + ") is not the sum of " + names +
                        " (" + (overflow ? "too large" : std::to_string(sum)) + ") for " +
                        where(p));
      }
    }
  }
}

std::string year(const Dataset& dataset, std::size_t period) {
  return "fiscal year " + std::to_string(dataset.periods[period]);
}

}  // namespace

void check_counts(const Dataset& dataset, Diagnostics& diags) {
  for (const auto& row : dataset.rows) {
    check_bounds(
        dataset, row.values, row.positions, dataset.rows_text(),
        [&](std::size_t p) { return "area \"" + row.area + "\", " + year(dataset, p); }, diags);
  }
}

void check_whole_totals(const Dataset& dataset, const Counts& whole,
                        const std::vector<std::vector<Position>>& positions, Diagnostics& diags) {
  // A measure left out of [whole_totals] was reported when it was read.
  for (const auto& line : whole) {
    if (line.size() != dataset.periods.size()) return;
  }
  check_bounds(
      dataset, whole, positions, *dataset.source,
      [&](std::size_t p) { return "the whole's totals, " + year(dataset, p); }, diags);
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      if (!whole[m][p].present()) continue;
      std::int64_t sum = 0;
      bool overflow = false;
      for (const auto& row : dataset.rows) {
        if (row.values[m][p].present()) {
          overflow |= __builtin_add_overflow(sum, row.values[m][p].value, &sum);
        }
      }
      if (overflow || sum > whole[m][p].value) {
        diags.error(
            *dataset.source, positions[m][p],
            "the whole's total of " + dataset.measures[m].id + " for " + year(dataset, p) + " (" +
                std::to_string(whole[m][p].value) + ") is less than the rows here add up to (" +
                (overflow ? "too large" : std::to_string(sum)) + "); a whole holds its parts");
      }
    }
  }
}

}  // namespace hyoka
