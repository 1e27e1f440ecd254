#include "charts/dataset_charts.h"

#include <algorithm>
#include <cmath>

#include "base/era.h"
#include "site/note_scope.h"

namespace hyoka {

namespace {

std::string year(const Site& site, int y) {
  return site.words.fiscal_year(y);
}

std::string where_numbers_are(const Site& site, const std::string& heading,
                              const std::string& table_caption) {
  if (table_caption.empty()) return heading;
  return site.words(Word::chart_title, {heading, table_caption});
}

// Bar and point geometry only: every figure printed comes from the integers.
double shown_value(const RatioValue& v) {
  return static_cast<double>(v.scaled) / std::pow(10.0, v.decimals);
}

// Where a value is missing, its symbol and reason: "…（未公表）", in the site's words.
std::string missing_text(const Site& site, const Dataset& dataset, std::uint16_t missing) {
  const auto& reason = dataset.reason(missing);
  return site.words(Word::chart_missing, {reason.symbol, reason.label});
}

// "76.9%（10/13件）", "−（分母が0）", or a missing value's symbol and reason, in the site's
// words.
std::string ratio_text(const Site& site, const Dataset& dataset, const Ratio& ratio,
                       const RatioFigure& figure) {
  if (!figure.present()) return missing_text(site, dataset, figure.missing);
  if (!figure.value.defined) {
    return site.words(Word::chart_no_ratio,
                      {"\u2212", dataset.measures[ratio.denominator].short_label});
  }
  return site.words(Word::chart_ratio, {format_ratio(figure.value), format_count(figure.numerator),
                                        format_count(figure.denominator), dataset.unit});
}

// A ratio of a row's counts, or of the totals.
RatioFigure ratio_of(const Dataset& dataset, const Ratio& ratio, std::optional<std::size_t> row,
                     std::size_t period) {
  return row ? dataset.ratio(ratio, dataset.rows[*row].values, period)
             : dataset.total_ratio(ratio, period);
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

// Tied places are named together up to this many; more are counted.
constexpr std::size_t kMostNamed = 3;

// Every place whose value is `value`, in order: "A", "AとB", "A、BとC", or counted beyond three
// with `counted` ("16の施策展開方向"), in the site's words.
std::string places_at(const Site& site, const std::vector<Extreme>& items, double value,
                      Word counted) {
  const auto& words = site.words;
  std::vector<const std::string*> places;
  for (const auto& item : items) {
    if (item.value == value) places.push_back(&item.where);
  }
  if (places.size() > kMostNamed) {
    return words(counted,
                 {format_count(static_cast<std::int64_t>(places.size())), site.config.area_label});
  }
  if (places.size() == 1) return *places.front();
  std::string list = *places.front();
  for (std::size_t i = 1; i + 1 < places.size(); ++i) {
    list += words(Word::table_list_separator);
    list += *places[i];
  }
  return words(Word::chart_and, {list, *places.back()});
}

// "Xが最も高いのはAの5.0%、最も低いのはBとCの1.0%です。" over the values there are, in order;
// `extremes` is the sentence for ratios or for counts, `counted` names tied places beyond three.
// `missing`: some value is missing, not only undefined for a zero denominator; `left_out`: some
// value is missing or undefined, so the sentence says that it speaks of the others only.
std::string extremes_sentence(const Site& site, const std::string& subject,
                              const std::vector<Extreme>& items, Word extremes, Word counted,
                              bool missing, bool left_out) {
  const auto& words = site.words;
  if (items.empty() && missing) return words(Word::chart_no_value, {subject});
  if (items.empty()) return words(Word::chart_undefined, {subject});
  if (items.size() == 1) return words(Word::chart_only, {items[0].where, subject, items[0].shown});
  const auto [bottom, top] =
      std::minmax_element(items.begin(), items.end(),
                          [](const Extreme& a, const Extreme& b) { return a.value < b.value; });
  auto text =
      top->value == bottom->value
          ? words(Word::chart_all_equal, {subject, top->shown})
          : words(extremes, {subject, places_at(site, items, top->value, counted), top->shown,
                             places_at(site, items, bottom->value, counted), bottom->shown});
  if (left_out) {
    text += words(Word::chart_sentence_separator);
    text += words(Word::chart_left_out);
  }
  return text;
}

// How one line of a trend moves from its first value to its last, or why it has none.
std::string trend_sentence(const Words& words, const LineSeries& line,
                           const std::vector<std::string>& x_labels, const std::string& ratio,
                           bool missing) {
  const LinePoint* first = nullptr;
  const LinePoint* last = nullptr;
  std::size_t first_i = 0, last_i = 0;
  for (std::size_t i = 0; i < line.points.size(); ++i) {
    if (!line.points[i].defined) continue;
    if (!first) first = &line.points[i], first_i = i;
    last = &line.points[i], last_i = i;
  }
  if (!first) {
    return words(missing ? Word::chart_trend_no_value : Word::chart_trend_undefined,
                 {line.label, ratio});
  }
  if (first == last) {
    return words(Word::chart_trend_one,
                 {x_labels[first_i], line.label, ratio, first->value_attr + "%"});
  }
  const Word change = last->value > first->value   ? Word::chart_trend_up
                      : last->value < first->value ? Word::chart_trend_down
                                                   : Word::chart_trend_same;
  return words(change, {line.label, ratio, x_labels[first_i], first->value_attr + "%",
                        x_labels[last_i], last->value_attr + "%"});
}

// Panels per fiscal year with a bar per measure and the ratios as notes: one row's counts, or
// the totals. A missing count has no bar, only its symbol and reason where the value would be.
BarChart counts_chart(const Site& site, const Dataset& dataset, std::optional<std::size_t> row,
                      const std::string& id, const std::string& heading,
                      const std::string& table_caption, const NoteMarks& marks,
                      const Selection& selection) {
  BarChart chart;
  chart.id = id;
  chart.heading = heading;
  chart.title = where_numbers_are(site, heading, table_caption);
  const Counts& counts = row ? dataset.rows[*row].values : dataset.totals;
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
      const auto& value = counts[m][p];
      const auto count = value.present() ? format_count(value.value) : "";
      ChartBar bar;
      bar.label = measure.short_label;
      bar.defined = value.present();
      bar.value = static_cast<double>(value.value);
      bar.value_attr = value.present() ? std::to_string(value.value) : "";
      bar.text = value.present() ? count : missing_text(site, dataset, value.missing);
      bar.text += site.words.marks(marks.count(row, m, p));
      bar.tooltip = site.words(Word::chart_bar,
                               {panel.heading, measure.label,
                                value.present() ? count_text(site, dataset, count)
                                                : missing_text(site, dataset, value.missing)});
      bar.series = m;
      panel.bars.push_back(std::move(bar));
    }
    for (const auto r : ratios) {
      const auto& ratio = dataset.ratios[r];
      auto note = site.words(
          Word::chart_panel_ratio,
          {ratio.label, ratio_text(site, dataset, ratio, ratio_of(dataset, ratio, row, p))});
      note += site.words.marks(marks.ratio(row, r, p));
      panel.notes.push_back(std::move(note));
    }
    chart.panels.push_back(std::move(panel));
  }
  std::vector<Extreme> items;
  bool missing = false;
  if (!ratios.empty()) {
    const auto& ratio = dataset.ratios[ratios.front()];
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto v = ratio_of(dataset, ratio, row, periods[i]);
      missing = missing || !v.present();
      if (v.present() && v.value.defined) {
        items.push_back({shown_value(v.value), chart.panels[i].heading, format_ratio(v.value)});
      }
    }
    chart.summary =
        extremes_sentence(site, ratio.label, items, Word::chart_highest_lowest,
                          Word::chart_count_years, missing, items.size() < periods.size());
  } else {
    const auto m = measures.front();
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto& value = counts[m][periods[i]];
      missing = missing || !value.present();
      if (!value.present()) continue;
      items.push_back({static_cast<double>(value.value), chart.panels[i].heading,
                       count_text(site, dataset, format_count(value.value))});
    }
    chart.summary =
        extremes_sentence(site, dataset.measures[m].label, items, Word::chart_most_fewest,
                          Word::chart_count_years, missing, items.size() < periods.size());
  }
  return chart;
}

}  // namespace

BarChart area_chart(const Site& site, const SitePage& page, const AreaRow& ref,
                    const std::string& table_caption, const Selection& selection,
                    const std::string& id) {
  const auto& dataset = site.datasets[ref.dataset];
  return counts_chart(site, dataset, ref.row, id.empty() ? "chart-" + dataset.id : id,
                      site.words(Word::table_area_caption, {page.page->title, dataset.title}),
                      table_caption, NoteMarks(dataset, row_scope(dataset, ref.row, selection)),
                      selection);
}

BarChart totals_chart(const Site& site, const Dataset& dataset, const std::string& table_caption,
                      const Selection& selection, const std::string& id) {
  return counts_chart(site, dataset, std::nullopt,
                      id.empty() ? "chart-" + dataset.id + "-totals" : id,
                      site.words(Word::table_totals_caption, {dataset.title}), table_caption,
                      NoteMarks(dataset, totals_scope(dataset, selection)), selection);
}

std::vector<DatasetChart> area_ratio_charts(const Site& site, const Dataset& dataset,
                                            const Ratio& ratio, const std::string& table_caption,
                                            const Selection& selection, const std::string& id) {
  struct Entry {
    const std::string* title;
    const Row* row;
    std::size_t index;
  };
  std::vector<Entry> areas;
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] == &dataset) {
        areas.push_back({&site.areas[a].page->title, &dataset.rows[ref.row], ref.row});
      }
    }
  }
  const std::string base_id = id.empty() ? "chart-" + dataset.id + "-" + ratio.id + "-areas" : id;
  const auto& words = site.words;
  const auto heading = words(Word::chart_ratio_by_area, {ratio.label, site.config.area_label});
  if (areas.size() > kMaxAreasPerChart) {
    DatasetChart left_out;
    left_out.omitted =
        words(table_caption.empty() ? Word::chart_omitted_alone : Word::chart_omitted,
              {site.config.area_label, std::to_string(kMaxAreasPerChart), heading});
    return {left_out};
  }
  // The same marks as the table of every area beside it.
  const NoteMarks marks(dataset, areas_scope(site, dataset, selection));
  const std::size_t r = static_cast<std::size_t>(&ratio - dataset.ratios.data());
  const auto panel_for = [&](std::size_t p) {
    ChartPanel panel;
    panel.heading = year(site, dataset.periods[p]);
    for (const auto& area : areas) {
      const auto v = dataset.ratio(ratio, area.row->values, p);
      ChartBar bar;
      bar.label = *area.title;
      bar.defined = v.present() && v.value.defined;
      bar.value = bar.defined ? shown_value(v.value) : 0;
      bar.value_attr = v.present() ? format_ratio_number(v.value) : "";
      bar.text =
          ratio_text(site, dataset, ratio, v) + site.words.marks(marks.ratio(area.index, r, p));
      bar.tooltip = words(Word::chart_bar, {panel.heading, *area.title, bar.text});
      panel.bars.push_back(std::move(bar));
    }
    return panel;
  };
  const auto summary_for = [&](const std::vector<std::size_t>& periods) {
    std::vector<Extreme> items;
    bool missing = false;
    const auto counted = periods.size() == 1 ? Word::chart_count_areas : Word::chart_count_entries;
    for (const auto p : periods) {
      for (const auto& area : areas) {
        const auto v = dataset.ratio(ratio, area.row->values, p);
        missing = missing || !v.present();
        if (v.present() && v.value.defined) {
          items.push_back(
              {shown_value(v.value),
               words(Word::chart_area_in_year, {*area.title, year(site, dataset.periods[p])}),
               format_ratio(v.value)});
        }
      }
    }
    return extremes_sentence(site, ratio.label, items, Word::chart_highest_lowest, counted, missing,
                             items.size() < periods.size() * areas.size());
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
  chart.gap_label = words(Word::chart_gap);
  chart.separator = words(Word::table_list_separator);
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  for (const auto p : periods) {
    chart.x_labels.push_back(year(site, dataset.periods[p]));
    chart.x_years.push_back(dataset.periods[p]);
  }
  std::vector<bool> missing;  // per line: a value it needs is missing, not only undefined
  const auto add = [&](const std::string& label, std::optional<std::size_t> row) {
    LineSeries series{label, {}};
    bool some_missing = false;
    for (const auto p : periods) {
      const auto v = ratio_of(dataset, ratio, row, p);
      LinePoint point;
      point.defined = v.present() && v.value.defined;
      point.value = point.defined ? shown_value(v.value) : 0;
      point.value_attr = v.present() ? format_ratio_number(v.value) : "";
      point.tooltip = words(Word::chart_bar, {year(site, dataset.periods[p]), label,
                                              ratio_text(site, dataset, ratio, v)});
      if (!v.present()) point.missing = dataset.reason(v.missing).symbol;
      some_missing = some_missing || !v.present();
      series.points.push_back(std::move(point));
    }
    chart.series.push_back(std::move(series));
    missing.push_back(some_missing);
  };
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    for (const auto& ref : site.areas[a].rows) {
      if (&site.datasets[ref.dataset] == &dataset) add(site.areas[a].page->title, ref.row);
    }
  }
  const bool whole = selection.areas.empty();
  if (whole) add(words(Word::chart_whole), std::nullopt);
  // A sentence for every line drawn: the whole first, where it is drawn, then the areas.
  const std::size_t lines = chart.series.size();
  for (std::size_t i = 0; i < lines; ++i) {
    const std::size_t s = whole ? (i + lines - 1) % lines : i;
    if (i > 0) chart.summary += words(Word::chart_sentence_separator);
    chart.summary +=
        trend_sentence(words, chart.series[s], chart.x_labels, ratio.label, missing[s]);
  }
  return chart;
}

}  // namespace hyoka
