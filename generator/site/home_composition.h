// What the home page shows: which datasets, and of each which tables and charts, in order.
// [[home.datasets]] in site.toml chooses (config/site_config.h); without it, every dataset with
// both its tables and every chart, as before the choice existed.
#pragma once

#include <cstddef>
#include <vector>

#include "base/diagnostics.h"
#include "config/site_config.h"
#include "data/dataset.h"

namespace hyoka {

// One table of a dataset with the charts drawn above it.
struct HomeFigure {
  enum class Table { totals, areas };
  Table table = Table::totals;
  bool counts_chart = false;        // totals: the chart of the counts per fiscal year
  std::vector<std::size_t> ratios;  // areas: a chart of every area's value per ratio, in order
};

struct HomeDataset {
  std::size_t dataset = 0;  // index into Site::datasets
  std::vector<HomeFigure> figures;
};

struct HomeComposition {
  std::vector<HomeDataset> datasets;
};

// The composition [home] asks for, checked against the datasets (unknown or repeated names, a
// chart whose table is not shown), with every problem at its place in site.toml.
HomeComposition compose_home(const SiteConfig& config, const std::vector<Dataset>& datasets,
                             Diagnostics& diags);

}  // namespace hyoka
