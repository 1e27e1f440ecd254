// Checks across datasets: a measure declared `same_as = "<dataset>.<measure>"` must agree with
// that measure for every area and fiscal year both have, where both counts are present. A
// disagreement is an error at both files, as neither can be told to be the wrong one.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "data/dataset.h"

namespace hyoka {

// `ids` are every dataset's, including those that failed to load (no message names them).
void check_same_as(const std::vector<Dataset>& datasets, const std::vector<std::string>& ids,
                   Diagnostics& diags);

}  // namespace hyoka
