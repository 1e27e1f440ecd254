#include "data/achievement_rule_reader.h"

#include <algorithm>

#include "base/spellcheck.h"
#include "data/kpi_values.h"

namespace hyoka {

namespace {

constexpr std::int64_t kMaxDecimals = 4;

// [achievement.at_least]: a bound for every ordered grade but the last, which takes the rest.
std::optional<std::vector<Threshold>> read_thresholds(TomlReader& reader, const SourceText& source,
                                                      const toml::table& achievement,
                                                      const GradeScale& scale) {
  const auto* table = reader.get_table(achievement, "at_least", Need::required);
  if (!table) return std::nullopt;
  std::vector<std::string> ordered;
  for (const auto& g : scale.grades) {
    if (!g.special) ordered.push_back(g.id);
  }
  if (ordered.empty()) {
    reader.error(reader.position(*table),
                 "a rate is graded into the scale's grades that are not special: declare at least "
                 "one without special = true");
    return std::nullopt;
  }
  struct Bound {
    std::size_t index;  // into `ordered`
    std::string grade;
    Decimal at_least;
    Position position;
  };
  std::vector<Bound> bounds;
  bool ok = true;
  for (const auto& key : reader.keys_in_order(*table)) {
    const auto& node = table->at(key);
    const auto at = reader.key_position(node, key);
    const auto grade = scale.index(key);
    const auto index =
        static_cast<std::size_t>(std::find(ordered.begin(), ordered.end(), key) - ordered.begin());
    if (!grade) {
      reader.error(at, "unknown grade \"" + key + "\" in [achievement.at_least]" +
                           did_you_mean(key, ordered));
    } else if (scale.grades[*grade].special) {
      reader.error(at, "\"" + key +
                           "\" is a special grade: it is given where there is no rate (no_rate), "
                           "never by a bound");
    } else if (index + 1 == ordered.size()) {
      reader.error(at, "\"" + key +
                           "\" is the scale's last grade: it takes every rate below the bound "
                           "before it, so it has no bound");
    } else {
      auto parsed = decimal_of(source, reader, node);
      const auto* bound = std::get_if<Decimal>(&parsed);
      const auto problem = bound ? beyond_limits(*bound, kMaxBoundDigits) : std::nullopt;
      if (bound && !problem) {
        bounds.push_back({index, key, *bound, reader.position(node)});
        continue;
      }
      if (problem) {
        reader.error(reader.position(node), "a bound " + *problem);
        ok = false;
        continue;
      }
      reader.error(reader.position(node), "a bound is a percentage such as 80 or \"99.5\": " +
                                              std::get<std::string>(parsed));
    }
    ok = false;
  }
  if (!ok) return std::nullopt;
  for (std::size_t i = 1; i < bounds.size(); ++i) {
    if (bounds[i].index > bounds[i - 1].index) continue;
    reader.error(reader.key_position(table->at(bounds[i].grade), bounds[i].grade),
                 "the bounds follow the scale's order, best first: \"" + bounds[i].grade +
                     "\" comes before \"" + bounds[i - 1].grade + "\"");
    return std::nullopt;
  }
  for (std::size_t g = 0; g + 1 < ordered.size(); ++g) {
    if (g < bounds.size() && bounds[g].index == g) continue;
    reader.error(reader.position(*table),
                 "grade \"" + ordered[g] +
                     "\" has no bound: every grade but the last needs one, in the scale's order");
    return std::nullopt;
  }
  std::vector<Threshold> out;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    if (i > 0 && compare(bounds[i].at_least, bounds[i - 1].at_least) >= 0) {
      reader.error(bounds[i].position, "the bound of \"" + bounds[i].grade + "\" (" +
                                           format_decimal(bounds[i].at_least) +
                                           "%) must be below that of \"" + bounds[i - 1].grade +
                                           "\" (" + format_decimal(bounds[i - 1].at_least) + "%)");
      return std::nullopt;
    }
    out.push_back({bounds[i].grade, bounds[i].at_least});
  }
  out.push_back({ordered.back(), std::nullopt});
  return out;
}

}  // namespace

std::optional<KpiRule> read_achievement_rule(TomlReader& reader, const SourceText& source,
                                             const toml::table& doc, const GradeScale& scale) {
  const int errors_before = reader.errors();
  const auto* table = reader.get_table(doc, "achievement", Need::required);
  if (!table) return std::nullopt;
  reader.check_keys(*table, {"formula", "decimals", "rounding", "graded_on", "at_least", "no_rate"},
                    "[achievement]");
  KpiRule out;
  if (!scale.ordered) {
    reader.error(reader.key_position(*doc.get("achievement"), "achievement"),
                 "indicators are graded by bounds, best first, so their scale is ordered: leave "
                 "out ordered = false");
  }
  if (const auto formula = reader.get_string(*table, "formula", Need::required)) {
    if (const auto parsed = parse_achievement_formula(*formula)) {
      out.rule.formula = *parsed;
    } else {
      std::vector<std::string> names;
      for (const auto f : {AchievementFormula::final_target, AchievementFormula::year_target,
                           AchievementFormula::from_baseline}) {
        names.push_back(achievement_formula_name(f));
      }
      reader.error(reader.position(table->at("formula")),
                   "unknown formula \"" + *formula + "\"" + did_you_mean(*formula, names));
    }
  }
  if (const auto decimals = reader.get_integer(*table, "decimals", Need::optional)) {
    if (*decimals < 0 || *decimals > kMaxDecimals) {
      reader.error(reader.position(table->at("decimals")), "decimals must be from 0 to 4");
    } else {
      out.rule.decimals = static_cast<int>(*decimals);
    }
  }
  if (const auto rounding = reader.get_string(*table, "rounding", Need::optional)) {
    if (const auto parsed = parse_rounding(*rounding)) {
      out.rule.rounding = *parsed;
    } else {
      reader.error(reader.position(table->at("rounding")),
                   "unknown rounding \"" + *rounding + "\"" +
                       did_you_mean(*rounding, {"truncate", "half-up", "half-even"}));
    }
  }
  if (const auto on = reader.get_string(*table, "graded_on", Need::optional)) {
    if (*on == "exact" || *on == "rounded") {
      out.exact = *on == "exact";
    } else {
      reader.error(reader.position(table->at("graded_on")),
                   "graded_on is \"rounded\" (the rate as printed) or \"exact\", not \"" + *on +
                       "\"" + did_you_mean(*on, {"rounded", "exact"}));
    }
  }
  if (const auto name = reader.get_string(*table, "no_rate", Need::required)) {
    std::vector<std::string> special;
    for (const auto& g : scale.grades) {
      if (g.special) special.push_back(g.id);
    }
    const auto grade = scale.index(*name);
    if (grade && scale.grades[*grade].special) {
      out.no_rate = *grade;
    } else if (special.empty()) {
      reader.error(reader.position(table->at("no_rate")),
                   "no_rate names the special grade of a year without a rate: declare one in "
                   "[scale.grades] with special = true");
    } else {
      reader.error(
          reader.position(table->at("no_rate")),
          (grade ? "\"" + *name + "\" is not a special grade" : "unknown grade \"" + *name + "\"") +
              did_you_mean(*name, special));
    }
  }
  if (scale.ordered) {
    if (auto thresholds = read_thresholds(reader, source, *table, scale)) {
      out.thresholds = std::move(*thresholds);
    }
  }
  if (reader.errors() > errors_before) return std::nullopt;
  return out;
}

}  // namespace hyoka
