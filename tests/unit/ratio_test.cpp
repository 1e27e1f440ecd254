// Ratios with exact integer arithmetic: the source's own figures, and the .x5 cases where
// the three rounding rules part ways.
#include <boost/test/unit_test.hpp>

#include "data/ratio.h"

using namespace hyoka;

namespace {
std::string show(std::int64_t n, std::int64_t d, int decimals, Rounding r) {
  return format_ratio(compute_ratio(n, d, decimals, r));
}
}  // namespace

BOOST_AUTO_TEST_CASE(truncation_matches_the_source_report) {
  BOOST_TEST(show(14, 18, 1, Rounding::truncate) == "77.7%");
  BOOST_TEST(show(28, 34, 1, Rounding::truncate) == "82.3%");
  BOOST_TEST(show(32, 37, 1, Rounding::truncate) == "86.4%");
  BOOST_TEST(show(107, 128, 1, Rounding::truncate) == "83.5%");
  BOOST_TEST(show(108, 128, 1, Rounding::truncate) == "84.3%");
  BOOST_TEST(show(9, 12, 1, Rounding::truncate) == "75.0%");
}

BOOST_AUTO_TEST_CASE(half_up_rounds_exact_halves_up) {
  BOOST_TEST(show(28, 34, 1, Rounding::half_up) == "82.4%");
  BOOST_TEST(show(1, 8, 1, Rounding::half_up) == "12.5%");   // exactly 12.5
  BOOST_TEST(show(1, 16, 1, Rounding::half_up) == "6.3%");   // 6.25
  BOOST_TEST(show(3, 16, 1, Rounding::half_up) == "18.8%");  // 18.75
  BOOST_TEST(show(1, 3, 0, Rounding::half_up) == "33%");
}

BOOST_AUTO_TEST_CASE(half_even_rounds_exact_halves_to_the_even_digit) {
  BOOST_TEST(show(1, 16, 1, Rounding::half_even) == "6.2%");    // 6.25 → 6.2
  BOOST_TEST(show(3, 16, 1, Rounding::half_even) == "18.8%");   // 18.75 → 18.8
  BOOST_TEST(show(1, 40, 0, Rounding::half_even) == "2%");      // 2.5 → 2
  BOOST_TEST(show(7, 200, 0, Rounding::half_even) == "4%");     // 3.5 → 4
  BOOST_TEST(show(28, 34, 1, Rounding::half_even) == "82.4%");  // 82.35294… is above the half
}

BOOST_AUTO_TEST_CASE(only_equal_counts_show_100_percent) {
  BOOST_TEST(show(10, 10, 1, Rounding::truncate) == "100.0%");
  BOOST_TEST(show(1999, 2000, 1, Rounding::half_up) == "99.9%");  // 99.95 would round to 100.0
  BOOST_TEST(show(1999, 2000, 1, Rounding::half_even) == "99.9%");
  BOOST_TEST(show(999, 1000, 0, Rounding::half_up) == "99%");
  BOOST_TEST(show(1001, 1000, 0, Rounding::truncate) == "101%");  // 100.1 must not read 100
  BOOST_TEST(show(2001, 2000, 1, Rounding::truncate) == "100.1%");
}

BOOST_AUTO_TEST_CASE(a_zero_denominator_shows_a_minus_sign_and_a_blank_number) {
  BOOST_TEST(show(0, 0, 1, Rounding::truncate) == "\u2212");
  BOOST_TEST(format_ratio_number(compute_ratio(3, 0, 1, Rounding::truncate)) == "");
  BOOST_TEST(show(0, 5, 1, Rounding::truncate) == "0.0%");
  BOOST_TEST(show(1, 3, 4, Rounding::truncate) == "33.3333%");
}

BOOST_AUTO_TEST_CASE(large_counts_do_not_overflow) {
  const std::int64_t big = 9'000'000'000'000'000'000;
  BOOST_TEST(show(big / 2, big, 4, Rounding::half_even) == "50.0000%");
  BOOST_TEST(show(big, 1, 0, Rounding::truncate) == "900000000000000000000%");
}

BOOST_AUTO_TEST_CASE(rounding_names_are_read_and_written_alike) {
  for (const auto r : {Rounding::truncate, Rounding::half_up, Rounding::half_even}) {
    BOOST_TEST((*parse_rounding(rounding_name(r)) == r));
  }
  BOOST_TEST(!parse_rounding("round"));
}
