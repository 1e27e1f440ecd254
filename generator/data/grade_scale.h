// A grade scale (評価区分): the grades a report gives each project or indicator, best first or
// unordered, with the report's own definition of each, and groups of grades. A dataset declares
// one in [scale]; its grades are counted per area and fiscal year like measures, and each
// grade's share of the whole is computed exactly, with the scale's decimals and rounding, never
// adjusted to add up to 100%. The scale is its own type so that other shapes (KPI indicators
// graded by thresholds) can declare one too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "data/ratio.h"

namespace hyoka {

struct Grade {
  std::string id;
  std::string label;        // 計画通り
  std::string short_label;  // for charts; defaults to label
  std::string symbol;       // A, ◎; may be empty
  std::string definition;   // as the report states it: 目標を達成
  // A grade outside the order, such as X 「実績値がなく判定できない」: drawn last, in grey.
  bool special = false;
};

struct GradeGroup {
  std::string id;
  std::string label;                // 改善を検討
  std::vector<std::size_t> grades;  // indices into GradeScale::grades, in scale order
};

struct GradeScale {
  std::string label;  // what the grades are called: 評価区分
  bool ordered = true;
  int decimals = 1;
  Rounding rounding = Rounding::half_up;
  std::vector<Grade> grades;  // ordered scales best first; special grades last
  std::vector<GradeGroup> groups;
  // The measure the grades must add up to (評価対象事業数), or none: the whole is their sum.
  std::optional<std::size_t> total;

  std::vector<std::string> ids() const;
  std::optional<std::size_t> index(const std::string& id) const;
};

// A share as the source prints it ("52.3" → 523 at 1 decimal), for a row or the totals.
struct PublishedShare {
  std::optional<std::size_t> row;  // index into Dataset::rows; none for the totals
  std::size_t grade = 0;
  std::size_t period = 0;
  unsigned __int128 scaled = 0;
  int decimals = 0;
  Position position;
};

// A printed share that is not the share its counts give, rounded the dataset's way to the
// printed decimals. The page shows the computed share and a note with the printed one.
struct ShareDiscrepancy {
  std::size_t published = 0;  // index into Dataset::published_shares
  RatioValue computed;        // at the printed decimals
};

// "52.3" (a TOML string or number, as written in the file) → the digits and decimals; nullopt
// when it is not a plain decimal from 0 to 100.
std::optional<std::pair<unsigned __int128, int>> parse_share(std::string_view text);

}  // namespace hyoka
