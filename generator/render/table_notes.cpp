#include "render/table_notes.h"

namespace hyoka {

namespace {

const std::string kDash = "\u2212";

std::string year_label(const Site& site, const Dataset& dataset, std::size_t period) {
  return fiscal_year_label(dataset.periods[period], site.config.fiscal_year_style);
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
    if (!out.empty()) out += "、";
    out += site.area_title(row.area) + "（" + dataset.reason(missing).label + "）";
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
      std::string text = year_label(site, dataset, d.period) + "の「" +
                         dataset.measures[d.measure].label + "」は、原資料では" +
                         format_count(d.published) + "と記載されていますが、各行の合計は" +
                         format_count(d.computed) + "です。表には合計を掲載しています。";
      for (const auto& ratio : dataset.ratios) {
        if (ratio.numerator != d.measure && ratio.denominator != d.measure) continue;
        text += "原資料の数値による「" + ratio.label + "」は" +
                dataset.shown(dataset.ratio(ratio, printed, d.period)) + "、合計による値は" +
                dataset.shown(dataset.total_ratio(ratio, d.period)) + "です。";
      }
      return text;
    }
    case NoteRef::Kind::partial: {
      const auto& partial = dataset.partials[note.index];
      const auto year = year_label(site, dataset, partial.period);
      if (partial.line < dataset.measures.size()) {
        return year + "の「" + dataset.measures[partial.line].label + "」の合計は、値のない" +
               left_out(site, dataset, partial) + "を除いて計算しています（一部欠測）。";
      }
      return year + "の「" + dataset.ratios[partial.line - dataset.measures.size()].label +
             "」は、分子と分母の値がそろわない" + left_out(site, dataset, partial) +
             "を除いて計算しています（一部欠測）。";
    }
    case NoteRef::Kind::whole:
      if (!dataset.whole_note.empty()) return dataset.whole_note;
      return "合計は、このサイトに掲載していない" + site.config.area_label +
             "を含む全体の数値で、各行の合計とは一致しません。";
  }
  return "";
}

void add_notes(const Site& site, const Dataset& dataset, const NoteMarks& marks,
               const SymbolsUsed& used, TableView& table) {
  const auto unnumbered = [&](std::string text) {
    table.notes.push_back(std::move(text));
    table.note_ids.emplace_back();
  };
  for (const auto& ratio : dataset.ratios) unnumbered(ratio_note(dataset, ratio));
  if (!dataset.ratios.empty()) {
    unnumbered("「" + kDash + "」は、分母が0のため割合を算出できないことを示します。");
  }
  for (std::size_t i = 0; i < dataset.reasons.size(); ++i) {
    if (!used.used(i)) continue;
    const auto& reason = dataset.reasons[i];
    unnumbered("「" + reason.symbol + "」は「" + reason.label + "」を示します。" +
               reason.description);
  }
  if (used.missing_total() && !dataset.whole_totals) {
    unnumbered("合計欄の記号は、値のない" + site.config.area_label +
               "があるため、合計を算出していないことを示します。");
  }
  for (std::size_t i = 0; i < marks.notes().size(); ++i) {
    const int number = static_cast<int>(i + 1);
    table.notes.push_back(note_mark(number) + " " + note_text(site, dataset, marks.notes()[i]));
    table.note_ids.push_back(note_id(table, number));
  }
}

}  // namespace hyoka
