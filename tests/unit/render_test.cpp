#define BOOST_TEST_MODULE render
#include <boost/test/unit_test.hpp>

#include "support/messages.h"
#include "support/words.h"

#include "charts/indicator_charts.h"
#include "render/indicator_table.h"
#include "render/render_site.h"
#include "render/table_view.h"
#include "render/template_check.h"
#include "render/theme.h"

using namespace hyoka;
using hyoka::test::first_lines;
using hyoka::test::lines;

namespace {

struct Fixture {
  MemoryFileSystem fs;
  Diagnostics diags;
  std::unique_ptr<Site> site;

  explicit Fixture(const std::string& data) {
    fs = MemoryFileSystem({
        {"content/_index.md", "+++\ntitle = \"ホーム <&>\"\n+++\n本文\n"},
        {"content/areas/a.md", "+++\ntitle = \"A\"\n+++\n"},
        {"content/areas/b.md", "+++\ntitle = \"B\"\n+++\n"},
        {"content/data/d.toml", data},
    });
    SiteConfig config;
    config.title = "site";
    config.base_url = "https://example.org/x/";
    auto content = load_content(fs, "content", diags);
    auto datasets = load_datasets(fs, content.data_files, diags);
    site = assemble_site(config, std::move(content), std::move(datasets), diags);
    if (site) site->words = test::default_words();
  }
};

const std::string kData =
    "title = \"状況\"\nunit = \"件\"\nperiods = [2018, 2019]\n"
    "[measures.done]\nlabel = \"実施\"\n[measures.ok]\nlabel = \"達成\"\nat_most = \"done\"\n"
    "[ratios.rate]\nlabel = \"割合\"\nnumerator = \"ok\"\ndenominator = \"done\"\n"
    "rounding = \"half-up\"\ndecimals = 0\n"
    "[[rows]]\narea = \"a\"\ndone = [0, 3]\nok = [0, 2]\n"
    "[[rows]]\narea = \"b\"\ndone = [4, 1000]\nok = [1, 999]\n";

}  // namespace

BOOST_AUTO_TEST_CASE(template_check_finds_unknown_partials_and_unbalanced_sections) {
  Diagnostics diags;
  check_template(
      SourceText("t/home.mustache",
                 "{{#areas}}\n  {{> tabel}}\n{{/area}}\n{{^x}}{{/x}}{{/y}}\n{{#open}}\n"),
      {"table", "nav"}, diags);
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "t/home.mustache:2:3: error: unknown partial \"tabel\": no "
                 "templates/partials/tabel.mustache; did you mean \"table\"?",
                 "t/home.mustache:3:1: error: {{/area}} closes {{#areas}}, opened at line 1; "
                 "close that first with {{/areas}}",
                 "t/home.mustache:4:13: error: {{/y}} closes a section that was never opened",
                 "t/home.mustache:5:1: error: section {{#open}} is never closed: add {{/open}}"}));
}

BOOST_AUTO_TEST_CASE(template_check_refuses_delimiter_changes_and_finds_unclosed_tags) {
  Diagnostics diags;
  check_template(SourceText("a.mustache", "ok {{=<% %>=}}<%> nav%>"), {}, diags);
  check_template(SourceText("b.mustache", "ok\n  {{title"), {}, diags);
  BOOST_TEST(first_lines(diags) ==
             "a.mustache:1:4: error: changing the tag delimiters is not supported; write tags "
             "as {{name}}\n"
             "b.mustache:2:3: error: this tag is never closed with }}\n");
}

BOOST_AUTO_TEST_CASE(partials_that_include_each_other_are_an_error_at_the_closing_tag) {
  std::map<std::string, SourceText> partials;
  partials.emplace("a", SourceText("p/a.mustache", "x{{> b}}"));
  partials.emplace("b", SourceText("p/b.mustache", "y\n {{> a}}"));
  partials.emplace("self", SourceText("p/self.mustache", "{{> self}}"));
  partials.emplace("leaf", SourceText("p/leaf.mustache", "{{> a}}"));
  Diagnostics diags;
  std::map<std::string, std::vector<PartialUse>> uses;
  for (const auto& [name, source] : partials) {
    uses[name] = check_template(source, {"a", "b", "self", "leaf"}, diags);
  }
  check_partial_cycles(partials, uses, diags);
  BOOST_TEST(first_lines(diags) ==
             "p/b.mustache:2:2: error: partials include each other in a circle: a → b → a\n"
             "p/self.mustache:1:1: error: partials include each other in a circle: self → self\n");
}

BOOST_AUTO_TEST_CASE(area_tables_show_counts_ratios_and_a_minus_for_zero_denominators) {
  Fixture f(kData);
  BOOST_REQUIRE(f.site);
  const auto table = area_table(*f.site, f.site->areas[0], f.site->areas[0].rows[0]);
  BOOST_TEST(table.caption == "A：状況（単位：件）");
  BOOST_TEST(table.head[0][1].text == "平成30年度（2018年度）");
  BOOST_TEST(table.head[0][2].text == "令和元年度（2019年度）");
  BOOST_TEST(table.body[2][1].text == "\u2212");  // 0/0
  BOOST_TEST(table.body[2][2].text == "67%");     // 2/3 half-up
  BOOST_TEST(table.body[0][0].scope == "row");
  BOOST_TEST(table.notes.at(0) ==
             "「割合」は「達成」÷「実施」の百分率で、小数第1位を四捨五入し、整数で表示しています。"
             "分子と分母が等しい場合を除き、100%とは表示しません。");
}

BOOST_AUTO_TEST_CASE(overview_tables_group_columns_by_year_and_total_every_area) {
  Fixture g(
      "title = \"状況\"\nperiods = [2021]\n[measures.done]\nlabel = \"実施\"\n"
      "[[rows]]\narea = \"a\"\ndone = [1200]\n[[rows]]\narea = \"b\"\ndone = [34]\n"
      "[published_totals]\ndone = [1233]\n");
  BOOST_REQUIRE(g.site);
  const auto table = overview_table(*g.site, g.site->home, g.site->datasets[0]);
  BOOST_TEST(table.column_groups == (std::vector<int>{1, 1}));
  BOOST_TEST(table.head[0][1].scope == "colgroup");
  BOOST_TEST(table.body[0][0].href == "areas/a/index.html");
  BOOST_TEST(table.body[0][1].text == "1,200");
  BOOST_TEST(table.body[2][0].text == "合計");
  BOOST_TEST(table.body[2][1].text == "1,234");
  BOOST_TEST(table.body[2][1].mark == "※1");
  BOOST_TEST(table.notes.back() ==
             "※1 令和3年度（2021年度）の「実施」は、原資料では1,233と記載されていますが、各行の"
             "合計は1,234です。表には合計を掲載しています。");
}

BOOST_AUTO_TEST_CASE(pages_escape_text_and_keep_urls_readable) {
  Fixture f(
      "title = \"t\"\nperiods = [2021]\n[measures.done]\nlabel = \"実施\"\n"
      "[[rows]]\narea = \"a\"\ndone = [1]\n[[rows]]\narea = \"b\"\ndone = [2]\n");
  BOOST_REQUIRE(f.site);
  Theme theme;
  theme.layouts.emplace("base", SourceText("base", "<title>{{title}}</title>{{{main}}}"));
  theme.layouts.emplace(
      "home", SourceText("home", "{{#areas}}<a href=\"{{href}}\">{{title}}</a>{{/areas}}"));
  theme.layouts.emplace("area", SourceText("area", "{{{content}}}"));
  compile_templates(theme);
  BlockRegistry blocks;
  const auto files = render_site(*f.site, theme, f.fs, f.diags, blocks);
  BOOST_TEST(files.at("index.html") ==
             "<title>ホーム &lt;&amp;&gt;</title><a href=\"areas/a/index.html\">A</a>"
             "<a href=\"areas/b/index.html\">B</a>");
  BOOST_TEST(files.count("areas/b/index.html") == 1u);
}

BOOST_AUTO_TEST_CASE(template_check_warns_about_variables_no_page_provides) {
  Diagnostics diags;
  check_template(SourceText("t.mustache", "{{titel}} {{#datasets}}{{{svg}}}{{.}}{{/datasets}}\n"),
                 {}, diags, {"title", "datasets", "svg"});
  BOOST_TEST(first_lines(diags) ==
             "t.mustache:1:1: warning: unknown variable \"titel\": no page provides it; did you "
             "mean \"title\"?\n");
}

BOOST_AUTO_TEST_CASE(a_theme_takes_what_it_lacks_from_the_theme_it_extends) {
  MemoryFileSystem fs({
      {"themes/base/theme.toml", "[chart]\npalette = [\"#000000\"]\ntext = \"#111111\"\n"},
      {"themes/base/templates/base.mustache", "base {{{main}}}"},
      {"themes/base/templates/home.mustache", "{{> card}}"},
      {"themes/base/templates/area.mustache", "area"},
      {"themes/base/templates/partials/card.mustache", "parent card"},
      {"themes/base/static/css/style.css", "parent css"},
      {"themes/base/static/logo.svg", "logo"},
      {"themes/base/i18n/ja.toml", test::default_words_file()},
      {"themes/child/theme.toml", "extends = \"base\"\n[chart]\ntext = \"#222222\"\n"},
      {"themes/child/templates/partials/card.mustache", "child card"},
      {"themes/child/static/css/style.css", "child css"},
  });
  SiteConfig config;
  config.theme = "child";
  Diagnostics diags;
  const auto theme = load_theme(fs, "themes", config, diags);
  BOOST_REQUIRE(theme);
  BOOST_TEST(theme->layouts.at("base").text() == "base {{{main}}}");
  BOOST_TEST(theme->partials.at("card").text() == "child card");
  BOOST_TEST(theme->static_files.at("css/style.css") == "themes/child/static/css/style.css");
  BOOST_TEST(theme->static_files.at("logo.svg") == "themes/base/static/logo.svg");
  BOOST_TEST(theme->chart_style.text == "#222222");
  BOOST_TEST(theme->chart_style.palette == (std::vector<std::string>{"#000000"}));
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(themes_that_extend_in_a_circle_or_an_unknown_parent_are_errors) {
  MemoryFileSystem fs({
      {"themes/a/theme.toml", "extends = \"b\"\n"},
      {"themes/b/theme.toml", "extends = \"a\"\n"},
      {"themes/c/theme.toml", "extends = \"dafault\"\n"},
      {"themes/default/theme.toml", ""},
  });
  SiteConfig config;
  config.theme = "a";
  Diagnostics diags;
  BOOST_TEST(!load_theme(fs, "themes", config, diags));
  config.theme = "c";
  BOOST_TEST(!load_theme(fs, "themes", config, diags));
  BOOST_TEST(first_lines(diags) ==
             "themes/a/theme.toml: error: themes extend each other in a circle\n"
             "themes/c/theme.toml: error: unknown theme \"dafault\": no folder themes/dafault; "
             "did you mean \"default\"?\n");
}

BOOST_AUTO_TEST_CASE(chart_colours_in_theme_toml_must_be_hex) {
  MemoryFileSystem fs({
      {"themes/x/theme.toml", "[chart]\npalette = [\"navy\"]\nbackgrund = \"#ffffff\"\n"},
      {"themes/x/templates/base.mustache", ""},
      {"themes/x/templates/home.mustache", ""},
      {"themes/x/templates/area.mustache", ""},
      {"themes/x/i18n/ja.toml", test::default_words_file()},
  });
  SiteConfig config;
  config.theme = "x";
  Diagnostics diags;
  BOOST_TEST(!load_theme(fs, "themes", config, diags));
  BOOST_TEST(first_lines(diags) ==
             "themes/x/theme.toml:2:12: error: a palette colour must be written #rrggbb\n"
             "themes/x/theme.toml:3:1: error: unknown key \"backgrund\" in [chart]; did you mean "
             "\"background\"?\n");
}

// A section over a name that the layout's page does not provide renders nothing on every page;
// the 404 page has no datasets, though other pages do.
BOOST_AUTO_TEST_CASE(a_layout_section_over_a_name_its_page_does_not_provide_is_refused) {
  MemoryFileSystem fs({
      {"themes/x/theme.toml", ""},
      {"themes/x/templates/base.mustache", "{{{main}}}{{#alternates}}{{href}}{{/alternates}}"},
      {"themes/x/templates/home.mustache", "{{#datasets}}{{> table}}{{/datasets}}"},
      {"themes/x/templates/area.mustache", "{{#previous_area}}{{title}}{{/previous_area}}"},
      {"themes/x/templates/dataset.mustache",
       "{{#downloads}}{{name}}{{/downloads}}\n{{#datasets}}{{#figures}}{{#table}}{{> table}}"
       "{{/table}}{{/figures}}{{/datasets}}"},
      {"themes/x/templates/404.mustache",
       "<h1>{{title}}</h1>\n {{#datasets}}\n{{> table}}\n{{/datasets}}\n{{downloads}}"},
      {"themes/x/templates/partials/table.mustache", "{{caption}}"},
      {"themes/x/i18n/ja.toml", test::default_words_file()},
  });
  SiteConfig config;
  config.theme = "x";
  Diagnostics diags;
  BOOST_TEST(!load_theme(fs, "themes", config, diags));
  BOOST_TEST(first_lines(diags) ==
             "themes/x/templates/404.mustache:2:2: error: unknown variable \"datasets\": no page "
             "of the \"404\" layout provides it, so this renders nothing\n"
             "themes/x/templates/404.mustache:5:1: error: unknown variable \"downloads\": no "
             "page of the \"404\" layout provides it, so this renders nothing\n");
}

BOOST_AUTO_TEST_CASE(names_inside_a_layouts_sections_are_the_items_and_stay_warnings) {
  Diagnostics diags;
  const std::vector<std::string> provided = {"datasets", "title"};
  check_template(SourceText("home.mustache", "{{#datasets}}{{svg}}{{titel}}{{/datasets}}{{titel}}"),
                 mustache::compile("{{#datasets}}{{svg}}{{titel}}{{/datasets}}{{titel}}"), {},
                 diags, {"datasets", "svg", "title"}, {}, {"home", &provided});
  BOOST_TEST(first_lines(diags) ==
             "home.mustache:1:21: warning: unknown variable \"titel\": no page provides it; did "
             "you mean \"title\"?\n"
             "home.mustache:1:43: error: unknown variable \"titel\": no page of the \"home\" "
             "layout provides it, so this renders nothing; did you mean \"title\"?\n");
}

BOOST_AUTO_TEST_CASE(two_printed_totals_in_one_year_give_one_ratio_from_the_printed_figures) {
  Fixture f(
      "title = \"t\"\nperiods = [2021]\n[measures.done]\nlabel = \"実施\"\n[measures.ok]\n"
      "label = \"達成\"\n[ratios.rate]\nlabel = \"割合\"\nnumerator = \"ok\"\ndenominator = "
      "\"done\"\n"
      "[[rows]]\narea = \"a\"\ndone = [10]\nok = [8]\n[[rows]]\narea = \"b\"\ndone = [5]\nok = "
      "[5]\n"
      "[published_totals]\ndone = [16]\nok = [14]\n");
  BOOST_REQUIRE(f.site);
  const auto table = totals_table(*f.site, f.site->datasets[0]);
  BOOST_TEST(table.body[0][1].text == "15");
  BOOST_TEST(table.body[0][1].mark == "※1");
  BOOST_TEST(table.body[1][1].mark == "※2");
  BOOST_TEST(table.body[2][1].text == "86.6%");  // 13/15
  BOOST_TEST(table.body[2][1].mark == "※1※2");
  // The source's own ratio is 14/16 = 87.5%, from both printed figures.
  BOOST_TEST(
      table.notes.at(2).find("原資料の数値による「割合」は87.5%、合計による値は86.6%です。") !=
      std::string::npos);
  BOOST_TEST(table.notes.at(3).find("原資料の数値による「割合」は87.5%") != std::string::npos);
}

// Whatever way the address is written, no page may hold a link that runs code; each one left
// out is a warning at its line in the page's file (front matter counted).
BOOST_AUTO_TEST_CASE(pages_hold_no_link_to_an_address_that_runs_code_and_say_where_one_was) {
  MemoryFileSystem fs({
      {"content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"content/areas/a.md",
       "+++\ntitle = \"A\"\n+++\n"
       "本文 [詳細](javascript:alert(1)) と ![図](JAVASCRIPT:alert(2))\n"
       "\n"
       "<vbscript:msgbox> [参照][r] [x](java&#x09;script:alert(3))\n"
       "\n"
       "[r]: data:text/html;base64,PHNjcmlwdD4=\n"},
  });
  Diagnostics diags;
  SiteConfig config;
  config.title = "site";
  config.base_url = "https://example.org/x/";
  auto content = load_content(fs, "content", diags);
  auto site = assemble_site(config, std::move(content), {}, diags);
  BOOST_REQUIRE(site);
  Theme theme;
  theme.layouts.emplace("base", SourceText("base", "{{{main}}}"));
  theme.layouts.emplace("home", SourceText("home", ""));
  theme.layouts.emplace("area", SourceText("area", "{{{content}}}"));
  compile_templates(theme);
  BlockRegistry blocks;
  const auto files = render_site(*site, theme, fs, diags, blocks);
  BOOST_TEST(files.at("areas/a/index.html") ==
             "<p>本文 詳細 と 図</p>\n<p>vbscript:msgbox 参照 x</p>\n");
  // Columns count characters: "本文 " is three.
  BOOST_TEST(first_lines(diags) ==
             lines(std::vector<std::string>{
                 "content/areas/a.md:2:1: warning: no dataset has a row for the area \"a\"; its "
                 "page will have no table",
                 "content/areas/a.md:4:4: warning: link left out: a javascript: address runs "
                 "code in the reader's browser (its text is kept)",
                 "content/areas/a.md:4:32: warning: image left out: a javascript: address runs "
                 "code in the reader's browser (its description is kept)",
                 "content/areas/a.md:6:1: warning: link left out: a vbscript: address runs code "
                 "in the reader's browser (its text is kept)",
                 "content/areas/a.md:6:19: warning: link left out: a data: address other than a "
                 "PNG, GIF, JPEG or WebP image can run script (its text is kept)",
                 "content/areas/a.md:6:27: warning: link left out: a javascript: address runs "
                 "code in the reader's browser (its text is kept)"}));
}

BOOST_AUTO_TEST_CASE(partials_that_multiply_are_an_error_where_the_count_passes_the_limit) {
  // x1 to x4 include the next five times and x5 is empty: x5 expands 0 partials, x4 5,
  // x3 5 × 6 = 30, x2 155, x1 780; "wide" includes x1 thirteen times: 13 × 781 = 10,153, more
  // than 10,000, although x1 alone is not.
  std::map<std::string, SourceText> layouts, partials;
  std::map<std::string, std::vector<PartialUse>> layout_uses, uses;
  std::vector<std::string> names = {"wide", "x1", "x2", "x3", "x4", "x5"};
  for (int i = 1; i <= 4; ++i) {
    const auto next = "{{> x" + std::to_string(i + 1) + "}}";
    partials.emplace("x" + std::to_string(i),
                     SourceText("p/x" + std::to_string(i), next + next + next + next + next));
  }
  partials.emplace("x5", SourceText("p/x5", ""));
  std::string thirteen;
  for (int i = 0; i < 13; ++i) thirteen += "{{> x1}}";
  partials.emplace("wide", SourceText("p/wide", "\n" + thirteen));
  layouts.emplace("home", SourceText("t/home", "{{> wide}}{{> wide}}"));
  layouts.emplace("area", SourceText("t/area", "{{> x1}}"));
  Diagnostics diags;
  for (const auto& [name, source] : layouts) {
    layout_uses[name] = check_template(source, names, diags);
  }
  for (const auto& [name, source] : partials) uses[name] = check_template(source, names, diags);
  check_partial_expansions(layouts, layout_uses, partials, uses, diags);
  // x1 → x2 → … each expand as said above; "wide" is reported, "home" (which includes it) is
  // not, nor "area" (781).
  BOOST_TEST(first_lines(diags) ==
             "p/wide:2:1: error: the partial \"wide\" expands to more than 10,000 partials, "
             "counting the includes of every include (wide → x1 → x2 → x3 → x4 → x5); each use "
             "renders them all\n");
}

// The labels of themes/default/i18n/{ja,en}.toml's [fiscal_year], in each [fiscal_year] label.
BOOST_AUTO_TEST_CASE(fiscal_years_are_labelled_in_the_sites_language_and_style) {
  const auto ja = test::default_words("ja", FiscalYearStyle::wareki_seireki);
  BOOST_TEST(ja.fiscal_year(2019) == "令和元年度（2019年度）");
  BOOST_TEST(ja.fiscal_year(2016) == "平成28年度（2016年度）");
  BOOST_TEST(ja.fiscal_year(2019, FiscalYearStyle::wareki) == "令和元年度");
  BOOST_TEST(ja.fiscal_year(2019, FiscalYearStyle::seireki) == "2019年度");
  const auto en = test::default_words("en", FiscalYearStyle::wareki_seireki);
  BOOST_TEST(en.fiscal_year(2019) == "FY2019 (Reiwa 1)");
  BOOST_TEST(en.fiscal_year(2016) == "FY2016 (Heisei 28)");
  BOOST_TEST(en.fiscal_year(2019, FiscalYearStyle::wareki) == "FY Reiwa 1");
  BOOST_TEST(en.fiscal_year(2019, FiscalYearStyle::seireki) == "FY2019");
  // Outside the years made once (1989 to 2100), made on demand alike.
  BOOST_TEST(en.fiscal_year(1988) == "FY1988 (Showa 63)");
  BOOST_TEST(en.mark(0) == "*1");
  BOOST_TEST(ja.mark(1) == "※2");
}

BOOST_AUTO_TEST_CASE(a_word_fills_its_gaps_in_the_order_its_language_writes_them) {
  const MemoryFileSystem fs(std::map<std::string, std::string>{
      {"themes/t/i18n/xx.toml", test::default_words_file("en")},
  });
  SiteConfig config;
  config.language = "xx";
  Diagnostics diags;
  auto language = load_language(fs, {"themes/t"}, config, diags);
  BOOST_REQUIRE(language);
  // The language puts the area before the year, and leaves the unit out.
  language->words.at("chart.area_in_year").text = "{{year}}, {{area}}";
  language->words.at("chart.ratio").text = "{{percent}}";
  const auto words = compile_words(*language, FiscalYearStyle::seireki, diags);
  BOOST_TEST(diags.errors() == 0);
  BOOST_TEST(words(Word::chart_area_in_year, {"North", "FY2019"}) == "FY2019, North");
  BOOST_TEST(words(Word::chart_ratio, {"76.9%", "10", "13", "件"}) == "76.9%");
}

BOOST_AUTO_TEST_CASE(a_language_missing_hyokas_words_is_one_error_naming_them) {
  const MemoryFileSystem fs(std::map<std::string, std::string>{
      {"themes/t/i18n/xx.toml", "[page]\nhome = \"Accueil\"\n"},
  });
  SiteConfig config;
  config.language = "xx";
  Diagnostics diags;
  const auto language = load_language(fs, {"themes/t"}, config, diags);
  BOOST_REQUIRE(language);
  compile_words(*language, FiscalYearStyle::seireki, diags);
  BOOST_TEST(diags.errors() == 1);
  BOOST_REQUIRE(diags.all().size() == 1u);
  BOOST_TEST(
      format(diags.all().front())
          .find("themes/t/i18n/xx.toml: error: missing: " + std::to_string(word_specs().size()) +
                " of the words hyoka writes (not_found.title, ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_area_page_lists_its_indicators_with_each_years_rate_and_grade) {
  // 1,100 / 1,200 = 91.66…% → 91.7% (B), printed 91.6%; no actual value: X, printed A.
  // Lower is better: 4 / 5 = 80.0% (B), 4 / 3 = 133.3% (A).
  Fixture f(
      "title = \"指標\"\nperiods = [2018, 2019]\n"
      "[[missing]]\nreason = \"未集計\"\nsymbol = \"…\"\n"
      "[scale]\nlabel = \"達成度\"\n"
      "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n"
      "[scale.grades.c]\nlabel = \"C\"\n[scale.grades.x]\nlabel = \"X\"\nspecial = true\n"
      "[achievement]\nformula = \"actual / final target\"\nno_rate = \"x\"\n"
      "[achievement.at_least]\na = 100\nb = 80\n"
      "[[indicators]]\narea = \"a\"\nid = \"v\"\nname = \"観光客数\"\nunit = \"人\"\n"
      "better = \"higher\"\nbaseline = { value = \"1,000\", year = 2016 }\n"
      "target = { value = \"1,200\", year = 2020 }\nactual = [\"1,100\", \"未集計\"]\n"
      "rates = [\"91.6\", \"\"]\ngrades = [\"B\", \"A\"]\n"
      "[[indicators]]\narea = \"b\"\nid = \"other\"\nname = \"他\"\nunit = \"件\"\n"
      "better = \"higher\"\nbaseline = { value = 1, year = 2016 }\n"
      "target = { value = 2, year = 2020 }\nactual = [1, 2]\n"
      "[[indicators]]\narea = \"a\"\nid = \"w\"\nname = \"待機児童数\"\nunit = \"人\"\n"
      "better = \"lower\"\nbaseline = { value = 9, year = 2016 }\n"
      "target = { value = 4, year = 2020 }\nactual = [5, 3]\n");
  BOOST_REQUIRE(f.site);
  const auto table = indicator_table(*f.site, f.site->areas[0], f.site->areas[0].rows[0]);
  BOOST_TEST(table.caption == "A：指標（指標別）");
  BOOST_TEST(table.head[0][3].text == "目標値");
  BOOST_TEST(table.head[0][4].text == "平成30年度（2018年度）");
  BOOST_TEST(table.head[1][2].text == "達成度");
  BOOST_REQUIRE(table.body.size() == 2u);  // area b's indicator is not here
  std::vector<std::string> first, second;
  for (const auto& cell : table.body[0]) first.push_back(cell.text);
  for (const auto& cell : table.body[1]) second.push_back(cell.text);
  BOOST_TEST(lines(first) == lines({"観光客数", "人", "1,000（2016年度）", "1,200（2020年度）",
                                    "1,100", "91.7%", "B", "…", "\u2212", "X"}));
  BOOST_TEST(lines(second) == lines({"待機児童数", "人", "9（2016年度）", "4（2020年度）", "5",
                                     "80.0%", "B", "3", "133.3%", "A"}));
  BOOST_TEST(
      lines(table.notes) ==
      lines(
          {"達成率は、実績値÷目標値の百分率で、小数第2位を四捨五入し、小数第1位まで表示"
           "しています。",
           "「待機児童数」は値が小さいほど良い指標で、達成率は目標値÷実績値の百分率です。",
           "達成率を計算できない年度（実績値がない、目標値が0など）は「X」としています。",
           "「…」は「未集計」を示します。",
           "※1 平成30年度（2018年度）の「観光客数」の達成率は、原資料では91.6%と記載されています"
           "が、計算すると91.7%です。表には計算した値を掲載しています。",
           "※2 令和元年度（2019年度）の「観光客数」の評価は、原資料では「A」と記載されていますが、"
           "達成率から判定すると「X」です。表には判定した評価を掲載しています。"}));
  BOOST_TEST(table.body[0][5].mark == "※1");  // the computed rate, 91.7%
  BOOST_TEST(table.body[0][9].mark == "※2");  // the computed grade, X
  BOOST_TEST(table.body[0][6].mark == "");
}

BOOST_AUTO_TEST_CASE(each_years_target_has_its_column_where_the_rate_divides_by_it) {
  // 45 / 50 = 90.0% (B), printed 91; a target of 0 gives no rate (X).
  Fixture f(
      "title = \"指標\"\nperiods = [2018, 2019]\n"
      "[scale]\nlabel = \"達成度\"\n"
      "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n"
      "[scale.grades.x]\nlabel = \"X\"\nspecial = true\n"
      "[achievement]\nformula = \"actual / year target\"\nno_rate = \"x\"\n"
      "[achievement.at_least]\na = 100\n"
      "[[indicators]]\narea = \"a\"\nid = \"v\"\nname = \"件数\"\nunit = \"件\"\n"
      "better = \"higher\"\nbaseline = { value = 40, year = 2016 }\n"
      "targets = [50, \"0\"]\nactual = [45, 10]\nrates = [\"91\", \"\"]\n");
  BOOST_REQUIRE(f.site);
  const auto table = indicator_table(*f.site, f.site->areas[0], f.site->areas[0].rows[0]);
  BOOST_TEST(table.column_groups == (std::vector<int>{4, 4, 4}));
  std::vector<std::string> head, cells;
  for (const auto& cell : table.head[1]) head.push_back(cell.text);
  for (const auto& cell : table.body[0]) cells.push_back(cell.text);
  BOOST_TEST(lines(head) == lines({"目標値", "実績値", "達成率", "達成度", "目標値", "実績値",
                                   "達成率", "達成度"}));
  BOOST_TEST(lines(cells) == lines({"件数", "件", "40（2016年度）", "\u2212", "50", "45", "90.0%",
                                    "B", "0", "10", "\u2212", "X"}));
  BOOST_TEST(table.body[0][6].mark == "※1");
  BOOST_TEST(table.notes.front() ==
             "達成率は、実績値÷その年度の目標値の百分率で、小数第2位を四捨五入し、小数第1位まで"
             "表示しています。");
}

// Every text below is the language file's pattern (themes/default/i18n/ja.toml, [kpi] and
// [chart]) filled in by hand with the dataset's figures: 1,100 ÷ 1,200 = 91.66…% → 91.7% (B);
// lower is better: 4 ÷ 5 = 80.0% (B), 4 ÷ 3 = 133.3% (A).
BOOST_AUTO_TEST_CASE(an_indicator_chart_writes_each_value_as_printed_with_its_rate_and_grade) {
  Fixture f(
      "title = \"指標\"\nperiods = [2018, 2019]\n"
      "[[missing]]\nreason = \"未集計\"\nsymbol = \"…\"\n"
      "[scale]\nlabel = \"達成度\"\n"
      "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n"
      "[scale.grades.c]\nlabel = \"C\"\n[scale.grades.x]\nlabel = \"X\"\nspecial = true\n"
      "[achievement]\nformula = \"actual / final target\"\nno_rate = \"x\"\n"
      "[achievement.at_least]\na = 100\nb = 80\n"
      "[[indicators]]\narea = \"a\"\nid = \"v\"\nname = \"観光客数\"\nunit = \"人\"\n"
      "better = \"higher\"\nbaseline = { value = \"1,000\", year = 2016 }\n"
      "target = { value = \"1,200\", year = 2020 }\nactual = [\"1,100\", \"未集計\"]\n"
      "[[indicators]]\narea = \"b\"\nid = \"other\"\nname = \"他\"\nunit = \"件\"\n"
      "better = \"higher\"\nbaseline = { value = 1, year = 2016 }\n"
      "target = { value = 2, year = 2020 }\nactual = [1, 2]\n"
      "[[indicators]]\narea = \"a\"\nid = \"w\"\nname = \"待機児童数\"\nunit = \"人\"\n"
      "better = \"lower\"\nbaseline = { value = 9.0, year = 2016 }\n"
      "target = { value = 4, year = 2020 }\nactual = [5, 3]\n");
  BOOST_REQUIRE(f.site);
  const auto charts =
      indicator_charts(*f.site, f.site->areas[0].rows[0], "A：指標（指標別）", ChartStyle{});
  BOOST_REQUIRE(charts.size() == 2u);  // area b's indicator is not here
  const auto& v = charts[0];
  BOOST_TEST(v.id == "chart-d-indicator-v");
  BOOST_TEST(v.heading == "観光客数（人）");
  BOOST_TEST(v.title == "観光客数（人）。数値は下の表「A：指標（指標別）」に掲載しています。");
  BOOST_TEST(v.notes.empty());
  BOOST_TEST(v.target_label == "目標値 1,200人（2020年度）");
  BOOST_TEST(*v.target == 1200);
  BOOST_TEST(v.target_attr == "1200");
  BOOST_REQUIRE(v.bars.size() == 3u);
  BOOST_TEST(v.bars[0].baseline);
  BOOST_TEST(v.bars[0].label == "基準値（2016年度）");
  BOOST_TEST(v.bars[0].text == "1,000人");
  BOOST_TEST(*v.bars[0].value == 1000);
  BOOST_TEST(v.bars[1].label == "2018年度");
  BOOST_TEST(v.bars[1].text == "1,100人（91.7% B）");
  BOOST_TEST(v.bars[1].value_attr == "1100");
  BOOST_TEST(v.bars[1].tooltip == "2018年度 実績値：1,100人");
  BOOST_TEST(!v.bars[2].value);  // not a bar of 0
  BOOST_TEST(v.bars[2].text == "…（未集計、X）");
  BOOST_TEST(v.summary ==
             "「観光客数」の目標値は1,200人（2020年度）、基準値は1,000人（2016年度）です。"
             "実績値は平成30年度（2018年度）が1,100人（達成率91.7%、B）、令和元年度（2019年度）が"
             "未集計（X）です。");
  const auto& w = charts[1];
  BOOST_TEST(w.notes == (std::vector<std::string>{"値が小さいほど良い指標です。"}));
  BOOST_TEST(w.bars[0].text == "9.0人");  // the baseline's decimals as written
  BOOST_TEST(w.bars[0].value_attr == "9.0");
  BOOST_TEST(w.bars[1].text == "5人（80.0% B）");
  BOOST_TEST(w.bars[2].text == "3人（133.3% A）");
}

// 45 ÷ 50 = 90.0% (B); a target of 0 gives no rate (X). No final target: no line.
BOOST_AUTO_TEST_CASE(an_indicator_chart_of_yearly_targets_marks_each_years_target) {
  Fixture f(
      "title = \"指標\"\nperiods = [2018, 2019]\n"
      "[scale]\nlabel = \"達成度\"\n"
      "[scale.grades.a]\nlabel = \"A\"\n[scale.grades.b]\nlabel = \"B\"\n"
      "[scale.grades.x]\nlabel = \"X\"\nspecial = true\n"
      "[achievement]\nformula = \"actual / year target\"\nno_rate = \"x\"\n"
      "[achievement.at_least]\na = 100\n"
      "[[indicators]]\narea = \"a\"\nid = \"v\"\nname = \"件数\"\nunit = \"件\"\n"
      "better = \"higher\"\nbaseline = { value = 40, year = 2016 }\n"
      "targets = [50, \"0\"]\nactual = [45, 10]\n");
  BOOST_REQUIRE(f.site);
  const auto charts = indicator_charts(*f.site, f.site->areas[0].rows[0], "表", ChartStyle{});
  BOOST_REQUIRE(charts.size() == 1u);
  const auto& v = charts[0];
  BOOST_TEST(!v.target);
  BOOST_TEST(v.year_target_key == "その年度の目標値");
  BOOST_REQUIRE(v.bars.size() == 3u);
  BOOST_TEST(v.bars[1].label == "2018年度（目標値 50件）");
  BOOST_TEST(*v.bars[1].target == 50);
  BOOST_TEST(v.bars[1].target_tooltip == "2018年度 目標値：50件");
  BOOST_TEST(v.bars[1].text == "45件（90.0% B）");
  BOOST_TEST(*v.bars[2].target == 0);
  BOOST_TEST(v.bars[2].text == "10件（\u2212 X）");
  BOOST_TEST(v.summary ==
             "「件数」の基準値は40件（2016年度）です。実績値は平成30年度（2018年度）が45件（目標値"
             "50件、達成率90.0%、B）、令和元年度（2019年度）が10件（目標値0件、達成率\u2212、X）"
             "です。");
}
