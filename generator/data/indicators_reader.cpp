#include "data/indicators_reader.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "base/identifier.h"
#include "base/spellcheck.h"

namespace hyoka {

namespace {

constexpr int kFirstYear = 1868;  // 明治元年, as periods
constexpr int kLastYear = 9999;
constexpr std::int64_t kMaxDecimals = 4;

// A TOML number as written, up to the next delimiter: 87.5, but 8.75e1 or 0x57 whole, which
// parse_toml_number_text then refuses. toml++ has already turned it into a double; this reads
// the digits the user typed instead.
std::string number_text(const SourceText& source, Position position) {
  std::string text;
  const auto& all = source.text();
  for (auto at = source.offset_of(position);
       at < all.size() && (std::isalnum(static_cast<unsigned char>(all[at])) ||
                           std::string_view(".-+_").find(all[at]) != std::string_view::npos);
       ++at) {
    text += all[at];
  }
  return text;
}

std::optional<std::uint16_t> reason_of(const std::string& text,
                                       const std::vector<MissingReason>& reasons) {
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    if (reasons[i].label == text) return static_cast<std::uint16_t>(i + 1);
  }
  return std::nullopt;
}

std::vector<std::string> reason_labels(const std::vector<MissingReason>& reasons) {
  std::vector<std::string> labels;
  for (const auto& r : reasons) labels.push_back(r.label);
  return labels;
}

// A decimal as printed: a string (「1,234」, 「▲12」) or a TOML number read from its text. The
// error names what was written: `"1,100人" is not a number`.
std::variant<Decimal, std::string> decimal_of(const SourceText& source, const TomlReader& reader,
                                              const toml::node& node) {
  std::variant<Decimal, std::string> parsed;
  std::string written;
  if (const auto* str = node.as_string()) {
    written = "\"" + str->get() + "\"";
    parsed = parse_decimal(str->get());
  } else if (node.is_integer() || node.is_floating_point()) {
    written = number_text(source, reader.position(node));
    parsed = parse_toml_number_text(written);
  } else {
    return "a figure is a string as printed, such as \"87.5\", or a number, not " +
           describe_type(node.type());
  }
  if (auto* error = std::get_if<std::string>(&parsed)) *error = written + " " + *error;
  return parsed;
}

// Within these, every step of a rate (a difference, a percentage, a bound compared exactly by
// cross-multiplying) stays far inside 128 bits; a report prints nothing larger.
constexpr int kMaxValueDigits = 15;
constexpr int kMaxBoundDigits = 9;
constexpr int kMaxValueDecimals = 4;

std::optional<std::string> beyond_limits(const Decimal& value, int max_digits) {
  if (value.decimals > kMaxValueDecimals) {
    return "has more than " + std::to_string(kMaxValueDecimals) + " decimals";
  }
  __int128 limit = 1;
  for (int i = 0; i < max_digits; ++i) limit *= 10;
  if (value.digits >= limit || value.digits <= -limit) {
    return "has more than " + std::to_string(max_digits) + " digits";
  }
  return std::nullopt;
}

// A value, or the reason it is missing.
std::optional<KpiValue> read_value(TomlReader& reader, const SourceText& source,
                                   const toml::node& node,
                                   const std::vector<MissingReason>& reasons) {
  KpiValue value;
  value.position = reader.position(node);
  if (const auto* str = node.as_string()) {
    if (const auto missing = reason_of(str->get(), reasons)) {
      value.missing = *missing;
      return value;
    }
  }
  auto parsed = decimal_of(source, reader, node);
  if (auto* decimal = std::get_if<Decimal>(&parsed)) {
    if (const auto problem = beyond_limits(*decimal, kMaxValueDigits)) {
      reader.error(value.position, "a value " + *problem);
      return std::nullopt;
    }
    value.value = *decimal;
    return value;
  }
  auto message = std::get<std::string>(parsed);
  if (node.is_string() && reasons.empty()) {
    message += "; to leave a value out, declare its reason under [[missing]]";
  } else if (node.is_string()) {
    message += ", nor a missing value's reason" +
               did_you_mean(node.as_string()->get(), reason_labels(reasons));
  }
  reader.error(value.position, message);
  return std::nullopt;
}

// One value per period.
std::optional<std::vector<KpiValue>> read_values(TomlReader& reader, const SourceText& source,
                                                 const toml::node& node, const std::string& name,
                                                 std::size_t periods,
                                                 const std::vector<MissingReason>& reasons) {
  const auto* array = node.as_array();
  if (!array) {
    reader.error(reader.position(node), "\"" + name +
                                            "\" must be an array with one value per period, not " +
                                            describe_type(node.type()));
    return std::nullopt;
  }
  bool ok = true;
  if (array->size() != periods) {
    reader.error(
        reader.position(node),
        "\"" + name + "\" has " + std::to_string(array->size()) + " value" +
            (array->size() == 1 ? "" : "s") + " but there " +
            (periods == 1 ? "is 1 period" : "are " + std::to_string(periods) + " periods"));
    ok = false;
  }
  std::vector<KpiValue> figures;
  for (const auto& item : *array) {
    auto figure = read_value(reader, source, item, reasons);
    ok = ok && figure;
    figures.push_back(figure.value_or(KpiValue{}));
  }
  if (!ok) return std::nullopt;
  return figures;
}

std::optional<int> read_year(TomlReader& reader, const toml::table& spec) {
  const auto year = reader.get_integer(spec, "year", Need::required);
  if (!year) return std::nullopt;
  if (*year < kFirstYear || *year > kLastYear) {
    reader.error(reader.position(spec.at("year")),
                 "a year is a fiscal year such as 2019, not " + std::to_string(*year));
    return std::nullopt;
  }
  return static_cast<int>(*year);
}

// `baseline = { value = "12", year = 2019 }`, and the final target alike.
std::optional<std::pair<KpiValue, int>> read_dated(TomlReader& reader, const SourceText& source,
                                                   const toml::node& node, const std::string& name,
                                                   const std::vector<MissingReason>& reasons) {
  if (!node.is_table()) {
    reader.error(reader.position(node), name +
                                            " must be a table such as { value = \"12\", year = "
                                            "2019 }, not " +
                                            describe_type(node.type()));
    return std::nullopt;
  }
  const auto& spec = *node.as_table();
  reader.check_keys(spec, {"value", "year"}, name);
  const auto year = read_year(reader, spec);
  std::optional<KpiValue> value;
  if (const auto* v = spec.get("value")) {
    value = read_value(reader, source, *v, reasons);
  } else {
    reader.error(reader.position(spec), name + " needs its value");
  }
  if (!year || !value) return std::nullopt;
  return std::make_pair(*value, *year);
}

std::optional<std::size_t> grade_named(const GradeScale& scale, const std::string& name) {
  for (std::size_t i = 0; i < scale.grades.size(); ++i) {
    const auto& g = scale.grades[i];
    if (g.id == name || g.label == name || (!g.symbol.empty() && g.symbol == name)) return i;
  }
  return std::nullopt;
}

// What a report may print for a grade: its id, label or symbol.
std::vector<std::string> printed_names(const GradeScale& scale) {
  std::vector<std::string> names;
  for (const auto& g : scale.grades) {
    for (const auto& name : {g.id, g.label, g.symbol}) {
      if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(name);
      }
    }
  }
  return names;
}

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

std::optional<KpiRule> read_rule(TomlReader& reader, const SourceText& source,
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

// A printed rate or grade per period: "" or a missing value's reason where none is printed.
template <typename Read>
bool read_published(TomlReader& reader, const toml::node& node, const std::string& name,
                    std::size_t periods, const std::vector<MissingReason>& reasons, Read read) {
  const auto* array = node.as_array();
  if (!array || array->size() != periods) {
    reader.error(reader.position(node),
                 "\"" + name + "\" must be an array with one value per period (" +
                     std::to_string(periods) + "), \"\" where the source prints none");
    return false;
  }
  bool ok = true;
  for (std::size_t p = 0; p < periods; ++p) {
    const auto& item = (*array)[p];
    if (const auto* str = item.as_string()) {
      if (str->get().empty() || reason_of(str->get(), reasons)) continue;
    }
    ok = read(p, item) && ok;
  }
  return ok;
}

bool read_indicator(TomlReader& reader, const SourceText& source, const toml::table& spec,
                    Dataset& dataset, std::map<std::string, std::size_t>& rows,
                    std::map<std::string, Position>& ids, Indicator& out) {
  const auto& scale = *dataset.scale;
  const auto& rule = dataset.kpi->rule;
  const auto periods = dataset.periods.size();
  const int errors_before = reader.errors();
  reader.check_keys(spec,
                    {"area", "id", "name", "unit", "better", "baseline", "target", "targets",
                     "actual", "rates", "grades"},
                    "[[indicators]]");
  out.position = reader.position(spec);
  if (const auto id = reader.get_string(spec, "id", Need::required)) {
    const auto at = reader.position(spec.at("id"));
    if (!valid_identifier(*id)) {
      reader.error(at, "an indicator's id \"" + *id + "\" may use only a-z, 0-9, '-' and '_'");
    } else if (const auto before = ids.find(*id); before != ids.end()) {
      reader.error(at, "another indicator has the id \"" + *id + "\", on line " +
                           std::to_string(before->second.line));
    } else {
      ids.emplace(*id, at);
    }
    out.id = *id;
  }
  out.name = reader.get_string(spec, "name", Need::required).value_or("");
  out.unit = reader.get_string(spec, "unit", Need::required).value_or("");
  if (const auto better = reader.get_string(spec, "better", Need::required)) {
    if (*better == "higher" || *better == "lower") {
      out.lower_is_better = *better == "lower";
    } else {
      reader.error(reader.position(spec.at("better")),
                   "better is \"higher\" or \"lower\" (待機児童数, 事故件数), not \"" + *better +
                       "\"" + did_you_mean(*better, {"higher", "lower"}));
    }
  }
  if (const auto* node = spec.get("baseline")) {
    if (auto baseline = read_dated(reader, source, *node, "baseline", dataset.reasons)) {
      std::tie(out.baseline, out.baseline_year) = *baseline;
    }
  } else {
    reader.error(out.position,
                 "this indicator has no baseline (基準値): write baseline = { "
                 "value = \"12\", year = 2019 }");
  }
  if (const auto* node = spec.get("target")) {
    if (auto target = read_dated(reader, source, *node, "target", dataset.reasons)) {
      out.target = target->first;
      out.target_year = target->second;
      if (out.baseline_year && out.target_year < out.baseline_year) {
        reader.error(reader.position(node->as_table()->at("year")),
                     "the target's year (" + std::to_string(out.target_year) +
                         ") comes before the baseline's (" + std::to_string(out.baseline_year) +
                         ")");
      }
    }
  }
  if (const auto* node = spec.get("targets")) {
    if (auto targets = read_values(reader, source, *node, "targets", periods, dataset.reasons)) {
      out.targets = std::move(*targets);
    }
  }
  const bool yearly = rule.rule.formula == AchievementFormula::year_target;
  if (yearly && !spec.contains("targets")) {
    reader.error(out.position, "this indicator has no targets: the dataset's formula \"" +
                                   achievement_formula_name(rule.rule.formula) +
                                   "\" divides by each year's, targets = [\"80\", …]");
  } else if (!yearly && !spec.contains("target")) {
    reader.error(out.position, "this indicator has no target: the dataset's formula \"" +
                                   achievement_formula_name(rule.rule.formula) +
                                   "\" needs target = { value = \"100\", year = 2026 }");
  }
  if (const auto* node = spec.get("actual")) {
    if (auto actuals = read_values(reader, source, *node, "actual", periods, dataset.reasons)) {
      out.actuals = std::move(*actuals);
    }
  } else {
    reader.error(out.position, "this indicator has no \"actual\" values (実績値), one per period");
  }
  out.published_rates.resize(periods);
  out.published_grades.resize(periods);
  if (const auto* node = spec.get("rates")) {
    read_published(reader, *node, "rates", periods, dataset.reasons,
                   [&](std::size_t p, const toml::node& item) {
                     auto parsed = decimal_of(source, reader, item);
                     if (const auto* rate = std::get_if<Decimal>(&parsed)) {
                       out.published_rates[p] = PublishedRate{*rate, reader.position(item)};
                       return true;
                     }
                     reader.error(reader.position(item),
                                  "a printed rate is a percentage as printed, such as \"87.5\"; "
                                  "\"\" where the source prints none");
                     return false;
                   });
  }
  if (const auto* node = spec.get("grades")) {
    read_published(reader, *node, "grades", periods, dataset.reasons,
                   [&](std::size_t p, const toml::node& item) {
                     const auto* name = item.as_string();
                     const auto grade = name ? grade_named(scale, name->get()) : std::nullopt;
                     if (grade) {
                       out.published_grades[p] = PublishedGrade{*grade, reader.position(item)};
                       return true;
                     }
                     reader.error(reader.position(item),
                                  name ? "unknown grade \"" + name->get() + "\"" +
                                             did_you_mean(name->get(), printed_names(scale))
                                       : "a printed grade is a string such as \"" +
                                             scale.grades.front().id + "\", not " +
                                             describe_type(item.type()));
                     return false;
                   });
  }
  if (const auto area = reader.get_string(spec, "area", Need::required)) {
    const auto [it, added] = rows.emplace(*area, dataset.rows.size());
    if (added) {
      Row row;
      row.area = *area;
      row.area_position = reader.position(spec.at("area"));
      dataset.rows.push_back(std::move(row));
    }
    out.row = it->second;
  }
  return reader.errors() == errors_before;
}

std::string shown_rate(const std::optional<Percentage>& rate) {
  return rate ? format_percentage(*rate) + "%" : "no rate";
}

// Each year's achievement and grade, the grades counted into the rows, and every printed rate
// or grade checked against them.
void grade_indicators(TomlReader& reader, Dataset& dataset) {
  auto& kpi = *dataset.kpi;
  const auto& scale = *dataset.scale;
  const auto periods = dataset.periods.size();
  for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
    auto& row = dataset.rows[r];
    row.values.assign(scale.grades.size(), std::vector<Count>(periods));
    row.positions.assign(scale.grades.size(), std::vector<Position>(periods, row.area_position));
  }
  for (std::size_t i = 0; i < kpi.indicators.size(); ++i) {
    auto& indicator = kpi.indicators[i];
    const std::string which = "indicator \"" + indicator.id + "\" (" + indicator.name + ")";
    for (std::size_t p = 0; p < periods; ++p) {
      const auto year = indicator.year(kpi.rule, p);
      const auto achieved = achievement(kpi.rule.rule, year);
      const auto grade =
          grade_of(kpi.rule.thresholds, kpi.rule.rule, year, achieved, kpi.rule.exact);
      const auto g = grade ? *scale.index(*grade) : kpi.rule.no_rate;
      indicator.achieved.push_back(achieved);
      indicator.grades.push_back(g);
      ++dataset.rows[indicator.row].values[g][p].value;
      const auto fiscal_year = ", fiscal year " + std::to_string(dataset.periods[p]);
      if (const auto& printed = indicator.published_rates[p]) {
        auto at_printed = kpi.rule.rule;
        at_printed.decimals = printed->rate.decimals;
        const auto computed = achievement(at_printed, year);
        const bool same =
            computed.rate &&
            compare(Decimal{computed.rate->scaled, computed.rate->decimals}, printed->rate) == 0;
        if (!same) {
          kpi.discrepancies.push_back({i, p, false, printed->position});
          reader.warning(
              printed->position,
              "printed achievement of " + which + fiscal_year + " is " +
                  format_decimal(printed->rate) + "%, but " +
                  (computed.rate ? "the declared rule gives " + shown_rate(computed.rate) + " (" +
                                       achievement_formula_name(at_printed.formula) + ", " +
                                       rounding_name(at_printed.rounding) + ")"
                                 : "it has no rate: " + no_rate_reason(computed.why_none)) +
                  "; the site uses the computed rate");
        }
      }
      if (const auto& printed = indicator.published_grades[p]; printed && printed->grade != g) {
        kpi.discrepancies.push_back({i, p, true, printed->position});
        reader.warning(printed->position,
                       "printed grade of " + which + fiscal_year + " is " +
                           scale.grades[printed->grade].label + ", but " +
                           (achieved.rate ? "its achievement " + shown_rate(achieved.rate)
                                          : "no rate (" + no_rate_reason(achieved.why_none) + ")") +
                           " gives " + scale.grades[g].label +
                           "; the site counts the computed grade");
      }
    }
  }
}

}  // namespace

bool read_kpi(TomlReader& reader, const SourceText& source, const toml::table& doc,
              Dataset& dataset) {
  const int errors_before = reader.errors();
  const auto rule = read_rule(reader, source, doc, *dataset.scale);
  const auto* array = reader.get_array(doc, "indicators", Need::required);
  if (!rule || !array) return false;
  dataset.kpi = Kpi{*rule, {}, {}};
  std::map<std::string, std::size_t> rows;
  std::map<std::string, Position> ids;
  for (const auto& node : *array) {
    if (!node.is_table()) {
      reader.error(reader.position(node), "each indicator is a table: write [[indicators]]");
      continue;
    }
    Indicator indicator;
    if (read_indicator(reader, source, *node.as_table(), dataset, rows, ids, indicator)) {
      dataset.kpi->indicators.push_back(std::move(indicator));
    }
  }
  if (array->empty()) reader.error(reader.position(*array), "a KPI dataset needs indicators");
  if (reader.errors() > errors_before) return false;
  grade_indicators(reader, dataset);
  return true;
}

}  // namespace hyoka
