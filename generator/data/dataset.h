// content/data/<id>.toml → Dataset: counts per area and fiscal year, validated, with totals
// and ratios computed from the integers; the rows in the TOML or in a CSV file beside it. The
// format is documented in docs/reference.md and docs/ja/.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_text.h"
#include "data/ratio.h"

namespace hyoka {

struct Measure {
  std::string id;
  std::string label;
  std::string short_label;          // for charts, where space is short; defaults to label
  std::string at_most;              // another measure's id, or empty
  std::vector<std::string> sum_of;  // other measures' ids
};

struct Ratio {
  std::string id;
  std::string label;
  std::size_t numerator = 0;    // index into Dataset::measures
  std::size_t denominator = 0;  // index into Dataset::measures
  int decimals = 1;
  Rounding rounding = Rounding::truncate;
};

// Counts are indexed [measure][period] throughout.
using Counts = std::vector<std::vector<std::int64_t>>;

struct Row {
  std::string area;
  Position area_position;
  Counts values;
  std::vector<std::vector<Position>> positions;  // where each count is written
};

struct PublishedTotal {
  std::int64_t value = 0;
  Position position;
};

// A total printed in the source that is not the sum of its rows. The page shows the sum and a
// note with the printed figure: the data is never silently corrected or hidden.
struct Discrepancy {
  std::size_t measure = 0;
  std::size_t period = 0;
  std::int64_t published = 0;
  std::int64_t computed = 0;
};

// A CSV file that holds a dataset's rows (`rows = "achievement.csv"`), as it was read.
struct RowsFile {
  std::string path;       // as the build reads it: content/data/achievement.csv
  std::string encoding;   // "UTF-8 with BOM", "UTF-8" or "CP932 (Shift_JIS)"
  std::size_t lines = 0;  // lines of data, headings and blank lines aside
};

struct Dataset {
  std::string id;
  std::string title;
  std::string description;
  std::string unit;
  std::vector<int> periods;  // fiscal years, ascending
  std::vector<Measure> measures;
  std::vector<Ratio> ratios;
  std::vector<Row> rows;
  std::shared_ptr<const SourceText> source;
  // The CSV of `rows_file`, which the rows' positions point into; null when they are in `source`.
  std::shared_ptr<const SourceText> rows_source;
  std::optional<RowsFile> rows_file;

  Counts totals;                                                      // sums of the rows
  std::vector<std::vector<std::optional<PublishedTotal>>> published;  // [measure][period]
  std::vector<Discrepancy> discrepancies;

  // The text the rows' positions are in.
  const SourceText& rows_text() const { return rows_source ? *rows_source : *source; }

  std::optional<std::size_t> measure_index(const std::string& id) const;
  std::vector<std::string> measure_ids() const;
  RatioValue ratio(const Ratio& r, const Counts& counts, std::size_t period) const;

  // The totals as the source printed them where it did, else the sums of the rows.
  Counts published_counts() const;
  // Note marks (※1, ※2 … in the order of `discrepancies`) for every line of a totals table,
  // measures then ratios, by period. A ratio is marked wherever its numerator or
  // denominator is, and a line may carry several marks.
  std::vector<std::vector<std::string>> discrepancy_marks() const;
};

// "※1" for the first discrepancy.
std::string discrepancy_mark(std::size_t index);

// What a dataset may read besides its own text: the CSV file its rows may come from.
struct RowsFileReader {
  // The bytes of a file beside the dataset, by its path (the dataset's folder and the name).
  std::function<Result<std::string>(const std::string& path)> read;
  // Told the path of every CSV file a dataset names, read or not (a dataset with a problem
  // does not read it), so that only files no dataset names are warned about.
  std::function<void(const std::string& path)> named;
  // The site's CSV files, for "did you mean" when a dataset names one that is not there.
  std::vector<std::string> csv_paths;
  // site.toml's: a CSV's area column may be headed "<area_label>ID", as hyoka's own CSV is.
  std::string area_label = "分野";
};

// Without `files`, a CSV named by `rows` cannot be read.
std::optional<Dataset> parse_dataset(const SourceText& source, std::string id, Diagnostics& diags,
                                     const RowsFileReader* files = nullptr);
// Datasets from the given files, sorted by id; the id is the file name without .toml. Every
// file of `csv_paths` that no dataset reads is warned about.
std::vector<Dataset> load_datasets(const FileSystem& fs, const std::vector<std::string>& paths,
                                   Diagnostics& diags, const std::string& area_label = "分野",
                                   const std::vector<std::string>& csv_paths = {});

}  // namespace hyoka
