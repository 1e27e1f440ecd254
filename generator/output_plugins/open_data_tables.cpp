// CSV and JSON of a dataset: the same rows as the pages' tables, without totals.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/era.h"
#include "output_plugins/csv_cells.h"
#include "output_plugins/open_data.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

using json = nlohmann::ordered_json;

// A JSON string as the library's dump() writes it: printable ASCII other than quotes and
// backslashes as it is, anything else (escapes, UTF-8 and its checks) by the library itself.
void append_json_string(std::string& out, std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
      out += json(std::string(text)).dump();
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

// Once the first of `count` areas is in `out` (from `start`), room for all of them at its size
// and a tenth more: tens of MiB are then copied once, not at every growth.
void reserve_like_the_first(std::string& out, std::size_t start, std::size_t count) {
  const auto first = out.size() - start;
  out.reserve(out.size() + first * (count - 1) + first * count / 10);
}

struct AreaRef {
  const SitePage* page;
  const Row* row;
  std::size_t index;  // of the row in the dataset
};

std::vector<AreaRef> rows_in_order(const Site& site, const Dataset& dataset) {
  std::vector<AreaRef> out;
  for (const auto& area : site.areas) {
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] == &dataset) {
        out.push_back({&area, &dataset.rows[ref.row], ref.row});
      }
    }
  }
  return out;
}

}  // namespace

namespace {

// Whether any count of the rows or of the totals, or any ratio, is missing for this reason.
bool reason_used(const Dataset& dataset, std::uint16_t reason) {
  for (const auto& row : dataset.rows) {
    for (const auto& line : row.values) {
      for (const auto& count : line) {
        if (count.missing == reason) return true;
      }
    }
  }
  for (const auto& line : dataset.totals) {
    for (const auto& count : line) {
      if (count.missing == reason) return true;
    }
  }
  return false;
}

}  // namespace

bool rows_have_missing(const Dataset& dataset) {
  for (const auto& row : dataset.rows) {
    for (const auto& line : row.values) {
      for (const auto& count : line) {
        if (!count.present()) return true;
      }
    }
  }
  return false;
}

namespace {

// Whether any note concerns some rows: an area's, a fiscal year's or a count's.
bool notes_on_rows(const Dataset& dataset) {
  for (const auto& note : dataset.notes) {
    if (note.row || note.period) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> row_notes(const Words& words, const Dataset& dataset, std::size_t row,
                                   std::size_t period) {
  std::vector<std::string> texts;
  for (const auto& note : dataset.notes) {
    if (note.row && *note.row != row) continue;
    if (note.period && *note.period != period) continue;
    if (!note.row && !note.period) continue;
    texts.push_back(note.measure && note.row && note.period
                        ? words(Word::open_data_measure_note,
                                {dataset.measures[*note.measure].label, note.text})
                        : note.text);
  }
  return texts;
}

std::vector<CsvColumn> csv_layout(const Site& site, const Dataset& dataset) {
  // The headings follow the site's language, as its area and measure labels do.
  using Kind = CsvColumn::Kind;
  const auto& words = site.words;
  const auto& area = site.config.area_label;
  const std::string integer = "integer", number = "number", string = "string";
  std::vector<CsvColumn> columns = {
      {Kind::code, words(Word::open_data_code_column), 0, string, "",
       words(Word::open_data_code_description)},
      {Kind::area_id, words(Word::open_data_area_id_column, {area}), 0, string, "",
       words(Word::open_data_area_id_description, {area})},
      {Kind::area, words(Word::open_data_area_column, {area}), 0, string, "",
       words(Word::open_data_area_description, {area})},
      {Kind::year, words(Word::open_data_year_column), 0, integer, "",
       words(Word::open_data_year_description)},
      {Kind::year_label, words(Word::open_data_era_year_column), 0, string, "",
       words(Word::open_data_era_year_description)}};
  // A count may be blank only in a dataset with missing counts, and then its reason is not.
  const bool missing = rows_have_missing(dataset);
  if (dataset.scale) {
    const auto& scale = dataset.scale->label;
    const auto count = words(Word::grades_count);
    columns.push_back({Kind::grade_id, words(Word::grades_grade_id_column, {scale}), 0, string, "",
                       words(Word::grades_grade_description, {scale})});
    columns.push_back(
        {Kind::grade, words(Word::grades_grade_column, {scale}), 0, string, "", scale});
    columns.push_back({Kind::count, count, 0, integer, dataset.unit,
                       missing ? words(Word::open_data_count_missing_description,
                                       {words(Word::grades_count_description)})
                               : words(Word::grades_count_description)});
    if (missing) {
      columns.push_back({Kind::reason, words(Word::open_data_reason_column, {count}), 0, string, "",
                         words(Word::open_data_reason_description)});
    }
    columns.push_back({Kind::share,
                       words(Word::open_data_ratio_column, {words(Word::grades_share)}), 0, number,
                       "%", words(Word::grades_share_description)});
    if (notes_on_rows(dataset)) {
      columns.push_back({Kind::notes, words(Word::open_data_notes_column), 0, string, "",
                         words(Word::open_data_notes_description, {area})});
    }
    return columns;
  }
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    const auto& label = dataset.measures[m].label;
    const auto described =
        dataset.unit.empty() ? label : words(Word::table_unit, {label, dataset.unit});
    columns.push_back(
        {Kind::measure, label, m, integer, dataset.unit,
         missing ? words(Word::open_data_count_missing_description, {described}) : described});
    if (missing) {
      columns.push_back({Kind::reason, words(Word::open_data_reason_column, {label}), m, string, "",
                         words(Word::open_data_reason_description)});
    }
  }
  for (std::size_t r = 0; r < dataset.ratios.size(); ++r) {
    columns.push_back({Kind::ratio, words(Word::open_data_ratio_column, {dataset.ratios[r].label}),
                       r, number, "%",
                       words(missing ? Word::open_data_ratio_missing_description
                                     : Word::open_data_ratio_description)});
  }
  if (notes_on_rows(dataset)) {
    columns.push_back({Kind::notes, words(Word::open_data_notes_column), 0, string, "",
                       words(Word::open_data_notes_description, {area})});
  }
  return columns;
}

namespace {

// A grade dataset's CSV: a line per area × fiscal year × grade, in the scale's order.
std::string grade_csv(const Site& site, const Dataset& dataset, CsvFlavour flavour) {
  const auto layout = csv_layout(site, dataset);
  std::string out = csv_heading(layout, flavour);
  const auto& scale = *dataset.scale;
  for (const auto& ref : rows_in_order(site, dataset)) {
    const auto& values = ref.row->values;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      std::string notes;
      for (const auto& text : row_notes(site.words, dataset, ref.index, p)) {
        if (!notes.empty()) site.words[Word::open_data_notes_separator].append_to(notes);
        notes += text;
      }
      for (std::size_t g = 0; g < scale.grades.size(); ++g) {
        const auto& count = values[g][p];
        for (std::size_t c = 0; c < layout.size(); ++c) {
          if (c) out += ',';
          switch (layout[c].kind) {
            case CsvColumn::Kind::code:
              append_csv_text(out, site.config.publisher.local_government_code, flavour);
              break;
            case CsvColumn::Kind::area_id:
              append_csv_text(out, ref.page->page->id, flavour);
              break;
            case CsvColumn::Kind::area:
              append_csv_text(out, ref.page->page->title, flavour);
              break;
            case CsvColumn::Kind::year:
              append_number(out, dataset.periods[p]);
              break;
            case CsvColumn::Kind::year_label:
              append_csv_text(out,
                              site.words.fiscal_year(dataset.periods[p], FiscalYearStyle::wareki),
                              flavour);
              break;
            case CsvColumn::Kind::grade_id:
              append_csv_text(out, scale.grades[g].id, flavour);
              break;
            case CsvColumn::Kind::grade:
              append_csv_text(out, scale.grades[g].label, flavour);
              break;
            case CsvColumn::Kind::count:
              if (count.present()) append_number(out, count.value);
              break;
            case CsvColumn::Kind::reason:
              if (!count.present())
                append_csv_text(out, dataset.reason(count.missing).label, flavour);
              break;
            case CsvColumn::Kind::share: {
              const auto share = dataset.share(values, g, p);
              if (share.present()) append_csv_field(out, format_ratio_number(share.value));
              break;
            }
            case CsvColumn::Kind::notes:
              append_csv_text(out, notes, flavour);
              break;
            default:
              break;
          }
        }
        out += "\r\n";
      }
    }
  }
  return out;
}

}  // namespace

// Every line appended to one buffer; what is the same for an area or a year made once.
std::string dataset_csv(const Site& site, const Dataset& dataset, CsvFlavour flavour) {
  if (dataset.scale) return grade_csv(site, dataset, flavour);
  const auto layout = csv_layout(site, dataset);
  std::string out = csv_heading(layout, flavour);
  const auto header = out.size();
  std::vector<std::string> years;
  for (const int period : dataset.periods) {
    auto& year = years.emplace_back();
    append_number(year, period);
    year += ',';
    append_csv_text(year, site.words.fiscal_year(period, FiscalYearStyle::wareki), flavour);
  }
  const auto rows = rows_in_order(site, dataset);
  std::string area;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 1) reserve_like_the_first(out, header, rows.size());
    const auto& ref = rows[i];
    area.clear();
    append_csv_text(area, site.config.publisher.local_government_code, flavour);
    area += ',';
    append_csv_text(area, ref.page->page->id, flavour);
    area += ',';
    append_csv_text(area, ref.page->page->title, flavour);
    area += ',';
    const auto& values = ref.row->values;
    const auto row = ref.index;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      out += area;
      out += years[p];
      for (std::size_t c = 5; c < layout.size(); ++c) {
        const auto& column = layout[c];
        out += ',';
        switch (column.kind) {
          case CsvColumn::Kind::measure:
            // Blank, never 0, where the count is missing: its reason is in the next column.
            if (values[column.index][p].present())
              append_number(out, values[column.index][p].value);
            break;
          case CsvColumn::Kind::reason:
            if (!values[column.index][p].present()) {
              append_csv_text(out, dataset.reason(values[column.index][p].missing).label, flavour);
            }
            break;
          case CsvColumn::Kind::ratio: {
            const auto figure = dataset.ratio(dataset.ratios[column.index], values, p);
            if (figure.present()) append_csv_field(out, format_ratio_number(figure.value));
            break;
          }
          case CsvColumn::Kind::notes: {
            std::string joined;
            for (const auto& text : row_notes(site.words, dataset, row, p)) {
              if (!joined.empty()) site.words[Word::open_data_notes_separator].append_to(joined);
              joined += text;
            }
            append_csv_text(out, joined, flavour);
            break;
          }
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

// Stands for the rows until they are put in; no dataset text can hold this control character.
constexpr const char* kRowsPlaceholder = "\x01rows\x01";

// The keys of an object of values or ratios, each with the line and indent before it, in the
// order of their first appearance; a repeated key holds the last value, as in ordered_json.
std::vector<std::pair<std::string, std::size_t>> object_keys(
    const std::vector<std::string_view>& ids) {
  std::vector<std::pair<std::string, std::size_t>> keys;
  std::vector<std::string_view> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto at = std::find(seen.begin(), seen.end(), ids[i]) - seen.begin();
    if (at < static_cast<std::ptrdiff_t>(seen.size())) {
      keys[static_cast<std::size_t>(at)].second = i;
      continue;
    }
    seen.push_back(ids[i]);
    std::string line = "\n        ";
    append_json_string(line, ids[i]);
    line += ": ";
    keys.emplace_back(std::move(line), i);
  }
  return keys;
}

// `value` under `key` as the last members of a row object, laid out as dump(2) lays them out.
void append_member(std::string& out, const char* key, const json& value) {
  out += ",\n      \"";
  out += key;
  out += "\": ";
  const auto text = value.dump(2);
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "      ";
  }
}

// What a row holds beyond its figures: the reasons of its missing counts and ratios, and the
// notes on it. Most rows have neither, and then nothing is written.
void append_row_extras(const Dataset& dataset, std::size_t row, std::size_t p, std::string& out) {
  const auto& values = dataset.rows[row].values;
  json missing = json::object();
  for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
    if (!values[m][p].present()) {
      missing[dataset.measures[m].id] = dataset.reason(values[m][p].missing).label;
    }
  }
  if (!missing.empty()) {
    for (const auto& ratio : dataset.ratios) {
      const auto figure = dataset.ratio(ratio, values, p);
      if (!figure.present()) missing[ratio.id] = dataset.reason(figure.missing).label;
    }
    append_member(out, "missing", missing);
  }
  if (dataset.notes.empty()) return;
  json notes = json::array();
  for (const auto& note : dataset.notes) {
    if (!note.row && !note.period) continue;
    if ((note.row && *note.row != row) || (note.period && *note.period != p)) continue;
    json item = json::object();
    if (note.measure && note.row && note.period)
      item["measure"] = dataset.measures[*note.measure].id;
    item["text"] = note.text;
    notes.push_back(item);
  }
  if (!notes.empty()) append_member(out, "notes", notes);
}

// A row object's beginning, up to its fiscal year: "{", the area's id and name.
std::string json_area(const AreaRef& ref) {
  std::string area = "{\n      \"area_id\": ";
  append_json_string(area, ref.page->page->id);
  area += ",\n      \"area_name\": ";
  append_json_string(area, ref.page->page->title);
  area += ",\n      \"fiscal_year\": ";
  return area;
}

// Per period, a row object's fiscal year, its label and the key `next` that follows them.
std::vector<std::string> json_years(const Site& site, const Dataset& dataset, const char* next) {
  std::vector<std::string> years;
  for (const int period : dataset.periods) {
    auto& year = years.emplace_back();
    append_number(year, period);
    year += ",\n      \"fiscal_year_label\": ";
    append_json_string(year, site.words.fiscal_year(period, FiscalYearStyle::wareki));
    year += ",\n      \"";
    year += next;
    year += "\": ";
  }
  return years;
}

// One object per area and year into the array, laid out as dump(2) lays them out at that depth,
// written straight into `out`: a dataset of every area is never a tree in memory.
void append_json_rows(const Site& site, const Dataset& dataset, std::string& out) {
  std::vector<std::string_view> ids;
  for (const auto& m : dataset.measures) ids.push_back(m.id);
  const auto value_keys = object_keys(ids);
  ids.clear();
  for (const auto& r : dataset.ratios) ids.push_back(r.id);
  const auto ratio_keys = object_keys(ids);
  const auto years = json_years(site, dataset, "values");
  const auto start = out.size();
  const auto rows = rows_in_order(site, dataset);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 1) reserve_like_the_first(out, start, rows.size());
    const auto& ref = rows[i];
    const auto area = json_area(ref);
    const auto& values = ref.row->values;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      out += out.size() == start ? "[\n    " : ",\n    ";
      out += area;
      out += years[p];
      if (value_keys.empty()) out += "{}";
      for (std::size_t k = 0; k < value_keys.size(); ++k) {
        out += k ? "," : "{";
        out += value_keys[k].first;
        const auto& count = values[value_keys[k].second][p];
        if (count.present()) {
          append_number(out, count.value);
        } else {
          out += "null";
        }
        if (k + 1 == value_keys.size()) out += "\n      }";
      }
      out += ",\n      \"ratios\": ";
      if (ratio_keys.empty()) out += "{}";
      for (std::size_t k = 0; k < ratio_keys.size(); ++k) {
        out += k ? "," : "{";
        out += ratio_keys[k].first;
        const auto share = dataset.ratio(dataset.ratios[ratio_keys[k].second], values, p);
        if (share.present() && share.value.defined) {
          append_json_string(out, format_ratio_number(share.value));
        } else {
          out += "null";
        }
        if (k + 1 == ratio_keys.size()) out += "\n      }";
      }
      append_row_extras(dataset, ref.index, p, out);
      out += "\n    }";
    }
  }
  out += out.size() == start ? "[]" : "\n  ]";
}

}  // namespace

namespace {

json share_json(const RatioFigure& share) {
  return share.present() && share.value.defined ? json(format_ratio_number(share.value))
                                                : json(nullptr);
}

// A grade dataset's rows, one object per area × fiscal year × grade, laid out as dump(2) lays
// them out, straight into `out`: a KPI dataset of 10,000 areas has 150,000 of them, and as a
// tree they took most of the outputs stage (787 ms of a 4.1 s build).
void append_grade_json_rows(const Site& site, const Dataset& dataset, std::string& out) {
  const auto& scale = *dataset.scale;
  const auto years = json_years(site, dataset, "grade");
  const auto start = out.size();
  const auto rows = rows_in_order(site, dataset);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 1) reserve_like_the_first(out, start, rows.size());
    const auto& ref = rows[i];
    const auto area = json_area(ref);
    const auto& values = ref.row->values;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      for (std::size_t g = 0; g < scale.grades.size(); ++g) {
        const auto& count = values[g][p];
        out += out.size() == start ? "[\n    " : ",\n    ";
        out += area;
        out += years[p];
        append_json_string(out, scale.grades[g].id);
        out += ",\n      \"count\": ";
        if (count.present()) {
          append_number(out, count.value);
        } else {
          out += "null";
        }
        out += ",\n      \"share\": ";
        const auto share = dataset.share(values, g, p);
        if (share.present() && share.value.defined) {
          append_json_string(out, format_ratio_number(share.value));
        } else {
          out += "null";
        }
        if (!count.present()) {
          out += ",\n      \"missing\": ";
          append_json_string(out, dataset.reason(count.missing).label);
        }
        out += "\n    }";
      }
    }
  }
  out += out.size() == start ? "[]" : "\n  ]";
}

// A grade dataset's JSON: its scale, then one object per area × fiscal year × grade, then the
// totals per fiscal year and grade. Shares are strings with the scale's decimals, as shown.
void add_grades(const Dataset& dataset, json& out) {
  const auto& scale = *dataset.scale;
  json grades = json::array(), groups = json::array();
  for (const auto& g : scale.grades) {
    json item = {{"id", g.id}, {"label", g.label}};
    if (g.short_label != g.label) item["short_label"] = g.short_label;
    if (!g.symbol.empty()) item["symbol"] = g.symbol;
    if (!g.definition.empty()) item["definition"] = g.definition;
    if (g.special) item["special"] = true;
    grades.push_back(item);
  }
  for (const auto& group : scale.groups) {
    json members = json::array();
    for (const auto g : group.grades) members.push_back(scale.grades[g].id);
    groups.push_back({{"id", group.id}, {"label", group.label}, {"grades", members}});
  }
  json described = {
      {"label", scale.label},
      {"ordered", scale.ordered},
      {"share_unit", "%"},
      {"decimals", scale.decimals},
      {"rounding", rounding_name(scale.rounding)},
      {"whole", scale.total ? json(dataset.measures[*scale.total].id) : json(nullptr)},
      {"grades", grades}};
  if (!groups.empty()) described["groups"] = groups;
  out["scale"] = described;
  out["rows"] = kRowsPlaceholder;  // append_grade_json_rows() writes them
  json totals = json::array();
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    for (std::size_t g = 0; g < scale.grades.size(); ++g) {
      const auto& count = dataset.totals[g][p];
      json total = {{"fiscal_year", dataset.periods[p]},
                    {"grade", scale.grades[g].id},
                    {"count", count.present() ? json(count.value) : json(nullptr)},
                    {"share", share_json(dataset.share(dataset.totals, g, p))}};
      if (!count.present()) total["missing"] = dataset.reason(count.missing).label;
      if (count.partial) total["partial"] = true;
      totals.push_back(total);
    }
  }
  out["totals"] = totals;
  json wholes = json::array();
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    const auto whole = dataset.grade_whole(dataset.totals, p);
    wholes.push_back({{"fiscal_year", dataset.periods[p]},
                      {"count", whole.present() ? json(whole.value) : json(nullptr)}});
  }
  out["wholes"] = wholes;
  json printed = json::array();
  for (const auto& share : dataset.published_shares) {
    json item = json::object();
    if (share.row) item["area_id"] = dataset.rows[*share.row].area;
    item["fiscal_year"] = dataset.periods[share.period];
    item["grade"] = scale.grades[share.grade].id;
    item["share"] = format_ratio_number({true, share.scaled, share.decimals});
    printed.push_back(item);
  }
  if (!printed.empty()) out["published_shares"] = printed;
}

}  // namespace

std::string dataset_json(const Site& site, const Dataset& dataset) {
  json measures = json::array(), ratios = json::array(), totals = json::array();
  for (const auto& m : dataset.measures) measures.push_back({{"id", m.id}, {"label", m.label}});
  for (const auto& r : dataset.ratios) {
    ratios.push_back({{"id", r.id},
                      {"label", r.label},
                      {"numerator", dataset.measures[r.numerator].id},
                      {"denominator", dataset.measures[r.denominator].id},
                      {"unit", "%"},
                      {"decimals", r.decimals},
                      {"rounding", rounding_name(r.rounding)}});
  }
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    json values = json::object(), shares = json::object(), missing = json::object();
    json partial = json::array();
    for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
      const auto& count = dataset.totals[m][p];
      const auto& id = dataset.measures[m].id;
      values[id] = count.present() ? json(count.value) : json(nullptr);
      if (!count.present()) missing[id] = dataset.reason(count.missing).label;
      if (count.partial) partial.push_back(id);
    }
    for (const auto& r : dataset.ratios) {
      const auto v = dataset.total_ratio(r, p);
      shares[r.id] =
          v.present() && v.value.defined ? json(format_ratio_number(v.value)) : json(nullptr);
      if (!v.present()) missing[r.id] = dataset.reason(v.missing).label;
      if (v.partial) partial.push_back(r.id);
    }
    json printed = json::object();
    for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
      if (dataset.published[m][p]) printed[dataset.measures[m].id] = dataset.published[m][p]->value;
    }
    json total = {{"fiscal_year", dataset.periods[p]}, {"values", values}, {"ratios", shares}};
    if (!printed.empty()) total["published_values"] = printed;
    if (!missing.empty()) total["missing"] = missing;
    if (!partial.empty()) total["partial"] = partial;
    totals.push_back(total);
  }
  auto out = dataset_json_head(site, dataset, true);
  out["periods"] = dataset.periods;
  out["measures"] = measures;
  out["ratios"] = ratios;
  json reasons = json::array();
  for (std::size_t i = 0; i < dataset.reasons.size(); ++i) {
    if (!reason_used(dataset, static_cast<std::uint16_t>(i + 1))) continue;
    const auto& reason = dataset.reasons[i];
    json item = {{"reason", reason.label}, {"symbol", reason.symbol}};
    if (!reason.description.empty()) item["description"] = reason.description;
    reasons.push_back(item);
  }
  if (!reasons.empty()) out["missing_reasons"] = reasons;
  if (!dataset.notes.empty()) {
    json notes = json::array();
    for (const auto& note : dataset.notes) {
      json item = json::object();
      if (note.row) item["area_id"] = dataset.rows[*note.row].area;
      if (note.period) item["fiscal_year"] = dataset.periods[*note.period];
      if (note.measure) item["measure"] = dataset.measures[*note.measure].id;
      if (note.ratio) item["ratio"] = dataset.ratios[*note.ratio].id;
      item["text"] = note.text;
      notes.push_back(item);
    }
    out["notes"] = notes;
  }
  if (dataset.scale) {
    json others = json::array();
    for (std::size_t m = dataset.scale->grades.size(); m < dataset.measures.size(); ++m) {
      others.push_back({{"id", dataset.measures[m].id}, {"label", dataset.measures[m].label}});
    }
    out["measures"] = others;
    out.erase("ratios");
    add_grades(dataset, out);
    if (dataset.whole_totals) out["whole_totals"] = {{"note", dataset.whole_note}};
  } else {
    out["rows"] = kRowsPlaceholder;
    if (dataset.whole_totals) out["whole_totals"] = {{"note", dataset.whole_note}};
    out["totals"] = totals;
  }
  // Everything else is small: the library lays it out, and the rows go where it put the
  // placeholder.
  const auto frame = out.dump(2);
  const auto quoted = json(kRowsPlaceholder).dump();
  const auto at = frame.find(quoted);
  std::string text(frame, 0, at);
  if (dataset.scale) {
    append_grade_json_rows(site, dataset, text);
  } else {
    append_json_rows(site, dataset, text);
  }
  text.append(frame, at + quoted.size());
  text += '\n';
  return text;
}

json dataset_json_head(const Site& site, const Dataset& dataset, bool with_unit) {
  const auto& config = site.config;
  json out = {{"id", dataset.id}, {"title", dataset.title}, {"description", dataset.description}};
  if (with_unit) out["unit"] = dataset.unit;
  out["publisher"] = {{"name", config.publisher.name},
                      {"local_government_code", config.publisher.local_government_code}};
  out["license"] = {{"id", config.open_data.license.id},
                    {"title", license_title(site)},
                    {"url", config.open_data.license.uri}};
  out["attribution"] = attribution(site, dataset);
  // One interval, or one for each run of consecutive fiscal years when some are missing.
  const auto coverage = temporal_coverage(dataset);
  out["temporal_coverage"] = coverage.size() == 1 ? json(coverage.front()) : json(coverage);
  out["issued"] = config.open_data.issued;
  out["modified"] = config.open_data.modified;
  out["landing_page"] = config.base_url + dataset_page_path(dataset.id);
  return out;
}

std::vector<std::string> temporal_coverage(const Dataset& dataset) {
  std::vector<std::string> intervals;
  for (const auto& [first, last] : year_runs(dataset.periods)) {
    intervals.push_back(std::to_string(first) + "-04-01/" + std::to_string(last + 1) + "-03-31");
  }
  return intervals;
}

std::string attribution(const Site& site, const Dataset& dataset) {
  return site.words(Word::open_data_attribution,
                    {site.config.publisher.name, dataset.title, license_title(site)});
}

std::string license_title(const Site& site) {
  const auto& id = site.config.open_data.license.id;
  return site.words(id == "PDL-1.0" ? Word::license_pdl_1_0 : Word::license_cc_by_4_0);
}

}  // namespace hyoka
