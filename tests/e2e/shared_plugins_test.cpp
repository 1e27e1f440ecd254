// Plugins from shared libraries: the example plugin (plugins/sparkline) loaded into a real
// build, every parameter getter of include/hyoka/plugin.h through a probe plugin
// (tests/plugins/params_probe.c), and the loader's refusals, each at its line in site.toml. The
// small site is tests/sites/minimal: alpha has implemented = [10, 12], beta [5, 0].
#define BOOST_TEST_MODULE shared_plugins
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const fs::path kRoot = HYOKA_SOURCE_DIR;
const std::string kPlugins = HYOKA_PLUGIN_DIR;

// The minimal site with `plugins = [...]` first in site.toml and `page` as alpha's page.
fs::path make_site(const TempDir& dir, const std::string& plugins, const std::string& page = "") {
  const auto site = dir.path() / "site";
  fs::copy(kRoot / "tests/sites/minimal", site, fs::copy_options::recursive);
  fs::copy(kRoot / "themes", site / "themes", fs::copy_options::recursive);
  write_file(site / "site.toml", "plugins = [" + plugins + "]\n" + read_file(site / "site.toml"));
  if (!page.empty()) write_file(site / "content/areas/alpha.md", page);
  return site;
}

const std::string kAlpha =
    "+++\ntitle = \"第一の施策\"\nweight = 1\n+++\n\n実施事業項目の推移：\n\n```sparkline\n"
    "dataset = \"counts\"\n```\n";

// Alpha's page with one ```probe block of `body` (its first line is line 7 of the file).
std::string probe_page(const std::string& body) {
  return "+++\ntitle = \"第一の施策\"\nweight = 1\n+++\n\n```probe\n" + body + "```\n";
}

// What the probe wrote in each of its blocks on a built page, in order.
std::vector<std::string> probe_reports(const std::string& page) {
  std::vector<std::string> reports;
  const std::string open = "<pre class=\"probe\">\n";
  for (auto at = page.find(open); at != std::string::npos; at = page.find(open, at)) {
    at += open.size();
    reports.push_back(page.substr(at, page.find("</pre>", at) - at));
  }
  return reports;
}

// The probe's lines for a block that has none of its keys, on the page `page_id`.
std::string nothing_given(const std::string& page_id, const std::string& id) {
  std::string report;
  for (const char* key : {"text", "other", "number", "negative", "largest", "smallest", "float",
                          "flag", "list", "table", "date", "empty", "missing"}) {
    report += std::string(key) + ": string=NULL integer=0 7\n";
  }
  return report + "NULL key: string=NULL integer=0 7\nNULL out: integer=0\npage_id=\"" + page_id +
         "\" id=\"" + id + "\"\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_example_plugin_draws_its_block_and_adds_its_file) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libsparkline.so\"", kAlpha);
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto page = read_file(dir.path() / "public/areas/alpha/index.html");
  BOOST_TEST(page.find("<span class=\"sparkline\"><svg") != std::string::npos);
  BOOST_TEST(
      page.find("<title id=\"block1-title\">実施事業項目：2020年度 10、2021年度 12</title>") !=
      std::string::npos);
  BOOST_TEST(page.find("points=\"4.00,5.33 96.00,2.00\"") != std::string::npos);  // 10 and 12 of 12
  BOOST_TEST(page.find("</svg> 10→12</span>") != std::string::npos);
  BOOST_TEST(read_file(dir.path() / "public/data/counts-changes.csv") ==
             "area_id,measure_id,first,last,change\r\nalpha,implemented,10,12,2\r\n"
             "beta,implemented,5,0,-5\r\n");
}

// Issue 22: with `area`, the example said "no such dataset", as get_string handed out one
// buffer that the next call wrote over ("area" made "dataset" read "beta").
BOOST_AUTO_TEST_CASE(the_example_plugin_draws_the_area_its_block_names) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libsparkline.so\"",
            kAlpha.substr(0, kAlpha.size() - 4) + "area = \"beta\"\n```\n");
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto page = read_file(dir.path() / "public/areas/alpha/index.html");
  BOOST_TEST(page.find("<title id=\"block1-title\">実施事業項目：2020年度 5、2021年度 0</title>") !=
                 std::string::npos,
             page);
  BOOST_TEST(page.find("</svg> 5→0</span>") != std::string::npos);
}

// A missing count is -1 through the C interface: the example draws no point for it, writes
// "…" for it and leaves its CSV cells empty, never a figure of -1.
BOOST_AUTO_TEST_CASE(the_example_plugin_shows_a_missing_count_as_missing) {
  TempDir dir;
  const auto site = make_site(dir, "\"" + kPlugins + "/libsparkline.so\"",
                              kAlpha.substr(0, kAlpha.size() - 4) + "area = \"beta\"\n```\n");
  const auto data = site / "content/data/counts.toml";
  auto counts = read_file(data);
  const std::string beta = "implemented = [5, 0]\nachieved = [5, 0]\n";
  BOOST_REQUIRE(counts.find(beta) != std::string::npos);
  counts.replace(counts.find(beta), beta.size(),
                 "implemented = [\"未公表\", 3]\nachieved = [\"未公表\", 2]\n");
  write_file(data, counts + "\n[[missing]]\nreason = \"未公表\"\nsymbol = \"…\"\n");
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto page = read_file(dir.path() / "public/areas/alpha/index.html");
  BOOST_TEST(page.find("<title id=\"block1-title\">実施事業項目：2020年度 …、2021年度 3</title>"
                       "<polyline fill=\"none\" stroke=\"#12436d\" stroke-width=\"2\" "
                       "points=\"96.00,2.00\"/></svg> …→3</span>") != std::string::npos,
             page);
  BOOST_TEST(read_file(dir.path() / "public/data/counts-changes.csv") ==
             "area_id,measure_id,first,last,change\r\nalpha,implemented,10,12,2\r\n"
             "beta,implemented,,3,\r\n");
}

// Each getter on each kind of TOML value, several keys in one block, keys the block does not
// have and NULL arguments; every string the plugin was handed is read after all the calls.
BOOST_AUTO_TEST_CASE(every_parameter_getter_returns_what_the_block_holds) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libtest_plugin_params_probe.so\"",
            probe_page("text = \"達成状況 & <率>\"\n"
                       "other = \"recovery\"\n"
                       "number = 42\n"
                       "negative = -5\n"
                       "largest = 9223372036854775807\n"
                       "smallest = -9223372036854775808\n"
                       "float = 2.0\n"
                       "flag = true\n"
                       "list = [\"a\", \"b\"]\n"
                       "table = { text = \"inner\" }\n"
                       "date = 2021-04-01\n"
                       "empty = \"\"\n") +
                "\n```probe\nnumber = 1\n```\n");
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto reports = probe_reports(read_file(dir.path() / "public/areas/alpha/index.html"));
  BOOST_REQUIRE(reports.size() == 2u);
  BOOST_TEST(reports[0] ==
             "text: string=\"達成状況 &amp; &lt;率&gt;\" integer=0 7\n"
             "other: string=\"recovery\" integer=0 7\n"
             "number: string=NULL integer=1 42\n"
             "negative: string=NULL integer=1 -5\n"
             "largest: string=NULL integer=1 9223372036854775807\n"
             "smallest: string=NULL integer=1 -9223372036854775808\n"
             "float: string=NULL integer=0 7\n"
             "flag: string=NULL integer=0 7\n"
             "list: string=NULL integer=0 7\n"
             "table: string=NULL integer=0 7\n"
             "date: string=NULL integer=0 7\n"
             "empty: string=\"\" integer=0 7\n"
             "missing: string=NULL integer=0 7\n"
             "NULL key: string=NULL integer=0 7\n"
             "NULL out: integer=0\n"
             "page_id=\"alpha\" id=\"block1\"\n");
  // The second block sees its own parameters only.
  auto second = nothing_given("alpha", "block2");
  second.replace(second.find("number: string=NULL integer=0 7"), 31,
                 "number: string=NULL integer=1 1");
  BOOST_TEST(reports[1] == second);
}

BOOST_AUTO_TEST_CASE(a_block_without_parameters_gets_none_and_the_home_page_has_no_page_id) {
  TempDir dir;
  const auto site =
      make_site(dir, "\"" + kPlugins + "/libtest_plugin_params_probe.so\"", probe_page(""));
  write_file(site / "content/_index.md",
             read_file(site / "content/_index.md") + "\n```probe\n# nothing but a comment\n```\n");
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  BOOST_TEST(probe_reports(read_file(dir.path() / "public/areas/alpha/index.html")) ==
             std::vector<std::string>{nothing_given("alpha", "block1")});
  BOOST_TEST(probe_reports(read_file(dir.path() / "public/index.html")) ==
             std::vector<std::string>{nothing_given("", "block1")});
}

// error() at a key the block has points at its value; with NULL, or a key the block lacks, at
// the block's first line. The plugin's own message is the only one.
BOOST_AUTO_TEST_CASE(a_plugins_error_points_at_the_key_or_else_at_the_block) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libtest_plugin_params_probe.so\"",
            probe_page("number = 42\nfail = \"number\"\n") +
                "\n```probe\nfail = \"\"\n```\n\n```probe\nfail = \"nowhere\"\n```\n");
  const auto run = run_hyoka("check --source site", dir.path());
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(run.err ==
                 "site/content/areas/alpha.md:7:10: error: probe: asked to fail here\n"
                 " 7 | number = 42\n"
                 "   |          ^\n"
                 "site/content/areas/alpha.md:12:1: error: probe: asked to fail here\n"
                 " 12 | fail = \"\"\n"
                 "    | ^\n"
                 "site/content/areas/alpha.md:16:1: error: probe: asked to fail here\n"
                 " 16 | fail = \"nowhere\"\n"
                 "    | ^\n"
                 "3 errors, 0 warnings\n",
             run.err);
}

BOOST_AUTO_TEST_CASE(a_plugin_reports_its_parameter_errors_at_the_key) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libsparkline.so\"",
            kAlpha.substr(0, kAlpha.size() - 4) + "measure = \"nope\"\n```\n");
  const auto run = run_hyoka("build --source site --destination public", dir.path());
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(run.err.find("site/content/areas/alpha.md:10:11: error: sparkline: no such measure in "
                          "the dataset\n") != std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_CASE(a_plugin_built_for_another_abi_is_refused) {
  TempDir dir;
  make_site(dir, "\"" + kPlugins + "/libtest_plugin_wrong_abi.so\"");
  const auto run = run_hyoka("check --source site", dir.path());
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(
      run.err.find("site/site.toml:1:12: error: the plugin was built for plugin ABI 99; this "
                   "hyoka loads ABI 1: rebuild it against this hyoka's include/hyoka/plugin.h\n") !=
          std::string::npos,
      run.err);
}

BOOST_AUTO_TEST_CASE(a_missing_library_or_entry_point_is_a_clear_error) {
  TempDir dir;
  make_site(dir, "\"plugins/libnothing.so\", \"" + kPlugins + "/libtest_plugin_no_entry.so\"");
  const auto run = run_hyoka("check --source site", dir.path());
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(
      run.err.find("site/site.toml:1:12: error: no plugin library at site/plugins/libnothing.so "
                   "(build it first; paths are relative to the site's folder)\n") !=
          std::string::npos,
      run.err);
  BOOST_TEST(run.err.find("error: not a hyoka plugin: it has no function hyoka_plugin_entry\n") !=
                 std::string::npos,
             run.err);
  BOOST_TEST(run.err.find("2 errors, 0 warnings") != std::string::npos, run.err);
}
