// Data as governments have it, with the real binary on tests/sites/shapes/ (a constructed
// site, see its site.toml): fiscal years with a gap (2015, 2016, 2019), values missing for two
// reasons, 「※」 notes on the dataset, a measure, an area, a year and one count, totals of a
// wider whole and a measure declared the same as another dataset's. Every expected figure is
// worked out by hand from the site's files, never read from hyoka's output.
#define BOOST_TEST_MODULE shapes_site
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>

#include "support/html_table.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const BuiltSite& site() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/shapes");
  return built;
}

using Cells = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(the_site_builds_strictly_without_a_word) {
  BOOST_TEST(site().run.exit_code == 0);
  BOOST_TEST(site().run.err == "");
}

BOOST_AUTO_TEST_CASE(missing_values_show_their_reasons_symbol_and_notes_their_marks) {
  const auto table = find_table(site().file("index.html"), "事業の達成状況：分野別（単位：件）※2");
  BOOST_REQUIRE(table);
  // 暮らし: 8/10 = 80.0%; 2016 未公表 (…) for both counts and so the rate; 9/12 = 75.0%, the
  // 2019 achieved count with its own note (※6), which the rate carries.
  BOOST_TEST(table->row("暮らし") ==
             (Cells{"10", "8", "80.0%", "…", "…", "…", "12", "9※6", "75.0%※6"}));
  // 産業 (noted as an area, ※4): 3/6 = 50.0%, 5/7 = 71.42… truncated to 71.4%; 2019 対象外.
  BOOST_TEST(table->row("産業※4") ==
             (Cells{"6", "3", "50.0%", "7", "5", "71.4%", "＊", "＊", "＊"}));
  // The whole's totals as [whole_totals] gives them, never the sums of the two rows:
  // 14/20 = 70.0%, 16/22 = 72.72… → 72.7%, 18/25 = 72.0%.
  BOOST_TEST(table->row("合計※1") ==
             (Cells{"20", "14", "70.0%", "22", "16", "72.7%", "25", "18", "72.0%"}));
}

BOOST_AUTO_TEST_CASE(notes_are_numbered_below_the_table_in_the_order_of_their_marks) {
  const auto text = text_of(site().file("index.html"));
  for (const auto* line : {
           "「…」は「未公表」を示します。町が数値を公表していません。",
           "「＊」は「対象外」を示します。その年度は評価の対象外です。",
           "※1 合計は町全体（公開していない分野を含む）の数です。",
           "※2 事業数は各年度末の数です。",
           "※3 平成28年度から「目標達成」の定義を改めました。",
           "※4 令和元年度に商工と農林を統合しました。",
           "※5 令和元年度は平成31年4月からの1年です。",
           "※6 推計値です。",
       }) {
    BOOST_TEST(text.find(line) != std::string::npos, line);
  }
  // Each mark links to its note.
  const auto html = site().file("index.html");
  BOOST_TEST(html.find("<a class=\"mark\" href=\"#table-jigyo-areas-note-6\">※6</a>") !=
             std::string::npos);
  BOOST_TEST(html.find("<li id=\"table-jigyo-areas-note-6\">※6 推計値です。</li>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_csv_leaves_a_missing_cell_empty_with_its_reason_and_notes_beside) {
  const auto csv = site().file("data/jigyo.csv");
  for (const auto* line : {
           "全国地方公共団体コード,分野ID,分野,年度,年度（和暦）,実施事業数,"
           "実施事業数（欠測理由）,目標達成事業数,目標達成事業数（欠測理由）,達成割合（%）,"
           "注記\r\n",
           "079995,kurashi,暮らし,2015,平成27年度,10,,8,,80.0,\r\n",
           "079995,kurashi,暮らし,2016,平成28年度,,未公表,,未公表,,\r\n",
           "079995,kurashi,暮らし,2019,令和元年度,12,,9,,75.0,"
           "令和元年度は平成31年4月からの1年です。／目標達成事業数：推計値です。\r\n",
           "079995,sangyo,産業,2019,令和元年度,,対象外,,対象外,,"
           "令和元年度に商工と農林を統合しました。／令和元年度は平成31年4月からの1年です。\r\n",
       }) {
    BOOST_TEST(csv.find(line) != std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(the_json_gives_null_with_the_reason_and_the_years_covered) {
  const auto json = site().file("data/jigyo.json");
  const auto squeezed = std::regex_replace(json, std::regex("\\s+"), "");
  for (const auto* part : {
           "\"temporal_coverage\":[\"2015-04-01/2017-03-31\",\"2019-04-01/2020-03-31\"]",
           "\"periods\":[2015,2016,2019]",
           "\"fiscal_year\":2016,\"fiscal_year_label\":\"平成28年度\",\"values\":{"
           "\"implemented\":null,\"achieved\":null},\"ratios\":{\"rate\":null},\"missing\":{"
           "\"implemented\":\"未公表\",\"achieved\":\"未公表\",\"rate\":\"未公表\"}",
           "{\"reason\":\"対象外\",\"symbol\":\"＊\",\"description\":"
           "\"その年度は評価の対象外です。\"}",
           "{\"area_id\":\"kurashi\",\"fiscal_year\":2019,\"measure\":\"achieved\",\"text\":"
           "\"推計値です。\"}",
       }) {
    BOOST_TEST(squeezed.find(part) != std::string::npos, part);
  }
}

BOOST_AUTO_TEST_CASE(the_catalog_gives_one_period_of_time_per_run_of_covered_years) {
  const auto ttl = site().file("catalog.ttl");
  for (const auto* part : {
           "dct:temporal <https://example.github.io/kakuu/data/jigyo/#period-2015> ;",
           "dct:temporal <https://example.github.io/kakuu/data/jigyo/#period-2019> ;",
           "<https://example.github.io/kakuu/data/jigyo/#period-2015> a dct:PeriodOfTime ;\n"
           "  dcat:startDate \"2015-04-01\"^^xsd:date ;\n"
           "  dcat:endDate \"2017-03-31\"^^xsd:date .",
       }) {
    BOOST_TEST(ttl.find(part) != std::string::npos, part);
  }
}

BOOST_AUTO_TEST_CASE(the_trend_spaces_years_by_time_and_labels_missing_points) {
  const auto html = site().file("areas/kurashi/index.html");
  // The whole's points: 2015, 2016 and 2019, each at its x, in each drawing of the chart.
  std::vector<double> xs;
  const std::regex point(
      "M([0-9.]+) [0-9.]+L[0-9.]+ [0-9.]+L[0-9.]+ [0-9.]+Z\" fill=\"[^\"]+\" "
      "class=\"point\" data-value=\"(70\\.0|72\\.7|72\\.0)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), point);
       it != std::sregex_iterator(); ++it) {
    xs.push_back(std::stod((*it)[1].str()));
  }
  // In each drawing, the wide and the narrow.
  BOOST_REQUIRE(xs.size() == 6u);
  for (const std::size_t first : {0u, 3u}) {
    // Three years between 2016 and 2019, one between 2015 and 2016.
    BOOST_TEST((xs[first + 2] - xs[first + 1]) == 3 * (xs[first + 1] - xs[first]),
               boost::test_tools::tolerance(0.05));
  }
  BOOST_TEST(html.find("class=\"gap\"") != std::string::npos);
  BOOST_TEST(html.find("class=\"gap-label\">データなし</text>") != std::string::npos);
  // 暮らし's 2016 (未公表) and 産業's 2019 (対象外) are not drawn, but labelled.
  BOOST_TEST(html.find("class=\"missing\">…<title>平成28年度（2016年度） 暮らし：…（未公表）"
                       "</title></text>") != std::string::npos);
  BOOST_TEST(html.find("class=\"missing\">＊<title>令和元年度（2019年度） 産業：＊（対象外）"
                       "</title></text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_published_csv_read_back_as_rows_builds_the_same_site) {
  // Empty cells with their reasons in the "（欠測理由）" columns, and the notes column, which
  // the dataset's [[notes]] already give.
  TempDir copy;
  fs::copy(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/shapes", copy.path(),
           fs::copy_options::recursive);
  const auto toml_path = copy.path() / "content/data/jigyo.toml";
  auto toml = read_file(toml_path);
  const auto rows = toml.find("[[rows]]");
  const auto whole = toml.find("[whole_totals]");
  BOOST_REQUIRE(rows < whole);
  toml.erase(rows, whole - rows);
  toml.insert(toml.find("[[missing]]"), "rows = \"jigyo.csv\"\n\n");
  write_file(toml_path, toml);
  write_file(copy.path() / "content/data/jigyo.csv", site().file("data/jigyo.csv"));
  const auto run = run_hyoka("build -q --strict", copy.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
  BOOST_TEST((read_tree(copy.path() / "public") == read_tree(site().dir.path() / "public")));
}

BOOST_AUTO_TEST_CASE(a_csv_cell_may_hold_the_reason_or_its_symbol) {
  TempDir copy;
  fs::copy(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/shapes", copy.path(),
           fs::copy_options::recursive);
  const auto toml_path = copy.path() / "content/data/jigyo.toml";
  auto toml = read_file(toml_path);
  toml.erase(toml.find("[[rows]]"), toml.find("[whole_totals]") - toml.find("[[rows]]"));
  toml.insert(toml.find("[[missing]]"), "rows = \"jigyo.csv\"\n\n");
  write_file(toml_path, toml);
  // The rows of jigyo.toml as a person types them: the reason's word, or its symbol.
  write_file(copy.path() / "content/data/jigyo.csv",
             "分野ID,年度,実施事業数,目標達成事業数\n"
             "kurashi,2015,10,8\n"
             "kurashi,2016,未公表,…\n"
             "kurashi,2019,12,9\n"
             "sangyo,2015,6,3\n"
             "sangyo,2016,7,5\n"
             "sangyo,令和元年度,＊,対象外\n");
  const auto run = run_hyoka("build -q --strict", copy.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
  BOOST_TEST(read_file(copy.path() / "public/data/jigyo.csv") == site().file("data/jigyo.csv"));
  BOOST_TEST(read_file(copy.path() / "public/index.html") == site().file("index.html"));
}

BOOST_AUTO_TEST_CASE(a_partial_total_is_marked_and_names_the_area_left_out) {
  const auto html = site().file("index.html");
  const auto table = find_table(html, "分野別の事業数（概要版）：分野別（単位：件）");
  BOOST_REQUIRE(table);
  // summary.toml: 暮らし 11, 12; 産業 7, 未公表; partial_totals = true: 11 + 7 = 18, then 12
  // from 暮らし alone.
  BOOST_TEST(table->row("暮らし") == (Cells{"11", "12"}));
  BOOST_TEST(table->row("産業") == (Cells{"7", "…"}));
  BOOST_TEST(table->row("合計") == (Cells{"18", "12※1"}));
  BOOST_TEST(text_of(html).find("※1 令和元年度（2019年度）の「実施事業数」の合計は、値のない"
                                "産業（未公表）を除いて計算しています（一部欠測）。") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_portal_theme_shows_the_same_symbols_marks_and_notes) {
  TempDir out;
  const fs::path source = fs::path(HYOKA_SOURCE_DIR) / "tests/sites/shapes";
  const auto run = run_hyoka("build -q --strict --theme portal --source " + source.string() +
                                 " --destination " + (out.path() / "public").string(),
                             out.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
  const auto html = read_file(out.path() / "public/index.html");
  const auto table = find_table(html, "事業の達成状況：分野別（単位：件）※2");
  BOOST_REQUIRE(table);
  BOOST_TEST(table->row("暮らし") ==
             (Cells{"10", "8", "80.0%", "…", "…", "…", "12", "9※6", "75.0%※6"}));
  BOOST_TEST(text_of(html).find("※6 推計値です。") != std::string::npos);
  BOOST_TEST(text_of(html).find("「＊」は「対象外」を示します。その年度は評価の対象外です。") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bar_chart_draws_no_bar_for_a_missing_value_and_writes_its_symbol) {
  const auto svg = site().file("chart-jigyo-rate-areas.svg");
  // Four rates are present (80.0, 50.0, 71.4, 75.0): four bars, none of zero length.
  std::size_t bars = 0;
  for (auto at = svg.find("class=\"bar\""); at != std::string::npos;
       at = svg.find("class=\"bar\"", at + 1)) {
    ++bars;
  }
  BOOST_TEST(bars == 4u);
  BOOST_TEST(svg.find("width=\"0\"") == std::string::npos);
  BOOST_TEST(svg.find(">…（未公表）</text>") != std::string::npos);
  BOOST_TEST(svg.find(">＊（対象外）</text>") != std::string::npos);
  // The value with a note carries its mark where it is drawn.
  BOOST_TEST(svg.find(">75.0%（9/12件）※6</text>") != std::string::npos);
}
