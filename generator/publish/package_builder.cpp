#include "publish/package_builder.h"

#include "base/era.h"
#include "base/utf8.h"
#include "site/open_data_paths.h"

namespace hyoka {

using nlohmann::json;

namespace {

// The notes are Markdown on the portal: the description, then what the table holds.
std::string notes(const SiteConfig& config, const Dataset& dataset, const std::string& landing) {
  std::string text = dataset.description.empty() ? "「" + dataset.title + "」の" +
                                                       config.area_label + "別・年度別の件数です。"
                                                 : dataset.description;
  text += "\n\n";
  if (!dataset.periods.empty()) {
    text += "- 対象期間：" + fiscal_years_label(dataset.periods, config.fiscal_year_style) + "\n";
  }
  if (!dataset.unit.empty()) text += "- 単位：" + dataset.unit + "\n";
  // A grade dataset lists its grades with their definitions, then any other measure.
  const std::size_t grades = dataset.scale ? dataset.scale->grades.size() : 0;
  if (dataset.scale) {
    text += "- " + dataset.scale->label + "：";
    for (std::size_t i = 0; i < grades; ++i) {
      const auto& grade = dataset.scale->grades[i];
      text += (i ? "、" : "") + grade.label +
              (grade.definition.empty() ? "" : "（" + grade.definition + "）");
    }
    text += "\n";
  }
  // A KPI dataset's grades are counted from its indicators, which have their own files.
  if (dataset.kpi) {
    text += "- 指標：";
    for (std::size_t i = 0; i < dataset.kpi->indicators.size(); ++i) {
      text += (i ? "、" : "") + dataset.kpi->indicators[i].name;
    }
    text += "\n";
  }
  if (dataset.measures.size() > grades) {
    text += "- 項目：";
    for (std::size_t i = grades; i < dataset.measures.size(); ++i) {
      text += (i > grades ? "、" : "") + dataset.measures[i].label;
    }
    text += "\n";
  }
  text += "- 出典：" + config.title + "（" + landing + "）\n";
  return text;
}

// Python's str.isspace(), which CKAN's str.strip() goes by.
bool python_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// `text` as CKAN stores or shows it after str.strip(): a value hyoka sent unstripped would
// differ from package_show's on every run, and every run would patch it again.
std::string strip_like_python(const std::string& text) {
  std::size_t begin = 0, end = 0;
  bool started = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const auto c = utf8::next(text, pos);
    if (c && python_space(*c)) continue;
    if (!started) begin = start, started = true;
    end = pos;
  }
  return text.substr(begin, end - begin);
}

json resource(std::string name, std::string url, std::string format, std::string mimetype,
              std::string description) {
  return {{"name", std::move(name)},
          {"url", std::move(url)},
          {"format", std::move(format)},
          {"mimetype", std::move(mimetype)},
          {"description", std::move(description)}};
}

}  // namespace

Result<std::string> ckan_package_name(const SiteConfig& config, const std::string& dataset_id) {
  if (config.publish.name_prefix.empty()) {
    return Result<std::string>::failure(
        "site.toml: [publish] name_prefix is missing; the portal's dataset names are "
        "<name_prefix>-<dataset id>, such as name_prefix = \"fukushima-ict\"");
  }
  const std::string name = config.publish.name_prefix + "-" + dataset_id;
  if (name.size() < 2 || name.size() > 100 ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
    return Result<std::string>::failure("the portal's name for dataset \"" + dataset_id + "\" (\"" +
                                        name +
                                        "\") must be 2 to 100 of a-z, 0-9, '-' and '_'; shorten "
                                        "[publish] name_prefix in site.toml or the dataset's id");
  }
  return {name, ""};
}

CkanPackage build_package(const SiteConfig& config, const Dataset& dataset,
                          const std::string& organization) {
  const auto url = [&](const std::string& path) { return config.base_url + path; };
  const std::string landing = url(dataset_page_path(dataset.id));
  CkanPackage package;
  const auto add = [&](const std::string& path, std::string name, std::string format,
                       std::string mimetype, std::string description) {
    package.resources.push_back(resource(std::move(name), url(path), std::move(format),
                                         std::move(mimetype), std::move(description)));
    package.site_paths.push_back(path);
  };
  package.name = *ckan_package_name(config, dataset.id).value;
  package.base_url = config.base_url;

  json& f = package.fields;
  f["name"] = package.name;
  f["title"] = strip_like_python(dataset.title);  // model_dictize.py package_dictize
  f["notes"] = notes(config, dataset, landing);
  f["owner_org"] = organization;
  f["license_id"] = config.publish.license_id;
  f["url"] = landing;
  if (!config.publisher.name.empty()) f["author"] = config.publisher.name;
  if (!config.open_data.contact_name.empty()) f["maintainer"] = config.open_data.contact_name;
  if (!config.open_data.contact_email.empty()) {
    f["maintainer_email"] = strip_like_python(config.open_data.contact_email);  // strip_value
  }
  f["tags"] = json::array();
  for (const auto& keyword : config.open_data.keywords) f["tags"].push_back({{"name", keyword}});

  auto& metadata = package.metadata;
  if (!config.open_data.issued.empty()) metadata.emplace_back("issued", config.open_data.issued);
  if (!config.open_data.modified.empty()) {
    metadata.emplace_back("modified", config.open_data.modified);
  }
  if (!config.publisher.name.empty()) {
    metadata.emplace_back("publisher_name", config.publisher.name);
  }
  if (!dataset.periods.empty()) {
    // Fiscal years run from 1 April to 31 March. These two keys hold one interval, as
    // ckanext-dcat reads them: the span, from the first fiscal year to the last; with gaps,
    // the notes above list the years the data covers.
    metadata.emplace_back("temporal_start", std::to_string(dataset.periods.front()) + "-04-01");
    metadata.emplace_back("temporal_end", std::to_string(dataset.periods.back() + 1) + "-03-31");
  }

  const std::string title = f["title"].get<std::string>();
  // A grade dataset's CSV has a line per grade too.
  const std::string rows = config.area_label + "×年度" +
                           (dataset.scale ? "×" + dataset.scale->label : std::string()) +
                           "ごとに1行";
  add(dataset_csv_path(dataset.id), title + "（CSV）", "CSV", "text/csv",
      "データ本体。" + rows +
          "、見出し行は1行、数値は単位・桁区切りなし。"
          "文字コードは UTF-8（BOM なし）。");
  if (config.open_data.excel_csv) {
    add(dataset_excel_csv_path(dataset.id), title + "（CSV・Excel 用）", "CSV", "text/csv",
        "CSV と同じ内容の BOM 付き UTF-8 版。Windows の Excel で文字化けせずに開けます。");
  }
  add(dataset_json_path(dataset.id), title + "（JSON）", "JSON", "application/json",
      "CSV と同じデータの JSON 版。");
  if (dataset.kpi) {
    // The indicators the grades are counted from: their own CSV and JSON.
    add(indicators_csv_path(dataset.id), title + "（指標別 CSV）", "CSV", "text/csv",
        "指標ごとの基準値・目標値・実績値・達成率・評価。" + config.area_label +
            "×指標×年度ごとに1行、数値は原資料の桁数のまま単位・桁区切りなし。"
            "文字コードは UTF-8（BOM なし）。");
    if (config.open_data.excel_csv) {
      add(indicators_excel_csv_path(dataset.id), title + "（指標別 CSV・Excel 用）", "CSV",
          "text/csv",
          "指標別 CSV と同じ内容の BOM 付き UTF-8 版。Windows の Excel で文字化けせずに開けます。");
    }
    add(indicators_json_path(dataset.id), title + "（指標別 JSON）", "JSON", "application/json",
        "指標別 CSV と同じデータの JSON 版。達成率の計算式・端数処理と評価の基準を含む。");
  }
  add(dataset_page_path(dataset.id), title + "（説明ページ）", "HTML", "text/html",
      "データの説明、ライセンスと出典の表示、ダウンロードリンク、表のプレビューがあるページ。");
  return package;
}

json dataset_dict(const CkanPackage& package, const DatasetSchema& schema) {
  json dict = package.fields;
  dict["extras"] = json::array();
  for (const auto& [key, value] : package.metadata) {
    if (schema.has_field(key)) {
      dict[key] = value;
    } else {
      dict["extras"].push_back({{"key", key}, {"value", value}});
    }
  }
  return dict;
}

std::vector<CkanPackage> build_packages(const Site& site, const std::string& organization,
                                        std::vector<std::string>& problems) {
  std::vector<CkanPackage> packages;
  for (const auto& dataset : site.datasets) {
    const auto name = ckan_package_name(site.config, dataset.id);
    if (!name) {
      problems.push_back(name.error);
      if (site.config.publish.name_prefix.empty()) break;  // said once is enough
      continue;
    }
    packages.push_back(build_package(site.config, dataset, organization));
  }
  return packages;
}

}  // namespace hyoka
