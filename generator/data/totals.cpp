#include "data/totals.h"

#include <algorithm>
#include <string>

namespace hyoka {

void compute_totals(Dataset& dataset, Diagnostics& diags) {
  const auto& source = *dataset.source;
  dataset.totals.assign(dataset.measures.size(), std::vector<Count>(dataset.periods.size()));
  if (dataset.whole_totals) return;
  std::vector<std::size_t> left_out;
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      std::int64_t sum = 0;
      bool overflow = false;
      left_out.clear();
      for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
        const auto& row = dataset.rows[r];
        const auto& count = row.values[m][p];
        if (!count.present()) {
          left_out.push_back(r);
          continue;
        }
        if (__builtin_add_overflow(sum, count.value, &sum)) {
          diags.error(source, row.positions[m][p],
                      "the total of " + dataset.measures[m].id + " for fiscal year " +
                          std::to_string(dataset.periods[p]) + " does not fit in 64 bits");
          overflow = true;
          break;
        }
      }
      // An overflowed sum holds a wrapped figure: nothing may compare with it or show it.
      if (overflow) continue;
      auto& total = dataset.totals[m][p];
      if (!left_out.empty()) {
        const auto& first = dataset.rows[left_out.front()];
        if (!dataset.partial_totals || left_out.size() == dataset.rows.size()) {
          total.missing = first.values[m][p].missing;
          continue;
        }
        total = Count{sum, 0, true};
        dataset.partials.push_back({m, p, left_out, first.positions[m][p]});
        continue;
      }
      total.value = sum;
      const auto& published = dataset.published[m][p];
      if (published && published->value != sum) {
        dataset.discrepancies.push_back({m, p, published->value, sum, published->position});
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

namespace {

// A ratio of the totals over the rows where both counts are present; `left_out` gets the others.
RatioFigure ratio_over_complete_rows(const Dataset& dataset, const Ratio& ratio, std::size_t p,
                                     std::vector<std::size_t>& left_out) {
  RatioFigure out;
  out.value.decimals = ratio.decimals;
  std::int64_t numerator = 0, denominator = 0;
  bool overflow = false;
  for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
    const auto& n = dataset.rows[r].values[ratio.numerator][p];
    const auto& d = dataset.rows[r].values[ratio.denominator][p];
    if (!n.present() || !d.present()) {
      left_out.push_back(r);
      if (!out.missing) out.missing = n.present() ? d.missing : n.missing;
      continue;
    }
    overflow |= __builtin_add_overflow(numerator, n.value, &numerator);
    overflow |= __builtin_add_overflow(denominator, d.value, &denominator);
  }
  // Every row left out, or a sum too large (reported with the totals): no figure.
  if (left_out.size() == dataset.rows.size() || overflow) return out;
  out.missing = 0;
  out.partial = !left_out.empty();
  out.numerator = numerator;
  out.denominator = denominator;
  out.value = compute_ratio(numerator, denominator, ratio.decimals, ratio.rounding);
  return out;
}

}  // namespace

void compute_total_ratios(Dataset& dataset) {
  const bool over_rows = dataset.partial_totals && !dataset.whole_totals;
  dataset.total_ratios.assign(dataset.ratios.size(),
                              std::vector<RatioFigure>(dataset.periods.size()));
  std::vector<std::size_t> left_out;
  for (std::size_t r = 0; r < dataset.ratios.size(); ++r) {
    const auto& ratio = dataset.ratios[r];
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      auto& figure = dataset.total_ratios[r][p];
      left_out.clear();
      if (!over_rows) {
        figure = dataset.ratio(ratio, dataset.totals, p);
        continue;
      }
      figure = ratio_over_complete_rows(dataset, ratio, p, left_out);
      if (figure.partial) {
        // Where the first count left out is written: the numerator's, else the denominator's.
        const auto& row = dataset.rows[left_out.front()];
        const auto m =
            row.values[ratio.numerator][p].present() ? ratio.denominator : ratio.numerator;
        dataset.partials.push_back({dataset.measures.size() + r, p, left_out, row.positions[m][p]});
      }
    }
  }
  std::stable_sort(dataset.partials.begin(), dataset.partials.end(),
                   [](const PartialTotal& a, const PartialTotal& b) {
                     return std::pair(a.position.line, a.position.column) <
                            std::pair(b.position.line, b.position.column);
                   });
}

}  // namespace hyoka
