// A dataset's rows from a CSV file beside it (`rows = "achievement.csv"`): one line per area
// and fiscal year, columns found by their headings, so that a sheet kept in Excel, and the CSV
// hyoka publishes, can be read as they are. README and docs/ja/ describe the format.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "data/dataset.h"

namespace hyoka {

// The headings that name the area and the fiscal year; `area_label` is site.toml's.
std::vector<std::string> area_headings(const std::string& area_label);
std::vector<std::string> period_headings();

// Reads `csv` (already decoded) into `dataset.rows`, in the order the areas first appear, with
// every position in `csv`. With `periods_given` false, the fiscal years are those of the CSV.
// False when it found a problem (reported).
bool read_csv_rows(const SourceText& csv, Dataset& dataset, bool periods_given,
                   const std::string& area_label, Diagnostics& diags);

}  // namespace hyoka
