// The open data's CSV files, built from a site in memory.
#include <boost/test/unit_test.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/build.h"
#include "support/words.h"

using namespace hyoka;

namespace {

// Titles and labels that a spreadsheet would run as formulas, one for each character of
// OWASP's list (=, +, -, @, tab, carriage return), and an area id that starts with '-'.
SiteFiles build_hostile_site() {
  const MemoryFileSystem memory({
      {"s/site.toml",
       "title = \"t\"\nbase_url = \"https://example.org/\"\narea_label = \"@区分\"\n"
       "[publisher]\nlocal_government_code = \"070009\"\n[open_data]\nexcel_csv = true\n"},
      {"s/content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"s/content/areas/a.md",
       "+++\ntitle = '=HYPERLINK(\"https://evil.example/\",\"詳細\")'\nweight = 1\n+++\n"},
      {"s/content/areas/b.md", "+++\ntitle = \"+81 地域\"\nweight = 2\n+++\n"},
      {"s/content/areas/-c.md", "+++\ntitle = \"\\t教育\"\nweight = 3\n+++\n"},
      {"s/content/areas/d.md", "+++\ntitle = \"\\r復興, 再生\"\nweight = 4\n+++\n"},
      {"s/content/data/n.toml",
       "title = \"t\"\nperiods = [2019]\n"
       "[measures.done]\nlabel = \"=実施\"\n[measures.ok]\nlabel = \"達成\"\n"
       "[ratios.rate]\nlabel = \"-率\"\nnumerator = \"ok\"\ndenominator = \"done\"\n"
       "[[rows]]\narea = \"a\"\ndone = [4]\nok = [3]\n"
       "[[rows]]\narea = \"b\"\ndone = [0]\nok = [0]\n"
       "[[rows]]\narea = \"-c\"\ndone = [10]\nok = [1]\n"
       "[[rows]]\narea = \"d\"\ndone = [3]\nok = [3]\n"},
      {"s/themes/default/templates/base.mustache", "{{{main}}}"},
      {"s/themes/default/templates/home.mustache", "{{title}}"},
      {"s/themes/default/templates/area.mustache", "{{title}}"},
      {"s/themes/default/i18n/ja.toml", hyoka::test::default_words_file()},
  });
  BuildOptions options;
  options.source_dir = "s";
  options.write = false;
  options.keep_files = true;
  auto result = build_site(options, memory);
  BOOST_REQUIRE_MESSAGE(result.ok, "the site does not build");
  return std::move(result.files);
}

// A KPI dataset whose rate divides by each year's target (two decimals, truncated, graded on
// the exact rate): a baseline missing for a reason, a year's target missing, a value with three
// decimals and a negative one, a lower-is-better indicator, printed rates and grades, and an
// indicator's name that a spreadsheet would run as a formula.
SiteFiles build_kpi_site() {
  const MemoryFileSystem memory({
      {"s/site.toml",
       "title = \"t\"\nbase_url = \"https://example.org/\"\narea_label = \"区分\"\n"
       "[publisher]\nlocal_government_code = \"070009\"\n[open_data]\nexcel_csv = true\n"},
      {"s/content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"s/content/areas/a.md", "+++\ntitle = \"A地区\"\nweight = 1\n+++\n"},
      {"s/content/data/k.toml",
       "title = \"指標\"\nunit = \"指標\"\nperiods = [2022, 2023]\n"
       "[[missing]]\nreason = \"未集計\"\nsymbol = \"…\"\n"
       "[scale]\nlabel = \"達成度\"\n"
       "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n"
       "[scale.grades.x]\nlabel = \"X\"\nspecial = true\n"
       "[achievement]\nformula = \"actual / year target\"\ndecimals = 2\n"
       "rounding = \"truncate\"\ngraded_on = \"exact\"\nno_rate = \"x\"\n"
       "[achievement.at_least]\na = \"100.0\"\n"
       "[[indicators]]\narea = \"a\"\nid = \"k1\"\nname = \"=合計\"\nunit = \"件\"\n"
       "better = \"lower\"\nbaseline = { value = \"未集計\", year = 2021 }\n"
       "targets = [\"8\", \"未集計\"]\nactual = [\"10\", \"6.50\"]\n"
       "rates = [\"80\", \"\"]\ngrades = [\"B\", \"\"]\n"
       "[[indicators]]\narea = \"a\"\nid = \"k2\"\nname = \"率\"\nunit = \"%\"\n"
       "better = \"higher\"\nbaseline = { value = \"▲1.5\", year = 2021 }\n"
       "targets = [10, 10]\nactual = [\"12.345\", \"未集計\"]\n"},
      {"s/themes/default/templates/base.mustache", "{{{main}}}"},
      {"s/themes/default/templates/home.mustache", "{{title}}"},
      {"s/themes/default/templates/area.mustache", "{{title}}"},
      {"s/themes/default/i18n/ja.toml", hyoka::test::default_words_file()},
  });
  BuildOptions options;
  options.source_dir = "s";
  options.write = false;
  options.keep_files = true;
  auto result = build_site(options, memory);
  BOOST_REQUIRE_MESSAGE(result.ok, "the site does not build");
  return std::move(result.files);
}

// The indicators' CSV's headings: the area, the indicator, its baseline (missing once, so with
// a reason column) and its year; no final target, so no target columns; the fiscal year, that
// year's target and its reason, the actual value and its reason, the rate, the grade, and the
// printed rate and grade.
constexpr const char* kKpiHeadings =
    "全国地方公共団体コード,区分ID,区分,指標ID,指標,単位,良い方向,基準値,基準値（欠測理由）,"
    "基準値の年度,年度,年度（和暦）,その年度の目標値,その年度の目標値（欠測理由）,実績値,"
    "実績値（欠測理由）,達成率（%）,達成度ID,達成度,達成率（%）（原資料の記載）,"
    "達成度ID（原資料の記載）\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(open_data)

BOOST_AUTO_TEST_CASE(a_kpi_datasets_indicators_csv_has_a_line_per_indicator_and_year) {
  const auto files = build_kpi_site();
  // k1 is better when lower: 2022 target 8 ÷ actual 10 = 80%, 80.00 at two decimals; graded on
  // the exact rate, below a's 100.0, so b; printed 「80」 and 「B」 agree. 2023 has no target: no
  // rate, so x. k2: 12.345 ÷ 10 = 123.45% → a; 2023 has no actual value → x. Every value as
  // written: 6.50 keeps its two decimals, ▲1.5 is -1.5.
  BOOST_TEST(files.at("data/k/indicators.csv") ==
             std::string(kKpiHeadings) +
                 "070009,a,A地区,k1,=合計,件,lower,,未集計,2021,2022,令和4年度,8,,10,,80.00,b,B,"
                 "80,b\r\n"
                 "070009,a,A地区,k1,=合計,件,lower,,未集計,2021,2023,令和5年度,,未集計,6.50,,,x,"
                 "X,,\r\n"
                 "070009,a,A地区,k2,率,%,higher,-1.5,,2021,2022,令和4年度,10,,12.345,,123.45,a,"
                 "A,,\r\n"
                 "070009,a,A地区,k2,率,%,higher,-1.5,,2021,2023,令和5年度,10,,,未集計,,x,X,,"
                 "\r\n");
}

BOOST_AUTO_TEST_CASE(the_indicators_excel_csv_guards_text_and_never_numbers) {
  const auto files = build_kpi_site();
  const auto& excel = files.at("data/k/indicators-excel.csv");
  BOOST_TEST(excel.starts_with("\xEF\xBB\xBF" + std::string(kKpiHeadings)));
  BOOST_TEST(excel.find(",k1,'=合計,件,") != std::string::npos);
  BOOST_TEST(excel.find(",higher,-1.5,,2021,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_indicators_json_gives_the_rule_as_declared_and_values_as_printed) {
  const auto files = build_kpi_site();
  const auto json = nlohmann::json::parse(files.at("data/k/indicators.json"));
  BOOST_TEST(json["achievement"] == nlohmann::json::parse(R"({
      "formula": "actual / year target", "rate_unit": "%", "decimals": 2,
      "rounding": "truncate", "graded_on": "exact", "no_rate": "x",
      "at_least": {"a": "100.0"}})"));
  BOOST_TEST(json["scale"]["ordered"] == true);
  BOOST_TEST(json["indicators"][0]["baseline"] ==
             nlohmann::json::parse(R"({"value": null, "missing": "未集計", "fiscal_year": 2021})"));
  BOOST_TEST(json["indicators"][0]["better"] == "lower");
  BOOST_TEST(!json["indicators"][0].contains("target"));
  BOOST_TEST(json["rows"].size() == 4u);
  BOOST_TEST(json["rows"][0] == nlohmann::json::parse(R"({
      "area_id": "a", "indicator": "k1", "fiscal_year": 2022, "fiscal_year_label": "令和4年度",
      "target": "8", "actual": "10", "rate": "80.00", "grade": "b",
      "published_rate": "80", "published_grade": "b"})"));
  BOOST_TEST(json["rows"][1] == nlohmann::json::parse(R"({
      "area_id": "a", "indicator": "k1", "fiscal_year": 2023, "fiscal_year_label": "令和5年度",
      "target": null, "actual": "6.50", "rate": null, "grade": "x",
      "missing": {"target": "未集計"}})"));
  BOOST_TEST(json["rows"][2]["actual"] == "12.345");
  BOOST_TEST(json["rows"][2]["rate"] == "123.45");
  BOOST_TEST(json["missing_reasons"] ==
             nlohmann::json::parse(R"([{"reason": "未集計", "symbol": "…"}])"));
}

BOOST_AUTO_TEST_CASE(the_data_package_has_a_resource_for_the_indicators) {
  const auto files = build_kpi_site();
  const auto package = nlohmann::json::parse(files.at("datapackage.json"));
  BOOST_REQUIRE(package["resources"].size() == 2u);
  const auto& resource = package["resources"][1];
  BOOST_TEST(resource["name"] == "k.indicators");
  BOOST_TEST(resource["title"] == "指標（指標別）");
  BOOST_TEST(resource["path"] == "data/k/indicators.csv");
  BOOST_TEST(resource["schema"]["primaryKey"] ==
             nlohmann::json::parse(R"(["区分ID", "指標ID", "年度"])"));
  std::map<std::string, nlohmann::json> fields;
  std::string names;
  for (const auto& field : resource["schema"]["fields"]) {
    fields[field["name"].get<std::string>()] = field;
    if (!names.empty()) names += ',';
    names += field["name"].get<std::string>();
  }
  BOOST_TEST(names + "\r\n" == kKpiHeadings);
  BOOST_TEST(fields["基準値"]["type"] == "number");
  BOOST_TEST(fields["基準値の年度"]["type"] == "integer");
  BOOST_TEST(fields["年度"]["type"] == "integer");
  BOOST_TEST(fields["達成率（%）"]["type"] == "number");
  BOOST_TEST(fields["達成率（%）"]["decimals"] == 2);
  BOOST_TEST(fields["達成度ID"]["categoriesOrdered"] == true);
  BOOST_TEST(fields["達成度ID"]["categories"] == nlohmann::json::parse(R"([
      {"value": "a", "label": "A"}, {"value": "b", "label": "B"},
      {"value": "x", "label": "X"}])"));
  BOOST_TEST(fields["良い方向"]["constraints"]["enum"] ==
             nlohmann::json::parse(R"(["higher", "lower"])"));
  BOOST_TEST(fields["基準値（欠測理由）"]["constraints"]["enum"] ==
             nlohmann::json::parse(R"(["未集計"])"));
}

BOOST_AUTO_TEST_CASE(the_catalogs_list_the_indicators_as_distributions_of_the_dataset) {
  const auto files = build_kpi_site();
  const auto& turtle = files.at("catalog.ttl");
  BOOST_TEST(turtle.find("<https://example.org/data/k/#indicators-csv> a dcat:Distribution ;\n"
                         "  dct:title \"指標のCSV（UTF-8）\"@ja ;\n"
                         "  dcat:accessURL <https://example.org/data/k/indicators.csv> ;\n") !=
             std::string::npos);
  BOOST_TEST(
      turtle.find("<https://example.org/data/k/#indicators-excel-csv> a dcat:Distribution") !=
      std::string::npos);
  BOOST_TEST(turtle.find("dcat:downloadURL <https://example.org/data/k/indicators.json> ;\n"
                         "  dct:format \"JSON\" ;") != std::string::npos);
  const auto ld = nlohmann::json::parse(files.at("catalog.jsonld"));
  std::vector<std::string> distributions;
  for (const auto& node : ld["@graph"]) {
    if (node["@type"] == "dcat:Dataset") {
      for (const auto& d : node["dcat:distribution"]) distributions.push_back(d["@id"]);
    }
  }
  BOOST_TEST(
      distributions ==
          (std::vector<std::string>{
              "https://example.org/data/k/#csv", "https://example.org/data/k/#excel-csv",
              "https://example.org/data/k/#json", "https://example.org/data/k/#indicators-csv",
              "https://example.org/data/k/#indicators-excel-csv",
              "https://example.org/data/k/#indicators-json"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_excel_csv_makes_text_cells_that_start_a_formula_text) {
  const auto files = build_hostile_site();
  // RFC 4180 quotes the cells that hold a quote, a comma or a line break; the apostrophe goes
  // before the first character. Years, counts and ratios are numbers and stay as they are.
  BOOST_TEST(
      files.at("data/n-excel.csv") ==
      "\xEF\xBB\xBF"
      "全国地方公共団体コード,'@区分ID,'@区分,年度,年度（和暦）,'=実施,達成,'-率（%）\r\n"
      "070009,a,\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"詳細\"\")\",2019,令和元年度,4,"
      "3,75.0\r\n"
      "070009,b,'+81 地域,2019,令和元年度,0,0,\r\n"
      "070009,'-c,'\t教育,2019,令和元年度,10,1,10.0\r\n"
      "070009,d,\"'\r復興, 再生\",2019,令和元年度,3,3,100.0\r\n");
}

BOOST_AUTO_TEST_CASE(the_plain_csv_keeps_every_cell_exactly) {
  const auto files = build_hostile_site();
  BOOST_TEST(
      files.at("data/n.csv") ==
      "全国地方公共団体コード,@区分ID,@区分,年度,年度（和暦）,=実施,達成,-率（%）\r\n"
      "070009,a,\"=HYPERLINK(\"\"https://evil.example/\"\",\"\"詳細\"\")\",2019,令和元年度,4,"
      "3,75.0\r\n"
      "070009,b,+81 地域,2019,令和元年度,0,0,\r\n"
      "070009,-c,\t教育,2019,令和元年度,10,1,10.0\r\n"
      "070009,d,\"\r復興, 再生\",2019,令和元年度,3,3,100.0\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
