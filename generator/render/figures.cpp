#include "render/figures.h"

#include "charts/dataset_charts.h"
#include "charts/grade_chart.h"
#include "charts/indicator_charts.h"
#include "data/ratio.h"
#include "render/grade_tables.h"
#include "render/indicator_table.h"

namespace hyoka {

namespace {

Figure figure(TableView table, std::vector<BarChart> charts, const ChartStyle& style) {
  Figure f;
  f.table = std::move(table);
  f.charts = std::move(charts);
  f.svgs.reserve(f.charts.size());
  for (const auto& chart : f.charts) {
    auto svg = render_bar_chart(chart, style, kWideChart);
    f.standalone_sizes.push_back(svg.size());
    svg += render_bar_chart(chart, style, kNarrowChart);
    f.svgs.push_back(std::move(svg));
  }
  return f;
}

// A figure of one chart. (A braced list would copy the chart: its elements are const.)
Figure figure(TableView table, BarChart chart, const ChartStyle& style) {
  std::vector<BarChart> charts;
  charts.push_back(std::move(chart));
  return figure(std::move(table), std::move(charts), style);
}

// A landing page previews its dataset: every area with the totals and every note, or, past
// kPreviewAreas areas, the first of them and the totals (a portal's preview, not a 5 MB page:
// 10,000 areas made the build a tenth slower), with a note that says so.
constexpr std::size_t kPreviewAreas = 100;

TableView preview_table(const Site& site, const SitePage& page, const Dataset& dataset) {
  Selection first;
  std::size_t all = 0;
  for (std::size_t a = 0; a < site.areas.size(); ++a) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] != &dataset) continue;
      if (++all <= kPreviewAreas) first.areas.push_back(a);
      break;
    }
  }
  const auto table_of = [&](const Selection& selection) {
    return dataset.scale ? grade_overview_table(site, page, dataset, selection)
                         : overview_table(site, page, dataset, selection);
  };
  if (all <= kPreviewAreas) return table_of({});
  first.with_totals = true;
  auto table = table_of(first);
  table.notes.insert(
      table.notes.begin(),
      site.words(Word::table_preview,
                 {format_count(static_cast<std::int64_t>(kPreviewAreas)),
                  format_count(static_cast<std::int64_t>(all)), site.config.area_label}));
  table.note_numbers.insert(table.note_numbers.begin(), 0);
  return table;
}

// A grade dataset's figure: its table with the stacked chart drawn above it.
Figure grade_figure(TableView table, std::optional<GradeChart> chart, const ChartStyle& style) {
  Figure f;
  f.table = std::move(table);
  if (chart) {
    auto svg = render_grade_chart(*chart, style, kWideChart);
    f.standalone_sizes.push_back(svg.size());
    svg += render_grade_chart(*chart, style, kNarrowChart);
    f.svgs.push_back(std::move(svg));
    f.charts.push_back(chart_shell(*chart));
  }
  return f;
}

// A KPI dataset's indicators on an area page: a chart of each, then their table.
Figure indicator_figure(TableView table, const std::vector<IndicatorChart>& charts,
                        const ChartStyle& style) {
  Figure f;
  f.table = std::move(table);
  for (const auto& chart : charts) {
    auto svg = render_indicator_chart(chart, style, kWideChart);
    f.standalone_sizes.push_back(svg.size());
    svg += render_indicator_chart(chart, style, kNarrowChart);
    f.svgs.push_back(std::move(svg));
    f.charts.push_back(chart_shell(chart));
  }
  return f;
}

std::vector<Figure> grade_home_figures(const Site& site, const SitePage& page,
                                       const Dataset& dataset, const HomeFigure& chosen,
                                       const ChartStyle& style) {
  std::vector<Figure> out;
  if (chosen.table == HomeFigure::Table::totals) {
    auto totals = grade_totals_table(site, dataset);
    std::optional<GradeChart> chart;
    if (chosen.counts_chart) chart = grade_totals_chart(site, dataset, totals.caption);
    out.push_back(grade_figure(std::move(totals), std::move(chart), style));
    return out;
  }
  auto overview = grade_overview_table(site, page, dataset);
  std::size_t areas = 0;
  for (const auto& area : site.areas) {
    for (const auto& ref : area.rows) areas += &site.datasets[ref.dataset] == &dataset;
  }
  if (areas > kMaxAreasPerChart) {
    const auto heading = site.words(Word::grades_chart_heading_areas,
                                    {dataset.scale->label, site.config.area_label});
    auto f = grade_figure(std::move(overview), std::nullopt, style);
    f.omitted = site.words(Word::chart_omitted,
                           {site.config.area_label, std::to_string(kMaxAreasPerChart), heading});
    out.push_back(std::move(f));
    return out;
  }
  auto chart = grade_areas_chart(site, dataset, overview.caption);
  out.push_back(grade_figure(std::move(overview), std::move(chart), style));
  return out;
}

}  // namespace

std::vector<DatasetFigures> page_figures(const Site& site, const SitePage& page,
                                         const ChartStyle& style) {
  std::vector<DatasetFigures> out;
  if (page.page->kind == PageKind::dataset) {
    for (const auto& dataset : site.datasets) {
      if (dataset.id != page.page->id) continue;
      out.push_back({&dataset, {}});
      out.back().figures.push_back(
          figure(preview_table(site, page, dataset), std::vector<BarChart>{}, style));
    }
    return out;
  }
  if (page.page->kind == PageKind::home) {
    for (const auto& shown : site.home_composition.datasets) {
      const auto& dataset = site.datasets[shown.dataset];
      DatasetFigures d{&dataset, {}};
      for (const auto& chosen : shown.figures) {
        if (dataset.scale) {
          for (auto& f : grade_home_figures(site, page, dataset, chosen, style)) {
            d.figures.push_back(std::move(f));
          }
          continue;
        }
        if (chosen.table == HomeFigure::Table::totals) {
          auto totals = totals_table(site, dataset);
          std::vector<BarChart> charts;
          if (chosen.counts_chart) charts.push_back(totals_chart(site, dataset, totals.caption));
          d.figures.push_back(figure(std::move(totals), std::move(charts), style));
          continue;
        }
        auto overview = overview_table(site, page, dataset);
        std::vector<BarChart> ratio_charts;
        std::string omitted;
        for (const auto r : chosen.ratios) {
          for (auto& c : area_ratio_charts(site, dataset, dataset.ratios[r], overview.caption)) {
            if (!c.omitted.empty())
              omitted += (omitted.empty() ? "" : " ") + c.omitted;
            else
              ratio_charts.push_back(std::move(c.chart));
          }
        }
        auto f = figure(std::move(overview), std::move(ratio_charts), style);
        f.omitted = omitted;
        d.figures.push_back(std::move(f));
      }
      out.push_back(std::move(d));
    }
  } else {
    out.reserve(page.rows.size());
    for (const auto& ref : page.rows) {
      const auto& dataset = site.datasets[ref.dataset];
      if (dataset.scale) {
        auto table = grade_area_table(site, page, ref);
        auto chart = grade_area_chart(site, page, ref, table.caption);
        out.push_back({&dataset, {}});
        out.back().figures.push_back(grade_figure(std::move(table), std::move(chart), style));
        if (dataset.kpi) {  // its indicators below their grades' distribution
          auto indicators = indicator_table(site, page, ref);
          auto charts = indicator_charts(site, ref, indicators.caption, style);
          out.back().figures.push_back(indicator_figure(std::move(indicators), charts, style));
        }
        continue;
      }
      auto table = area_table(site, page, ref);
      auto chart = area_chart(site, page, ref, table.caption);
      out.push_back({&dataset, {}});
      out.back().figures.push_back(figure(std::move(table), std::move(chart), style));
    }
  }
  return out;
}

}  // namespace hyoka
