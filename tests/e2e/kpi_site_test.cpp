// KPI indicators with the real binary on tests/sites/kpi, built from 大阪府立図書館's published
// 重点目標評価シート (平成25-27年度; its site.toml cites the pages and the grading rule). Every
// baseline, target, actual value and printed grade below is typed from those pages; every rate
// is worked out by hand from them by the library's rule (実績 ÷ 毎年の数値目標: A 110%以上,
// B 80% 以上110%未満, C 50%以上80%未満, D 50%未満), and every count is the printed grades
// counted by hand, as the sheets print no counts.
#define BOOST_TEST_MODULE kpi_site
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "support/html_table.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const std::string kArea1 =
    "基本方針1 市町村立図書館を支え、大阪府全域の図書館サービスを発展させます";
const std::string kArea5 = "基本方針5 府民に開かれた図書館として、府民とともにあゆみます";

const BuiltSite& osaka() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/kpi");
  return built;
}

using Cells = std::vector<std::string>;

// A copy of the site with one text of the dataset replaced, built without --strict.
struct Edited {
  TempDir dir;
  RunResult run;
  Edited(const std::string& from, const std::string& to) {
    fs::copy(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/kpi", dir.path() / "site",
             fs::copy_options::recursive);
    const auto path = dir.path() / "site/content/data/kpi.toml";
    auto text = read_file(path);
    const auto at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    BOOST_REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
    write_file(path, text);
    run = run_hyoka("build -q --source site --destination public", dir.path());
  }
  std::string file(const std::string& relative) const {
    return read_file(dir.path() / "public" / relative);
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_site_builds_strictly_so_every_printed_grade_agrees_with_the_rule) {
  BOOST_TEST(osaka().run.exit_code == 0);
  BOOST_TEST(osaka().run.err == "");
}

BOOST_AUTO_TEST_CASE(an_area_table_gives_each_indicator_as_the_sheet_prints_it_with_its_rate) {
  const auto table =
      find_table(osaka().file("areas/kihon1/index.html"), kArea1 + "：重点指標の達成度（指標別）");
  BOOST_REQUIRE(table);
  // 24年度実績 66,756; 毎年67,000. 62,879 ÷ 67,000 = 93.849…% → 93.8% (B: 80% ≦ … < 110%),
  // 62,101 ÷ 67,000 = 92.688…% → 92.7% (B), 62,867 ÷ 67,000 = 93.831…% → 93.8% (B).
  BOOST_TEST(table->row("協力貸出冊数（市町村）") ==
             (Cells{"冊", "66,756（2012年度）", "67,000（2015年度）",  //
                    "67,000", "62,879", "93.8%", "B",                  //
                    "67,000", "62,101", "92.7%", "B",                  //
                    "67,000", "62,867", "93.8%", "B"}));
  BOOST_TEST(table->rows.size() == 3u);  // two heading rows, one indicator
}

BOOST_AUTO_TEST_CASE(an_area_with_two_indicators_lists_both_in_the_sheets_order) {
  const auto html = osaka().file("areas/kihon5/index.html");
  const auto table = find_table(html, kArea5 + "：重点指標の達成度（指標別）");
  BOOST_REQUIRE(table);
  // 96.2%; 毎年95%. 94.5 ÷ 95 = 99.473…% → 99.5% (B), 94.9 ÷ 95 = 99.894…% → 99.9% (B),
  // 94.8 ÷ 95 = 99.789…% → 99.8% (B).
  BOOST_TEST(table->row("利用者満足度") == (Cells{"%", "96.2（2012年度）", "95（2015年度）",  //
                                                  "95", "94.5", "99.5%", "B",                 //
                                                  "95", "94.9", "99.9%", "B",                 //
                                                  "95", "94.8", "99.8%", "B"}));
  // 5,229人; 毎年5,300人. 5,424 ÷ 5,300 = 102.339…% → 102.3% (B), 6,568 ÷ 5,300 = 123.924…%
  // → 123.9% (A: 110%以上), 6,254 ÷ 5,300 = 118% exactly → 118.0% (A).
  BOOST_TEST(table->row("イベント参加者数") ==
             (Cells{"人", "5,229（2012年度）", "5,300（2015年度）",  //
                    "5,300", "5,424", "102.3%", "B",                 //
                    "5,300", "6,568", "123.9%", "A",                 //
                    "5,300", "6,254", "118.0%", "A"}));
  BOOST_TEST(table->rows.size() == 4u);
  const auto body = html.find("<th scope=\"row\">利用者満足度");
  BOOST_TEST(body != std::string::npos);
  BOOST_TEST(body < html.find("<th scope=\"row\">イベント"));
}

BOOST_AUTO_TEST_CASE(the_table_states_the_rule_and_each_grades_definition) {
  const auto text = text_of(osaka().file("areas/kihon5/index.html"));
  for (const auto* line :
       {"達成率は、実績値÷その年度の目標値の百分率で、小数第2位を四捨五入し、小数第1位まで表示"
        "しています。",
        // graded_on = "exact": the rule states no rounding, so the bounds take the exact rate.
        "達成度は、端数を処理する前の達成率で判定しています。",
        "A：数値目標を上回る成果を達成（達成度110%以上）",
        "B：数値目標を達成（達成度80%以上110%未満）",
        "C：数値目標を2分の1以上達成（達成度50%以上80%未満）",
        "D：数値目標をかなり下回っており、大幅な改善が必要（達成度50%未満）",
        "達成率を計算できない年度（実績値がない、目標値が0など）は「−」としています。"}) {
    BOOST_TEST(text.find(line) != std::string::npos, line);
  }
  // The sheets print no rate, so there is nothing to differ and no numbered note.
  BOOST_TEST(text.find("原資料では") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_area_counts_its_indicators_grades_per_year) {
  // 基本方針1: B in each year. 基本方針5: 平成25年度 B, B; 平成26年度 B, A; 平成27年度 B, A.
  const auto one = find_table(osaka().file("areas/kihon1/index.html"),
                              kArea1 + "：重点指標の達成度（単位：指標）");
  BOOST_REQUIRE(one);
  BOOST_TEST(one->row("A") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(one->row("B") == (Cells{"1", "100.0%", "1", "100.0%", "1", "100.0%"}));
  BOOST_TEST(one->row("C") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(one->row("D") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(one->row("合計") == (Cells{"1", "", "1", "", "1", ""}));
  const auto five = find_table(osaka().file("areas/kihon5/index.html"),
                               kArea5 + "：重点指標の達成度（単位：指標）");
  BOOST_REQUIRE(five);
  // 1 of 2 = 50.0%.
  BOOST_TEST(five->row("A") == (Cells{"0", "0.0%", "1", "50.0%", "1", "50.0%"}));
  BOOST_TEST(five->row("B") == (Cells{"2", "100.0%", "1", "50.0%", "1", "50.0%"}));
  BOOST_TEST(five->row("C") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(five->row("D") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(five->row("\u2212") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(five->row("合計") == (Cells{"2", "", "2", "", "2", ""}));
}

BOOST_AUTO_TEST_CASE(the_home_page_totals_every_areas_grades) {
  const auto html = osaka().file("index.html");
  const auto totals = find_table(html, "重点指標の達成度：全体（単位：指標）");
  BOOST_REQUIRE(totals);
  // 平成25年度: B 3 of 3. 平成26年度 and 平成27年度: A 1 of 3 = 33.33…% → 33.3%, B 2 of 3 =
  // 66.66…% → 66.7%.
  BOOST_TEST(totals->row("A") == (Cells{"0", "0.0%", "1", "33.3%", "1", "33.3%"}));
  BOOST_TEST(totals->row("B") == (Cells{"3", "100.0%", "2", "66.7%", "2", "66.7%"}));
  BOOST_TEST(totals->row("C") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(totals->row("D") == (Cells{"0", "0.0%", "0", "0.0%", "0", "0.0%"}));
  BOOST_TEST(totals->row("合計") == (Cells{"3", "", "3", "", "3", ""}));
  const auto areas = find_table(html, "重点指標の達成度：基本方針別（単位：指標）");
  BOOST_REQUIRE(areas);
  // A line per area (then the whole) and grade: the area, the grade, then a count and a share
  // per year. The B lines, in order:
  std::vector<Cells> b_lines;
  for (const auto& row : areas->rows) {
    if (row.size() > 2 && row[1] == "B") b_lines.push_back(row);
  }
  BOOST_REQUIRE(b_lines.size() == 3u);
  BOOST_TEST(b_lines[0] == (Cells{kArea1, "B", "1", "100.0%", "1", "100.0%", "1", "100.0%"}));
  BOOST_TEST(b_lines[1] == (Cells{kArea5, "B", "2", "100.0%", "1", "50.0%", "1", "50.0%"}));
  BOOST_TEST(b_lines[2] == (Cells{"合計", "B", "3", "100.0%", "2", "66.7%", "2", "66.7%"}));
}

BOOST_AUTO_TEST_CASE(the_csv_has_a_line_per_area_year_and_grade) {
  const auto csv = osaka().file("data/kpi.csv");
  BOOST_TEST(
      csv.starts_with("全国地方公共団体コード,基本方針ID,基本方針,年度,年度（和暦）,"
                      "達成度ID,達成度,件数,割合（%）\r\n"));
  BOOST_TEST(csv.find("270008,kihon5," + kArea5 + ",2014,平成26年度,a,A,1,50.0\r\n") !=
             std::string::npos);
  BOOST_TEST(csv.find("270008,kihon1," + kArea1 + ",2015,平成27年度,b,B,1,100.0\r\n") !=
             std::string::npos);
  std::size_t lines = 0;
  for (const char c : csv) lines += c == '\n';
  BOOST_TEST(lines == 1u + 2u * 3u * 5u);  // the headings, then 2 areas × 3 years × 5 grades
}

BOOST_AUTO_TEST_CASE(a_printed_grade_that_differs_is_a_warning_and_a_note) {
  // As if the sheet had printed イベント参加者数's 平成25年度 grade as A: 5,424 ÷ 5,300 =
  // 102.3% is below 110%, so the rule gives B.
  const Edited site("grades = [\"B\", \"A\", \"A\"]", "grades = [\"A\", \"A\", \"A\"]");
  BOOST_TEST(site.run.exit_code == 0);
  BOOST_TEST(site.run.err.find("site/content/data/kpi.toml:95:11: warning") != std::string::npos,
             site.run.err);
  BOOST_TEST(site.run.err.find("printed grade of indicator \"event\" (イベント参加者数), fiscal "
                               "year 2013 is A, but its achievement 102.3% gives B; the site "
                               "counts the computed grade") != std::string::npos,
             site.run.err);
  const auto html = site.file("areas/kihon5/index.html");
  const auto table = find_table(html, kArea5 + "：重点指標の達成度（指標別）");
  BOOST_REQUIRE(table);
  BOOST_TEST(table->row("イベント参加者数")[6] == "B※1");
  BOOST_TEST(text_of(html).find("※1 平成25年度（2013年度）の「イベント参加者数」の評価は、原資料"
                                "では「A」と記載されていますが、達成率から判定すると「B」です。"
                                "表には判定した評価を掲載しています。") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_bounds_apply_to_the_exact_rate_as_the_rule_states_no_rounding) {
  // Were 平成25年度's event count 5,829 instead of 5,424: 5,829 ÷ 5,300 = 109.981…%, shown
  // as 110.0% but below the 110% of A, so still B.
  const Edited site("actual = [\"5,424\", \"6,568\", \"6,254\"]",
                    "actual = [\"5,829\", \"6,568\", \"6,254\"]");
  BOOST_TEST(site.run.exit_code == 0);
  BOOST_TEST(site.run.err == "");
  const auto table =
      find_table(site.file("areas/kihon5/index.html"), kArea5 + "：重点指標の達成度（指標別）");
  BOOST_REQUIRE(table);
  const auto cells = table->row("イベント参加者数");
  BOOST_REQUIRE(cells.size() == 15u);
  BOOST_TEST(cells[4] == "5,829");
  BOOST_TEST(cells[5] == "110.0%");
  BOOST_TEST(cells[6] == "B");
}
