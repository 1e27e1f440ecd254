// The sentences hyoka writes about a dataset, on constructed data: chart summaries and the
// summary block must stay true when areas tie, when every value is the same, with one area,
// and when values are missing. Each expected sentence is the language file's pattern
// (themes/default/i18n/{ja,en}.toml) filled in by hand from the data below.
#define BOOST_TEST_MODULE sentences
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "charts/dataset_charts.h"
#include "pipeline/build.h"

using namespace hyoka;

namespace {

struct Area {
  std::vector<std::string> implemented;  // per fiscal year, as the TOML writes it
  std::vector<std::string> achieved;
};

std::string list(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
  return out + "]";
}

// A site of areas 区分1, 区分2 … ("区分" is its area_label) with one dataset, "counts", whose
// ratio 達成率 is achieved ÷ implemented to one decimal, cut; fiscal years as 2019年度.
std::map<std::string, std::string> site_files(const std::vector<Area>& areas,
                                              const std::vector<int>& years,
                                              const std::string& language = "ja",
                                              const std::string& home = "") {
  std::map<std::string, std::string> files;
  files["s/site.toml"] = "title = \"t\"\nbase_url = \"https://example.org/\"\nlanguage = \"" +
                         language +
                         "\"\narea_label = \"区分\"\n[fiscal_year]\nlabel = \"seireki\"\n"
                         "[[missing]]\nreason = \"未公表\"\nsymbol = \"…\"\n";
  files["s/content/_index.md"] = "+++\ntitle = \"home\"\n+++\n\n" + home;
  std::string data = "title = \"事業\"\nunit = \"件\"\nperiods = [";
  for (std::size_t i = 0; i < years.size(); ++i) data += (i ? ", " : "") + std::to_string(years[i]);
  data +=
      "]\n[measures.implemented]\nlabel = \"実施数\"\n[measures.achieved]\nlabel = \"達成数\"\n"
      "[ratios.rate]\nlabel = \"達成率\"\nnumerator = \"achieved\"\ndenominator = "
      "\"implemented\"\ndecimals = 1\nrounding = \"truncate\"\n";
  for (std::size_t a = 0; a < areas.size(); ++a) {
    const auto id = "a" + std::to_string(a + 1);
    files["s/content/areas/" + id + ".md"] = "+++\ntitle = \"区分" + std::to_string(a + 1) +
                                             "\"\nweight = " + std::to_string(a + 1) +
                                             "\n+++\n\n本文。\n";
    data += "[[rows]]\narea = \"" + id + "\"\nimplemented = " + list(areas[a].implemented) +
            "\nachieved = " + list(areas[a].achieved) + "\n";
  }
  files["s/content/data/counts.toml"] = data;
  return files;
}

// One area per ratio, each of one fiscal year: numerator of 10.
std::vector<Area> of_tenths(const std::vector<int>& achieved) {
  std::vector<Area> areas;
  for (const int n : achieved) areas.push_back({{"10"}, {std::to_string(n)}});
  return areas;
}

struct Loaded {
  MemoryFileSystem fs;
  LoadedSite loaded;
  const Site& site() const { return *loaded.site; }
  const Dataset& dataset() const { return loaded.site->datasets.front(); }
};

std::unique_ptr<Loaded> load(const std::map<std::string, std::string>& files) {
  auto out = std::unique_ptr<Loaded>(new Loaded{MemoryFileSystem(files), {}});
  BuildOptions options;
  options.source_dir = "s";
  Diagnostics diags;
  out->loaded = load_site(options, out->fs, diags);
  BOOST_REQUIRE_MESSAGE(out->loaded.site, "the site does not load");
  return out;
}

// The summary of the chart of the ratio by area (one chart for every year).
std::string by_area(const std::map<std::string, std::string>& files) {
  const auto l = load(files);
  const auto charts =
      area_ratio_charts(l->site(), l->dataset(), l->dataset().ratios.front(), "表", {});
  BOOST_REQUIRE(charts.size() == 1u);
  return charts.front().chart.summary;
}

}  // namespace

BOOST_AUTO_TEST_CASE(names_the_one_highest_and_the_one_lowest) {
  BOOST_TEST(by_area(site_files(of_tenths({10, 5, 8}), {2019})) ==
             "達成率が最も高いのは区分1の2019年度の100.0%、"
             "最も低いのは区分2の2019年度の50.0%です。");
}

BOOST_AUTO_TEST_CASE(names_two_tied_areas_together) {
  BOOST_TEST(by_area(site_files(of_tenths({10, 10, 5}), {2019})) ==
             "達成率が最も高いのは区分1の2019年度と区分2の2019年度の100.0%、"
             "最も低いのは区分3の2019年度の50.0%です。");
}

BOOST_AUTO_TEST_CASE(names_three_tied_areas_together) {
  BOOST_TEST(by_area(site_files(of_tenths({10, 0, 0, 0}), {2019})) ==
             "達成率が最も高いのは区分1の2019年度の100.0%、最も低いのは区分2の2019年度、"
             "区分3の2019年度と区分4の2019年度の0.0%です。");
}

BOOST_AUTO_TEST_CASE(counts_more_than_three_tied_areas) {
  std::vector<int> achieved(17, 0);
  achieved[4] = 7;
  BOOST_TEST(by_area(site_files(of_tenths(achieved), {2019})) ==
             "達成率が最も高いのは区分5の2019年度の70.0%、最も低いのは16の区分の0.0%です。");
  // Over two years the tied are area-years, counted with 延べ.
  std::vector<Area> areas(5, Area{{"10", "10"}, {"0", "0"}});
  areas[0].achieved = {"9", "3"};
  BOOST_TEST(by_area(site_files(areas, {2019, 2020})) ==
             "達成率が最も高いのは区分1の2019年度の90.0%、最も低いのは延べ8の区分の0.0%です。");
}

BOOST_AUTO_TEST_CASE(counts_tied_areas_in_english) {
  std::vector<int> achieved(17, 0);
  achieved[4] = 7;
  BOOST_TEST(by_area(site_files(of_tenths(achieved), {2019}, "en")) ==
             "“達成率” is highest for 区分5 in FY2019 at 70.0% and lowest for 16 entries at "
             "0.0%.");
  BOOST_TEST(by_area(site_files(of_tenths({3, 3, 1}), {2019}, "en")) ==
             "“達成率” is highest for 区分1 in FY2019 and 区分2 in FY2019 at 30.0% and lowest "
             "for 区分3 in FY2019 at 10.0%.");
}

BOOST_AUTO_TEST_CASE(says_that_every_value_is_the_same) {
  BOOST_TEST(by_area(site_files(of_tenths({4, 4, 4, 4, 4}), {2019})) ==
             "達成率はいずれも40.0%です。");
}

BOOST_AUTO_TEST_CASE(a_single_area_is_named_with_its_value) {
  BOOST_TEST(by_area(site_files(of_tenths({8}), {2019})) == "区分1の2019年度の達成率は80.0%です。");
  // Its own chart over the years: the years are what ties.
  const auto l = load(site_files({{{"10", "10", "10", "10", "10"}, {"5", "9", "5", "5", "5"}}},
                                 {2017, 2018, 2019, 2020, 2021}));
  const auto& site = l->site();
  const auto& area = site.areas.front();
  BOOST_TEST(area_chart(site, area, area.rows.front(), "表").summary ==
             "達成率が最も高いのは2018年度の90.0%、最も低いのは4か年度の50.0%です。");
  BOOST_TEST(totals_chart(site, l->dataset(), "表").summary ==
             "達成率が最も高いのは2018年度の90.0%、最も低いのは4か年度の50.0%です。");
}

BOOST_AUTO_TEST_CASE(says_which_values_it_leaves_out) {
  // 区分2 has no value in 2019 and no projects in 2020; the sentence speaks of the rest.
  std::vector<Area> areas = {{{"10", "10"}, {"9", "6"}},
                             {{"\"未公表\"", "0"}, {"\"未公表\"", "0"}}};
  BOOST_TEST(by_area(site_files(areas, {2019, 2020})) ==
             "達成率が最も高いのは区分1の2019年度の90.0%、最も低いのは区分1の2020年度の60.0%"
             "です。値がない、または分母が0で算出できないものは除いています。");
  areas[0].achieved = {"6", "6"};
  BOOST_TEST(
      by_area(site_files(areas, {2019, 2020})) ==
      "達成率はいずれも60.0%です。値がない、または分母が0で算出できないものは除いています。");
  // Only one value left: that value, which is true without a word on the rest.
  BOOST_TEST(by_area(site_files({{{"10"}, {"3"}}, {{"\"未公表\""}, {"\"未公表\""}}}, {2019})) ==
             "区分1の2019年度の達成率は30.0%です。");
  BOOST_TEST(by_area(site_files({{{"\"未公表\""}, {"\"未公表\""}}}, {2019})) ==
             "達成率は、値がないため算出できません。");
  BOOST_TEST(by_area(site_files({{{"0"}, {"0"}}}, {2019})) ==
             "達成率は、分母が0のため算出できません。");
}

BOOST_AUTO_TEST_CASE(a_trend_speaks_of_every_line_it_draws) {
  const std::vector<Area> areas = {{{"10", "10", "10"}, {"5", "6", "7"}},
                                   {{"10", "10", "10"}, {"9", "9", "8"}},
                                   {{"10", "\"未公表\"", "10"}, {"4", "\"未公表\"", "4"}}};
  const auto l = load(site_files(areas, {2019, 2020, 2021}));
  const auto& dataset = l->dataset();
  const auto chart = trend_chart(l->site(), dataset, dataset.ratios.front(), "表", {}, "t");
  BOOST_TEST(chart.series.size() == 4u);
  // Totals: 18/30, none in 2020 (区分3 has no value), 19/30.
  BOOST_TEST(chart.summary ==
             "全体の達成率は、2019年度の60.0%から2021年度の63.3%へ上昇しました。"
             "区分1の達成率は、2019年度の50.0%から2021年度の70.0%へ上昇しました。"
             "区分2の達成率は、2019年度の90.0%から2021年度の80.0%へ低下しました。"
             "区分3の達成率は、2019年度の40.0%から2021年度の40.0%で、変わっていません。");
  Selection two;
  two.areas = {0, 1};
  BOOST_TEST(trend_chart(l->site(), dataset, dataset.ratios.front(), "表", two, "t").summary ==
             "区分1の達成率は、2019年度の50.0%から2021年度の70.0%へ上昇しました。"
             "区分2の達成率は、2019年度の90.0%から2021年度の80.0%へ低下しました。");
}

BOOST_AUTO_TEST_CASE(a_trend_in_english_separates_its_sentences) {
  const auto l = load(
      site_files({{{"10", "10"}, {"5", "6"}}, {{"10", "10"}, {"5", "5"}}}, {2019, 2020}, "en"));
  const auto& dataset = l->dataset();
  Selection two;
  two.areas = {0, 1};
  BOOST_TEST(trend_chart(l->site(), dataset, dataset.ratios.front(), "表", two, "t").summary ==
             "“達成率” for 区分1 rose from 50.0% in FY2019 to 60.0% in FY2020. “達成率” for 区分2 "
             "was 50.0% in FY2019 and 50.0% in FY2020, unchanged.");
}

namespace {

// The files of the site, built in memory.
SiteFiles built(const std::map<std::string, std::string>& files) {
  const MemoryFileSystem fs(files);
  BuildOptions options;
  options.source_dir = "s";
  options.write = false;
  options.keep_files = true;
  auto result = build_site(options, fs);
  BOOST_REQUIRE(result.ok);
  return std::move(result.files);
}

// A landing page's table of the first 100 of 120 areas (区分1 …) and the total, with its note.
void shows_the_preview_of_120(const std::string& page) {
  BOOST_TEST(page.find(">区分100</a>") != std::string::npos);
  BOOST_TEST(page.find(">区分101</a>") == std::string::npos);
  BOOST_TEST(page.find(">合計</th>") != std::string::npos);
  BOOST_TEST(page.find("<li>この表は、全120の区分のうち最初の100と合計を示すプレビューです。"
                       "すべての値はCSVにあります。</li>") != std::string::npos);
}

// The summary block's sentence on 区分1's page, built with the summary block in its body.
std::string summary_block(const std::vector<Area>& areas, const std::vector<int>& years,
                          const std::string& block) {
  auto files = site_files(areas, years);
  files["s/content/areas/a1.md"] =
      "+++\ntitle = \"区分1\"\nweight = 1\n+++\n\n```summary\ndataset = \"counts\"\narea = "
      "\"a1\"\n" +
      block + "```\n";
  const auto files_built = built(files);
  const auto& page = files_built.at("areas/a1/index.html");
  const auto start = page.find("<p class=\"data-summary\"");
  BOOST_REQUIRE(start != std::string::npos);
  const auto text = page.find('>', start) + 1;
  return page.substr(text, page.find("</p>", text) - text);
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_summary_block_says_only_what_the_data_gives) {
  const std::vector<int> years = {2019, 2020, 2021};
  BOOST_TEST(summary_block({{{"10", "10", "10"}, {"5", "5", "5"}}}, years, "") ==
             "2021年度の区分1の達成率は50.0%（5/10件）で、前年度と同じです。");
  // The year before has no value, or no projects: no change is claimed.
  BOOST_TEST(summary_block({{{"10", "\"未公表\"", "10"}, {"5", "\"未公表\"", "5"}}}, years, "") ==
             "2021年度の区分1の達成率は50.0%（5/10件）です。");
  BOOST_TEST(summary_block({{{"10", "0", "10"}, {"5", "0", "5"}}}, years, "") ==
             "2021年度の区分1の達成率は50.0%（5/10件）です。");
  BOOST_TEST(summary_block({{{"10", "0", "0"}, {"5", "0", "0"}}}, years, "") ==
             "2021年度の区分1の達成率は、分母が0のため算出できません。");
  BOOST_TEST(summary_block({{{"10", "10", "\"未公表\""}, {"5", "5", "\"未公表\""}}}, years, "") ==
             "2021年度の区分1の達成率は、未公表のため示せません。");
}

// A landing page previews a dataset of many areas: the first hundred and the total, and a note
// that says so; the CSV beside it keeps every row. (120 areas of 1 fiscal year, made here.)
BOOST_AUTO_TEST_CASE(a_landing_page_previews_the_first_hundred_areas_and_says_so) {
  const auto files = built(site_files(std::vector<Area>(120, Area{{"10"}, {"5"}}), {2019}));
  shows_the_preview_of_120(files.at("data/counts/index.html"));
  const auto& csv = files.at("data/counts.csv");
  BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 121);  // the heading and 120 rows
  // At a hundred areas the table is whole and says nothing of a preview.
  const auto whole = built(site_files(std::vector<Area>(100, Area{{"10"}, {"5"}}), {2019}));
  BOOST_TEST(whole.at("data/counts/index.html").find("プレビュー") == std::string::npos);
}

// The same for a grade dataset: its landing page shows the grades of the first hundred areas
// and the total. (120 areas, two grades, made here.)
BOOST_AUTO_TEST_CASE(a_grade_datasets_landing_page_previews_the_first_hundred_areas) {
  auto files = site_files(std::vector<Area>(120, Area{{"10"}, {"5"}}), {2019});
  std::string grades =
      "title = \"判定\"\nunit = \"件\"\nperiods = [2019]\n[scale]\nlabel = \"評価\"\n"
      "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n";
  for (int a = 1; a <= 120; ++a) {
    grades += "[[rows]]\narea = \"a" + std::to_string(a) + "\"\na = [1]\nb = [2]\n";
  }
  files["s/content/data/grades.toml"] = grades;
  shows_the_preview_of_120(built(files).at("data/grades/index.html"));
}
