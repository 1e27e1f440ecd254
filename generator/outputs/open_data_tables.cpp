// CSV and JSON of a dataset: the same rows as the pages' tables, without totals.
#include <nlohmann/json.hpp>

#include "base/era.h"
#include "outputs/open_data.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
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

std::vector<std::string> csv_columns(const Site& site, const Dataset& dataset) {
  const auto& area = site.config.area_label;
  std::vector<std::string> columns = {"全国地方公共団体コード", area + "ID", area, "年度",
                                      "年度（和暦）"};
  for (const auto& m : dataset.measures) columns.push_back(m.label);
  for (const auto& r : dataset.ratios) columns.push_back(r.label + "（%）");
  return columns;
}

std::string dataset_csv(const Site& site, const Dataset& dataset) {
  std::string out;
  const auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  line(csv_columns(site, dataset));
  for (const auto& ref : rows_in_order(site, dataset)) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      std::vector<std::string> fields = {
          site.config.publisher.local_government_code, ref.page->page->id, ref.page->page->title,
          std::to_string(dataset.periods[p]),
          fiscal_year_label(dataset.periods[p], FiscalYearStyle::wareki)};
      for (std::size_t m = 0; m < dataset.measures.size(); ++m) {
        fields.push_back(std::to_string(ref.row->values[m][p]));
      }
      for (const auto& r : dataset.ratios) {
        fields.push_back(format_ratio_number(dataset.ratio(r, ref.row->values, p)));
      }
      line(fields);
    }
  }
  return out;
}

// Stands for the rows until they are put in; no dataset text can hold this control character.
constexpr const char* kRowsPlaceholder = "\x01rows\x01";

std::string dataset_json(const Site& site, const Dataset& dataset) {
  using json = nlohmann::ordered_json;
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
  // One object per area and year: serialized one at a time into the array, as dump(2) would
  // lay them out at that depth, so that a dataset of every area is never a tree in memory.
  std::string rows_text;
  for (const auto& ref : rows_in_order(site, dataset)) {
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      auto [values, shares] = values_of(ref.row->values, p);
      const json row = {
          {"area_id", ref.page->page->id},
          {"area_name", ref.page->page->title},
          {"fiscal_year", dataset.periods[p]},
          {"fiscal_year_label", fiscal_year_label(dataset.periods[p], FiscalYearStyle::wareki)},
          {"values", values},
          {"ratios", shares}};
      rows_text += rows_text.empty() ? "[\n    " : ",\n    ";
      // JSON text holds no line breaks inside strings, so indenting every line is safe.
      const auto text = row.dump(2);
      for (const char c : text) {
        rows_text += c;
        if (c == '\n') rows_text += "    ";
      }
    }
  }
  rows_text += rows_text.empty() ? "[]" : "\n  ]";
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
        {"title", config.open_data.license.title},
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
  auto text = out.dump(2) + "\n";
  const auto quoted = json(kRowsPlaceholder).dump();
  text.replace(text.find(quoted), quoted.size(), rows_text);
  return text;
}

std::string temporal_coverage(const Dataset& dataset) {
  if (dataset.periods.empty()) return "";
  return std::to_string(dataset.periods.front()) + "-04-01/" +
         std::to_string(dataset.periods.back() + 1) + "-03-31";
}

std::string attribution(const Site& site, const Dataset& dataset) {
  const auto& config = site.config;
  return "出典：" + (config.publisher.name.empty() ? std::string() : config.publisher.name) + "「" +
         dataset.title + "」（" + config.open_data.license.title + "）";
}

}  // namespace hyoka
