#define BOOST_TEST_MODULE base
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "base/confined_file_system.h"
#include "base/diagnostics.h"
#include "base/era.h"
#include "base/escape.h"
#include "base/file_system.h"
#include "base/masked_output.h"
#include "base/mistyped_argument.h"
#include "base/mounted_file_system.h"
#include "base/phrases.h"
#include "base/spellcheck.h"
#include "base/toml_depth.h"
#include "base/toml_reader.h"
#include "base/utf8.h"
#include "support/messages.h"

using namespace hyoka;
using hyoka::test::first_lines;

BOOST_AUTO_TEST_CASE(fiscal_years_are_labelled_across_the_heisei_reiwa_boundary) {
  const auto style = FiscalYearStyle::wareki_seireki;
  BOOST_TEST(fiscal_year_label(2018, style) == "平成30年度（2018年度）");
  BOOST_TEST(fiscal_year_label(2019, style) == "令和元年度（2019年度）");
  BOOST_TEST(fiscal_year_label(2020, style) == "令和2年度（2020年度）");
  BOOST_TEST(fiscal_year_label(2021, style) == "令和3年度（2021年度）");
  BOOST_TEST(fiscal_year_label(1989, style) == "平成元年度（1989年度）");
  BOOST_TEST(fiscal_year_label(1988, style) == "昭和63年度（1988年度）");
  BOOST_TEST(fiscal_year_label(2019, FiscalYearStyle::wareki) == "令和元年度");
  BOOST_TEST(fiscal_year_label(2019, FiscalYearStyle::seireki) == "2019年度");
}

BOOST_AUTO_TEST_CASE(era_years_convert_to_western_years_within_the_era) {
  BOOST_TEST(*to_western("令和", 1) == 2019);
  BOOST_TEST(*to_western("令和", 3) == 2021);
  BOOST_TEST(*to_western("平成", 30) == 2018);
  BOOST_TEST(!to_western("平成", 40));
  BOOST_TEST(!to_western("令和", 0));
  BOOST_TEST(!to_western("天平", 1));
}

BOOST_AUTO_TEST_CASE(positions_count_characters_not_bytes) {
  const SourceText text("a.md", "一行目\n令和３（２０２２）年度\r\nlast");
  BOOST_TEST(text.line_count() == 3);
  BOOST_TEST(text.line(2) == "令和３（２０２２）年度");  // without the \r
  const auto at = text.position_at(text.text().find("（"));
  BOOST_TEST(at.line == 2);
  BOOST_TEST(at.column == 4);
  BOOST_TEST(text.offset_of({2, 4}) == text.text().find("（"));
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_dropped_and_does_not_shift_columns) {
  const SourceText text("a.toml", "\xEF\xBB\xBFtitle = 1");
  BOOST_TEST(text.line(1) == "title = 1");
  BOOST_TEST(text.position_at(0).column == 1);
}

BOOST_AUTO_TEST_CASE(diagnostics_print_path_line_column_source_and_caret) {
  const SourceText text("content/a.md", "x\n令和３（２０２２）年度\n");
  Diagnostics diags;
  diags.warning(text, {2, 1}, "era year and Western year disagree");
  diags.error(text, {1, 1}, "first");
  const auto sorted = diags.sorted();
  BOOST_TEST(format(sorted[0]) == "content/a.md:1:1: error: first\n 1 | x\n   | ^\n");
  BOOST_TEST(format(sorted[1]) ==
             "content/a.md:2:1: warning: era year and Western year disagree\n"
             " 2 | 令和３（２０２２）年度\n"
             "   | ^\n");
  // The caret under a wide character lands two columns on for each wide character before it.
  Diagnostics later;
  later.error(text, {2, 4}, "here");
  BOOST_TEST(format(later.all()[0]).ends_with("   |       ^\n"));
  BOOST_TEST(diags.errors() == 1);
  BOOST_TEST(diags.warnings() == 1);
  diags.promote_warnings();
  BOOST_TEST(diags.errors() == 2);
}

// hyoka's own commands, as main.cpp gives them.
const CommandWords kHyoka{
    "hyoka",
    {"--help", "--version"},
    {{"build", {"--help", "--source", "--destination", "--strict"}, {}},
     {"new", {"--help", "--title"}, {}},
     {"theme", {"--help"}, {{"copy", {"--help"}, {}}, {"list", {"--help"}, {}}}}}};

std::string typo(const std::vector<std::string>& args) {
  return mistyped_argument(kHyoka, args).value_or("none");
}

BOOST_AUTO_TEST_CASE(a_mistyped_command_or_long_option_is_named_with_the_one_meant) {
  BOOST_TEST(typo({"biuld"}) == "hyoka: unknown command \"biuld\"; did you mean \"build\"?");
  BOOST_TEST(typo({"build", "--sorce", "site"}) ==
             "hyoka build: unknown option \"--sorce\"; did you mean \"--source\"?");
  BOOST_TEST(typo({"build", "--source", "site", "--destinaton=out"}) ==
             "hyoka build: unknown option \"--destinaton\"; did you mean \"--destination\"?");
  BOOST_TEST(typo({"theme", "lsit"}) ==
             "hyoka theme: unknown command \"lsit\"; did you mean \"list\"?");
  BOOST_TEST(typo({"--verison"}) ==
             "hyoka: unknown option \"--verison\"; did you mean \"--version\"?");
  // An option of another command is not offered.
  BOOST_TEST(typo({"new", "site", "--sorce"}) == "none");
}

BOOST_AUTO_TEST_CASE(arguments_values_and_far_words_are_not_typos) {
  // Known words, and the arguments of a command without commands inside it ("new"'s folder
  // "buidl" is a name, not a typo of "build").
  BOOST_TEST(typo({"build", "--source", "biuld", "--strict"}) == "none");
  BOOST_TEST(typo({"new", "buidl", "--title=x"}) == "none");
  BOOST_TEST(typo({"theme", "copy", "defualt"}) == "none");
  BOOST_TEST(typo({"build", "-s", "site"}) == "none");
  // Nothing close: the parser's own message says more.
  BOOST_TEST(typo({"frobnicate"}) == "none");
  BOOST_TEST(typo({"build", "--frobnicate"}) == "none");
  BOOST_TEST(typo({"build", "--", "--sorce"}) == "none");
  BOOST_TEST(typo({}) == "none");
}

BOOST_AUTO_TEST_CASE(did_you_mean_suggests_close_names_and_lists_few_others) {
  BOOST_TEST(did_you_mean("recovry", {"recovery", "safety"}) == "; did you mean \"recovery\"?");
  BOOST_TEST(did_you_mean("implemnted", {"implemented", "achieved"}) ==
             "; did you mean \"implemented\"?");
  BOOST_TEST(did_you_mean("zzz", {"b", "a"}) == "; expected one of: a, b");
  BOOST_TEST(did_you_mean("zzz", {}) == "");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_at_the_first_bad_byte) {
  MemoryFileSystem fs(std::map<std::string, std::string>{{"a.md", "ok\nab\xff"}});
  Diagnostics diags;
  BOOST_TEST(!read_source(fs, "a.md", read_limit::page, diags));
  BOOST_TEST(format(diags.all().at(0))
                 .starts_with("a.md:2:3: error: this file is not valid UTF-8; save it as UTF-8\n"));
  BOOST_TEST(!utf8::first_invalid("令和"));
  BOOST_TEST(*utf8::first_invalid("\xe4\xbb") == 0u);  // cut short
  BOOST_TEST(*utf8::first_invalid("\xc0\xaf") == 0u);  // overlong
}

BOOST_AUTO_TEST_CASE(a_mounted_file_system_answers_for_its_folder_and_the_outer_for_the_rest) {
  const MemoryFileSystem mounted(std::map<std::string, std::string>{
      {"<built-in>/themes/default/theme.toml", "name = \"default\""}});
  const MountedFileSystem fs(
      std::make_unique<MemoryFileSystem>(std::map<std::string, std::string>{
          {"themes/mine/theme.toml", "name = \"mine\""}, {"<built-in>x/a.md", "outer"}}),
      "<built-in>/themes", mounted);
  BOOST_TEST(*fs.read("<built-in>/themes/default/theme.toml", read_limit::settings) ==
             "name = \"default\"");
  BOOST_TEST(fs.list_dirs("<built-in>/themes") == std::vector<std::string>{"default"});
  BOOST_TEST(fs.list_dirs("themes") == std::vector<std::string>{"mine"});
  // Only the mount point and what lies below it: a name that merely starts the same is outer.
  BOOST_TEST(*fs.read("<built-in>x/a.md", read_limit::page) == "outer");
  BOOST_TEST((fs.kind("themes/default") == FileSystem::Kind::missing));
}

BOOST_AUTO_TEST_CASE(memory_file_system_lists_files_and_folders_sorted) {
  MemoryFileSystem fs({{"site/content/b.md", ""}, {"site/content/a/x.md", ""}, {"site/t/y", ""}});
  BOOST_TEST((fs.kind("site/content") == FileSystem::Kind::directory));
  BOOST_TEST((fs.kind("site/content/b.md") == FileSystem::Kind::file));
  BOOST_TEST((fs.kind("site/nope") == FileSystem::Kind::missing));
  BOOST_TEST(*fs.list_files("site/content") == (std::vector<std::string>{"a/x.md", "b.md"}));
  BOOST_TEST(fs.list_dirs("site") == (std::vector<std::string>{"content", "t"}));
  BOOST_TEST(join_path(".", "content/a.md") == "content/a.md");
  BOOST_TEST(join_path("site/", "./x") == "site/x");
  // Paths that need no normalising take a shorter way to the same result.
  for (const auto& [dir, name] :
       std::vector<std::pair<std::string, std::string>>{{"/tmp/site/content", "areas/a.md"},
                                                        {"content", "areas/a.md"},
                                                        {"a", "b"},
                                                        {"/a/./b", "c"},
                                                        {"a/../b", "c"},
                                                        {"a", "../c"},
                                                        {"a", "b/"},
                                                        {"/", "x"},
                                                        {"a//b", "c"},
                                                        {".", "x"}}) {
    // Not in a lambda: clang 14 cannot capture a structured binding.
    auto expected = (std::filesystem::path(dir) / name).lexically_normal().generic_string();
    while (expected.starts_with("./")) expected.erase(0, 2);
    BOOST_TEST(join_path(dir, name) == expected, dir + " + " + name);
  }
}

BOOST_AUTO_TEST_CASE(toml_syntax_errors_are_reported_at_their_file_position) {
  const SourceText text("d.toml", "a = 1\nb c\n");
  Diagnostics diags;
  TomlReader reader(text, diags);
  BOOST_TEST(!reader.parse(text.text()));
  BOOST_TEST(format(diags.all().at(0)) ==
             "d.toml:2:3: error: invalid TOML: expected '=', saw 'c' (while reading a key-value "
             "pair)\n"
             " 2 | b c\n"
             "   |   ^\n");
}

BOOST_AUTO_TEST_CASE(toml_positions_are_shifted_by_the_first_line) {
  const SourceText text("p.md", "+++\ntitle = 3\n+++\n");
  Diagnostics diags;
  TomlReader reader(text, diags, 2);
  const auto doc = reader.parse("title = 3\n");
  BOOST_REQUIRE(doc);
  BOOST_TEST(!reader.get_string(*doc, "title", Need::required));
  BOOST_TEST(format(diags.all().at(0))
                 .starts_with("p.md:2:9: error: \"title\" must be a string, not an integer\n"));
}

BOOST_AUTO_TEST_CASE(integers_beyond_64_bits_are_an_error_not_a_wrapped_value) {
  const SourceText text("d.toml", "a = 1\nn = 99999999999999999999\n");
  Diagnostics diags;
  TomlReader reader(text, diags);
  BOOST_TEST(!reader.parse(text.text()));
  BOOST_TEST(first_lines(diags) ==
             "d.toml:2:5: error: invalid TOML: '99999999999999999999' is "
             "not representable in 64 bits (while reading a decimal "
             "integer)\n");
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_reported_at_the_key_with_a_suggestion) {
  const SourceText text("s.toml", "title = \"x\"\n  unti = \"件\"\n");
  Diagnostics diags;
  TomlReader reader(text, diags);
  const auto doc = reader.parse(text.text());
  BOOST_REQUIRE(doc);
  reader.check_keys(*doc, {"title", "unit"}, "a dataset");
  BOOST_TEST(
      format(diags.all().at(0))
          .starts_with(
              "s.toml:2:3: error: unknown key \"unti\" in a dataset; did you mean \"unit\"?\n"));
  BOOST_TEST(reader.keys_in_order(*doc) == (std::vector<std::string>{"title", "unti"}));
}

BOOST_AUTO_TEST_CASE(a_key_is_found_as_a_whole_word_not_inside_a_longer_key) {
  const SourceText text("d.toml", "r = { label = \"割合\", numerator = \"met\", num = 1 }\n");
  Diagnostics diags;
  TomlReader reader(text, diags);
  const auto doc = reader.parse(text.text());
  BOOST_REQUIRE(doc);
  reader.check_keys(doc->at("r"), {"label", "numerator"}, "[ratios]");
  BOOST_TEST(
      first_lines(diags) ==
      "d.toml:1:40: error: unknown key \"num\" in [ratios]; expected one of: label, numerator\n");
}

BOOST_AUTO_TEST_CASE(prefixed_integers_beyond_64_bits_are_refused) {
  for (const std::string& bad : std::vector<std::string>{
           "0x8000000000000000", "0o1000000000000000000000", "0b1" + std::string(63, '0')}) {
    const SourceText text("d.toml", "n = " + bad + "\n");
    Diagnostics diags;
    TomlReader reader(text, diags);
    BOOST_TEST(!reader.parse(text.text()), bad);
  }
  for (const std::string& good : std::vector<std::string>{
           "0x7fffffffffffffff", "0o777777777777777777777", "0b" + std::string(62, '1'),
           "\"0x10000000000000000 in a string\""}) {
    const SourceText text("d.toml", "n = " + good + "\n");
    Diagnostics diags;
    TomlReader reader(text, diags);
    BOOST_TEST(reader.parse(text.text()).has_value(), good);
  }
}

// Found by fuzzing: toml11 read past its buffer here, and toml++ 3.3 reaches undefined
// behaviour on some invalid UTF-8; the reader refuses it before either parses.
BOOST_AUTO_TEST_CASE(invalid_utf8_is_a_syntax_error) {
  const SourceText text("d.toml", std::string(" '\x89'''''''\x8a\xff\xff\xff\xff", 15));
  Diagnostics diags;
  TomlReader reader(text, diags);
  BOOST_TEST(!reader.parse(text.text()));
  BOOST_TEST(first_lines(diags) ==
             "d.toml:1:3: error: invalid TOML: this text is not valid UTF-8\n");
}

BOOST_AUTO_TEST_CASE(the_first_invalid_byte_is_found_wherever_it_is) {
  // ASCII is skipped in blocks of eight: the bad byte at every offset around the blocks.
  for (std::size_t at = 0; at < 20; ++at) {
    std::string text(24, 'a');
    text.replace(0, 3, "\xE3\x81\x82");  // あ
    if (at >= 3) {
      text[at] = '\xFF';
      BOOST_TEST(utf8::first_invalid(text).value_or(99) == at, at);
    }
    text[at >= 3 ? at : 10] = '\xE3';  // a lead byte without its continuation bytes
    BOOST_TEST(utf8::first_invalid(text).has_value(), at);
  }
  BOOST_TEST(!utf8::first_invalid("plain ASCII text, longer than eight bytes").has_value());
  BOOST_TEST(!utf8::first_invalid("\xE3\x81\x82"
                                  "abcdefghij"
                                  "\xE3\x81\x84")
                  .has_value());
}

// Unicode 15, Table 3-7 (well-formed UTF-8 byte sequences): validation reads the table's ranges
// directly; decoding (utf8::next) computes code points and refuses overlongs, surrogates and
// values past U+10FFFF. The two must agree on every one-, two- and three-byte sequence, and on
// the four-byte ones at the table's edges.
BOOST_AUTO_TEST_CASE(validation_agrees_with_decoding_and_the_unicode_table) {
  const auto decodes = [](std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      if (!utf8::next(text, pos)) return false;
    }
    return true;
  };
  std::size_t checked = 0, mismatches = 0;
  for (unsigned a = 0x80; a < 0x100; ++a) {
    for (unsigned b = 0; b < 0x100; ++b) {
      for (unsigned c = 0; c < 0x100; ++c) {
        const char bytes[] = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        const std::string_view text(bytes, 3);
        if (utf8::first_invalid(text).has_value() == decodes(text)) ++mismatches;
        ++checked;
      }
    }
  }
  BOOST_TEST(checked == 128u * 256u * 256u);
  BOOST_TEST(mismatches == 0u);
  const auto valid = [](std::string_view text) { return !utf8::first_invalid(text).has_value(); };
  BOOST_TEST(valid("\xE0\xA0\x80"));       // U+0800, the first three-byte code point
  BOOST_TEST(!valid("\xE0\x9F\xBF"));      // overlong
  BOOST_TEST(valid("\xED\x9F\xBF"));       // U+D7FF
  BOOST_TEST(!valid("\xED\xA0\x80"));      // a surrogate
  BOOST_TEST(valid("\xEF\xBF\xBF"));       // U+FFFF
  BOOST_TEST(valid("\xF0\x90\x80\x80"));   // U+10000
  BOOST_TEST(!valid("\xF0\x8F\xBF\xBF"));  // overlong
  BOOST_TEST(valid("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  BOOST_TEST(!valid("\xF4\x90\x80\x80"));  // past U+10FFFF
  BOOST_TEST(!valid("\xF5\x80\x80\x80"));
  BOOST_TEST(!valid("\xC1\xBF"));      // overlong
  BOOST_TEST(valid("\xC2\x80"));       // U+0080
  BOOST_TEST(!valid("\xF0\x90\x80"));  // cut short
  for (const auto* four : {"\xF0\x90\x80\x80", "\xF1\x80\x80\x80", "\xF3\xBF\xBF\xBF",
                           "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF0\x8F\xBF\xBF"}) {
    BOOST_TEST(valid(four) == decodes(four), four);
  }
}

BOOST_AUTO_TEST_CASE(markup_is_escaped_wherever_it_falls_in_the_eight_byte_blocks) {
  for (std::size_t at = 0; at < 20; ++at) {
    for (const auto& [c, entity] : std::vector<std::pair<char, std::string>>{
             {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}}) {
      std::string text = "令和" + std::string(20, 'a');
      text[6 + at < text.size() ? 6 + at : 6] = c;
      const auto at_byte = text.find(c);
      const std::string expected = text.substr(0, at_byte) + entity + text.substr(at_byte + 1);
      BOOST_TEST(escape_markup(text) == expected);
    }
  }
  BOOST_TEST(escape_markup("a&&b<<>>\"'") == "a&amp;&amp;b&lt;&lt;&gt;&gt;&quot;'");
  BOOST_TEST(escape_markup("") == "");
  BOOST_TEST(escape_markup("令和元年度の実績") == "令和元年度の実績");
}

// toml++ 3.3 marks a default case unreachable that kana after a line-ending backslash in a
// multi-line string reach (marzer/tomlplusplus#190). Debian's compiled library answers "not
// whitespace", which reads the string right; this pins that on the library hyoka links.
BOOST_AUTO_TEST_CASE(kana_after_a_line_ending_backslash_read_right) {
  const SourceText text("d.toml", "description = \"\"\"\\\n  あいう。\"\"\"\n");
  Diagnostics diags;
  TomlReader reader(text, diags);
  const auto doc = reader.parse(text.text());
  BOOST_REQUIRE(doc);
  BOOST_TEST(*reader.get_string(*doc, "description", Need::required) == "あいう。");
}

BOOST_AUTO_TEST_CASE(a_long_source_line_is_quoted_in_a_window_around_the_caret) {
  // One problem on a 1 MB line prints about 120 columns of it, not a megabyte.
  const std::string line = std::string(500000, 'a') + "X" + std::string(500000, 'b');
  const SourceText source("big.toml", line + "\n");
  Diagnostics diags;
  diags.error(source, {1, 500001}, "here");
  const auto text = format(diags.all().at(0));
  BOOST_TEST(text.size() < 400u);
  std::istringstream lines(text);
  std::string first, quoted, caret;
  std::getline(lines, first);
  std::getline(lines, quoted);
  std::getline(lines, caret);
  BOOST_TEST(first == "big.toml:1:500001: error: here");
  BOOST_TEST(quoted.starts_with(" 1 | ..."));
  BOOST_TEST(quoted.ends_with("..."));
  BOOST_TEST(quoted.size() - std::string(" 1 | ").size() <= kQuotedWidth);
  // The caret stands under the X.
  BOOST_TEST(quoted.at(caret.find('^')) == 'X');
}

BOOST_AUTO_TEST_CASE(a_window_of_wide_characters_keeps_the_caret_under_its_character) {
  std::string line;
  for (int i = 0; i < 200; ++i) line += "あ";
  line += "点";
  for (int i = 0; i < 200; ++i) line += "い";
  const SourceText source("p.md", line);
  Diagnostics diags;
  diags.error(source, {1, 201}, "here");
  const auto text = format(diags.all().at(0));
  const auto quoted_start = text.find(" 1 | ") + 5;
  const auto quoted = text.substr(quoted_start, text.find('\n', quoted_start) - quoted_start);
  const auto caret_line = text.substr(text.rfind(" | ", text.size() - 2) + 3);
  const auto columns = caret_line.find('^');
  // Columns before 点 in the quote: "..." then two per wide character.
  const auto before = quoted.substr(0, quoted.find("点"));
  BOOST_TEST(before.starts_with("..."));
  BOOST_TEST(columns == utf8::display_width(before));
  BOOST_TEST(utf8::display_width(quoted) <= kQuotedWidth);
}

BOOST_AUTO_TEST_CASE(control_characters_and_bad_bytes_in_messages_are_shown_as_escapes) {
  BOOST_TEST(utf8::printable("a\nb\tc\rd\x1b[31me\x7f\xff") == "a\\nb\\tc\\rd\\x1b[31me\\x7f\\xff");
  // U+0085 and U+009B are C1 controls in valid UTF-8; U+00A0 is not.
  BOOST_TEST(utf8::printable("\xc2\x85\xc2\x9b\xc2\xa0") == "\\u0085\\u009b\xc2\xa0");
  // A lone continuation byte, an overlong NUL, a UTF-16 surrogate and a cut-off character.
  BOOST_TEST(utf8::printable("\x80 \xc0\x80 \xed\xa0\x80 \xe3\x81") ==
             R"(\x80 \xc0\x80 \xed\xa0\x80 \xe3\x81)");
  BOOST_TEST(utf8::printable("政策評価・ICT（2024）") == "政策評価・ICT（2024）");
  BOOST_TEST(utf8::printable("one\ntwo\r\n", utf8::LineBreaks::kept) == "one\ntwo\\r\n");
  BOOST_TEST(utf8::printable("a\n    b\nc", utf8::LineBreaks::kept_before_an_indent) ==
             "a\n    b\\nc");
  Diagnostics diags;
  diags.report_file(Severity::warning, "content/x\ny\xff.md", "name \"\x1b]0;t\x07\"");
  BOOST_TEST(format(diags.all().at(0)) ==
             "content/x\\ny\\xff.md: warning: name \"\\x1b]0;t\\x07\"\n");
  // A control character in the quoted line is escaped and the caret still finds its column.
  const SourceText source("s.toml", "a = \"\x1b\" x");
  Diagnostics line_diags;
  line_diags.error(source, {1, 8}, "bad");
  BOOST_TEST(format(line_diags.all().at(0)) ==
             "s.toml:1:8: error: bad\n 1 | a = \"\\x1b\" x\n   |           ^\n");
}

BOOST_AUTO_TEST_CASE(toml_nested_deeper_than_the_limit_is_found_before_parsing) {
  // Valid TOML of every shape stays below the limit.
  BOOST_TEST(
      !find_too_deep("a.b.c = 1\n[t.u]\nx = [[1, 2], {y.z = \"a.b.c.d\"}]\n"
                     "s = '''\n[[[[\n'''\n# a.b.c.d.e.f.g\n[[rows]]\narea = \"x\"\n",
                     6));
  BOOST_TEST(*find_too_deep("[t.u]\nx = [[1, 2], {y.z = 1}]\n", 5) == 21u);
  BOOST_TEST(*find_too_deep("a.b.c.d.e = 1", 4) == 7u);
  BOOST_TEST(*find_too_deep("[a.b.c.d.e]", 4) == 8u);
  BOOST_TEST(*find_too_deep("x = [[[[1]]]]", 4) == 7u);
  BOOST_TEST(*find_too_deep("[a.b]\nc.d.e = 1", 4) == 9u);
  BOOST_TEST(*find_too_deep("x = {a.b = {c = 1}}", 3) == 11u);
  // Quoted keys and strings do not count their dots.
  BOOST_TEST(!find_too_deep("\"a.b.c.d.e\" = 'x.y.z.w.v'", 2));
  std::string deep = "a";
  for (int i = 0; i < 40000; ++i) deep += ".a";
  deep += " = 1\n";
  Diagnostics diags;
  const SourceText source("site.toml", deep);
  TomlReader reader(source, diags);
  BOOST_TEST(!reader.parse(deep));
  BOOST_TEST(first_lines(diags).starts_with("site.toml:1:" + std::to_string(kMaxTomlDepth * 2) +
                                            ": error: invalid TOML: nested more than 64 levels"));
}

BOOST_AUTO_TEST_CASE(only_regular_files_are_read_and_none_beyond_its_limit) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("hyoka-base-" + std::to_string(std::random_device()()));
  std::filesystem::create_directories(dir / "folder");
  const auto path = [&](const char* name) { return (dir / name).string(); };
  BOOST_REQUIRE(::mkfifo(path("pipe").c_str(), 0644) == 0);
  std::filesystem::create_symlink("/dev/zero", dir / "zero");
  std::filesystem::create_symlink("folder", dir / "folder-link");
  { std::ofstream(path("big")) << std::string((1u << 20) + 1, 'x'); }
  const RealFileSystem fs;
  BOOST_TEST(fs.read(path("pipe"), read_limit::settings).error ==
             "is a named pipe (FIFO), not a file");
  BOOST_TEST(fs.read(path("zero"), read_limit::settings).error == "is a device, not a file");
  BOOST_TEST(fs.read(path("folder"), read_limit::settings).error == "is a folder, not a file");
  BOOST_TEST(fs.read(path("folder-link"), read_limit::settings).error ==
             "is a link to a folder; hyoka follows links to files only");
  BOOST_TEST(fs.read(path("big"), read_limit::settings).error ==
             "is 1.01 MiB, more than hyoka reads of a settings file (1 MiB)");
  BOOST_TEST(fs.read(path("big"), read_limit::page).value->size() == (1u << 20) + 1);
  // Everything but a folder is listed, for read() to report.
  BOOST_TEST(*fs.list_files(dir.string()) ==
             (std::vector<std::string>{"big", "folder-link", "pipe", "zero"}));
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(links_out_of_the_site_are_refused_unless_allowed_and_system_files_always) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("hyoka-base-" + std::to_string(std::random_device()()));
  std::filesystem::create_directories(dir / "site/static");
  std::filesystem::create_directories(dir / "shared");
  { std::ofstream(dir / "shared/logo.svg") << "<svg/>"; }
  { std::ofstream(dir / "site/static/own.txt") << "own"; }
  std::filesystem::create_symlink("own.txt", dir / "site/static/inside.txt");
  std::filesystem::create_symlink(dir / "shared/logo.svg", dir / "site/static/logo.svg");
  std::filesystem::create_symlink("/proc/self/environ", dir / "site/static/env.txt");
  std::filesystem::create_symlink("/etc/hostname", dir / "site/static/host.txt");
  const RealFileSystem disk;
  const auto file = [&](const char* name) { return (dir / "site/static" / name).string(); };
  const ConfinedFileSystem confined(disk, (dir / "site").string());
  BOOST_TEST(*confined.read(file("inside.txt"), read_limit::static_file) == "own");
  BOOST_TEST(confined.read(file("logo.svg"), read_limit::static_file).error ==
             "leads outside the site's folder, to " + (dir / "shared/logo.svg").string() +
                 "; hyoka reads no file there unless site.toml lists its folder in "
                 "allow_links_to");
  BOOST_TEST(confined.read(file("env.txt"), read_limit::static_file).error ==
             "leads into /proc; hyoka never reads the system's files in /proc, /sys or /dev");
  BOOST_TEST(!confined.read(file("host.txt"), read_limit::static_file));
  // Allowed: a folder beside the site, named from the site's folder; /proc never.
  const ConfinedFileSystem allowing(disk, (dir / "site").string(), {"../shared", "/proc"});
  BOOST_TEST(*allowing.read(file("logo.svg"), read_limit::static_file) == "<svg/>");
  BOOST_TEST(!allowing.read(file("env.txt"), read_limit::static_file));
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_secret_is_masked_in_every_line_written_through_the_masking_buffer) {
  std::ostringstream sink;
  {
    MaskingBuffer masking(sink.rdbuf(), "s3cret-token");
    std::ostream out(&masking);
    out << "a s3cr" << std::flush;  // held: the line is not whole
    out << "et-token b\nline two s3cret-token s3cret-token\n";
    out << "no newline s3cret-token" << std::flush;
  }
  BOOST_TEST(sink.str() == "a *** b\nline two *** ***\nno newline ***");
  BOOST_TEST(mask_secret("abc", "") == "abc");
}

// The phrases of `text`, joined with "|".
static std::string phrase_breaks(std::string_view text) {
  std::string out;
  for (const auto piece : phrases(text)) out += (out.empty() ? "" : "|") + std::string(piece);
  return out;
}

BOOST_AUTO_TEST_CASE(headings_break_between_phrases_and_never_inside_a_run_of_kanji) {
  // The sample site's headings and area names.
  BOOST_TEST(phrase_breaks("実施事業項目") == "実施事業項目");
  BOOST_TEST(phrase_breaks("施策展開方向") == "施策展開方向");
  BOOST_TEST(phrase_breaks("達成項目の割合") == "達成項目の|割合");
  BOOST_TEST(phrase_breaks("復興の推進") == "復興の|推進");
  BOOST_TEST(phrase_breaks("目標達成項目（目標達成+計画通り実施）") ==
             "目標達成項目|（目標達成+計画通り実施）");
  BOOST_TEST(phrase_breaks("令和元年度（2019年度）") == "令和元年度|（2019年度）");
  BOOST_TEST(phrase_breaks("安全・安心、健康なくらし") == "安全・|安心、|健康なくらし");
  BOOST_TEST(phrase_breaks("教育・ICT人材育成") == "教育・|ICT|人材育成");
  BOOST_TEST(phrase_breaks("ふくしまICTデータ利活用社会推進プラン") ==
             "ふくしまICT|データ|利活用社会推進|プラン");
  // A single kanji beside katakana is a prefix or a suffix; okurigana are not particles.
  BOOST_TEST(phrase_breaks("行政手続のデジタル化") == "行政手続の|デジタル化");
  BOOST_TEST(phrase_breaks("新システムの取り組み") == "新システムの|取り組み");
  BOOST_TEST(phrase_breaks("人材育成およびDX（デジタル・トランスフォーメーション）の推進") ==
             "人材育成および|DX|（デジタル・|トランスフォーメーション）の|推進");
  BOOST_TEST(phrase_breaks("地域における課題") == "地域における|課題");
  // No phrase starts with a closing mark or ends with an opening one.
  BOOST_TEST(phrase_breaks("（注）、「目標」：件") == "（注）、|「目標」：|件");
  BOOST_TEST(phrase_breaks("Achievement rate (%)") == "Achievement rate (%)");
  BOOST_TEST(phrase_breaks("") == "");
  BOOST_TEST(phrase_breaks("\xffの推進") == "\xffの|推進");  // a byte that is not UTF-8
}
