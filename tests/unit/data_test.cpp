#define BOOST_TEST_MODULE data
#include <boost/test/unit_test.hpp>

#include "support/messages.h"

#include "data/dataset.h"

using namespace hyoka;

namespace {

const std::string kHeader =
    "title = \"達成状況\"\n"            // 1
    "unit = \"件\"\n"                   // 2
    "periods = [2019, 2020]\n"          // 3
    "[measures.implemented]\n"          // 4
    "label = \"実施\"\n"                // 5
    "[measures.achieved]\n"             // 6
    "label = \"達成\"\n"                // 7
    "at_most = \"implemented\"\n"       // 8
    "[ratios.rate]\n"                   // 9
    "label = \"割合\"\n"                // 10
    "numerator = \"achieved\"\n"        // 11
    "denominator = \"implemented\"\n";  // 12

struct Parsed {
  Diagnostics diags;
  std::optional<Dataset> dataset;
  std::string messages() const { return hyoka::test::first_lines(diags); }
};

// The counts as numbers, -1 where one is missing, for comparing with what the source says.
std::vector<std::int64_t> figures(const std::vector<Count>& counts) {
  std::vector<std::int64_t> out;
  for (const auto& c : counts) out.push_back(c.present() ? c.value : -1);
  return out;
}

Parsed parse(const std::string& text) {
  Parsed p;
  p.dataset = parse_dataset(SourceText("d.toml", text), "d", p.diags);
  return p;
}

}  // namespace

BOOST_AUTO_TEST_CASE(parses_measures_in_written_order_and_computes_totals) {
  const auto p = parse(kHeader +
                       "[[rows]]\narea = \"a\"\nimplemented = [12, 10]\nachieved = [9, 8]\n"
                       "[[rows]]\narea = \"b\"\nimplemented = [31, 34]\nachieved = [28, 28]\n");
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  BOOST_TEST(d.measure_ids() == (std::vector<std::string>{"implemented", "achieved"}));
  BOOST_TEST(d.periods == (std::vector<int>{2019, 2020}));
  BOOST_TEST(figures(d.totals[0]) == (std::vector<std::int64_t>{43, 44}));
  BOOST_TEST(figures(d.totals[1]) == (std::vector<std::int64_t>{37, 36}));
  BOOST_TEST(d.shown(d.total_ratio(d.ratios[0], 0)) == "86.0%");
  BOOST_TEST(d.rows[1].area == "b");
  BOOST_TEST(p.diags.all().empty());
}

BOOST_AUTO_TEST_CASE(errors_when_values_and_periods_differ_in_length) {
  const auto p = parse(kHeader + "[[rows]]\narea = \"a\"\nimplemented = [12]\nachieved = [9, 8]\n");
  BOOST_TEST(!p.dataset);
  BOOST_TEST(p.messages() ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:15:15: error: \"implemented\" has 1 value but there are 2 periods"}));
}

BOOST_AUTO_TEST_CASE(errors_on_negative_counts_at_the_value) {
  const auto p =
      parse(kHeader + "[[rows]]\narea = \"a\"\nimplemented = [12, -1]\nachieved = [9, 0]\n");
  BOOST_TEST(p.messages() == hyoka::test::lines(std::vector<std::string>{
                                 "d.toml:15:20: error: a count cannot be negative: -1"}));
}

BOOST_AUTO_TEST_CASE(errors_when_a_count_exceeds_its_at_most_bound) {
  const auto p =
      parse(kHeader + "[[rows]]\narea = \"a\"\nimplemented = [12, 10]\nachieved = [9, 11]\n");
  BOOST_TEST(!p.dataset);
  BOOST_TEST(p.messages() == hyoka::test::lines(std::vector<std::string>{
                                 "d.toml:16:16: error: achieved (11) is more than "
                                 "implemented (10) for area \"a\", fiscal year 2020"}));
}

BOOST_AUTO_TEST_CASE(errors_when_a_sum_of_measure_is_not_the_sum) {
  const auto p = parse(
      "title = \"t\"\nperiods = [2021]\n"
      "[measures.met]\nlabel = \"m\"\n[measures.as_planned]\nlabel = \"p\"\n"
      "[measures.achieved]\nlabel = \"a\"\nsum_of = [\"met\", \"as_planned\"]\n"
      "[[rows]]\narea = \"a\"\nmet = [3]\nas_planned = [4]\nachieved = [8]\n");
  BOOST_TEST(p.messages() == hyoka::test::lines(std::vector<std::string>{
                                 "d.toml:14:13: error: achieved (8) is not the sum of met + "
                                 "as_planned (7) for area \"a\", fiscal year 2021"}));
}

BOOST_AUTO_TEST_CASE(warns_at_a_published_total_that_is_not_the_sum_of_rows) {
  const auto p = parse(kHeader +
                       "[[rows]]\narea = \"a\"\nimplemented = [12, 10]\nachieved = [9, 8]\n"
                       "[published_totals]\nimplemented = [12, 10]\nachieved = [9, 7]\n");
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.messages() ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:19:16: warning: published total of achieved for fiscal year 2020 is 7, "
                 "but the rows add up to 8; the site shows 8 with a note"}));
  BOOST_REQUIRE(p.dataset->discrepancies.size() == 1u);
  BOOST_TEST(p.dataset->discrepancies[0].published == 7);
  BOOST_TEST(p.dataset->discrepancies[0].computed == 8);
  BOOST_TEST(p.dataset->totals[1][1].value == 8);
}

// 2^63 - 1 twice wraps to -2 in 64 bits: no message may show that figure.
BOOST_AUTO_TEST_CASE(
    an_overflowing_total_is_reported_once_and_never_compared_with_a_published_one) {
  const auto p = parse(kHeader +
                       "[[rows]]\narea = \"a\"\nimplemented = [9223372036854775807, 1]\n"
                       "achieved = [0, 1]\n"
                       "[[rows]]\narea = \"b\"\nimplemented = [9223372036854775807, 1]\n"
                       "achieved = [0, 1]\n"
                       "[published_totals]\nimplemented = [15, 3]\n");
  BOOST_TEST(!p.dataset);
  BOOST_TEST(p.messages() ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:19:16: error: the total of implemented for fiscal year 2019 does not "
                 "fit in 64 bits",
                 "d.toml:22:20: warning: published total of implemented for fiscal year 2020 is 3, "
                 "but the rows add up to 2; the site shows 2 with a note"}));
}

BOOST_AUTO_TEST_CASE(a_sum_of_parts_that_overflows_is_too_large_not_a_wrapped_figure) {
  const auto p = parse(
      "title = \"t\"\nperiods = [2021]\n"
      "[measures.met]\nlabel = \"m\"\n[measures.as_planned]\nlabel = \"p\"\n"
      "[measures.achieved]\nlabel = \"a\"\nsum_of = [\"met\", \"as_planned\"]\n"
      "[[rows]]\narea = \"a\"\nmet = [9223372036854775807]\n"
      "as_planned = [9223372036854775807]\nachieved = [1]\n");
  BOOST_TEST(p.messages() == hyoka::test::lines(std::vector<std::string>{
                                 "d.toml:14:13: error: achieved (1) is not the sum of met + "
                                 "as_planned (too large) for area \"a\", fiscal year 2021"}));
}

BOOST_AUTO_TEST_CASE(suggests_measure_names_for_typos) {
  const auto p = parse(
      "title = \"t\"\nperiods = [2021]\n[measures.implemented]\nlabel = \"i\"\n"
      "[measures.achieved]\nlabel = \"a\"\nat_most = \"implemnted\"\n"
      "[ratios.rate]\nlabel = \"r\"\nnumerator = \"achieved\"\ndenominator = \"implemented\"\n"
      "rounding = \"truncat\"\n"
      "[[rows]]\narea = \"a\"\nimplemented = [1]\nacheived = [1]\n");
  BOOST_TEST(
      p.messages() ==
      hyoka::test::lines(std::vector<std::string>{
          "d.toml:7:11: error: unknown measure \"implemnted\"; did you mean \"implemented\"?",
          "d.toml:12:12: error: unknown rounding \"truncat\"; did you mean \"truncate\"?",
          "d.toml:13:1: error: this row has no \"achieved\" values",
          "d.toml:16:1: error: unknown key \"acheived\" in [[rows]]; did you mean \"achieved\"?"}));
}

BOOST_AUTO_TEST_CASE(reports_every_problem_of_a_file_at_once) {
  const auto p = parse("periods = [2019, 2019]\nunit = 3\n[measures.x]\n");
  BOOST_TEST(p.messages() ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:1:1: error: missing key \"title\" (a string)",
                 "d.toml:1:1: error: missing key \"rows\" (an array)",
                 "d.toml:1:18: error: periods must be in ascending order without repeats",
                 "d.toml:2:8: error: \"unit\" must be a string, not an integer",
                 "d.toml:3:1: error: missing key \"label\" (a string)"}));
}

BOOST_AUTO_TEST_CASE(errors_on_a_missing_rows_array_and_a_wrong_period) {
  const auto p = parse("title = \"t\"\nperiods = [19]\n[measures.x]\nlabel = \"x\"\n");
  BOOST_TEST(p.messages() ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:1:1: error: missing key \"rows\" (an array)",
                 "d.toml:2:12: error: a period is a fiscal year such as 2019, not 19"}));
}

namespace {

// kHeader and `count` rows: row i (from 0) is area "a<i>", implemented [i, i + 1], achieved
// [i / 2, i]; its [[rows]] line is 13 + 4 i.
std::string many_rows(std::size_t count) {
  std::string text = kHeader;
  for (std::size_t i = 0; i < count; ++i) {
    text += "[[rows]]\narea = \"a" + std::to_string(i) + "\"\nimplemented = [" + std::to_string(i) +
            ", " + std::to_string(i + 1) + "]\nachieved = [" + std::to_string(i / 2) + ", " +
            std::to_string(i) + "]\n";
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_dataset_of_thousands_of_rows_reads_every_row_at_its_position) {
  const std::size_t n = 3000;
  Diagnostics diags;
  const auto d = parse_dataset(SourceText("d.toml", many_rows(n)), "d", diags);
  BOOST_REQUIRE(d);
  BOOST_TEST(diags.all().empty());
  BOOST_REQUIRE(d->rows.size() == n);
  for (std::size_t i = 0; i < n; i += 499) {
    const auto& row = d->rows[i];
    BOOST_TEST(row.area == "a" + std::to_string(i));
    BOOST_TEST(figures(row.values[0]) ==
               (std::vector<std::int64_t>{std::int64_t(i), std::int64_t(i + 1)}));
    BOOST_TEST(figures(row.values[1]) ==
               (std::vector<std::int64_t>{std::int64_t(i / 2), std::int64_t(i)}));
    BOOST_TEST(row.area_position.line == static_cast<int>(14 + 4 * i));
    BOOST_TEST(row.area_position.column == 8);
    BOOST_TEST(row.positions[0][1].line == static_cast<int>(15 + 4 * i));
  }
  // Totals: implemented 2019 is 0 + 1 + … + (n - 1).
  BOOST_TEST(d->totals[0][0].value == static_cast<std::int64_t>(n * (n - 1) / 2));
}

BOOST_AUTO_TEST_CASE(problems_in_a_dataset_of_thousands_of_rows_are_reported_at_their_lines) {
  auto text = many_rows(2500);
  // Row 1700: a negative count; row 2100: a string that never ends, across a cut.
  const auto row_1700 = "implemented = [1700, 1701]";
  text.replace(text.find(row_1700), std::string(row_1700).size(), "implemented = [1700, -3]");
  Diagnostics one;
  (void)parse_dataset(SourceText("d.toml", text), "d", one);
  BOOST_TEST(hyoka::test::first_lines(one) ==
             hyoka::test::lines(std::vector<std::string>{
                 "d.toml:6815:22: error: a count cannot be negative: -3"}));
  const auto row_2100 = "area = \"a2100\"";
  text.replace(text.find(row_2100), std::string(row_2100).size(), "area = \"\"\"a2100");
  Diagnostics two;
  BOOST_TEST(!parse_dataset(SourceText("d.toml", text), "d", two));
  BOOST_TEST(two.errors() == 1);
  // The parser finds the string unclosed at the end of the file.
  BOOST_TEST(hyoka::test::first_lines(two) ==
             "d.toml:10012:25: error: invalid TOML: encountered end-of-file (while reading a "
             "string)\n");
}

BOOST_AUTO_TEST_CASE(rows_written_in_the_head_of_a_large_dataset_are_not_lost) {
  // A first header with a comment, or rows written inline before the [[rows]] tables, count.
  const std::size_t n = 1100;
  auto commented = many_rows(n);
  commented.replace(commented.find("[[rows]]\n"), 9, "[[rows]] # 最初の行\n");
  Diagnostics one;
  const auto d = parse_dataset(SourceText("d.toml", commented), "d", one);
  BOOST_REQUIRE(d);
  BOOST_TEST(d->rows.size() == n);
  BOOST_TEST(d->rows.front().area == "a0");
  BOOST_TEST(d->totals[0][0].value == static_cast<std::int64_t>(n * (n - 1) / 2));

  auto inline_rows = many_rows(n);
  inline_rows.insert(0, "rows = [{ area = \"x\", implemented = [1, 1], achieved = [1, 1] }]\n");
  Diagnostics two;
  BOOST_TEST(!parse_dataset(SourceText("d.toml", inline_rows), "d", two));
  BOOST_TEST(hyoka::test::first_lines(two).starts_with(
                 "d.toml:14:1: error: invalid TOML: cannot redefine"),
             hyoka::test::first_lines(two));
}

namespace {

// kHeader with `keys` before its first table and two reasons declared.
std::string with_reasons(const std::string& keys) {
  auto text = kHeader;
  return text.insert(text.find("[measures"),
                     keys +
                         "[[missing]]\nreason = \"未公表\"\nsymbol = \"…\"\n"
                         "[[missing]]\nreason = \"対象外\"\nsymbol = \"＊\"\n");
}

const std::string kRowsWithMissing =
    "[[rows]]\narea = \"a\"\nimplemented = [12, \"未公表\"]\nachieved = [9, \"未公表\"]\n"
    "[[rows]]\narea = \"b\"\nimplemented = [31, 34]\nachieved = [28, \"対象外\"]\n";

}  // namespace

BOOST_AUTO_TEST_CASE(a_total_or_ratio_over_a_missing_count_is_missing_with_its_reason) {
  const auto p = parse(with_reasons("") + kRowsWithMissing);
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.diags.all().empty());
  const auto& d = *p.dataset;
  // 2019: 12 + 31 = 43 and 9 + 28 = 37; 2020: a's counts are 未公表, never 0.
  BOOST_TEST(figures(d.totals[0]) == (std::vector<std::int64_t>{43, -1}));
  BOOST_TEST(figures(d.totals[1]) == (std::vector<std::int64_t>{37, -1}));
  BOOST_TEST(d.shown(d.totals[0][1]) == "…");
  // 37/43 = 86.04…% → 86.0%; 2020 missing as its numerator is.
  BOOST_TEST(d.shown(d.total_ratio(d.ratios[0], 0)) == "86.0%");
  BOOST_TEST(d.shown(d.total_ratio(d.ratios[0], 1)) == "…");
  // b's own ratio for 2020: its achieved count is 対象外.
  BOOST_TEST(d.shown(d.ratio(d.ratios[0], d.rows[1].values, 1)) == "＊");
  BOOST_TEST(d.partials.empty());
}

BOOST_AUTO_TEST_CASE(partial_totals_sum_the_rows_present_and_say_which_are_left_out) {
  const auto p = parse(with_reasons("partial_totals = true\n") + kRowsWithMissing);
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  // 2020: implemented is b's 34 alone; achieved has no row present (a 未公表, b 対象外).
  BOOST_TEST(figures(d.totals[0]) == (std::vector<std::int64_t>{43, 34}));
  BOOST_TEST(d.totals[0][1].partial);
  BOOST_TEST(!d.totals[0][0].partial);
  BOOST_TEST(d.shown(d.totals[1][1]) == "…");
  // The ratio of the totals over rows with both counts: none in 2020.
  BOOST_TEST(d.shown(d.total_ratio(d.ratios[0], 1)) == "…");
  BOOST_REQUIRE(d.partials.size() == 1u);
  BOOST_TEST(d.partials[0].line == 0u);
  BOOST_TEST(d.partials[0].period == 1u);
  BOOST_TEST(d.partials[0].left_out == (std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_CASE(at_most_is_not_checked_against_a_missing_count) {
  // b's achieved 40 would exceed nothing known: its implemented count for 2020 is 対象外.
  const auto p = parse(with_reasons("") +
                       "[[rows]]\narea = \"b\"\nimplemented = [31, \"対象外\"]\n"
                       "achieved = [28, 40]\n");
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.diags.all().empty());
}

// Grades: a scale of three (the third special), a group, and the whole as their sum.
namespace {

const std::string kGrades =
    "title = \"評価\"\n"
    "periods = [2019, 2020]\n"
    "[scale]\n"
    "label = \"評価区分\"\n"
    "decimals = 2\n"
    "rounding = \"half-even\"\n"
    "[scale.grades.good]\nlabel = \"順調\"\nsymbol = \"◎\"\n"
    "[scale.grades.late]\nlabel = \"遅れ\"\n"
    "[scale.grades.x]\nlabel = \"判定不能\"\nspecial = true\n"
    "[scale.groups.all]\nlabel = \"全て\"\ngrades = [\"good\", \"late\"]\n";  // 17 lines

}  // namespace

BOOST_AUTO_TEST_CASE(grades_come_first_in_scale_order_with_special_grades_last) {
  const auto p =
      parse(kGrades + "[[rows]]\narea = \"a\"\ngood = [1, 2]\nlate = [2, 0]\nx = [0, 0]\n");
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  BOOST_REQUIRE(d.scale);
  BOOST_TEST(d.scale->ids() == (std::vector<std::string>{"good", "late", "x"}));
  BOOST_TEST(d.measure_ids() == (std::vector<std::string>{"good", "late", "x"}));
  BOOST_TEST(d.scale->ordered);
  BOOST_TEST(d.scale->grades[2].special);
  BOOST_TEST(d.scale->groups.size() == 1u);
  BOOST_TEST(d.scale->groups[0].grades == (std::vector<std::size_t>{0, 1}));
}

BOOST_AUTO_TEST_CASE(shares_are_exact_and_rounded_as_the_scale_says_never_to_100) {
  // 1/3 = 33.333…% and 2/3 = 66.666…%: 33.33 and 66.67 at two decimals; 1/8 = 12.5% and
  // 1/16 = 6.25%, 1/32 = 3.125% → 3.12 half to even.
  const auto p =
      parse(kGrades + "[[rows]]\narea = \"a\"\ngood = [1, 1]\nlate = [2, 30]\nx = [0, 1]\n");
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  const auto& counts = d.rows[0].values;
  BOOST_TEST(d.shown(d.share(counts, 0, 0)) == "33.33%");
  BOOST_TEST(d.shown(d.share(counts, 1, 0)) == "66.67%");
  BOOST_TEST(d.shown(d.share(counts, 0, 1)) == "3.12%");   // 1/32
  BOOST_TEST(d.shown(d.share(counts, 1, 1)) == "93.75%");  // 30/32
  BOOST_TEST(d.shown(d.share(counts, 2, 1)) == "3.12%");
  BOOST_TEST(d.grade_whole(counts, 1).value == 32);
  // The group: 1 + 30 = 31 of 32 = 96.875% → 96.88% (half to even: 8 is even).
  BOOST_TEST(d.shown(d.share(d.group_count(counts, d.scale->groups[0], 1), counts, 1)) == "96.88%");
}

BOOST_AUTO_TEST_CASE(a_whole_of_zero_gives_no_share_and_a_missing_grade_no_whole) {
  const auto p =
      parse(kGrades +
            "[[missing]]\nreason = \"未集計\"\nsymbol = \"…\"\n"
            "[[rows]]\narea = \"a\"\ngood = [0, \"未集計\"]\nlate = [0, 1]\nx = [0, 0]\n");
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  const auto& counts = d.rows[0].values;
  BOOST_TEST(d.shown(d.share(counts, 0, 0)) == "\u2212");
  BOOST_TEST(!d.grade_whole(counts, 1).present());
  BOOST_TEST(d.shown(d.share(counts, 1, 1)) == "…");
}

BOOST_AUTO_TEST_CASE(printed_shares_are_compared_at_their_own_decimals) {
  // 1/3: "33" at 0 decimals and "33.33" agree; "33.4" does not (33.3 at one decimal).
  const auto p = parse(kGrades +
                       "[[rows]]\narea = \"a\"\ngood = [1, 1]\nlate = [2, 1]\nx = [0, 0]\n"
                       "shares = { good = [\"33\", 50.00], late = [\"66.67\", \"\"] }\n"
                       "[published_shares]\ngood = [\"33.4\", \"50\"]\n");
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.dataset->published_shares.size() == 5u);
  BOOST_TEST(p.dataset->share_discrepancies.size() == 1u);
  BOOST_TEST(p.messages() ==
             "d.toml:25:9: warning: published share of good for fiscal year 2019 is 33.4%, but "
             "its counts give 33.3% (1 of 3, half-even); the site shows the counts' share with a "
             "note\n");
}

BOOST_AUTO_TEST_CASE(parse_share_reads_the_decimal_as_printed) {
  BOOST_TEST((parse_share("52.3") == std::make_pair(static_cast<unsigned __int128>(523), 1)));
  BOOST_TEST((parse_share("0") == std::make_pair(static_cast<unsigned __int128>(0), 0)));
  BOOST_TEST((parse_share("100.00") == std::make_pair(static_cast<unsigned __int128>(10000), 2)));
  BOOST_TEST(!parse_share("100.01"));
  BOOST_TEST(!parse_share("52.3%"));
  BOOST_TEST(!parse_share("-1"));
  BOOST_TEST(!parse_share("1."));
  BOOST_TEST(!parse_share("1.23456"));
  BOOST_TEST(!parse_share(""));
}

BOOST_AUTO_TEST_CASE(a_printed_share_written_as_a_number_is_read_as_written) {
  // 5.0e1 is 50 to TOML, but no report prints a share so: refused, as 0x32 (50) is.
  for (const auto* share : {"5.0e1", "0x32", "inf"}) {
    const auto p = parse(kGrades +
                         "[[rows]]\narea = \"a\"\ngood = [1, 1]\nlate = [1, 1]\nx = [0, 0]\n"
                         "shares = { good = [" +
                         std::string(share) + ", \"\"] }\n");
    BOOST_TEST(!p.dataset, share);
    BOOST_TEST(p.messages().find("a published share is a percentage") != std::string::npos, share);
  }
}
