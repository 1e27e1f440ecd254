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

std::string with_unit(const Site& site, const std::string& title, const Dataset& dataset) {
  return dataset.unit.empty() ? title : site.words(Word::table_unit, {title, dataset.unit});
}

// Notes every table of the dataset carries: how each ratio is rounded and what − means.
std::vector<std::string> standard_notes(const Site& site, const Dataset& dataset) {
  std::vector<std::string> notes;
  for (const auto& ratio : dataset.ratios) notes.push_back(ratio_note(site, dataset, ratio));
  if (!dataset.ratios.empty()) notes.push_back(site.words(Word::table_dash_note, {kDash}));
  return notes;
}

// A note for each total that differs from the figure printed in the source: the page shows
// the sum of the rows and says what the source printed, and the ratios from its figures.
std::vector<std::string> discrepancy_notes(const Site& site, const Dataset& dataset) {
  const auto& words = site.words;
  std::vector<std::string> notes;
  const auto printed = dataset.published_counts();
  for (std::size_t i = 0; i < dataset.discrepancies.size(); ++i) {
    const auto& d = dataset.discrepancies[i];
    auto note =
        words(Word::table_discrepancy, {words.mark(i), words.fiscal_year(dataset.periods[d.period]),
                                        dataset.measures[d.measure].label,
                                        format_count(d.published), format_count(d.computed)});
    for (const auto& ratio : dataset.ratios) {
      if (ratio.numerator != d.measure && ratio.denominator != d.measure) continue;
      words[Word::table_discrepancy_ratio].append_to(
          note, {ratio.label, format_ratio(dataset.ratio(ratio, printed, d.period)),
                 format_ratio(dataset.ratio(ratio, dataset.totals, d.period))});
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
  auto head = row_of(header(site.words(Word::table_item), "col"));
  for (const auto p : periods) {
    head.push_back(header(site.words.fiscal_year(dataset.periods[p]), "col"));
  }
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

std::string ratio_note(const Site& site, const Dataset& dataset, const Ratio& ratio) {
  const auto& words = site.words;
  const auto& numerator = dataset.measures[ratio.numerator].label;
  const auto& denominator = dataset.measures[ratio.denominator].label;
  static constexpr Word kShown[] = {Word::ratio_shown_0, Word::ratio_shown_1, Word::ratio_shown_2,
                                    Word::ratio_shown_3, Word::ratio_shown_4};
  const auto shown = words(kShown[ratio.decimals]);
  const auto cut = words(Word::ratio_cut, {std::to_string(ratio.decimals + 1)});
  const Word rule = ratio.rounding == Rounding::truncate  ? Word::ratio_truncate
                    : ratio.rounding == Rounding::half_up ? Word::ratio_half_up
                                                          : Word::ratio_half_even;
  return words(Word::ratio_note, {ratio.label, numerator, denominator, words(rule, {cut, shown})});
}

TableView area_table(const Site& site, const SitePage& page, const AreaRow& area_row,
                     const Selection& selection) {
  const auto& dataset = site.datasets[area_row.dataset];
  const auto& row = dataset.rows[area_row.row];
  auto t = measures_by_period(site, dataset, row.values, {}, selection);
  t.id = "table-" + dataset.id;
  t.caption = with_unit(
      site, site.words(Word::table_area_caption, {page.page->title, dataset.title}), dataset);
  t.notes = standard_notes(site, dataset);
  return t;
}

TableView totals_table(const Site& site, const Dataset& dataset, const Selection& selection) {
  const auto notes = discrepancy_notes(site, dataset);
  auto t = measures_by_period(site, dataset, dataset.totals, discrepancy_marks(site.words, dataset),
                              selection);
  t.id = "table-" + dataset.id + "-totals";
  t.caption = with_unit(site, site.words(Word::table_totals_caption, {dataset.title}), dataset);
  t.notes = standard_notes(site, dataset);
  t.notes.insert(t.notes.end(), notes.begin(), notes.end());
  return t;
}

TableView overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                         const Selection& selection) {
  const auto notes = discrepancy_notes(site, dataset);
  const auto marks = discrepancy_marks(site.words, dataset);
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  TableView t;
  t.id = "table-" + dataset.id + "-areas";
  t.caption = with_unit(
      site, site.words(Word::table_areas_caption, {dataset.title, site.config.area_label}),
      dataset);
  const int span = static_cast<int>(measures.size() + ratios.size());
  t.column_groups.push_back(1);
  std::vector<TableCell> years = {header(site.config.area_label, "col")};
  years.back().rowspan = 2;
  std::vector<TableCell> columns;
  for (const auto p : periods) {
    t.column_groups.push_back(span);
    years.push_back(header(site.words.fiscal_year(dataset.periods[p]), "colgroup"));
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
  if (selection.areas.empty()) {
    add_row(header(site.words(Word::table_total), "row"), dataset.totals, true);
  }
  t.notes = standard_notes(site, dataset);
  t.notes.insert(t.notes.end(), notes.begin(), notes.end());
  return t;
}

}  // namespace hyoka
