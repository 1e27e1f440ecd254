// Decimal figures as reports print them, read and divided exactly: the expected values are
// worked out by hand from the figures, and the cases are those where binary doubles go wrong
// (0.35, ties at the last decimal).
#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_SUITE_END()
