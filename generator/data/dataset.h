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
#include "config/missing_reason.h"
#include "data/grade_scale.h"
#include "data/indicators.h"
#include "data/ratio.h"

namespace hyoka {

struct Measure {
  std::string id;
  std::string label;
  std::string short_label;          // for charts, where space is short; defaults to label
  std::string at_most;              // another measure's id, or empty
  std::vector<std::string> sum_of;  // other measures' ids
  std::string same_as;              // "<dataset>.<measure>" it must agree with, or empty
  Position same_as_position;
};

struct Ratio {
  std::string id;
  std::string label;
  std::size_t numerator = 0;    // index into Dataset::measures
  std::size_t denominator = 0;  // index into Dataset::measures
  int decimals = 1;
  Rounding rounding = Rounding::truncate;
};

// A count as the source gives it: a whole number from 0, or missing for a declared reason.
// Nothing reads `value` of a missing count: it is never a zero.
struct Count {
  std::int64_t value = 0;
  std::uint16_t missing = 0;  // 0 when present; else 1 + its index into Dataset::reasons
  bool partial = false;       // a total over the present rows only (partial_totals = true)
  bool present() const { return missing == 0; }
};

// Counts are indexed [measure][period] throughout.
using Counts = std::vector<std::vector<Count>>;

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
  Position position;  // of the printed figure
};

// A total or a ratio of the totals computed over the rows where its counts are present, as
// `partial_totals = true` asks: marked on the page with a note that names the rows left out.
struct PartialTotal {
  std::size_t line = 0;  // a measure, or measures.size() + a ratio
  std::size_t period = 0;
  std::vector<std::size_t> left_out;  // indices into rows, in order
  Position position;                  // of the first missing count left out
};

// A 「※」 note of the source. What it refers to decides where its mark goes: nothing (the
// dataset), a measure or a ratio (its line), an area (its row), a fiscal year (its column), or
// an area, a fiscal year and a measure together (one count).
struct Note {
  std::string text;
  std::optional<std::size_t> measure;  // index into measures
  std::optional<std::size_t> ratio;    // index into ratios
  std::optional<std::size_t> row;      // index into rows
  std::optional<std::size_t> period;   // index into periods
  Position position;                   // of the [[notes]] table
};

// A ratio as shown: its value and the counts it comes from, or why it has none.
struct RatioFigure {
  RatioValue value;  // defined when both counts are present and the denominator is above 0
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  std::uint16_t missing = 0;  // a count it needs is missing: that count's reason, as in Count
  bool partial = false;       // over the rows where both counts are present
  bool present() const { return missing == 0; }
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
  std::vector<int> periods;  // fiscal years, ascending, with or without gaps
  std::vector<Measure> measures;
  std::vector<Ratio> ratios;
  std::vector<Row> rows;
  std::vector<MissingReason> reasons;  // the site's, then the dataset's own
  std::vector<Note> notes;             // in the order written
  bool partial_totals = false;         // totals over a missing count: of the present rows
  std::shared_ptr<const SourceText> source;
  // The CSV of `rows_file`, which the rows' positions point into; null when they are in `source`.
  std::shared_ptr<const SourceText> rows_source;
  std::optional<RowsFile> rows_file;

  // What the pages show as totals: the sums of the rows (missing, or partial, where a row's
  // count is missing), or the figures of the whole when [whole_totals] gives them.
  Counts totals;
  std::vector<std::vector<std::optional<PublishedTotal>>> published;  // [measure][period]
  std::vector<Discrepancy> discrepancies;
  std::vector<std::vector<RatioFigure>> total_ratios;  // [ratio][period], as total_ratio() gives
  std::vector<PartialTotal> partials;                  // ordered by position
  // [whole_totals]: the totals are of a wider whole than the rows (the whole plan, with areas
  // the site does not publish). Shown as they are, with this note; never a discrepancy.
  bool whole_totals = false;
  std::string whole_note;  // as written, or empty for the standard note
  Position whole_position;

  // A dataset of judgement grades: its first scale->grades.size() measures are the grades, in
  // scale order, then the measures it declares (such as the total the grades add up to).
  std::optional<GradeScale> scale;
  std::vector<PublishedShare> published_shares;  // in the order written
  std::vector<ShareDiscrepancy> share_discrepancies;

  // A KPI dataset: its indicators, graded into `scale`; `rows` then count the grades.
  std::optional<Kpi> kpi;

  // The text the rows' positions are in.
  const SourceText& rows_text() const { return rows_source ? *rows_source : *source; }

  std::optional<std::size_t> measure_index(const std::string& id) const;
  std::vector<std::string> measure_ids() const;
  const MissingReason& reason(std::uint16_t missing) const { return reasons[missing - 1]; }

  // A ratio from one row's counts (or any counts laid out alike): missing when a count is.
  RatioFigure ratio(const Ratio& r, const Counts& counts, std::size_t period) const;
  // A ratio of the totals: with partial totals, over the rows where both counts are present.
  RatioFigure total_ratio(const Ratio& r, std::size_t period) const;

  // A count or a ratio as tables show it: "1,234", "76.9%", "−", or a missing value's symbol.
  std::string shown(const Count& count) const;
  std::string shown(const RatioFigure& ratio) const;

  // The totals as the source printed them where it did, else the totals.
  Counts published_counts() const;

  // Grades: the whole a share is of (the declared total, else the sum of the grades; missing
  // when a count it needs is), one grade's or group's count, and its share of the whole.
  Count grade_whole(const Counts& counts, std::size_t period) const;
  Count group_count(const Counts& counts, const GradeGroup& group, std::size_t period) const;
  RatioFigure share(const Count& part, const Counts& counts, std::size_t period) const;
  RatioFigure share(const Counts& counts, std::size_t grade, std::size_t period) const {
    return share(counts[grade][period], counts, period);
  }
};

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

// Without `files`, a CSV named by `rows` cannot be read. `site_reasons` are site.toml's
// [[missing]].
std::optional<Dataset> parse_dataset(const SourceText& source, std::string id, Diagnostics& diags,
                                     const RowsFileReader* files = nullptr,
                                     const std::vector<MissingReason>& site_reasons = {});
// Datasets from the given files, sorted by id; the id is the file name without .toml. Every
// file of `csv_paths` that no dataset reads is warned about. Then the checks across datasets
// (same_as), which report at both files.
std::vector<Dataset> load_datasets(const FileSystem& fs, const std::vector<std::string>& paths,
                                   Diagnostics& diags, const std::string& area_label = "分野",
                                   const std::vector<std::string>& csv_paths = {},
                                   const std::vector<MissingReason>& site_reasons = {});

}  // namespace hyoka
