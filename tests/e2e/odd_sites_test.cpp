// Odd but valid input builds, and builds right: line endings and byte-order marks that editors
// on Windows write, full-width digits and emoji, very long titles, one period, one area, counts
// that are all zero and a plan with 50 areas. Each variant starts from tests/sites/minimal/.
#define BOOST_TEST_MODULE odd_sites
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>
#include <regex>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

struct Site {
  TempDir dir;
  Site() { copy_minimal_site(dir.path()); }
  fs::path path(const std::string& relative) const { return dir.path() / relative; }
  void write(const std::string& relative, const std::string& text) const {
    write_file(path(relative), text);
  }
  // Builds; a valid site builds without a word on stderr.
  std::map<std::string, std::string> build() const {
    const auto run = run_hyoka("build -q", dir.path());
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.err == "");
    auto files = read_tree(dir.path() / "public");
    for (const auto& [name, bytes] : files) {
      if (!name.ends_with(".svg") && !name.ends_with(".html")) continue;
      BOOST_TEST_CONTEXT(name) {
        // A division by zero or an unset number would show up as one of these.
        for (const auto* bad : {"NaN", "nan\"", "inf\"", "-nan", "e+"}) {
          BOOST_TEST(bytes.find(bad) == std::string::npos, bad);
        }
      }
    }
    return files;
  }
};

// Every site text file, for rewriting all of them.
std::vector<fs::path> text_files(const fs::path& dir) {
  std::vector<fs::path> out = {dir / "site.toml"};
  for (const auto& entry : fs::recursive_directory_iterator(dir / "content")) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const std::string kCounts = R"(title = "事業の達成状況"
unit = "件"
periods = PERIODS

[measures.implemented]
label = "実施事業項目"

[measures.achieved]
label = "目標達成項目"
at_most = "implemented"

[ratios.rate]
label = "達成項目の割合"
numerator = "achieved"
denominator = "implemented"
)";

std::string counts(const std::string& periods, const std::string& rows) {
  return replace_all(kCounts, "PERIODS", periods) + rows;
}

}  // namespace

// Every text file of a minimal site rewritten by `rewrite` builds what the site builds as it is.
static void check_builds_the_same(const std::function<std::string(const std::string&)>& rewrite) {
  Site plain, rewritten;
  for (const auto& file : text_files(rewritten.dir.path())) {
    write_file(file, rewrite(read_file(file)));
  }
  const auto expected = plain.build();
  const auto got = rewritten.build();
  BOOST_TEST(got.size() == expected.size());
  for (const auto& [name, bytes] : expected) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST((got.count(name) && got.at(name) == bytes));
    }
  }
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_build_the_same_site_as_lf) {
  check_builds_the_same([](const std::string& text) { return replace_all(text, "\n", "\r\n"); });
}

BOOST_AUTO_TEST_CASE(a_utf8_byte_order_mark_builds_the_same_site_as_none) {
  check_builds_the_same([](const std::string& text) { return "\xEF\xBB\xBF" + text; });
}

BOOST_AUTO_TEST_CASE(full_width_digits_and_emoji_in_prose_are_kept_as_written) {
  Site site;
  // 令和３年度 is 2021: a right pair, so the era check stays silent.
  const std::string prose =
      "- 令和３（２０２１）年度に１２件を実施した🎉\n"
      "- 全角の数字：０１２３４５６７８９、絵文字：👍🏽 🇯🇵 "
      "👨‍👩‍👧\n";
  site.write("content/areas/alpha.md", "+++\ntitle = \"第一の施策🌸\"\nweight = 1\n+++\n\n" + prose);
  const auto files = site.build();
  const auto& html = files.at("areas/alpha/index.html");
  BOOST_TEST(html.find("令和３（２０２１）年度に１２件を実施した🎉") != std::string::npos);
  BOOST_TEST(
      html.find("全角の数字：０１２３４５６７８９、絵文字：👍🏽 🇯🇵 "
                "👨‍👩‍👧") != std::string::npos);
  BOOST_TEST(html.find("<h1>第一の施策🌸") != std::string::npos);
  BOOST_TEST(files.at("index.html").find("第一の施策🌸") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_very_long_title_is_shown_whole) {
  Site site;
  std::string title;
  for (int i = 0; i < 40; ++i) title += "地域デジタル化推進";  // 360 characters
  site.write("content/areas/alpha.md",
             "+++\ntitle = \"" + title + "\"\nweight = 1\n+++\n\n- 本文。\n");
  const auto files = site.build();
  BOOST_TEST(files.at("areas/alpha/index.html").find("<h1>" + title) != std::string::npos);
  BOOST_TEST(files.at("index.html").find(title) != std::string::npos);
  // The chart of ratios by area names the area; its label may wrap but must stay in the SVG.
  const auto& svg = files.at("chart-counts-rate-areas.svg");
  BOOST_TEST(svg.find("地域デジタル化推進") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_period) {
  Site site;
  site.write("content/data/counts.toml",
             counts("[2021]",
                    "\n[[rows]]\narea = \"alpha\"\nimplemented = [12]\nachieved = [9]\n"
                    "\n[[rows]]\narea = \"beta\"\nimplemented = [4]\nachieved = [1]\n"));
  const auto files = site.build();
  const auto& alpha = files.at("areas/alpha/index.html");
  BOOST_TEST(alpha.find("<td class=\"num\">75.0%</td>") != std::string::npos);  // 9 / 12
  const auto& home = files.at("index.html");
  // Totals: 16 implemented, 10 achieved, 62.5%.
  BOOST_TEST(home.find("<td class=\"num\">62.5%</td>") != std::string::npos);
  BOOST_TEST(files.at("data/counts.csv").find("2021") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_area) {
  Site site;
  fs::remove(site.path("content/areas/beta.md"));
  site.write("content/data/counts.toml",
             counts("[2020, 2021]",
                    "\n[[rows]]\narea = \"alpha\"\nimplemented = [10, 12]\nachieved = [8, 12]\n"));
  const auto files = site.build();
  BOOST_TEST(files.count("areas/alpha/index.html") == 1u);
  BOOST_TEST(files.count("areas/beta/index.html") == 0u);
  BOOST_TEST(files.at("areas/alpha/index.html").find("<td class=\"num\">80.0%</td>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(all_zero_counts_show_no_ratio_and_no_bars) {
  Site site;
  site.write("content/data/counts.toml",
             counts("[2020, 2021]",
                    "\n[[rows]]\narea = \"alpha\"\nimplemented = [0, 0]\nachieved = [0, 0]\n"
                    "\n[[rows]]\narea = \"beta\"\nimplemented = [0, 0]\nachieved = [0, 0]\n"));
  const auto files = site.build();
  const auto& alpha = files.at("areas/alpha/index.html");
  BOOST_TEST(count(alpha, "<td class=\"num\">−</td>") == 2u);  // 0 / 0 in both years
  BOOST_TEST(alpha.find("%</td>") == std::string::npos);
  const auto& svg = files.at("areas/alpha/chart-counts.svg");
  // Two years of two measures: four bars, all of no length.
  const std::regex bar(R"re(<rect[^>]*width="([0-9.]+)"[^>]*class="bar" data-value="([0-9]+)")re");
  std::size_t bars = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator();
       ++it, ++bars) {
    BOOST_TEST((*it)[1] == "0");
    BOOST_TEST((*it)[2] == "0");
  }
  BOOST_TEST(bars == 4u);
}

BOOST_AUTO_TEST_CASE(fifty_areas) {
  Site site;
  std::string rows;
  fs::remove(site.path("content/areas/alpha.md"));
  fs::remove(site.path("content/areas/beta.md"));
  for (int i = 1; i <= 50; ++i) {
    const auto id = "area" + std::to_string(i);
    site.write("content/areas/" + id + ".md", "+++\ntitle = \"施策" + std::to_string(i) +
                                                  "号\"\nweight = " + std::to_string(i) +
                                                  "\n+++\n\n- 本文。\n");
    rows += "\n[[rows]]\narea = \"" + id + "\"\nimplemented = [" + std::to_string(i) + ", " +
            std::to_string(2 * i) + "]\nachieved = [" + std::to_string(i) + ", " +
            std::to_string(i) + "]\n";
  }
  site.write("content/data/counts.toml", counts("[2020, 2021]", rows));
  const auto files = site.build();
  for (int i = 1; i <= 50; ++i) {
    BOOST_TEST_CONTEXT(i) {
      const auto page = "areas/area" + std::to_string(i) + "/index.html";
      BOOST_TEST(files.count(page) == 1u);
      BOOST_TEST(files.at("index.html").find("施策" + std::to_string(i) + "号") !=
                 std::string::npos);
      // 2020: i of i achieved; 2021: i of 2i.
      BOOST_TEST(files.at(page).find("<td class=\"num\">100.0%</td>") != std::string::npos);
      BOOST_TEST(files.at(page).find("<td class=\"num\">50.0%</td>") != std::string::npos);
    }
  }
  // 100 bars are too many for one chart of ratios by area: one chart per year, every area
  // in each.
  for (const auto* year : {"2020", "2021"}) {
    const auto& svg = files.at("chart-counts-rate-areas-" + std::string(year) + ".svg");
    for (int i = 1; i <= 50; ++i) {
      BOOST_TEST(svg.find("施策" + std::to_string(i) + "号") != std::string::npos);
    }
  }
}
