// Builds the sample site with the hyoka binary and checks every figure of the source report
// (shared/seeds/000_c5b32f4a58951ada.txt) in the right cell. The expected figures below are
// copied from that report, as printed there; they are not read from content/.
#define BOOST_TEST_MODULE sample_site
#include <algorithm>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/utf8.h"
#include "support/html_table.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

struct AreaFigures {
  std::string id;
  std::string title;
  std::vector<std::string> implemented, achieved, rate;
};

// 2 施策展開方向毎の総括, (1)–(5): 令和元年度, 令和２年度, 令和３年度.
const std::vector<AreaFigures> kAreas = {
    {"recovery",
     "復興の推進",
     {"12", "10", "13"},
     {"9", "8", "10"},
     {"75.0％", "80.0％", "76.9％"}},
    {"safety",
     "安全・安心、健康なくらし",
     {"31", "34", "31"},
     {"28", "28", "27"},
     {"90.3％", "82.3％", "87.0％"}},
    {"industry",
     "産業振興・地域活性化",
     {"18", "29", "26"},
     {"14", "25", "16"},
     {"77.7％", "86.2％", "61.5％"}},
    {"education",
     "教育・ICT人材育成",
     {"10", "18", "19"},
     {"10", "15", "18"},
     {"100％", "83.3％", "94.7％"}},
    {"e-government",
     "電子自治体",
     {"37", "37", "39"},
     {"32", "36", "37"},
     {"86.4％", "97.2％", "94.8％"}},
};

// 1 全体総括, as printed. The FY2021 achieved total (107) and its rate (83.5％) disagree with
// the areas above, which add up to 108 (84.3％ when truncated like every other rate).
const std::vector<std::string> kTotalImplemented = {"108", "128", "128"};
const std::vector<std::string> kTotalAchievedPrinted = {"93", "112", "107"};
const std::vector<std::string> kTotalRatePrinted = {"86.1％", "87.5％", "83.5％"};

const std::vector<std::string> kYears = {"令和元年度（2019年度）", "令和2年度（2020年度）",
                                         "令和3年度（2021年度）"};
const std::string kDataset = "施策展開方向毎の事業の達成状況";
const std::string kImplemented = "実施事業項目";
const std::string kAchieved = "目標達成項目（目標達成+計画通り実施）";
const std::string kRate = "達成項目の割合";

// The report prints rates as 86.1％ and 100％; the site prints 86.1% and 100.0%. Same value,
// same places where the report gives them.
void check_rate(const std::string& cell, const std::string& printed) {
  std::string number = printed.substr(0, printed.find("％"));
  BOOST_TEST(cell.ends_with("%"), "cell " << cell);
  const std::string shown = cell.substr(0, cell.size() - 1);
  BOOST_TEST(std::stod(shown) == std::stod(number), cell << " vs " << printed);
  if (number.find('.') != std::string::npos) BOOST_TEST(shown == number);
}

// The table of every area × fiscal year: its years, then each area's figures as the report
// prints them in 2 施策展開方向毎の総括.
void check_every_area(const HtmlTable& table) {
  BOOST_TEST(table.rows.at(0) ==
             (std::vector<std::string>{"施策展開方向", kYears[0], kYears[1], kYears[2]}));
  for (const auto& area : kAreas) {
    BOOST_TEST_CONTEXT(area.id) {
      const auto cells = table.row(area.title);
      BOOST_REQUIRE(cells.size() == 9u);
      for (int y = 0; y < 3; ++y) {
        BOOST_TEST(cells[3 * y] == area.implemented[y]);
        BOOST_TEST(cells[3 * y + 1] == area.achieved[y]);
        check_rate(cells[3 * y + 2], area.rate[y]);
      }
    }
  }
}

struct BuiltSample {
  TempDir dir;
  RunResult run;
  // `prepare` changes the copy before it is built.
  explicit BuiltSample(const std::string& arguments = "",
                       const std::function<void(const fs::path&)>& prepare = {}) {
    copy_sample_site(dir.path());
    if (prepare) prepare(dir.path());
    run = run_hyoka("build" + arguments, dir.path());
  }
  std::string page(const std::string& path) const {
    return read_file(dir.path() / "public" / path);
  }
};

const BuiltSample& sample() {
  static BuiltSample built;
  return built;
}

// The same site in the other built-in theme.
const BuiltSample& portal_sample() {
  static BuiltSample built(" --theme portal");
  return built;
}

// "path:line:col" of the first occurrence of `needle` in a file of the sample site.
std::string where_in(const std::string& path, const std::string& needle) {
  const auto text = read_file(fs::path(HYOKA_SOURCE_DIR) / path);
  const auto at = text.find(needle);
  BOOST_REQUIRE(at != std::string::npos);
  const auto line_start = text.rfind('\n', at) + 1;
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  const int col =
      1 + static_cast<int>(hyoka::utf8::length(text.substr(line_start, at - line_start)));
  return path + ":" + std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace

BOOST_AUTO_TEST_CASE(sample_site_builds_with_exactly_the_two_warnings_of_the_source) {
  const auto& built = sample();
  BOOST_TEST(built.run.exit_code == 0, built.run.err);
  const auto era = where_in("content/_index.md", "令和３（２０２２）") +
                   ": warning: era year and Western year disagree: 令和3年 is 2021, but the "
                   "brackets say 2022\n";
  const auto total = where_in("content/data/achievement.toml", "107]") +
                     ": warning: published total of achieved for fiscal year 2021 is 107, but the "
                     "rows add up to 108; the site shows 108 with a note\n";
  BOOST_TEST(built.run.err.find(era) != std::string::npos, built.run.err);
  BOOST_TEST(built.run.err.find(total) != std::string::npos, built.run.err);
  BOOST_TEST(built.run.err.find("0 errors, 2 warnings\n") != std::string::npos, built.run.err);
}

BOOST_AUTO_TEST_CASE(every_area_page_shows_its_figures_from_the_source) {
  for (const auto& area : kAreas) {
    BOOST_TEST_CONTEXT(area.id) {
      const auto html = sample().page("areas/" + area.id + "/index.html");
      BOOST_TEST(html.find("<h1>" + area.title + "</h1>") != std::string::npos);
      const auto table = find_table(html, area.title + "：" + kDataset + "（単位：件）");
      BOOST_REQUIRE(table);
      BOOST_TEST(table->rows.at(0) ==
                 (std::vector<std::string>{"項目", kYears[0], kYears[1], kYears[2]}));
      BOOST_TEST(table->row(kImplemented) == area.implemented);
      BOOST_TEST(table->row(kAchieved) == area.achieved);
      const auto rates = table->row(kRate);
      BOOST_REQUIRE(rates.size() == 3u);
      for (int y = 0; y < 3; ++y) check_rate(rates[y], area.rate[y]);
    }
  }
}

BOOST_AUTO_TEST_CASE(home_totals_show_the_sums_and_a_note_with_the_printed_figures) {
  const auto html = sample().page("index.html");
  const auto table = find_table(html, kDataset + "：全体（単位：件）");
  BOOST_REQUIRE(table);
  BOOST_TEST(table->row(kImplemented) == kTotalImplemented);
  const auto achieved = table->row(kAchieved);
  BOOST_REQUIRE(achieved.size() == 3u);
  BOOST_TEST(achieved[0] == kTotalAchievedPrinted[0]);
  BOOST_TEST(achieved[1] == kTotalAchievedPrinted[1]);
  BOOST_TEST(achieved[2] == "108※1");  // the sum of the five areas, marked
  const auto rates = table->row(kRate);
  BOOST_REQUIRE(rates.size() == 3u);
  check_rate(rates[0], kTotalRatePrinted[0]);
  check_rate(rates[1], kTotalRatePrinted[1]);
  BOOST_TEST(rates[2] == "84.3%※1");  // 108/128 = 84.375, truncated
  const auto note = "※1 令和3年度（2021年度）の「" + kAchieved + "」は、原資料では" +
                    kTotalAchievedPrinted[2] + "と記載されていますが、各行の合計は108です。";
  BOOST_TEST(html.find(note) != std::string::npos);
  BOOST_TEST(html.find("原資料の数値による「" + kRate + "」は83.5%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(home_shows_every_area_for_every_year_with_a_totals_row) {
  const auto html = sample().page("index.html");
  const auto table = find_table(html, kDataset + "：施策展開方向別（単位：件）");
  BOOST_REQUIRE(table);
  check_every_area(*table);
  const auto totals = table->row("合計");
  BOOST_REQUIRE(totals.size() == 9u);
  BOOST_TEST(totals[6] == kTotalImplemented[2]);
  BOOST_TEST(totals[7] == "108※1");
}

// The dataset's landing page, data/achievement/index.html, in both built-in themes: the whole
// table, read back cell by cell against the report, with the note on FY2021's published 107.
BOOST_AUTO_TEST_CASE(landing_page_previews_the_dataset_with_every_note) {
  for (const auto* built : {&sample(), &portal_sample()}) {
    BOOST_REQUIRE(built->run.exit_code == 0);
    const auto html = built->page("data/achievement/index.html");
    const auto table = find_table(html, kDataset + "：施策展開方向別（単位：件）");
    BOOST_REQUIRE(table);
    BOOST_TEST(table->rows.size() == 2 + kAreas.size() + 1);  // two header rows, the totals
    check_every_area(*table);
    const auto totals = table->row("合計");
    BOOST_REQUIRE(totals.size() == 9u);
    for (int y = 0; y < 3; ++y) BOOST_TEST(totals[3 * y] == kTotalImplemented[y]);
    BOOST_TEST(totals[1] == kTotalAchievedPrinted[0]);
    BOOST_TEST(totals[4] == kTotalAchievedPrinted[1]);
    BOOST_TEST(totals[7] == "108※1");  // the five areas' sum, marked: the report prints 107
    check_rate(totals[2], kTotalRatePrinted[0]);
    check_rate(totals[5], kTotalRatePrinted[1]);
    BOOST_TEST(totals[8] == "84.3%※1");
    // The mark links to its note, which says what the report printed.
    const std::regex mark("<a class=\"mark\" href=\"#([^\"]+)\">※1</a>");
    std::smatch found;
    BOOST_REQUIRE(std::regex_search(html, found, mark));
    const auto note_at = html.find("<li id=\"" + found[1].str() + "\">");
    BOOST_REQUIRE(note_at != std::string::npos);
    const auto note = text_of(html.substr(note_at, html.find("</li>", note_at) - note_at));
    BOOST_TEST(note.starts_with("※1 令和3年度（2021年度）の「" + kAchieved + "」は、原資料では" +
                                kTotalAchievedPrinted[2] +
                                "と記載されていますが、各行の合計は108"
                                "です。"));
    BOOST_TEST(note.find("原資料の数値による「" + kRate + "」は" +
                         kTotalRatePrinted[2].substr(0, 4) + "%") != std::string::npos);
    BOOST_TEST(html.find("※2") == std::string::npos);  // the report has one note
  }
}

// The CSV's columns as Data Package readers and portals list them: a row per column, with its
// type, unit and description.
BOOST_AUTO_TEST_CASE(landing_page_lists_each_csv_column_in_a_row_of_its_own) {
  for (const auto* built : {&sample(), &portal_sample()}) {
    const auto html = built->page("data/achievement/index.html");
    const auto table = find_table(html, "CSVの列（左の列から順に）");
    BOOST_REQUIRE(table);
    BOOST_TEST(table->rows.at(0) == (std::vector<std::string>{"列名", "型", "単位", "説明"}));
    // The CSV's own header line, column by column.
    const auto csv = built->page("data/achievement.csv");
    std::vector<std::string> names;
    std::stringstream header(csv.substr(0, csv.find("\r\n")));
    for (std::string name; std::getline(header, name, ',');) names.push_back(name);
    BOOST_REQUIRE(names.size() == 8u);  // code, area id and name, year, era year, 2 counts, rate
    BOOST_REQUIRE(table->rows.size() == names.size() + 1);
    for (std::size_t i = 0; i < names.size(); ++i) {
      BOOST_TEST(table->rows[i + 1].size() == 4u);
      BOOST_TEST(table->rows[i + 1][0] == names[i]);
      BOOST_TEST(!table->rows[i + 1][3].empty(), names[i] << " has no description");
    }
    // The report's measures count projects (件); its rate is a percentage.
    BOOST_TEST(table->row(kImplemented) ==
               (std::vector<std::string>{"整数", "件", kImplemented + "（単位：件）"}));
    BOOST_TEST(table->row(kAchieved).at(1) == "件");
    const auto rate = table->row(kRate + "（%）");
    BOOST_REQUIRE(rate.size() == 3u);
    BOOST_TEST(rate[0] == "数値");
    BOOST_TEST(rate[1] == "%");
    BOOST_TEST(table->row("年度").at(0) == "整数");
    BOOST_TEST(table->row("施策展開方向").at(0) == "文字列");
  }
}

// Each download is a link, then its format, size and note in one bracket, set apart.
BOOST_AUTO_TEST_CASE(landing_page_downloads_keep_their_facts_apart) {
  for (const auto* built : {&sample(), &portal_sample()}) {
    const auto html = built->page("data/achievement/index.html");
    const auto list = html.substr(html.find("<ul class=\"downloads\">"));
    const std::regex item("<li>(.*?)</li>");
    const std::regex facts("^" + kDataset +
                           "の(CSV|Excel用CSV|JSON)（(CSV|JSON)、[0-9.]+ (KB|バイト)、.+）$");
    int items = 0;
    for (std::sregex_iterator it(list.begin(), list.begin() + list.find("</ul>"), item), end;
         it != end; ++it) {
      ++items;
      const auto text = text_of((*it)[1].str());
      BOOST_TEST(std::regex_match(text, facts), text);
    }
    BOOST_TEST(items == 3);  // the CSV, Excel's copy and the JSON
    BOOST_TEST(html.find("）UTF-8") == std::string::npos);
  }
}

namespace {

// Every table on a page by its id: the note marks in its cells (the ids they link to) and the
// numbered notes under it (their ids), each "※n".
struct TableMarks {
  std::map<std::string, std::string> marks, notes;  // id linked to → ※n
};

std::map<std::string, TableMarks> marks_and_notes(const std::string& html) {
  std::map<std::string, TableMarks> out;
  const std::regex mark("<a class=\"mark\" href=\"#([^\"]+)\">([^<]+)</a>");
  const std::regex note("<li id=\"([^\"]+)\">(※[0-9]+) ");
  for (std::size_t at = 0; (at = html.find("<table id=\"", at)) != std::string::npos; ++at) {
    const auto id_start = at + 11;
    const auto id = html.substr(id_start, html.find('"', id_start) - id_start);
    const auto end = html.find("</table>", at);
    const auto next = html.find("<table id=\"", end);
    const auto cells = html.substr(at, end - at);
    auto after = html.substr(end, next == std::string::npos ? std::string::npos : next - end);
    const auto list = after.find("<ul class=\"table-notes\">");
    // Only the notes list right below the table, before any other element's text.
    after = list == std::string::npos || after.find("<div", 0) < list
                ? ""
                : after.substr(list, after.find("</ul>", list) - list);
    auto& t = out[id];
    for (std::sregex_iterator it(cells.begin(), cells.end(), mark), e; it != e; ++it)
      t.marks[(*it)[1]] = (*it)[2];
    for (std::sregex_iterator it(after.begin(), after.end(), note), e; it != e; ++it)
      t.notes[(*it)[1]] = (*it)[2];
  }
  return out;
}

// The <title> of each chart, in page order.
std::vector<std::string> chart_titles(const std::string& text) {
  std::vector<std::string> out;
  const std::regex title("<title id=\"[^\"]+-title\">([^<]*)</title>");
  for (std::sregex_iterator it(text.begin(), text.end(), title), e; it != e; ++it)
    out.push_back(text_of((*it)[1]));
  return out;
}

// The sample site with blocks on the recovery page: tables of two areas, of one area, and of
// one year's count with the rate; charts of the ratio by area and of the totals. None has the
// table of every area beside it.
const BuiltSample& blocks_sample() {
  static const BuiltSample built("", [](const fs::path& dir) {
    const auto page = dir / "content/areas/recovery.md";
    write_file(page, read_file(page) +
                         "\n```table\ndataset = \"achievement\"\nareas = [\"recovery\", "
                         "\"safety\"]\n```\n\n```chart\ndataset = \"achievement\"\ntype = "
                         "\"ratio\"\n```\n\n```table\ndataset = \"achievement\"\narea = "
                         "\"recovery\"\n```\n\n```chart\ndataset = \"achievement\"\ntype = "
                         "\"bars\"\n```\n\n```table\ndataset = \"achievement\"\nperiods = "
                         "[2021]\nmeasures = [\"implemented\"]\n```\n");
  });
  return built;
}

}  // namespace

// A table shows exactly the notes whose marks are in its cells, and each mark links to its own
// table's note. The report has one note (FY2021: 107 printed, 108 summed), so the tables that
// show the FY2021 totals carry ※1 and no others carry any.
BOOST_AUTO_TEST_CASE(a_table_shows_exactly_the_notes_whose_marks_are_in_its_cells) {
  const auto& built = blocks_sample();
  BOOST_REQUIRE_MESSAGE(built.run.exit_code == 0, built.run.err);
  std::vector<std::string> paths = {"index.html", "data/achievement/index.html"};
  for (const auto& area : kAreas) paths.push_back("areas/" + area.id + "/index.html");
  std::set<std::string> marked;
  for (const auto& path : paths) {
    for (const auto& [id, t] : marks_and_notes(built.page(path))) {
      BOOST_TEST_CONTEXT(path << " " << id) {
        std::set<std::string> shown, noted;
        for (const auto& [to, mark] : t.marks) {
          shown.insert(mark);
          BOOST_TEST(t.notes.count(to) == 1u, mark << " links to #" << to << ", not below");
          if (t.notes.count(to)) BOOST_TEST(t.notes.at(to) == mark);
        }
        for (const auto& [at, note] : t.notes) noted.insert(note);
        BOOST_TEST(shown == noted);
        if (!shown.empty()) marked.insert(path + " " + id);
      }
    }
  }
  BOOST_TEST(marked == (std::set<std::string>{
                           "areas/recovery/index.html block5-table",
                           "data/achievement/index.html table-achievement-areas",
                           "index.html table-achievement-areas",
                           "index.html table-achievement-totals",
                       }));
}

std::vector<std::string> unique_in_order(const std::vector<std::string>& all) {
  std::vector<std::string> out;
  for (const auto& s : all) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// A chart's title says its figures are in the table below only where that table is below it:
// a chart block has none, and a standalone .svg file has nothing below it at all.
BOOST_AUTO_TEST_CASE(a_chart_names_its_table_only_where_that_table_is_below_it) {
  const auto& built = blocks_sample();
  BOOST_REQUIRE(built.run.exit_code == 0);
  const auto html = built.page("areas/recovery/index.html");
  // The page's own figure: its chart names the area's table, which follows it.
  const auto figure = html.find("<div class=\"figure\">");
  BOOST_REQUIRE(figure != std::string::npos);
  const auto figure_end = html.find("</table>", figure);
  // Each chart is drawn twice, wide and narrow (issue 16), with the same title.
  const auto own = unique_in_order(chart_titles(html.substr(figure, figure_end - figure)));
  BOOST_REQUIRE(own.size() == 1u);
  const auto caption = read_tables(html.substr(figure, figure_end - figure) + "</table>");
  BOOST_REQUIRE(caption.size() == 1u);
  BOOST_TEST(own[0].find("下の表「" + caption[0].caption + "」") != std::string::npos, own[0]);
  // The blocks in the prose before it: two charts, no table of theirs below them.
  const auto first_block = html.find("id=\"block1-table\"");
  BOOST_REQUIRE(first_block < figure);
  const auto titles = unique_in_order(chart_titles(html.substr(first_block, figure - first_block)));
  BOOST_TEST(titles.size() == 2u);
  for (const auto& title : titles) {
    BOOST_TEST(title.find("表") == std::string::npos, title);
  }
  BOOST_TEST(titles.at(0) == "達成項目の割合（施策展開方向別）");
  BOOST_TEST(titles.at(1) == kDataset + "：全体");
  // Every standalone chart is titled by its heading alone.
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(built.dir.path() / "public")) {
    if (entry.path().extension() != ".svg") continue;
    ++files;
    const auto svg = chart_titles(read_file(entry.path()));
    BOOST_REQUIRE(svg.size() == 1u);
    BOOST_TEST(svg[0].find("表") == std::string::npos, entry.path() << ": " << svg[0]);
  }
  BOOST_TEST(files == 7);
}

BOOST_AUTO_TEST_CASE(every_table_has_a_caption_scoped_headers_and_the_rounding_note) {
  for (const auto& path : {std::string("index.html"), std::string("areas/recovery/index.html")}) {
    const auto html = sample().page(path);
    BOOST_TEST(html.find("<html lang=\"ja\">") != std::string::npos);
    std::size_t tables = 0, captions = 0;
    for (std::size_t p = 0; (p = html.find("<table", p)) != std::string::npos; ++p) ++tables;
    for (std::size_t p = 0; (p = html.find("<caption", p)) != std::string::npos; ++p) ++captions;
    BOOST_TEST(tables > 0u);
    BOOST_TEST(captions == tables);
    BOOST_TEST(html.find("<th>") == std::string::npos);  // every th has a scope
    BOOST_TEST(html.find("小数第2位以下を切り捨て、小数第1位まで表示しています。") !=
               std::string::npos);
    BOOST_TEST(html.find("「−」は、分母が0のため割合を算出できないことを示します。") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(links_are_relative_so_the_site_works_under_any_sub_path) {
  const auto area = sample().page("areas/safety/index.html");
  BOOST_TEST(area.find("href=\"../../css/style.css\"") != std::string::npos);
  BOOST_TEST(area.find("href=\"../../index.html\"") != std::string::npos);
  const auto home = sample().page("index.html");
  BOOST_TEST(home.find("href=\"areas/safety/index.html\"") != std::string::npos);
  BOOST_TEST(home.find("href=\"/") == std::string::npos);
  BOOST_TEST(fs::exists(sample().dir.path() / "public/css/style.css"));
}

BOOST_AUTO_TEST_CASE(two_builds_of_the_same_input_are_byte_identical) {
  TempDir other;
  copy_sample_site(other.path());
  BOOST_REQUIRE(run_hyoka("build -q", other.path()).exit_code == 0);
  BOOST_TEST((read_tree(other.path() / "public") == read_tree(sample().dir.path() / "public")));
}

BOOST_AUTO_TEST_CASE(one_thread_and_four_threads_build_byte_identical_sites) {
  TempDir dir;
  copy_sample_site(dir.path());
  BOOST_REQUIRE(run_hyoka("build -q --jobs 1 -d one", dir.path()).exit_code == 0);
  BOOST_REQUIRE(run_hyoka("build -q --jobs 4 -d four", dir.path()).exit_code == 0);
  const auto one = read_tree(dir.path() / "one");
  BOOST_TEST(one.size() > 10u);
  BOOST_TEST((one == read_tree(dir.path() / "four")));
}

BOOST_AUTO_TEST_CASE(pages_of_a_large_site_link_to_the_list_instead_of_every_area) {
  TempDir dir;
  copy_sample_site(dir.path());
  for (int i = 10; i < 40; ++i) {
    write_file(dir.path() / "content/areas" / ("extra-" + std::to_string(i) + ".md"),
               "+++\ntitle = \"追加" + std::to_string(i) + "\"\nweight = " + std::to_string(i) +
                   "\n+++\n\n本文。\n");
  }
  BOOST_REQUIRE(run_hyoka("build -q", dir.path()).exit_code == 0);
  const auto home = read_file(dir.path() / "public/index.html");
  const auto area = read_file(dir.path() / "public/areas/extra-20/index.html");
  BOOST_TEST(home.find("areas/extra-39/") != std::string::npos);
  BOOST_TEST(area.find("extra-39/") == std::string::npos);
  BOOST_TEST(area.find("../../index.html#areas-heading") != std::string::npos);
  BOOST_TEST(area.find("href=\"../../areas/extra-19/index.html\" rel=\"prev\"") !=
             std::string::npos);
  BOOST_TEST(area.find("href=\"../../areas/extra-21/index.html\" rel=\"next\"") !=
             std::string::npos);
  // Nor the dataset's page or 404.html: only the home page lists every area.
  const auto dataset = read_file(dir.path() / "public/data/achievement/index.html");
  BOOST_TEST(dataset.find("extra-39/") == std::string::npos);
  BOOST_TEST(dataset.find("../../index.html#areas-heading") != std::string::npos);
  const auto not_found = read_file(dir.path() / "public/404.html");
  BOOST_TEST(not_found.find("extra-39/") == std::string::npos);
  BOOST_TEST(not_found.find("index.html#areas-heading") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_build_leaves_the_previous_public_folder_unchanged) {
  TempDir dir;
  copy_sample_site(dir.path());
  BOOST_REQUIRE(run_hyoka("build -q", dir.path()).exit_code == 0);
  const auto before = read_tree(dir.path() / "public");
  write_file(dir.path() / "content/areas/recovery.md", "+++\ntitle = \n+++\n");
  const auto run = run_hyoka("build", dir.path());
  BOOST_TEST(run.exit_code == 1);
  BOOST_TEST(
      run.err.find("content/areas/recovery.md:2:9: error: invalid TOML") != std::string::npos,
      run.err);
  BOOST_TEST((read_tree(dir.path() / "public") == before));
  BOOST_TEST(!fs::exists(dir.path() / ".public.hyoka-new"));
}

BOOST_AUTO_TEST_CASE(check_writes_nothing_and_strict_fails_on_warnings) {
  TempDir dir;
  copy_sample_site(dir.path());
  const auto check = run_hyoka("check", dir.path());
  BOOST_TEST(check.exit_code == 0, check.err);
  BOOST_TEST(!fs::exists(dir.path() / "public"));
  const auto strict = run_hyoka("check --strict", dir.path());
  BOOST_TEST(strict.exit_code == 1);
  BOOST_TEST(strict.err.find("2 errors, 0 warnings") != std::string::npos, strict.err);
}

BOOST_AUTO_TEST_CASE(flags_choose_source_destination_and_base_url) {
  TempDir dir;
  copy_sample_site(dir.path() / "site");
  const auto run = run_hyoka(
      "build --source site --destination out "
      "--base-url https://user.github.io/other -q",
      dir.path());
  BOOST_TEST(run.exit_code == 0, run.err);
  const auto html = read_file(dir.path() / "out/areas/recovery/index.html");
  BOOST_TEST(html.find("href=\"https://user.github.io/other/areas/recovery/\"") !=
             std::string::npos);
  BOOST_TEST(run.out.empty());
}

// Issue 22: `hyoka biuld` and `--sorce` said only that an argument was not expected.
BOOST_AUTO_TEST_CASE(a_mistyped_command_or_option_is_answered_with_did_you_mean) {
  TempDir dir;
  const auto command = run_hyoka("biuld", dir.path());
  BOOST_TEST(command.exit_code == 2);
  BOOST_TEST(command.err ==
                 "hyoka: unknown command \"biuld\"; did you mean \"build\"?\n"
                 "Run with --help for more information.\n",
             command.err);
  const auto option = run_hyoka("build --sorce site", dir.path());
  BOOST_TEST(option.exit_code == 2);
  BOOST_TEST(option.err ==
                 "hyoka build: unknown option \"--sorce\"; did you mean \"--source\"?\n"
                 "Run with --help for more information.\n",
             option.err);
  // An option with its value after '=', and a command inside a command.
  const auto port = run_hyoka("serve --prot=8080", dir.path());
  BOOST_TEST(port.exit_code == 2);
  BOOST_TEST(
      port.err.starts_with("hyoka serve: unknown option \"--prot\"; did you mean \"--port\"?\n"),
      port.err);
  const auto copy = run_hyoka("theme cpoy default", dir.path());
  BOOST_TEST(copy.exit_code == 2);
  BOOST_TEST(
      copy.err.starts_with("hyoka theme: unknown command \"cpoy\"; did you mean \"copy\"?\n"),
      copy.err);
  // Nothing close: CLI11's own words stand.
  const auto far = run_hyoka("build --frobnicate", dir.path());
  BOOST_TEST(far.exit_code == 2);
  BOOST_TEST(far.err.find("did you mean") == std::string::npos, far.err);
  BOOST_TEST(far.err.find("--frobnicate") != std::string::npos, far.err);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_2_and_version_and_help_with_0) {
  TempDir dir;
  BOOST_TEST(run_hyoka("build --no-such-flag", dir.path()).exit_code == 2);
  BOOST_TEST(run_hyoka("", dir.path()).exit_code == 2);
  const auto bad_url = run_hyoka("build --base-url ftp://x", dir.path());
  BOOST_TEST(bad_url.exit_code == 2);
  BOOST_TEST(bad_url.err.find("base_url must start with https:// or http://") != std::string::npos);
  const auto no_site = run_hyoka("build", dir.path());
  BOOST_TEST(no_site.exit_code == 1);
  BOOST_TEST(no_site.err ==
             "site.toml: error: no site.toml here; run hyoka in a site's folder or pass --source "
             "DIR\n1 error, 0 warnings\n");
  const auto version = run_hyoka("--version", dir.path());
  BOOST_TEST(version.exit_code == 0);
  BOOST_TEST(version.out.starts_with("hyoka "));
  const auto help = run_hyoka("--help", dir.path());
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.out.find("check") != std::string::npos);
}

namespace {

std::set<std::string> numbers_in(const std::string& text) {
  std::set<std::string> out;
  static const std::regex number(R"re([0-9][0-9,]*(\.[0-9]+)?)re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number);
       it != std::sregex_iterator(); ++it) {
    std::string n = it->str();
    n.erase(std::remove(n.begin(), n.end(), ','), n.end());
    out.insert(n);
  }
  return out;
}

// The inner text of every <text> in `svg` but the axis ticks.
std::vector<std::string> chart_texts(const std::string& svg) {
  std::vector<std::string> out;
  static const std::regex text(R"re(<text ([^>]*)>([^<]*)</text>)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
       ++it) {
    if ((*it)[1].str().find("class=\"tick\"") == std::string::npos)
      out.push_back(text_of((*it)[2]));
  }
  return out;
}

std::vector<std::string> pages() {
  std::vector<std::string> out = {"index.html"};
  for (const auto& area : kAreas) out.push_back("areas/" + area.id + "/index.html");
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_number_in_a_chart_is_in_the_table_beside_it) {
  int charts = 0;
  for (const auto& path : pages()) {
    const auto html = sample().page(path);
    for (std::size_t at = 0; (at = html.find("<div class=\"figure\">", at)) != std::string::npos;
         ++at) {
      const auto end = html.find("</table>", at);
      const auto figure = html.substr(at, end - at);
      const auto tables = read_tables(figure + "</table>");
      BOOST_REQUIRE(tables.size() == 1u);
      std::set<std::string> in_table;
      for (const auto& row : tables[0].rows) {
        for (const auto& cell : row) in_table.merge(numbers_in(cell));
      }
      for (std::size_t s = 0; (s = figure.find("<svg", s)) != std::string::npos; ++s) {
        ++charts;
        const auto svg = figure.substr(s, figure.find("</svg>", s) - s);
        for (const auto& text : chart_texts(svg)) {
          for (const auto& n : numbers_in(text)) {
            BOOST_TEST(in_table.count(n) == 1u,
                       path << ": " << n << " of \"" << text << "\" is not in the table");
          }
        }
      }
    }
  }
  // 5 area charts, the totals and the ratio by area, each drawn wide and narrow.
  BOOST_TEST(charts == 14);
}

namespace {

// The summary sentence of a standalone chart: the lines of its summary group, joined.
std::string chart_summary(const std::string& path, const std::string& id) {
  const auto svg = sample().page(path);
  const auto start = svg.find("<g id=\"" + id + "-summary\">");
  BOOST_REQUIRE(start != std::string::npos);
  auto text = text_of(svg.substr(start, svg.find("</g>", start) - start));
  std::erase(text, '\n');
  return text;
}

// "75.0％" as the site shows a rate: "75.0%", and the report's "100％" as "100.0%".
std::string shown_rate(const std::string& printed) {
  const auto number = printed.substr(0, printed.find("％"));
  return number + (number.find('.') == std::string::npos ? ".0%" : "%");
}

}  // namespace

// The charts' sentences stay true to the report: each area's highest and lowest rate are in the
// years the report's own rates make highest and lowest (no two tie there), and across areas
// and years 教育・ICT人材育成's 100％ in 令和元年度 is the highest, 産業振興's 61.5％ the lowest.
BOOST_AUTO_TEST_CASE(chart_summaries_name_the_highest_and_lowest_rates_of_the_report) {
  for (const auto& area : kAreas) {
    std::size_t high = 0, low = 0;
    for (std::size_t y = 1; y < 3; ++y) {
      const auto value = std::stod(area.rate[y]);
      if (value > std::stod(area.rate[high])) high = y;
      if (value < std::stod(area.rate[low])) low = y;
    }
    BOOST_TEST(chart_summary("areas/" + area.id + "/chart-achievement.svg", "chart-achievement") ==
               kRate + "が最も高いのは" + kYears[high] + "の" + shown_rate(area.rate[high]) +
                   "、最も低いのは" + kYears[low] + "の" + shown_rate(area.rate[low]) + "です。");
  }
  BOOST_TEST(chart_summary("chart-achievement-rate-areas.svg", "chart-achievement-rate-areas") ==
             kRate + "が最も高いのは" + kAreas[3].title + "の" + kYears[0] + "の" +
                 shown_rate(kAreas[3].rate[0]) + "、最も低いのは" + kAreas[2].title + "の" +
                 kYears[2] + "の" + shown_rate(kAreas[2].rate[2]) + "です。");
}

BOOST_AUTO_TEST_CASE(every_chart_stands_alone_beside_its_page_and_renders_in_librsvg) {
  const auto root = sample().dir.path() / "public";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".svg") continue;
    ++files;
    const auto svg = read_file(entry.path());
    BOOST_TEST(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="));
    // The same drawing is inline in the page of its folder, under a title that also names the
    // table below it there.
    const auto page = read_file(entry.path().parent_path() / "index.html");
    BOOST_TEST(page.find(svg.substr(svg.find("</title>"))) != std::string::npos, entry.path());
    const auto png = sample().dir.path() / "out.png";
    const std::string command =
        "rsvg-convert '" + entry.path().string() + "' -o '" + png.string() + "' 2>&1";
    BOOST_TEST(std::system(command.c_str()) == 0, entry.path());
    BOOST_TEST(fs::file_size(png) > 1000u);
  }
  BOOST_TEST(files == 7);
}

// Golden copies of the sample site's charts, so any change to a drawing shows up in review.
// HYOKA_UPDATE_GOLDEN=1 rewrites them from this build; look at the diff before committing.
BOOST_AUTO_TEST_CASE(charts_match_their_golden_files) {
  const auto root = sample().dir.path() / "public";
  const fs::path golden = fs::path(HYOKA_SOURCE_DIR) / "tests/golden/sample";
  const bool update = std::getenv("HYOKA_UPDATE_GOLDEN") != nullptr;
  std::set<std::string> built;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".svg") continue;
    const auto relative = entry.path().lexically_relative(root).generic_string();
    built.insert(relative);
    if (update) write_file(golden / relative, read_file(entry.path()));
    BOOST_TEST_CONTEXT(relative) {
      BOOST_REQUIRE(fs::exists(golden / relative));
      BOOST_TEST(read_file(entry.path()) == read_file(golden / relative));
    }
  }
  for (const auto& entry : fs::recursive_directory_iterator(golden)) {
    if (entry.is_regular_file()) {
      BOOST_TEST(built.count(entry.path().lexically_relative(golden).generic_string()) == 1u,
                 "golden file without a chart: " << entry.path());
    }
  }
}

BOOST_AUTO_TEST_CASE(ids_are_unique_on_every_page) {
  static const std::regex id(R"re( id="([^"]+)")re");
  for (const auto& path : pages()) {
    const auto html = sample().page(path);
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
         ++it) {
      BOOST_TEST(seen.insert((*it)[1]).second, path << ": id " << (*it)[1] << " twice");
    }
    BOOST_TEST(seen.size() > 5u);
  }
}

BOOST_AUTO_TEST_CASE(hosting_files_are_written_for_github_pages) {
  const auto root = sample().dir.path() / "public";
  BOOST_TEST(fs::exists(root / ".nojekyll"));
  BOOST_TEST(fs::file_size(root / ".nojekyll") == 0u);
  BOOST_TEST(!fs::exists(root / "CNAME"));
  BOOST_TEST(
      read_file(root / "robots.txt") ==
      "User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/fukushima-ict/sitemap.xml\n");
  const auto sitemap = read_file(root / "sitemap.xml");
  std::vector<std::string> locs;
  static const std::regex loc("<loc>([^<]*)</loc>");
  for (auto it = std::sregex_iterator(sitemap.begin(), sitemap.end(), loc);
       it != std::sregex_iterator(); ++it) {
    locs.push_back((*it)[1]);
  }
  BOOST_TEST(locs == (std::vector<std::string>{
                         "https://example.github.io/fukushima-ict/",
                         "https://example.github.io/fukushima-ict/areas/e-government/",
                         "https://example.github.io/fukushima-ict/areas/education/",
                         "https://example.github.io/fukushima-ict/areas/industry/",
                         "https://example.github.io/fukushima-ict/areas/recovery/",
                         "https://example.github.io/fukushima-ict/areas/safety/",
                         "https://example.github.io/fukushima-ict/data/achievement/"}));
  // 404.html is served at any depth: all its links are absolute from base_url.
  const auto not_found = read_file(root / "404.html");
  BOOST_TEST(not_found.find("href=\"https://example.github.io/fukushima-ict/css/style.css\"") !=
             std::string::npos);
  BOOST_TEST(
      not_found.find("href=\"https://example.github.io/fukushima-ict/areas/safety/index.html\"") !=
      std::string::npos);
  BOOST_TEST(not_found.find("href=\"../") == std::string::npos);
  BOOST_TEST(not_found.find("<meta name=\"robots\" content=\"noindex\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_custom_domain_writes_cname_and_lastmod_comes_from_front_matter) {
  TempDir dir;
  copy_sample_site(dir.path());
  const auto config = read_file(dir.path() / "site.toml");
  write_file(dir.path() / "site.toml", "custom_domain = \"hyoka.example.jp\"\n" + config);
  const auto page = read_file(dir.path() / "content/areas/safety.md");
  write_file(dir.path() / "content/areas/safety.md", "+++\nupdated = 2022-03-31" + page.substr(3));
  BOOST_REQUIRE(run_hyoka("build -q --base-url https://hyoka.example.jp/", dir.path()).exit_code ==
                0);
  BOOST_TEST(read_file(dir.path() / "public/CNAME") == "hyoka.example.jp\n");
  const auto sitemap = read_file(dir.path() / "public/sitemap.xml");
  BOOST_TEST(
      sitemap.find(
          "<loc>https://hyoka.example.jp/areas/safety/</loc>\n    <lastmod>2022-03-31</lastmod>") !=
      std::string::npos);
  BOOST_TEST(sitemap.find("<lastmod>", sitemap.find("areas/safety") + 40) == std::string::npos);
}
