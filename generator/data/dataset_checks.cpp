#include "data/dataset_checks.h"

#include <string>

namespace hyoka {

namespace {

std::string where(const Dataset& dataset, const Row& row, std::size_t period) {
  return "area \"" + row.area + "\", fiscal year " + std::to_string(dataset.periods[period]);
}

}  // namespace

void check_counts(const Dataset& dataset, Diagnostics& diags) {
  const auto& source = dataset.rows_text();
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    const auto& measure = dataset.measures[m];
    const auto bound = dataset.measure_index(measure.at_most);
    std::vector<std::size_t> parts;
    for (const auto& part : measure.sum_of) parts.push_back(*dataset.measure_index(part));
    for (const auto& row : dataset.rows) {
      for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
        const auto value = row.values[m][p];
        if (bound && value > row.values[*bound][p]) {
          diags.error(source, row.positions[m][p],
                      measure.id + " (" + std::to_string(value) + ") is more than " +
                          measure.at_most + " (" + std::to_string(row.values[*bound][p]) +
                          ") for " + where(dataset, row, p));
        }
        if (parts.empty()) continue;
        std::int64_t sum = 0;
        bool overflow = false;
        for (const auto part : parts)
          overflow |= __builtin_add_overflow(sum, row.values[part][p], &sum);
        if (overflow || sum != value) {
          std::string names;
          for (const auto& part : measure.sum_of) names += (names.empty() ? "" : " + ") + part;
          diags.error(source, row.positions[m][p],
                      measure.id + " (" + std::to_string(value) + ") is not the sum of " + names +
                          " (" + (overflow ? "too large" : std::to_string(sum)) + ") for " +
                          where(dataset, row, p));
        }
      }
    }
  }
}

void compute_totals(Dataset& dataset, Diagnostics& diags) {
  const auto& source = *dataset.source;
  dataset.totals.assign(dataset.measures.size(), std::vector<std::int64_t>(dataset.periods.size()));
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      std::int64_t sum = 0;
      bool overflow = false;
      for (const auto& row : dataset.rows) {
        if (__builtin_add_overflow(sum, row.values[m][p], &sum)) {
          diags.error(dataset.rows_text(), row.positions[m][p],
                      "the total of " + dataset.measures[m].id + " for fiscal year " +
                          std::to_string(dataset.periods[p]) + " does not fit in 64 bits");
          overflow = true;
          break;
        }
      }
      // An overflowed sum holds a wrapped figure: nothing may compare with it or show it.
      if (overflow) continue;
      dataset.totals[m][p] = sum;
      const auto& published = dataset.published[m][p];
      if (published && published->value != sum) {
        dataset.discrepancies.push_back({m, p, published->value, sum});
        diags.warning(source, published->position,
                      "published total of " + dataset.measures[m].id + " for fiscal year " +
                          std::to_string(dataset.periods[p]) + " is " +
                          std::to_string(published->value) + ", but the rows add up to " +
                          std::to_string(sum) + "; the site shows " + std::to_string(sum) +
                          " with a note");
      }
    }
  }
}

}  // namespace hyoka
