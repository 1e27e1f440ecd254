// The charts of a KPI dataset's indicators on an area page, one per indicator, made from the
// same computed rates and grades (data/indicators.h) and the same formatting as the indicator
// table below them (render/indicator_table.h).
#pragma once

#include <string>
#include <vector>

#include "charts/chart_style.h"
#include "charts/indicator_chart.h"
#include "site/site.h"

namespace hyoka {

// `table_caption` is the caption of the indicator table below the charts, which each title
// names as where its numbers are.
std::vector<IndicatorChart> indicator_charts(const Site& site, const AreaRow& row,
                                             const std::string& table_caption,
                                             const ChartStyle& style);

// A rate as pages write it: 「104.2%」, 「−1.0%」 with a minus sign.
std::string shown_rate(const Percentage& rate);

// A decimal's value for placing a mark; its text is always format_decimal's.
double position_of(const Decimal& value);

}  // namespace hyoka
