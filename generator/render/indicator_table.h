// The table of a KPI dataset's indicators on an area page: name, unit, baseline, target, and
// each fiscal year's actual value, achievement rate and grade, all as the dataset computed them
// (data/indicators.h), the rates with the dataset's decimals.
#pragma once

#include "render/table_view.h"

namespace hyoka {

TableView indicator_table(const Site& site, const SitePage& page, const AreaRow& area_row);

}  // namespace hyoka
