// The open data's CSV files, built from a site in memory.
#include <boost/test/unit_test.hpp>

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

}  // namespace

BOOST_AUTO_TEST_SUITE(open_data)

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
