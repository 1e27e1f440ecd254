// Charts of a dataset, made from the same Dataset and the same number formatting as the
// tables beside them, so a chart cannot show a figure its table does not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
#include "site/selection.h"
#include "site/site.h"

namespace hyoka {

// More areas than this make a chart nobody can read; the page keeps the table and says so.
constexpr std::size_t kMaxAreasPerChart = 50;
// Bars in one ratio chart before it is split into one chart per fiscal year.
constexpr std::size_t kMaxBarsPerChart = 60;

// `table_caption` is the caption of the table drawn right below the chart, which the chart's
// title names as where its numbers are; empty when no table is below it (a chart block), and
// then the title is the heading alone.
struct DatasetChart {
  BarChart chart;       // empty panels when left out
  std::string omitted;  // why the chart was left out, for a note in its place
};

// One area's counts per fiscal year, with its ratios under each year.
BarChart area_chart(const Site& site, const SitePage& page, const AreaRow& row,
                    const std::string& table_caption, const Selection& selection = {},
                    const std::string& id = "");

// The dataset's totals per fiscal year, marked where the source printed another figure.
BarChart totals_chart(const Site& site, const Dataset& dataset, const std::string& table_caption,
                      const Selection& selection = {}, const std::string& id = "");

// For one ratio, every area's value per fiscal year, from 0 to 100%: one chart, or one per
// fiscal year when there are many bars.
std::vector<DatasetChart> area_ratio_charts(const Site& site, const Dataset& dataset,
                                            const Ratio& ratio, const std::string& table_caption,
                                            const Selection& selection = {},
                                            const std::string& id = "");

// One ratio over the fiscal years: a line per chosen area (all when none are chosen) and, when
// every area is shown, one for the whole. Callers keep the lines within kMaxLines.
LineChart trend_chart(const Site& site, const Dataset& dataset, const Ratio& ratio,
                      const std::string& table_caption, const Selection& selection,
                      const std::string& id);

// The number of lines trend_chart would draw.
std::size_t trend_lines(const Site& site, const Dataset& dataset, const Selection& selection);

}  // namespace hyoka
