#define BOOST_TEST_MODULE config
#include <boost/test/unit_test.hpp>

#include "support/messages.h"

#include "config/site_config.h"

using namespace hyoka;
using hyoka::test::first_lines;
using hyoka::test::lines;

BOOST_AUTO_TEST_CASE(can_read_the_documented_site_toml) {
  Diagnostics diags;
  const auto config = parse_config(
      SourceText("site.toml",
                 "title = \"総括\"\nbase_url = \"https://example.github.io/fukushima-ict\"\n"
                 "language = \"ja\"\ntheme = \"default\"\n[publisher]\nname = \"福島県\"\n"
                 "local_government_code = \"070009\"\n[fiscal_year]\nlabel = \"wareki\"\n"),
      diags);
  BOOST_REQUIRE(config);
  BOOST_TEST(config->base_url == "https://example.github.io/fukushima-ict/");
  BOOST_TEST(config->publisher.local_government_code == "070009");
  BOOST_TEST((config->fiscal_year_style == FiscalYearStyle::wareki));
  BOOST_TEST(config->theme_position.line == 4);
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(errors_on_missing_keys_bad_url_unknown_keys_and_labels) {
  Diagnostics diags;
  const auto config = parse_config(
      SourceText(
          "site.toml",
          "base_url = \"example.org\"\nthme = \"x\"\n[fiscal_year]\nlabel = \"wareki-seirki\"\n"),
      diags);
  BOOST_TEST(!config);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "site.toml:1:1: error: missing key \"title\" (a string)",
                 "site.toml:1:12: error: base_url must start with https:// or http://, as in "
                 "\"https://example.github.io/fukushima-ict/\"",
                 "site.toml:2:1: error: unknown key \"thme\" in site.toml; did you mean \"theme\"?",
                 "site.toml:4:9: error: unknown fiscal-year label \"wareki-seirki\"; did you mean "
                 "\"wareki-seireki\"?"}));
}

BOOST_AUTO_TEST_CASE(local_government_codes_carry_a_check_digit) {
  BOOST_TEST(valid_local_government_code("070009"));  // 福島県
  BOOST_TEST(valid_local_government_code("131016"));  // 千代田区
  BOOST_TEST(valid_local_government_code("011002"));  // 札幌市
  BOOST_TEST(!valid_local_government_code("070008"));
  BOOST_TEST(!valid_local_government_code("07000"));
  BOOST_TEST(!valid_local_government_code("07000x"));
}

BOOST_AUTO_TEST_CASE(a_missing_site_toml_says_how_to_point_at_one) {
  MemoryFileSystem fs;
  Diagnostics diags;
  BOOST_TEST(!load_config(fs, "site.toml", diags));
  BOOST_TEST(
      format(diags.all().at(0)) ==
      "site.toml: error: no site.toml here; run hyoka in a site's folder or pass --source DIR\n");
}

BOOST_AUTO_TEST_CASE(errors_when_base_url_holds_a_password_dot_segments_or_control_characters) {
  BOOST_TEST(!check_base_url("https://example.github.io/fukushima-ict/"));
  BOOST_TEST(!check_base_url("http://localhost:1313/a.b/c..d/"));
  const std::string password =
      "base_url must not hold a user name or password (user:pass@): the address is published in "
      "every page and in sitemap.xml";
  BOOST_TEST(*check_base_url("https://user:pass@example.jp/") == password);
  BOOST_TEST(*check_base_url("https://user@example.jp/") == password);
  const std::string dots = "base_url must not hold \".\" or \"..\" in its path";
  for (const auto* url :
       {"https://example.jp/a/../b/", "https://example.jp/./", "https://example.jp/..",
        "https://example.jp/%2e%2E/", "https://example.jp/.%2e/x"}) {
    BOOST_TEST_CONTEXT(url) {
      BOOST_TEST(check_base_url(url).value_or("") == dots);
    }
  }
  BOOST_TEST(*check_base_url("https://example.jp/a\nb/") ==
             "base_url must not contain spaces or control characters");
  BOOST_TEST(*check_base_url("https://example.jp/a\\b/") ==
             "base_url must not contain quotes, '?', '#' or any of \\`{}|^<>");
}

BOOST_AUTO_TEST_CASE(errors_when_theme_is_a_path_rather_than_a_name) {
  BOOST_TEST(!check_theme_name("default"));
  BOOST_TEST(!check_theme_name("my-theme_2"));
  for (const auto* name : {"../../x", "themes/default", "..", ".", "", "a\\b", "/etc"}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(check_theme_name(name).value_or("") ==
                 "theme is the name of a folder in themes/, such as \"default\", not a path");
    }
  }
}

BOOST_AUTO_TEST_CASE(can_read_folders_that_links_may_lead_to) {
  Diagnostics diags;
  const auto config =
      parse_config(SourceText("site.toml",
                              "title = \"t\"\nbase_url = \"https://e.jp/\"\n"
                              "allow_links_to = [\"../shared\", \"/srv/themes\"]\n"),
                   diags);
  BOOST_REQUIRE(config);
  BOOST_TEST(config->allow_links_to == (std::vector<std::string>{"../shared", "/srv/themes"}));
  Diagnostics bad;
  BOOST_TEST(!parse_config(SourceText("site.toml",
                                      "title = \"t\"\nbase_url = \"https://e.jp/\"\n"
                                      "allow_links_to = [3]\n"),
                           bad));
  BOOST_TEST(first_lines(bad) ==
             lines({"site.toml:3:19: error: allow_links_to lists folders, as strings"}));
}
