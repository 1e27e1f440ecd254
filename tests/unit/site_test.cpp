#define BOOST_TEST_MODULE site
#include <boost/test/unit_test.hpp>

#include "support/messages.h"

#include "site/site.h"

using namespace hyoka;
using hyoka::test::first_lines;
using hyoka::test::lines;

namespace {

std::unique_ptr<Site> assemble(const std::string& rows, Diagnostics& diags) {
  MemoryFileSystem fs({
      {"content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"content/areas/recovery.md", "+++\ntitle = \"復興\"\nweight = 1\n+++\n"},
      {"content/areas/safety.md", "+++\ntitle = \"安全\"\nweight = 2\n+++\n"},
      {"content/data/d.toml",
       "title = \"t\"\nperiods = [2021]\n[measures.n]\nlabel = \"n\"\n" + rows},
  });
  SiteConfig config;
  config.base_url = "https://example.org/x/";
  auto content = load_content(fs, "content", diags);
  auto datasets = load_datasets(fs, content.data_files, diags);
  return assemble_site(config, std::move(content), std::move(datasets), diags);
}

}  // namespace

BOOST_AUTO_TEST_CASE(areas_get_paths_and_their_rows) {
  Diagnostics diags;
  const auto site = assemble(
      "[[rows]]\narea = \"safety\"\nn = [1]\n[[rows]]\narea = \"recovery\"\nn = [2]\n", diags);
  BOOST_REQUIRE(site);
  BOOST_TEST(site->home.output_path == "index.html");
  BOOST_TEST(site->areas[0].output_path == "areas/recovery/index.html");
  BOOST_TEST(site->areas[0].root == "../../");
  BOOST_TEST(site->areas[0].rows.at(0).row == 1u);
  BOOST_TEST(link(site->areas[1], site->home.output_path) == "../../index.html");
  BOOST_TEST(link(site->home, site->areas[1].output_path) == "areas/safety/index.html");
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(errors_on_unknown_and_duplicate_area_ids) {
  Diagnostics diags;
  const auto site = assemble(
      "[[rows]]\narea = \"recovry\"\nn = [1]\n"
      "[[rows]]\narea = \"safety\"\nn = [1]\n"
      "[[rows]]\narea = \"safety\"\nn = [1]\n",
      diags);
  BOOST_TEST(!site);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "content/areas/recovery.md:2:1: warning: no dataset has a row for the area "
                 "\"recovery\"; its page will have no table",
                 "content/data/d.toml:6:8: error: unknown area \"recovry\": no "
                 "content/areas/recovry.md; did you mean \"recovery\"?",
                 "content/data/d.toml:12:8: error: area \"safety\" appears twice in this dataset "
                 "(first on line 9)"}));
}
