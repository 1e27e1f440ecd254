// A KPI dataset's indicators as open data: CSV and JSON of one line per area × indicator ×
// fiscal year, beside the grade counts that data/<id>.csv gives. Every value is written exactly
// as the source prints it (its decimals kept, never through a double), the rate with the
// declared decimals.
#include <nlohmann/json.hpp>

#include "base/parallel.h"

#include "output_plugins/csv_cells.h"
#include "output_plugins/open_data.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

using json = nlohmann::ordered_json;

// The indicators of the site's areas: areas in the site's order, each area's indicators in the
// order written.
struct IndicatorRef {
  const SitePage* area;
  const Indicator* indicator;
};

std::vector<IndicatorRef> indicators_in_order(const Site& site, const Dataset& dataset) {
  std::vector<IndicatorRef> out;
  for (const auto& area : site.areas) {
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] != &dataset) continue;
      for (const std::size_t i : dataset.kpi->by_row[ref.row]) {
        out.push_back({&area, &dataset.kpi->indicators[i]});
      }
    }
  }
  return out;
}

// The value of `field` in `period`, or nullptr where the indicator has none (no final target,
// no yearly targets).
const KpiValue* value_of(const Indicator& indicator, KpiField field, std::size_t period) {
  switch (field) {
    case KpiField::baseline:
      return &indicator.baseline;
    case KpiField::target:
      return indicator.target ? &*indicator.target : nullptr;
    case KpiField::year_target:
      return indicator.targets.empty() ? nullptr : &indicator.targets[period];
    case KpiField::actual:
      return &indicator.actuals[period];
  }
  return nullptr;
}

// Whether any indicator has `field`, and whether one of them is missing.
struct FieldUse {
  bool present = false;
  bool missing = false;
};

FieldUse field_use(const Dataset& dataset, KpiField field) {
  FieldUse use;
  for (const auto& indicator : dataset.kpi->indicators) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      const auto* value = value_of(indicator, field, p);
      if (!value) continue;
      use.present = true;
      if (!value->value) use.missing = true;
    }
  }
  return use;
}

std::string plain(const Decimal& value) {
  return format_decimal(value, true);
}

// What the rate divides, in the site's words: with the inverted formula where an indicator is
// better when lower (progress from the baseline is never inverted).
std::string formula_words(const Words& words, const Dataset& dataset) {
  const auto formula = dataset.kpi->rule.rule.formula;
  if (formula == AchievementFormula::from_baseline) {
    return words(Word::kpi_formula_from_baseline);
  }
  const bool yearly = formula == AchievementFormula::year_target;
  const auto higher =
      words(yearly ? Word::kpi_formula_year_target : Word::kpi_formula_final_target);
  for (const auto& indicator : dataset.kpi->indicators) {
    if (!indicator.lower_is_better) continue;
    return words(Word::kpi_formula_either,
                 {higher, words(yearly ? Word::kpi_formula_year_target_lower
                                       : Word::kpi_formula_final_target_lower)});
  }
  return higher;
}

}  // namespace

std::vector<CsvColumn> indicators_csv_layout(const Site& site, const Dataset& dataset) {
  using Kind = CsvColumn::Kind;
  const auto& words = site.words;
  const auto& kpi = *dataset.kpi;
  const auto& scale = dataset.scale->label;
  // The area's and the fiscal year's columns are the grade CSV's.
  const auto shared = csv_layout(site, dataset);
  std::vector<CsvColumn> columns(shared.begin(), shared.begin() + 3);
  const std::string integer = "integer", number = "number", string = "string";
  columns.push_back({Kind::indicator_id, words(Word::kpi_indicator_id_column), 0, string, "",
                     words(Word::kpi_indicator_id_description)});
  columns.push_back({Kind::indicator, words(Word::kpi_indicator), 0, string, "",
                     words(Word::kpi_indicator_description)});
  columns.push_back({Kind::indicator_unit, words(Word::kpi_unit), 0, string, "",
                     words(Word::kpi_unit_description)});
  columns.push_back({Kind::better, words(Word::kpi_better_column), 0, string, "",
                     words(Word::kpi_better_description)});
  const auto value = [&](KpiField field, const std::string& name) {
    const auto use = field_use(dataset, field);
    if (!use.present) return false;
    const auto index = static_cast<std::size_t>(field);
    const auto described = words(Word::kpi_value_description, {name});
    columns.push_back(
        {Kind::kpi_value, name, index, number, "",
         use.missing ? words(Word::open_data_count_missing_description, {described}) : described});
    if (use.missing) {
      columns.push_back({Kind::reason, words(Word::open_data_reason_column, {name}), index, string,
                         "", words(Word::open_data_reason_description)});
    }
    return true;
  };
  const auto year = [&](KpiField field, Word word, const std::string& of) {
    columns.push_back({Kind::kpi_year, words(word), static_cast<std::size_t>(field), integer, "",
                       words(Word::kpi_year_description, {of})});
  };
  if (value(KpiField::baseline, words(Word::kpi_baseline))) {
    year(KpiField::baseline, Word::kpi_baseline_year_column, words(Word::kpi_baseline));
  }
  if (value(KpiField::target, words(Word::kpi_target))) {
    year(KpiField::target, Word::kpi_target_year_column, words(Word::kpi_target));
  }
  columns.insert(columns.end(), shared.begin() + 3, shared.begin() + 5);
  value(KpiField::year_target, words(Word::kpi_year_target_column));
  value(KpiField::actual, words(Word::kpi_actual));
  const auto rate = words(Word::open_data_ratio_column, {words(Word::kpi_rate)});
  columns.push_back({Kind::rate, rate, 0, number, "%",
                     words(Word::kpi_rate_description, {formula_words(words, dataset)})});
  const auto grade_id = words(Word::grades_grade_id_column, {scale});
  columns.push_back(
      {Kind::grade_id, grade_id, 0, string, "", words(Word::grades_grade_description, {scale})});
  columns.push_back({Kind::grade, words(Word::grades_grade_column, {scale}), 0, string, "", scale});
  bool printed_rates = false, printed_grades = false;
  for (const auto& indicator : kpi.indicators) {
    for (const auto& printed : indicator.published_rates) printed_rates |= printed.has_value();
    for (const auto& printed : indicator.published_grades) printed_grades |= printed.has_value();
  }
  if (printed_rates) {
    columns.push_back({Kind::printed_rate, words(Word::kpi_printed_column, {rate}), 0, number, "%",
                       words(Word::kpi_printed_rate_description)});
  }
  if (printed_grades) {
    columns.push_back({Kind::printed_grade, words(Word::kpi_printed_column, {grade_id}), 0, string,
                       "", words(Word::kpi_printed_grade_description, {scale})});
  }
  return columns;
}

std::string indicators_csv(const Site& site, const Dataset& dataset, CsvFlavour flavour) {
  const auto layout = indicators_csv_layout(site, dataset);
  std::string out = csv_heading(layout, flavour);
  const auto& scale = *dataset.scale;
  for (const auto& [area, indicator] : indicators_in_order(site, dataset)) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      for (std::size_t c = 0; c < layout.size(); ++c) {
        if (c) out += ',';
        const auto& column = layout[c];
        const auto field = static_cast<KpiField>(column.index);
        switch (column.kind) {
          case CsvColumn::Kind::code:
            append_csv_text(out, site.config.publisher.local_government_code, flavour);
            break;
          case CsvColumn::Kind::area_id:
            append_csv_text(out, area->page->id, flavour);
            break;
          case CsvColumn::Kind::area:
            append_csv_text(out, area->page->title, flavour);
            break;
          case CsvColumn::Kind::indicator_id:
            append_csv_text(out, indicator->id, flavour);
            break;
          case CsvColumn::Kind::indicator:
            append_csv_text(out, indicator->name, flavour);
            break;
          case CsvColumn::Kind::indicator_unit:
            append_csv_text(out, indicator->unit, flavour);
            break;
          case CsvColumn::Kind::better:
            out += indicator->lower_is_better ? "lower" : "higher";
            break;
          case CsvColumn::Kind::kpi_value: {
            // Numbers are never changed, also in the Excel copy: a minus sign stays a sign.
            const auto* value = value_of(*indicator, field, p);
            if (value && value->value) append_csv_field(out, plain(*value->value));
            break;
          }
          case CsvColumn::Kind::reason: {
            const auto* value = value_of(*indicator, field, p);
            if (value && !value->value) {
              append_csv_text(out, dataset.reason(value->missing).label, flavour);
            }
            break;
          }
          case CsvColumn::Kind::kpi_year:
            if (field == KpiField::baseline) {
              append_number(out, indicator->baseline_year);
            } else if (indicator->target) {
              append_number(out, indicator->target_year);
            }
            break;
          case CsvColumn::Kind::year:
            append_number(out, dataset.periods[p]);
            break;
          case CsvColumn::Kind::year_label:
            append_csv_text(
                out, site.words.fiscal_year(dataset.periods[p], FiscalYearStyle::wareki), flavour);
            break;
          case CsvColumn::Kind::rate:
            if (const auto& rate = indicator->achieved[p].rate) {
              append_csv_field(out, format_percentage(*rate));
            }
            break;
          case CsvColumn::Kind::grade_id:
            append_csv_text(out, scale.grades[indicator->grades[p]].id, flavour);
            break;
          case CsvColumn::Kind::grade:
            append_csv_text(out, scale.grades[indicator->grades[p]].label, flavour);
            break;
          case CsvColumn::Kind::printed_rate:
            if (const auto& printed = indicator->published_rates[p]) {
              append_csv_field(out, plain(printed->rate));
            }
            break;
          case CsvColumn::Kind::printed_grade:
            if (const auto& printed = indicator->published_grades[p]) {
              append_csv_text(out, scale.grades[printed->grade].id, flavour);
            }
            break;
          default:
            break;
        }
      }
      out += "\r\n";
    }
  }
  return out;
}

namespace {

// A value as JSON: its text exactly as printed (a string, so that 「64.50」 keeps its
// decimals), or null and the reason it is missing.
json value_json(const Dataset& dataset, const KpiValue& value) {
  json out = {{"value", value.value ? json(plain(*value.value)) : json(nullptr)}};
  if (!value.value) out["missing"] = dataset.reason(value.missing).label;
  return out;
}

json rule_json(const Dataset& dataset) {
  const auto& rule = dataset.kpi->rule;
  const auto& scale = *dataset.scale;
  json bounds = json::object();
  for (const auto& threshold : rule.thresholds) {
    if (threshold.at_least) bounds[threshold.grade] = plain(*threshold.at_least);
  }
  return {{"formula", achievement_formula_name(rule.rule.formula)},
          {"rate_unit", "%"},
          {"decimals", rule.rule.decimals},
          {"rounding", rounding_name(rule.rule.rounding)},
          {"graded_on", rule.exact ? "exact" : "rounded"},
          {"no_rate", scale.grades[rule.no_rate].id},
          {"at_least", bounds}};
}

// Where the library's layout of the frame gets the two long arrays, laid out by hand.
constexpr const char* kIndicatorsPlaceholder = "\x01indicators\x01";
constexpr const char* kRowsPlaceholder = "\x01rows\x01";

// `element` as dump(2) lays out an element of an array that is a member of the top object:
// each of its lines four spaces in. (A string never holds a raw line break: dump escapes it.)
void append_element(std::string& out, const json& element) {
  out += ",\n    ";
  for (const char c : element.dump(2)) {
    out += c;
    if (c == '\n') out += "    ";
  }
}

// The array of `parts` (each a run of append_element()s) where dump(2) put `placeholder`.
void splice_array(std::string& text, const char* placeholder,
                  const std::vector<std::string>& parts) {
  const auto quoted = json(placeholder).dump();
  const auto at = text.find(quoted);
  std::string array;
  std::size_t size = 4;
  for (const auto& part : parts) size += part.size();
  array.reserve(size);
  for (const auto& part : parts) array += part;
  if (array.empty()) {
    array = "[]";
  } else {
    array[0] = '[';  // the first element's ",\n" becomes "[\n"
    array += "\n  ]";
  }
  text.replace(at, quoted.size(), array);
}

json scale_json(const GradeScale& scale) {
  json grades = json::array();
  for (const auto& g : scale.grades) {
    json item = {{"id", g.id}, {"label", g.label}};
    if (!g.symbol.empty()) item["symbol"] = g.symbol;
    if (!g.definition.empty()) item["definition"] = g.definition;
    if (g.special) item["special"] = true;
    grades.push_back(item);
  }
  return {{"label", scale.label}, {"ordered", scale.ordered}, {"grades", grades}};
}

}  // namespace

std::string indicators_json(const Site& site, const Dataset& dataset) {
  const auto& config = site.config;
  const auto& scale = *dataset.scale;
  const auto in_order = indicators_in_order(site, dataset);
  std::vector<bool> reasons(dataset.reasons.size());
  const auto see = [&](const KpiValue& value) {
    if (!value.value) reasons[value.missing - 1] = true;
  };
  for (const auto& [area, indicator] : in_order) {
    see(indicator->baseline);
    if (indicator->target) see(*indicator->target);
    for (const auto& value : indicator->targets) see(value);
    for (const auto& value : indicator->actuals) see(value);
  }
  // Each indicator and its rows laid out on its own, on every core, then joined: as one tree,
  // 10,000 areas of 10 indicators took 8 s and 800 MiB of the outputs stage.
  std::vector<std::string> items(in_order.size()), rows(in_order.size());
  parallel_for(in_order.size(), 0, [&](std::size_t i) {
    const auto& [area, indicator] = in_order[i];
    json item = {{"id", indicator->id},
                 {"area_id", area->page->id},
                 {"area_name", area->page->title},
                 {"name", indicator->name},
                 {"unit", indicator->unit},
                 {"better", indicator->lower_is_better ? "lower" : "higher"}};
    auto baseline = value_json(dataset, indicator->baseline);
    baseline["fiscal_year"] = indicator->baseline_year;
    item["baseline"] = baseline;
    if (indicator->target) {
      auto target = value_json(dataset, *indicator->target);
      target["fiscal_year"] = indicator->target_year;
      item["target"] = target;
    }
    append_element(items[i], item);
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      json row = {{"area_id", area->page->id},
                  {"indicator", indicator->id},
                  {"fiscal_year", dataset.periods[p]},
                  {"fiscal_year_label",
                   site.words.fiscal_year(dataset.periods[p], FiscalYearStyle::wareki)}};
      json missing = json::object();
      const auto put = [&](const char* key, const KpiValue& value) {
        row[key] = value.value ? json(plain(*value.value)) : json(nullptr);
        if (!value.value) missing[key] = dataset.reason(value.missing).label;
      };
      if (!indicator->targets.empty()) put("target", indicator->targets[p]);
      put("actual", indicator->actuals[p]);
      const auto& rate = indicator->achieved[p].rate;
      row["rate"] = rate ? json(format_percentage(*rate)) : json(nullptr);
      row["grade"] = scale.grades[indicator->grades[p]].id;
      if (!missing.empty()) row["missing"] = missing;
      if (const auto& printed = indicator->published_rates[p]) {
        row["published_rate"] = plain(printed->rate);
      }
      if (const auto& printed = indicator->published_grades[p]) {
        row["published_grade"] = scale.grades[printed->grade].id;
      }
      append_element(rows[i], row);
    }
  });
  auto out = dataset_json_head(site, dataset, false);
  out["grade_counts"] = config.base_url + dataset_json_path(dataset.id);
  out["periods"] = dataset.periods;
  out["achievement"] = rule_json(dataset);
  out["scale"] = scale_json(scale);
  out["indicators"] = kIndicatorsPlaceholder;
  out["rows"] = kRowsPlaceholder;
  json used = json::array();
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    if (!reasons[i]) continue;
    const auto& reason = dataset.reasons[i];
    json item = {{"reason", reason.label}, {"symbol", reason.symbol}};
    if (!reason.description.empty()) item["description"] = reason.description;
    used.push_back(item);
  }
  if (!used.empty()) out["missing_reasons"] = used;
  auto text = out.dump(2) + "\n";
  splice_array(text, kIndicatorsPlaceholder, items);
  splice_array(text, kRowsPlaceholder, rows);
  return text;
}

}  // namespace hyoka
