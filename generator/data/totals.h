// The totals of a dataset and the ratios of its totals. A total over a missing count is
// missing too, or, when the dataset says `partial_totals = true`, the sum of the present rows,
// marked partial with the rows it leaves out: nothing missing ever counts as zero.
#pragma once

#include "base/diagnostics.h"
#include "data/dataset.h"

namespace hyoka {

// Fills `totals`, `discrepancies` and the partial totals of `partials` from the rows (not when
// the dataset gives the figures of a wider whole); a published total that differs from a
// complete sum is a warning at the published value.
void compute_totals(Dataset& dataset, Diagnostics& diags);

// Fills `total_ratios` from `totals`; with partial totals, each ratio over the rows where both
// of its counts are present, added to `partials` when rows are left out. Then orders
// `partials` by where they are written.
void compute_total_ratios(Dataset& dataset);

}  // namespace hyoka
