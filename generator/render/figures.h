// What a page shows of each dataset: figures, each a table with the chart drawn from the same
// data above it. The home page has the totals and the areas; an area page its own row; a
// dataset's landing page the table of every area with the totals, without a chart.
#pragma once

#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/chart_style.h"
#include "render/table_view.h"
#include "site/site.h"

namespace hyoka {

struct Figure {
  std::vector<BarChart> charts;   // usually one; a ratio chart with many bars is split
  std::vector<std::string> svgs;  // the rendered charts, in the same order, as pages carry them
  // Where each of `svgs` ends its first drawing, the wide one: the chart's standalone file.
  std::vector<std::size_t> standalone_sizes;
  std::string omitted;  // a note where a chart was left out
  TableView table;
};

struct DatasetFigures {
  const Dataset* dataset = nullptr;
  std::vector<Figure> figures;
};

std::vector<DatasetFigures> page_figures(const Site& site, const SitePage& page,
                                         const ChartStyle& style);

}  // namespace hyoka
