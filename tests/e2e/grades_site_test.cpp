// Judgement grades with the real binary on two sites built from published reports (their
// site.toml cites the pages): tests/sites/grades, 群馬県's 数値目標達成状況評価 (an ordered
// scale A–D with a special grade, 令和4年度 and 令和6年度), and tests/sites/grades-directions,
// 長与町's 事業実施状況 and 今後の方向性 (two unordered scales for the same projects). Every count
// below is typed from those pages; every share is worked out by hand from the counts (the
// pages' own printed shares agree, or the build would warn under --strict).
#define BOOST_TEST_MODULE grades_site
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "support/html_table.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const BuiltSite& gunma() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/grades");
  return built;
}

const BuiltSite& nagayo() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/grades-directions");
  return built;
}

using Cells = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(both_sites_build_strictly_so_every_printed_share_agrees) {
  BOOST_TEST(gunma().run.exit_code == 0);
  BOOST_TEST(gunma().run.err == "");
  BOOST_TEST(nagayo().run.exit_code == 0);
  BOOST_TEST(nagayo().run.err == "");
}

BOOST_AUTO_TEST_CASE(an_area_table_gives_each_grades_count_and_exact_share) {
  const auto table =
      find_table(gunma().file("areas/plan/index.html"),
                 "群馬県食品安全基本計画2020-2024：数値目標達成状況評価（単位：項目）");
  BOOST_REQUIRE(table);
  // 令和4年度: A 12 of 19 = 63.157…% → 63.2% (printed 63%), B 6 → 31.578… → 31.6% (32%),
  // C 0 (0%), D 1 → 5.263… → 5.3% (5%). 令和6年度: A 15 → 78.947… → 78.9% (79%), B 2 →
  // 10.526… → 10.5% (10.5%), C 2 → 10.5%, D 0.
  BOOST_TEST(table->row("A") == (Cells{"12", "63.2%", "15", "78.9%"}));
  BOOST_TEST(table->row("B") == (Cells{"6", "31.6%", "2", "10.5%"}));
  BOOST_TEST(table->row("C") == (Cells{"0", "0.0%", "2", "10.5%"}));
  BOOST_TEST(table->row("D") == (Cells{"1", "5.3%", "0", "0.0%"}));
  BOOST_TEST(table->row("評価困難") == (Cells{"0", "0.0%", "0", "0.0%"}));
  // The whole the shares are of: the 19 items evaluated each year.
  BOOST_TEST(table->row("評価した項目") == (Cells{"19", "", "19", ""}));
}

BOOST_AUTO_TEST_CASE(shares_are_never_adjusted_to_add_up_to_100) {
  // 令和6年度: 78.9 + 10.5 + 10.5 + 0.0 = 99.9, shown as it is, with the note that says why.
  const auto table =
      find_table(gunma().file("index.html"), "数値目標達成状況評価：全体（単位：項目）");
  BOOST_REQUIRE(table);
  BOOST_TEST(table->row("A") == (Cells{"12", "63.2%", "15", "78.9%"}));
  const auto text = text_of(gunma().file("index.html"));
  BOOST_TEST(text.find("割合は、各区分の件数÷「評価した項目」の百分率で、小数第2位を四捨五入し、"
                       "小数第1位まで表示しています。端数処理のため、割合の合計は100%にならない"
                       "場合があります。") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_grade_is_defined_as_the_report_states_it) {
  const auto text = text_of(gunma().file("areas/plan/index.html"));
  for (const auto* line :
       {"A：95%≦達成率", "B：75%≦達成率<95%", "C：50%≦達成率<75%", "D：達成率<50%",
        "評価困難：社会的情勢により代替的な策を講じることもできず、事業を"
        "中止又は廃止等した場合"}) {
    BOOST_TEST(text.find(line) != std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(the_chart_stacks_segments_in_scale_order_with_their_shares) {
  const auto svg = gunma().file("areas/plan/chart-targets.svg");
  BOOST_TEST(svg.find("role=\"img\"") != std::string::npos);
  BOOST_TEST(svg.find("<title id=\"chart-targets-title\">") != std::string::npos);
  // 令和4年度's bar: A, B, D (C is 0 and has no segment), in that order.
  const auto a = svg.find("data-share=\"63.2\"");
  const auto b = svg.find("data-share=\"31.6\"");
  const auto d = svg.find("data-share=\"5.3\"");
  BOOST_TEST(a < b);
  BOOST_TEST(b < d);
  BOOST_TEST(d != std::string::npos);
  BOOST_TEST(svg.find("data-share=\"0.0\"") == std::string::npos);
  // A separator of the background's colour between two segments.
  BOOST_TEST(svg.find("stroke=\"#ffffff\" stroke-width=\"2\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_csv_has_a_tidy_line_per_area_year_and_grade) {
  const auto csv = gunma().file("data/targets.csv");
  BOOST_TEST(
      csv.starts_with("全国地方公共団体コード,計画ID,計画,年度,年度（和暦）,評価区分ID,"
                      "評価区分,件数,割合（%）\r\n"));
  BOOST_TEST(
      csv.find("100005,plan,群馬県食品安全基本計画2020-2024,2022,令和4年度,a,A,12,63.2\r\n") !=
      std::string::npos);
  BOOST_TEST(
      csv.find("100005,plan,群馬県食品安全基本計画2020-2024,2024,令和6年度,b,B,2,10.5\r\n") !=
      std::string::npos);
  std::size_t lines = 0;
  for (const char c : csv) lines += c == '\n';
  BOOST_TEST(lines == 1u + 2u * 5u);  // the headings, then 2 years × 5 grades
}

BOOST_AUTO_TEST_CASE(the_schema_gives_grades_as_categories_ordered_only_when_they_are) {
  const auto gunma_package = gunma().file("datapackage.json");
  BOOST_TEST(gunma_package.find("\"categoriesOrdered\": true") != std::string::npos);
  BOOST_TEST(gunma_package.find("\"value\": \"difficult\",\n") != std::string::npos);
  const auto nagayo_package = nagayo().file("datapackage.json");
  BOOST_TEST(nagayo_package.find("\"categoriesOrdered\": false") != std::string::npos);
  BOOST_TEST(nagayo_package.find("\"categoriesOrdered\": true") == std::string::npos);
  const auto json = gunma().file("data/targets.json");
  BOOST_TEST(json.find("\"ordered\": true") != std::string::npos);
  BOOST_TEST(json.find("\"decimals\": 1") != std::string::npos);
  BOOST_TEST(json.find("\"rounding\": \"half-up\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_sets_of_grades_for_the_same_projects_are_two_datasets) {
  const auto html = nagayo().file("areas/all/index.html");
  const auto status = find_table(html, "全事務事業：事業実施状況（単位：事業）");
  BOOST_REQUIRE(status);
  // 30/148 = 20.27… → 20.3%, 35/148 = 23.64… → 23.6%, 82/148 = 55.40… → 55.4%, 1/148 = 0.67…
  // → 0.7%: as the page prints them.
  BOOST_TEST(status->row("拡充") == (Cells{"30", "20.3%"}));
  BOOST_TEST(status->row("改善") == (Cells{"35", "23.6%"}));
  BOOST_TEST(status->row("継続実施") == (Cells{"82", "55.4%"}));
  BOOST_TEST(status->row("縮小") == (Cells{"1", "0.7%"}));
  BOOST_TEST(status->row("事務事業数") == (Cells{"148", ""}));
  const auto direction = find_table(html, "全事務事業：今後の方向性（単位：事業）");
  BOOST_REQUIRE(direction);
  // 19 → 12.8%, 18 → 12.2%, 110 → 74.3%, 1 → 0.7%, 廃止 and 終了 0 (printed "0%").
  BOOST_TEST(direction->row("拡充") == (Cells{"19", "12.8%"}));
  BOOST_TEST(direction->row("改善") == (Cells{"18", "12.2%"}));
  BOOST_TEST(direction->row("継続実施") == (Cells{"110", "74.3%"}));
  BOOST_TEST(direction->row("縮小") == (Cells{"1", "0.7%"}));
  BOOST_TEST(direction->row("廃止") == (Cells{"0", "0.0%"}));
  BOOST_TEST(direction->row("終了") == (Cells{"0", "0.0%"}));
}

BOOST_AUTO_TEST_CASE(a_printed_share_that_differs_is_a_warning_and_a_note) {
  TempDir dir;
  const fs::path source = fs::path(HYOKA_SOURCE_DIR) / "tests/sites/grades";
  fs::copy(source, dir.path() / "site", fs::copy_options::recursive);
  const auto path = dir.path() / "site/content/data/targets.toml";
  auto text = read_file(path);
  // As if the page had truncated 2/19 = 10.526…% to 10.5 and printed B's 令和4年度 share 31.6
  // as 31.5.
  const std::string printed = "b = [\"32\", \"10.5\"]";
  const auto at = text.find(printed);
  BOOST_REQUIRE(at != std::string::npos);
  text.replace(at, printed.size(), "b = [\"31.5\", \"10.5\"]");
  write_file(path, text);
  const auto run = run_hyoka("build -q --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err.find("site/content/data/targets.toml:48:35: warning") != std::string::npos,
             run.err);
  BOOST_TEST(run.err.find("published share of b for area \"plan\", fiscal year 2022 is "
                          "31.5%, but its counts give 31.6% (6 of 19, half-up)") !=
             std::string::npos);
  const auto html = read_file(dir.path() / "public/areas/plan/index.html");
  // The cell shows the counts' share with the mark of its note, as a printed total that differs.
  const auto table =
      find_table(html, "群馬県食品安全基本計画2020-2024：数値目標達成状況評価（単位：項目）");
  BOOST_REQUIRE(table);
  BOOST_TEST(table->row("B") == (Cells{"6", "31.6%※1", "2", "10.5%"}));
  const auto page = text_of(html);
  BOOST_TEST(
      page.find("※1 令和4年度（2022年度）（群馬県食品安全基本計画2020-2024）の「B」の割合は、"
                "原資料では31.5%と記載されていますが、件数から計算すると31.6%です。") !=
      std::string::npos);
}

BOOST_AUTO_TEST_CASE(table_and_chart_blocks_of_a_grade_dataset_show_its_grades) {
  TempDir dir;
  const fs::path source = fs::path(HYOKA_SOURCE_DIR) / "tests/sites/grades";
  fs::copy(source, dir.path() / "site", fs::copy_options::recursive);
  const auto page = dir.path() / "site/content/areas/plan.md";
  write_file(page, read_file(page) +
                       "\n```table\ndataset = \"targets\"\narea = \"plan\"\n```\n"
                       "\n```chart\ndataset = \"targets\"\ntype = \"bars\"\n```\n");
  const auto run = run_hyoka("build -q --strict --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
  const auto html = read_file(dir.path() / "public/areas/plan/index.html");
  std::size_t tables = 0;
  for (const auto& table : read_tables(html)) {
    if (table.caption != "群馬県食品安全基本計画2020-2024：数値目標達成状況評価（単位：項目）")
      continue;
    ++tables;
    BOOST_TEST(table.row("A") == (Cells{"12", "63.2%", "15", "78.9%"}));
  }
  BOOST_TEST(tables == 2u);  // the page's own and the block's
  // The block's chart is of the totals: 令和6年度 A 15 of 19 = 78.9%, in a stacked bar.
  BOOST_TEST(html.find("data-share=\"78.9\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_catalogs_list_each_grade_dataset_with_its_files) {
  const auto turtle = nagayo().file("catalog.ttl");
  for (const auto* file :
       {"data/direction.csv", "data/direction.json", "data/status.csv", "data/status.json"}) {
    BOOST_TEST(
        turtle.find(std::string("https://example.github.io/nagayo/") + file) != std::string::npos,
        file);
  }
  BOOST_TEST(nagayo().file("catalog.jsonld").find("data/direction/#dataset") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_whole_of_zero_gives_dashes_and_says_why) {
  TempDir dir;
  copy_minimal_site(dir.path() / "site");
  write_file(dir.path() / "site/content/data/grades.toml",
             "title = \"評価\"\nperiods = [2020, 2021]\n[scale]\nlabel = \"評価\"\n"
             "[scale.grades.a]\nlabel = \"計画通り\"\n[scale.grades.b]\nlabel = \"見直し\"\n"
             "[[rows]]\narea = \"alpha\"\na = [0, 3]\nb = [0, 1]\n");
  const auto run = run_hyoka("build -q --strict --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
  const auto html = read_file(dir.path() / "public/areas/alpha/index.html");
  const auto table = find_table(html, "第一の施策：評価");
  BOOST_REQUIRE(table);
  // 2020: nothing graded, no share; 2021: 3 of 4 = 75.0%, 1 of 4 = 25.0%.
  BOOST_TEST(table->row("計画通り") == (Cells{"0", "\u2212", "3", "75.0%"}));
  BOOST_TEST(table->row("見直し") == (Cells{"0", "\u2212", "1", "25.0%"}));
  BOOST_TEST(text_of(html).find("「\u2212」は、分母が0のため割合を算出できないことを示します。") !=
             std::string::npos);
  // The chart says so in place of the bar.
  BOOST_TEST(read_file(dir.path() / "public/areas/alpha/chart-grades.svg").find("評価対象なし") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_group_of_grades_has_its_line_and_its_place_in_the_key) {
  TempDir dir;
  copy_minimal_site(dir.path() / "site");
  // 「改善を検討」 = 内容改善 + コスト改善, as the town reports it.
  write_file(dir.path() / "site/content/data/grades.toml",
             "title = \"評価\"\nperiods = [2020]\n[scale]\nlabel = \"評価\"\n"
             "[scale.grades.planned]\nlabel = \"計画通り\"\n"
             "[scale.grades.content]\nlabel = \"内容改善\"\n"
             "[scale.grades.cost]\nlabel = \"コスト改善\"\n"
             "[scale.grades.review]\nlabel = \"見直し\"\n"
             "[scale.groups.improve]\nlabel = \"改善を検討\"\ngrades = [\"content\", \"cost\"]\n"
             "[[rows]]\narea = \"alpha\"\nplanned = [5]\ncontent = [2]\ncost = [1]\n"
             "review = [1]\n");
  const auto run = run_hyoka("build -q --strict --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0);
  const auto html = read_file(dir.path() / "public/areas/alpha/index.html");
  const auto table = find_table(html, "第一の施策：評価");
  BOOST_REQUIRE(table);
  // 2 + 1 = 3 of 9 = 33.33…% → 33.3%.
  BOOST_TEST(table->row("改善を検討（内容改善＋コスト改善）") == (Cells{"3", "33.3%"}));
  BOOST_TEST(table->row("合計") == (Cells{"9", ""}));
  BOOST_TEST(read_file(dir.path() / "public/areas/alpha/chart-grades.svg")
                 .find(">改善を検討（内容改善＋コスト改善）</text>") != std::string::npos);
}
