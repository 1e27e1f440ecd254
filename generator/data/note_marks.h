// The 「※」 notes a table or a chart shows, numbered ※1, ※2 … in the order they are written
// in the dataset's file, and which parts carry each mark. A table and the chart drawn beside
// it number alike, as both ask with the same scope. Pure: no text, which is render's.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "data/dataset.h"

namespace hyoka {

// What a table or a chart shows of a dataset.
struct NoteScope {
  std::vector<std::size_t> rows;  // dataset rows shown: an area's, or every area's
  bool totals = false;            // the totals are shown
  std::vector<std::size_t> measures, ratios, periods;  // indices, as shown
};

// One numbered note: a [[notes]] entry, a published total that differs from its rows, a
// partial total, the figures of a wider whole, or a printed share that differs from its counts'.
struct NoteRef {
  enum class Kind { written, discrepancy, partial, whole, share };
  Kind kind = Kind::written;
  std::size_t index = 0;  // into Dataset::notes, discrepancies, partials or share_discrepancies
};

using NoteNumbers = std::vector<int>;  // from 1, ascending

class NoteMarks {
 public:
  NoteMarks() = default;  // a scope without notes
  NoteMarks(const Dataset& dataset, const NoteScope& scope);

  // The notes shown, in the order of their numbers.
  const std::vector<NoteRef>& notes() const { return notes_; }

  NoteNumbers caption() const { return caption_; }  // the dataset's own notes
  NoteNumbers whole() const { return whole_; }      // the totals are a wider whole's
  NoteNumbers line(std::size_t line) const;         // a measure, or measures.size() + a ratio
  NoteNumbers period(std::size_t period) const;
  NoteNumbers row(std::size_t row) const;  // an area's row
  // One count of a row, or of the totals (no row).
  NoteNumbers count(std::optional<std::size_t> row, std::size_t measure, std::size_t period) const;
  // A ratio carries the marks of its two counts, and of its own partial total.
  NoteNumbers ratio(std::optional<std::size_t> row, std::size_t ratio, std::size_t period) const;
  // A grade's share, where the source printed another.
  NoteNumbers share(std::optional<std::size_t> row, std::size_t grade, std::size_t period) const;

 private:
  using Cell = std::tuple<std::size_t, std::size_t, std::size_t>;  // row (or -1), line, period
  const Dataset* dataset_ = nullptr;
  std::vector<NoteRef> notes_;
  NoteNumbers caption_, whole_;
  std::map<std::size_t, NoteNumbers> lines_, periods_, rows_;
  std::map<Cell, NoteNumbers> cells_;
  std::map<Cell, NoteNumbers> shares_;  // a grade's share: row (or -1), grade, period
};

// "※1"; "※1※3" for several.
std::string note_mark(int number);
std::string note_marks(const NoteNumbers& numbers);

}  // namespace hyoka
