// Reads a dataset's TOML into the model; cross-checks between values live in
// dataset_checks.cpp.
#include <algorithm>
#include <cctype>
#include <set>

#include "base/identifier.h"
#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "data/csv_encoding.h"
#include "data/csv_rows.h"
#include "data/dataset.h"
#include "data/dataset_checks.h"
#include "data/grade_scale_reader.h"
#include "data/indicators_reader.h"
#include "data/same_as.h"
#include "data/totals.h"

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

// A grade dataset's measures start with its grades; it may declare no other.
std::vector<Measure> read_measures(TomlReader& reader, const toml::table& doc,
                                   const GradeScale* scale) {
  std::vector<Measure> measures;
  if (scale) {
    for (const auto& g : scale->grades) {
      Measure m;
      m.id = g.id;
      m.label = g.label;
      m.short_label = g.short_label;
      measures.push_back(std::move(m));
    }
  }
  const auto* table = reader.get_table(doc, "measures", scale ? Need::optional : Need::required);
  if (!table) return measures;
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& node = table->at(id);
    if (!node.is_table()) {
      reader.error(reader.position(node), "measures." + id + " must be a table with a label");
      continue;
    }
    const auto& spec = *node.as_table();
    reader.check_keys(spec, {"label", "short_label", "at_most", "sum_of", "same_as"},
                      "[measures." + id + "]");
    if (id == "area") {
      reader.error(reader.key_position(spec, id),
                   "\"area\" cannot be a measure: in [[rows]] it names the row's area");
      continue;
    }
    if (scale && (id == "shares" || scale->index(id))) {
      reader.error(reader.key_position(node, id),
                   "\"" + id + "\" cannot be a measure: in [[rows]] it names " +
                       (id == "shares" ? "the shares the source prints" : "a grade's counts"));
      continue;
    }
    Measure m;
    m.id = id;
    m.label = reader.get_string(spec, "label", Need::required).value_or(id);
    m.short_label = reader.get_string(spec, "short_label", Need::optional).value_or(m.label);
    m.at_most = reader.get_string(spec, "at_most", Need::optional).value_or("");
    m.sum_of = reader.get_string_array(spec, "sum_of", Need::optional)
                   .value_or(std::vector<std::string>{});
    if (const auto same_as = reader.get_string(spec, "same_as", Need::optional)) {
      m.same_as_position = reader.position(spec.at("same_as"));
      if (same_as->find('.') == std::string::npos) {
        reader.error(m.same_as_position,
                     "same_as names a measure of another dataset as "
                     "\"<dataset>.<measure>\", such as \"grades.evaluated\"");
      } else {
        m.same_as = *same_as;
      }
    }
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
  const auto* node = doc.get("measures");
  if (!node || !node->is_table()) return;  // a grade dataset's measures may all be grades
  const auto& table = *node->as_table();
  for (const auto& m : measures) {
    if (!table.contains(m.id)) continue;  // a grade
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

// [scale] total = "evaluated": a measure the dataset declares, which the grades must add up to
// in every row and the totals (checked as sum_of is).
void resolve_grade_total(TomlReader& reader, const toml::table& doc, const std::string& total,
                         Dataset& dataset) {
  const auto& scale_table = *doc.at("scale").as_table();
  const auto position = reader.position(scale_table.at("total"));
  const auto grades = dataset.scale->grades.size();
  std::vector<std::string> declared;
  for (std::size_t m = grades; m < dataset.measures.size(); ++m) {
    declared.push_back(dataset.measures[m].id);
  }
  const auto index = dataset.measure_index(total);
  if (index && *index < grades) {
    reader.error(position, "the total \"" + total +
                               "\" is a grade; name a measure of [measures] that the grades add "
                               "up to, or leave total out to use their sum");
    return;
  }
  if (!index) {
    reader.error(position, "the total \"" + total + "\" is not a measure of [measures]" +
                               did_you_mean(total, declared));
    return;
  }
  auto& measure = dataset.measures[*index];
  if (!measure.sum_of.empty()) {
    reader.error(position,
                 "the total \"" + total + "\" already has sum_of; the grades are its parts");
    return;
  }
  for (std::size_t g = 0; g < grades; ++g) measure.sum_of.push_back(dataset.measures[g].id);
  dataset.scale->total = *index;
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

// A missing count: the string names its reason, one of `reasons`.
std::optional<std::uint16_t> read_missing(TomlReader& reader, const toml::node& item,
                                          const std::vector<MissingReason>& reasons) {
  const auto& text = item.as_string()->get();
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    if (reasons[i].label == text) return static_cast<std::uint16_t>(i + 1);
  }
  std::vector<std::string> labels;
  for (const auto& reason : reasons) labels.push_back(reason.label);
  const std::string declare =
      "declare the reasons values may be missing for under [[missing]], in the dataset or in "
      "site.toml";
  if (text.empty()) {
    reader.error(reader.position(item),
                 "an empty string is not a count: write the number, or the reason it is missing" +
                     (labels.empty() ? "; " + declare : did_you_mean(text, labels)));
  } else if (labels.empty()) {
    reader.error(reader.position(item), "\"" + text + "\" is not a count; to leave a count out, " +
                                            declare + " (reason = \"" + text +
                                            "\", with a symbol)");
  } else {
    reader.error(reader.position(item), "unknown reason \"" + text + "\" for a missing count" +
                                            did_you_mean(text, labels));
  }
  return std::nullopt;
}

// One value per period, each a count (an integer from 0) or the reason it is missing.
std::optional<std::pair<std::vector<Count>, std::vector<Position>>> read_counts(
    TomlReader& reader, const toml::node& array, const std::string& name, std::size_t periods,
    const std::vector<MissingReason>& reasons) {
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
  std::vector<Count> values;
  std::vector<Position> positions;
  values.reserve(items.size());
  positions.reserve(items.size());
  for (const auto& item : items) {
    Count count;
    if (item.is_string()) {
      const auto missing = read_missing(reader, item, reasons);
      ok = ok && missing;
      count.missing = missing.value_or(0);
    } else if (const auto value = reader.integer(item, "a count"); !value) {
      ok = false;
    } else if (*value < 0) {
      reader.error(reader.position(item), "a count cannot be negative: " + std::to_string(*value));
      ok = false;
    } else {
      count.value = *value;
    }
    values.push_back(count);
    positions.push_back(reader.position(item));
  }
  if (!ok) return std::nullopt;
  return std::make_pair(std::move(values), std::move(positions));
}

// The shares a source prints, per grade: `{ planned = ["52.3", "50.0"], … }` in a row or as
// [published_shares] for the totals. A number is read from the file's own text, never through
// a binary double; "" or a missing reason's label means the source prints none.
bool read_shares(TomlReader& reader, const SourceText& source, const toml::node& node,
                 const Dataset& dataset, std::optional<std::size_t> row, const std::string& where,
                 std::vector<PublishedShare>& out) {
  const auto& scale = *dataset.scale;
  if (!node.is_table()) {
    reader.error(reader.position(node), where + " must be a table of shares by grade, such as " +
                                            "{ " + scale.grades.front().id + " = [\"52.3\"] }");
    return false;
  }
  bool ok = true;
  const auto& table = *node.as_table();
  for (const auto& key : reader.keys_in_order(table)) {
    const auto grade = scale.index(key);
    const auto& array = table.at(key);
    if (!grade) {
      reader.error(reader.key_position(array, key),
                   "unknown grade \"" + key + "\" in " + where + did_you_mean(key, scale.ids()));
      ok = false;
      continue;
    }
    const auto periods = dataset.periods.size();
    if (!array.is_array() || array.as_array()->size() != periods) {
      reader.error(reader.position(array), "the shares of \"" + key +
                                               "\" are an array of one share per period (" +
                                               std::to_string(periods) + ")");
      ok = false;
      continue;
    }
    for (std::size_t p = 0; p < periods; ++p) {
      const auto& item = (*array.as_array())[p];
      const auto position = reader.position(item);
      std::string text;
      if (const auto* str = item.as_string()) {
        text = str->get();
        if (text.empty()) continue;  // the source prints no share here
        const bool missing = std::any_of(dataset.reasons.begin(), dataset.reasons.end(),
                                         [&](const MissingReason& r) { return r.label == text; });
        if (missing) continue;
      } else if (item.is_integer() || item.is_floating_point()) {
        // The number as written, up to the next delimiter: 52.3, but 5.23e1, 0x34 or 5_2 whole,
        // which parse_share then refuses.
        const auto& all = source.text();
        for (auto at = source.offset_of(position);
             at < all.size() && (std::isalnum(static_cast<unsigned char>(all[at])) ||
                                 std::string_view(".-+_").find(all[at]) != std::string_view::npos);
             ++at) {
          text += all[at];
        }
      }
      const auto parsed = parse_share(text);
      if (!parsed) {
        reader.error(position,
                     "a published share is a percentage from 0 to 100 as printed, "
                     "such as \"52.3\" (up to 4 decimals); \"\" where the source prints none");
        ok = false;
        continue;
      }
      out.push_back({row, *grade, p, parsed->first, parsed->second, position});
    }
  }
  return ok;
}

std::vector<Row> read_rows(TomlReader& reader, const toml::table& doc,
                           const std::vector<Measure>& measures, std::size_t periods,
                           const std::vector<MissingReason>& reasons, Dataset* grades = nullptr,
                           const SourceText* source = nullptr) {
  std::vector<Row> rows;
  const auto* array = reader.get_array(doc, "rows", Need::required);
  if (!array) return rows;
  std::vector<std::string> known = {"area"};
  if (grades) known.push_back("shares");
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
      const auto counts = read_counts(reader, spec.at(m.id), m.id, periods, reasons);
      if (!counts) {
        ok = false;
        continue;
      }
      row.values.push_back(std::move(counts->first));
      row.positions.push_back(std::move(counts->second));
    }
    if (grades && spec.contains("shares")) {
      std::vector<PublishedShare> shares;
      ok = read_shares(reader, *source, spec.at("shares"), *grades, rows.size(), "a row's shares",
                       shares) &&
           ok;
      if (ok) {
        grades->published_shares.insert(grades->published_shares.end(), shares.begin(),
                                        shares.end());
      }
    }
    if (ok) rows.push_back(std::move(row));
  }
  if (array->empty()) reader.error(reader.position(*array), "a dataset needs rows");
  return rows;
}

// A table of one array per measure, as [published_totals] and [whole_totals] are; calls
// `take` with each measure's counts and where they are written.
template <typename Take>
void read_totals_table(TomlReader& reader, const toml::table& table, const std::string& name,
                       const Dataset& dataset, std::vector<std::string> also, Take take) {
  const auto ids = dataset.measure_ids();
  for (const auto& key : reader.keys_in_order(table)) {
    if (std::find(also.begin(), also.end(), key) != also.end()) continue;
    const auto index = dataset.measure_index(key);
    if (!index) {
      also.insert(also.end(), ids.begin(), ids.end());
      reader.error(reader.key_position(table.at(key), key),
                   "unknown measure \"" + key + "\" in [" + name + "]" + did_you_mean(key, ids));
      continue;
    }
    auto counts = read_counts(reader, table.at(key), key, dataset.periods.size(), dataset.reasons);
    if (counts) take(*index, counts->first, counts->second);
  }
}

// `rows = ""achievement.csv"`, or `rows = { file = "achievement.csv", encoding = "cp932" }`.
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
  read_totals_table(
      reader, *table, "published_totals", dataset, {},
      [&](std::size_t m, const std::vector<Count>& counts, const std::vector<Position>& positions) {
        // A total the source left out is simply not printed: nothing to compare.
        for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
          if (counts[p].present()) {
            dataset.published[m][p] = PublishedTotal{counts[p].value, positions[p]};
          }
        }
      });
}

// [whole_totals]: the totals of a wider whole, for every measure, and an optional note.
struct WholeTotals {
  Counts counts;
  std::vector<std::vector<Position>> positions;
};

std::optional<WholeTotals> read_whole_totals(TomlReader& reader, const toml::table& doc,
                                             Dataset& dataset) {
  const auto* table = reader.get_table(doc, "whole_totals", Need::optional);
  if (!table) return std::nullopt;
  dataset.whole_totals = true;
  dataset.whole_position = reader.key_position(doc.at("whole_totals"), "whole_totals");
  dataset.whole_note = reader.get_string(*table, "note", Need::optional).value_or("");
  if (doc.contains("published_totals")) {
    reader.error(dataset.whole_position,
                 "[whole_totals] and [published_totals] cannot both be given: printed totals of "
                 "the rows here are checked against them, totals of a wider whole are not");
  }
  WholeTotals whole;
  whole.counts.resize(dataset.measures.size());
  whole.positions.resize(dataset.measures.size());
  read_totals_table(
      reader, *table, "whole_totals", dataset, {"note"},
      [&](std::size_t m, std::vector<Count>& counts, std::vector<Position>& positions) {
        whole.counts[m] = std::move(counts);
        whole.positions[m] = std::move(positions);
      });
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    if (!table->contains(dataset.measures[m].id)) {
      reader.error(dataset.whole_position,
                   "[whole_totals] has no \"" + dataset.measures[m].id +
                       "\": the whole's figures replace the totals, so every measure needs them");
    }
  }
  return whole;
}

// [[notes]]: what each note refers to, but the area, which needs the rows (finish_dataset).
std::vector<Note> read_notes(TomlReader& reader, const toml::table& doc, const Dataset& dataset,
                             std::vector<std::pair<std::string, Position>>& areas) {
  std::vector<Note> notes;
  const auto* array = reader.get_array(doc, "notes", Need::optional);
  if (!array) return notes;
  std::vector<std::string> lines = dataset.measure_ids();
  for (const auto& r : dataset.ratios) lines.push_back(r.id);
  for (const auto& node : *array) {
    if (!node.is_table()) {
      reader.error(reader.position(node), "each note is a table: write [[notes]]");
      continue;
    }
    const auto& spec = *node.as_table();
    reader.check_keys(spec, {"text", "area", "period", "measure"}, "[[notes]]");
    Note note;
    note.position = reader.position(spec);
    bool ok = true;
    if (const auto text = reader.get_string(spec, "text", Need::required)) {
      note.text = *text;
      if (text->empty()) {
        reader.error(reader.position(spec.at("text")), "a note's text cannot be empty");
        ok = false;
      }
    } else {
      ok = false;
    }
    std::pair<std::string, Position> area;
    if (const auto id = reader.get_string(spec, "area", Need::optional)) {
      area = {*id, reader.position(spec.at("area"))};
    } else if (spec.contains("area")) {
      ok = false;
    }
    if (const auto year = reader.get_integer(spec, "period", Need::optional)) {
      const auto it = std::find(dataset.periods.begin(), dataset.periods.end(), *year);
      if (it == dataset.periods.end()) {
        std::string years;
        for (const int y : dataset.periods)
          years += (years.empty() ? "" : ", ") + std::to_string(y);
        reader.error(reader.position(spec.at("period")), "the dataset has no fiscal year " +
                                                             std::to_string(*year) +
                                                             "; its periods are " + years);
        ok = false;
      } else {
        note.period = static_cast<std::size_t>(it - dataset.periods.begin());
      }
    } else if (spec.contains("period")) {
      ok = false;
    }
    if (const auto id = reader.get_string(spec, "measure", Need::optional)) {
      const auto it = std::find(lines.begin(), lines.end(), *id);
      const auto at = static_cast<std::size_t>(it - lines.begin());
      if (it == lines.end()) {
        reader.error(reader.position(spec.at("measure")),
                     "unknown measure \"" + *id + "\"" + did_you_mean(*id, lines));
        ok = false;
      } else if (at < dataset.measures.size()) {
        note.measure = at;
      } else {
        note.ratio = at - dataset.measures.size();
      }
    } else if (spec.contains("measure")) {
      ok = false;
    }
    const int given = !area.first.empty() + spec.contains("period") + spec.contains("measure");
    const bool one_count =
        !area.first.empty() && spec.contains("period") && spec.contains("measure");
    if (given > 1 && !one_count) {
      reader.error(note.position,
                   "a note refers to the dataset (none of area, period and measure), one of "
                   "them alone, or one count (all three)");
      ok = false;
    } else if (one_count && note.ratio) {
      reader.error(reader.position(spec.at("measure")),
                   "a note on one count names a measure; a ratio's value follows from its "
                   "counts, and carries their notes");
      ok = false;
    }
    if (!ok) continue;
    notes.push_back(std::move(note));
    areas.push_back(std::move(area));
  }
  return notes;
}

// A KPI dataset's rows are the counts of its indicators' grades: it has [scale] and
// [achievement], and neither rows nor other measures of its own.
bool check_kpi_keys(TomlReader& reader, const toml::table& doc) {
  const auto at = [&](const char* key) { return reader.key_position(doc.at(key), key); };
  bool ok = true;
  if (!doc.contains("scale")) {
    reader.error(at("indicators"),
                 "indicators are graded into a [scale]: declare its grades, and [achievement] "
                 "with the bound of each");
    ok = false;
  }
  for (const char* key : {"rows", "measures"}) {
    if (!doc.contains(key)) continue;
    reader.error(at(key), std::string(key) == "rows"
                              ? "a KPI dataset's rows are its indicators' grades, counted per "
                                "area: leave rows out"
                              : "a KPI dataset counts its indicators per grade and has no other "
                                "measures: leave [measures] out");
    ok = false;
  }
  return ok;
}

// What read_dataset leaves to finish_dataset: the notes' areas, found once the rows are read.
struct Unresolved {
  std::vector<std::pair<std::string, Position>> note_areas;  // one per note; empty: none
  std::optional<WholeTotals> whole;
};

// The rows' source, when they are read: a CSV file (`source` is the dataset's own).
struct RowsSource {
  const SourceText& source;
  const RowsFileReader* files;
  Diagnostics& diags;
};

// Everything but the checks across values; the rows too when `rows` is given.
std::optional<Dataset> read_dataset(TomlReader& reader, const toml::table& doc, std::string id,
                                    const RowsSource* rows,
                                    const std::vector<MissingReason>& site_reasons,
                                    Unresolved& unresolved) {
  const int errors_before = reader.errors();
  Dataset dataset;
  dataset.id = std::move(id);
  reader.check_keys(doc,
                    {"title", "description", "unit", "periods", "measures", "ratios", "rows",
                     "published_totals", "whole_totals", "missing", "partial_totals", "notes",
                     "scale", "published_shares", "achievement", "indicators"},
                    "a dataset");
  dataset.title = reader.get_string(doc, "title", Need::required).value_or("");
  dataset.description = reader.get_string(doc, "description", Need::optional).value_or("");
  dataset.unit = reader.get_string(doc, "unit", Need::optional).value_or("");
  dataset.reasons = site_reasons;
  for (auto& reason : read_missing_reasons(reader, doc, site_reasons)) {
    dataset.reasons.push_back(std::move(reason));
  }
  dataset.partial_totals = reader.get_bool(doc, "partial_totals", Need::optional).value_or(false);
  const bool kpi = doc.contains("indicators");
  if (kpi && !check_kpi_keys(reader, doc)) return std::nullopt;
  std::optional<RowsSpec> spec;
  const bool from_file = names_rows_file(reader, doc, spec);
  // A CSV's rows may bring the fiscal years themselves.
  const bool periods_given = !from_file || doc.contains("periods");
  const auto periods = periods_given ? read_periods(reader, doc) : std::vector<int>{};
  std::optional<std::string> total;
  dataset.scale = read_grade_scale(reader, doc, total);
  if (doc.contains("scale") && !dataset.scale) return std::nullopt;
  dataset.measures = read_measures(reader, doc, dataset.scale ? &*dataset.scale : nullptr);
  if (!periods || dataset.measures.empty()) return std::nullopt;
  dataset.periods = *periods;
  check_measure_references(reader, doc, dataset.measures);
  if (dataset.scale && total) resolve_grade_total(reader, doc, *total, dataset);
  if (!dataset.scale && doc.contains("published_shares")) {
    reader.error(reader.key_position(doc.at("published_shares"), "published_shares"),
                 "[published_shares] are the shares of a dataset's grades: declare them in "
                 "[scale]");
  }
  if (!kpi && doc.contains("achievement")) {
    reader.error(reader.key_position(doc.at("achievement"), "achievement"),
                 "[achievement] grades a KPI dataset's [[indicators]]: add them, or leave it out");
  }
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
  } else if (kpi) {
    if (!read_kpi(reader, rows ? rows->source : reader.source(), doc, dataset)) return std::nullopt;
  } else if (rows) {
    dataset.rows = read_rows(reader, doc, dataset.measures, dataset.periods.size(), dataset.reasons,
                             dataset.scale ? &dataset : nullptr, &rows->source);
  }
  if (dataset.scale && rows && doc.contains("published_shares")) {
    std::vector<PublishedShare> shares;
    if (read_shares(reader, rows->source, doc.at("published_shares"), dataset, std::nullopt,
                    "[published_shares]", shares)) {
      dataset.published_shares.insert(dataset.published_shares.end(), shares.begin(), shares.end());
    }
  }
  read_published_totals(reader, doc, dataset);
  unresolved.whole = read_whole_totals(reader, doc, dataset);
  dataset.notes = read_notes(reader, doc, dataset, unresolved.note_areas);
  if (reader.errors() > errors_before) return std::nullopt;
  return dataset;
}

// Each note's area, among the dataset's rows.
void resolve_note_areas(Dataset& dataset, const Unresolved& unresolved, Diagnostics& diags) {
  std::vector<std::string> areas;
  for (const auto& row : dataset.rows) areas.push_back(row.area);
  for (std::size_t i = 0; i < dataset.notes.size(); ++i) {
    const auto& [area, position] = unresolved.note_areas[i];
    if (area.empty()) continue;
    const auto it = std::find(areas.begin(), areas.end(), area);
    if (it == areas.end()) {
      diags.error(*dataset.source, position,
                  "the dataset has no row for area \"" + area + "\"" + did_you_mean(area, areas));
      continue;
    }
    dataset.notes[i].row = static_cast<std::size_t>(it - areas.begin());
  }
}

// The checks across values, and the totals.
bool finish_dataset(Dataset& dataset, const SourceText& source, const Unresolved& unresolved,
                    Diagnostics& diags) {
  const int errors_before = diags.errors();
  dataset.source = std::make_shared<SourceText>(source);
  resolve_note_areas(dataset, unresolved, diags);
  check_counts(dataset, diags);
  if (unresolved.whole) {
    check_whole_totals(dataset, unresolved.whole->counts, unresolved.whole->positions, diags);
  }
  compute_totals(dataset, diags);
  if (unresolved.whole) dataset.totals = unresolved.whole->counts;
  compute_total_ratios(dataset);
  if (dataset.scale) {
    check_grade_sums(dataset, diags);
    if (diags.errors() == errors_before) check_published_shares(dataset, diags);
  }
  return diags.errors() == errors_before;
}

}  // namespace

std::optional<Dataset> parse_dataset(const SourceText& source, std::string id, Diagnostics& diags,
                                     const RowsFileReader* files,
                                     const std::vector<MissingReason>& site_reasons) {
  TomlReader reader(source, diags);
  const auto doc = reader.parse(source.text());
  if (!doc) return std::nullopt;
  const RowsSource rows{source, files, diags};
  Unresolved unresolved;
  auto dataset = read_dataset(reader, *doc, std::move(id), &rows, site_reasons, unresolved);
  if (!dataset || !finish_dataset(*dataset, source, unresolved, diags)) return std::nullopt;
  return dataset;
}

std::vector<Dataset> load_datasets(const FileSystem& fs, const std::vector<std::string>& paths,
                                   Diagnostics& diags, const std::string& area_label,
                                   const std::vector<std::string>& csv_paths,
                                   const std::vector<MissingReason>& site_reasons) {
  std::vector<Dataset> datasets;
  std::set<std::string> named;  // the CSV files datasets name
  RowsFileReader files;
  files.read = [&](const std::string& path) { return fs.read(path, read_limit::dataset); };
  files.named = [&](const std::string& path) { named.insert(path); };
  files.csv_paths = csv_paths;
  files.area_label = area_label;
  std::vector<std::string> ids;  // every dataset's, also those with errors
  for (const auto& path : paths) {
    const auto name = path.substr(path.rfind('/') + 1);
    const auto id = name.substr(0, name.size() - std::string(".toml").size());
    ids.push_back(id);
    const auto source = read_source(fs, path, read_limit::dataset, diags);
    if (!source) continue;
    if (!valid_identifier(id)) {
      diags.report_file(Severity::error, path,
                        "the dataset id \"" + id +
                            "\" (the file name) may use only a-z, 0-9, '-' and '_', as it "
                            "becomes the address of its files");
      continue;
    }
    if (auto dataset = parse_dataset(*source, id, diags, &files, site_reasons)) {
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
  check_same_as(datasets, ids, diags);
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
      if (published[m][p]) counts[m][p] = Count{published[m][p]->value};
    }
  }
  return counts;
}

RatioFigure Dataset::ratio(const Ratio& r, const Counts& counts, std::size_t period) const {
  const auto& numerator = counts[r.numerator][period];
  const auto& denominator = counts[r.denominator][period];
  RatioFigure out;
  out.value.decimals = r.decimals;
  out.partial = numerator.partial || denominator.partial;
  if (!numerator.present() || !denominator.present()) {
    out.missing = numerator.present() ? denominator.missing : numerator.missing;
    return out;
  }
  out.numerator = numerator.value;
  out.denominator = denominator.value;
  out.value = compute_ratio(numerator.value, denominator.value, r.decimals, r.rounding);
  return out;
}

RatioFigure Dataset::total_ratio(const Ratio& r, std::size_t period) const {
  return total_ratios[static_cast<std::size_t>(&r - ratios.data())][period];
}

std::string Dataset::shown(const Count& count) const {
  return count.present() ? format_count(count.value) : reason(count.missing).symbol;
}

std::string Dataset::shown(const RatioFigure& figure) const {
  return figure.present() ? format_ratio(figure.value) : reason(figure.missing).symbol;
}

}  // namespace hyoka
