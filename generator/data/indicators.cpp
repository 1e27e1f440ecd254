#include "data/indicators.h"

namespace hyoka {

namespace {

std::optional<Decimal> value_of(const KpiValue& figure) {
  return figure.value;
}

}  // namespace

IndicatorYear Indicator::year(const KpiRule& rule, std::size_t period) const {
  IndicatorYear out;
  out.lower_is_better = lower_is_better;
  out.baseline = value_of(baseline);
  out.actual = value_of(actuals[period]);
  if (rule.rule.formula == AchievementFormula::year_target) {
    out.target = value_of(targets[period]);
  } else if (target) {
    out.target = value_of(*target);
  }
  return out;
}

std::string no_rate_reason(NoRate why) {
  switch (why) {
    case NoRate::none:
      return "";
    case NoRate::no_actual:
      return "no actual value";
    case NoRate::no_target:
      return "no target";
    case NoRate::target_zero:
      return "a target of 0";
    case NoRate::actual_zero:
      return "an actual value of 0 for a lower-is-better indicator";
    case NoRate::target_is_baseline:
      return "a target equal to its baseline";
    case NoRate::no_baseline:
      return "no baseline";
  }
  return "";
}

}  // namespace hyoka
