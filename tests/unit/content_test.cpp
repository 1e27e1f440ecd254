#define BOOST_TEST_MODULE content
#include <boost/test/unit_test.hpp>

#include "support/messages.h"

#include "content/front_matter.h"
#include "content/page.h"
#include "content/prose_check.h"

using namespace hyoka;
using hyoka::test::first_lines;
using hyoka::test::lines;

BOOST_AUTO_TEST_CASE(splits_front_matter_and_keeps_the_body_line) {
  Diagnostics diags;
  const SourceText text("a.md", "+++\ntitle = \"復興\"\nweight = 2\n+++\n\n本文\n");
  const auto split = split_front_matter(text, diags);
  BOOST_REQUIRE(split);
  BOOST_TEST(split->toml == "title = \"復興\"\nweight = 2\n");
  BOOST_TEST(split->body == "\n本文\n");
  BOOST_TEST(split->body_first_line == 5);
}

BOOST_AUTO_TEST_CASE(errors_when_front_matter_is_missing_or_unterminated) {
  Diagnostics diags;
  BOOST_TEST(!split_front_matter(SourceText("a.md", "# title\n"), diags));
  BOOST_TEST(!split_front_matter(SourceText("b.md", "+++\ntitle = \"x\"\n"), diags));
  BOOST_TEST(!split_front_matter(SourceText("c.md", ""), diags));
  BOOST_TEST(
      first_lines(diags) ==
      lines(std::vector<std::string>{
          "a.md:1:1: error: a page must start with TOML front matter between +++ lines, such as",
          "b.md:1:1: error: front matter is not closed: add a line with +++ after it",
          "c.md:1:1: error: empty file; a page starts with front matter between +++ lines"}));
}

BOOST_AUTO_TEST_CASE(front_matter_errors_name_real_file_lines) {
  Diagnostics diags;
  const auto page = parse_page(
      SourceText("areas/a.md", "+++\ntitle = \"x\"\nweight = \"1\"\nsubtitel = \"s\"\n+++\n"),
      PageKind::area, "a", diags);
  BOOST_TEST(!page);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "areas/a.md:3:10: error: \"weight\" must be an integer, not a string",
                 "areas/a.md:4:1: error: unknown key \"subtitel\" in front matter; did you mean "
                 "\"subtitle\"?"}));
}

BOOST_AUTO_TEST_CASE(warns_when_an_era_year_and_its_western_year_disagree) {
  Diagnostics diags;
  const SourceText text("a.md",
                        "+++\ntitle = \"t\"\n+++\n"
                        "令和元（２０１９）年度から令和３（２０２２）年度まで\n"
                        "令和2年度（2020年度）と平成30年（2019年）\n"
                        "令和元年度(2019年度)、令和2年度(2021年度)\n"
                        "```\n令和３（２０２２）年度 in code is not prose\n```\n"
                        "`令和３（２０２２）` neither\n");
  check_prose(text, 4, diags);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "a.md:4:14: warning: era year and Western year disagree: 令和3年 is 2021, but "
                 "the brackets say 2022",
                 "a.md:5:15: warning: era year and Western year disagree: 平成30年 is 2018, but "
                 "the brackets say 2019",
                 "a.md:6:15: warning: era year and Western year disagree: 令和2年 is 2020, but "
                 "the brackets say 2021"}));
}

BOOST_AUTO_TEST_CASE(loads_pages_sorted_by_weight_and_warns_about_unpublished_files) {
  MemoryFileSystem fs({
      {"content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"content/areas/b.md", "+++\ntitle = \"B\"\nweight = 1\n+++\n"},
      {"content/areas/a.md", "+++\ntitle = \"A\"\nweight = 2\n+++\n"},
      {"content/areas/Bad Name.md", "+++\ntitle = \"x\"\n+++\n"},
      {"content/data/counts.toml", ""},
      {"content/notes.txt", ""},
      {"content/.hidden.swp", ""},
  });
  Diagnostics diags;
  const auto content = load_content(fs, "content", diags);
  BOOST_REQUIRE(content.home);
  BOOST_TEST(content.areas.size() == 2u);
  BOOST_TEST(content.areas[0].id == "b");
  BOOST_TEST(content.areas[1].id == "a");
  BOOST_TEST(content.data_files == (std::vector<std::string>{"content/data/counts.toml"}));
  BOOST_TEST(
      first_lines(diags) ==
      lines(std::vector<std::string>{
          "content/areas/Bad Name.md: error: the area id \"Bad Name\" (the file name) may "
          "use only a-z, 0-9, '-' and '_', as it becomes the page's address",
          "content/notes.txt: warning: not published: pages are content/_index.md and "
          "content/areas/<id>.md, datasets content/data/<id>.toml and the CSV files they read"}));
}

BOOST_AUTO_TEST_CASE(errors_when_the_home_page_is_missing) {
  MemoryFileSystem fs(
      std::map<std::string, std::string>{{"content/areas/a.md", "+++\ntitle = \"A\"\n+++\n"}});
  Diagnostics diags;
  load_content(fs, "content", diags);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "content/_index.md: error: missing: the home page's Markdown file"}));
}

BOOST_AUTO_TEST_CASE(warns_about_a_level_one_heading_in_the_body) {
  Diagnostics diags;
  const SourceText text("a.md",
                        "+++\ntitle = \"t\"\n+++\n# 見出し\n## 小見出し\n```\n# comment\n```\n");
  check_prose(text, 4, diags);
  BOOST_TEST(first_lines(diags) ==
             "a.md:4:1: warning: a level-1 heading in the page: the title is the page's one "
             "<h1>; start headings with ##\n");
}
