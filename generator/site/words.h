// What hyoka itself writes into pages, charts and open data (table notes, rounding sentences,
// chart summaries, fiscal-year labels, download names), in the site's language. The texts come
// from the theme's language file (themes/<name>/i18n/<language>.toml), read and checked by
// render/language.cpp; here they are only kept and filled in. Every key, and the gaps each may
// use, is in word_specs(); docs/themes.md lists them for theme authors.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/era.h"
#include "data/dataset.h"
#include "data/note_marks.h"

namespace hyoka {

// One text with gaps, as the language file gives it ("{{year}}年度"): literal pieces and the
// gaps between them, each the index of an argument in its spec's order.
class Message {
 public:
  struct Piece {
    std::string text;  // literal text, or nothing for a gap
    int gap = -1;      // the argument filled in here, or -1 for text
  };
  Message() = default;
  explicit Message(std::vector<Piece> pieces) : pieces_(std::move(pieces)) {}
  // The text with `args` in its gaps; an argument a language does not use is left out.
  std::string format(std::initializer_list<std::string_view> args = {}) const;
  void append_to(std::string& out, std::initializer_list<std::string_view> args = {}) const;
  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  std::vector<Piece> pieces_;
};

// hyoka's own words; word_specs() gives each its key and gaps, in this order.
enum class Word : std::size_t {
  not_found_title,
  fiscal_year_seireki,
  fiscal_year_wareki,
  fiscal_year_wareki_seireki,
  fiscal_year_first_era_year,
  fiscal_year_span,
  era_reiwa,
  era_heisei,
  era_showa,
  era_taisho,
  era_meiji,
  table_unit,
  table_item,
  table_total,
  table_preview,
  table_area_caption,
  table_totals_caption,
  table_areas_caption,
  table_dash_note,
  table_mark,
  table_discrepancy,
  table_discrepancy_ratio,
  table_symbol_note,
  table_missing_total,
  table_partial_count,
  table_partial_ratio,
  table_left_out,
  table_list_separator,
  table_whole,
  ratio_note,
  ratio_truncate,
  ratio_half_up,
  ratio_half_even,
  ratio_cut,
  ratio_shown_0,
  ratio_shown_1,
  ratio_shown_2,
  ratio_shown_3,
  ratio_shown_4,
  chart_title,
  chart_ratio,
  chart_ratio_partial,
  chart_no_ratio,
  chart_missing,
  chart_gap,
  chart_count,
  chart_bar,
  chart_panel_ratio,
  chart_ratio_by_area,
  chart_in_year,
  chart_omitted,
  chart_omitted_alone,
  chart_trend,
  chart_whole,
  chart_area_in_year,
  chart_highest_lowest,
  chart_most_fewest,
  chart_all_equal,
  chart_only,
  chart_and,
  chart_count_years,
  chart_count_areas,
  chart_count_entries,
  chart_left_out,
  chart_sentence_separator,
  chart_undefined,
  chart_no_value,
  chart_trend_up,
  chart_trend_down,
  chart_trend_same,
  chart_trend_one,
  chart_trend_undefined,
  chart_trend_no_value,
  summary_whole,
  summary_undefined,
  summary_missing,
  summary_value,
  summary_up,
  summary_down,
  summary_same,
  summary_up_since,
  summary_down_since,
  summary_same_since,
  open_data_csv,
  open_data_csv_note,
  open_data_excel_csv,
  open_data_excel_csv_note,
  open_data_json,
  open_data_json_note,
  open_data_bytes,
  open_data_kilobytes,
  open_data_turtle,
  open_data_json_ld,
  open_data_data_package,
  open_data_csv_distribution,
  open_data_excel_csv_distribution,
  open_data_json_distribution,
  open_data_attribution,
  open_data_code_column,
  open_data_area_id_column,
  open_data_area_column,
  open_data_year_column,
  open_data_era_year_column,
  open_data_ratio_column,
  open_data_reason_column,
  open_data_notes_column,
  open_data_code_description,
  open_data_area_id_description,
  open_data_area_description,
  open_data_year_description,
  open_data_era_year_description,
  open_data_ratio_description,
  open_data_ratio_missing_description,
  open_data_count_missing_description,
  open_data_reason_description,
  open_data_notes_description,
  open_data_measure_note,
  open_data_notes_separator,
  open_data_language,
  open_data_type_integer,
  open_data_type_number,
  open_data_type_string,
  license_cc_by_4_0,
  license_pdl_1_0,
  markdown_footnote_back,
  grades_count,
  grades_share,
  grades_grade,
  grades_group,
  grades_group_separator,
  grades_definition,
  grades_share_note,
  grades_share_discrepancy,
  grades_where_area,
  grades_chart_heading,
  grades_chart_heading_areas,
  grades_segment,
  grades_listed,
  grades_no_whole,
  grades_summary,
  grades_legend,
  grades_grade_id_column,
  grades_grade_column,
  grades_grade_description,
  grades_count_description,
  grades_share_description,
  kpi_caption,
  kpi_indicator,
  kpi_unit,
  kpi_baseline,
  kpi_target,
  kpi_actual,
  kpi_rate,
  kpi_dated,
  kpi_rate_note,
  kpi_formula_final_target,
  kpi_formula_year_target,
  kpi_formula_from_baseline,
  kpi_formula_final_target_lower,
  kpi_formula_year_target_lower,
  kpi_lower_note,
  kpi_no_rate_note,
  kpi_graded_exact,
  kpi_rate_discrepancy,
  kpi_grade_discrepancy,
  kpi_indicator_id_column,
  kpi_better_column,
  kpi_baseline_year_column,
  kpi_target_year_column,
  kpi_year_target_column,
  kpi_printed_column,
  kpi_indicator_id_description,
  kpi_indicator_description,
  kpi_unit_description,
  kpi_better_description,
  kpi_value_description,
  kpi_year_description,
  kpi_rate_description,
  kpi_formula_either,
  kpi_printed_rate_description,
  kpi_printed_grade_description,
  kpi_indicators_title,
  open_data_indicators_csv,
  open_data_indicators_excel_csv,
  open_data_indicators_json,
  open_data_indicators_json_note,
  open_data_indicators_csv_distribution,
  open_data_indicators_excel_csv_distribution,
  open_data_indicators_json_distribution,
  kpi_chart_heading,
  kpi_chart_lower,
  kpi_chart_target,
  kpi_chart_baseline,
  kpi_chart_year_target,
  kpi_chart_year_target_key,
  kpi_chart_bar,
  kpi_chart_no_actual,
  kpi_chart_summary,
  kpi_chart_summary_no_target,
  kpi_chart_summary_year,
  kpi_chart_summary_year_target,
  kpi_chart_summary_no_actual,
  kpi_chart_summary_separator,
  count  // not a word: how many there are
};

struct WordSpec {
  Word word;
  const char* key;                // in the language file, as "table.total"
  std::vector<std::string> gaps;  // the {{names}} it may use; arguments in this order
  const char* use;                // where hyoka writes it, for messages
};

// Every word hyoka writes, in the order of Word.
const std::vector<WordSpec>& word_specs();

class Words {
 public:
  const Message& operator[](Word word) const { return messages_[static_cast<std::size_t>(word)]; }
  std::string operator()(Word word, std::initializer_list<std::string_view> args = {}) const {
    return (*this)[word].format(args);
  }
  void set(Word word, Message message) {
    messages_[static_cast<std::size_t>(word)] = std::move(message);
  }

  // The label of a fiscal year in `style`, such as 令和元年度（2019年度） or FY2019 (Reiwa 1).
  // Labels of the years every site names are made once, by prepare().
  std::string fiscal_year(int western_year) const;
  // The year as `style` writes it (the CSV's era column writes every year as wareki).
  std::string fiscal_year(int western_year, FiscalYearStyle style) const;
  // Makes the labels of 1989 to 2100 in every style, and sets the site's style.
  void prepare(FiscalYearStyle style);
  // A note mark: ※1 for the first.
  std::string mark(std::size_t index) const;
  // Note marks by number (from 1): ※1※3.
  std::string marks(const NoteNumbers& numbers) const;

 private:
  std::string make_fiscal_year(int western_year, FiscalYearStyle style) const;

  std::array<Message, static_cast<std::size_t>(Word::count)> messages_;
  FiscalYearStyle style_ = FiscalYearStyle::wareki_seireki;
  std::vector<std::string> labels_;  // 1989 to 2100 in each style, once prepared
};

}  // namespace hyoka
