// Decimal figures as reports print them, and KPI achievement computed exactly: the expected
// values are worked out by hand from the figures, and the cases are those where binary doubles
// or a careless formula go wrong (0.35, ties, 99.96% rounded to 100.0%, lower-is-better).
#include <boost/test/unit_test.hpp>

#include "data/achievement.h"
#include "data/decimal.h"

using namespace hyoka;

namespace {

Decimal d(std::string_view text) {
  auto parsed = parse_decimal(text);
  BOOST_REQUIRE_MESSAGE(std::holds_alternative<Decimal>(parsed), std::string(text));
  return std::get<Decimal>(parsed);
}

std::string why_not(std::string_view text) {
  auto parsed = parse_decimal(text);
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

std::string rate(const Achievement& a) {
  return a.rate ? format_percentage(*a.rate) : "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(decimals)

BOOST_AUTO_TEST_CASE(keeps_the_digits_and_decimals_as_printed) {
  BOOST_TEST(static_cast<long long>(d("87.5").digits) == 875);
  BOOST_TEST(d("87.5").decimals == 1);
  BOOST_TEST(static_cast<long long>(d("0.35").digits) == 35);
  BOOST_TEST(d("0.35").decimals == 2);
  BOOST_TEST(static_cast<long long>(d("1,234").digits) == 1234);
  BOOST_TEST(static_cast<long long>(d("12,345,678.25").digits) == 1234567825);
  BOOST_TEST(d("87.50").decimals == 2);
  BOOST_TEST((d("87.50") == d("87.5")));
}

BOOST_AUTO_TEST_CASE(reads_full_width_digits_spaces_and_japanese_minus_signs) {
  BOOST_TEST(static_cast<long long>(d("１，２３４．５").digits) == 12345);
  BOOST_TEST(static_cast<long long>(d("\u3000 42 ").digits) == 42);
  BOOST_TEST(static_cast<long long>(d("▲12").digits) == -12);
  BOOST_TEST(static_cast<long long>(d("△0.5").digits) == -5);
  BOOST_TEST(static_cast<long long>(d("\u22123.0").digits) == -30);
  BOOST_TEST(static_cast<long long>(d("+7").digits) == 7);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_figure_with_the_reason) {
  BOOST_TEST(why_not("1,23") == "has a thousands separator out of place");
  BOOST_TEST(why_not("1234,567") == "has a thousands separator out of place");
  BOOST_TEST(why_not(",123") == "has a thousands separator out of place");
  BOOST_TEST(why_not("1.2.3") == "is not a number");
  BOOST_TEST(why_not("") == "is not a number");
  BOOST_TEST(why_not("\u2212") == "is not a number");  // the missing-value dash alone
  BOOST_TEST(why_not("12人") == "is not a number");
  BOOST_TEST(why_not(".5") == "has no digit before its decimal point");
  BOOST_TEST(why_not("5.") == "has no digit after its decimal point");
  BOOST_TEST(why_not("1234567890123456789") == "has more than 18 digits");
  BOOST_TEST(why_not("0.1234567891") == "has more than 9 decimals");
}

BOOST_AUTO_TEST_CASE(reads_a_toml_numbers_source_text_without_a_double) {
  const auto v = std::get<Decimal>(parse_toml_number_text("-0.35"));
  BOOST_TEST(static_cast<long long>(v.digits) == -35);
  BOOST_TEST(v.decimals == 2);
  BOOST_TEST(static_cast<long long>(std::get<Decimal>(parse_toml_number_text("1_234")).digits) ==
             1234);
  BOOST_TEST(static_cast<long long>(std::get<Decimal>(parse_toml_number_text("+3")).digits) == 3);
  BOOST_TEST(std::holds_alternative<std::string>(parse_toml_number_text("1e3")));
  BOOST_TEST(std::holds_alternative<std::string>(parse_toml_number_text("inf")));
  BOOST_TEST(std::holds_alternative<std::string>(parse_toml_number_text("0x10")));
  BOOST_TEST(std::holds_alternative<std::string>(parse_toml_number_text("1__2")));
}

BOOST_AUTO_TEST_CASE(prints_with_its_own_decimals_and_separators) {
  BOOST_TEST(format_decimal(d("1234.5")) == "1,234.5");
  BOOST_TEST(format_decimal(d("0.35")) == "0.35");
  BOOST_TEST(format_decimal(d("87.50")) == "87.50");
  BOOST_TEST(format_decimal(d("-0.35")) == "\u22120.35");
  BOOST_TEST(format_decimal(d("-1234.5"), true) == "-1234.5");
  BOOST_TEST(format_decimal(d("123")) == "123");
  BOOST_TEST(format_decimal(d("1234567")) == "1,234,567");
}

BOOST_AUTO_TEST_CASE(percentages_round_exactly_by_the_declared_rule) {
  // 2 / 3 = 66.666…%
  BOOST_TEST(format_percentage(*percentage(d("2"), d("3"), 1, Rounding::half_up)) == "66.7");
  BOOST_TEST(format_percentage(*percentage(d("2"), d("3"), 1, Rounding::truncate)) == "66.6");
  // 0.5 / 400 = 0.125% exactly: a tie at 2 decimals
  BOOST_TEST(format_percentage(*percentage(d("0.5"), d("400"), 2, Rounding::half_up)) == "0.13");
  BOOST_TEST(format_percentage(*percentage(d("0.5"), d("400"), 2, Rounding::half_even)) == "0.12");
  // 0.35 / 0.5 = 70%: 0.35 as a double is 0.34999…, which truncation would make 69.9
  BOOST_TEST(format_percentage(*percentage(d("0.35"), d("0.5"), 1, Rounding::truncate)) == "70.0");
  BOOST_TEST(format_percentage(*percentage(d("-5"), d("10"), 1, Rounding::half_up)) == "-50.0");
  BOOST_TEST(!percentage(d("5"), d("0"), 1, Rounding::half_up).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(achievement_rates)

BOOST_AUTO_TEST_CASE(actual_over_target_and_its_inverse_for_lower_is_better) {
  const AchievementRule rule{AchievementFormula::final_target, 1, Rounding::half_up};
  BOOST_TEST(rate(achievement(rule, {std::nullopt, d("100"), d("87.5"), false})) == "87.5");
  // 待機児童数: target 10, actual 12, lower is better: 10 ÷ 12 = 83.33…%
  BOOST_TEST(rate(achievement(rule, {std::nullopt, d("10"), d("12"), true})) == "83.3");
  BOOST_TEST(rate(achievement(rule, {std::nullopt, d("0"), d("5"), true})) == "0.0");
}

BOOST_AUTO_TEST_CASE(progress_from_the_baseline_in_either_direction) {
  const AchievementRule rule{AchievementFormula::from_baseline, 1, Rounding::half_up};
  // baseline 50, target 100, actual 75: half way
  BOOST_TEST(rate(achievement(rule, {d("50"), d("100"), d("75"), false})) == "50.0");
  // lower is better, baseline 20, target 10: 15 is half way, 25 went back by half
  BOOST_TEST(rate(achievement(rule, {d("20"), d("10"), d("15"), true})) == "50.0");
  BOOST_TEST(rate(achievement(rule, {d("20"), d("10"), d("25"), true})) == "-50.0");
}

BOOST_AUTO_TEST_CASE(no_rate_never_a_division_or_a_zero) {
  const AchievementRule share{AchievementFormula::final_target, 1, Rounding::half_up};
  const AchievementRule progress{AchievementFormula::from_baseline, 1, Rounding::half_up};
  BOOST_TEST((achievement(share, {std::nullopt, d("100"), std::nullopt, false}).why_none ==
              NoRate::no_actual));
  BOOST_TEST(
      (achievement(share, {std::nullopt, d("0"), d("3"), false}).why_none == NoRate::target_zero));
  BOOST_TEST(
      (achievement(share, {std::nullopt, d("5"), d("0"), true}).why_none == NoRate::actual_zero));
  BOOST_TEST((achievement(progress, {d("40"), d("40.0"), d("41"), false}).why_none ==
              NoRate::target_is_baseline));
  BOOST_TEST((achievement(progress, {std::nullopt, d("40"), d("41"), false}).why_none ==
              NoRate::no_baseline));
  BOOST_TEST(!achievement(share, {std::nullopt, d("0"), d("3"), false}).rate.has_value());
}

BOOST_AUTO_TEST_CASE(grades_the_rounded_rate_unless_told_to_grade_the_exact_one) {
  const AchievementRule rule{AchievementFormula::final_target, 1, Rounding::half_up};
  const std::vector<Threshold> thresholds{
      {"A", d("100")}, {"B", d("80")}, {"C", d("50")}, {"D", std::nullopt}};
  // 99.96 ÷ 100 = 99.96%, printed 100.0%: A by the printed rate, B by the exact one
  const IndicatorYear close{std::nullopt, d("100"), d("99.96"), false};
  const auto a = achievement(rule, close);
  BOOST_TEST(rate(a) == "100.0");
  BOOST_TEST(*grade_of(thresholds, rule, close, a, false) == "A");
  BOOST_TEST(*grade_of(thresholds, rule, close, a, true) == "B");
  const IndicatorYear low{std::nullopt, d("100"), d("12"), false};
  BOOST_TEST(*grade_of(thresholds, rule, low, achievement(rule, low), false) == "D");
  const IndicatorYear exact_bound{std::nullopt, d("200"), d("160"), false};  // 80% exactly
  BOOST_TEST(*grade_of(thresholds, rule, exact_bound, achievement(rule, exact_bound), true) == "B");
  // lower is better, progress: baseline 20, target 10, actual 25 is -50%: D
  const AchievementRule progress{AchievementFormula::from_baseline, 1, Rounding::half_up};
  const IndicatorYear back{d("20"), d("10"), d("25"), true};
  BOOST_TEST(*grade_of(thresholds, progress, back, achievement(progress, back), true) == "D");
  const IndicatorYear none{std::nullopt, d("100"), std::nullopt, false};
  BOOST_TEST(!grade_of(thresholds, rule, none, achievement(rule, none), false).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
