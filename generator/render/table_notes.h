// The notes under a table, in this order: how each ratio is computed and rounded and what "−"
// means; what each missing-value symbol the table shows stands for; then its numbered 「※」
// notes (data/note_marks.h), each with the id its marks link to.
#pragma once

#include <string>
#include <vector>

#include "data/note_marks.h"
#include "render/table_view.h"
#include "site/site.h"

namespace hyoka {

// The missing-value symbols a table shows, seen as its cells are made.
class SymbolsUsed {
 public:
  explicit SymbolsUsed(const Dataset& dataset) : used_(dataset.reasons.size(), 0) {}
  void see(std::uint16_t missing, bool total) {
    if (!missing) return;
    used_[missing - 1] = 1;
    missing_total_ = missing_total_ || total;
  }
  void see(const Count& count, bool total) { see(count.missing, total); }
  void see(const RatioFigure& figure, bool total) { see(figure.missing, total); }
  bool used(std::size_t reason) const { return used_[reason]; }
  bool missing_total() const { return missing_total_; }

 private:
  std::vector<char> used_;  // by reason
  bool missing_total_ = false;
};

// Appends the table's notes to `table.notes` (and `table.note_numbers`).
void add_notes(const Site& site, const Dataset& dataset, const NoteMarks& marks,
               const SymbolsUsed& used, TableView& table);

// A numbered note's text, without its mark.
std::string note_text(const Site& site, const Dataset& dataset, const NoteRef& note);

}  // namespace hyoka
