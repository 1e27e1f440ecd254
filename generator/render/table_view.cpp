#include "render/table_view.h"

#include <algorithm>

#include "render/table_notes.h"
#include "site/note_scope.h"

namespace hyoka {

TableCell header_cell(std::string text, std::string scope, NoteNumbers marks) {
  TableCell c;
  c.text = std::move(text);
  c.header = true;
  c.scope = std::move(scope);
  c.mark = note_marks(marks);
  c.marks = std::move(marks);
  return c;
}

namespace {

TableCell number(std::string text, NoteNumbers marks) {
  TableCell c;
  c.text = std::move(text);
  c.numeric = true;
  c.mark = note_marks(marks);
  c.marks = std::move(marks);
  return c;
}

std::string with_unit(const Site& site, const std::string& title, const Dataset& dataset) {
  return dataset.unit.empty() ? title : site.words(Word::table_unit, {title, dataset.unit});
}

// The cells of one line of counts or ratios, from a row (`row`) or from the totals.
struct Lines {
  const Dataset& dataset;
  const NoteMarks& marks;
  SymbolsUsed& used;

  TableCell count(const Count& count, std::optional<std::size_t> row, std::size_t m,
                  std::size_t p) const {
    used.see(count, !row);
    return number(dataset.shown(count), marks.count(row, m, p));
  }
  TableCell ratio(const RatioFigure& figure, std::optional<std::size_t> row, std::size_t r,
                  std::size_t p) const {
    used.see(figure, !row);
    return number(dataset.shown(figure), marks.ratio(row, r, p));
  }
};

// Rows of measures and ratios, columns of fiscal years: one area's row, or the totals.
TableView measures_by_period(const Site& site, const Dataset& dataset,
                             std::optional<std::size_t> row, const NoteMarks& marks,
                             SymbolsUsed& used, const Selection& selection) {
  TableView t;
  const Lines lines{dataset, marks, used};
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  // A row: its header, then a cell per period.
  const auto row_of = [&](TableCell first) {
    std::vector<TableCell> cells;
    cells.reserve(1 + periods.size());
    cells.push_back(std::move(first));
    return cells;
  };
  auto head = row_of(header_cell(site.words(Word::table_item), "col"));
  for (const auto p : periods) {
    head.push_back(header_cell(site.words.fiscal_year(dataset.periods[p]), "col", marks.period(p)));
  }
  t.head.push_back(std::move(head));
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  const Counts& counts = row ? dataset.rows[*row].values : dataset.totals;
  t.body.reserve(measures.size() + ratios.size());
  for (const auto m : measures) {
    auto cells = row_of(header_cell(dataset.measures[m].label, "row", marks.line(m)));
    for (const auto p : periods) cells.push_back(lines.count(counts[m][p], row, m, p));
    t.body.push_back(std::move(cells));
  }
  for (const auto r : ratios) {
    const auto& ratio = dataset.ratios[r];
    auto cells = row_of(header_cell(ratio.label, "row", marks.line(dataset.measures.size() + r)));
    for (const auto p : periods) {
      cells.push_back(lines.ratio(
          row ? dataset.ratio(ratio, counts, p) : dataset.total_ratio(ratio, p), row, r, p));
    }
    t.body.push_back(std::move(cells));
  }
  return t;
}

}  // namespace

std::string note_id(const TableView& table, int number) {
  return table.id + "-note-" + std::to_string(number);
}

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

void name_area_table(const Site& site, const SitePage& page, const Dataset& dataset,
                     const NoteMarks& marks, std::size_t row, TableView& t) {
  t.id = "table-" + dataset.id;
  t.caption = with_unit(
      site, site.words(Word::table_area_caption, {page.page->title, dataset.title}), dataset);
  // The table is the area's own: a note on the area is a note on all of it.
  t.caption_marks = marks.caption();
  for (const int n : marks.row(row)) t.caption_marks.push_back(n);
  std::sort(t.caption_marks.begin(), t.caption_marks.end());
}

TableView area_table(const Site& site, const SitePage& page, const AreaRow& area_row,
                     const Selection& selection) {
  const auto& dataset = site.datasets[area_row.dataset];
  const NoteMarks marks(dataset, row_scope(dataset, area_row.row, selection));
  SymbolsUsed used(dataset);
  auto t = measures_by_period(site, dataset, area_row.row, marks, used, selection);
  name_area_table(site, page, dataset, marks, area_row.row, t);
  add_notes(site, dataset, marks, used, t);
  return t;
}

TableView totals_table(const Site& site, const Dataset& dataset, const Selection& selection) {
  const NoteMarks marks(dataset, totals_scope(dataset, selection));
  SymbolsUsed used(dataset);
  auto t = measures_by_period(site, dataset, std::nullopt, marks, used, selection);
  t.id = "table-" + dataset.id + "-totals";
  t.caption = with_unit(site, site.words(Word::table_totals_caption, {dataset.title}), dataset);
  t.caption_marks = marks.caption();
  for (const int n : marks.whole()) t.caption_marks.push_back(n);
  std::sort(t.caption_marks.begin(), t.caption_marks.end());
  add_notes(site, dataset, marks, used, t);
  return t;
}

TableView overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                         const Selection& selection) {
  const NoteMarks marks(dataset, areas_scope(site, dataset, selection));
  SymbolsUsed used(dataset);
  const Lines lines{dataset, marks, used};
  const auto periods = Selection::or_all(selection.periods, dataset.periods.size());
  const auto measures = Selection::or_all(selection.measures, dataset.measures.size());
  const auto ratios = Selection::or_all(selection.ratios, dataset.ratios.size());
  TableView t;
  t.id = "table-" + dataset.id + "-areas";
  t.caption = with_unit(
      site, site.words(Word::table_areas_caption, {dataset.title, site.config.area_label}),
      dataset);
  t.caption_marks = marks.caption();
  const int span = static_cast<int>(measures.size() + ratios.size());
  t.column_groups.push_back(1);
  std::vector<TableCell> years = {header_cell(site.config.area_label, "col")};
  years.back().rowspan = 2;
  std::vector<TableCell> columns;
  for (const auto p : periods) {
    t.column_groups.push_back(span);
    years.push_back(
        header_cell(site.words.fiscal_year(dataset.periods[p]), "colgroup", marks.period(p)));
    years.back().colspan = span;
    for (const auto m : measures) {
      columns.push_back(header_cell(dataset.measures[m].label, "col", marks.line(m)));
    }
    for (const auto r : ratios) {
      columns.push_back(
          header_cell(dataset.ratios[r].label, "col", marks.line(dataset.measures.size() + r)));
    }
  }
  t.head.push_back(std::move(years));
  t.head.push_back(std::move(columns));
  const auto add_row = [&](TableCell title, std::optional<std::size_t> row) {
    const Counts& counts = row ? dataset.rows[*row].values : dataset.totals;
    std::vector<TableCell> cells;
    cells.reserve(1 + periods.size() * span);
    cells.push_back(std::move(title));
    for (const auto p : periods) {
      for (const auto m : measures) cells.push_back(lines.count(counts[m][p], row, m, p));
      for (const auto r : ratios) {
        const auto& ratio = dataset.ratios[r];
        cells.push_back(lines.ratio(
            row ? dataset.ratio(ratio, counts, p) : dataset.total_ratio(ratio, p), row, r, p));
      }
    }
    t.body.push_back(std::move(cells));
  };
  const auto areas = Selection::or_all(selection.areas, site.areas.size());
  t.body.reserve(areas.size() + 1);
  for (const auto a : areas) {
    const auto& area = site.areas[a];
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] != &dataset) continue;
      auto title = header_cell(area.page->title, "row", marks.row(ref.row));
      title.href = link(page, area.output_path);
      add_row(std::move(title), ref.row);
    }
  }
  // The totals are of every area, so a table of some areas shows none unless it is a preview.
  if (selection.areas.empty() || selection.with_totals) {
    add_row(header_cell(site.words(Word::table_total), "row", marks.whole()), std::nullopt);
  }
  add_notes(site, dataset, marks, used, t);
  return t;
}

}  // namespace hyoka
