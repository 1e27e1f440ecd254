#include "render/table_notes.h"

namespace hyoka {

namespace {

const std::string kDash = "\u2212";

std::string year_label(const Site& site, const Dataset& dataset, std::size_t period) {
  return site.words.fiscal_year(dataset.periods[period]);
}

// "子育て支援（未公表）、環境（未集計）": the rows a partial figure leaves out, and why.
std::string left_out(const Site& site, const Dataset& dataset, const PartialTotal& partial) {
  std::string out;
  for (const auto r : partial.left_out) {
    const auto& row = dataset.rows[r];
    std::uint16_t missing = 0;
    if (partial.line < dataset.measures.size()) {
      missing = row.values[partial.line][partial.period].missing;
    } else {
      const auto& ratio = dataset.ratios[partial.line - dataset.measures.size()];
      missing = dataset.ratio(ratio, row.values, partial.period).missing;
    }
    if (!out.empty()) site.words[Word::table_list_separator].append_to(out);
    site.words[Word::table_left_out].append_to(
        out, {site.area_title(row.area), dataset.reason(missing).label});
  }
  return out;
}

}  // namespace

std::string note_text(const Site& site, const Dataset& dataset, const NoteRef& note) {
  switch (note.kind) {
    case NoteRef::Kind::written:
      return dataset.notes[note.index].text;
    case NoteRef::Kind::discrepancy: {
      // The page shows the sum of the rows and says what the source printed, and the ratios
      // from its figures.
      const auto& d = dataset.discrepancies[note.index];
      const auto printed = dataset.published_counts();
      const auto& words = site.words;
      auto text = words(Word::table_discrepancy,
                        {"", year_label(site, dataset, d.period), dataset.measures[d.measure].label,
                         format_count(d.published), format_count(d.computed)});
      for (const auto& ratio : dataset.ratios) {
        if (ratio.numerator != d.measure && ratio.denominator != d.measure) continue;
        words[Word::table_discrepancy_ratio].append_to(
            text, {ratio.label, dataset.shown(dataset.ratio(ratio, printed, d.period)),
                   dataset.shown(dataset.total_ratio(ratio, d.period))});
      }
      return text;
    }
    case NoteRef::Kind::partial: {
      const auto& partial = dataset.partials[note.index];
      const auto year = year_label(site, dataset, partial.period);
      if (partial.line < dataset.measures.size()) {
        return site.words(Word::table_partial_count, {year, dataset.measures[partial.line].label,
                                                      left_out(site, dataset, partial)});
      }
      return site.words(Word::table_partial_ratio,
                        {year, dataset.ratios[partial.line - dataset.measures.size()].label,
                         left_out(site, dataset, partial)});
    }
    case NoteRef::Kind::share: {
      // The page shows the share of the counts and says what the source printed.
      const auto& d = dataset.share_discrepancies[note.index];
      const auto& printed = dataset.published_shares[d.published];
      const RatioValue shown{true, printed.scaled, printed.decimals};
      const auto where = printed.row
                             ? site.words(Word::grades_where_area,
                                          {site.area_title(dataset.rows[*printed.row].area)})
                             : std::string();
      const auto& grade = dataset.scale->grades[printed.grade];
      const auto name = grade.symbol.empty() || grade.symbol == grade.label
                            ? grade.label
                            : site.words(Word::grades_grade, {grade.symbol, grade.label});
      return site.words(Word::grades_share_discrepancy,
                        {year_label(site, dataset, printed.period), where, name,
                         format_ratio(shown), format_ratio(d.computed)});
    }
    case NoteRef::Kind::whole:
      if (!dataset.whole_note.empty()) return dataset.whole_note;
      return site.words(Word::table_whole, {site.config.area_label});
  }
  return "";
}

void add_notes(const Site& site, const Dataset& dataset, const NoteMarks& marks,
               const SymbolsUsed& used, TableView& table) {
  const auto unnumbered = [&](std::string text) {
    table.notes.push_back(std::move(text));
    table.note_numbers.push_back(0);
  };
  for (const auto& ratio : dataset.ratios) unnumbered(ratio_note(site, dataset, ratio));
  if (!dataset.ratios.empty()) {
    unnumbered(site.words(Word::table_dash_note, {kDash}));
  }
  for (std::size_t i = 0; i < dataset.reasons.size(); ++i) {
    if (!used.used(i)) continue;
    const auto& reason = dataset.reasons[i];
    unnumbered(site.words(Word::table_symbol_note, {reason.symbol, reason.label}) +
               reason.description);
  }
  if (used.missing_total() && !dataset.whole_totals) {
    unnumbered(site.words(Word::table_missing_total, {site.config.area_label}));
  }
  for (std::size_t i = 0; i < marks.notes().size(); ++i) {
    const int number = static_cast<int>(i + 1);
    table.mark_texts.push_back(site.words.mark(i));
    table.notes.push_back(table.mark_texts.back() + " " +
                          note_text(site, dataset, marks.notes()[i]));
    table.note_numbers.push_back(number);
  }
  // The marks in the cells, in the site's words.
  for (auto* rows : {&table.head, &table.body}) {
    for (auto& row : *rows) {
      for (auto& cell : row) cell.mark = site.words.marks(cell.marks);
    }
  }
}

}  // namespace hyoka
