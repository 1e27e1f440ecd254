// A KPI dataset (成果指標・重要業績評価指標): per area, indicators with a baseline, a target and
// an actual value per fiscal year, each year's achievement computed by the dataset's declared
// rule (data/achievement.h) and graded by its thresholds into its [scale]. The grades are then
// counted per area as a grade dataset's rows, so that the grade tables and charts serve both
// shapes. The format is documented in docs/reference.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/source_text.h"
#include "data/achievement.h"
#include "data/decimal.h"

namespace hyoka {

// A figure as the source prints it, or missing for a declared reason; never a zero.
struct KpiValue {
  std::optional<Decimal> value;
  std::uint16_t missing = 0;  // 0 when present; else 1 + its index into Dataset::reasons
  Position position;
};

// [achievement]: how a rate is computed and graded.
struct KpiRule {
  AchievementRule rule;
  bool exact = false;                 // thresholds compare the unrounded rate
  std::vector<Threshold> thresholds;  // grade ids in scale order, best first
  std::size_t no_rate = 0;            // the special grade of a year without a rate
};

// A rate or a grade as the source prints it for one fiscal year.
struct PublishedRate {
  Decimal rate;  // a percentage, with its printed decimals
  Position position;
};
struct PublishedGrade {
  std::size_t grade = 0;  // index into GradeScale::grades
  Position position;
};

struct Indicator {
  std::string id;
  std::string name;
  std::string unit;     // %, 人, 件, 千円 …
  std::size_t row = 0;  // index into Dataset::rows: the indicator's area
  bool lower_is_better = false;
  KpiValue baseline;
  int baseline_year = 0;
  std::optional<KpiValue> target;  // the final target
  int target_year = 0;
  std::vector<KpiValue> targets;                                // one per period, or empty
  std::vector<KpiValue> actuals;                                // one per period
  std::vector<std::optional<PublishedRate>> published_rates;    // per period
  std::vector<std::optional<PublishedGrade>> published_grades;  // per period
  Position position;                                            // of its [[indicators]] table

  // Computed when the dataset is read, per period.
  std::vector<Achievement> achieved;
  std::vector<std::size_t> grades;  // index into GradeScale::grades

  // The inputs of the rule for one period.
  IndicatorYear year(const KpiRule& rule, std::size_t period) const;
};

// A printed rate or grade that is not what the declared rule gives: a warning at the printed
// figure, and the page shows the computed one with a note.
struct KpiDiscrepancy {
  std::size_t indicator = 0;
  std::size_t period = 0;
  bool grade = false;  // a printed grade; else a printed rate
  Position position;
};

struct Kpi {
  KpiRule rule;
  std::vector<Indicator> indicators;          // in the order written
  std::vector<KpiDiscrepancy> discrepancies;  // by indicator, then period
  // Each row's indicators (indexes into `indicators`), in the order written: an area page
  // looks up its own, not all of them (a scan per page took half of a 10,000-area build).
  std::vector<std::vector<std::size_t>> by_row;
};

// Why a year has no rate, as messages and notes say it.
std::string no_rate_reason(NoRate why);

}  // namespace hyoka
