// The notes scope of each kind of table and chart (data/note_marks.h): a table and the chart
// beside it ask with the same scope, so their ※ marks agree.
#pragma once

#include "data/note_marks.h"
#include "site/selection.h"
#include "site/site.h"

namespace hyoka {

inline NoteScope parts_scope(const Dataset& dataset, const Selection& selection) {
  NoteScope scope;
  scope.measures = Selection::or_all(selection.measures, dataset.measures.size());
  scope.ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  scope.periods = Selection::or_all(selection.periods, dataset.periods.size());
  return scope;
}

// One area's row.
inline NoteScope row_scope(const Dataset& dataset, std::size_t row, const Selection& selection) {
  auto scope = parts_scope(dataset, selection);
  scope.rows = {row};
  return scope;
}

// The totals alone.
inline NoteScope totals_scope(const Dataset& dataset, const Selection& selection) {
  auto scope = parts_scope(dataset, selection);
  scope.totals = true;
  return scope;
}

// The rows of the chosen areas (every area when none is chosen), with the totals when every area
// is shown or a preview asks for them.
inline NoteScope areas_scope(const Site& site, const Dataset& dataset, const Selection& selection) {
  auto scope = parts_scope(dataset, selection);
  scope.totals = selection.areas.empty() || selection.with_totals;
  // Rows carry only written notes and printed shares that differ.
  if (dataset.notes.empty() && dataset.share_discrepancies.empty()) return scope;
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] == &dataset) scope.rows.push_back(ref.row);
    }
  }
  return scope;
}

}  // namespace hyoka
