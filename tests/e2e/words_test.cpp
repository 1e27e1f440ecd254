// The theme speaks the site's words, in the site's language: headings and navigation name the
// areas with `area_label`; `language = "en"` builds tests/sites/english (a translation of the
// sample site) with no Japanese but its own content; the summary sentence says 「前年度」 only
// of the fiscal year just before, and names an earlier one. Expected sentences are written from
// themes/default/i18n/*.toml and the counts of the fixtures, never read from a build.
#define BOOST_TEST_MODULE words
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const fs::path kRoot = HYOKA_SOURCE_DIR;

void replace(const fs::path& file, const std::string& from, const std::string& to) {
  auto text = read_file(file);
  const auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
  write_file(file, text);
}

// Builds `dir`/site quietly; a valid site builds without a word on stderr.
std::map<std::string, std::string> build(const fs::path& dir) {
  const auto run = run_hyoka("build -q --source site --destination public", dir);
  BOOST_TEST(run.exit_code == 0, run.err);
  return read_tree(dir / "public");
}

// The first run of Japanese (kana, kanji, full-width forms and CJK punctuation) in `text`.
std::string first_japanese(const std::string& text) {
  static const std::regex japanese(
      "(\xE3[\x80-\x83][\x80-\xBF]|\xE4[\xB8-\xBF][\x80-\xBF]|[\xE5-\xE9][\x80-\xBF][\x80-\xBF]|"
      "\xEF[\xBC-\xBF][\x80-\xBF])+");
  std::smatch match;
  return std::regex_search(text, match, japanese) ? match.str() : "";
}

// The plugins site (two areas, a summary block on alpha's page) with its fiscal years 2020 and
// 2021 replaced by `first` and `second`.
struct PluginsSite {
  TempDir dir;
  PluginsSite(int first, int second, const std::string& language = "ja") {
    fs::copy(kRoot / "tests/sites/plugins", dir.path() / "site", fs::copy_options::recursive);
    const auto first_year = std::to_string(first), second_year = std::to_string(second);
    replace(dir.path() / "site/content/data/counts.toml", "periods = [2020, 2021]",
            "periods = [" + first_year + ", " + second_year + "]");
    const auto alpha = dir.path() / "site/content/areas/alpha.md";
    write_file(alpha, std::regex_replace(
                          std::regex_replace(read_file(alpha), std::regex("2020"), first_year),
                          std::regex("2021"), second_year));
    replace(dir.path() / "site/site.toml", "language = \"ja\"", "language = \"" + language + "\"");
  }
  std::string alpha() { return build(dir.path()).at("areas/alpha/index.html"); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(headings_and_navigation_name_the_areas_with_area_label) {
  TempDir dir;
  copy_minimal_site(dir.path() / "site");
  replace(dir.path() / "site/site.toml", "theme = \"default\"\n",
          "theme = \"default\"\narea_label = \"政策項目\"\n");
  // 31 areas: beyond 30, area pages link to the home page's list instead of listing them.
  for (int i = 3; i <= 31; ++i) {
    write_file(dir.path() / ("site/content/areas/area" + std::to_string(i) + ".md"),
               "+++\ntitle = \"施策" + std::to_string(i) + "\"\nweight = " + std::to_string(i) +
                   "\n+++\n");
  }
  const auto files = build(dir.path());
  for (const auto& [name, bytes] : files) {
    BOOST_TEST(bytes.find("施策展開方向") == std::string::npos, name);
  }
  BOOST_TEST(files.at("index.html").find(">政策項目毎の総括</h2>") != std::string::npos);
  const auto& area = files.at("areas/alpha/index.html");
  BOOST_TEST(area.find("<nav class=\"site-nav\" aria-label=\"政策項目\">") != std::string::npos);
  BOOST_TEST(area.find(">政策項目の一覧</a>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_summary_says_the_year_before_only_of_the_fiscal_year_just_before) {
  // alpha: 8 of 10 in the first period, 12 of 12 in the second.
  PluginsSite next_years(2018, 2019);
  BOOST_TEST(next_years.alpha().find(
                 "令和元年度（2019年度）の第一の施策の達成項目の割合は100.0%（12/12件）で、"
                 "前年度の80.0%から20.0ポイント上昇しました。") != std::string::npos);

  PluginsSite gap(2016, 2019);
  const auto page = gap.alpha();
  BOOST_TEST(page.find("令和元年度（2019年度）の第一の施策の達成項目の割合は100.0%（12/12件）で、"
                       "平成28年度（2016年度）の80.0%から20.0ポイント上昇しました。") !=
             std::string::npos);
  BOOST_TEST(page.find("前年度") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_summary_in_english_names_the_year_it_compares_with) {
  PluginsSite next_years(2020, 2021, "en");
  BOOST_TEST(next_years.alpha().find(
                 "“達成項目の割合” for 第一の施策 in FY2021 (Reiwa 3) is 100.0% (12 of 12), up "
                 "20.0 points from 80.0% the year before.") != std::string::npos);
  PluginsSite gap(2016, 2019, "en");
  const auto page = gap.alpha();
  BOOST_TEST(page.find("“達成項目の割合” for 第一の施策 in FY2019 (Reiwa 1) is 100.0% (12 of 12), "
                       "up 20.0 points from 80.0% in FY2016 (Heisei 28).") != std::string::npos);
  BOOST_TEST(page.find("the year before") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_english_site_has_no_japanese_but_its_own_content) {
  TempDir dir;
  fs::copy(kRoot / "tests/sites/english", dir.path() / "site", fs::copy_options::recursive);
  const auto run = run_hyoka("build -q --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto files = read_tree(dir.path() / "public");
  BOOST_REQUIRE(files.count("index.html"));
  for (const auto& [name, bytes] : files) {
    BOOST_TEST(first_japanese(bytes) == "", name);
  }
  const auto& home = files.at("index.html");
  BOOST_TEST(home.find("<html lang=\"en\">") != std::string::npos);
  BOOST_TEST(home.find(">Summary by Policy direction</h2>") != std::string::npos);
  // 2019's totals: 93 of 108 is 86.11…%, truncated to one decimal.
  BOOST_TEST(home.find(">Achievement rate 86.1% (93 of 108)</text>") != std::string::npos);
  BOOST_TEST(home.find("<th scope=\"col\">FY2019 (Reiwa 1)</th>") != std::string::npos);
  // The printed total of 2021 (107) differs from the rows' sum (108).
  BOOST_TEST(home.find("*1 The source gives 107 for “Projects achieved (target met or carried "
                       "out as planned)” in FY2021 (Reiwa 3), but the rows add up to 108.") !=
             std::string::npos);
  BOOST_TEST(files.at("404.html").find("<h1>Page not found</h1>") != std::string::npos);
  const auto& recovery = files.at("areas/recovery/index.html");
  BOOST_TEST(recovery.find(">Home</a>") != std::string::npos);
  // recovery, 2019: 9 of 12.
  BOOST_TEST(recovery.find(">Achievement rate 75.0% (9 of 12)</text>") != std::string::npos);
  BOOST_TEST(files.at("data/achievement.csv")
                 .starts_with("Local government code,Policy direction ID,Policy direction,"
                              "Fiscal year,Fiscal year (Japanese era),") == true);
}

BOOST_AUTO_TEST_CASE(english_fiscal_years_follow_the_label_style) {
  TempDir dir;
  fs::copy(kRoot / "tests/sites/english", dir.path() / "site", fs::copy_options::recursive);
  replace(dir.path() / "site/site.toml", "label = \"wareki-seireki\"", "label = \"seireki\"");
  const auto files = build(dir.path());
  const auto& home = files.at("index.html");
  BOOST_TEST(home.find("<th scope=\"col\">FY2019</th>") != std::string::npos);
  BOOST_TEST(home.find("Reiwa") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(home_shows_the_datasets_tables_and_charts_home_lists_in_its_order) {
  TempDir dir;
  copy_minimal_site(dir.path() / "site");
  auto counts = read_file(dir.path() / "site/content/data/counts.toml");
  write_file(dir.path() / "site/content/data/later.toml",
             std::regex_replace(counts, std::regex("事業の達成状況"), "二つ目の表"));
  const auto site_toml = dir.path() / "site/site.toml";
  write_file(site_toml, read_file(site_toml) +
                            "\n[[home.datasets]]\ndataset = \"later\"\ntables = [\"areas\"]\n"
                            "charts = [\"rate\"]\n\n[[home.datasets]]\ndataset = \"counts\"\n"
                            "tables = [\"totals\"]\ncharts = []\n");
  const auto files = build(dir.path());
  const auto& home = files.at("index.html");
  const auto later = home.find("<h2 id=\"dataset-later\">二つ目の表</h2>");
  const auto first = home.find("<h2 id=\"dataset-counts\">事業の達成状況</h2>");
  BOOST_TEST(later != std::string::npos);
  BOOST_TEST(first != std::string::npos);
  BOOST_TEST(later < first);
  BOOST_TEST(home.find("id=\"table-later-areas\"") != std::string::npos);
  BOOST_TEST(home.find("id=\"chart-later-rate-areas\"") != std::string::npos);
  BOOST_TEST(home.find("id=\"table-later-totals\"") == std::string::npos);
  BOOST_TEST(home.find("id=\"chart-later-totals\"") == std::string::npos);
  BOOST_TEST(home.find("id=\"table-counts-totals\"") != std::string::npos);
  BOOST_TEST(home.find("id=\"table-counts-areas\"") == std::string::npos);
  BOOST_TEST(home.find("<figure class=\"chart\" id=\"chart-counts-") == std::string::npos);
  // Without [home], every dataset with both tables and every chart, as before.
  write_file(site_toml, read_file(kRoot / "tests/sites/minimal/site.toml"));
  const auto all = build(dir.path()).at("index.html");
  for (const auto* id : {"table-counts-totals", "table-counts-areas", "chart-counts-totals",
                         "chart-counts-rate-areas", "table-later-totals", "table-later-areas"}) {
    BOOST_TEST(all.find("id=\"" + std::string(id) + "\"") != std::string::npos, id);
  }
}

BOOST_AUTO_TEST_CASE(the_sample_sites_area_label_gives_its_headings_as_before) {
  TempDir dir;
  copy_sample_site(dir.path() / "site");
  const auto run = run_hyoka("build -q --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto home = read_file(dir.path() / "public/index.html");
  BOOST_TEST(home.find("<h2 id=\"areas-heading\">施策展開方向毎の総括</h2>") != std::string::npos);
  BOOST_TEST(read_file(dir.path() / "public/areas/recovery/index.html")
                 .find("<nav class=\"site-nav\" aria-label=\"施策展開方向\">") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_language_with_a_region_takes_the_words_of_its_language) {
  TempDir dir;
  fs::copy(kRoot / "tests/sites/english", dir.path() / "site", fs::copy_options::recursive);
  replace(dir.path() / "site/site.toml", "\nlanguage = \"en\"", "\nlanguage = \"en-GB\"");
  const auto home = build(dir.path()).at("index.html");
  BOOST_TEST(home.find("<html lang=\"en-GB\">") != std::string::npos);
  BOOST_TEST(home.find(">Summary by Policy direction</h2>") != std::string::npos);
}

// tests/sites/shapes in English: the words of missing values, partial totals, gaps and notes
// come from en.toml; nothing of shapes' own Japanese sentences is left, only the site's content.
BOOST_AUTO_TEST_CASE(the_shapes_site_in_english_speaks_of_missing_values_in_english) {
  TempDir dir;
  fs::copy(kRoot / "tests/sites/shapes", dir.path() / "site", fs::copy_options::recursive);
  replace(dir.path() / "site/site.toml", "language = \"ja\"", "language = \"en\"");
  const auto files = build(dir.path());
  for (const auto* japanese : {"データなし", "欠測理由", "注記", "を示します", "一部欠測",
                               "値がない", "算出できません", "示せません", "単位：", "空欄"}) {
    for (const auto& [name, bytes] : files) {
      BOOST_TEST(bytes.find(japanese) == std::string::npos, name << ": " << japanese);
    }
  }
  const auto& jigyo = files.at("data/jigyo/index.html");
  BOOST_TEST(jigyo.find("<dd>FY2015 (Heisei 27) to FY2016 (Heisei 28), FY2019 (Reiwa 1)</dd>") !=
             std::string::npos);
  BOOST_TEST(jigyo.find("実施事業数 (reason missing)") != std::string::npos);
  const auto& home = files.at("index.html");
  BOOST_TEST(home.find("“…” stands for “未公表”.") != std::string::npos);
  BOOST_TEST(home.find("The total of “実施事業数” in FY2019 (Reiwa 1) is computed without 産業 "
                       "(未公表), which have no value (partial)") != std::string::npos);
  // The trend chart's gap between FY2016 and FY2019.
  BOOST_TEST(files.at("areas/kurashi/index.html").find("class=\"gap-label\">No data</text>") !=
             std::string::npos);
}

// cmark-gfm writes the footnotes' back-links with English words; a page has its language's
// (themes/default/i18n: ja.toml's markdown.footnote_back, en.toml's).
BOOST_AUTO_TEST_CASE(the_footnote_back_link_speaks_the_pages_language) {
  for (const std::string language : {"ja", "en"}) {
    TempDir dir;
    copy_minimal_site(dir.path() / "site");
    replace(dir.path() / "site/site.toml", "language = \"ja\"", "language = \"" + language + "\"");
    replace(dir.path() / "site/content/areas/alpha.md", "- 第一の施策の本文。\n",
            "- 第一の施策の本文[^1]と、その続き[^source]。\n\n[^1]: 注の本文。\n\n"
            "[^source]: 原資料による。\n");
    const auto page = build(dir.path()).at("areas/alpha/index.html");
    const std::string label = language == "ja" ? "本文へ戻る" : "Back to content";
    for (const std::string id : {"1", "source"}) {
      BOOST_TEST(page.find("<a href=\"#fnref-" + id + "\" class=\"footnote-backref\"") !=
                     std::string::npos,
                 page);
    }
    std::size_t labels = 0;
    for (auto at = page.find("aria-label=\""); at != std::string::npos;
         at = page.find("aria-label=\"", at + 1)) {
      if (page.compare(at, 13 + label.size(), "aria-label=\"" + label + "\"") == 0) ++labels;
    }
    BOOST_TEST(labels == 2u, language);
    if (language == "ja") BOOST_TEST(page.find("Back to") == std::string::npos, page);
  }
}
