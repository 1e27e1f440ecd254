#include "charts/dataset_charts.h"

#include <cmath>

#include "base/era.h"

namespace hyoka {

namespace {

std::string year(const Site& site, int y) {
  return site.words.fiscal_year(y);
}

std::string where_numbers_are(const Site& site, const std::string& heading,
                              const std::string& table_caption) {
  return site.words(Word::chart_title, {heading, table_caption});
}

double shown_value(const RatioValue& v) {
  return static_cast<double>(v.scaled) / std::pow(10.0, v.decimals);
}

// "76.9%（10/13件）", or "−（分母が0）", in the site's words.
std::string ratio_text(const Site& site, const Dataset& dataset, const Ratio& ratio,
                       const Counts& counts, std::size_t period) {
  const auto value = dataset.ratio(ratio, counts, period);
  if (!value.defined) {
    return site.words(Word::chart_no_ratio,
                      {"\u2212", dataset.measures[ratio.denominator].short_label});
  }
  return site.words(Word::chart_ratio,
                    {format_ratio(value), format_count(counts[ratio.numerator][period]),
                     format_count(counts[ratio.denominator][period]), dataset.unit});
}

// A count with the dataset's unit: "12件", "12 projects".
std::string count_text(const Site& site, const Dataset& dataset, const std::string& count) {
  return dataset.unit.empty() ? count : site.words(Word::chart_count, {count, dataset.unit});
}

struct Extreme {
  double value = 0;
  std::string where;
  std::string shown;
};

// "Xが最も高いのはAの5.0%、最も低いのはBの1.0%です。" over the defined values, in order;
// `extremes` is the sentence for ratios or for counts.
std::string extremes_sentence(const Site& site, const std::string& subject,
                              const std::vector<Extreme>& items, Word extremes) {
  const auto& words = site.words;
  if (items.empty()) return words(Word::chart_undefined, {subject});
  if (items.size() == 1) return words(Word::chart_only, {items[0].where, subject, items[0].shown});
  const Extreme* top = &items[0];
  const Extreme* bottom = &items[0];
  for (const auto& item : items) {
    if (item.value > top->value) top = &item;
    if (item.value < bottom->value) bottom = &item;
  }
  if (top->value == bottom->value) return words(Word::chart_all_equal, {subject, top->shown});
  return words(extremes, {subject, top->where, top->shown, bottom->where, bottom->shown});
}

// Panels per fiscal year with a bar per measure and the ratios as notes.
BarChart counts_chart(const Site& site, const Dataset& dataset, const Counts& counts,
                      const std::string& id, const std::string& heading,
                      const std::string& table_caption,
                      const std::vector<std::vector<std::string>>& marks,
                      const Selection& selection) {
  BarChart chart;
  chart.id = id;
  chart.heading = heading;
  chart.title = where_numbers_are(site, heading, table_caption);
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  chart.panels.reserve(periods.size());
  for (const auto p : periods) {
    ChartPanel panel;
    panel.heading = year(site, dataset.periods[p]);
    panel.bars.reserve(measures.size());
    for (const auto m : measures) {
      const auto& measure = dataset.measures[m];
      const auto count = format_count(counts[m][p]);
      ChartBar bar;
      bar.label = measure.short_label;
      bar.value = static_cast<double>(counts[m][p]);
      bar.value_attr = std::to_string(counts[m][p]);
      bar.text = count;
      if (!marks.empty()) bar.text += marks[m][p];
      bar.tooltip = site.words(Word::chart_bar,
                               {panel.heading, measure.label, count_text(site, dataset, count)});
      bar.series = m;
      panel.bars.push_back(std::move(bar));
    }
    for (const auto r : ratios) {
      const auto& ratio = dataset.ratios[r];
      auto note = site.words(Word::chart_panel_ratio,
                             {ratio.label, ratio_text(site, dataset, ratio, counts, p)});
      if (!marks.empty()) note += marks[dataset.measures.size() + r][p];
      panel.notes.push_back(std::move(note));
    }
    chart.panels.push_back(std::move(panel));
  }
  std::vector<Extreme> items;
  if (!ratios.empty()) {
    const auto& ratio = dataset.ratios[ratios.front()];
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto v = dataset.ratio(ratio, counts, periods[i]);
      if (v.defined) items.push_back({shown_value(v), chart.panels[i].heading, format_ratio(v)});
    }
    chart.summary = extremes_sentence(site, ratio.label, items, Word::chart_highest_lowest);
  } else {
    const auto m = measures.front();
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto p = periods[i];
      items.push_back({static_cast<double>(counts[m][p]), chart.panels[i].heading,
                       count_text(site, dataset, format_count(counts[m][p]))});
    }
    chart.summary =
        extremes_sentence(site, dataset.measures[m].label, items, Word::chart_most_fewest);
  }
  return chart;
}

}  // namespace

BarChart area_chart(const Site& site, const SitePage& page, const AreaRow& ref,
                    const std::string& table_caption, const Selection& selection,
                    const std::string& id) {
  const auto& dataset = site.datasets[ref.dataset];
  return counts_chart(site, dataset, dataset.rows[ref.row].values,
                      id.empty() ? "chart-" + dataset.id : id,
                      site.words(Word::table_area_caption, {page.page->title, dataset.title}),
                      table_caption, {}, selection);
}

BarChart totals_chart(const Site& site, const Dataset& dataset, const std::string& table_caption,
                      const Selection& selection, const std::string& id) {
  return counts_chart(site, dataset, dataset.totals,
                      id.empty() ? "chart-" + dataset.id + "-totals" : id,
                      site.words(Word::table_totals_caption, {dataset.title}), table_caption,
                      discrepancy_marks(site.words, dataset), selection);
}

std::vector<DatasetChart> area_ratio_charts(const Site& site, const Dataset& dataset,
                                            const Ratio& ratio, const std::string& table_caption,
                                            const Selection& selection, const std::string& id) {
  struct Entry {
    const std::string* title;
    const Row* row;
  };
  std::vector<Entry> areas;
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] == &dataset) {
        areas.push_back({&site.areas[a].page->title, &dataset.rows[ref.row]});
      }
    }
  }
  const std::string base_id = id.empty() ? "chart-" + dataset.id + "-" + ratio.id + "-areas" : id;
  const auto& words = site.words;
  const auto heading = words(Word::chart_ratio_by_area, {ratio.label, site.config.area_label});
  if (areas.size() > kMaxAreasPerChart) {
    DatasetChart left_out;
    left_out.omitted = words(Word::chart_omitted,
                             {site.config.area_label, std::to_string(kMaxAreasPerChart), heading});
    return {left_out};
  }
  const auto panel_for = [&](std::size_t p) {
    ChartPanel panel;
    panel.heading = year(site, dataset.periods[p]);
    for (const auto& area : areas) {
      const auto v = dataset.ratio(ratio, area.row->values, p);
      ChartBar bar;
      bar.label = *area.title;
      bar.defined = v.defined;
      bar.value = v.defined ? shown_value(v) : 0;
      bar.value_attr = format_ratio_number(v);
      bar.text = ratio_text(site, dataset, ratio, area.row->values, p);
      bar.tooltip = words(Word::chart_bar, {panel.heading, *area.title, bar.text});
      panel.bars.push_back(std::move(bar));
    }
    return panel;
  };
  const auto summary_for = [&](const std::vector<std::size_t>& periods) {
    std::vector<Extreme> items;
    for (const auto p : periods) {
      for (const auto& area : areas) {
        const auto v = dataset.ratio(ratio, area.row->values, p);
        if (v.defined) {
          items.push_back(
              {shown_value(v),
               words(Word::chart_area_in_year, {*area.title, year(site, dataset.periods[p])}),
               format_ratio(v)});
        }
      }
    }
    return extremes_sentence(site, ratio.label, items, Word::chart_highest_lowest);
  };
  const auto make = [&](const std::string& chart_id, const std::string& chart_heading,
                        const std::vector<std::size_t>& periods) {
    DatasetChart out;
    out.chart.id = chart_id;
    out.chart.heading = chart_heading;
    out.chart.title = where_numbers_are(site, chart_heading, table_caption);
    out.chart.tick_suffix = "%";
    out.chart.minimum_domain = 100;
    for (const auto p : periods) out.chart.panels.push_back(panel_for(p));
    out.chart.summary = summary_for(periods);
    return out;
  };
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  std::vector<DatasetChart> charts;
  if (areas.size() * periods.size() <= kMaxBarsPerChart) {
    charts.push_back(make(base_id, heading, periods));
    return charts;
  }
  for (const auto p : periods) {
    charts.push_back(make(base_id + "-" + std::to_string(dataset.periods[p]),
                          words(Word::chart_in_year, {heading, year(site, dataset.periods[p])}),
                          {p}));
  }
  return charts;
}

std::size_t trend_lines(const Site& site, const Dataset& dataset, const Selection& selection) {
  std::size_t lines = selection.areas.empty() ? 1 : 0;  // the whole
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) lines += &site.datasets[ref.dataset] == &dataset;
  }
  return lines;
}

LineChart trend_chart(const Site& site, const Dataset& dataset, const Ratio& ratio,
                      const std::string& table_caption, const Selection& selection,
                      const std::string& id) {
  const auto& words = site.words;
  LineChart chart;
  chart.id = id;
  chart.heading = words(Word::chart_trend, {ratio.label});
  chart.title = where_numbers_are(site, chart.heading, table_caption);
  chart.tick_suffix = "%";
  chart.minimum_domain = 100;
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  for (const auto p : periods) chart.x_labels.push_back(year(site, dataset.periods[p]));
  const auto add = [&](const std::string& label, const Counts& counts) {
    LineSeries series{label, {}};
    for (const auto p : periods) {
      const auto v = dataset.ratio(ratio, counts, p);
      series.points.push_back(
          {v.defined, v.defined ? shown_value(v) : 0, format_ratio_number(v),
           words(Word::chart_bar, {year(site, dataset.periods[p]), label,
                                   ratio_text(site, dataset, ratio, counts, p)})});
    }
    chart.series.push_back(std::move(series));
  };
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] == &dataset) {
        add(site.areas[a].page->title, dataset.rows[ref.row].values);
      }
    }
  }
  const bool whole = selection.areas.empty();
  if (whole) add(words(Word::chart_whole), dataset.totals);
  // The sentence follows the whole where it is drawn, else the first line.
  const auto& lead = whole ? chart.series.back() : chart.series.front();
  const LinePoint* first = nullptr;
  const LinePoint* last = nullptr;
  std::size_t first_i = 0, last_i = 0;
  for (std::size_t i = 0; i < lead.points.size(); ++i) {
    if (!lead.points[i].defined) continue;
    if (!first) first = &lead.points[i], first_i = i;
    last = &lead.points[i], last_i = i;
  }
  if (!first) {
    chart.summary = words(Word::chart_trend_undefined, {lead.label, ratio.label});
  } else if (first == last) {
    chart.summary = words(Word::chart_trend_one, {chart.x_labels[first_i], lead.label, ratio.label,
                                                  first->value_attr + "%"});
  } else {
    const Word change = last->value > first->value   ? Word::chart_trend_up
                        : last->value < first->value ? Word::chart_trend_down
                                                     : Word::chart_trend_same;
    chart.summary =
        words(change, {lead.label, ratio.label, chart.x_labels[first_i], first->value_attr + "%",
                       chart.x_labels[last_i], last->value_attr + "%"});
  }
  return chart;
}

}  // namespace hyoka
