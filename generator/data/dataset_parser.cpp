// Reads a dataset's TOML into the model; cross-checks between values live in
// dataset_checks.cpp.
#include <algorithm>
#include <set>

#include "base/identifier.h"
#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "data/dataset.h"
#include "data/dataset_checks.h"

namespace hyoka {

namespace {

constexpr int kFirstPeriod = 1868;  // 明治元年: fiscal-year labels need a known era
constexpr int kLastPeriod = 9999;
constexpr std::int64_t kMaxDecimals = 4;

// nullopt when there is no usable periods array, so rows are not measured against it.
std::optional<std::vector<int>> read_periods(TomlReader& reader, const toml::value& doc) {
  std::vector<int> periods;
  const auto* array = reader.get_array(doc, "periods", Need::required);
  if (!array) return std::nullopt;
  if (array->as_array().empty()) {
    reader.error(reader.position(*array), "periods must list at least one fiscal year");
  }
  for (const auto& item : array->as_array()) {
    const auto year = reader.integer(item, "a period");
    if (!year) {
      periods.push_back(0);  // keeps the count, so rows are not all reported as too long
      continue;
    }
    if (*year < kFirstPeriod || *year > kLastPeriod) {
      reader.error(reader.position(item),
                   "a period is a fiscal year such as 2019, not " + std::to_string(*year));
    } else if (!periods.empty() && *year <= periods.back()) {
      reader.error(reader.position(item), "periods must be in ascending order without repeats");
    } else {
      periods.push_back(static_cast<int>(*year));
      continue;
    }
    periods.push_back(0);
  }
  return periods;
}

std::vector<Measure> read_measures(TomlReader& reader, const toml::value& doc) {
  std::vector<Measure> measures;
  const auto* table = reader.get_table(doc, "measures", Need::required);
  if (!table) return measures;
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& spec = table->at(id);
    if (!spec.is_table()) {
      reader.error(reader.position(spec), "measures." + id + " must be a table with a label");
      continue;
    }
    reader.check_keys(spec, {"label", "short_label", "at_most", "sum_of"}, "[measures." + id + "]");
    if (id == "area") {
      reader.error(reader.key_position(spec, id),
                   "\"area\" cannot be a measure: in [[rows]] it names the row's area");
      continue;
    }
    Measure m;
    m.id = id;
    m.label = reader.get_string(spec, "label", Need::required).value_or(id);
    m.short_label = reader.get_string(spec, "short_label", Need::optional).value_or(m.label);
    m.at_most = reader.get_string(spec, "at_most", Need::optional).value_or("");
    m.sum_of = reader.get_string_array(spec, "sum_of", Need::optional)
                   .value_or(std::vector<std::string>{});
    measures.push_back(std::move(m));
  }
  if (measures.empty())
    reader.error(reader.position(*table), "a dataset needs at least one measure");
  return measures;
}

void check_measure_references(TomlReader& reader, const toml::value& doc,
                              const std::vector<Measure>& measures) {
  std::vector<std::string> ids;
  for (const auto& m : measures) ids.push_back(m.id);
  const auto& table = doc.at("measures");
  for (const auto& m : measures) {
    const auto& spec = table.at(m.id);
    if (!m.at_most.empty() &&
        (m.at_most == m.id || std::find(ids.begin(), ids.end(), m.at_most) == ids.end())) {
      reader.error(reader.position(spec.at("at_most")),
                   m.at_most == m.id
                       ? "a measure cannot be at most itself"
                       : "unknown measure \"" + m.at_most + "\"" + did_you_mean(m.at_most, ids));
    }
    for (std::size_t i = 0; i < m.sum_of.size(); ++i) {
      const auto& part = m.sum_of[i];
      const auto& at = spec.at("sum_of").as_array()[i];
      if (part == m.id) {
        reader.error(reader.position(at), "a measure cannot be a sum of itself");
      } else if (std::find(ids.begin(), ids.end(), part) == ids.end()) {
        reader.error(reader.position(at),
                     "unknown measure \"" + part + "\"" + did_you_mean(part, ids));
      }
    }
  }
}

std::vector<Ratio> read_ratios(TomlReader& reader, const toml::value& doc,
                               const std::vector<Measure>& measures) {
  std::vector<Ratio> ratios;
  const auto* table = reader.get_table(doc, "ratios", Need::optional);
  if (!table) return ratios;
  std::vector<std::string> ids;
  for (const auto& m : measures) ids.push_back(m.id);
  const auto measure = [&](const toml::value& spec, const std::string& key) {
    const auto name = reader.get_string(spec, key, Need::required);
    if (!name) return std::optional<std::size_t>();
    const auto it = std::find(ids.begin(), ids.end(), *name);
    if (it == ids.end()) {
      reader.error(reader.position(spec.at(key)),
                   "unknown measure \"" + *name + "\"" + did_you_mean(*name, ids));
      return std::optional<std::size_t>();
    }
    return std::optional<std::size_t>(it - ids.begin());
  };
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& spec = table->at(id);
    if (!spec.is_table()) {
      reader.error(reader.position(spec), "ratios." + id + " must be a table");
      continue;
    }
    reader.check_keys(spec, {"label", "numerator", "denominator", "decimals", "rounding"},
                      "[ratios." + id + "]");
    Ratio r;
    r.id = id;
    r.label = reader.get_string(spec, "label", Need::required).value_or(id);
    const auto numerator = measure(spec, "numerator");
    const auto denominator = measure(spec, "denominator");
    if (const auto decimals = reader.get_integer(spec, "decimals", Need::optional)) {
      if (*decimals < 0 || *decimals > kMaxDecimals) {
        reader.error(reader.position(spec.at("decimals")), "decimals must be from 0 to 4");
      } else {
        r.decimals = static_cast<int>(*decimals);
      }
    }
    if (const auto rounding = reader.get_string(spec, "rounding", Need::optional)) {
      if (const auto parsed = parse_rounding(*rounding)) {
        r.rounding = *parsed;
      } else {
        reader.error(reader.position(spec.at("rounding")),
                     "unknown rounding \"" + *rounding + "\"" +
                         did_you_mean(*rounding, {"truncate", "half-up", "half-even"}));
      }
    }
    if (numerator && denominator) {
      r.numerator = *numerator;
      r.denominator = *denominator;
      ratios.push_back(std::move(r));
    }
  }
  return ratios;
}

// One value per period, each a count (an integer from 0).
std::optional<std::pair<std::vector<std::int64_t>, std::vector<Position>>> read_counts(
    TomlReader& reader, const toml::value& array, const std::string& name, std::size_t periods) {
  if (!array.is_array()) {
    reader.error(reader.position(array), "\"" + name +
                                             "\" must be an array with one count per period, not " +
                                             describe_type(array.type()));
    return std::nullopt;
  }
  const auto& items = array.as_array();
  bool ok = true;
  if (items.size() != periods) {
    reader.error(
        reader.position(array),
        "\"" + name + "\" has " + std::to_string(items.size()) + " value" +
            (items.size() == 1 ? "" : "s") + " but there " +
            (periods == 1 ? "is 1 period" : "are " + std::to_string(periods) + " periods"));
    ok = false;
  }
  std::vector<std::int64_t> values;
  std::vector<Position> positions;
  for (const auto& item : items) {
    const auto value = reader.integer(item, "a count");
    if (!value) {
      ok = false;
    } else if (*value < 0) {
      reader.error(reader.position(item), "a count cannot be negative: " + std::to_string(*value));
      ok = false;
    }
    values.push_back(value.value_or(0));
    positions.push_back(reader.position(item));
  }
  if (!ok) return std::nullopt;
  return std::make_pair(values, positions);
}

std::vector<Row> read_rows(TomlReader& reader, const toml::value& doc,
                           const std::vector<Measure>& measures, std::size_t periods) {
  std::vector<Row> rows;
  const auto* array = reader.get_array(doc, "rows", Need::required);
  if (!array) return rows;
  std::vector<std::string> known = {"area"};
  for (const auto& m : measures) known.push_back(m.id);
  for (const auto& spec : array->as_array()) {
    if (!spec.is_table()) {
      reader.error(reader.position(spec), "each row must be a table: write [[rows]]");
      continue;
    }
    reader.check_keys(spec, known, "[[rows]]");
    Row row;
    bool ok = true;
    if (const auto area = reader.get_string(spec, "area", Need::required)) {
      row.area = *area;
      row.area_position = reader.position(spec.at("area"));
    } else {
      ok = false;
    }
    for (const auto& m : measures) {
      if (!spec.contains(m.id)) {
        reader.error(reader.position(spec), "this row has no \"" + m.id + "\" values");
        ok = false;
        continue;
      }
      const auto counts = read_counts(reader, spec.at(m.id), m.id, periods);
      if (!counts) {
        ok = false;
        continue;
      }
      row.values.push_back(counts->first);
      row.positions.push_back(counts->second);
    }
    if (ok) rows.push_back(std::move(row));
  }
  if (array->as_array().empty()) reader.error(reader.position(*array), "a dataset needs rows");
  return rows;
}

void read_published_totals(TomlReader& reader, const toml::value& doc, Dataset& dataset) {
  dataset.published.assign(dataset.measures.size(),
                           std::vector<std::optional<PublishedTotal>>(dataset.periods.size()));
  const auto* table = reader.get_table(doc, "published_totals", Need::optional);
  if (!table) return;
  const auto ids = dataset.measure_ids();
  for (const auto& key : reader.keys_in_order(*table)) {
    const auto index = dataset.measure_index(key);
    if (!index) {
      reader.error(
          reader.key_position(table->at(key), key),
          "unknown measure \"" + key + "\" in [published_totals]" + did_you_mean(key, ids));
      continue;
    }
    const auto counts = read_counts(reader, table->at(key), key, dataset.periods.size());
    if (!counts) continue;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      dataset.published[*index][p] = PublishedTotal{counts->first[p], counts->second[p]};
    }
  }
}

}  // namespace

std::optional<Dataset> parse_dataset(const SourceText& source, std::string id, Diagnostics& diags) {
  const int errors_before = diags.errors();
  TomlReader reader(source, diags);
  const auto doc = reader.parse(source.text());
  if (!doc) return std::nullopt;

  Dataset dataset;
  dataset.id = std::move(id);
  reader.check_keys(
      *doc,
      {"title", "description", "unit", "periods", "measures", "ratios", "rows", "published_totals"},
      "a dataset");
  dataset.title = reader.get_string(*doc, "title", Need::required).value_or("");
  dataset.description = reader.get_string(*doc, "description", Need::optional).value_or("");
  dataset.unit = reader.get_string(*doc, "unit", Need::optional).value_or("");
  const auto periods = read_periods(reader, *doc);
  dataset.measures = read_measures(reader, *doc);
  if (!periods || dataset.measures.empty()) return std::nullopt;
  dataset.periods = *periods;
  check_measure_references(reader, *doc, dataset.measures);
  dataset.ratios = read_ratios(reader, *doc, dataset.measures);
  dataset.rows = read_rows(reader, *doc, dataset.measures, dataset.periods.size());
  read_published_totals(reader, *doc, dataset);
  if (diags.errors() > errors_before) return std::nullopt;

  dataset.source = std::make_shared<SourceText>(source);
  check_counts(dataset, diags);
  compute_totals(dataset, diags);
  if (diags.errors() > errors_before) return std::nullopt;
  return dataset;
}

std::vector<Dataset> load_datasets(const FileSystem& fs, const std::vector<std::string>& paths,
                                   Diagnostics& diags) {
  std::vector<Dataset> datasets;
  for (const auto& path : paths) {
    const auto name = path.substr(path.rfind('/') + 1);
    const auto id = name.substr(0, name.size() - std::string(".toml").size());
    const auto source = read_source(fs, path, diags);
    if (!source) continue;
    if (!valid_identifier(id)) {
      diags.report_file(Severity::error, path,
                        "the dataset id \"" + id +
                            "\" (the file name) may use only a-z, 0-9, '-' and '_', as it "
                            "becomes the address of its files");
      continue;
    }
    if (auto dataset = parse_dataset(*source, id, diags)) datasets.push_back(std::move(*dataset));
  }
  std::sort(datasets.begin(), datasets.end(),
            [](const Dataset& a, const Dataset& b) { return a.id < b.id; });
  return datasets;
}

std::optional<std::size_t> Dataset::measure_index(const std::string& measure_id) const {
  for (std::size_t i = 0; i < measures.size(); ++i) {
    if (measures[i].id == measure_id) return i;
  }
  return std::nullopt;
}

std::vector<std::string> Dataset::measure_ids() const {
  std::vector<std::string> ids;
  for (const auto& m : measures) ids.push_back(m.id);
  return ids;
}

Counts Dataset::published_counts() const {
  auto counts = totals;
  for (std::size_t m = 0; m < measures.size(); ++m) {
    for (std::size_t p = 0; p < periods.size(); ++p) {
      if (published[m][p]) counts[m][p] = published[m][p]->value;
    }
  }
  return counts;
}

std::string discrepancy_mark(std::size_t index) {
  return "※" + std::to_string(index + 1);
}

std::vector<std::vector<std::string>> Dataset::discrepancy_marks() const {
  std::vector<std::vector<std::string>> marks(measures.size() + ratios.size(),
                                              std::vector<std::string>(periods.size()));
  for (std::size_t i = 0; i < discrepancies.size(); ++i) {
    const auto& d = discrepancies[i];
    const auto mark = discrepancy_mark(i);
    marks[d.measure][d.period] += mark;
    for (std::size_t r = 0; r < ratios.size(); ++r) {
      if (ratios[r].numerator == d.measure || ratios[r].denominator == d.measure) {
        marks[measures.size() + r][d.period] += mark;
      }
    }
  }
  return marks;
}

RatioValue Dataset::ratio(const Ratio& r, const Counts& counts, std::size_t period) const {
  return compute_ratio(counts[r.numerator][period], counts[r.denominator][period], r.decimals,
                       r.rounding);
}

}  // namespace hyoka
