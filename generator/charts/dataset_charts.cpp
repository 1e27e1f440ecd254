#include "charts/dataset_charts.h"

#include <cmath>

#include "base/era.h"

namespace hyoka {

namespace {

std::string year(const Site& site, int y) {
  return fiscal_year_label(y, site.config.fiscal_year_style);
}

std::string where_numbers_are(const std::string& heading, const std::string& table_caption) {
  return heading + "。数値は下の表「" + table_caption + "」に掲載しています。";
}

double shown_value(const RatioValue& v) {
  return static_cast<double>(v.scaled) / std::pow(10.0, v.decimals);
}

// "76.9%（10/13件）", or "−（分母が0）".
std::string ratio_text(const Dataset& dataset, const Ratio& ratio, const Counts& counts,
                       std::size_t period) {
  const auto value = dataset.ratio(ratio, counts, period);
  if (!value.defined) return "\u2212（" + dataset.measures[ratio.denominator].short_label + "が0）";
  return format_ratio(value) + "（" + format_count(counts[ratio.numerator][period]) + "/" +
         format_count(counts[ratio.denominator][period]) + dataset.unit + "）";
}

struct Extreme {
  double value = 0;
  std::string where;
  std::string shown;
};

// "Xが最も高いのはAの5.0%、最も低いのはBの1.0%です。" over the defined values, in order.
std::string extremes_sentence(const std::string& subject, const std::vector<Extreme>& items,
                              const std::string& high, const std::string& low) {
  if (items.empty()) return subject + "は、分母が0のため算出できません。";
  if (items.size() == 1) return items[0].where + "の" + subject + "は" + items[0].shown + "です。";
  const Extreme* top = &items[0];
  const Extreme* bottom = &items[0];
  for (const auto& item : items) {
    if (item.value > top->value) top = &item;
    if (item.value < bottom->value) bottom = &item;
  }
  if (top->value == bottom->value) return subject + "はいずれも" + top->shown + "です。";
  return subject + "が最も" + high + "のは" + top->where + "の" + top->shown + "、最も" + low +
         "のは" + bottom->where + "の" + bottom->shown + "です。";
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
  chart.title = where_numbers_are(heading, table_caption);
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
      bar.tooltip.reserve(panel.heading.size() + measure.label.size() + count.size() + 16);
      bar.tooltip.append(panel.heading).append(" ").append(measure.label).append("：");
      bar.tooltip.append(count).append(dataset.unit);
      bar.series = m;
      panel.bars.push_back(std::move(bar));
    }
    for (const auto r : ratios) {
      const auto& ratio = dataset.ratios[r];
      auto note = ratio.label + " " + ratio_text(dataset, ratio, counts, p);
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
    chart.summary = extremes_sentence(ratio.label, items, "高い", "低い");
  } else {
    const auto m = measures.front();
    for (std::size_t i = 0; i < periods.size(); ++i) {
      const auto p = periods[i];
      items.push_back({static_cast<double>(counts[m][p]), chart.panels[i].heading,
                       format_count(counts[m][p]) + dataset.unit});
    }
    chart.summary = extremes_sentence(dataset.measures[m].label, items, "多い", "少ない");
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
                      page.page->title + "：" + dataset.title, table_caption, {}, selection);
}

BarChart totals_chart(const Site& site, const Dataset& dataset, const std::string& table_caption,
                      const Selection& selection, const std::string& id) {
  return counts_chart(site, dataset, dataset.totals,
                      id.empty() ? "chart-" + dataset.id + "-totals" : id, dataset.title + "：全体",
                      table_caption, dataset.discrepancy_marks(), selection);
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
  const std::string heading = ratio.label + "（" + site.config.area_label + "別）";
  if (areas.size() > kMaxAreasPerChart) {
    DatasetChart left_out;
    left_out.omitted = site.config.area_label + "が" + std::to_string(kMaxAreasPerChart) +
                       "を超えるため、「" + heading + "」のグラフは省略し、表のみ掲載しています。";
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
      bar.text = ratio_text(dataset, ratio, area.row->values, p);
      bar.tooltip = panel.heading + " " + *area.title + "：" + bar.text;
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
          items.push_back({shown_value(v), *area.title + "の" + year(site, dataset.periods[p]),
                           format_ratio(v)});
        }
      }
    }
    return extremes_sentence(ratio.label, items, "高い", "低い");
  };
  const auto make = [&](const std::string& chart_id, const std::string& chart_heading,
                        const std::vector<std::size_t>& periods) {
    DatasetChart out;
    out.chart.id = chart_id;
    out.chart.heading = chart_heading;
    out.chart.title = where_numbers_are(chart_heading, table_caption);
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
                          heading + "：" + year(site, dataset.periods[p]), {p}));
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
  LineChart chart;
  chart.id = id;
  chart.heading = ratio.label + "の推移";
  chart.title = where_numbers_are(chart.heading, table_caption);
  chart.tick_suffix = "%";
  chart.minimum_domain = 100;
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  for (const auto p : periods) chart.x_labels.push_back(year(site, dataset.periods[p]));
  const auto add = [&](const std::string& label, const Counts& counts) {
    LineSeries series{label, {}};
    for (const auto p : periods) {
      const auto v = dataset.ratio(ratio, counts, p);
      series.points.push_back({v.defined, v.defined ? shown_value(v) : 0, format_ratio_number(v),
                               year(site, dataset.periods[p]) + " " + label + "：" +
                                   ratio_text(dataset, ratio, counts, p)});
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
  if (selection.areas.empty()) add("全体", dataset.totals);
  // The sentence follows the whole where it is drawn, else the first line.
  const auto& lead =
      chart.series.back().label == "全体" ? chart.series.back() : chart.series.front();
  const LinePoint* first = nullptr;
  const LinePoint* last = nullptr;
  std::size_t first_i = 0, last_i = 0;
  for (std::size_t i = 0; i < lead.points.size(); ++i) {
    if (!lead.points[i].defined) continue;
    if (!first) first = &lead.points[i], first_i = i;
    last = &lead.points[i], last_i = i;
  }
  if (!first) {
    chart.summary = lead.label + "の" + ratio.label + "は、分母が0のため算出できません。";
  } else if (first == last) {
    chart.summary = chart.x_labels[first_i] + "の" + lead.label + "の" + ratio.label + "は" +
                    first->value_attr + "%です。";
  } else {
    const std::string change = last->value > first->value   ? "へ上昇しました。"
                               : last->value < first->value ? "へ低下しました。"
                                                            : "で、変わっていません。";
    chart.summary = lead.label + "の" + ratio.label + "は、" + chart.x_labels[first_i] + "の" +
                    first->value_attr + "%から" + chart.x_labels[last_i] + "の" + last->value_attr +
                    "%" + change;
  }
  return chart;
}

}  // namespace hyoka
