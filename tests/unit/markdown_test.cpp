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

// cmark-gfm labels a footnote's back-links in English; the page's language gives its own
// words, as text, and the author's text that reads like the label is left as written.
BOOST_AUTO_TEST_CASE(a_footnotes_back_links_take_the_label_given) {
  const std::string markdown =
      "本文[^1]と、もう一度[^1]。 aria-label=\"Back to content\"\n\n[^1]: 注。\n";
  const auto html = render_markdown(markdown, {}, {}, "本文へ戻る & <上>");
  BOOST_TEST(html.find("<a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
                       "aria-label=\"本文へ戻る &amp; &lt;上&gt;\">↩</a>") != std::string::npos,
             html);
  BOOST_TEST(html.find("data-footnote-backref aria-label=\"Back to content\"") == std::string::npos,
             html);
  BOOST_TEST(html.find("aria-label=&quot;Back to content&quot;") != std::string::npos, html);
  // Without a label, cmark-gfm's own.
  BOOST_TEST(render_markdown(markdown).find("aria-label=\"Back to content\">↩</a>") !=
             std::string::npos);
}

namespace {

struct Rendered {
  std::string html;
  std::vector<MarkdownWarning> warnings;
};

Rendered render_with_warnings(const std::string& markdown) {
  Rendered r;
  r.html =
      render_markdown(markdown, {}, [&](const MarkdownWarning& w) { r.warnings.push_back(w); });
  return r;
}

}  // namespace

// cmark-gfm's safe mode (scan_dangerous_url): javascript:, vbscript:, file: and data: addresses
// are dangerous, in any case of letters; data: images in PNG, GIF, JPEG and WebP are not.
BOOST_AUTO_TEST_CASE(links_to_addresses_that_run_code_are_left_out_with_their_text_kept) {
  for (const std::string markdown : {
           "[a](javascript:alert(1))\n",
           "[a](JaVaScRiPt:alert(1))\n",
           "[a](vbscript:MsgBox(1))\n",
           "[a](file:///etc/passwd)\n",
           "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n",
           "[a](data:image/svg+xml;base64,PHN2Zz4=)\n",
           "[a](javascript:alert(1) \"title\")\n",
           // Written so that no \"javascript:\" stands in the text: a reference, an entity for
           // the colon, a backslash escape.
           "[a][r]\n\n[r]: javascript:alert(1)\n",
           "[a](javascript&#58;alert(1))\n",
           "[a](javascript\\:alert(1))\n",
           // What browsers drop before they read the scheme: tabs and line breaks anywhere,
           // spaces and control characters in front.
           "[a](java&#x09;script:alert(1))\n",
           "[a](java&#x0A;script:alert(1))\n",
           "[a](java&#13;script:alert(1))\n",
           "[a](< javascript:alert(1)>)\n",
           "[a](&#x01;javascript:alert(1))\n",
       }) {
    const auto r = render_with_warnings(markdown);
    BOOST_TEST(r.html == "<p>a</p>\n", markdown);
    BOOST_TEST(r.warnings.size() == 1u, markdown);
  }
}

BOOST_AUTO_TEST_CASE(images_and_autolinks_to_addresses_that_run_code_are_left_out_too) {
  auto r = render_with_warnings("![a picture](javascript:alert(1))\n");
  BOOST_TEST(r.html == "<p>a picture</p>\n");
  r = render_with_warnings("<javascript:alert(1)>\n");
  BOOST_TEST(r.html == "<p>javascript:alert(1)</p>\n");
  r = render_with_warnings("[![pic](data:text/html,x)](vbscript:x)\n");
  BOOST_TEST(r.html == "<p>pic</p>\n");
  BOOST_TEST(r.warnings.size() == 2u);
}

BOOST_AUTO_TEST_CASE(safe_addresses_and_data_images_stay_links) {
  const auto r = render_with_warnings(
      "[a](https://example.org/) [b](mailto:x@example.org) [c](javascripts/app.html) "
      "[d](files/data:1.html) ![e](data:image/png;base64,iVBORw0KGgo=)\n");
  BOOST_TEST(r.html ==
             "<p><a href=\"https://example.org/\">a</a> <a href=\"mailto:x@example.org\">b</a> "
             "<a href=\"javascripts/app.html\">c</a> <a href=\"files/data:1.html\">d</a> "
             "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"e\" /></p>\n");
  BOOST_TEST(r.warnings.empty());
}

BOOST_AUTO_TEST_CASE(a_link_left_out_is_told_at_its_line_and_column_with_the_reason) {
  const auto r = render_with_warnings(
      "一行目\n\n- 項目 [here](javascript:alert(1))\n- ![x](file:///c:/a.png)\n"
      "\n[z](data:text/html,<b>)\n");
  BOOST_REQUIRE(r.warnings.size() == 3u);
  BOOST_TEST(r.warnings[0].line == 3);
  BOOST_TEST(r.warnings[0].byte_column == 10);  // after "- 項目 ": 2 + 6 + 1 bytes
  BOOST_TEST(r.warnings[0].message ==
             "link left out: a javascript: address runs code in the reader's browser (its text "
             "is kept)");
  BOOST_TEST(r.warnings[1].line == 4);
  BOOST_TEST(r.warnings[1].byte_column == 3);
  BOOST_TEST(r.warnings[1].message ==
             "image left out: a file: address opens files on the reader's own computer (its "
             "description is kept)");
  BOOST_TEST(r.warnings[2].line == 6);
  BOOST_TEST(r.warnings[2].message ==
             "link left out: a data: address other than a PNG, GIF, JPEG or WebP image can run "
             "script (its text is kept)");
}
