// Checks of a dataset against itself: bounds between measures, sums, the figures of a wider
// whole against the rows. A missing count is never checked, and never counts as zero.
#pragma once

#include "base/diagnostics.h"
#include "data/dataset.h"

namespace hyoka {

// `at_most` and `sum_of`, for every row and period, reported at the offending count.
void check_counts(const Dataset& dataset, Diagnostics& diags);

// [whole_totals]: `at_most` and `sum_of` among them, and each at least the sum of the rows
// (a whole holds its parts).
void check_whole_totals(const Dataset& dataset, const Counts& whole,
                        const std::vector<std::vector<Position>>& positions, Diagnostics& diags);

// The grades of each row and of the totals add up within 64 bits (an error at the grade that
// overflows), so that a whole never wraps.
void check_grade_sums(const Dataset& dataset, Diagnostics& diags);

// Each share the source prints against the share its counts give, rounded the scale's way to
// the printed decimals: a warning at the printed figure, and a ShareDiscrepancy for the page.
void check_published_shares(Dataset& dataset, Diagnostics& diags);

}  // namespace hyoka
