// Puts every dataset's open data in the site, and a landing page per dataset from the theme's
// `dataset` template.
#include <cstdio>

#include "output_plugins/open_data.h"
#include "output_plugins/output_plugin.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

std::string human_size(const Words& words, std::size_t bytes) {
  if (bytes < 1024) return words(Word::open_data_bytes, {std::to_string(bytes)});
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / 1024.0);
  return words(Word::open_data_kilobytes, {text});
}

class OpenDataOutput final : public OutputPlugin {
 public:
  std::string name() const override { return "open-data"; }

  void emit(const OutputContext& context, SiteFiles& out, Diagnostics& diags) const override {
    const auto& site = context.site;
    std::vector<DatasetFiles> sizes;
    for (const auto& dataset : site.datasets) {
      DatasetFiles f{&dataset};
      // Moved, not copied, into `out`: the JSON of every area is tens of MiB.
      auto csv = dataset_csv(site, dataset);
      f.csv_bytes = csv.size();
      if (site.config.open_data.excel_csv) {
        auto excel = dataset_csv(site, dataset, CsvFlavour::excel);
        f.excel_csv_bytes = excel.size();
        out[dataset_excel_csv_path(dataset.id)] = std::move(excel);
      }
      out[dataset_csv_path(dataset.id)] = std::move(csv);
      auto json = dataset_json(site, dataset);
      f.json_bytes = json.size();
      out[dataset_json_path(dataset.id)] = std::move(json);
      if (dataset.kpi) indicator_files(site, dataset, f, out);
      sizes.push_back(f);
    }
    out[kDataPackagePath] = data_package(site);
    out[kCatalogTurtlePath] = dcat_turtle(site, sizes);
    out[kCatalogJsonLdPath] = dcat_json_ld(site, sizes);
    if (!makes_landing_pages(context.theme)) {
      diags.report_file(Severity::warning,
                        "themes/" + context.theme.name + "/templates/dataset.mustache",
                        "missing: without it the datasets have no landing pages");
      return;
    }
    for (std::size_t i = 0; i < sizes.size(); ++i) landing_page(context, sizes[i], i, out, diags);
  }

 private:
  // A KPI dataset's indicators, beside its landing page.
  static void indicator_files(const Site& site, const Dataset& dataset, DatasetFiles& f,
                              SiteFiles& out) {
    auto csv = indicators_csv(site, dataset);
    f.indicators_csv_bytes = csv.size();
    out[indicators_csv_path(dataset.id)] = std::move(csv);
    if (site.config.open_data.excel_csv) {
      auto excel = indicators_csv(site, dataset, CsvFlavour::excel);
      f.indicators_excel_csv_bytes = excel.size();
      out[indicators_excel_csv_path(dataset.id)] = std::move(excel);
    }
    auto json = indicators_json(site, dataset);
    f.indicators_json_bytes = json.size();
    out[indicators_json_path(dataset.id)] = std::move(json);
  }

  static mustache::List column_list(const Words& words, const std::vector<CsvColumn>& layout) {
    mustache::List columns;
    for (const auto& column : layout) {
      const auto type = column.type == "integer"  ? Word::open_data_type_integer
                        : column.type == "number" ? Word::open_data_type_number
                                                  : Word::open_data_type_string;
      columns.push_back(mustache::Map{{"name", column.name},
                                      {"type", column.type},
                                      {"type_label", words(type)},
                                      {"unit", column.unit},
                                      {"description", column.description}});
    }
    return columns;
  }

  void landing_page(const OutputContext& context, const DatasetFiles& f, std::size_t index,
                    SiteFiles& out, Diagnostics& diags) const {
    const auto& site = context.site;
    const auto& dataset = *f.dataset;
    const auto& config = site.config;
    const auto& words = site.words;
    Page page;
    page.kind = PageKind::dataset;
    page.id = dataset.id;
    page.title = dataset.title;
    page.description = dataset.description;
    const auto folder = dataset_page_path(dataset.id);
    SitePage landing{&page, folder + "index.html", folder, "../../", {}, index};

    mustache::List downloads;
    const auto add = [&](const std::string& name, const std::string& path,
                         const std::string& format, std::size_t bytes, const std::string& note) {
      downloads.push_back(mustache::Map{{"name", name},
                                        {"href", link(landing, path)},
                                        {"format", format},
                                        {"size", human_size(words, bytes)},
                                        {"note", note}});
    };
    add(words(Word::open_data_csv), dataset_csv_path(dataset.id), "CSV", f.csv_bytes,
        words(Word::open_data_csv_note));
    if (f.excel_csv_bytes) {
      add(words(Word::open_data_excel_csv), dataset_excel_csv_path(dataset.id), "CSV",
          f.excel_csv_bytes, words(Word::open_data_excel_csv_note));
    }
    add(words(Word::open_data_json), dataset_json_path(dataset.id), "JSON", f.json_bytes,
        words(Word::open_data_json_note));
    // A KPI dataset's indicators: their downloads, and their CSV's columns in a table of its
    // own (an empty list for any other dataset, so that the theme leaves it out).
    mustache::List indicators;
    if (f.indicators_csv_bytes) {
      add(words(Word::open_data_indicators_csv), indicators_csv_path(dataset.id), "CSV",
          f.indicators_csv_bytes, words(Word::open_data_csv_note));
      if (f.indicators_excel_csv_bytes) {
        add(words(Word::open_data_indicators_excel_csv), indicators_excel_csv_path(dataset.id),
            "CSV", f.indicators_excel_csv_bytes, words(Word::open_data_excel_csv_note));
      }
      add(words(Word::open_data_indicators_json), indicators_json_path(dataset.id), "JSON",
          f.indicators_json_bytes, words(Word::open_data_indicators_json_note));
      indicators.push_back(
          mustache::Map{{"columns", column_list(words, indicators_csv_layout(site, dataset))}});
    }
    const auto columns = column_list(words, csv_layout(site, dataset));
    const auto alternate = [&](const std::string& type, const std::string& path,
                               const std::string& title) {
      return mustache::Map{{"type", type}, {"href", link(landing, path)}, {"title", title}};
    };
    const mustache::List alternates = {
        alternate("text/turtle", kCatalogTurtlePath, words(Word::open_data_turtle)),
        alternate("application/ld+json", kCatalogJsonLdPath, words(Word::open_data_json_ld)),
        alternate("application/json", kDataPackagePath, words(Word::open_data_data_package))};
    const mustache::Map extra = {
        {"downloads", downloads},
        {"columns", columns},
        {"indicators", indicators},
        {"alternates", alternates},
        {"metadata", alternates},
        {"license_title", license_title(site)},
        {"license_uri", config.open_data.license.uri},
        {"attribution", attribution(site, dataset)},
        {"temporal", fiscal_year_span(site, dataset)},
        {"json_ld", schema_org_dataset(site, f)},
    };
    SiteFiles charts;
    out[landing.output_path] =
        render_page(site, landing, context.theme, charts, extra, nullptr, &diags);
  }

  // "平成27年度〜平成28年度、令和元年度": each run of consecutive years, in the site's words.
  static std::string fiscal_year_span(const Site& site, const Dataset& dataset) {
    const auto& words = site.words;
    std::string out;
    const auto& years = dataset.periods;
    for (std::size_t i = 0; i < years.size();) {
      std::size_t j = i;
      while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
      if (!out.empty()) words[Word::table_list_separator].append_to(out);
      const auto first = words.fiscal_year(years[i]);
      if (i == j) {
        out += first;
      } else {
        words[Word::fiscal_year_span].append_to(out, {first, words.fiscal_year(years[j])});
      }
      i = j + 1;
    }
    return out;
  }
};

}  // namespace

void add_open_data_output(OutputRegistry& registry) {
  registry.add(std::make_unique<OpenDataOutput>());
}

}  // namespace hyoka
