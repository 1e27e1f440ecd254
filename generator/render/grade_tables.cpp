#include "render/grade_tables.h"

#include <algorithm>

#include "render/table_notes.h"
#include "site/note_scope.h"

namespace hyoka {

namespace {

TableCell number(std::string text, NoteNumbers marks = {}) {
  TableCell c;
  c.text = std::move(text);
  c.numeric = true;
  c.marks = std::move(marks);
  return c;
}

std::string with_unit(const Site& site, const std::string& title, const Dataset& dataset) {
  return dataset.unit.empty() ? title : site.words(Word::table_unit, {title, dataset.unit});
}

std::string whole_label(const Site& site, const Dataset& dataset) {
  const auto& scale = *dataset.scale;
  return scale.total ? dataset.measures[*scale.total].label : site.words(Word::table_total);
}

std::string group_name(const Site& site, const Dataset& dataset, const GradeGroup& group) {
  std::string names;
  for (const auto g : group.grades) {
    if (!names.empty()) site.words[Word::grades_group_separator].append_to(names);
    names += dataset.scale->grades[g].label;
  }
  return site.words(Word::grades_group, {group.label, names});
}

// The lines of one row's (or the totals') grades: count and share per fiscal year.
struct GradeLines {
  const Site& site;
  const Dataset& dataset;
  const NoteMarks& marks;
  SymbolsUsed& used;
  bool& dash;  // a share of a whole of 0 is shown, as 「−」

  TableCell count(const Count& count, std::optional<std::size_t> row, std::optional<std::size_t> m,
                  std::size_t p) const {
    used.see(count, !row);
    return number(dataset.shown(count), m ? marks.count(row, *m, p) : NoteNumbers{});
  }
  TableCell share(const RatioFigure& figure, std::optional<std::size_t> row, std::size_t g,
                  std::size_t p) const {
    used.see(figure, !row);
    dash = dash || (figure.present() && !figure.value.defined);
    return number(dataset.shown(figure), marks.share(row, g, p));
  }
  // A group's share: no printed share is checked against it.
  TableCell share(const RatioFigure& figure, bool total) const {
    used.see(figure, total);
    dash = dash || (figure.present() && !figure.value.defined);
    return number(dataset.shown(figure));
  }
};

// The notes every grade table has, before the others: how shares are made, and what each
// grade means as the report states it.
void add_grade_notes(const Site& site, const Dataset& dataset, bool dash, TableView& t) {
  const auto& scale = *dataset.scale;
  static constexpr Word kShown[] = {Word::ratio_shown_0, Word::ratio_shown_1, Word::ratio_shown_2,
                                    Word::ratio_shown_3, Word::ratio_shown_4};
  const auto& words = site.words;
  const auto shown = words(kShown[scale.decimals]);
  const auto cut = words(Word::ratio_cut, {std::to_string(scale.decimals + 1)});
  const Word rule = scale.rounding == Rounding::truncate  ? Word::ratio_truncate
                    : scale.rounding == Rounding::half_up ? Word::ratio_half_up
                                                          : Word::ratio_half_even;
  std::vector<std::string> notes = {
      words(Word::grades_share_note, {whole_label(site, dataset), words(rule, {cut, shown})})};
  // A whole of 0 gives 「−」: said once, as under a table of ratios (add_notes says it there).
  if (dash && dataset.ratios.empty()) notes.push_back(words(Word::table_dash_note, {"\u2212"}));
  for (const auto& grade : scale.grades) {
    if (grade.definition.empty()) continue;
    notes.push_back(words(Word::grades_definition, {grade_name(site, grade), grade.definition}));
  }
  t.notes.insert(t.notes.begin(), notes.begin(), notes.end());
  t.note_numbers.insert(t.note_numbers.begin(), notes.size(), 0);
}

// A grade table's two header lines: the `first` cells over both, then each fiscal year over
// its count and share columns.
void add_heads(const Site& site, const Dataset& dataset, const NoteMarks& marks,
               std::vector<TableCell> first, TableView& t) {
  t.column_groups.push_back(static_cast<int>(first.size()));
  for (auto& cell : first) cell.rowspan = 2;
  auto years = std::move(first);
  std::vector<TableCell> columns;
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    t.column_groups.push_back(2);
    years.push_back(
        header_cell(site.words.fiscal_year(dataset.periods[p]), "colgroup", marks.period(p)));
    years.back().colspan = 2;
    columns.push_back(header_cell(site.words(Word::grades_count), "col"));
    columns.push_back(header_cell(site.words(Word::grades_share), "col"));
  }
  t.head.push_back(std::move(years));
  t.head.push_back(std::move(columns));
}

// Lines of grades, groups, the whole and any other measure; a count and a share column per
// fiscal year. For one area's row, or the totals.
TableView grades_by_period(const Site& site, const Dataset& dataset, std::optional<std::size_t> row,
                           const NoteMarks& marks, SymbolsUsed& used, bool& dash) {
  const auto& scale = *dataset.scale;
  const GradeLines lines{site, dataset, marks, used, dash};
  const Counts& counts = row ? dataset.rows[*row].values : dataset.totals;
  TableView t;
  add_heads(site, dataset, marks, {header_cell(site.words(Word::table_item), "col")}, t);
  for (std::size_t g = 0; g < scale.grades.size(); ++g) {
    std::vector<TableCell> cells = {
        header_cell(grade_name(site, scale.grades[g]), "row", marks.line(g))};
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      cells.push_back(lines.count(counts[g][p], row, g, p));
      cells.push_back(lines.share(dataset.share(counts, g, p), row, g, p));
    }
    t.body.push_back(std::move(cells));
  }
  for (const auto& group : scale.groups) {
    std::vector<TableCell> cells = {header_cell(group_name(site, dataset, group), "row")};
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      const auto count = dataset.group_count(counts, group, p);
      cells.push_back(lines.count(count, row, std::nullopt, p));
      cells.push_back(lines.share(dataset.share(count, counts, p), !row));
    }
    t.body.push_back(std::move(cells));
  }
  // The whole, then any other measure: counts only, as a share of the whole is not theirs.
  const auto whole_line = [&](std::string label, std::optional<std::size_t> m, NoteNumbers marks_) {
    std::vector<TableCell> cells = {header_cell(std::move(label), "row", std::move(marks_))};
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      cells.push_back(lines.count(m ? counts[*m][p] : dataset.grade_whole(counts, p), row, m, p));
      cells.push_back(number(""));
    }
    t.body.push_back(std::move(cells));
  };
  if (scale.total) {
    whole_line(dataset.measures[*scale.total].label, scale.total, marks.line(*scale.total));
  } else {
    whole_line(site.words(Word::table_total), std::nullopt, {});
  }
  for (std::size_t m = scale.grades.size(); m < dataset.measures.size(); ++m) {
    if (scale.total && m == *scale.total) continue;
    whole_line(dataset.measures[m].label, m, marks.line(m));
  }
  return t;
}

void finish(const Site& site, const Dataset& dataset, const NoteMarks& marks,
            const SymbolsUsed& used, bool dash, TableView& t) {
  add_notes(site, dataset, marks, used, t);
  add_grade_notes(site, dataset, dash, t);
}

}  // namespace

TableView grade_area_table(const Site& site, const SitePage& page, const AreaRow& area_row) {
  const auto& dataset = site.datasets[area_row.dataset];
  const NoteMarks marks(dataset, row_scope(dataset, area_row.row, {}));
  SymbolsUsed used(dataset);
  bool dash = false;
  auto t = grades_by_period(site, dataset, area_row.row, marks, used, dash);
  name_area_table(site, page, dataset, marks, area_row.row, t);
  finish(site, dataset, marks, used, dash, t);
  return t;
}

TableView grade_totals_table(const Site& site, const Dataset& dataset) {
  const NoteMarks marks(dataset, totals_scope(dataset, {}));
  SymbolsUsed used(dataset);
  bool dash = false;
  auto t = grades_by_period(site, dataset, std::nullopt, marks, used, dash);
  t.id = "table-" + dataset.id + "-totals";
  t.caption = with_unit(site, site.words(Word::table_totals_caption, {dataset.title}), dataset);
  t.caption_marks = marks.caption();
  for (const int n : marks.whole()) t.caption_marks.push_back(n);
  std::sort(t.caption_marks.begin(), t.caption_marks.end());
  finish(site, dataset, marks, used, dash, t);
  return t;
}

TableView grade_overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                               const Selection& selection) {
  const auto& scale = *dataset.scale;
  const NoteMarks marks(dataset, areas_scope(site, dataset, selection));
  SymbolsUsed used(dataset);
  bool dash = false;
  const GradeLines lines{site, dataset, marks, used, dash};
  TableView t;
  t.id = "table-" + dataset.id + "-areas";
  t.caption = with_unit(
      site, site.words(Word::table_areas_caption, {dataset.title, site.config.area_label}),
      dataset);
  t.caption_marks = marks.caption();
  // As narrow as an area's table: a line per area and grade, a count and a share per year.
  add_heads(site, dataset, marks,
            {header_cell(site.config.area_label, "col"), header_cell(scale.label, "col")}, t);
  // Each line names its area (body cells span no rows), so every line reads whole alone.
  const auto add_lines = [&](const TableCell& title, std::optional<std::size_t> row) {
    const Counts& counts = row ? dataset.rows[*row].values : dataset.totals;
    for (std::size_t g = 0; g < scale.grades.size(); ++g) {
      std::vector<TableCell> cells = {
          title, header_cell(grade_name(site, scale.grades[g]), "row", marks.line(g))};
      for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
        cells.push_back(lines.count(counts[g][p], row, g, p));
        cells.push_back(lines.share(dataset.share(counts, g, p), row, g, p));
      }
      t.body.push_back(std::move(cells));
    }
    std::vector<TableCell> cells = {
        title, header_cell(whole_label(site, dataset), "row",
                           scale.total ? marks.line(*scale.total) : NoteNumbers{})};
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      cells.push_back(lines.count(dataset.grade_whole(counts, p), row, scale.total, p));
      cells.push_back(number(""));
    }
    t.body.push_back(std::move(cells));
  };
  for (const auto a : Selection::or_all(selection.areas, site.areas.size())) {
    const auto& area = site.areas[a];
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] != &dataset) continue;
      auto title = header_cell(area.page->title, "row", marks.row(ref.row));
      title.href = link(page, area.output_path);
      add_lines(title, ref.row);
    }
  }
  if (selection.areas.empty() || selection.with_totals) {
    add_lines(header_cell(site.words(Word::table_total), "row", marks.whole()), std::nullopt);
  }
  finish(site, dataset, marks, used, dash, t);
  return t;
}

}  // namespace hyoka
