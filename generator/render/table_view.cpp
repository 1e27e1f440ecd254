#include "render/table_view.h"

#include <map>

namespace hyoka {

namespace {

const std::string kDash = "\u2212";

TableCell header(std::string text, std::string scope) {
  TableCell c;
  c.text = std::move(text);
  c.header = true;
  c.scope = std::move(scope);
  return c;
}

TableCell number(std::string text) {
  TableCell c;
  c.text = std::move(text);
  c.numeric = true;
  return c;
}

std::string with_unit(const std::string& title, const Dataset& dataset) {
  return dataset.unit.empty() ? title : title + "（単位：" + dataset.unit + "）";
}

std::string year_label(const Site& site, int year) {
  return fiscal_year_label(year, site.config.fiscal_year_style);
}

// Notes every table of the dataset carries: how each ratio is rounded and what − means.
std::vector<std::string> standard_notes(const Dataset& dataset) {
  std::vector<std::string> notes;
  for (const auto& ratio : dataset.ratios) notes.push_back(ratio_note(dataset, ratio));
  if (!dataset.ratios.empty()) {
    notes.push_back("「" + kDash + "」は、分母が0のため割合を算出できないことを示します。");
  }
  return notes;
}

// A note for each total that differs from the figure printed in the source: the page shows
// the sum of the rows and says what the source printed, and the ratios from its figures.
std::vector<std::string> discrepancy_notes(const Site& site, const Dataset& dataset) {
  std::vector<std::string> notes;
  const auto printed = dataset.published_counts();
  for (std::size_t i = 0; i < dataset.discrepancies.size(); ++i) {
    const auto& d = dataset.discrepancies[i];
    std::string note = discrepancy_mark(i) + " " + year_label(site, dataset.periods[d.period]) +
                       "の「" + dataset.measures[d.measure].label + "」は、原資料では" +
                       format_count(d.published) + "と記載されていますが、各行の合計は" +
                       format_count(d.computed) + "です。表には合計を掲載しています。";
    for (const auto& ratio : dataset.ratios) {
      if (ratio.numerator != d.measure && ratio.denominator != d.measure) continue;
      note += "原資料の数値による「" + ratio.label + "」は" +
              format_ratio(dataset.ratio(ratio, printed, d.period)) + "、合計による値は" +
              format_ratio(dataset.ratio(ratio, dataset.totals, d.period)) + "です。";
    }
    notes.push_back(note);
  }
  return notes;
}

using Marks = std::vector<std::vector<std::string>>;

// Rows of measures and ratios, columns of fiscal years.
TableView measures_by_period(const Site& site, const Dataset& dataset, const Counts& counts,
                             const Marks& marks, const Selection& selection) {
  TableView t;
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  // A row: its header, then a cell per period.
  const auto row_of = [&](TableCell first) {
    std::vector<TableCell> row;
    row.reserve(1 + periods.size());
    row.push_back(std::move(first));
    return row;
  };
  auto head = row_of(header("項目", "col"));
  for (const auto p : periods) head.push_back(header(year_label(site, dataset.periods[p]), "col"));
  t.head.push_back(std::move(head));
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  t.body.reserve(measures.size() + ratios.size());
  for (const auto m : measures) {
    auto row = row_of(header(dataset.measures[m].label, "row"));
    for (const auto p : periods) {
      row.push_back(number(format_count(counts[m][p])));
      if (!marks.empty()) row.back().mark = marks[m][p];
    }
    t.body.push_back(std::move(row));
  }
  for (const auto r : ratios) {
    const auto& ratio = dataset.ratios[r];
    auto row = row_of(header(ratio.label, "row"));
    for (const auto p : periods) {
      row.push_back(number(format_ratio(dataset.ratio(ratio, counts, p))));
      if (!marks.empty()) row.back().mark = marks[dataset.measures.size() + r][p];
    }
    t.body.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::string ratio_note(const Dataset& dataset, const Ratio& ratio) {
  const auto& numerator = dataset.measures[ratio.numerator].label;
  const auto& denominator = dataset.measures[ratio.denominator].label;
  static const char* kPlace[] = {"小数第1位", "小数第2位", "小数第3位", "小数第4位", "小数第5位"};
  const std::string shown =
      ratio.decimals == 0 ? "整数で" : std::string(kPlace[ratio.decimals - 1]) + "まで";
  const std::string at = kPlace[ratio.decimals];
  std::string rule;
  switch (ratio.rounding) {
    case Rounding::truncate:
      rule = at + "以下を切り捨て、" + shown + "表示しています。";
      break;
    case Rounding::half_up:
      rule = at + "を四捨五入し、" + shown + "表示しています。";
      break;
    case Rounding::half_even:
      rule = at + "以下を偶数丸め（JIS Z 8401 規則A）し、" + shown + "表示しています。";
      break;
  }
  return "「" + ratio.label + "」は「" + numerator + "」÷「" + denominator + "」の百分率で、" +
         rule + "分子と分母が等しい場合を除き、100%とは表示しません。";
}

TableView area_table(const Site& site, const SitePage& page, const AreaRow& area_row,
                     const Selection& selection) {
  const auto& dataset = site.datasets[area_row.dataset];
  const auto& row = dataset.rows[area_row.row];
  auto t = measures_by_period(site, dataset, row.values, {}, selection);
  t.id = "table-" + dataset.id;
  t.caption = with_unit(page.page->title + "：" + dataset.title, dataset);
  t.notes = standard_notes(dataset);
  return t;
}

TableView totals_table(const Site& site, const Dataset& dataset, const Selection& selection) {
  const auto notes = discrepancy_notes(site, dataset);
  auto t =
      measures_by_period(site, dataset, dataset.totals, dataset.discrepancy_marks(), selection);
  t.id = "table-" + dataset.id + "-totals";
  t.caption = with_unit(dataset.title + "：全体", dataset);
  t.notes = standard_notes(dataset);
  t.notes.insert(t.notes.end(), notes.begin(), notes.end());
  return t;
}

TableView overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                         const Selection& selection) {
  const auto notes = discrepancy_notes(site, dataset);
  const auto marks = dataset.discrepancy_marks();
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  TableView t;
  t.id = "table-" + dataset.id + "-areas";
  t.caption = with_unit(dataset.title + "：" + site.config.area_label + "別", dataset);
  const int span = static_cast<int>(measures.size() + ratios.size());
  t.column_groups.push_back(1);
  std::vector<TableCell> years = {header(site.config.area_label, "col")};
  years.back().rowspan = 2;
  std::vector<TableCell> columns;
  for (const auto p : periods) {
    t.column_groups.push_back(span);
    years.push_back(header(year_label(site, dataset.periods[p]), "colgroup"));
    years.back().colspan = span;
    for (const auto m : measures) columns.push_back(header(dataset.measures[m].label, "col"));
    for (const auto r : ratios) columns.push_back(header(dataset.ratios[r].label, "col"));
  }
  t.head.push_back(std::move(years));
  t.head.push_back(std::move(columns));
  const auto add_row = [&](TableCell title, const Counts& counts, bool totals) {
    std::vector<TableCell> row;
    row.reserve(1 + periods.size() * span);
    row.push_back(std::move(title));
    for (const auto p : periods) {
      for (const auto m : measures) {
        row.push_back(number(format_count(counts[m][p])));
        if (totals) row.back().mark = marks[m][p];
      }
      for (const auto r : ratios) {
        row.push_back(number(format_ratio(dataset.ratio(dataset.ratios[r], counts, p))));
        if (totals) row.back().mark = marks[dataset.measures.size() + r][p];
      }
    }
    t.body.push_back(std::move(row));
  };
  const auto areas = Selection::or_all(selection.areas, site.areas.size());
  t.body.reserve(areas.size() + 1);
  for (const auto a : areas) {
    const auto& area = site.areas[a];
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] != &dataset) continue;
      auto title = header(area.page->title, "row");
      title.href = link(page, area.output_path);
      add_row(std::move(title), dataset.rows[ref.row].values, false);
    }
  }
  // The totals are of every area, so a table of some areas shows none.
  if (selection.areas.empty()) add_row(header("合計", "row"), dataset.totals, true);
  t.notes = standard_notes(dataset);
  t.notes.insert(t.notes.end(), notes.begin(), notes.end());
  return t;
}

}  // namespace hyoka
