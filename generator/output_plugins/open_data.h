// The open data of every dataset, for the three ways a portal takes it (push, harvest,
// manual registration): tidy CSV (and an Excel copy), JSON, a Frictionless Data Package, a
// DCAT-AP 3 catalog in Turtle and JSON-LD, and a landing page. Pure builders here; the
// output plugin in open_data_plugin.cpp puts them in the site. Column names and order are
// documented in docs/reference.md.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "site/site.h"

namespace hyoka {

// One column of a dataset's CSV, and one field of its Data Package schema; the landing page
// lists the same facts.
struct CsvColumn {
  enum class Kind {
    code,
    area_id,
    area,
    year,
    year_label,
    measure,
    reason,
    ratio,
    notes,
    grade_id,  // a grade dataset's columns, one line per area × fiscal year × grade
    grade,
    count,
    share,
    indicator_id,  // a KPI dataset's indicators' columns, one line per area × indicator × year
    indicator,
    indicator_unit,
    better,
    kpi_value,  // index: a KpiField
    kpi_year,   // index: KpiField::baseline or KpiField::target
    rate,
    printed_rate,
    printed_grade
  };
  Kind kind = Kind::code;
  std::string name;
  std::size_t index = 0;    // the measure (also of a reason column), the ratio or a KpiField
  std::string type;         // the Table Schema type: integer, number or string
  std::string unit;         // the dataset's unit for a count, % for a ratio, else empty
  std::string description;  // in the site's words
};

// The CSV's columns, in order. A dataset with a missing count in its rows has a reason column
// after each measure; one with notes on areas, fiscal years or counts, a notes column last. A
// grade dataset's CSV is tidier still: one line per area × fiscal year × grade, with the
// grade's ID and name, its count (and the reason one is missing) and its share.
std::vector<CsvColumn> csv_layout(const Site& site, const Dataset& dataset);

// The figures of an indicator that have a column in its CSV (and a reason column after it
// where one is missing).
enum class KpiField : std::size_t { baseline, target, year_target, actual };

// The columns of a KPI dataset's indicators' CSV, in order: the area, the indicator (ID, name,
// unit, which way is better), its baseline and final target with their years, the fiscal year,
// that year's target where indicators have yearly targets, the actual value, the achievement
// rate, the grade (ID and name), and the rate and grade as printed where the source prints
// them. A value column has a reason column after it where one of its values is missing.
std::vector<CsvColumn> indicators_csv_layout(const Site& site, const Dataset& dataset);

// Whether a row of the dataset has a missing count.
bool rows_have_missing(const Dataset& dataset);
// The notes on one area's row in one fiscal year (the area's, the year's and its counts'),
// in the order written; a count's note starts with its measure's label.
std::vector<std::string> row_notes(const Words& words, const Dataset& dataset, std::size_t row,
                                   std::size_t period);

// plain: UTF-8 without a BOM, every cell exactly as the site shows it. excel: with a BOM, and
// every text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
// or a carriage return) preceded by an apostrophe; numbers are never changed.
enum class CsvFlavour { plain, excel };

// One row per area × fiscal year, RFC 4180, CRLF line ends, bare numbers, blank where a ratio's
// denominator is 0, no totals.
std::string dataset_csv(const Site& site, const Dataset& dataset,
                        CsvFlavour flavour = CsvFlavour::plain);

// The same data with its metadata, totals and notes.
std::string dataset_json(const Site& site, const Dataset& dataset);

// A KPI dataset's indicators: one line per area × indicator × fiscal year, every value exactly
// as the source prints it (its decimals kept), blank where it is missing; the rate with the
// declared decimals, blank where there is none.
std::string indicators_csv(const Site& site, const Dataset& dataset,
                           CsvFlavour flavour = CsvFlavour::plain);
// The same with the declared rule (formula, decimals, rounding, the bounds as declared), the
// scale, and each indicator's definition.
std::string indicators_json(const Site& site, const Dataset& dataset);

// Sizes of the files each distribution points at, for catalogs and the landing page.
struct DatasetFiles {
  const Dataset* dataset = nullptr;
  std::size_t csv_bytes = 0;
  std::size_t excel_csv_bytes = 0;  // 0 when not offered
  std::size_t json_bytes = 0;
  // A KPI dataset's indicators' files; 0 for any other dataset.
  std::size_t indicators_csv_bytes = 0;
  std::size_t indicators_excel_csv_bytes = 0;
  std::size_t indicators_json_bytes = 0;
};

std::string data_package(const Site& site);
std::string dcat_turtle(const Site& site, const std::vector<DatasetFiles>& files);
std::string dcat_json_ld(const Site& site, const std::vector<DatasetFiles>& files);
// schema.org Dataset for the landing page's <script type="application/ld+json">.
std::string schema_org_dataset(const Site& site, const DatasetFiles& files);

// "2019-04-01/2022-03-31": the fiscal years the dataset covers, as ISO 8601 intervals, one for
// each run of consecutive years (periods with gaps give several).
std::vector<std::string> temporal_coverage(const Dataset& dataset);
// The attribution text users should give, in the site's words.
std::string attribution(const Site& site, const Dataset& dataset);
// The licence's title in the site's words.
std::string license_title(const Site& site);

// What a dataset's JSON files begin with, in this order: id, title, description, the unit
// (`with_unit`), publisher, license, attribution, temporal coverage, issued, modified and the
// landing page.
nlohmann::ordered_json dataset_json_head(const Site& site, const Dataset& dataset, bool with_unit);

}  // namespace hyoka
