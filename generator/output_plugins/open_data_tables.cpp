// CSV and JSON of a dataset: the same rows as the pages' tables, without totals.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/era.h"
#include "output_plugins/open_data.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

using json = nlohmann::ordered_json;

void append_number(std::string& out, std::int64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// A text cell. Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return
// as a formula (=HYPERLINK(…) in an area's title): in the Excel CSV such a cell starts with an
// apostrophe, which makes it text (OWASP's rule for CSV injection). Numbers never come here.
void append_csv_text(std::string& out, std::string_view text, CsvFlavour flavour) {
  if (flavour == CsvFlavour::excel && !text.empty() &&
      std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    append_csv_field(out, "'" + std::string(text));
    return;
  }
  append_csv_field(out, text);
}

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
};

std::vector<AreaRef> rows_in_order(const Site& site, const Dataset& dataset) {
  std::vector<AreaRef> out;
  for (const auto& area : site.areas) {
    for (const auto& ref : area.rows) {
      if (&site.datasets[ref.dataset] == &dataset) out.push_back({&area, &dataset.rows[ref.row]});
    }
  }
  return out;
}

}  // namespace

// The headings follow the site's language, as its area and measure labels do.
std::vector<std::string> csv_columns(const Site& site, const Dataset& dataset) {
  const auto& words = site.words;
  const auto& area = site.config.area_label;
  std::vector<std::string> columns = {
      words(Word::open_data_code_column), words(Word::open_data_area_id_column, {area}),
      words(Word::open_data_area_column, {area}), words(Word::open_data_year_column),
      words(Word::open_data_era_year_column)};
  for (const auto& m : dataset.measures) columns.push_back(m.label);
  for (const auto& r : dataset.ratios)
    columns.push_back(words(Word::open_data_ratio_column, {r.label}));
  return columns;
}

// Every line appended to one buffer; what is the same for an area or a year made once.
std::string dataset_csv(const Site& site, const Dataset& dataset, CsvFlavour flavour) {
  // Excel on Japanese Windows reads UTF-8 only with a byte-order mark.
  std::string out = flavour == CsvFlavour::excel ? "\xEF\xBB\xBF" : "";
  const auto columns = csv_columns(site, dataset);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    append_csv_text(out, columns[i], flavour);
  }
  out += "\r\n";
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
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      out += area;
      out += years[p];
      for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
        out += ',';
        append_number(out, values[m][p]);
      }
      for (const auto& r : dataset.ratios) {
        out += ',';
        append_csv_field(out, format_ratio_number(dataset.ratio(r, values, p)));
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

// One object per area and year into the array, laid out as dump(2) lays them out at that depth,
// written straight into `out`: a dataset of every area is never a tree in memory.
void append_json_rows(const Site& site, const Dataset& dataset, std::string& out) {
  std::vector<std::string_view> ids;
  for (const auto& m : dataset.measures) ids.push_back(m.id);
  const auto value_keys = object_keys(ids);
  ids.clear();
  for (const auto& r : dataset.ratios) ids.push_back(r.id);
  const auto ratio_keys = object_keys(ids);
  std::vector<std::string> years;  // the year, its label and the key of the values after it
  for (const int period : dataset.periods) {
    auto& year = years.emplace_back();
    append_number(year, period);
    year += ",\n      \"fiscal_year_label\": ";
    append_json_string(year, site.words.fiscal_year(period, FiscalYearStyle::wareki));
    year += ",\n      \"values\": ";
  }
  const auto start = out.size();
  const auto rows = rows_in_order(site, dataset);
  std::string area;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 1) reserve_like_the_first(out, start, rows.size());
    const auto& ref = rows[i];
    area = "{\n      \"area_id\": ";
    append_json_string(area, ref.page->page->id);
    area += ",\n      \"area_name\": ";
    append_json_string(area, ref.page->page->title);
    area += ",\n      \"fiscal_year\": ";
    const auto& values = ref.row->values;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      out += out.size() == start ? "[\n    " : ",\n    ";
      out += area;
      out += years[p];
      if (value_keys.empty()) out += "{}";
      for (std::size_t k = 0; k < value_keys.size(); ++k) {
        out += k ? "," : "{";
        out += value_keys[k].first;
        append_number(out, values[value_keys[k].second][p]);
        if (k + 1 == value_keys.size()) out += "\n      }";
      }
      out += ",\n      \"ratios\": ";
      if (ratio_keys.empty()) out += "{}";
      for (std::size_t k = 0; k < ratio_keys.size(); ++k) {
        out += k ? "," : "{";
        out += ratio_keys[k].first;
        const auto share = dataset.ratio(dataset.ratios[ratio_keys[k].second], values, p);
        if (share.defined) {
          append_json_string(out, format_ratio_number(share));
        } else {
          out += "null";
        }
        if (k + 1 == ratio_keys.size()) out += "\n      }";
      }
      out += "\n    }";
    }
  }
  out += out.size() == start ? "[]" : "\n  ]";
}

}  // namespace

std::string dataset_json(const Site& site, const Dataset& dataset) {
  const auto& config = site.config;
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
  const auto values_of = [&](const Counts& counts, std::size_t p) {
    json values = json::object(), shares = json::object();
    for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
      values[dataset.measures[m].id] = counts[m][p];
    }
    for (const auto& r : dataset.ratios) {
      const auto v = dataset.ratio(r, counts, p);
      shares[r.id] = v.defined ? json(format_ratio_number(v)) : json(nullptr);
    }
    return std::make_pair(values, shares);
  };
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    auto [values, shares] = values_of(dataset.totals, p);
    json printed = json::object();
    for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
      if (dataset.published[m][p]) printed[dataset.measures[m].id] = dataset.published[m][p]->value;
    }
    json total = {{"fiscal_year", dataset.periods[p]}, {"values", values}, {"ratios", shares}};
    if (!printed.empty()) total["published_values"] = printed;
    totals.push_back(total);
  }
  json out = {
      {"id", dataset.id},
      {"title", dataset.title},
      {"description", dataset.description},
      {"unit", dataset.unit},
      {"publisher",
       {{"name", config.publisher.name},
        {"local_government_code", config.publisher.local_government_code}}},
      {"license",
       {{"id", config.open_data.license.id},
        {"title", license_title(site)},
        {"url", config.open_data.license.uri}}},
      {"attribution", attribution(site, dataset)},
      {"temporal_coverage", temporal_coverage(dataset)},
      {"issued", config.open_data.issued},
      {"modified", config.open_data.modified},
      {"landing_page", config.base_url + dataset_page_path(dataset.id)},
      {"periods", dataset.periods},
      {"measures", measures},
      {"ratios", ratios},
      {"rows", kRowsPlaceholder},
      {"totals", totals},
  };
  // Everything else is small: the library lays it out, and the rows go where it put the
  // placeholder.
  const auto frame = out.dump(2);
  const auto quoted = json(kRowsPlaceholder).dump();
  const auto at = frame.find(quoted);
  std::string text(frame, 0, at);
  append_json_rows(site, dataset, text);
  text.append(frame, at + quoted.size());
  text += '\n';
  return text;
}

std::string temporal_coverage(const Dataset& dataset) {
  if (dataset.periods.empty()) return "";
  return std::to_string(dataset.periods.front()) + "-04-01/" +
         std::to_string(dataset.periods.back() + 1) + "-03-31";
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
