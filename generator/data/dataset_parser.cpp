// Reads a dataset's TOML into the model; cross-checks between values live in
// dataset_checks.cpp.
#include <algorithm>
#include <set>

#include "base/identifier.h"
#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "data/csv_encoding.h"
#include "data/csv_rows.h"
#include "data/dataset.h"
#include "data/dataset_checks.h"

namespace hyoka {

namespace {

constexpr int kFirstPeriod = 1868;  // 明治元年: fiscal-year labels need a known era
constexpr int kLastPeriod = 9999;
constexpr std::int64_t kMaxDecimals = 4;

// nullopt when there is no usable periods array, so rows are not measured against it.
std::optional<std::vector<int>> read_periods(TomlReader& reader, const toml::table& doc) {
  std::vector<int> periods;
  const auto* array = reader.get_array(doc, "periods", Need::required);
  if (!array) return std::nullopt;
  if (array->empty()) {
    reader.error(reader.position(*array), "periods must list at least one fiscal year");
  }
  for (const auto& item : *array) {
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

std::vector<Measure> read_measures(TomlReader& reader, const toml::table& doc) {
  std::vector<Measure> measures;
  const auto* table = reader.get_table(doc, "measures", Need::required);
  if (!table) return measures;
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& node = table->at(id);
    if (!node.is_table()) {
      reader.error(reader.position(node), "measures." + id + " must be a table with a label");
      continue;
    }
    const auto& spec = *node.as_table();
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

void check_measure_references(TomlReader& reader, const toml::table& doc,
                              const std::vector<Measure>& measures) {
  std::vector<std::string> ids;
  for (const auto& m : measures) ids.push_back(m.id);
  const auto& table = *doc.at("measures").as_table();
  for (const auto& m : measures) {
    const auto& spec = *table.at(m.id).as_table();
    if (!m.at_most.empty() &&
        (m.at_most == m.id || std::find(ids.begin(), ids.end(), m.at_most) == ids.end())) {
      reader.error(reader.position(spec.at("at_most")),
                   m.at_most == m.id
                       ? "a measure cannot be at most itself"
                       : "unknown measure \"" + m.at_most + "\"" + did_you_mean(m.at_most, ids));
    }
    for (std::size_t i = 0; i < m.sum_of.size(); ++i) {
      const auto& part = m.sum_of[i];
      const auto& at = (*spec.at("sum_of").as_array())[i];
      if (part == m.id) {
        reader.error(reader.position(at), "a measure cannot be a sum of itself");
      } else if (std::find(ids.begin(), ids.end(), part) == ids.end()) {
        reader.error(reader.position(at),
                     "unknown measure \"" + part + "\"" + did_you_mean(part, ids));
      }
    }
  }
}

std::vector<Ratio> read_ratios(TomlReader& reader, const toml::table& doc,
                               const std::vector<Measure>& measures) {
  std::vector<Ratio> ratios;
  const auto* table = reader.get_table(doc, "ratios", Need::optional);
  if (!table) return ratios;
  std::vector<std::string> ids;
  for (const auto& m : measures) ids.push_back(m.id);
  const auto measure = [&](const toml::table& spec, const std::string& key) {
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
    const auto& node = table->at(id);
    if (!node.is_table()) {
      reader.error(reader.position(node), "ratios." + id + " must be a table");
      continue;
    }
    const auto& spec = *node.as_table();
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
    TomlReader& reader, const toml::node& array, const std::string& name, std::size_t periods) {
  if (!array.is_array()) {
    reader.error(reader.position(array), "\"" + name +
                                             "\" must be an array with one count per period, not " +
                                             describe_type(array.type()));
    return std::nullopt;
  }
  const auto& items = *array.as_array();
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

std::vector<Row> read_rows(TomlReader& reader, const toml::table& doc,
                           const std::vector<Measure>& measures, std::size_t periods) {
  std::vector<Row> rows;
  const auto* array = reader.get_array(doc, "rows", Need::required);
  if (!array) return rows;
  std::vector<std::string> known = {"area"};
  for (const auto& m : measures) known.push_back(m.id);
  for (const auto& node : *array) {
    if (!node.is_table()) {
      reader.error(reader.position(node), "each row must be a table: write [[rows]]");
      continue;
    }
    const auto& spec = *node.as_table();
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
  if (array->empty()) reader.error(reader.position(*array), "a dataset needs rows");
  return rows;
}

// `rows = "achievement.csv"`, or `rows = { file = "achievement.csv", encoding = "cp932" }`.
struct RowsSpec {
  std::string file;
  std::optional<CsvEncoding> encoding;
  Position position;   // of the file's name, where a file that cannot be read is reported
  bool usable = true;  // false after a problem with the name or the encoding (reported)
};

// Whether `rows` names a file; `spec` holds it when it does and has no problem.
bool names_rows_file(TomlReader& reader, const toml::table& doc, std::optional<RowsSpec>& spec) {
  const auto* node = doc.get("rows");
  if (!node || node->is_array()) return false;
  const toml::node* file = node;
  std::optional<CsvEncoding> encoding;
  bool ok = true;
  if (const auto* table = node->as_table()) {
    reader.check_keys(*table, {"file", "encoding"}, "rows");
    if (!reader.get_string(*table, "file", Need::required)) return true;
    file = table->get("file");
    if (const auto name = reader.get_string(*table, "encoding", Need::optional)) {
      encoding = parse_csv_encoding(*name);
      if (!encoding) {
        reader.error(
            reader.position(*table->get("encoding")),
            "unknown encoding \"" + *name + "\"" + did_you_mean(*name, csv_encoding_names()));
        ok = false;
      }
    }
  } else if (!node->is_string()) {
    reader.error(reader.position(*node),
                 "rows must be [[rows]] tables or the name of a CSV file beside the dataset, not " +
                     describe_type(node->type()));
    return true;
  }
  const auto& name = file->as_string()->get();
  const auto lower = [](std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
  };
  const bool plain_name = lower(name).ends_with(".csv") && name.size() > 4 &&
                          name.find_first_of("/\\") == std::string::npos && !name.starts_with('.');
  if (!plain_name) {
    reader.error(reader.position(*file),
                 "rows names a CSV file in the dataset's own folder, such as \"achievement.csv\"");
    ok = false;
  }
  spec = RowsSpec{name, encoding, reader.position(*file), ok};
  return true;
}

// The path of a file named in a dataset: beside the dataset's own file.
std::string beside(const SourceText& source, const std::string& name) {
  const auto slash = source.path().rfind('/');
  return slash == std::string::npos ? name : source.path().substr(0, slash + 1) + name;
}

// Why the bytes of a CSV are not text in the encoding they were read in.
std::string undecodable(std::optional<CsvEncoding> declared) {
  if (!declared) {
    return "this file is neither UTF-8 nor Shift_JIS (CP932), the encodings Excel saves CSV in: "
           "save it from Excel as \"CSV UTF-8\"";
  }
  return *declared == CsvEncoding::utf8
             ? "this file is not UTF-8, as the dataset's encoding says: save it from Excel as "
               "\"CSV UTF-8\", or leave encoding out"
             : "this file is not Shift_JIS (CP932), as the dataset's encoding says: leave "
               "encoding out, and hyoka reads UTF-8 too";
}

// The rows from the CSV file `spec` names, beside the dataset's own file.
bool read_rows_file(TomlReader& reader, const RowsSpec& spec, const SourceText& source,
                    Dataset& dataset, bool periods_given, const RowsFileReader* files,
                    Diagnostics& diags) {
  const auto path = beside(source, spec.file);
  auto bytes = files ? files->read(path)
                     : Result<std::string>::failure("cannot read: No such file or directory");
  if (!bytes) {
    std::vector<std::string> names;
    if (files) {
      for (const auto& other : files->csv_paths) {
        if (beside(source, other.substr(other.rfind('/') + 1)) == other) {
          names.push_back(other.substr(other.rfind('/') + 1));
        }
      }
    }
    reader.error(spec.position, path + ": " + bytes.error + did_you_mean(spec.file, names));
    return false;
  }
  auto decoded = decode_csv(*bytes, spec.encoding);
  auto csv = std::make_shared<SourceText>(path, std::move(decoded.text));
  if (decoded.encoding == "UTF-16") {
    diags.report_file(Severity::error, path,
                      "this file is UTF-16 (Excel's \"Unicode text\"), which hyoka does not "
                      "read: save it from Excel as \"CSV UTF-8\"");
    return false;
  }
  if (decoded.bad_byte) {
    diags.error(*csv, csv->position_at(*decoded.bad_byte), undecodable(spec.encoding));
    return false;
  }
  const auto area_label = files ? files->area_label : std::string("分野");
  if (!read_csv_rows(*csv, dataset, periods_given, area_label, diags)) return false;
  std::size_t lines = 0;
  for (const auto& row : dataset.rows) lines += row.values.empty() ? 0 : row.values[0].size();
  dataset.rows_file = RowsFile{path, decoded.encoding, lines};
  dataset.rows_source = std::move(csv);
  return true;
}

void read_published_totals(TomlReader& reader, const toml::table& doc, Dataset& dataset) {
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

// The rows' source, when they are read: a CSV file (`source` is the dataset's own).
struct RowsSource {
  const SourceText& source;
  const RowsFileReader* files;
  Diagnostics& diags;
};

// Everything but the checks across values; the rows too when `rows` is given.
std::optional<Dataset> read_dataset(TomlReader& reader, const toml::table& doc, std::string id,
                                    const RowsSource* rows) {
  const int errors_before = reader.errors();
  Dataset dataset;
  dataset.id = std::move(id);
  reader.check_keys(
      doc,
      {"title", "description", "unit", "periods", "measures", "ratios", "rows", "published_totals"},
      "a dataset");
  dataset.title = reader.get_string(doc, "title", Need::required).value_or("");
  dataset.description = reader.get_string(doc, "description", Need::optional).value_or("");
  dataset.unit = reader.get_string(doc, "unit", Need::optional).value_or("");
  std::optional<RowsSpec> spec;
  const bool from_file = names_rows_file(reader, doc, spec);
  // A CSV's rows may bring the fiscal years themselves.
  const bool periods_given = !from_file || doc.contains("periods");
  const auto periods = periods_given ? read_periods(reader, doc) : std::vector<int>{};
  dataset.measures = read_measures(reader, doc);
  if (!periods || dataset.measures.empty()) return std::nullopt;
  dataset.periods = *periods;
  check_measure_references(reader, doc, dataset.measures);
  dataset.ratios = read_ratios(reader, doc, dataset.measures);
  if (from_file) {
    if (spec && rows && rows->files && rows->files->named) {
      rows->files->named(beside(rows->source, spec->file));
    }
    // The file is read only when the dataset itself has no problem: its columns are found by
    // the measures, its years checked against the periods.
    if (!spec || !spec->usable || reader.errors() > errors_before) return std::nullopt;
    if (rows && !read_rows_file(reader, *spec, rows->source, dataset, periods_given, rows->files,
                                rows->diags)) {
      return std::nullopt;
    }
  } else if (rows) {
    dataset.rows = read_rows(reader, doc, dataset.measures, dataset.periods.size());
  }
  read_published_totals(reader, doc, dataset);
  if (reader.errors() > errors_before) return std::nullopt;
  return dataset;
}

// The checks across values, and the totals.
bool finish_dataset(Dataset& dataset, const SourceText& source, Diagnostics& diags) {
  const int errors_before = diags.errors();
  dataset.source = std::make_shared<SourceText>(source);
  check_counts(dataset, diags);
  compute_totals(dataset, diags);
  return diags.errors() == errors_before;
}

}  // namespace

std::optional<Dataset> parse_dataset(const SourceText& source, std::string id, Diagnostics& diags,
                                     const RowsFileReader* files) {
  TomlReader reader(source, diags);
  const auto doc = reader.parse(source.text());
  if (!doc) return std::nullopt;
  const RowsSource rows{source, files, diags};
  auto dataset = read_dataset(reader, *doc, std::move(id), &rows);
  if (!dataset || !finish_dataset(*dataset, source, diags)) return std::nullopt;
  return dataset;
}

std::vector<Dataset> load_datasets(const FileSystem& fs, const std::vector<std::string>& paths,
                                   Diagnostics& diags, const std::string& area_label,
                                   const std::vector<std::string>& csv_paths) {
  std::vector<Dataset> datasets;
  std::set<std::string> named;  // the CSV files datasets name
  RowsFileReader files;
  files.read = [&](const std::string& path) { return fs.read(path, read_limit::dataset); };
  files.named = [&](const std::string& path) { named.insert(path); };
  files.csv_paths = csv_paths;
  files.area_label = area_label;
  for (const auto& path : paths) {
    const auto name = path.substr(path.rfind('/') + 1);
    const auto id = name.substr(0, name.size() - std::string(".toml").size());
    const auto source = read_source(fs, path, read_limit::dataset, diags);
    if (!source) continue;
    if (!valid_identifier(id)) {
      diags.report_file(Severity::error, path,
                        "the dataset id \"" + id +
                            "\" (the file name) may use only a-z, 0-9, '-' and '_', as it "
                            "becomes the address of its files");
      continue;
    }
    if (auto dataset = parse_dataset(*source, id, diags, &files)) {
      datasets.push_back(std::move(*dataset));
    }
  }
  for (const auto& path : csv_paths) {
    if (named.count(path)) continue;
    diags.report_file(Severity::warning, path,
                      "not read: no dataset in its folder names it (rows = \"" +
                          path.substr(path.rfind('/') + 1) + "\")");
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
