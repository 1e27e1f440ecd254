// hyoka's mustache engine held to mstch, the library the design names: every template of both
// themes, rendered with the real contexts of every page of the sample site (home, areas, the
// dataset's landing page, 404) and the partials that block plugins draw through, must come out
// of both engines byte for byte the same. mstch gets hyoka's HTML escaping, the one intended
// difference (tests/support/mstch_value.h); nothing else is adjusted.
#define BOOST_TEST_MODULE mstch_differential
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "markdown/markdown.h"
#include "pipeline/build.h"
#include "render/page_context.h"
#include "render/table_view.h"
#include "render/template_check.h"
#include "support/mstch_value.h"

using namespace hyoka;

namespace {

struct Loaded {
  std::unique_ptr<Site> site;
  std::optional<Theme> theme;
  std::map<std::string, std::string> partial_texts;
};

Loaded load_sample_site(const std::string& theme) {
  BuildOptions options;
  options.source_dir = HYOKA_SOURCE_DIR;
  options.theme = theme;
  RealFileSystem fs;
  Diagnostics diags;
  auto loaded = load_site(options, fs, diags);
  BOOST_REQUIRE_MESSAGE(loaded.site && loaded.theme, "the sample site does not load");
  Loaded out{std::move(loaded.site), std::move(loaded.theme), {}};
  for (const auto& [name, source] : out.theme->partials) out.partial_texts[name] = source.text();
  // The language file's words, which templates insert as partials ({{> t.key}}).
  for (const auto& [key, word] : out.theme->language.words) {
    out.partial_texts[std::string(kWordPrefix) + key] = word.text;
  }
  return out;
}

// Renders with both engines and requires the same bytes; returns hyoka's.
std::string render_both(const Loaded& loaded, const mustache::Template& tpl,
                        const std::string& text, const mustache::Value& context,
                        const std::string& what) {
  std::string ours;
  BOOST_REQUIRE(!tpl.render(context, ours));
  const auto theirs = mstch::render(text, test::to_mstch(context), loaded.partial_texts);
  BOOST_TEST(ours == theirs, what);
  BOOST_TEST(!ours.empty(), what);
  return ours;
}

// A page through its layout and base, as render_page does it.
void render_page_both(const Loaded& loaded, const SitePage& page, const std::string& layout,
                      mustache::Map extra = {}) {
  const auto& theme = *loaded.theme;
  const auto figures = page_figures(*loaded.site, page, theme.chart_style);
  mustache::Value context(
      page_context(*loaded.site, page, figures, render_markdown(page.page->body)));
  for (auto& [name, value] : extra) context.set(name, std::move(value));
  const auto* tpl = theme.templates.find(layout);
  BOOST_REQUIRE_MESSAGE(tpl, layout);
  auto main = render_both(loaded, *tpl, theme.layouts.at(layout).text(), context,
                          theme.name + " " + layout + " " + page.output_path);
  context.set("main", std::move(main));
  render_both(loaded, *theme.templates.find("base"), theme.layouts.at("base").text(), context,
              theme.name + " base " + page.output_path);
}

// What the open-data plugin adds to a landing page, in kind: lists of maps and texts.
mustache::Map landing_extras() {
  const auto link = [](const std::string& type, const std::string& href) {
    return mustache::Map{{"type", type}, {"href", href}, {"title", type + " <&>"}};
  };
  const mustache::List alternates = {link("text/turtle", "../../catalog.ttl"),
                                     link("application/json", "../../datapackage.json")};
  return {{"downloads", mustache::List{mustache::Map{{"name", "CSV"},
                                                     {"href", "../achievement.csv"},
                                                     {"format", "CSV"},
                                                     {"size", "1.2 KB"},
                                                     {"note", "UTF-8（BOMなし）"}}}},
          {"columns", mustache::List{mustache::Map{{"name", "年度"},
                                                   {"type", "integer"},
                                                   {"type_label", "整数"},
                                                   {"unit", ""},
                                                   {"description", "年度（西暦、4月始まり）"}},
                                     mustache::Map{{"name", "割合 <%>"},
                                                   {"type", "number"},
                                                   {"type_label", "数値"},
                                                   {"unit", "%"},
                                                   {"description", "百分率 & 'x'"}}}},
          {"indicators",
           mustache::List{mustache::Map{
               {"columns", mustache::List{mustache::Map{{"name", "達成率（%）"},
                                                        {"type", "number"},
                                                        {"type_label", "数値"},
                                                        {"unit", "%"},
                                                        {"description", "実績値 <÷> 目標値"}}}}}}},
          {"alternates", alternates},
          {"metadata", alternates},
          {"license_title", "CC BY 4.0"},
          {"license_uri", "https://creativecommons.org/licenses/by/4.0/"},
          {"attribution", "出典：福島県「達成状況」"},
          {"temporal", "令和元年度〜令和3年度"},
          {"json_ld", "{\"@type\": \"Dataset\", \"name\": \"<x> & 'y'\"}"}};
}

void render_every_template(const std::string& theme_name) {
  test::give_mstch_hyokas_escaping();
  const auto loaded = load_sample_site(theme_name);
  const auto& site = *loaded.site;
  BOOST_REQUIRE(site.areas.size() == 5u);
  render_page_both(loaded, site.home, "home");
  for (const auto& area : site.areas) render_page_both(loaded, area, "area");

  Page landing_page;
  landing_page.kind = PageKind::dataset;
  landing_page.id = site.datasets.front().id;
  landing_page.title = site.datasets.front().title;
  const SitePage landing{
      &landing_page, "data/achievement/index.html", "data/achievement/", "../../", {}, 0};
  render_page_both(loaded, landing, "dataset", landing_extras());

  Page missing;
  missing.kind = PageKind::not_found;
  missing.title = "ページが見つかりません";
  const SitePage not_found{&missing, "404.html",  "404.html", site.config.base_url,
                           {},       std::nullopt};
  render_page_both(loaded, not_found, "404");

  // The partials block plugins draw through, with the contexts they give them.
  const auto& theme = *loaded.theme;
  const auto table = overview_table(site, site.home, site.datasets.front());
  render_both(loaded, *theme.templates.partial("table"), loaded.partial_texts.at("table"),
              mustache::Value(table_context(table)), theme_name + " partial table");
  render_both(
      loaded, *theme.templates.partial("chart"), loaded.partial_texts.at("chart"),
      mustache::Value(mustache::Map{
          {"id", "block1-chart"}, {"heading", "見出し"}, {"svg", "<svg>\n</svg>"}, {"href", ""}}),
      theme_name + " partial chart");
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_template_of_the_default_theme_renders_as_mstch_renders_it) {
  render_every_template("default");
}

BOOST_AUTO_TEST_CASE(every_template_of_the_portal_theme_renders_as_mstch_renders_it) {
  render_every_template("portal");
}

// The engine's own rules, where themes rely on them, on small texts.
BOOST_AUTO_TEST_CASE(standalone_lines_indented_partials_and_lookups_render_as_in_mstch) {
  test::give_mstch_hyokas_escaping();
  const std::map<std::string, std::string> partials = {
      {"row", "<tr>\n  {{#cells}}\n  <td>{{text}}</td>\n  {{/cells}}\n</tr>\n"},
      {"svg", "<figure>\n{{{svg}}}\n</figure>\n"}};
  const mustache::Value context(mustache::Map{
      {"rows",
       mustache::List{mustache::Map{{"cells", mustache::List{mustache::Map{{"text", "1"}},
                                                             mustache::Map{{"text", "<2>"}}}}},
                      mustache::Map{{"cells", mustache::List{}}}}},
      {"svg", "<svg>\n<g/>\n</svg>"},
      {"a", mustache::Map{{"b", mustache::Map{{"c", "deep"}}}}},
      {"flag", true},
      {"off", false},
      {"names", mustache::List{"一", "二"}}});
  for (const std::string text : {
           "<table>\n  {{#rows}}\n  {{> row}}\n  {{/rows}}\n</table>\n",
           "<div>\n    {{> svg}}\n</div>",
           "{{a.b.c}}|{{a.c}}|{{#a}}{{b.c}}{{/a}}|{{^off}}no{{/off}}|{{flag}}|{{off}}\n",
           "{{#names}}\n  {{! a comment }}\n  ({{.}})\n{{/names}}\n",
           "  {{#flag}}  \n  x\n  {{/flag}}  \n{{{svg}}}{{&svg}}",
       }) {
    const mustache::TemplateSet set({{"t", text}}, partials);
    BOOST_REQUIRE(set.find("t"));
    std::string ours;
    BOOST_REQUIRE(!set.find("t")->render(context, ours));
    BOOST_TEST(ours == mstch::render(text, test::to_mstch(context), partials), text);
  }
}
