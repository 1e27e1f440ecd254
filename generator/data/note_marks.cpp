#include "data/note_marks.h"

#include <algorithm>

namespace hyoka {

namespace {

constexpr std::size_t kTotals = static_cast<std::size_t>(-1);

struct Candidate {
  NoteRef ref;
  Position position;
};

bool contains(const std::vector<std::size_t>& list, std::size_t item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void add(NoteNumbers& numbers, int number) {
  if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) {
    numbers.insert(std::upper_bound(numbers.begin(), numbers.end(), number), number);
  }
}

NoteNumbers merged(NoteNumbers a, const NoteNumbers& b) {
  for (const int n : b) add(a, n);
  return a;
}

}  // namespace

NoteMarks::NoteMarks(const Dataset& dataset, const NoteScope& scope) : dataset_(&dataset) {
  const std::size_t measures = dataset.measures.size();
  // Whether the scope shows line `l` (a measure, or a ratio after the measures), directly or
  // through a ratio computed from it.
  std::vector<char> shows_line(measures + dataset.ratios.size(), 0);
  for (const auto m : scope.measures) shows_line[m] = 1;
  for (const auto r : scope.ratios) {
    shows_line[measures + r] = 1;
  }
  const auto shows_count = [&](std::size_t m) {
    if (shows_line[m]) return true;
    for (const auto r : scope.ratios) {
      if (dataset.ratios[r].numerator == m || dataset.ratios[r].denominator == m) return true;
    }
    return false;
  };
  std::vector<char> shows_row(dataset.rows.size(), 0);
  for (const auto r : scope.rows) shows_row[r] = 1;
  const auto shows_period = [&](std::size_t p) { return contains(scope.periods, p); };

  std::vector<Candidate> shown;
  for (std::size_t i = 0; i < dataset.notes.size(); ++i) {
    const auto& note = dataset.notes[i];
    bool on = true;
    if (note.row) on = on && shows_row[*note.row];
    if (note.period) on = on && shows_period(*note.period);
    if (note.measure)
      on = on && (note.row ? shows_count(*note.measure) : shows_line[*note.measure]);
    if (note.ratio) on = on && shows_line[measures + *note.ratio];
    if (on) shown.push_back({{NoteRef::Kind::written, i}, note.position});
  }
  if (scope.totals) {
    for (std::size_t i = 0; i < dataset.discrepancies.size(); ++i) {
      const auto& d = dataset.discrepancies[i];
      if (shows_period(d.period) && shows_count(d.measure)) {
        shown.push_back({{NoteRef::Kind::discrepancy, i}, d.position});
      }
    }
    for (std::size_t i = 0; i < dataset.partials.size(); ++i) {
      const auto& partial = dataset.partials[i];
      if (shows_period(partial.period) && shows_line[partial.line]) {
        shown.push_back({{NoteRef::Kind::partial, i}, partial.position});
      }
    }
    if (dataset.whole_totals) {
      shown.push_back({{NoteRef::Kind::whole, 0}, dataset.whole_position});
    }
  }
  for (std::size_t i = 0; i < dataset.share_discrepancies.size(); ++i) {
    const auto& printed = dataset.published_shares[dataset.share_discrepancies[i].published];
    const bool where = printed.row ? shows_row[*printed.row] != 0 : scope.totals;
    if (where && shows_period(printed.period) && shows_count(printed.grade)) {
      shown.push_back({{NoteRef::Kind::share, i}, printed.position});
    }
  }
  std::stable_sort(shown.begin(), shown.end(), [](const Candidate& a, const Candidate& b) {
    return std::pair(a.position.line, a.position.column) <
           std::pair(b.position.line, b.position.column);
  });

  for (std::size_t i = 0; i < shown.size(); ++i) {
    const int number = static_cast<int>(i + 1);
    const auto& ref = shown[i].ref;
    notes_.push_back(ref);
    switch (ref.kind) {
      case NoteRef::Kind::written: {
        const auto& note = dataset.notes[ref.index];
        if (note.row && note.period && note.measure) {
          add(cells_[{*note.row, *note.measure, *note.period}], number);
        } else if (note.row) {
          add(rows_[*note.row], number);
        } else if (note.period) {
          add(periods_[*note.period], number);
        } else if (note.measure) {
          add(lines_[*note.measure], number);
        } else if (note.ratio) {
          add(lines_[measures + *note.ratio], number);
        } else {
          add(caption_, number);
        }
        break;
      }
      case NoteRef::Kind::discrepancy: {
        const auto& d = dataset.discrepancies[ref.index];
        add(cells_[{kTotals, d.measure, d.period}], number);
        break;
      }
      case NoteRef::Kind::partial: {
        const auto& partial = dataset.partials[ref.index];
        add(cells_[{kTotals, partial.line, partial.period}], number);
        break;
      }
      case NoteRef::Kind::whole:
        add(whole_, number);
        break;
      case NoteRef::Kind::share: {
        const auto& printed =
            dataset.published_shares[dataset.share_discrepancies[ref.index].published];
        add(shares_[{printed.row.value_or(kTotals), printed.grade, printed.period}], number);
        break;
      }
    }
  }
}

NoteNumbers NoteMarks::line(std::size_t line) const {
  const auto it = lines_.find(line);
  return it == lines_.end() ? NoteNumbers{} : it->second;
}

NoteNumbers NoteMarks::period(std::size_t period) const {
  const auto it = periods_.find(period);
  return it == periods_.end() ? NoteNumbers{} : it->second;
}

NoteNumbers NoteMarks::row(std::size_t row) const {
  const auto it = rows_.find(row);
  return it == rows_.end() ? NoteNumbers{} : it->second;
}

NoteNumbers NoteMarks::count(std::optional<std::size_t> row, std::size_t measure,
                             std::size_t period) const {
  if (cells_.empty()) return {};
  const auto it = cells_.find({row.value_or(kTotals), measure, period});
  return it == cells_.end() ? NoteNumbers{} : it->second;
}

NoteNumbers NoteMarks::ratio(std::optional<std::size_t> row, std::size_t ratio,
                             std::size_t period) const {
  if (cells_.empty()) return {};
  const auto& r = dataset_->ratios[ratio];
  NoteNumbers numbers;
  for (const auto m : {r.numerator, r.denominator}) {
    for (const int n : count(row, m, period)) {
      // A partial total's note belongs to its count: a ratio over partial totals has its own.
      if (notes_[static_cast<std::size_t>(n - 1)].kind != NoteRef::Kind::partial) add(numbers, n);
    }
  }
  if (!row) numbers = merged(numbers, count(row, dataset_->measures.size() + ratio, period));
  return numbers;
}

NoteNumbers NoteMarks::share(std::optional<std::size_t> row, std::size_t grade,
                             std::size_t period) const {
  if (shares_.empty()) return {};
  const auto it = shares_.find({row.value_or(kTotals), grade, period});
  return it == shares_.end() ? NoteNumbers{} : it->second;
}

std::string note_mark(int number) {
  return "※" + std::to_string(number);
}

std::string note_marks(const NoteNumbers& numbers) {
  std::string out;
  for (const int n : numbers) out += note_mark(n);
  return out;
}

}  // namespace hyoka
