#define BOOST_TEST_MODULE check
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "check/link_check.h"
#include "check/scan_text.h"
#include "check/text_pool.h"
#include "pipeline/build.h"
#include "support/tiny_site.h"

using namespace hyoka;

namespace {

std::vector<std::string> views(const TextSpans& spans, const std::vector<TextSpans::Span>& list,
                               std::string_view text) {
  std::vector<std::string> out;
  for (const auto& span : list) out.emplace_back(spans.view(span, text));
  return out;
}

std::vector<std::string> html_references(std::string_view text) {
  TextSpans spans;
  scan_html(text, spans);
  return views(spans, spans.references, text);
}

std::vector<std::string> html_ids(std::string_view text) {
  TextSpans spans;
  scan_html(text, spans);
  return views(spans, spans.ids, text);
}

std::vector<std::string> css_references(std::string_view text) {
  TextSpans spans;
  scan_css(text, spans);
  return views(spans, spans.references, text);
}

using Texts = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(finds_the_first_href_or_src_of_the_tags_that_lead_somewhere) {
  const std::string html =
      "<a href=\"a.html\"><link rel=\"x\" href=\"s.css\"><img\nsrc=\"i.png\" href=\"no\">"
      "<script src=\"j.js\"></script><source src=\"v.mp4\"><iframe src=\"f.html\">"
      "<abbr href=\"abbr.html\"><p href=\"p.html\"><a>x</a> href=\"text.html\" <a title=\"t\">"
      "<a class=\"c\" href='single.html'><a data-href=\"d.html\">";
  BOOST_TEST(
      html_references(html) == (Texts{"a.html", "s.css", "i.png", "j.js", "v.mp4", "f.html"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(decodes_the_character_references_the_escaper_writes) {
  BOOST_TEST(html_references("<a href=\"a&amp;b&quot;c&#39;d&lt;e&gt;f&amp;lt;&nbsp;\">") ==
                 Texts{"a&b\"c'd<e>f&lt;&nbsp;"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_id_counts_only_after_a_space_and_with_both_quotes) {
  BOOST_TEST(
      html_ids("<p id=\"one\"><p data-id=\"no\"><p\tid=\"t&amp;wo\">id=\"no\" <p id=\"open") ==
          (Texts{"one", "t&wo"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(reads_css_urls_quoted_or_bare_with_spaces) {
  BOOST_TEST(css_references("a{b:url(x.png);c:url( 'y.png' );d:url(\"z.png\")} url(open") ==
                 (Texts{"x.png", "y.png", "z.png"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_text_pool_keeps_one_id_per_distinct_text_as_it_grows) {
  TextPool pool;
  std::vector<TextPool::Id> ids;
  for (int i = 0; i < 5000; ++i) {
    const auto text = "text-" + std::to_string(i);
    ids.push_back(pool.intern(text));
  }
  BOOST_TEST(pool.intern("") == 5000u);
  for (int i = 0; i < 5000; ++i) {
    const auto text = "text-" + std::to_string(i);
    TextPool::Id id = 0;
    BOOST_TEST(pool.find(text, id));
    BOOST_TEST(id == ids[i]);
    BOOST_TEST(pool[id] == text);
  }
  TextPool::Id id = 0;
  BOOST_TEST(!pool.find("text-5000", id));
  BOOST_TEST(pool.find("", id));
}

BOOST_AUTO_TEST_CASE(reports_the_same_broken_links_in_the_same_order_on_any_number_of_threads) {
  const auto loaded = hyoka::test::load_tiny_site("https://example.org/sub/");
  BOOST_TEST_REQUIRE(loaded.site);
  LinkCheck check(*loaded.site, *loaded.theme);
  SitePaths paths;
  for (int i = 0; i < 1000; ++i) {
    const auto path = "p/" + std::to_string(i) + "/index.html";
    const auto next = std::to_string((i + 1) % 1000);
    check.scan(path, "<p id=\"top\"><a href=\"../" + next + "/#top\"><a href=\"../" + next +
                         "/#gone\"><a href=\"/abs\"><a href=\"../../missing-" +
                         std::to_string(i % 7) + ".html\"><a href=\"https://example.org/sub/p/" +
                         next + "/\"><a href=\"../../../out\">");
    paths.insert(path);
  }
  std::vector<std::string> messages[2];
  const unsigned jobs[2] = {1, 3};
  for (int run = 0; run < 2; ++run) {
    Diagnostics diags;
    check.report(paths, diags, nullptr, jobs[run]);
    for (const auto& d : diags.all()) messages[run].push_back(d.path + ": " + d.message);
  }
  BOOST_TEST(messages[0].size() == 4000u);
  BOOST_TEST(messages[0] == messages[1], boost::test_tools::per_element());
  BOOST_TEST(messages[0][0] ==
             "p/0/index.html: broken link \"../1/#gone\": no id \"gone\" on p/1/index.html");
  BOOST_TEST(messages[0][1] ==
             "p/0/index.html: broken link \"/abs\": starts with '/', so it leaves the site's "
             "folder /sub/ on the host; write it relative to the page");
  BOOST_TEST(messages[0][2] ==
             "p/0/index.html: broken link \"../../missing-0.html\": no file missing-0.html in "
             "the site");
  BOOST_TEST(messages[0][3] ==
             "p/0/index.html: broken link \"../../../out\": leads out of the site");
}
