// A dataset's rows from a CSV file, with the real binary: the same figures in TOML and in CSV
// files as Excel saves them on Japanese Windows ("CSV (comma delimited)" in CP932, "CSV UTF-8"
// with a byte-order mark, UTF-8 without) build byte-identical sites, and so does the CSV hyoka
// itself publishes, read back.
#define BOOST_TEST_MODULE csv_sites
#include <boost/test/unit_test.hpp>

#include <iconv.h>

#include <filesystem>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

// Labels with characters that only CP932, of the Shift_JIS family, has (① and ㈱ are NEC's,
// 髙 IBM's), so that the CP932 file's headings must be read as CP932 to be found.
const std::string kHead =
    "title = \"事業の達成状況\"\n"
    "unit = \"件\"\n"
    "periods = [2020, 2021]\n"
    "[measures.implemented]\n"
    "label = \"①実施事業（㈱髙島委託を含む）\"\n"
    "[measures.achieved]\n"
    "label = \"②目標達成\"\n"
    "at_most = \"implemented\"\n"
    "[ratios.rate]\n"
    "label = \"達成割合\"\n"
    "numerator = \"achieved\"\n"
    "denominator = \"implemented\"\n"
    "rounding = \"half-up\"\n";

const std::string kTomlRows =
    "[[rows]]\narea = \"alpha\"\nimplemented = [1234, 12]\nachieved = [999, 12]\n"
    "[[rows]]\narea = \"beta\"\nimplemented = [5, 0]\nachieved = [5, 0]\n";

// The same rows as Excel writes them: CRLF, a figure formatted with a separator in quotes.
const std::string kCsvRows =
    "分野ID,年度,①実施事業（㈱髙島委託を含む）,②目標達成\r\n"
    "alpha,2020,\"1,234\",999\r\n"
    "alpha,2021,12,12\r\n"
    "beta,令和2年度,5,5\r\n"
    "beta,２０２１,０,0\r\n";

// The dataset with `line` where keys of the whole file go: before its first [table].
std::string dataset_with(const std::string& line, bool periods = true) {
  auto head = kHead;
  if (!periods) head.erase(head.find("periods = "), std::string("periods = [2020, 2021]\n").size());
  return head.insert(head.find("[measures"), line);
}

std::string to_cp932(const std::string& utf8) {
  const iconv_t cd = iconv_open("CP932", "UTF-8");
  BOOST_REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2, '\0');
  auto* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* at = out.data();
  std::size_t out_left = out.size();
  BOOST_REQUIRE(iconv(cd, &in, &in_left, &at, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

struct Site {
  TempDir dir;
  Site() { copy_minimal_site(dir.path()); }
  void write(const std::string& relative, const std::string& bytes) const {
    write_file(dir.path() / relative, bytes);
  }
  std::map<std::string, std::string> build() const {
    const auto run = run_hyoka("build -q --strict", dir.path());
    BOOST_TEST(run.exit_code == 0, run.err);
    return read_tree(dir.path() / "public");
  }
};

std::map<std::string, std::string> built_from_toml() {
  Site site;
  site.write("content/data/counts.toml", kHead + kTomlRows);
  return site.build();
}

}  // namespace

BOOST_AUTO_TEST_CASE(csv_rows_in_each_of_excels_encodings_give_the_site_of_the_toml_rows) {
  const auto expected = built_from_toml();
  BOOST_REQUIRE(expected.count("areas/alpha/index.html"));
  // 999 of 1,234 rounded half up: 80.96… → 81.0%, as the CSV's figure must be read.
  BOOST_TEST(expected.at("areas/alpha/index.html").find("81.0%") != std::string::npos);
  const std::map<std::string, std::string> files = {
      {"CP932", to_cp932(kCsvRows)},
      {"UTF-8 with a BOM", "\xEF\xBB\xBF" + kCsvRows},
      {"UTF-8", kCsvRows},
  };
  for (const auto& [encoding, bytes] : files) {
    BOOST_TEST_CONTEXT(encoding) {
      Site site;
      site.write("content/data/counts.toml", dataset_with("rows = \"counts.csv\"\n"));
      site.write("content/data/counts.csv", bytes);
      BOOST_TEST((site.build() == expected));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_csv_hyoka_publishes_reads_back_as_the_same_rows) {
  auto expected = built_from_toml();
  for (const auto* published : {"data/counts.csv", "data/counts-excel.csv"}) {
    BOOST_TEST_CONTEXT(published) {
      Site site;
      site.write("site.toml",
                 read_file(site.dir.path() / "site.toml") + "\n[open_data]\nexcel_csv = true\n");
      site.write("content/data/counts.toml", kHead + kTomlRows);
      const auto with_excel = site.build();
      BOOST_REQUIRE(with_excel.count(published));
      // The periods are left out: the CSV's fiscal years are the dataset's.
      site.write("content/data/counts.toml", dataset_with("rows = \"published.csv\"\n", false));
      site.write("content/data/published.csv", with_excel.at(published));
      BOOST_TEST((site.build() == with_excel));
    }
  }
}

BOOST_AUTO_TEST_CASE(check_verbose_says_what_it_read_from_each_csv) {
  Site site;
  site.write("content/data/counts.toml", dataset_with("rows = \"counts.csv\"\n"));
  site.write("content/data/counts.csv", to_cp932(kCsvRows));
  const auto run = run_hyoka("check --verbose", site.dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err.find("hyoka: read content/data/counts.csv: 4 lines, 2 areas, fiscal years "
                          "2020, 2021, CP932 (Shift_JIS)\n") != std::string::npos,
             run.err);
}

BOOST_AUTO_TEST_CASE(excels_lock_file_beside_an_open_csv_is_passed_over) {
  const auto expected = built_from_toml();
  Site site;
  site.write("content/data/counts.toml", dataset_with("rows = \"counts.csv\"\n"));
  site.write("content/data/counts.csv", kCsvRows);
  // What Excel keeps while it has counts.csv open: the user's name in a binary record.
  site.write("content/data/~$counts.csv", std::string("\x07yamada\0\0\xff", 10));
  BOOST_TEST((site.build() == expected));
}
