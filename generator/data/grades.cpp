// A grade dataset's wholes, groups and shares, and the check of the shares a source prints.
#include <string>

#include "data/dataset.h"
#include "data/dataset_checks.h"

namespace hyoka {

namespace {

// The sum of some counts; missing (the first missing one's reason) when one is.
template <typename Indices>
Count sum_of(const Counts& counts, const Indices& indices, std::size_t period) {
  Count out;
  for (const auto m : indices) {
    const auto& count = counts[m][period];
    out.partial = out.partial || count.partial;
    if (!count.present()) {
      if (out.present()) out.missing = count.missing;
      continue;
    }
    if (out.present()) out.value += count.value;  // check_grade_sums made sure it fits
  }
  if (!out.present()) out.value = 0;
  return out;
}

}  // namespace

Count Dataset::grade_whole(const Counts& counts, std::size_t period) const {
  if (scale->total) return counts[*scale->total][period];
  std::vector<std::size_t> all(scale->grades.size());
  for (std::size_t g = 0; g < all.size(); ++g) all[g] = g;
  return sum_of(counts, all, period);
}

Count Dataset::group_count(const Counts& counts, const GradeGroup& group,
                           std::size_t period) const {
  return sum_of(counts, group.grades, period);
}

RatioFigure Dataset::share(const Count& part, const Counts& counts, std::size_t period) const {
  const auto whole = grade_whole(counts, period);
  RatioFigure out;
  out.value.decimals = scale->decimals;
  out.partial = part.partial || whole.partial;
  if (!part.present() || !whole.present()) {
    out.missing = part.present() ? whole.missing : part.missing;
    return out;
  }
  out.numerator = part.value;
  out.denominator = whole.value;
  out.value = compute_ratio(part.value, whole.value, scale->decimals, scale->rounding);
  return out;
}

void check_grade_sums(const Dataset& dataset, Diagnostics& diags) {
  const int errors_before = diags.errors();
  const auto grades = dataset.scale->grades.size();
  const auto check = [&](const Counts& counts, const std::string& where, const SourceText& source,
                         const std::vector<std::vector<Position>>& positions) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      std::int64_t sum = 0;
      for (std::size_t g = 0; g < grades; ++g) {
        if (!counts[g][p].present() || !__builtin_add_overflow(sum, counts[g][p].value, &sum)) {
          continue;
        }
        diags.error(source, positions.empty() ? Position{} : positions[g][p],
                    "the grades of " + where + "fiscal year " + std::to_string(dataset.periods[p]) +
                        " add up to more than 64 bits hold");
        break;
      }
    }
  };
  for (const auto& row : dataset.rows) {
    check(row.values, "area \"" + row.area + "\", ", dataset.rows_text(), row.positions);
  }
  // The totals are checked when no row's grades overflowed: one problem, told once.
  if (diags.errors() == errors_before) check(dataset.totals, "the totals, ", *dataset.source, {});
}

void check_published_shares(Dataset& dataset, Diagnostics& diags) {
  const auto& scale = *dataset.scale;
  for (std::size_t i = 0; i < dataset.published_shares.size(); ++i) {
    const auto& printed = dataset.published_shares[i];
    const Counts& counts = printed.row ? dataset.rows[*printed.row].values : dataset.totals;
    const auto& part = counts[printed.grade][printed.period];
    const auto whole = dataset.grade_whole(counts, printed.period);
    // A share of a missing or partial count is not the source's: nothing to compare.
    if (!part.present() || !whole.present() || part.partial || whole.partial) continue;
    const auto computed = compute_ratio(part.value, whole.value, printed.decimals, scale.rounding);
    if (computed.defined && computed.scaled == printed.scaled) continue;
    dataset.share_discrepancies.push_back({i, computed});
    const RatioValue shown{true, printed.scaled, printed.decimals};
    const auto where = printed.row ? "area \"" + dataset.rows[*printed.row].area + "\", " : "";
    const auto& grade = scale.grades[printed.grade].id;
    diags.warning(
        *dataset.source, printed.position,
        "published share of " + grade + " for " + where + "fiscal year " +
            std::to_string(dataset.periods[printed.period]) + " is " + format_ratio(shown) +
            ", but its counts give " +
            (computed.defined
                 ? format_ratio(computed) + " (" + std::to_string(part.value) + " of " +
                       std::to_string(whole.value) + ", " + rounding_name(scale.rounding) + ")"
                 : "none (the whole is 0)") +
            "; the site shows the counts' share with a note");
  }
}

}  // namespace hyoka
