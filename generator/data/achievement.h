// How far a KPI indicator got: the achievement rate by the formula its dataset declares, and the
// grade its thresholds give. Exact (data/decimal.h); a case with no rate (no actual value, a
// target of zero, a target equal to its baseline) says why instead of dividing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/decimal.h"

namespace hyoka {

enum class AchievementFormula {
  final_target,   // actual ÷ the final target
  year_target,    // actual ÷ that year's target
  from_baseline,  // (actual − baseline) ÷ (target − baseline)
};

std::optional<AchievementFormula> parse_achievement_formula(const std::string& name);
std::string achievement_formula_name(AchievementFormula formula);

struct AchievementRule {
  AchievementFormula formula = AchievementFormula::final_target;
  int decimals = 1;
  Rounding rounding = Rounding::half_up;
};

// One indicator in one year. `target` is the final target or that year's, as the formula asks.
struct IndicatorYear {
  std::optional<Decimal> baseline;
  std::optional<Decimal> target;
  std::optional<Decimal> actual;
  bool lower_is_better = false;
};

// Why an indicator has no rate in a year; `none` when it has one.
enum class NoRate {
  none,
  no_actual,
  no_target,
  target_zero,
  actual_zero,
  target_is_baseline,
  no_baseline
};

struct Achievement {
  std::optional<Percentage> rate;
  NoRate why_none = NoRate::none;
};

// The ratio formulas are inverted for lower-is-better indicators (target ÷ actual); progress from
// the baseline needs no inversion (its denominator's sign carries the direction).
Achievement achievement(const AchievementRule& rule, const IndicatorYear& year);

// A grade's lower bound, best first: {"A", 100}, {"B", 80}, {"C", 50}; the last grade of a
// scale may have none (everything below).
struct Threshold {
  std::string grade;
  std::optional<Decimal> at_least;  // a percentage
};

// The grade of a rate: the first whose bound it reaches. `exact` compares the unrounded rate
// (the rule's decimals then only shape what is printed); otherwise the rounded one, as most
// reports do. nullopt when no threshold takes it (a scale with a bound on its last grade).
std::optional<std::string> grade_of(const std::vector<Threshold>& thresholds,
                                    const AchievementRule& rule, const IndicatorYear& year,
                                    const Achievement& achieved, bool exact);

}  // namespace hyoka
