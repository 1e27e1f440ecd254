// Checks of a dataset against itself: bounds between measures, sums, and totals as printed in
// the source. Errors where the data cannot be right; warnings where the source disagrees with
// its own rows, so the page can show both figures.
#pragma once

#include "base/diagnostics.h"
#include "data/dataset.h"

namespace hyoka {

// `at_most` and `sum_of`, for every row and period, reported at the offending count.
void check_counts(const Dataset& dataset, Diagnostics& diags);

// Fills `totals` and `discrepancies`; a published total that differs is a warning at the
// published value.
void compute_totals(Dataset& dataset, Diagnostics& diags);

}  // namespace hyoka
