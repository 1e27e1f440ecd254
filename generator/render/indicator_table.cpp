#include "render/indicator_table.h"

#include <algorithm>

#include "charts/grade_chart.h"
#include "charts/indicator_charts.h"
#include "render/table_notes.h"

namespace hyoka {

namespace {

constexpr const char* kDash = "\u2212";

TableCell cell(std::string text) {
  TableCell c;
  c.text = std::move(text);
  c.numeric = true;
  return c;
}

std::string shown(const Dataset& dataset, const KpiValue& value, SymbolsUsed& used) {
  used.see(value.missing, false);
  return value.value ? format_decimal(*value.value) : dataset.reason(value.missing).symbol;
}

std::string dated(const Site& site, const Dataset& dataset, const KpiValue& value, int year,
                  SymbolsUsed& used) {
  // The Western year alone: its era beside it would nest brackets in a narrow cell.
  return site.words(Word::kpi_dated, {shown(dataset, value, used),
                                      site.words.fiscal_year(year, FiscalYearStyle::seireki)});
}

// How rates are computed and rounded, which indicators are inverted, and the grade of a year
// without a rate.
void add_kpi_notes(const Site& site, const Dataset& dataset, const Indicator* const* first,
                   std::size_t count, TableView& t) {
  const auto& words = site.words;
  const auto& rule = dataset.kpi->rule.rule;
  static constexpr Word kShown[] = {Word::ratio_shown_0, Word::ratio_shown_1, Word::ratio_shown_2,
                                    Word::ratio_shown_3, Word::ratio_shown_4};
  const auto cut = words(Word::ratio_cut, {std::to_string(rule.decimals + 1)});
  const Word rounding = rule.rounding == Rounding::truncate  ? Word::ratio_truncate
                        : rule.rounding == Rounding::half_up ? Word::ratio_half_up
                                                             : Word::ratio_half_even;
  const Word formula =
      rule.formula == AchievementFormula::final_target  ? Word::kpi_formula_final_target
      : rule.formula == AchievementFormula::year_target ? Word::kpi_formula_year_target
                                                        : Word::kpi_formula_from_baseline;
  std::vector<std::string> notes = {words(
      Word::kpi_rate_note, {words(formula), words(rounding, {cut, words(kShown[rule.decimals])})})};
  // Progress from the baseline needs no inversion: the sign of target − baseline carries it.
  if (rule.formula != AchievementFormula::from_baseline) {
    const Word inverted = rule.formula == AchievementFormula::final_target
                              ? Word::kpi_formula_final_target_lower
                              : Word::kpi_formula_year_target_lower;
    for (std::size_t i = 0; i < count; ++i) {
      if (first[i]->lower_is_better) {
        notes.push_back(words(Word::kpi_lower_note, {first[i]->name, words(inverted)}));
      }
    }
  }
  // With graded_on = "exact", a rate shown as 110.0% may be below a bound of 110%: say so.
  if (dataset.kpi->rule.exact) {
    notes.push_back(words(Word::kpi_graded_exact, {dataset.scale->label}));
  }
  const auto& no_rate = dataset.scale->grades[dataset.kpi->rule.no_rate];
  notes.push_back(words(Word::kpi_no_rate_note, {grade_name(site, no_rate)}));
  for (const auto& grade : dataset.scale->grades) {
    if (grade.definition.empty()) continue;
    notes.push_back(words(Word::grades_definition, {grade_name(site, grade), grade.definition}));
  }
  t.notes.insert(t.notes.begin(), notes.begin(), notes.end());
  t.note_numbers.insert(t.note_numbers.begin(), notes.size(), 0);
}

// Each year's target has a column of its own where the rate divides by it.
bool yearly(const Dataset& dataset) {
  return dataset.kpi->rule.rule.formula == AchievementFormula::year_target;
}

// One printed figure that differs, on line `line` of the table.
void add_discrepancy(const Site& site, const Dataset& dataset, const KpiDiscrepancy& d,
                     std::size_t line, TableView& t) {
  const auto& scale = *dataset.scale;
  const auto& indicator = dataset.kpi->indicators[d.indicator];
  const auto year = site.words.fiscal_year(dataset.periods[d.period]);
  std::string text;
  if (d.grade) {
    text = site.words(Word::kpi_grade_discrepancy,
                      {year, indicator.name,
                       grade_name(site, scale.grades[indicator.published_grades[d.period]->grade]),
                       grade_name(site, scale.grades[indicator.grades[d.period]])});
  } else {
    const auto& rate = indicator.achieved[d.period].rate;
    text = site.words(
        Word::kpi_rate_discrepancy,
        {year, indicator.name, format_decimal(indicator.published_rates[d.period]->rate) + "%",
         rate ? shown_rate(*rate) : kDash});
  }
  const int number = static_cast<int>(t.mark_texts.size() + 1);
  t.mark_texts.push_back(site.words.mark(t.mark_texts.size()));
  t.notes.push_back(t.mark_texts.back() + " " + text);
  t.note_numbers.push_back(number);
  const auto width = yearly(dataset) ? 4 : 3;
  auto& cell = t.body[line][4 + width * d.period + (width - 2) + (d.grade ? 1 : 0)];
  cell.marks.push_back(number);
  cell.mark = site.words.marks(cell.marks);
}

// A printed rate or grade that differs: a numbered mark on the computed one, linked to a note
// that gives the printed figure, as a printed total that differs has.
void add_discrepancies(const Site& site, const Dataset& dataset, std::size_t row, TableView& t) {
  const auto& kpi = *dataset.kpi;
  const auto& here = kpi.by_row[row];
  for (std::size_t line = 0; line < here.size(); ++line) {
    const auto by_indicator = [](const KpiDiscrepancy& d, std::size_t i) {
      return d.indicator < i;
    };
    for (auto it = std::lower_bound(kpi.discrepancies.begin(), kpi.discrepancies.end(), here[line],
                                    by_indicator);
         it != kpi.discrepancies.end() && it->indicator == here[line]; ++it) {
      add_discrepancy(site, dataset, *it, line, t);
    }
  }
}

}  // namespace

TableView indicator_table(const Site& site, const SitePage& page, const AreaRow& area_row) {
  const auto& dataset = site.datasets[area_row.dataset];
  const auto& kpi = *dataset.kpi;
  const auto& scale = *dataset.scale;
  const auto& words = site.words;
  TableView t;
  t.id = "table-" + dataset.id + "-indicators";
  t.caption = words(Word::kpi_caption, {page.page->title, dataset.title});
  std::vector<TableCell> first;
  for (const Word w : {Word::kpi_indicator, Word::kpi_unit, Word::kpi_baseline, Word::kpi_target}) {
    first.push_back(header_cell(words(w), "col"));
    first.back().rowspan = 2;
  }
  t.column_groups.push_back(static_cast<int>(first.size()));
  std::vector<TableCell> columns;
  for (const int year : dataset.periods) {
    t.column_groups.push_back(yearly(dataset) ? 4 : 3);
    first.push_back(header_cell(words.fiscal_year(year), "colgroup"));
    first.back().colspan = t.column_groups.back();
    if (yearly(dataset)) columns.push_back(header_cell(words(Word::kpi_target), "col"));
    columns.push_back(header_cell(words(Word::kpi_actual), "col"));
    columns.push_back(header_cell(words(Word::kpi_rate), "col"));
    columns.push_back(header_cell(scale.label, "col"));
  }
  t.head.push_back(std::move(first));
  t.head.push_back(std::move(columns));
  SymbolsUsed used(dataset);
  std::vector<const Indicator*> shown_here;
  for (const std::size_t i : kpi.by_row[area_row.row]) {
    const auto& indicator = kpi.indicators[i];
    shown_here.push_back(&indicator);
    std::vector<TableCell> cells = {header_cell(indicator.name, "row")};
    cells.push_back(cell(indicator.unit));
    cells.back().numeric = false;
    cells.push_back(cell(dated(site, dataset, indicator.baseline, indicator.baseline_year, used)));
    cells.push_back(cell(indicator.target
                             ? dated(site, dataset, *indicator.target, indicator.target_year, used)
                             : kDash));
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      if (yearly(dataset)) cells.push_back(cell(shown(dataset, indicator.targets[p], used)));
      cells.push_back(cell(shown(dataset, indicator.actuals[p], used)));
      const auto& rate = indicator.achieved[p].rate;
      cells.push_back(cell(rate ? shown_rate(*rate) : kDash));
      cells.push_back(cell(grade_name(site, scale.grades[indicator.grades[p]])));
      cells.back().numeric = false;
    }
    t.body.push_back(std::move(cells));
  }
  for (std::size_t i = 0; i < dataset.reasons.size(); ++i) {
    if (!used.used(i)) continue;
    const auto& reason = dataset.reasons[i];
    t.notes.push_back(words(Word::table_symbol_note, {reason.symbol, reason.label}) +
                      reason.description);
    t.note_numbers.push_back(0);
  }
  add_discrepancies(site, dataset, area_row.row, t);
  add_kpi_notes(site, dataset, shown_here.data(), shown_here.size(), t);
  return t;
}

}  // namespace hyoka
