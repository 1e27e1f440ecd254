// The mustache engine: the rules of the mustache specification (v1.1.3, which mstch followed)
// that themes rely on, and mstch's own where the two differ.
#include <boost/test/unit_test.hpp>

#include "render/mustache.h"

using namespace hyoka::mustache;

namespace {

// Where a render stopped, one tag a line: template@offset tag.
std::string chain(const RenderStop& stop) {
  std::string out;
  for (const auto& tag : stop.tags) {
    out += tag.in->name() + "@" + std::to_string(tag.offset) + " " + tag.tag + "\n";
  }
  return out;
}

std::string render(const std::string& text, const Value& context,
                   const std::map<std::string, std::string>& partials = {}) {
  const TemplateSet set({{"t", text}}, partials);
  return set.find("t")->render(context);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mustache)

BOOST_AUTO_TEST_CASE(variables_escape_html_unless_triple_or_ampersand) {
  const Value c(Map{{"x", "<b>\"A&B\"</b>"}});
  BOOST_TEST(render("{{x}}", c) == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
  BOOST_TEST(render("{{{x}}}", c) == "<b>\"A&B\"</b>");
  BOOST_TEST(render("{{& x }}", c) == "<b>\"A&B\"</b>");
  BOOST_TEST(render("[{{missing}}]", c) == "[]");
  BOOST_TEST(render("{{t}} {{f}}", Value(Map{{"t", true}, {"f", false}})) == "true false");
}

// Names are told apart by their length and first seven bytes first: names alike in those
// must still be found by the whole name.
BOOST_AUTO_TEST_CASE(names_alike_at_the_start_are_found_by_the_whole_name) {
  const Value c(Map{{"abcdefgh", "8a"},
                    {"abcdefgi", "8b"},
                    {"abcdefg", "7"},
                    {"`", "backtick"},
                    {"description", "d1"},
                    {"descriptions", "d2"},
                    {"site_title", "t1"},
                    {"site_titlf", "t2"},
                    {"a", "short"},
                    {"ab", "longer"}});
  BOOST_TEST(render("{{description}}|{{descriptions}}|{{site_title}}|{{site_titlf}}|{{a}}|{{ab}}",
                    c) == "d1|d2|t1|t2|short|longer");
  BOOST_TEST(render("[{{descriptionz}}][{{site_tit}}]", c) == "[][]");
  BOOST_TEST(render("{{abcdefgh}}|{{abcdefgi}}|{{abcdefg}}|{{`}}|[{{abcdefgj}}]", c) ==
             "8a|8b|7|backtick|[]");
}

BOOST_AUTO_TEST_CASE(viewed_text_renders_like_owned_text) {
  const std::string text = "<令和>";
  const std::string empty;
  const Value c(Map{{"v", Value::view(text)}, {"e", Value::view(empty)}});
  BOOST_TEST(render("{{v}}|{{{v}}}|{{#e}}shown{{/e}}{{^e}}empty{{/e}}", c) ==
             "&lt;令和&gt;|<令和>|empty");
}

BOOST_AUTO_TEST_CASE(sections_iterate_lists_enter_maps_and_skip_falsy_values) {
  const Value c(Map{{"list", List{Map{{"n", "1"}}, Map{{"n", "2"}}}},
                    {"map", Map{{"n", "m"}}},
                    {"yes", true},
                    {"no", false},
                    {"empty", List{}},
                    {"blank", ""},
                    {"n", "outer"}});
  BOOST_TEST(render("{{#list}}<{{n}}>{{/list}}", c) == "<1><2>");
  BOOST_TEST(render("{{#map}}{{n}}{{/map}}", c) == "m");
  BOOST_TEST(render("{{#yes}}{{n}}{{/yes}}", c) == "outer");
  BOOST_TEST(render("{{#no}}x{{/no}}{{#empty}}x{{/empty}}{{#blank}}x{{/blank}}|", c) == "|");
  BOOST_TEST(render("{{^no}}a{{/no}}{{^empty}}b{{/empty}}{{^blank}}c{{/blank}}{{^yes}}d{{/yes}}",
                    c) == "abc");
  BOOST_TEST(render("{{#list}}{{#list}}{{n}}{{/list}}{{/list}}", c) == "1212");
}

BOOST_AUTO_TEST_CASE(dotted_names_and_the_implicit_iterator) {
  const Value c(
      Map{{"a", Map{{"b", Map{{"c", "deep"}}}}}, {"names", List{"一", "<二>"}}, {"c", "top"}});
  BOOST_TEST(render("{{a.b.c}}", c) == "deep");
  // Only the first name is looked up through the enclosing contexts.
  BOOST_TEST(render("[{{a.c}}]", c) == "[]");
  BOOST_TEST(render("{{#names}}({{.}}){{/names}}", c) == "(一)(&lt;二&gt;)");
  const Value shared(List{"x", "y"});
  BOOST_TEST(render("{{#s}}{{.}}{{/s}}", Value(Map{{"s", Value::borrow(shared)}})) == "xy");
}

BOOST_AUTO_TEST_CASE(standalone_tag_lines_leave_no_blank_lines) {
  const Value c(Map{{"list", List{"a", "b"}}});
  BOOST_TEST(render("<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n</ul>\n", c) ==
             "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
  BOOST_TEST(render("x\n  {{! comment }}\ny\n", c) == "x\ny\n");
  // A variable is content: its line stays.
  BOOST_TEST(render("x\n  {{missing}}\ny", c) == "x\n  \ny");
}

BOOST_AUTO_TEST_CASE(standalone_partials_are_indented_like_their_tag) {
  const Value c(Map{{"svg", "<svg>\n</svg>"}, {"list", List{"1", "2"}}});
  const std::map<std::string, std::string> partials = {
      {"p", "<figure>\n{{{svg}}}\n</figure>\n"}, {"q", "{{#list}}\n<i>{{.}}</i>\n{{/list}}\n"}};
  // Each line of the partial's template is indented; a value's own lines are not.
  BOOST_TEST(render("<div>\n  {{> p}}\n</div>\n", c, partials) ==
             "<div>\n  <figure>\n  <svg>\n</svg>\n  </figure>\n</div>\n");
  // mstch's rule, kept so that themes render as they always did: the indentation goes before
  // each line of the partial after its standalone lines are gone, so a section's repeated lines
  // carry it, and so does what follows the last line.
  BOOST_TEST(render("<b>\n  {{> q}}\n</b>\n", c, partials) ==
             "<b>\n  <i>1</i>\n  <i>2</i>\n  </b>\n");
  BOOST_TEST(render("[{{> p}}]", Value(Map{}), partials) == "[<figure>\n\n</figure>\n]");
  BOOST_TEST(render("[{{> unknown}}]", c, partials) == "[]");
}

BOOST_AUTO_TEST_CASE(a_text_with_problems_is_not_a_template_and_never_renders) {
  const auto problems = [](const std::string& text) {
    std::string out;
    for (const auto& p : compile(text).problems) {
      out += std::to_string(p.offset) + " " + p.message + "\n";
    }
    return out;
  };
  // mstch renders the rest of a text after an unclosed section as nothing and passes over a
  // stray close tag; here neither text is a template.
  BOOST_TEST(problems("a{{#x}}b") == "1 section {{#x}} is never closed: add {{/x}}\n");
  BOOST_TEST(problems("a{{/x}}b") == "1 {{/x}} closes a section that was never opened\n");
  BOOST_TEST(problems("{{#a}}\n{{^b}}{{/a}}{{/b}}") ==
             "13 {{/a}} closes {{#b}}, opened at line 2; close that first with {{/b}}\n"
             "19 {{/b}} closes {{#a}}, opened at line 1; close that first with {{/a}}\n");
  BOOST_TEST(problems("{{x}} {{#}}{{/ }}{{{ }}}{{!}}") ==
             "6 empty tag\n11 empty tag\n17 empty tag\n");
  BOOST_TEST(problems("ok {{{x}} and {{y") == "3 this tag is never closed with }}}\n");
  BOOST_TEST(problems("{{=<% %>=}}") ==
             "0 changing the tag delimiters is not supported; write tags as {{name}}\n");
  const TemplateSet set({{"open", "a{{#x}}b"}, {"stray", "a{{/x}}b"}, {"ok", "[{{> bad}}]"}},
                        {{"bad", "{{#x}}"}});
  BOOST_TEST(!set.find("open"));
  BOOST_TEST(!set.find("stray"));
  BOOST_TEST(!set.partial("bad"));
  BOOST_TEST(set.find("ok")->render(Value(Map{{"x", "1"}})) == "[]");
}

BOOST_AUTO_TEST_CASE(tags_are_read_as_mstch_reads_them) {
  const auto tags = [](const std::string& text) {
    std::string out;
    for (const auto& t : compile(text).tags) {
      out += std::to_string(static_cast<int>(t.kind)) + "[" + t.name + "]";
    }
    return out;
  };
  // Kinds in order: variable 0, raw 1, section 2, inverted 3, close 4, comment 5, partial 6.
  BOOST_TEST(tags("{{ a }}{{{ b }}}{{& c}}{{ # d }}{{^e}}{{/ e }}{{! f }}{{>  g}}") ==
             "0[a]1[b]1[c]2[d]3[e]4[e]5[f]6[g]");
  // Only spaces are trimmed, and the sigil is the first character after them.
  BOOST_TEST(tags("{{\ta}}{{ a\t}}{{\t#a}}") == "0[\ta]0[a\t]0[\t#a]");
  // "{{{" opens a raw tag only with "}}}" after the first "}}".
  BOOST_TEST(tags("{{{a}}}}{{ {b} }}") == "1[a]0[{b}]");
}

BOOST_AUTO_TEST_CASE(partials_in_a_circle_render_finitely) {
  // The theme's checks refuse these before a page renders; they must still not hang.
  const Value c(Map{{"x", "1"}});
  BOOST_TEST(render("{{> self}}!", c, {{"self", "<{{> self}}>"}}) == "<>!");
  BOOST_TEST(render("{{> a}}", c, {{"a", "a{{> b}}"}, {"b", "b{{> a}}"}}) == "ab");
}

BOOST_AUTO_TEST_CASE(a_render_that_outgrows_its_limits_stops_and_names_the_tags_it_was_in) {
  const TemplateSet set({{"page", "<h1>\n{{#list}}{{> twice}}{{/list}}"}},
                        {{"twice", "{{> once}}{{> once}}"}, {"once", "{{#list}}{{.}}{{/list}}"}});
  const auto& page = *set.find("page");
  const Value c(Map{{"list", List{"ab", "cd"}}});
  std::string out;
  BOOST_TEST(!page.render(c, out));
  BOOST_TEST(out == "<h1>\nabcdabcdabcdabcd");
  // At most 8 bytes: "<h1>\n" and "ab" fit, "cd" crosses, inside the first item, the first
  // {{> once}} and its second pass; what crossed stays.
  out.clear();
  const auto stop = page.render(c, out, RenderLimits{8, 1000});
  BOOST_REQUIRE(stop);
  BOOST_TEST(stop->too_large);
  BOOST_TEST(chain(*stop) ==
             "page@5 {{#list}}\n"
             "page@14 {{> twice}}\n"
             "twice@0 {{> once}}\n"
             "once@0 {{#list}}\n"
             "once@9 {{.}}\n");
  BOOST_TEST(out == "<h1>\nabcd");
  // Passes: the first item (1), {{> twice}} (2), {{> once}} (3) and its two items (4, 5),
  // the second {{> once}} (6); its first item is the seventh.
  out.clear();
  const auto passes = page.render(c, out, RenderLimits{1000, 6});
  BOOST_REQUIRE(passes);
  BOOST_TEST(!passes->too_large);
  BOOST_TEST(chain(*passes) ==
             "page@5 {{#list}}\n"
             "page@14 {{> twice}}\n"
             "twice@10 {{> once}}\n"
             "once@0 {{#list}}\n");
}

BOOST_AUTO_TEST_SUITE_END()
