// Plugins from shared libraries: the example plugin (plugins/sparkline) loaded into a real
// build, and the loader's refusals, each at its line in site.toml. The small site is
// tests/sites/minimal: alpha has implemented = [10, 12], beta [5, 0].
#define BOOST_TEST_MODULE shared_plugins
#include <boost/test/unit_test.hpp>

#include <filesystem>

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
