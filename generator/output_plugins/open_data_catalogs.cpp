// Metadata for portals: a Frictionless Data Package (v2, valid as v1), a DCAT-AP 3 catalog in
// Turtle and JSON-LD with stable IRIs under base_url (harvesters match datasets across runs by
// IRI), and schema.org Dataset for search engines. Dates come from site.toml, never the clock.
#include <nlohmann/json.hpp>

#include "base/era.h"
#include "output_plugins/open_data.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

using json = nlohmann::ordered_json;

std::string package_name(const Site& site) {
  return site.config.publish.name_prefix.empty() ? "hyoka-site" : site.config.publish.name_prefix;
}

// One distribution of a dataset, as catalogs describe it.
struct Distribution {
  std::string key;  // the IRI fragment: csv, excel-csv, json
  std::string title;
  std::string path;
  std::string format;
  std::string media_type;
  std::size_t bytes;
};

std::vector<Distribution> distributions(const Site& site, const DatasetFiles& f) {
  const auto& words = site.words;
  const auto& id = f.dataset->id;
  std::vector<Distribution> out = {{"csv", words(Word::open_data_csv_distribution),
                                    dataset_csv_path(id), "CSV", "text/csv", f.csv_bytes}};
  if (f.excel_csv_bytes) {
    out.push_back({"excel-csv", words(Word::open_data_excel_csv_distribution),
                   dataset_excel_csv_path(id), "CSV", "text/csv", f.excel_csv_bytes});
  }
  out.push_back({"json", words(Word::open_data_json_distribution), dataset_json_path(id), "JSON",
                 "application/json", f.json_bytes});
  // A KPI dataset's indicators are more distributions of the same dataset: the grade counts
  // are made from them.
  if (f.indicators_csv_bytes) {
    out.push_back({"indicators-csv", words(Word::open_data_indicators_csv_distribution),
                   indicators_csv_path(id), "CSV", "text/csv", f.indicators_csv_bytes});
  }
  if (f.indicators_excel_csv_bytes) {
    out.push_back({"indicators-excel-csv", words(Word::open_data_indicators_excel_csv_distribution),
                   indicators_excel_csv_path(id), "CSV", "text/csv", f.indicators_excel_csv_bytes});
  }
  if (f.indicators_json_bytes) {
    out.push_back({"indicators-json", words(Word::open_data_indicators_json_distribution),
                   indicators_json_path(id), "JSON", "application/json", f.indicators_json_bytes});
  }
  return out;
}

std::string dataset_iri(const Site& site, const Dataset& d) {
  return site.config.base_url + dataset_page_path(d.id) + "#dataset";
}

// Turtle string literal with escapes.
std::string literal(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

std::string iri(const std::string& text) {
  return "<" + text + ">";
}

// One dct:PeriodOfTime per run of consecutive fiscal years. ckanext-dcat reads every
// dct:temporal of a dataset into `temporal_coverage` with its ckanext-scheming schemas, and
// the first one it finds into temporal_start and temporal_end without them: a gap in the
// years is never claimed as covered. A dataset without gaps keeps the one IRI, #period.
struct Period {
  std::string fragment;  // period, or period-2015 for the run that starts in 2015
  std::string start, end;
};

std::vector<Period> periods_of(const Dataset& dataset) {
  const auto runs = year_runs(dataset.periods);
  std::vector<Period> out;
  for (const auto& [first, last] : runs) {
    out.push_back({runs.size() == 1 ? "period" : "period-" + std::to_string(first),
                   std::to_string(first) + "-04-01", std::to_string(last + 1) + "-03-31"});
  }
  return out;
}

}  // namespace

namespace {

// The Table Schema fields of a CSV's columns: typed, with their constraints, and a grade
// column's categories in the scale's order.
json schema_fields(const Site& site, const Dataset& dataset, const std::vector<CsvColumn>& layout) {
  json fields = json::array();
  const bool has_code = !site.config.publisher.local_government_code.empty();
  const bool missing = rows_have_missing(dataset);
  json reasons = json::array();
  for (const auto& reason : dataset.reasons) reasons.push_back(reason.label);
  json grade_ids = json::array();
  if (dataset.scale) {
    for (const auto& grade : dataset.scale->grades) grade_ids.push_back(grade.id);
  }
  for (const auto& column : layout) {
    json constraints = json::object();
    switch (column.kind) {
      case CsvColumn::Kind::code:
        constraints = {{"required", has_code}, {"pattern", "[0-9]{6}"}};
        break;
      case CsvColumn::Kind::year:
        constraints = {{"required", true}, {"minimum", 1868}};
        break;
      case CsvColumn::Kind::area_id:
      case CsvColumn::Kind::area:
      case CsvColumn::Kind::year_label:
      case CsvColumn::Kind::indicator_id:
      case CsvColumn::Kind::indicator:
        constraints = {{"required", true}};
        break;
      case CsvColumn::Kind::measure:
        constraints = {{"required", !missing}, {"minimum", 0}};
        break;
      case CsvColumn::Kind::reason:
        constraints = {{"enum", reasons}};
        break;
      case CsvColumn::Kind::ratio:
        constraints = {{"minimum", 0}};
        break;
      case CsvColumn::Kind::grade_id:
        constraints = {{"required", true}, {"enum", grade_ids}};
        break;
      case CsvColumn::Kind::grade:
        constraints = {{"required", true}};
        break;
      case CsvColumn::Kind::count:
        constraints = {{"required", !missing}, {"minimum", 0}};
        break;
      case CsvColumn::Kind::share:
        constraints = {{"minimum", 0}, {"maximum", 100}};
        break;
      case CsvColumn::Kind::better:
        constraints = {{"required", true}, {"enum", {"higher", "lower"}}};
        break;
      case CsvColumn::Kind::kpi_year: {
        // Every indicator has a baseline year; one without a final target has no target year.
        bool every = true;
        for (const auto& indicator : dataset.kpi->indicators) every &= indicator.target.has_value();
        constraints = {
            {"required", every || column.index == static_cast<std::size_t>(KpiField::baseline)},
            {"minimum", 1868}};
        break;
      }
      case CsvColumn::Kind::printed_grade:
        constraints = {{"enum", grade_ids}};
        break;
      case CsvColumn::Kind::notes:
      case CsvColumn::Kind::indicator_unit:
      case CsvColumn::Kind::kpi_value:  // a value may be below 0 (▲12)
      case CsvColumn::Kind::rate:       // and so may progress from the baseline
      case CsvColumn::Kind::printed_rate:
        break;
    }
    json field = {
        {"name", column.name}, {"type", column.type}, {"description", column.description}};
    if (column.kind == CsvColumn::Kind::grade_id) {
      // Table Schema's categories: the grades in the scale's order, ordered when it is.
      json categories = json::array();
      for (const auto& grade : dataset.scale->grades) {
        categories.push_back({{"value", grade.id}, {"label", grade.label}});
      }
      field["categories"] = std::move(categories);
      field["categoriesOrdered"] = dataset.scale->ordered;
    }
    if (column.kind == CsvColumn::Kind::rate) {
      // Not a Table Schema property: the declared decimals every rate of the column has.
      field["decimals"] = dataset.kpi->rule.rule.decimals;
    }
    if (!constraints.empty()) field["constraints"] = std::move(constraints);
    fields.push_back(std::move(field));
  }
  return fields;
}

json table_resource(const std::string& name, const std::string& title,
                    const std::string& description, const std::string& path, json fields,
                    json primary_key) {
  return {
      {"name", name},
      {"title", title},
      {"description", description},
      {"path", path},
      {"format", "csv"},
      {"mediatype", "text/csv"},
      {"encoding", "utf-8"},
      {"profile", "tabular-data-resource"},
      {"schema",
       {{"fields", std::move(fields)},
        {"primaryKey", std::move(primary_key)},
        {"missingValues", {""}}}},
  };
}

// The name of the column of `kind` (the first).
std::string column_name(const std::vector<CsvColumn>& layout, CsvColumn::Kind kind) {
  for (const auto& column : layout) {
    if (column.kind == kind) return column.name;
  }
  return "";
}

}  // namespace

std::string data_package(const Site& site) {
  const auto& config = site.config;
  json resources = json::array();
  for (const auto& dataset : site.datasets) {
    const auto layout = csv_layout(site, dataset);
    resources.push_back(
        table_resource(dataset.id, dataset.title, dataset.description, dataset_csv_path(dataset.id),
                       schema_fields(site, dataset, layout),
                       dataset.scale ? json{layout[1].name, layout[3].name, layout[5].name}
                                     : json{layout[1].name, layout[3].name}));
    if (!dataset.kpi) continue;
    // The indicators: a resource name no dataset id can take ('.' is not in one).
    const auto indicators = indicators_csv_layout(site, dataset);
    using Kind = CsvColumn::Kind;
    resources.push_back(table_resource(
        dataset.id + ".indicators", site.words(Word::kpi_indicators_title, {dataset.title}),
        dataset.description, indicators_csv_path(dataset.id),
        schema_fields(site, dataset, indicators),
        json{column_name(indicators, Kind::area_id), column_name(indicators, Kind::indicator_id),
             column_name(indicators, Kind::year)}));
  }
  json package = {
      {"$schema", "https://datapackage.org/profiles/2.0/datapackage.json"},
      {"profile", "tabular-data-package"},
      {"name", package_name(site)},
      {"title", config.title},
      {"description", config.description},
      {"homepage", config.base_url},
      {"licenses",
       {{{"name", config.open_data.license.id},
         {"path", config.open_data.license.uri},
         {"title", license_title(site)}}}},
      {"contributors",
       {{{"title", config.publisher.name}, {"role", "publisher"}, {"roles", {"publisher"}}}}},
      {"keywords", config.open_data.keywords},
      {"resources", resources},
  };
  if (!config.open_data.issued.empty())
    package["created"] = config.open_data.issued + "T00:00:00+09:00";
  return package.dump(2) + "\n";
}

std::string dcat_turtle(const Site& site, const std::vector<DatasetFiles>& files) {
  const auto& config = site.config;
  const auto& od = config.open_data;
  const std::string base = config.base_url;
  std::string t =
      "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
      "@prefix dct: <http://purl.org/dc/terms/> .\n"
      "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
      "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";
  const auto date = [](const std::string& d) { return literal(d) + "^^xsd:date"; };
  // Titles and descriptions are in the site's language.
  const auto in_language = [&](const std::string& text) {
    return literal(text) + "@" + config.language;
  };
  const auto language = site.words(Word::open_data_language);
  t += iri(base + "catalog.ttl#catalog") + " a dcat:Catalog ;\n";
  t += "  dct:title " + in_language(config.title) + " ;\n";
  t += "  dct:description " +
       in_language(config.description.empty() ? config.title : config.description) + " ;\n";
  t += "  dct:publisher " + iri(base + "#publisher") + " ;\n";
  t += "  dct:language " + iri(language) + " ;\n";
  t += "  foaf:homepage " + iri(base) + " ;\n";
  if (!od.issued.empty()) t += "  dct:issued " + date(od.issued) + " ;\n";
  if (!od.modified.empty()) t += "  dct:modified " + date(od.modified) + " ;\n";
  t += "  dct:license " + iri(od.license.uri) + " ;\n";
  t += "  dcat:dataset ";
  for (std::size_t i = 0; i < files.size(); ++i) {
    t += (i ? ", " : "") + iri(dataset_iri(site, *files[i].dataset));
  }
  t += " .\n\n";
  t += iri(base + "#publisher") + " a foaf:Agent ;\n  foaf:name " +
       in_language(config.publisher.name);
  if (!config.publisher.local_government_code.empty()) {
    t += " ;\n  dct:identifier " + literal(config.publisher.local_government_code);
  }
  t += " .\n\n";
  t += iri(base + "#contact") + " a vcard:Organization ;\n  vcard:fn " +
       in_language(od.contact_name.empty() ? config.publisher.name : od.contact_name);
  if (!od.contact_email.empty()) t += " ;\n  vcard:hasEmail " + iri("mailto:" + od.contact_email);
  t += " .\n\n";
  t += iri(od.license.uri) + " a dct:LicenseDocument ;\n  dct:title " +
       in_language(license_title(site)) + " .\n";
  for (const auto& f : files) {
    const auto& d = *f.dataset;
    const auto ds = dataset_iri(site, d);
    t += "\n" + iri(ds) + " a dcat:Dataset ;\n";
    t += "  dct:identifier " + literal(d.id) + " ;\n";
    t += "  dct:title " + in_language(d.title) + " ;\n";
    t += "  dct:description " + in_language(d.description.empty() ? d.title : d.description) +
         " ;\n";
    t += "  dct:publisher " + iri(base + "#publisher") + " ;\n";
    t += "  dcat:contactPoint " + iri(base + "#contact") + " ;\n";
    for (const auto& k : od.keywords) t += "  dcat:keyword " + in_language(k) + " ;\n";
    t += "  dcat:landingPage " + iri(base + dataset_page_path(d.id)) + " ;\n";
    if (!od.issued.empty()) t += "  dct:issued " + date(od.issued) + " ;\n";
    if (!od.modified.empty()) t += "  dct:modified " + date(od.modified) + " ;\n";
    const auto periods = periods_of(d);
    for (const auto& period : periods) {
      t += "  dct:temporal " + iri(base + dataset_page_path(d.id) + "#" + period.fragment) + " ;\n";
    }
    t += "  dcat:distribution ";
    const auto dists = distributions(site, f);
    for (std::size_t i = 0; i < dists.size(); ++i) {
      t += (i ? ", " : "") + iri(base + dataset_page_path(d.id) + "#" + dists[i].key);
    }
    t += " .\n\n";
    for (const auto& period : periods) {
      t += (&period == &periods.front() ? "" : "\n") +
           iri(base + dataset_page_path(d.id) + "#" + period.fragment) + " a dct:PeriodOfTime ;\n";
      t += "  dcat:startDate " + date(period.start) + " ;\n";
      t += "  dcat:endDate " + date(period.end) + " .\n";
    }
    for (const auto& dist : dists) {
      t += "\n" + iri(base + dataset_page_path(d.id) + "#" + dist.key) + " a dcat:Distribution ;\n";
      t += "  dct:title " + in_language(dist.title) + " ;\n";
      t += "  dcat:accessURL " + iri(base + dist.path) + " ;\n";
      t += "  dcat:downloadURL " + iri(base + dist.path) + " ;\n";
      t += "  dct:format " + literal(dist.format) + " ;\n";
      t += "  dcat:mediaType " +
           iri("https://www.iana.org/assignments/media-types/" + dist.media_type) + " ;\n";
      t +=
          "  dcat:byteSize " + literal(std::to_string(dist.bytes)) + "^^xsd:nonNegativeInteger ;\n";
      t += "  dct:license " + iri(od.license.uri) + " .\n";
    }
  }
  return t;
}

std::string dcat_json_ld(const Site& site, const std::vector<DatasetFiles>& files) {
  const auto& config = site.config;
  const auto& od = config.open_data;
  const std::string base = config.base_url;
  // Titles and descriptions are in the site's language.
  const auto in_language = [&](const std::string& text) {
    return json{{"@value", text}, {"@language", config.language}};
  };
  const auto date = [](const std::string& d) { return json{{"@value", d}, {"@type", "xsd:date"}}; };
  const auto ref = [](const std::string& id) { return json{{"@id", id}}; };
  json graph = json::array();
  json catalog = {{"@id", base + "catalog.ttl#catalog"},
                  {"@type", "dcat:Catalog"},
                  {"dct:title", in_language(config.title)},
                  {"dct:description",
                   in_language(config.description.empty() ? config.title : config.description)},
                  {"dct:publisher", ref(base + "#publisher")},
                  {"dct:language", ref(site.words(Word::open_data_language))},
                  {"foaf:homepage", ref(base)}};
  if (!od.issued.empty()) catalog["dct:issued"] = date(od.issued);
  if (!od.modified.empty()) catalog["dct:modified"] = date(od.modified);
  catalog["dct:license"] = ref(od.license.uri);
  json dataset_refs = json::array();
  for (const auto& f : files) dataset_refs.push_back(ref(dataset_iri(site, *f.dataset)));
  catalog["dcat:dataset"] = dataset_refs;
  graph.push_back(catalog);
  json publisher = {{"@id", base + "#publisher"},
                    {"@type", "foaf:Agent"},
                    {"foaf:name", in_language(config.publisher.name)}};
  if (!config.publisher.local_government_code.empty()) {
    publisher["dct:identifier"] = config.publisher.local_government_code;
  }
  graph.push_back(publisher);
  json contact = {
      {"@id", base + "#contact"},
      {"@type", "vcard:Organization"},
      {"vcard:fn", in_language(od.contact_name.empty() ? config.publisher.name : od.contact_name)}};
  if (!od.contact_email.empty()) contact["vcard:hasEmail"] = ref("mailto:" + od.contact_email);
  graph.push_back(contact);
  graph.push_back({{"@id", od.license.uri},
                   {"@type", "dct:LicenseDocument"},
                   {"dct:title", in_language(license_title(site))}});
  for (const auto& f : files) {
    const auto& d = *f.dataset;
    const auto page = base + dataset_page_path(d.id);
    json keywords = json::array();
    for (const auto& k : od.keywords) keywords.push_back(in_language(k));
    json dists = json::array();
    for (const auto& dist : distributions(site, f)) dists.push_back(ref(page + "#" + dist.key));
    json dataset = {
        {"@id", dataset_iri(site, d)},
        {"@type", "dcat:Dataset"},
        {"dct:identifier", d.id},
        {"dct:title", in_language(d.title)},
        {"dct:description", in_language(d.description.empty() ? d.title : d.description)},
        {"dct:publisher", ref(base + "#publisher")},
        {"dcat:contactPoint", ref(base + "#contact")},
        {"dcat:keyword", keywords},
        {"dcat:landingPage", ref(page)}};
    if (!od.issued.empty()) dataset["dct:issued"] = date(od.issued);
    if (!od.modified.empty()) dataset["dct:modified"] = date(od.modified);
    const auto periods = periods_of(d);
    if (periods.size() == 1) {
      dataset["dct:temporal"] = ref(page + "#" + periods.front().fragment);
    } else {
      json temporal = json::array();
      for (const auto& period : periods) temporal.push_back(ref(page + "#" + period.fragment));
      dataset["dct:temporal"] = temporal;
    }
    dataset["dcat:distribution"] = dists;
    graph.push_back(dataset);
    for (const auto& period : periods) {
      graph.push_back({{"@id", page + "#" + period.fragment},
                       {"@type", "dct:PeriodOfTime"},
                       {"dcat:startDate", date(period.start)},
                       {"dcat:endDate", date(period.end)}});
    }
    for (const auto& dist : distributions(site, f)) {
      graph.push_back(
          {{"@id", page + "#" + dist.key},
           {"@type", "dcat:Distribution"},
           {"dct:title", in_language(dist.title)},
           {"dcat:accessURL", ref(base + dist.path)},
           {"dcat:downloadURL", ref(base + dist.path)},
           {"dct:format", dist.format},
           {"dcat:mediaType",
            ref("https://www.iana.org/assignments/media-types/" + dist.media_type)},
           {"dcat:byteSize",
            {{"@value", std::to_string(dist.bytes)}, {"@type", "xsd:nonNegativeInteger"}}},
           {"dct:license", ref(od.license.uri)}});
    }
  }
  // An inline context: harvesters inside government networks cannot fetch a remote one.
  json doc = {{"@context",
               {{"dcat", "http://www.w3.org/ns/dcat#"},
                {"dct", "http://purl.org/dc/terms/"},
                {"foaf", "http://xmlns.com/foaf/0.1/"},
                {"vcard", "http://www.w3.org/2006/vcard/ns#"},
                {"xsd", "http://www.w3.org/2001/XMLSchema#"}}},
              {"@graph", graph}};
  return doc.dump(2) + "\n";
}

std::string schema_org_dataset(const Site& site, const DatasetFiles& f) {
  const auto& config = site.config;
  const auto& d = *f.dataset;
  const auto coverage = temporal_coverage(d);
  json distribution = json::array();
  for (const auto& dist : distributions(site, f)) {
    distribution.push_back({{"@type", "DataDownload"},
                            {"name", dist.title},
                            {"contentUrl", config.base_url + dist.path},
                            {"encodingFormat", dist.media_type},
                            {"contentSize", std::to_string(dist.bytes) + " B"}});
  }
  json out = {{"@context", "https://schema.org"},
              {"@type", "Dataset"},
              {"@id", dataset_iri(site, d)},
              {"name", d.title},
              {"description", d.description.empty() ? d.title : d.description},
              {"url", config.base_url + dataset_page_path(d.id)},
              {"inLanguage", config.language},
              {"isAccessibleForFree", true},
              {"license", config.open_data.license.uri},
              {"creator", {{"@type", "Organization"}, {"name", config.publisher.name}}},
              {"temporalCoverage", coverage.size() == 1 ? json(coverage.front()) : json(coverage)},
              {"keywords", config.open_data.keywords},
              {"distribution", distribution}};
  if (!config.open_data.modified.empty()) out["dateModified"] = config.open_data.modified;
  // "</" would end the <script> element the JSON sits in.
  auto text = out.dump(2);
  for (std::size_t p = 0; (p = text.find("</", p)) != std::string::npos; p += 3)
    text.replace(p, 2, "<\\/");
  return text;
}

}  // namespace hyoka
