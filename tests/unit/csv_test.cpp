// Rows from CSV files (data/csv_reader, csv_encoding, cell_values, csv_rows): RFC 4180 as Excel
// writes it, the three encodings Excel saves CSV in, the numbers people type into cells, and
// every problem at its line and column of the CSV.
#include <boost/test/unit_test.hpp>

#include "data/cell_values.h"
#include "data/csv_encoding.h"
#include "data/csv_reader.h"
#include "data/dataset.h"
#include "support/messages.h"

using namespace hyoka;

namespace {

// The counts' figures; a missing count as -1, which no present count can be.
std::vector<std::int64_t> figures(const std::vector<Count>& counts) {
  std::vector<std::int64_t> out;
  for (const auto& c : counts) out.push_back(c.present() ? c.value : -1);
  return out;
}

const std::string kDataset =
    "title = \"達成状況\"\n"
    "rows = \"d.csv\"\n"
    "[measures.implemented]\n"
    "label = \"実施事業数\"\n"
    "[measures.achieved]\n"
    "label = \"達成事業数\"\n"
    "at_most = \"implemented\"\n"
    "[ratios.rate]\n"
    "label = \"達成割合\"\n"
    "numerator = \"achieved\"\n"
    "denominator = \"implemented\"\n";

struct Parsed {
  Diagnostics diags;
  std::optional<Dataset> dataset;
  std::string messages() const { return hyoka::test::first_lines(diags); }
};

// The dataset `toml` (data/d.toml) with `csv` as the bytes of data/d.csv.
Parsed parse(const std::string& csv, const std::string& toml = kDataset) {
  Parsed p;
  RowsFileReader files;
  files.read = [&](const std::string& path) {
    if (path != "data/d.csv") return Result<std::string>::failure("cannot read: no such file");
    return Result<std::string>{csv, {}};
  };
  files.csv_paths = {"data/d.csv"};
  files.area_label = "施策";
  p.dataset = parse_dataset(SourceText("data/d.toml", toml), "d", p.diags, &files);
  return p;
}

std::string first_line(const Parsed& p) {
  return p.messages().substr(0, p.messages().find('\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(reads_quoted_cells_with_commas_line_breaks_and_doubled_quotes) {
  const auto table = read_csv("a,\"b,c\",\"d\"\"e\"\r\n\"f\ng\",,\r\n");
  BOOST_REQUIRE(!table.problem);
  BOOST_REQUIRE(table.records.size() == 2u);
  BOOST_TEST(table.records[0][1].text == "b,c");
  BOOST_TEST(table.records[0][2].text == "d\"e");
  BOOST_TEST(table.records[1][0].text == "f\ng");
  BOOST_TEST(table.records[1].size() ==
             3u);  // RFC 4180: a record ending in a comma has an empty last field
  BOOST_TEST(table.records[0][1].offset == 2u);
}

BOOST_AUTO_TEST_CASE(reports_a_quoted_cell_left_open_at_its_quote) {
  const auto table = read_csv("a,b\nc,\"d\n");
  BOOST_REQUIRE(table.problem);
  BOOST_TEST(table.problem->offset == 6u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cell_values)

BOOST_AUTO_TEST_CASE(reads_counts_with_separators_full_width_digits_and_spaces) {
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("1,234")) == 1234);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("１，２３４")) == 1234);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell(" 12\t")) == 12);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("\u3000１２\u3000")) == 12);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("1,234,567")) == 1234567);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("12.0")) == 12);
  BOOST_TEST(std::get<std::int64_t>(parse_count_cell("9223372036854775807")) == INT64_MAX);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_count) {
  for (const auto* cell : {"12,34", ",123", "1,,234", "12件", "1.5", "abc", "1 2", "--1"}) {
    BOOST_TEST_CONTEXT(cell) {
      BOOST_TEST(std::holds_alternative<std::string>(parse_count_cell(cell)));
    }
  }
  BOOST_TEST(std::get<std::string>(parse_count_cell("-3")) == "a count cannot be negative: -3");
  BOOST_TEST(std::get<std::string>(parse_count_cell("9223372036854775808")) ==
             "\"9223372036854775808\" is more than a count can be (9,223,372,036,854,775,807)");
  BOOST_TEST(std::get<std::string>(parse_count_cell(" ")) == "a count must be given here");
}

BOOST_AUTO_TEST_CASE(reads_fiscal_years_in_western_and_era_years) {
  BOOST_TEST(std::get<int>(parse_period_cell("2023")) == 2023);
  BOOST_TEST(std::get<int>(parse_period_cell("２０２３年度")) == 2023);
  BOOST_TEST(std::get<int>(parse_period_cell("令和元年度")) == 2019);
  BOOST_TEST(std::get<int>(parse_period_cell("令和5年度")) == 2023);
  BOOST_TEST(std::get<int>(parse_period_cell("平成30年度")) == 2018);
  BOOST_TEST(std::get<std::string>(parse_period_cell("平成40年度")) ==
             "\"平成40年度\" is not a year of 平成");
  BOOST_TEST(std::holds_alternative<std::string>(parse_period_cell("R5")));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_encoding)

BOOST_AUTO_TEST_CASE(reads_cp932_with_its_own_characters) {
  // Microsoft's table of CP932: ① 0x8740 and ㈱ 0x878A (NEC special characters), 髙 0xFBFC
  // (IBM extension), ～ 0x8160 (U+FF5E in CP932, where JIS maps it to U+301C).
  const auto decoded = decode_csv("\x87\x40,\x87\x8a,\xfb\xfc,\x81\x60", std::nullopt);
  BOOST_TEST(decoded.text == "①,㈱,髙,～");
  BOOST_TEST(decoded.encoding == "CP932 (Shift_JIS)");
  BOOST_TEST(!decoded.bad_byte);
}

BOOST_AUTO_TEST_CASE(reads_utf8_with_and_without_a_byte_order_mark) {
  BOOST_TEST(decode_csv("\xEF\xBB\xBF施策", std::nullopt).text == "施策");
  BOOST_TEST(decode_csv("\xEF\xBB\xBF施策", std::nullopt).encoding == "UTF-8 with BOM");
  BOOST_TEST(decode_csv("施策", std::nullopt).encoding == "UTF-8");
}

BOOST_AUTO_TEST_CASE(a_declared_encoding_wins_over_what_the_bytes_look_like) {
  // "ｱ" in CP932 is one byte, 0xB1; as UTF-8 that byte is no character.
  BOOST_TEST(decode_csv("\xb1", CsvEncoding::cp932).text == "ｱ");
  const auto as_utf8 = decode_csv("a\xb1", CsvEncoding::utf8);
  BOOST_REQUIRE(as_utf8.bad_byte);
  BOOST_TEST(*as_utf8.bad_byte == 1u);
}

BOOST_AUTO_TEST_CASE(names_utf16_which_it_does_not_read) {
  // Excel's "Unicode text": UTF-16 little-endian with its mark FF FE.
  BOOST_TEST(decode_csv(std::string("\xFF\xFE"
                                    "a\0",
                                    4),
                        std::nullopt)
                 .encoding == "UTF-16");
}

BOOST_AUTO_TEST_CASE(notes_the_first_byte_that_is_not_cp932) {
  // 0x85 0x40 is an unassigned row of CP932.
  const auto decoded = decode_csv("ab\x85\x40", std::nullopt);
  BOOST_REQUIRE(decoded.bad_byte);
  BOOST_TEST(*decoded.bad_byte == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(csv_rows)

BOOST_AUTO_TEST_CASE(reads_rows_by_heading_with_the_fiscal_years_of_the_csv) {
  const auto p = parse(
      "年度,達成事業数,施策ID,implemented\n"
      "2023,9,kurashi,12\n"
      "2024,12,kurashi,14\n"
      "2023,1,sangyo,3\n"
      "2024,\"1,001\",sangyo,\"1,234\"\n");
  BOOST_REQUIRE(p.dataset);
  const auto& d = *p.dataset;
  BOOST_TEST(d.periods == (std::vector<int>{2023, 2024}));
  BOOST_REQUIRE(d.rows.size() == 2u);
  BOOST_TEST(d.rows[0].area == "kurashi");
  BOOST_TEST(figures(d.rows[0].values[0]) == (std::vector<std::int64_t>{12, 14}));
  BOOST_TEST(figures(d.rows[0].values[1]) == (std::vector<std::int64_t>{9, 12}));
  BOOST_TEST(figures(d.rows[1].values[0]) == (std::vector<std::int64_t>{3, 1234}));
  BOOST_TEST(d.rows[1].area_position.line == 4);
  BOOST_TEST(d.rows[1].positions[0][1].column == 21);  // where the quote of "1,234" is
  BOOST_REQUIRE(d.rows_file);
  BOOST_TEST(d.rows_file->path == "data/d.csv");
  BOOST_TEST(d.rows_file->lines == 4u);
  BOOST_TEST(p.diags.all().empty());
}

BOOST_AUTO_TEST_CASE(reads_back_the_columns_of_hyokas_own_csv) {
  const auto p = parse(
      "全国地方公共団体コード,施策ID,施策,年度,年度（和暦）,実施事業数,達成事業数,達成割合（%）\r\n"
      "070009,kurashi,暮らし,2019,令和元年度,12,9,75.0\r\n");
  BOOST_REQUIRE(p.dataset);
  BOOST_TEST(p.diags.all().empty());
  BOOST_TEST(p.dataset->rows[0].values[1][0].value == 9);
}

BOOST_AUTO_TEST_CASE(checks_the_csvs_years_against_the_periods_the_dataset_gives) {
  const auto p =
      parse("area,period,implemented,achieved\na,2018,1,1\n", "periods = [2019]\n" + kDataset);
  BOOST_TEST(first_line(p) ==
             "data/d.csv:2:3: error: fiscal year 2018 is not one of the dataset's periods (2019)");
}

BOOST_AUTO_TEST_CASE(errors_at_the_cell_of_a_count_that_is_no_number) {
  const auto p = parse("area,period,implemented,achieved\na,2019,１２件,1\n");
  BOOST_TEST(first_line(p) ==
             "data/d.csv:2:8: error: \"１２件\" is not a count: write a whole number such as 12 "
             "or 1,234");
}

BOOST_AUTO_TEST_CASE(errors_for_a_missing_measure_column_with_the_closest_heading) {
  const auto p = parse("area,period,実施事業の数,achieved\na,2019,1,1\n");
  BOOST_TEST(p.messages() ==
             hyoka::test::lines({
                 "data/d.csv:1:1: error: no column for measure \"implemented\": give one the "
                 "heading \"implemented\" or \"実施事業数\"; did you mean \"実施事業の数\"?",
                 "data/d.csv:1:13: warning: this column is not read: its heading \"実施事業の数\" "
                 "names no measure, area or fiscal year; did you mean \"実施事業数\"?",
             }));
}

BOOST_AUTO_TEST_CASE(errors_for_an_area_with_a_fiscal_year_twice_or_missing) {
  const auto p = parse(
      "area,period,implemented,achieved\na,2019,1,1\nb,2019,1,1\na,2019,2,2\n"
      "b,2020,1,1\n");
  BOOST_TEST(p.messages() ==
             hyoka::test::lines({
                 "data/d.csv:2:1: error: area \"a\" has no line for fiscal year 2020; give the "
                 "line, with the reason for counts that are missing",
                 "data/d.csv:4:3: error: area \"a\" has fiscal year 2019 twice (first on line 2)",
             }));
}

BOOST_AUTO_TEST_CASE(the_at_most_check_points_into_the_csv) {
  const auto p = parse("area,period,implemented,achieved\na,2019,1,2\n");
  BOOST_TEST(first_line(p) ==
             "data/d.csv:2:10: error: achieved (2) is more than implemented (1) for area \"a\", "
             "fiscal year 2019");
}

BOOST_AUTO_TEST_CASE(errors_at_the_rows_key_when_the_csv_cannot_be_read) {
  auto toml = kDataset;
  toml.replace(toml.find("d.csv"), 5, "e.csv");
  const auto p = parse("", toml);
  BOOST_TEST(first_line(p) ==
             "data/d.toml:2:8: error: data/e.csv: cannot read: no such file; did you mean "
             "\"d.csv\"?");
}

BOOST_AUTO_TEST_CASE(errors_for_an_unknown_encoding_with_the_names_it_knows) {
  auto toml = kDataset;
  toml.replace(toml.find("rows = \"d.csv\""), 14,
               "rows = { file = \"d.csv\", encoding = \"sjis\" }");
  const auto p = parse("", toml);
  BOOST_TEST(first_line(p) ==
             "data/d.toml:2:37: error: unknown encoding \"sjis\"; expected one of: cp932, "
             "shift_jis, utf-8");
}

BOOST_AUTO_TEST_SUITE_END()
