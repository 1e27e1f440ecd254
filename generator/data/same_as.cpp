#include "data/same_as.h"

#include <algorithm>
#include <map>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

std::string at(const Dataset& dataset, const Position& position) {
  return dataset.rows_text().path() + ":" + std::to_string(position.line) + ":" +
         std::to_string(position.column);
}

// Every area and fiscal year the two measures share.
void compare(const Dataset& a, std::size_t ma, const Dataset& b, std::size_t mb,
             Diagnostics& diags) {
  std::map<std::string, std::size_t> rows_of_b;
  for (std::size_t r = 0; r < b.rows.size(); ++r) rows_of_b.emplace(b.rows[r].area, r);
  const auto& name_a = a.measures[ma].id;
  const auto& name_b = b.measures[mb].id;
  for (const auto& row : a.rows) {
    const auto found = rows_of_b.find(row.area);
    if (found == rows_of_b.end()) continue;
    const auto& other = b.rows[found->second];
    for (std::size_t p = 0; p < a.periods.size(); ++p) {
      const auto q =
          std::find(b.periods.begin(), b.periods.end(), a.periods[p]) - b.periods.begin();
      if (q == static_cast<std::ptrdiff_t>(b.periods.size())) continue;
      const auto& here = row.values[ma][p];
      const auto& there = other.values[mb][static_cast<std::size_t>(q)];
      if (!here.present() || !there.present() || here.value == there.value) continue;
      const auto& here_at = row.positions[ma][p];
      const auto& there_at = other.positions[mb][static_cast<std::size_t>(q)];
      const std::string what =
          " for area \"" + row.area + "\", fiscal year " + std::to_string(a.periods[p]);
      diags.error(a.rows_text(), here_at,
                  name_a + " (" + std::to_string(here.value) + ")" + what + " differs from " +
                      b.id + "." + name_b + " (" + std::to_string(there.value) + ") at " +
                      at(b, there_at) + ", which it is declared the same as");
      diags.error(b.rows_text(), there_at,
                  name_b + " (" + std::to_string(there.value) + ")" + what + " differs from " +
                      a.id + "." + name_a + " (" + std::to_string(here.value) + ") at " +
                      at(a, here_at) + ", which is declared the same as it (same_as)");
    }
  }
}

}  // namespace

void check_same_as(const std::vector<Dataset>& datasets, const std::vector<std::string>& ids,
                   Diagnostics& diags) {
  for (const auto& dataset : datasets) {
    for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
      const auto& measure = dataset.measures[m];
      if (measure.same_as.empty()) continue;
      const auto dot = measure.same_as.find('.');
      const auto other_id = measure.same_as.substr(0, dot);
      const auto other_measure = measure.same_as.substr(dot + 1);
      const auto& where = measure.same_as_position;
      const auto other = std::find_if(datasets.begin(), datasets.end(),
                                      [&](const Dataset& d) { return d.id == other_id; });
      if (other == datasets.end()) {
        // A dataset that failed to load has had its errors reported already.
        if (std::find(ids.begin(), ids.end(), other_id) == ids.end()) {
          diags.error(*dataset.source, where,
                      "unknown dataset \"" + other_id + "\"" + did_you_mean(other_id, ids));
        }
        continue;
      }
      const auto index = other->measure_index(other_measure);
      if (!index) {
        diags.error(*dataset.source, where,
                    "the dataset \"" + other_id + "\" has no measure \"" + other_measure + "\"" +
                        did_you_mean(other_measure, other->measure_ids()));
        continue;
      }
      if (&*other == &dataset && *index == m) {
        diags.error(*dataset.source, where, "a measure cannot be the same as itself");
        continue;
      }
      compare(dataset, m, *other, *index, diags);
    }
  }
}

}  // namespace hyoka
