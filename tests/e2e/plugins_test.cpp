// Block plugins inside Markdown, end to end: tests/sites/plugins places every built-in block
// in a page; its rendered prose is compared with a golden file, and the figures in the
// sentences are checked against the counts in tests/sites/plugins/content/data/counts.toml
// (alpha: 8 of 10 in 2020, 12 of 12 in 2021; both areas: 13 of 15 in 2020).
// HYOKA_UPDATE_GOLDEN=1 rewrites the golden file; read the diff before committing it.
#define BOOST_TEST_MODULE plugins
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const fs::path kRoot = HYOKA_SOURCE_DIR;

struct Built {
  TempDir dir;
  RunResult run;
  std::string prose;
  Built() {
    fs::copy(kRoot / "tests/sites/plugins", dir.path() / "site", fs::copy_options::recursive);
    fs::copy(kRoot / "themes", dir.path() / "site/themes", fs::copy_options::recursive);
    run = run_hyoka("build --source site --destination public", dir.path());
    const auto html = read_file(dir.path() / "public/areas/alpha/index.html");
    const auto start = html.find("<div class=\"prose\">");
    prose = html.substr(start, html.find("<section class=\"dataset\"") - start);
  }
};

const Built& built() {
  static Built b;
  return b;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_plugins_site_builds_cleanly) {
  BOOST_TEST(built().run.exit_code == 0, built().run.err);
  BOOST_TEST(built().run.err.find("warning") == std::string::npos, built().run.err);
}

BOOST_AUTO_TEST_CASE(summary_blocks_state_the_ratio_and_its_change) {
  const auto& prose = built().prose;
  BOOST_TEST(prose.find("令和3年度（2021年度）の第一の施策の達成項目の割合は100.0%（12/12件）で、"
                        "前年度の80.0%から20.0ポイント上昇しました。") != std::string::npos);
  // Inside a list item, and for the whole: 13 of 15 is 86.66…, truncated.
  BOOST_TEST(
      prose.find("<li>\n<p>一覧の中のブロックも描かれる：</p>\n<p class=\"data-summary\" "
                 "id=\"block6\">令和2年度（2020年度）の全体の達成項目の割合は86.6%（13/15件）"
                 "です。</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(chart_and_table_blocks_draw_what_their_parameters_choose) {
  const auto& prose = built().prose;
  BOOST_TEST(prose.find("id=\"block2-chart\"") != std::string::npos);
  BOOST_TEST(prose.find(">第一の施策の実施事業項目</text>") != std::string::npos);  // title
  BOOST_TEST(prose.find("class=\"bar\" data-value=\"10\"") != std::string::npos);
  BOOST_TEST(prose.find("class=\"point\" data-value=\"80.0\"") != std::string::npos);  // trend
  BOOST_TEST(
      prose.find(
          "<caption id=\"block5-table-caption\">事業の達成状況：分野別（単位：件）</caption>") !=
      std::string::npos);
  BOOST_TEST(prose.find("<td class=\"num\">−</td>") != std::string::npos);  // beta 0 of 0
  BOOST_TEST(prose.find("合計") == std::string::npos);  // a table of some areas has no totals
}

BOOST_AUTO_TEST_CASE(a_block_naming_no_plugin_stays_a_code_block) {
  BOOST_TEST(built().prose.find("<pre><code class=\"language-toml\"># 名前のないブロックは") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(blocks_match_their_golden_html) {
  const auto golden = kRoot / "tests/golden/plugins/alpha-prose.html";
  if (std::getenv("HYOKA_UPDATE_GOLDEN")) write_file(golden, built().prose);
  BOOST_TEST(built().prose == read_file(golden));
}
