#include "data/achievement.h"

namespace hyoka {

namespace {

struct Fraction {
  Decimal numerator, denominator;
};

// The rate as a fraction before it is a percentage, or why there is none.
std::variant<Fraction, NoRate> fraction(const AchievementRule& rule, const IndicatorYear& year) {
  if (!year.actual) return NoRate::no_actual;
  if (!year.target) return NoRate::no_target;
  const Decimal zero{};
  if (rule.formula == AchievementFormula::from_baseline) {
    if (!year.baseline) return NoRate::no_baseline;
    if (compare(*year.target, *year.baseline) == 0) return NoRate::target_is_baseline;
    return Fraction{*year.actual - *year.baseline, *year.target - *year.baseline};
  }
  if (year.lower_is_better) {
    if (compare(*year.actual, zero) == 0) return NoRate::actual_zero;
    return Fraction{*year.target, *year.actual};
  }
  if (compare(*year.target, zero) == 0) return NoRate::target_zero;
  return Fraction{*year.actual, *year.target};
}

__int128 power_of_ten(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// Whether numerator ÷ denominator × 100 reaches `bound`, exactly: cross-multiplied in integers.
bool reaches(const Fraction& f, const Decimal& bound) {
  const auto a = f.numerator.digits * power_of_ten(f.denominator.decimals);
  auto b = f.denominator.digits * power_of_ten(f.numerator.decimals);
  auto left = a * 100 * power_of_ten(bound.decimals);
  auto right = bound.digits * b;
  if (b < 0) {  // dividing by a negative turns the comparison round
    left = -left;
    right = -right;
  }
  return left >= right;
}

}  // namespace

std::optional<AchievementFormula> parse_achievement_formula(const std::string& name) {
  if (name == "actual / final target") return AchievementFormula::final_target;
  if (name == "actual / year target") return AchievementFormula::year_target;
  if (name == "progress from baseline") return AchievementFormula::from_baseline;
  return std::nullopt;
}

std::string achievement_formula_name(AchievementFormula formula) {
  switch (formula) {
    case AchievementFormula::final_target:
      return "actual / final target";
    case AchievementFormula::year_target:
      return "actual / year target";
    case AchievementFormula::from_baseline:
      return "progress from baseline";
  }
  return "actual / final target";
}

Achievement achievement(const AchievementRule& rule, const IndicatorYear& year) {
  const auto f = fraction(rule, year);
  if (const auto* why = std::get_if<NoRate>(&f)) return {std::nullopt, *why};
  const auto& [numerator, denominator] = std::get<Fraction>(f);
  return {percentage(numerator, denominator, rule.decimals, rule.rounding), NoRate::none};
}

std::optional<std::string> grade_of(const std::vector<Threshold>& thresholds,
                                    const AchievementRule& rule, const IndicatorYear& year,
                                    const Achievement& achieved, bool exact) {
  if (!achieved.rate) return std::nullopt;
  const auto f = fraction(rule, year);
  for (const auto& threshold : thresholds) {
    if (!threshold.at_least) return threshold.grade;
    const bool reached = exact ? reaches(std::get<Fraction>(f), *threshold.at_least)
                               : compare(Decimal{achieved.rate->scaled, achieved.rate->decimals},
                                         *threshold.at_least) >= 0;
    if (reached) return threshold.grade;
  }
  return std::nullopt;
}

}  // namespace hyoka
