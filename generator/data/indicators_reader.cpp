#include "data/indicators_reader.h"

#include <algorithm>
#include <map>

#include "base/identifier.h"
#include "base/spellcheck.h"
#include "data/achievement_rule_reader.h"
#include "data/kpi_values.h"

namespace hyoka {

namespace {

constexpr int kFirstYear = 1868;  // 明治元年, as periods
constexpr int kLastYear = 9999;

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
  const auto rule = read_achievement_rule(reader, source, doc, *dataset.scale);
  const auto* array = reader.get_array(doc, "indicators", Need::required);
  if (!rule || !array) return false;
  dataset.kpi = Kpi{*rule, {}, {}, {}};
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
  auto& by_row = dataset.kpi->by_row;
  by_row.resize(dataset.rows.size());
  for (std::size_t i = 0; i < dataset.kpi->indicators.size(); ++i) {
    by_row[dataset.kpi->indicators[i].row].push_back(i);
  }
  grade_indicators(reader, dataset);
  return true;
}

}  // namespace hyoka
