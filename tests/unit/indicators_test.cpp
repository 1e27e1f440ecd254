// KPI datasets: every expected rate below is worked out by hand from the figures in the test.
#include <boost/test/unit_test.hpp>

#include "support/messages.h"

#include "data/dataset.h"

using namespace hyoka;

namespace {

const std::string kScale =
    "title = \"指標\"\n"                 // 1
    "periods = [2022, 2023, 2024]\n"     // 2
    "[[missing]]\n"                      // 3
    "reason = \"未集計\"\n"              // 4
    "symbol = \"…\"\n"                   // 5
    "[scale]\n"                          // 6
    "label = \"達成度\"\n"               // 7
    "[scale.grades.a]\nlabel = \"A\"\n"  // 8, 9
    "[scale.grades.b]\nlabel = \"B\"\n"  // 10, 11
    "[scale.grades.c]\nlabel = \"C\"\n"  // 12, 13
    "[scale.grades.d]\nlabel = \"D\"\n"  // 14, 15
    "[scale.grades.x]\nlabel = \"X\"\n"  // 16, 17
    "special = true\n";                  // 18

// [achievement] on lines 19 to 26, then the indicators from line 27.
std::string kpi(const std::string& formula, const std::string& graded_on,
                const std::string& indicators) {
  return kScale + "[achievement]\nformula = \"" + formula + "\"\ngraded_on = \"" + graded_on +
         "\"\nno_rate = \"x\"\n[achievement.at_least]\na = 100\nb = 80\nc = \"50\"\n" + indicators;
}

std::string indicator(const std::string& area, const std::string& id, const std::string& better,
                      const std::string& baseline, const std::string& target,
                      const std::string& actual, const std::string& more = "") {
  return "[[indicators]]\narea = \"" + area + "\"\nid = \"" + id + "\"\nname = \"" + id +
         "\"\nunit = \"人\"\nbetter = \"" + better + "\"\nbaseline = { value = " + baseline +
         ", year = 2020 }\ntarget = { value = " + target + ", year = 2024 }\nactual = " + actual +
         "\n" + more;
}

struct Parsed {
  Diagnostics diags;
  std::optional<Dataset> dataset;
  std::string messages() const { return hyoka::test::first_lines(diags); }
};

Parsed parse(const std::string& text) {
  Parsed p;
  p.dataset = parse_dataset(SourceText("d.toml", text), "d", p.diags);
  return p;
}

// Each year's rate as "91.7", or "-" with no rate, and its grade's id.
std::vector<std::string> rates(const Dataset& d, std::size_t i) {
  std::vector<std::string> out;
  const auto& indicator = d.kpi->indicators[i];
  for (std::size_t p = 0; p < d.periods.size(); ++p) {
    const auto& rate = indicator.achieved[p].rate;
    out.push_back((rate ? format_percentage(*rate) : "-") + " " +
                  d.scale->grades[indicator.grades[p]].id);
  }
  return out;
}

std::vector<std::int64_t> counts(const Dataset& d, std::size_t row, std::size_t period) {
  std::vector<std::int64_t> out;
  for (const auto& grade : d.rows[row].values) out.push_back(grade[period].value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(indicators_are_graded_each_year_and_counted_per_area) {
  // 1,100 / 1,200 = 91.66…% → 91.7 (B); 1,250 / 1,200 = 104.16…% → 104.2 (A); none → X.
  // Lower is better: 4 / 10 = 40.0 (D), 4 / 5 = 80.0 (B), 4 / 4 = 100.0 (A).
  const auto p =
      parse(kpi("actual / final target", "rounded",
                indicator("alpha", "visitors", "higher", "\"1,000\"", "\"1,200\"",
                          "[\"1,100\", \"1,250\", \"未集計\"]") +
                    indicator("beta", "satisfaction", "higher", "50", "80", "[\"64.0\", 40, 80]") +
                    indicator("alpha", "waiting", "lower", "12", "4", "[10, 5, 4]")));
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.diags.all().empty());
  const auto& d = *p.dataset;
  BOOST_TEST(d.measure_ids() == (Strings{"a", "b", "c", "d", "x"}));
  BOOST_TEST(rates(d, 0) == (Strings{"91.7 b", "104.2 a", "- x"}));
  BOOST_TEST(rates(d, 1) == (Strings{"80.0 b", "50.0 c", "100.0 a"}));
  BOOST_TEST(rates(d, 2) == (Strings{"40.0 d", "80.0 b", "100.0 a"}));
  BOOST_TEST((d.kpi->indicators[0].achieved[2].why_none == NoRate::no_actual));
  // Rows in the order areas first appear: alpha holds visitors and waiting.
  BOOST_REQUIRE(d.rows.size() == 2u);
  BOOST_TEST(d.rows[0].area == "alpha");
  BOOST_TEST(counts(d, 0, 0) == (std::vector<std::int64_t>{0, 1, 0, 1, 0}));
  BOOST_TEST(counts(d, 0, 1) == (std::vector<std::int64_t>{1, 1, 0, 0, 0}));
  BOOST_TEST(counts(d, 0, 2) == (std::vector<std::int64_t>{1, 0, 0, 0, 1}));
  BOOST_TEST(counts(d, 1, 1) == (std::vector<std::int64_t>{0, 0, 1, 0, 0}));
  // The distribution over the areas, as grade datasets have it: 2024 has A, A and X.
  BOOST_TEST(d.totals[0][2].value == 2);
  BOOST_TEST(d.shown(d.share(d.totals, 0, 2)) == "66.7%");
}

BOOST_AUTO_TEST_CASE(thresholds_apply_to_the_rounded_rate_unless_the_dataset_says_exact) {
  // 79.96 / 80 = 99.95% exactly: 100.0 at one decimal half-up, so A on the rounded rate and B
  // on the exact one, though both print 100.0.
  const auto one = indicator("alpha", "rate", "higher", "50.0", "80", "[79.96, \"40\", 39.96]");
  const auto rounded = parse(kpi("actual / final target", "rounded", one));
  const auto exact = parse(kpi("actual / final target", "exact", one));
  BOOST_REQUIRE(rounded.dataset);
  BOOST_REQUIRE(exact.dataset);
  // 40 / 80 = 50.0 (C at its bound); 39.96 / 80 = 49.95 → 50.0 rounded (C), exact D.
  BOOST_TEST(rates(*rounded.dataset, 0) == (Strings{"100.0 a", "50.0 c", "50.0 c"}));
  BOOST_TEST(rates(*exact.dataset, 0) == (Strings{"100.0 b", "50.0 c", "50.0 d"}));
}

BOOST_AUTO_TEST_CASE(figures_keep_the_decimals_they_are_written_with) {
  const auto p = parse(kpi("actual / final target", "rounded",
                           indicator("alpha", "rate", "higher", "0.35", "\"1,234.50\"",
                                     "[64.50, \"▲12\", \"1,234.5\"]")));
  BOOST_REQUIRE(p.dataset);
  const auto& indicator = p.dataset->kpi->indicators[0];
  BOOST_TEST(static_cast<long long>(indicator.baseline.value->digits) == 35);
  BOOST_TEST(indicator.baseline.value->decimals == 2);
  BOOST_TEST(format_decimal(*indicator.target->value) == "1,234.50");
  BOOST_TEST(static_cast<long long>(indicator.actuals[0].value->digits) == 6450);
  BOOST_TEST(format_decimal(*indicator.actuals[1].value) == "\u221212");
  // 64.50 / 1,234.50 = 5.2248…% → 5.2; −12 / 1,234.5 → −1.0 (D); 1,234.5 = the target → 100.0.
  BOOST_TEST(rates(*p.dataset, 0) == (Strings{"5.2 d", "-1.0 d", "100.0 a"}));
}

BOOST_AUTO_TEST_CASE(each_years_target_divides_that_years_actual) {
  // 45 / 50 = 90.0 (B); a target of 0 gives no rate (X), never a division; 66 / 60 = 110.0 (A).
  const auto p = parse(kpi("actual / year target", "rounded",
                           "[[indicators]]\narea = \"alpha\"\nid = \"y\"\nname = \"y\"\n"
                           "unit = \"件\"\nbetter = \"higher\"\n"
                           "baseline = { value = 40, year = 2021 }\n"
                           "targets = [50, \"0\", 60]\nactual = [45, 10, 66]\n"));
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(rates(*p.dataset, 0) == (Strings{"90.0 b", "- x", "110.0 a"}));
  BOOST_TEST((p.dataset->kpi->indicators[0].achieved[1].why_none == NoRate::target_zero));
}

BOOST_AUTO_TEST_CASE(progress_is_measured_from_the_baseline_in_either_direction) {
  // (30 − 20) / (40 − 20) = 50.0 (C); (20 − 20) / 20 = 0.0 (D); 25 / 20 = 125.0 (A).
  // Lower is better: (10 − 12) / (4 − 12) = 25.0 (D), (6 − 12) / −8 = 75.0 (C), −9 / −8 =
  // 112.5 (A). A target equal to its baseline gives no rate (X).
  const auto p = parse(kpi("progress from baseline", "rounded",
                           indicator("alpha", "up", "higher", "20", "40", "[30, 20, 45]") +
                               indicator("alpha", "down", "lower", "12", "4", "[10, 6, 3]") +
                               indicator("beta", "flat", "higher", "5", "5", "[5, 6, 7]")));
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(rates(*p.dataset, 0) == (Strings{"50.0 c", "0.0 d", "125.0 a"}));
  BOOST_TEST(rates(*p.dataset, 1) == (Strings{"25.0 d", "75.0 c", "112.5 a"}));
  BOOST_TEST(rates(*p.dataset, 2) == (Strings{"- x", "- x", "- x"}));
  BOOST_TEST((p.dataset->kpi->indicators[2].achieved[0].why_none == NoRate::target_is_baseline));
}

BOOST_AUTO_TEST_CASE(printed_rates_and_grades_that_differ_warn_at_the_printed_figure) {
  // 1,100 / 1,200 = 91.66…%: "91.7" and "92" (at 0 decimals) agree, "91.6" does not; the
  // printed grade B of 2023 differs from A (104.2%), and X of 2024 agrees (no actual value).
  const auto p = parse(kpi("actual / final target", "rounded",
                           indicator("alpha", "visitors", "higher", "\"1,000\"", "\"1,200\"",
                                     "[\"1,100\", \"1,250\", \"未集計\"]",
                                     "rates = [\"91.6\", 104, \"5\"]\n"
                                     "grades = [\"B\", \"b\", \"X\"]\n") +
                               indicator("alpha", "other", "higher", "1", "2", "[\"1.1\", 2, 3]",
                                         "rates = [\"55\", \"\", \"未集計\"]\n")));
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.dataset->kpi->discrepancies.size() == 3u);
  BOOST_TEST(p.messages() ==
             "d.toml:36:10: warning: printed achievement of indicator \"visitors\" (visitors), "
             "fiscal year 2022 is 91.6%, but the declared rule gives 91.7% (actual / final "
             "target, half-up); the site uses the computed rate\n"
             "d.toml:36:23: warning: printed achievement of indicator \"visitors\" (visitors), "
             "fiscal year 2024 is 5%, but it has no rate: no actual value; the site uses the "
             "computed rate\n"
             "d.toml:37:16: warning: printed grade of indicator \"visitors\" (visitors), fiscal "
             "year 2023 is B, but its achievement 104.2% gives A; the site counts the computed "
             "grade\n");
}

BOOST_AUTO_TEST_CASE(reports_every_problem_of_an_indicator_with_suggestions) {
  const auto p = parse(kpi("actual / final target", "rounded",
                           "[[indicators]]\narea = \"alpha\"\nid = \"i\"\nname = \"i\"\n"
                           "unit = \"人\"\nbetter = \"hgher\"\nbaseline = { value = 1, year = "
                           "2020 }\nactuals = [1, 2, 3]\ngrade = [\"A\", \"A\", \"A\"]\n"));
  BOOST_TEST(!p.dataset);
  BOOST_TEST(p.messages() ==
             "d.toml:27:1: error: this indicator has no target: the dataset's formula \"actual / "
             "final target\" needs target = { value = \"100\", year = 2026 }\n"
             "d.toml:27:1: error: this indicator has no \"actual\" values (実績値), one per "
             "period\n"
             "d.toml:32:10: error: better is \"higher\" or \"lower\" (待機児童数, 事故件数), not "
             "\"hgher\"; did you mean \"higher\"?\n"
             "d.toml:34:1: error: unknown key \"actuals\" in [[indicators]]; did you mean "
             "\"actual\"?\n"
             "d.toml:35:1: error: unknown key \"grade\" in [[indicators]]; did you mean "
             "\"grades\"?\n");
}

BOOST_AUTO_TEST_CASE(the_largest_values_give_exact_rates_and_larger_ones_are_refused) {
  // 15 digits with 4 decimals either side of 0: progress (0 − −B) ÷ (B − −B) = 50.0% exactly.
  const auto big = indicator("alpha", "big", "higher", "\"−99,999,999,999.9999\"",
                             "\"99,999,999,999.9999\"", "[0, \"0.0001\", \"99,999,999,999.9999\"]");
  const auto p = parse(kpi("progress from baseline", "exact", big));
  BOOST_REQUIRE(p.dataset);
  // 0.0001 + B = 100,000,000,000 of 2B = 199,999,999,999.9998: 50.000000000000000250…% → 50.0.
  BOOST_TEST(rates(*p.dataset, 0) == (Strings{"50.0 c", "50.0 c", "100.0 a"}));
  const auto refused = parse(kpi(
      "actual / final target", "rounded",
      indicator("alpha", "i", "higher", "1", "\"1,000,000,000,000,000\"", "[1, \"0.00001\", 3]")));
  BOOST_TEST(!refused.dataset);
  BOOST_TEST(refused.messages() ==
             "d.toml:34:20: error: a value has more than 15 digits\n"
             "d.toml:35:14: error: a value has more than 4 decimals\n");
}
