#include "site/home_composition.h"

#include <algorithm>
#include <map>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

const std::vector<std::string> kTables = {"totals", "areas"};
// The chart of the counts stands with the totals table; ratio charts with the areas table.
const std::string kCountsChart = "totals";

HomeDataset everything(std::size_t index, const Dataset& dataset) {
  HomeDataset shown{index, {}};
  shown.figures.push_back({HomeFigure::Table::totals, true, {}});
  HomeFigure areas{HomeFigure::Table::areas, false, {}};
  for (std::size_t r = 0; r < dataset.ratios.size(); ++r) areas.ratios.push_back(r);
  shown.figures.push_back(std::move(areas));
  return shown;
}

// A name met twice in one list: an error at the second, saying where the first is.
bool repeated(const NamedAt& name, std::map<std::string, Position>& seen, const SourceText& source,
              const std::string& what, Diagnostics& diags) {
  const auto [it, fresh] = seen.emplace(name.name, name.position);
  if (fresh) return false;
  diags.error(source, name.position,
              what + " \"" + name.name + "\" is listed twice (first on line " +
                  std::to_string(it->second.line) + ")");
  return true;
}

}  // namespace

HomeComposition compose_home(const SiteConfig& config, const std::vector<Dataset>& datasets,
                             Diagnostics& diags) {
  HomeComposition out;
  if (!config.home || !config.source) {
    for (std::size_t d = 0; d < datasets.size(); ++d) {
      out.datasets.push_back(everything(d, datasets[d]));
    }
    return out;
  }
  const auto& source = *config.source;
  std::vector<std::string> ids;
  for (const auto& dataset : datasets) ids.push_back(dataset.id);
  std::map<std::string, Position> seen_datasets;
  for (const auto& entry : *config.home) {
    const auto found = std::find(ids.begin(), ids.end(), entry.dataset.name);
    if (found == ids.end()) {
      diags.error(source, entry.dataset.position,
                  "unknown dataset \"" + entry.dataset.name + "\": no content/data/" +
                      entry.dataset.name + ".toml" + did_you_mean(entry.dataset.name, ids));
      continue;
    }
    if (repeated(entry.dataset, seen_datasets, source, "the dataset", diags)) continue;
    const auto index = static_cast<std::size_t>(found - ids.begin());
    const auto& dataset = datasets[index];
    auto shown = everything(index, dataset);
    if (entry.tables) {
      const auto all = shown.figures;  // each table with every chart, until charts says
      shown.figures.clear();
      std::map<std::string, Position> seen;
      for (const auto& table : *entry.tables) {
        const auto known = std::find(kTables.begin(), kTables.end(), table.name);
        if (known == kTables.end()) {
          diags.error(source, table.position,
                      "unknown table \"" + table.name +
                          "\": a dataset's tables are \"totals\" "
                          "(the whole per fiscal year) and \"areas\" (every area per fiscal year)" +
                          did_you_mean(table.name, kTables));
          continue;
        }
        if (repeated(table, seen, source, "the table", diags)) continue;
        shown.figures.push_back(all[static_cast<std::size_t>(known - kTables.begin())]);
      }
    }
    const auto figure_of = [&](HomeFigure::Table table) -> HomeFigure* {
      for (auto& f : shown.figures) {
        if (f.table == table) return &f;
      }
      return nullptr;
    };
    if (entry.charts) {
      for (auto& f : shown.figures) f = {f.table, false, {}};
      std::vector<std::string> charts = {kCountsChart};
      for (const auto& ratio : dataset.ratios) charts.push_back(ratio.id);
      std::map<std::string, Position> seen;
      for (const auto& chart : *entry.charts) {
        const auto known = std::find(charts.begin(), charts.end(), chart.name);
        if (known == charts.end()) {
          diags.error(source, chart.position,
                      "unknown chart \"" + chart.name + "\": the dataset \"" + dataset.id +
                          "\" has the chart \"totals\" and one per ratio" +
                          did_you_mean(chart.name, charts));
          continue;
        }
        if (repeated(chart, seen, source, "the chart", diags)) continue;
        const bool counts = chart.name == kCountsChart;
        const auto table = counts ? HomeFigure::Table::totals : HomeFigure::Table::areas;
        auto* figure = figure_of(table);
        if (!figure) {
          const std::string name = counts ? "totals" : "areas";
          diags.error(source, chart.position,
                      "the chart \"" + chart.name + "\" stands above the table \"" + name +
                          "\", which the home page does not show: add \"" + name +
                          "\" to tables, or leave the chart out");
          continue;
        }
        if (counts) {
          figure->counts_chart = true;
        } else {
          figure->ratios.push_back(static_cast<std::size_t>(known - charts.begin() - 1));
        }
      }
    }
    out.datasets.push_back(std::move(shown));
  }
  return out;
}

}  // namespace hyoka
