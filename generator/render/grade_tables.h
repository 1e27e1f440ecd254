// Tables of a grade dataset (one with a [scale]): each grade's count and share per fiscal
// year, for one area, the totals, or every area. Shares are the dataset's exact, rounded
// figures and are never adjusted to add up to 100%: the note under each table says so.
#pragma once

#include "charts/grade_chart.h"
#include "render/table_view.h"

namespace hyoka {

// One area: a line per grade (then each group, then the whole), a count and a share column
// per fiscal year.
TableView grade_area_table(const Site& site, const SitePage& page, const AreaRow& area_row);

// The totals over every area, in the same shape.
TableView grade_totals_table(const Site& site, const Dataset& dataset);

// Every area × fiscal year, then the totals: a count and a share column per grade.
TableView grade_overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                               const Selection& selection = {});

}  // namespace hyoka
