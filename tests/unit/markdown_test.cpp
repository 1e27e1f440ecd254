#define BOOST_TEST_MODULE markdown
#include <boost/test/unit_test.hpp>

#include "markdown/markdown.h"

using namespace hyoka;

BOOST_AUTO_TEST_CASE(renders_lists_and_github_tables) {
  BOOST_TEST(render_markdown("- 〇 一\n- 二\n") == "<ul>\n<li>〇 一</li>\n<li>二</li>\n</ul>\n");
  const auto table = render_markdown("| 年度 | 件数 |\n|---|--:|\n| 令和元年度 | 12 |\n");
  BOOST_TEST(table.find("<table>") != std::string::npos);
  BOOST_TEST(table.find("<td align=\"right\">12</td>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(leaves_out_raw_html_so_pages_cannot_carry_script) {
  const auto html = render_markdown("<script>alert(1)</script>\n\ntext <b>bold</b>\n");
  BOOST_TEST(html.find("<script>") == std::string::npos);
  BOOST_TEST(html.find("<b>") == std::string::npos);
  BOOST_TEST(html.find("text") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(links_autolinks_and_strikethrough) {
  BOOST_TEST(
      render_markdown("https://www.pref.fukushima.lg.jp/\n") ==
      "<p><a "
      "href=\"https://www.pref.fukushima.lg.jp/\">https://www.pref.fukushima.lg.jp/</a></p>\n");
  BOOST_TEST(render_markdown("~~old~~\n") == "<p><del>old</del></p>\n");
}
