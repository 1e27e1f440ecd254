// The charts of KPI indicators with the real binary on tests/sites/kpi-chart, a constructed
// site (its figures are made up; its data files say how each rate comes out): each area page
// carries one chart per indicator above the indicator table, each drawn wide and narrow and
// written alone beside the page, and every figure in a chart is the one its data file gives.
#define BOOST_TEST_MODULE kpi_chart_site
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const BuiltSite& site() {
  static const BuiltSite built(fs::path(HYOKA_SOURCE_DIR) / "tests/sites/kpi-chart");
  return built;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The ids of the page's indicator charts, in page order.
std::vector<std::string> indicator_charts(const std::string& html) {
  std::vector<std::string> out;
  const std::regex figure(R"re(<figure class="chart" id="(chart-[a-z-]+-indicator-[a-z]+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), figure);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

// The summary sentence of a chart, its wrapped lines joined.
std::string summary_of(const std::string& svg, const std::string& id) {
  const auto start = svg.find("<g id=\"" + id + "-summary\">");
  const auto end = svg.find("</g>", start);
  if (start == std::string::npos || end == std::string::npos) return "";
  static const std::regex tag("<[^>]*>|\n");
  return std::regex_replace(svg.substr(start, end - start), tag, "");
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_site_builds_strictly) {
  BOOST_TEST(site().run.exit_code == 0);
  BOOST_TEST(site().run.err == "");
}

BOOST_AUTO_TEST_CASE(an_area_page_carries_one_chart_per_indicator_above_their_table) {
  // kosodate has two indicators of kpi.toml; kanko one of kpi.toml and one of events.toml.
  const auto kosodate = site().file("areas/kosodate/index.html");
  BOOST_TEST(indicator_charts(kosodate) ==
             (std::vector<std::string>{"chart-kpi-indicator-waiting",
                                       "chart-kpi-indicator-satisfaction"}));
  const auto kanko = site().file("areas/kanko/index.html");
  auto ids = indicator_charts(kanko);
  std::sort(ids.begin(), ids.end());
  BOOST_TEST(ids == (std::vector<std::string>{"chart-events-indicator-events",
                                              "chart-kpi-indicator-visitors"}));
  // Each drawn twice on its page and once alone beside it.
  for (const auto& id : {"chart-kpi-indicator-waiting", "chart-kpi-indicator-satisfaction"}) {
    BOOST_TEST_CONTEXT(id) {
      BOOST_TEST(count(kosodate, std::string("aria-labelledby=\"") + id + "-title\"") == 2u);
      BOOST_TEST(count(kosodate, std::string("aria-labelledby=\"") + id + "-narrow-title\"") == 1u);
      BOOST_TEST(site().exists(std::string("areas/kosodate/") + id + ".svg"));
    }
  }
  // The charts stand above the indicator table their titles name.
  const auto chart = kosodate.find("id=\"chart-kpi-indicator-waiting\"");
  const auto table = kosodate.find("<caption");
  const auto indicator_table = kosodate.find("子育て支援：総合戦略の重要業績評価指標（指標別）");
  BOOST_TEST(table != std::string::npos);
  BOOST_TEST(chart < indicator_table);
  BOOST_TEST(kosodate.find("待機児童数（人）。数値は下の表「子育て支援：総合戦略の重要業績評価指標"
                           "（指標別）」に掲載しています。") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_chart_writes_its_figures_as_the_data_file_prints_them) {
  const auto svg = site().file("areas/kosodate/chart-kpi-indicator-satisfaction.svg");
  // 64.50 ÷ 70.0 = 92.14…% → 92.1% (B), 66.8 → 95.4% (B), 71.25 → 101.8% (A); the baseline
  // 62.5 and the target 70.0 with their years.
  for (const auto* text :
       {">64.50%（92.1% B）</text>", ">66.8%（95.4% B）</text>", ">71.25%（101.8% A）</text>",
        ">62.5%</text>", ">目標値 70.0%（2024年度）</text>", ">基準値（2020年度）</text>"}) {
    BOOST_TEST(svg.find(text) != std::string::npos, text);
  }
  BOOST_TEST(svg.find("class=\"target\" data-value=\"70.0\"") != std::string::npos);
  BOOST_TEST(svg.find("data-value=\"64.50\"") != std::string::npos);
  // The standalone file is titled by its heading alone: no table is below it there.
  BOOST_TEST(svg.find("<title id=\"chart-kpi-indicator-satisfaction-title\">子育て環境の満足度（%）"
                      "</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_lower_is_better_chart_says_so_and_a_missing_actual_has_no_bar) {
  const auto waiting = site().file("areas/kosodate/chart-kpi-indicator-waiting.svg");
  BOOST_TEST(waiting.find(">値が小さいほど良い指標です。</text>") != std::string::npos);
  // 4 ÷ 10 = 40.0% (D), 4 ÷ 5 = 80.0% (B), 4 ÷ 4 = 100.0% (A).
  for (const auto* text :
       {">10人（40.0% D）</text>", ">5人（80.0% B）</text>", ">4人（100.0% A）</text>"}) {
    BOOST_TEST(waiting.find(text) != std::string::npos, text);
  }
  const auto visitors = site().file("areas/kanko/chart-kpi-indicator-visitors.svg");
  BOOST_TEST(visitors.find(">…（未集計、X）</text>") != std::string::npos);
  // The baseline and two actual values: three bars, none for 2024.
  BOOST_TEST(count(visitors, "class=\"bar") == 3u);
  BOOST_TEST(visitors.find(">1,250人（104.2% A）</text>") != std::string::npos);
  BOOST_TEST(summary_of(visitors, "chart-kpi-indicator-visitors") ==
             "「観光入込客数」の目標値は1,200人（2024年度）、基準値は1,000人（2020年度）です。"
             "実績値は令和4年度（2022年度）が1,100人（達成率91.7%、B）、令和5年度（2023年度）が"
             "1,250人（達成率104.2%、A）、令和6年度（2024年度）が未集計（X）です。");
}

BOOST_AUTO_TEST_CASE(a_chart_of_yearly_targets_marks_each_year_against_its_own) {
  const auto events = site().file("areas/kanko/chart-events-indicator-events.svg");
  BOOST_TEST(count(events, "class=\"year-target\"") == 3u);
  // 30 ÷ 40 = 75.0% (C), 45 ÷ 45 = 100.0% (A), 48 ÷ 50 = 96.0% (B).
  for (const auto* text :
       {">2022年度（目標値 40件）</text>", ">30件（75.0% C）</text>", ">45件（100.0% A）</text>",
        ">48件（96.0% B）</text>", ">その年度の目標値</text>"}) {
    BOOST_TEST(events.find(text) != std::string::npos, text);
  }
}
