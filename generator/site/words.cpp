#include "site/words.h"

#include <map>

namespace hyoka {

void Message::append_to(std::string& out, std::initializer_list<std::string_view> args) const {
  for (const auto& piece : pieces_) {
    if (piece.gap < 0) {
      out += piece.text;
    } else if (static_cast<std::size_t>(piece.gap) < args.size()) {
      out += *(args.begin() + piece.gap);
    }
  }
}

std::string Message::format(std::initializer_list<std::string_view> args) const {
  std::string out;
  append_to(out, args);
  return out;
}

const std::vector<WordSpec>& word_specs() {
  using W = Word;
  const std::vector<std::string> year = {"year", "era", "era_year"};
  const std::vector<std::string> extremes = {"subject", "high_where", "high", "low_where", "low"};
  const std::vector<std::string> trend = {"who",   "ratio",     "first_year",
                                          "first", "last_year", "last"};
  const std::vector<std::string> summary = {"year",   "who",    "ratio", "value",
                                            "before", "points", "since"};
  const std::vector<std::string> rule = {"cut", "shown"};
  static const std::vector<WordSpec> specs = {
      {W::not_found_title, "not_found.title", {}, "the title of 404.html"},
      {W::fiscal_year_seireki, "fiscal_year.seireki", year, "fiscal years (label = \"seireki\")"},
      {W::fiscal_year_wareki, "fiscal_year.wareki", year, "fiscal years (label = \"wareki\")"},
      {W::fiscal_year_wareki_seireki, "fiscal_year.wareki_seireki", year,
       "fiscal years (label = \"wareki-seireki\")"},
      {W::fiscal_year_first_era_year, "fiscal_year.first_era_year", {}, "the first year of an era"},
      {W::fiscal_year_span, "fiscal_year.span", {"first", "last"}, "the years a dataset covers"},
      {W::era_reiwa, "fiscal_year.eras.reiwa", {}, "fiscal years of 令和"},
      {W::era_heisei, "fiscal_year.eras.heisei", {}, "fiscal years of 平成"},
      {W::era_showa, "fiscal_year.eras.showa", {}, "fiscal years of 昭和"},
      {W::era_taisho, "fiscal_year.eras.taisho", {}, "fiscal years of 大正"},
      {W::era_meiji, "fiscal_year.eras.meiji", {}, "fiscal years of 明治"},
      {W::table_unit, "table.unit", {"title", "unit"}, "captions of datasets with a unit"},
      {W::table_item, "table.item", {}, "the top-left header of tables"},
      {W::table_total, "table.total", {}, "the totals row"},
      {W::table_preview,
       "table.preview",
       {"shown", "all", "area_label"},
       "the note under a landing page's table of the first areas only"},
      {W::table_area_caption, "table.area_caption", {"area", "dataset"}, "area tables"},
      {W::table_totals_caption, "table.totals_caption", {"dataset"}, "totals tables"},
      {W::table_areas_caption,
       "table.areas_caption",
       {"dataset", "area_label"},
       "tables of every area"},
      {W::table_dash_note, "table.dash_note", {"dash"}, "tables with a ratio"},
      {W::table_mark, "table.mark", {"number"}, "note marks"},
      {W::table_discrepancy,
       "table.discrepancy",
       {"mark", "year", "measure", "published", "computed"},
       "notes on printed totals that differ"},
      {W::table_discrepancy_ratio,
       "table.discrepancy_ratio",
       {"ratio", "published", "computed"},
       "notes on printed totals that differ"},
      {W::table_symbol_note,
       "table.symbol_note",
       {"symbol", "reason", "description"},
       "notes on the missing-value symbols a table shows"},
      {W::table_missing_total,
       "table.missing_total",
       {"area_label"},
       "tables whose totals are missing"},
      {W::table_partial_count,
       "table.partial_count",
       {"year", "measure", "left_out"},
       "notes on partial totals"},
      {W::table_partial_ratio,
       "table.partial_ratio",
       {"year", "ratio", "left_out"},
       "notes on partial totals"},
      {W::table_left_out, "table.left_out", {"area", "reason"}, "notes on partial totals"},
      {W::table_list_separator, "table.list_separator", {}, "lists in notes and periods"},
      {W::table_whole, "table.whole", {"area_label"}, "notes on the totals of a wider whole"},
      {W::ratio_note,
       "ratio.note",
       {"ratio", "numerator", "denominator", "rule"},
       "the rounding note of tables"},
      {W::ratio_truncate, "ratio.truncate", rule, "ratios rounded \"truncate\""},
      {W::ratio_half_up, "ratio.half_up", rule, "ratios rounded \"half-up\""},
      {W::ratio_half_even, "ratio.half_even", rule, "ratios rounded \"half-even\""},
      {W::ratio_cut, "ratio.cut", {"place"}, "the rounding note of tables"},
      {W::ratio_shown_0, "ratio.shown_0", {}, "ratios with 0 decimals"},
      {W::ratio_shown_1, "ratio.shown_1", {}, "ratios with 1 decimal"},
      {W::ratio_shown_2, "ratio.shown_2", {}, "ratios with 2 decimals"},
      {W::ratio_shown_3, "ratio.shown_3", {}, "ratios with 3 decimals"},
      {W::ratio_shown_4, "ratio.shown_4", {}, "ratios with 4 decimals"},
      {W::chart_title, "chart.title", {"heading", "table"}, "the title of every chart"},
      {W::chart_ratio,
       "chart.ratio",
       {"percent", "numerator", "denominator", "unit"},
       "ratios in charts"},
      {W::chart_ratio_partial,
       "chart.ratio_partial",
       {"percent", "numerator", "denominator", "unit"},
       "ratios of partial totals"},
      {W::chart_no_ratio,
       "chart.no_ratio",
       {"dash", "denominator"},
       "ratios with a zero denominator in charts"},
      {W::chart_missing, "chart.missing", {"symbol", "reason"}, "missing values in charts"},
      {W::chart_gap, "chart.gap", {}, "the gap between fiscal years in trend charts"},
      {W::chart_count, "chart.count", {"count", "unit"}, "counts with their unit in charts"},
      {W::chart_bar, "chart.bar", {"year", "label", "value"}, "the tooltip of every bar"},
      {W::chart_panel_ratio,
       "chart.panel_ratio",
       {"label", "value"},
       "the ratios under a year's bars"},
      {W::chart_ratio_by_area,
       "chart.ratio_by_area",
       {"ratio", "area_label"},
       "the heading of a ratio's chart by area"},
      {W::chart_in_year,
       "chart.in_year",
       {"heading", "year"},
       "the heading of a chart of one year"},
      {W::chart_omitted,
       "chart.omitted",
       {"area_label", "limit", "heading"},
       "the note in place of a chart of too many areas"},
      {W::chart_omitted_alone,
       "chart.omitted_alone",
       {"area_label", "limit", "heading"},
       "the note in place of a chart block of too many areas"},
      {W::chart_trend, "chart.trend", {"ratio"}, "the heading of a trend chart"},
      {W::chart_whole, "chart.whole", {}, "the line of the whole in trend charts"},
      {W::chart_area_in_year, "chart.area_in_year", {"area", "year"}, "chart summaries"},
      {W::chart_highest_lowest, "chart.highest_lowest", extremes, "summaries of ratio charts"},
      {W::chart_most_fewest, "chart.most_fewest", extremes, "summaries of count charts"},
      {W::chart_all_equal, "chart.all_equal", {"subject", "value"}, "chart summaries"},
      {W::chart_only, "chart.only", {"where", "subject", "value"}, "chart summaries"},
      {W::chart_and, "chart.and", {"list", "last"}, "tied places in chart summaries"},
      {W::chart_count_years,
       "chart.count_years",
       {"count", "area_label"},
       "more than three tied fiscal years in chart summaries"},
      {W::chart_count_areas,
       "chart.count_areas",
       {"count", "area_label"},
       "more than three tied areas in chart summaries"},
      {W::chart_count_entries,
       "chart.count_entries",
       {"count", "area_label"},
       "more than three tied areas and years in chart summaries"},
      {W::chart_left_out, "chart.left_out", {}, "chart summaries with values left out"},
      {W::chart_sentence_separator,
       "chart.sentence_separator",
       {},
       "between the sentences of a chart summary"},
      {W::chart_undefined, "chart.undefined", {"subject"}, "chart summaries"},
      {W::chart_no_value, "chart.no_value", {"subject"}, "chart summaries"},
      {W::chart_trend_up, "chart.trend_up", trend, "summaries of trend charts"},
      {W::chart_trend_down, "chart.trend_down", trend, "summaries of trend charts"},
      {W::chart_trend_same, "chart.trend_same", trend, "summaries of trend charts"},
      {W::chart_trend_one,
       "chart.trend_one",
       {"year", "who", "ratio", "value"},
       "summaries of trend charts"},
      {W::chart_trend_undefined,
       "chart.trend_undefined",
       {"who", "ratio"},
       "summaries of trend charts"},
      {W::chart_trend_no_value,
       "chart.trend_no_value",
       {"who", "ratio"},
       "summaries of trend charts"},
      {W::summary_whole, "summary.whole", {}, "summary blocks without an area"},
      {W::summary_undefined, "summary.undefined", summary, "summary blocks"},
      {W::summary_missing,
       "summary.missing",
       {"year", "who", "ratio", "reason"},
       "summary blocks over a missing value"},
      {W::summary_value, "summary.value", summary, "summary blocks"},
      {W::summary_up, "summary.up", summary, "summary blocks"},
      {W::summary_down, "summary.down", summary, "summary blocks"},
      {W::summary_same, "summary.same", summary, "summary blocks"},
      {W::summary_up_since, "summary.up_since", summary, "summary blocks"},
      {W::summary_down_since, "summary.down_since", summary, "summary blocks"},
      {W::summary_same_since, "summary.same_since", summary, "summary blocks"},
      {W::open_data_csv, "open_data.csv", {}, "landing pages' downloads"},
      {W::open_data_csv_note, "open_data.csv_note", {}, "landing pages' downloads"},
      {W::open_data_excel_csv, "open_data.excel_csv", {}, "landing pages' downloads"},
      {W::open_data_excel_csv_note, "open_data.excel_csv_note", {}, "landing pages' downloads"},
      {W::open_data_json, "open_data.json", {}, "landing pages' downloads"},
      {W::open_data_json_note, "open_data.json_note", {}, "landing pages' downloads"},
      {W::open_data_bytes, "open_data.bytes", {"size"}, "landing pages' downloads"},
      {W::open_data_kilobytes, "open_data.kilobytes", {"size"}, "landing pages' downloads"},
      {W::open_data_turtle, "open_data.turtle", {}, "links to the catalogs"},
      {W::open_data_json_ld, "open_data.json_ld", {}, "links to the catalogs"},
      {W::open_data_data_package, "open_data.data_package", {}, "links to the catalogs"},
      {W::open_data_csv_distribution, "open_data.csv_distribution", {}, "the catalogs"},
      {W::open_data_excel_csv_distribution, "open_data.excel_csv_distribution", {}, "the catalogs"},
      {W::open_data_json_distribution, "open_data.json_distribution", {}, "the catalogs"},
      {W::open_data_attribution,
       "open_data.attribution",
       {"publisher", "title", "license"},
       "the attribution of every dataset"},
      {W::open_data_code_column, "open_data.code_column", {}, "the CSV's headings"},
      {W::open_data_area_id_column,
       "open_data.area_id_column",
       {"area_label"},
       "the CSV's headings"},
      {W::open_data_area_column, "open_data.area_column", {"area_label"}, "the CSV's headings"},
      {W::open_data_year_column, "open_data.year_column", {}, "the CSV's headings"},
      {W::open_data_era_year_column, "open_data.era_year_column", {}, "the CSV's headings"},
      {W::open_data_ratio_column, "open_data.ratio_column", {"ratio"}, "the CSV's headings"},
      {W::open_data_reason_column, "open_data.reason_column", {"measure"}, "the CSV's headings"},
      {W::open_data_notes_column, "open_data.notes_column", {}, "the CSV's headings"},
      {W::open_data_code_description, "open_data.code_description", {}, "datapackage.json"},
      {W::open_data_area_id_description,
       "open_data.area_id_description",
       {"area_label"},
       "datapackage.json, the landing pages' columns"},
      {W::open_data_area_description,
       "open_data.area_description",
       {"area_label"},
       "datapackage.json, the landing pages' columns"},
      {W::open_data_year_description, "open_data.year_description", {}, "datapackage.json"},
      {W::open_data_era_year_description,
       "open_data.era_year_description",
       {},
       "datapackage.json, the landing pages' columns"},
      {W::open_data_ratio_description, "open_data.ratio_description", {}, "datapackage.json"},
      {W::open_data_ratio_missing_description,
       "open_data.ratio_missing_description",
       {},
       "the Data Package of datasets with missing values"},
      {W::open_data_count_missing_description,
       "open_data.count_missing_description",
       {"count"},
       "the Data Package of datasets with missing values"},
      {W::open_data_reason_description,
       "open_data.reason_description",
       {},
       "the Data Package of datasets with missing values"},
      {W::open_data_notes_description,
       "open_data.notes_description",
       {"area_label"},
       "the Data Package of datasets with notes"},
      {W::open_data_measure_note,
       "open_data.measure_note",
       {"measure", "text"},
       "the CSV's notes column"},
      {W::open_data_notes_separator, "open_data.notes_separator", {}, "the CSV's notes column"},
      {W::open_data_language, "open_data.language", {}, "the catalogs' dct:language"},
      {W::open_data_type_integer, "open_data.type_integer", {}, "the landing pages' columns"},
      {W::open_data_type_number, "open_data.type_number", {}, "the landing pages' columns"},
      {W::open_data_type_string, "open_data.type_string", {}, "the landing pages' columns"},
      {W::license_cc_by_4_0, "license.cc_by_4_0", {}, "sites under CC-BY-4.0"},
      {W::license_pdl_1_0, "license.pdl_1_0", {}, "sites under PDL-1.0"},
      {W::markdown_footnote_back,
       "markdown.footnote_back",
       {},
       "the label of a footnote's link back to its reference"},
      {W::grades_count, "grades.count", {}, "grade tables' columns"},
      {W::grades_share, "grades.share", {}, "grade tables' columns"},
      {W::grades_grade, "grades.grade", {"symbol", "label"}, "grades with a symbol"},
      {W::grades_group, "grades.group", {"group", "grades"}, "groups of grades in tables"},
      {W::grades_group_separator, "grades.group_separator", {}, "groups of grades in tables"},
      {W::grades_definition,
       "grades.definition",
       {"grade", "definition"},
       "the definitions of grades"},
      {W::grades_share_note, "grades.share_note", {"whole", "rule"}, "the note under grade tables"},
      {W::grades_share_discrepancy,
       "grades.share_discrepancy",
       {"year", "where", "grade", "published", "computed"},
       "notes on printed shares that differ"},
      {W::grades_where_area, "grades.where_area", {"area"}, "notes on printed shares that differ"},
      {W::grades_chart_heading, "grades.chart_heading", {"scale"}, "the heading of grade charts"},
      {W::grades_chart_heading_areas,
       "grades.chart_heading_areas",
       {"scale", "area_label"},
       "the heading of grade charts by area"},
      {W::grades_segment,
       "grades.segment",
       {"where", "grade", "share", "count", "unit"},
       "the tooltip of each segment"},
      {W::grades_listed,
       "grades.listed",
       {"grade", "share"},
       "shares too narrow for their segment"},
      {W::grades_no_whole, "grades.no_whole", {}, "a bar with nothing graded"},
      {W::grades_summary,
       "grades.summary",
       {"where", "grade", "share"},
       "the summary of grade charts"},
      {W::grades_legend, "grades.legend", {}, "the key of grade charts"},
      {W::grades_grade_id_column, "grades.grade_id_column", {"scale"}, "the CSV's headings"},
      {W::grades_grade_column, "grades.grade_column", {"scale"}, "the CSV's headings"},
      {W::grades_grade_description, "grades.grade_description", {"scale"}, "datapackage.json"},
      {W::grades_count_description, "grades.count_description", {}, "datapackage.json"},
      {W::grades_share_description, "grades.share_description", {}, "datapackage.json"},
      {W::kpi_caption, "kpi.caption", {"area", "dataset"}, "the indicator tables of KPI datasets"},
      {W::kpi_indicator, "kpi.indicator", {}, "the indicator tables of KPI datasets"},
      {W::kpi_unit, "kpi.unit", {}, "the indicator tables of KPI datasets"},
      {W::kpi_baseline, "kpi.baseline", {}, "the indicator tables of KPI datasets"},
      {W::kpi_target, "kpi.target", {}, "the indicator tables of KPI datasets"},
      {W::kpi_actual, "kpi.actual", {}, "the indicator tables of KPI datasets"},
      {W::kpi_rate, "kpi.rate", {}, "the indicator tables of KPI datasets"},
      {W::kpi_dated, "kpi.dated", {"value", "year"}, "baselines and targets with their year"},
      {W::kpi_rate_note, "kpi.rate_note", {"formula", "rule"}, "the note under indicator tables"},
      {W::kpi_formula_final_target,
       "kpi.formula_final_target",
       {},
       "the note under indicator tables"},
      {W::kpi_formula_year_target,
       "kpi.formula_year_target",
       {},
       "the note under indicator tables"},
      {W::kpi_formula_from_baseline,
       "kpi.formula_from_baseline",
       {},
       "the note under indicator tables"},
      {W::kpi_formula_final_target_lower,
       "kpi.formula_final_target_lower",
       {},
       "the note under indicator tables"},
      {W::kpi_formula_year_target_lower,
       "kpi.formula_year_target_lower",
       {},
       "the note under indicator tables"},
      {W::kpi_lower_note, "kpi.lower_note", {"indicator", "formula"}, "lower-is-better indicators"},
      {W::kpi_no_rate_note, "kpi.no_rate_note", {"grade"}, "the note under indicator tables"},
      {W::kpi_graded_exact, "kpi.graded_exact", {"scale"}, "the note under indicator tables"},
      {W::kpi_rate_discrepancy,
       "kpi.rate_discrepancy",
       {"year", "indicator", "published", "computed"},
       "notes on printed rates that differ"},
      {W::kpi_grade_discrepancy,
       "kpi.grade_discrepancy",
       {"year", "indicator", "published", "computed"},
       "notes on printed grades that differ"},
  };
  return specs;
}

namespace {

constexpr int kFirstPrepared = 1989, kLastPrepared = 2100;
constexpr FiscalYearStyle kStyles[] = {FiscalYearStyle::wareki_seireki, FiscalYearStyle::wareki,
                                       FiscalYearStyle::seireki};

std::size_t style_row(FiscalYearStyle style) {
  return style == FiscalYearStyle::wareki_seireki ? 0 : style == FiscalYearStyle::wareki ? 1 : 2;
}

}  // namespace

std::string Words::make_fiscal_year(int western_year, FiscalYearStyle style) const {
  static const std::map<std::string, Word> eras = {{"令和", Word::era_reiwa},
                                                   {"平成", Word::era_heisei},
                                                   {"昭和", Word::era_showa},
                                                   {"大正", Word::era_taisho},
                                                   {"明治", Word::era_meiji}};
  const auto year = std::to_string(western_year);
  const auto era = to_era(western_year);
  if (style == FiscalYearStyle::seireki || !era) {
    return (*this)(Word::fiscal_year_seireki, {year, "", ""});
  }
  const auto name = (*this)(eras.at(era->era));
  const auto era_year =
      era->year == 1 ? (*this)(Word::fiscal_year_first_era_year) : std::to_string(era->year);
  return (*this)(style == FiscalYearStyle::wareki ? Word::fiscal_year_wareki
                                                  : Word::fiscal_year_wareki_seireki,
                 {year, name, era_year});
}

void Words::prepare(FiscalYearStyle style) {
  style_ = style;
  labels_.clear();
  labels_.reserve(std::size(kStyles) * (kLastPrepared - kFirstPrepared + 1));
  for (const auto s : kStyles) {
    for (int y = kFirstPrepared; y <= kLastPrepared; ++y) labels_.push_back(make_fiscal_year(y, s));
  }
}

std::string Words::fiscal_year(int western_year, FiscalYearStyle style) const {
  if (labels_.empty() || western_year < kFirstPrepared || western_year > kLastPrepared) {
    return make_fiscal_year(western_year, style);
  }
  return labels_[style_row(style) * (kLastPrepared - kFirstPrepared + 1) +
                 static_cast<std::size_t>(western_year - kFirstPrepared)];
}

std::string Words::fiscal_year(int western_year) const {
  return fiscal_year(western_year, style_);
}

std::string Words::mark(std::size_t index) const {
  return (*this)(Word::table_mark, {std::to_string(index + 1)});
}

std::string Words::marks(const NoteNumbers& numbers) const {
  std::string out;
  for (const int n : numbers) (*this)[Word::table_mark].append_to(out, {std::to_string(n)});
  return out;
}

}  // namespace hyoka
