// A KPI dataset's own open data with the real binary, on tests/sites/kpi-opendata: a constructed
// site (no published report behind it; its site.toml says so). Every value below is typed from
// content/data/kpi.toml, every rate and grade worked out by hand in the comments from the
// declared rule (actual / final target, 1 decimal, half-up, graded on the rounded rate; A from
// 100, B from 80, C from 50, D below; X without a rate). The files are read back as a portal
// reads them: the CSV parsed (RFC 4180), the JSON parsed, and every CSV cell checked against
// its Data Package field by the Table Schema rules the browser test's Frictionless libraries
// apply (type, required, enum, minimum, categories, the primary key).
#define BOOST_TEST_MODULE kpi_site
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "data/csv_reader.h"
#include "support/html_table.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;
using nlohmann::json;

namespace {

const BuiltSite& site() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/kpi-opendata");
  return built;
}

using Line = std::vector<std::string>;

std::vector<Line> csv_lines(const std::string& text) {
  const auto table = hyoka::read_csv(text);
  BOOST_REQUIRE(!table.problem);
  std::vector<Line> lines;
  for (const auto& record : table.records) {
    Line line;
    for (const auto& cell : record) line.push_back(cell.text);
    lines.push_back(line);
  }
  return lines;
}

const std::string kHeadings =
    "全国地方公共団体コード,基本目標ID,基本目標,指標ID,指標,単位,良い方向,基準値,基準値の年度,"
    "目標値,目標値の年度,年度,年度（和暦）,実績値,実績値（欠測理由）,達成率（%）,達成度ID,達成度,"
    "達成率（%）（原資料の記載）,達成度ID（原資料の記載）\r\n";

}  // namespace

BOOST_AUTO_TEST_CASE(the_site_builds_strictly_so_every_printed_rate_and_grade_agrees) {
  BOOST_TEST(site().run.exit_code == 0);
  BOOST_TEST(site().run.err == "");
}

BOOST_AUTO_TEST_CASE(the_indicators_csv_has_every_value_as_the_toml_writes_it) {
  const auto text = site().file("data/kpi/indicators.csv");
  // UTF-8 without a BOM and CRLF line ends, as every CSV of hyoka.
  BOOST_TEST(text.starts_with(kHeadings));
  const auto lines = csv_lines(text);
  BOOST_REQUIRE(lines.size() == 1u + 4u * 3u);  // the headings, 4 indicators × 3 fiscal years
  const auto& h = lines[0];
  const auto at = [&](const std::string& heading) {
    return static_cast<std::size_t>(std::find(h.begin(), h.end(), heading) - h.begin());
  };
  std::map<std::pair<std::string, std::string>, Line> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    BOOST_REQUIRE(lines[i].size() == h.size());
    rows[{lines[i][at("指標ID")], lines[i][at("年度")]}] = lines[i];
  }
  // The order: areas by weight (子育て, then 観光), each area's indicators as written, then years.
  BOOST_TEST(lines[1][at("指標ID")] == "visitors");
  BOOST_TEST(lines[4][at("指標ID")] == "waiting");
  BOOST_TEST(lines[7][at("指標ID")] == "satisfaction");
  BOOST_TEST(lines[10][at("指標ID")] == "balance");
  const auto check = [&](const std::string& id, const std::string& year, const Line& expected) {
    const auto& row = rows.at({id, year});
    const Line got(row.begin() + static_cast<std::ptrdiff_t>(at("実績値")), row.end());
    BOOST_TEST(got == expected, boost::test_tools::per_element());
  };
  const Line visitors = {"999997", "kosodate", "子育て",   "visitors", "子育て支援センター利用者数",
                         "人",     "higher",   "1000",     "2020",     "1200",
                         "2024",   "2022",     "令和4年度"};
  BOOST_TEST(Line(rows.at({"visitors", "2022"}).begin(),
                  rows.at({"visitors", "2022"}).begin() + 13) == visitors,
             boost::test_tools::per_element());
  // 実績値, its reason, 達成率, 達成度ID, 達成度, printed rate and grade.
  // visitors: 1,100 ÷ 1,200 = 91.66…% → 91.7 → B; 1,250 ÷ 1,200 = 104.16…% → 104.2 → A;
  // 2024 未集計: no rate → X. Printed 「91.7」「104.2」 and B, A, X.
  check("visitors", "2022", {"1100", "", "91.7", "b", "B", "91.7", "b"});
  check("visitors", "2023", {"1250", "", "104.2", "a", "A", "104.2", "a"});
  check("visitors", "2024", {"", "未集計", "", "x", "X", "", "x"});
  // waiting is better when lower: target 4 ÷ actual. 4 ÷ 10 = 40.0 → D; 4 ÷ 5 = 80.0 → B;
  // 4 ÷ 4 = 100.0 → A.
  check("waiting", "2022", {"10", "", "40.0", "d", "D", "", ""});
  check("waiting", "2023", {"5", "", "80.0", "b", "B", "", ""});
  check("waiting", "2024", {"4", "", "100.0", "a", "A", "", ""});
  BOOST_TEST(rows.at({"waiting", "2022"})[at("良い方向")] == "lower");
  BOOST_TEST(rows.at({"waiting", "2022"})[at("基準値")] == "12");
  // satisfaction: 64.50 ÷ 70.0 = 92.14…% → 92.1 → B; 65.2 ÷ 70.0 = 93.14…% → 93.1 → B;
  // 71 ÷ 70.0 = 101.42…% → 101.4 → A. 64.50 and the TOML numbers 60.0 and 64.50 keep their
  // decimals.
  check("satisfaction", "2022", {"64.50", "", "92.1", "b", "B", "", ""});
  check("satisfaction", "2023", {"65.2", "", "93.1", "b", "B", "", ""});
  check("satisfaction", "2024", {"71", "", "101.4", "a", "A", "", ""});
  BOOST_TEST(rows.at({"satisfaction", "2022"})[at("基準値")] == "60.0");
  BOOST_TEST(rows.at({"satisfaction", "2022"})[at("目標値")] == "70.0");
  BOOST_TEST(rows.at({"satisfaction", "2022"})[at("基準値の年度")] == "2021");
  // balance: ▲5 ÷ 30 = −16.66…% → −16.7 (half-up rounds the magnitude) → D; 12.5 ÷ 30 =
  // 41.66…% → 41.7 → D; 31 ÷ 30 = 103.33…% → 103.3 → A. ▲12 is written -12.
  check("balance", "2022", {"-5", "", "-16.7", "d", "D", "", ""});
  check("balance", "2023", {"12.5", "", "41.7", "d", "D", "", ""});
  check("balance", "2024", {"31", "", "103.3", "a", "A", "", ""});
  BOOST_TEST(rows.at({"balance", "2022"})[at("基準値")] == "-12");
}

BOOST_AUTO_TEST_CASE(the_excel_copy_has_a_bom_and_the_same_cells) {
  const auto plain = site().file("data/kpi/indicators.csv");
  const auto excel = site().file("data/kpi/indicators-excel.csv");
  BOOST_TEST(excel == "\xEF\xBB\xBF" + plain);  // no cell starts a formula here, not even -5
}

BOOST_AUTO_TEST_CASE(the_indicators_json_has_the_rule_as_declared_and_every_value) {
  const auto out = json::parse(site().file("data/kpi/indicators.json"));
  BOOST_TEST(out["achievement"] == json::parse(R"({"formula": "actual / final target",
      "rate_unit": "%", "decimals": 1, "rounding": "half-up", "graded_on": "rounded",
      "no_rate": "x", "at_least": {"a": "100", "b": "80", "c": "50"}})"));
  BOOST_TEST(out["scale"]["label"] == "達成度");
  BOOST_TEST(out["scale"]["ordered"] == true);
  BOOST_TEST(out["scale"]["grades"][4] ==
             json::parse(R"({"id": "x", "label": "X", "definition": "実績値がなく判定できない",
                             "special": true})"));
  BOOST_REQUIRE(out["indicators"].size() == 4u);
  BOOST_TEST(out["indicators"][0] == json::parse(R"({"id": "visitors", "area_id": "kosodate",
      "area_name": "子育て", "name": "子育て支援センター利用者数", "unit": "人",
      "better": "higher", "baseline": {"value": "1000", "fiscal_year": 2020},
      "target": {"value": "1200", "fiscal_year": 2024}})"));
  BOOST_TEST(out["indicators"][3]["baseline"]["value"] == "-12");
  BOOST_REQUIRE(out["rows"].size() == 12u);
  BOOST_TEST(out["rows"][2] == json::parse(R"({"area_id": "kosodate", "indicator": "visitors",
      "fiscal_year": 2024, "fiscal_year_label": "令和6年度", "actual": null, "rate": null,
      "grade": "x", "missing": {"actual": "未集計"}, "published_grade": "x"})"));
  BOOST_TEST(out["rows"][6]["actual"] == "64.50");
  BOOST_TEST(out["rows"][6]["rate"] == "92.1");
  BOOST_TEST(out["rows"][9]["rate"] == "-16.7");
  BOOST_TEST(out["missing_reasons"] == json::parse(R"([{"reason": "未集計", "symbol": "…"}])"));
}

// Table Schema's rules for one cell: a missing value only where the field is not required, then
// the type's lexical form, an enum, a minimum and the categories.
void check_cell(const json& field, const std::string& cell, const std::string& where) {
  BOOST_TEST_CONTEXT(where << " " << field["name"].get<std::string>() << " \"" << cell << "\"") {
    const auto constraints = field.value("constraints", json::object());
    if (cell.empty()) {
      BOOST_TEST(!constraints.value("required", false));
      return;
    }
    const std::string type = field["type"];
    if (type == "integer") BOOST_TEST(std::regex_match(cell, std::regex("-?[0-9]+")));
    if (type == "number") BOOST_TEST(std::regex_match(cell, std::regex("-?[0-9]+(\\.[0-9]+)?")));
    if (constraints.contains("enum")) {
      BOOST_TEST((std::find(constraints["enum"].begin(), constraints["enum"].end(), cell) !=
                  constraints["enum"].end()));
    }
    if (constraints.contains("minimum")) BOOST_TEST(std::stol(cell) >= constraints["minimum"]);
    if (field.contains("categories")) {
      bool found = false;
      for (const auto& category : field["categories"]) found |= category["value"] == cell;
      BOOST_TEST(found);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_data_package_describes_the_indicators_csv_and_every_cell_fits_it) {
  const auto package = json::parse(site().file("datapackage.json"));
  BOOST_REQUIRE(package["resources"].size() == 2u);
  BOOST_TEST(package["resources"][0]["path"] == "data/kpi.csv");
  const auto& resource = package["resources"][1];
  BOOST_TEST(resource["name"] == "kpi.indicators");
  BOOST_TEST(resource["path"] == "data/kpi/indicators.csv");
  BOOST_TEST(resource["profile"] == "tabular-data-resource");
  BOOST_TEST(resource["encoding"] == "utf-8");
  const auto& schema = resource["schema"];
  BOOST_TEST(schema["primaryKey"] == json::parse(R"(["基本目標ID", "指標ID", "年度"])"));
  BOOST_TEST(schema["missingValues"] == json::parse(R"([""])"));
  std::map<std::string, json> fields;
  for (const auto& field : schema["fields"]) fields[field["name"]] = field;
  BOOST_TEST(fields["基準値"]["type"] == "number");
  BOOST_TEST(fields["実績値"]["type"] == "number");
  BOOST_TEST(fields["年度"]["type"] == "integer");
  BOOST_TEST(fields["目標値の年度"]["type"] == "integer");
  // Every indicator of the site has a final target, so every line has its year.
  BOOST_TEST(fields["目標値の年度"]["constraints"]["required"] == true);
  BOOST_TEST(fields["達成率（%）"]["type"] == "number");
  BOOST_TEST(fields["達成率（%）"]["decimals"] == 1);
  BOOST_TEST(fields["達成度ID"]["categoriesOrdered"] == true);
  BOOST_TEST(fields["達成度ID"]["categories"].size() == 5u);
  BOOST_TEST(fields["実績値（欠測理由）"]["constraints"]["enum"] == json::parse(R"(["未集計"])"));

  const auto lines = csv_lines(site().file("data/kpi/indicators.csv"));
  std::vector<std::string> names;
  for (const auto& field : schema["fields"]) names.push_back(field["name"]);
  BOOST_TEST(lines[0] == names, boost::test_tools::per_element());
  std::set<std::vector<std::string>> keys;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> key;
    for (std::size_t c = 0; c < names.size(); ++c) {
      check_cell(schema["fields"][c], lines[i][c], "line " + std::to_string(i + 1));
      for (const auto& k : schema["primaryKey"]) {
        if (k == names[c]) key.push_back(lines[i][c]);
      }
    }
    BOOST_TEST(keys.insert(key).second);  // the primary key is unique
  }
}

BOOST_AUTO_TEST_CASE(the_catalogs_and_the_landing_page_list_the_indicators_files) {
  const auto turtle = site().file("catalog.ttl");
  const auto base = std::string("https://example.github.io/kpi/");
  for (const auto* key : {"indicators-csv", "indicators-excel-csv", "indicators-json"}) {
    BOOST_TEST(turtle.find("<" + base + "data/kpi/#" + key + "> a dcat:Distribution") !=
               std::string::npos);
  }
  BOOST_TEST(turtle.find("dcat:downloadURL <" + base + "data/kpi/indicators.csv>") !=
             std::string::npos);
  // The byte size each catalog gives is the file's.
  const auto size = std::to_string(site().file("data/kpi/indicators.json").size());
  BOOST_TEST(turtle.find("<" + base + "data/kpi/indicators.json> ;\n  dct:format \"JSON\" ;\n" +
                         "  dcat:mediaType <https://www.iana.org/assignments/media-types/" +
                         "application/json> ;\n  dcat:byteSize \"" + size + "\"") !=
             std::string::npos);
  const auto html = site().file("data/kpi/index.html");
  BOOST_TEST(html.find("href=\"../../data/kpi/indicators.csv\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"../../data/kpi/indicators-excel.csv\"") != std::string::npos);
  BOOST_TEST(html.find("href=\"../../data/kpi/indicators.json\"") != std::string::npos);
  const auto columns = find_table(html, "指標のCSVの列（左の列から順に）");
  BOOST_REQUIRE(columns);
  const auto package = json::parse(site().file("datapackage.json"));
  const auto& fields = package["resources"][1]["schema"]["fields"];
  BOOST_REQUIRE(columns->rows.size() == 1 + fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    BOOST_TEST(columns->rows[i + 1][0] == fields[i]["name"].get<std::string>());
    BOOST_TEST(columns->rows[i + 1][3] == fields[i]["description"].get<std::string>());
  }
  BOOST_TEST(columns->row("達成率（%）") ==
                 (std::vector<std::string>{"数値", "%",
                                           "実績値÷目標値（lower の指標は目標値÷実績値）の百分率。"
                                           "計算できない年度は空欄"}),
             boost::test_tools::per_element());
  // The schema.org distributions of search engines list them too.
  BOOST_TEST(html.find("\"contentUrl\": \"" + base + "data/kpi/indicators.csv\"") !=
             std::string::npos);
}
