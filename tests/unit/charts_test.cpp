#define BOOST_TEST_MODULE charts
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <set>

#include "base/utf8.h"
#include "charts/bar_chart.h"
#include "charts/chart_style.h"
#include "charts/grade_chart.h"
#include "charts/indicator_chart.h"
#include "charts/svg_text.h"
#include "charts/text_metrics.h"
#include "render/theme.h"

using namespace hyoka;

namespace {

BarChart chart_of(std::vector<std::vector<double>> panels, double minimum = 0) {
  BarChart chart;
  chart.id = "c";
  chart.title = "t";
  chart.heading = "見出し";
  chart.summary = "要約";
  chart.minimum_domain = minimum;
  for (std::size_t p = 0; p < panels.size(); ++p) {
    ChartPanel panel;
    panel.heading = "令和" + std::to_string(p + 1) + "年度";
    for (std::size_t b = 0; b < panels[p].size(); ++b) {
      ChartBar bar;
      bar.label = "項目" + std::to_string(b);
      bar.value = panels[p][b];
      bar.value_attr = std::to_string(static_cast<long long>(panels[p][b]));
      bar.text = bar.value_attr;
      bar.series = b;
      panel.bars.push_back(bar);
    }
    chart.panels.push_back(panel);
  }
  return chart;
}

// (width, data-value) of every bar.
std::vector<std::pair<double, double>> bars_of(const std::string& svg) {
  std::vector<std::pair<double, double>> out;
  const std::regex rect(
      R"re(<rect x="[^"]*" y="[^"]*" width="([^"]*)" height="[^"]*" fill="[^"]*" class="bar" data-value="([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator();
       ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(nice_ticks_step_by_one_two_or_five_times_a_power_of_ten) {
  BOOST_TEST(nice_ticks(128) == (std::vector<double>{0, 50, 100, 150}));
  BOOST_TEST(nice_ticks(19) == (std::vector<double>{0, 5, 10, 15, 20}));
  BOOST_TEST(nice_ticks(100) == (std::vector<double>{0, 20, 40, 60, 80, 100}));
  BOOST_TEST(nice_ticks(0) == (std::vector<double>{0, 1}));
  BOOST_TEST(nice_ticks(1) == (std::vector<double>{0, 1}));
  BOOST_TEST(nice_ticks(7) == (std::vector<double>{0, 2, 4, 6, 8}));
  BOOST_TEST(nice_ticks(123456).back() == 150000);
  for (const double max : {3.0, 17.0, 99.0, 101.0, 4321.0}) {
    const auto ticks = nice_ticks(max);
    BOOST_TEST(ticks.size() <= 6u);
    BOOST_TEST(ticks.back() >= max);
  }
}

BOOST_AUTO_TEST_CASE(bar_lengths_are_exactly_proportional_from_zero) {
  const auto svg = render_bar_chart(chart_of({{12, 9}, {10, 8}, {13, 10}}), ChartStyle{});
  const auto bars = bars_of(svg);
  BOOST_REQUIRE(bars.size() == 6u);
  const double unit = bars[0].first / bars[0].second;
  for (const auto& [width, value] : bars)
    BOOST_TEST(width == value * unit, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(zero_equal_and_single_values_render) {
  const auto zeros = render_bar_chart(chart_of({{0, 0}}), ChartStyle{});
  for (const auto& [width, value] : bars_of(zeros)) BOOST_TEST(width == 0);
  const auto equal = bars_of(render_bar_chart(chart_of({{5, 5}}), ChartStyle{}));
  BOOST_TEST(equal[0].first == equal[1].first);
  BOOST_TEST(bars_of(render_bar_chart(chart_of({{1}}), ChartStyle{})).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_undefined_ratio_draws_no_bar_but_says_why) {
  auto chart = chart_of({{50}}, 100);
  chart.panels[0].bars[0].defined = false;
  chart.panels[0].bars[0].text = "\u2212（分母が0）";
  const auto svg = render_bar_chart(chart, ChartStyle{});
  BOOST_TEST(bars_of(svg).empty());
  BOOST_TEST(svg.find("\u2212（分母が0）") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(svg_names_itself_and_points_at_its_summary_with_prefixed_ids) {
  auto chart = chart_of({{3}});
  chart.id = "chart-x";
  const auto svg = render_bar_chart(chart, ChartStyle{});
  BOOST_TEST(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 696 "));
  BOOST_TEST(
      svg.find(
          "role=\"img\" aria-labelledby=\"chart-x-title\" aria-describedby=\"chart-x-summary\"") !=
      std::string::npos);
  BOOST_TEST(svg.find("<title id=\"chart-x-title\">t</title>") != std::string::npos);
  BOOST_TEST(svg.find("<g id=\"chart-x-summary\">") != std::string::npos);
  BOOST_TEST(svg.find("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>") !=
             std::string::npos);
  const std::regex id(R"re( id="([^"]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id); it != std::sregex_iterator();
       ++it) {
    BOOST_TEST((*it)[1].str().starts_with("chart-x-"));
  }
  BOOST_TEST(svg.find("<title>") != std::string::npos);  // every bar carries its value
}

// A page carries each chart drawn twice, for wide and narrow columns (the theme's CSS shows
// one): the wide first, as the standalone file has it, then the narrow, whose ids all end the
// chart's id with "-narrow" so both may stand on one page.
BOOST_AUTO_TEST_CASE(a_page_carries_a_wide_and_a_narrow_drawing_with_their_own_ids) {
  auto chart = chart_of({{12, 9}, {10, 8}});
  chart.id = "chart-x";
  const auto page = render_page_bar_chart(chart, ChartStyle{});
  const auto wide = render_bar_chart(chart, ChartStyle{}, kWideChart);
  const auto narrow = render_bar_chart(chart, ChartStyle{}, kNarrowChart);
  BOOST_TEST(page == wide + narrow);
  BOOST_TEST(wide.find("viewBox=\"0 0 696 ") != std::string::npos);
  BOOST_TEST(wide.find("class=\"chart chart-wide\"") != std::string::npos);
  BOOST_TEST(narrow.find("viewBox=\"0 0 288 ") != std::string::npos);
  BOOST_TEST(narrow.find("class=\"chart chart-narrow\"") != std::string::npos);
  BOOST_TEST(narrow.find("aria-labelledby=\"chart-x-narrow-title\" "
                         "aria-describedby=\"chart-x-narrow-summary\"") != std::string::npos);
  const std::regex id(R"re( id="([^"]+)")re");
  std::set<std::string> ids;
  for (const auto* svg : {&wide, &narrow}) {
    for (auto it = std::sregex_iterator(svg->begin(), svg->end(), id); it != std::sregex_iterator();
         ++it) {
      BOOST_TEST(ids.insert((*it)[1].str()).second, "twice: " << (*it)[1].str());
      BOOST_TEST((*it)[1].str().starts_with(svg == &narrow ? "chart-x-narrow-" : "chart-x-"));
    }
  }
  BOOST_TEST(ids.size() == 4u);
}

// Every text is the root's 12 units or a multiple of it of at least 1, so the theme's CSS scales
// them all by setting the root's font-size; only headings are larger, at 15 units: 16 px labels
// give 20 px headings, under the themes' 22 px section headings.
BOOST_AUTO_TEST_CASE(every_text_is_sized_relative_to_the_root_and_none_below_it) {
  auto chart = chart_of({{12, 9}, {10, 8}}, 100);
  chart.panels[0].notes = {"達成項目の割合 75.0%"};
  for (const auto* size : {&kWideChart, &kNarrowChart}) {
    const auto svg = render_bar_chart(chart, ChartStyle{}, *size);
    BOOST_TEST(svg.find(" font-size=\"12\" class=\"chart chart-") != std::string::npos);
    const std::regex text(R"re(<text ([^>]*)>)re");
    const std::regex font_size(R"re(font-size="([^"]*)")re");
    int texts = 0, headings = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
         ++it) {
      ++texts;
      const auto attributes = (*it)[1].str();
      std::smatch m;
      if (!std::regex_search(attributes, m, font_size)) continue;
      BOOST_TEST(m[1].str() == "1.25em", attributes);
      BOOST_TEST(attributes.find("class=\"heading\"") != std::string::npos, attributes);
      ++headings;
    }
    BOOST_TEST(texts > 10);
    BOOST_TEST(headings == 1);
  }
}

BOOST_AUTO_TEST_CASE(japanese_text_wraps_without_starting_a_line_with_closing_punctuation) {
  const auto lines =
      wrap_text("達成項目の割合が最も高いのは令和2年度（2020年度）の87.5%です。", 120, 12);
  BOOST_TEST(lines.size() > 1u);
  std::string joined;
  for (const auto& line : lines) {
    BOOST_TEST(text_width(line, 12) <= 120 + 12);
    BOOST_TEST(!line.starts_with("）"));
    BOOST_TEST(!line.starts_with("。"));
    joined += line;
  }
  BOOST_TEST(joined == "達成項目の割合が最も高いのは令和2年度（2020年度）の87.5%です。");
  BOOST_TEST(wrap_text("Society 5.0 and more", 60, 12).front() == "Society");
  BOOST_TEST(text_width("日本", 10) == 20);
}

// wrap_text as it was first written: every line measured whole with each new piece. The
// incremental version must break at exactly the same places.
std::vector<std::string> wrap_measuring_whole_lines(std::string_view text, double max_width,
                                                    double font_size) {
  const std::u32string closers = U"、。，．）」』】〕〉》・ー？！％%)],.:;";
  const std::u32string openers = U"（「『【〔〈《([";
  const auto latin = [](char32_t c) { return c < 0x1100 && c != U' '; };
  std::vector<std::string> pieces;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const auto first = utf8::next(text, pos).value_or(U'?');
    const auto take_while = [&](auto keep) {
      while (pos < text.size()) {
        std::size_t next = pos;
        if (!keep(utf8::next(text, next).value_or(U'?'))) break;
        pos = next;
      }
    };
    if (latin(first)) take_while(latin);
    take_while([&](char32_t c) { return closers.find(c) != std::u32string::npos || c == U' '; });
    const std::string piece(text.substr(start, pos - start));
    std::optional<char32_t> last;
    for (std::size_t q = 0; !pieces.empty() && q < pieces.back().size();) {
      last = utf8::next(pieces.back(), q);
    }
    if (last && openers.find(*last) != std::u32string::npos) {
      pieces.back() += piece;
    } else {
      pieces.push_back(piece);
    }
  }
  std::vector<std::string> lines;
  std::string line;
  const auto trim = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
  };
  for (const auto& piece : pieces) {
    if (!line.empty() && text_width(line + piece, font_size) > max_width) {
      trim();
      lines.push_back(line);
      line.clear();
      if (piece == " ") continue;
    }
    line += piece;
  }
  trim();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

BOOST_AUTO_TEST_CASE(wrapping_breaks_where_measuring_each_line_whole_breaks) {
  const std::vector<std::string> atoms = {
      "a",  "M",  "w",  "7",  "%",        ".",    "(",    ")",       "[",   ";",     " ",  " ",
      "達", "成", "、", "。", "）",       "（",   "「",   "」",      "【",  "・",    "ー", "％",
      "ｶ",  "１", "🌸",  "é",  "\xe4\xbb", "\x80", "\xff", "Society", "5.0", "\u2212"};
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = static_cast<int>(random() % 40); n > 0; --n)
      text += atoms[random() % atoms.size()];
    const double font_size = i % 2 ? 12 : 11;
    const double max_width = static_cast<double>(random() % 400) / 3;
    BOOST_TEST_REQUIRE(wrap_text(text, max_width, font_size) ==
                           wrap_measuring_whole_lines(text, max_width, font_size),
                       text << " in " << max_width);
  }
}

BOOST_AUTO_TEST_CASE(svg_numbers_round_the_exact_binary_value_as_printf_does) {
  const auto printf_number = [](double v) {
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
  };
  std::vector<double> values = {0,     -0.0,  1,      -1,     0.005, 0.015,   1.005,
                                2.675, 2.125, -2.125, 99.995, 0.3,   -0.004,  1e13,
                                -1e13, 1e15,  1e16,   163.2,  236.4, 1.0 / 3, 12345.675};
  std::mt19937_64 random(11);
  for (int i = 0; i < 200000; ++i) {
    const auto k = static_cast<double>(static_cast<long long>(random() % 2000000) - 1000000);
    values.push_back(k / 8);             // ties at the third decimal
    values.push_back(k / 1000 + 0.005);  // near them
    values.push_back(std::nextafter(k / 200, i % 2 ? 1e300 : -1e300));
    values.push_back(k / 7 * std::pow(10.0, static_cast<int>(random() % 20) - 8));
  }
  for (const double v : values) BOOST_TEST_REQUIRE(svg_number(v) == printf_number(v), v);
}

BOOST_AUTO_TEST_CASE(wcag_contrast_matches_the_published_figures) {
  BOOST_TEST(*contrast_ratio("#000000", "#ffffff") == 21.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*contrast_ratio("#808080", "#ffffff") == 3.95, boost::test_tools::tolerance(0.01));
  BOOST_TEST(*contrast_ratio("#0031d8", "#ffffff") == 8.64, boost::test_tools::tolerance(0.01));
  BOOST_TEST(*contrast_ratio("#e69f00", "#ffffff") == 2.25, boost::test_tools::tolerance(0.02));
  BOOST_TEST(!contrast_ratio("red", "#ffffff"));
}

// Every theme in themes/: text 4.5:1 and every bar colour 3:1 against the chart's background.
// Bars of one group are separated by a white gap, so they need no contrast with each other.
BOOST_AUTO_TEST_CASE(every_theme_palette_meets_wcag_contrast) {
  const RealFileSystem fs;
  const std::string themes = std::string(HYOKA_SOURCE_DIR) + "/themes";
  const auto names = fs.list_dirs(themes);
  BOOST_REQUIRE(!names.empty());
  for (const auto& name : names) {
    BOOST_TEST_CONTEXT(name) {
      SiteConfig config;
      config.theme = name;
      Diagnostics diags;
      const auto theme = load_theme(fs, themes, config, diags);
      BOOST_REQUIRE(theme);
      const auto& style = theme->chart_style;
      BOOST_TEST(*contrast_ratio(style.text, style.background) >= 4.5);
      BOOST_TEST(*contrast_ratio(style.muted_text, style.background) >= 4.5);
      for (const auto& colour : style.palette) {
        BOOST_TEST_CONTEXT(colour) {
          BOOST_TEST(*contrast_ratio(colour, style.background) >= 3.0);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(grade_colours_pass_3_to_1_and_the_separator_passes_against_each) {
  const ChartStyle style;
  BOOST_TEST(style.grade_ramp.size() >= 6u);
  BOOST_TEST(style.grade_categories.size() >= 6u);
  std::vector<std::string> all = style.grade_ramp;
  all.insert(all.end(), style.grade_categories.begin(), style.grade_categories.end());
  all.push_back(style.grade_special);
  for (const auto& colour : all) {
    // Against the background, and so against the separator drawn in the background's colour.
    BOOST_TEST(contrast_ratio(colour, style.background).value_or(0) >= 3.0, colour);
  }
  BOOST_TEST(std::set<std::string>(style.grade_ramp.begin(), style.grade_ramp.end()).size() ==
             style.grade_ramp.size());
}

BOOST_AUTO_TEST_CASE(an_ordered_scale_spreads_over_the_ramp_and_an_unordered_one_does_not) {
  const ChartStyle style;
  GradeScale scale;
  for (const char* id : {"a", "b", "c", "d"}) scale.grades.push_back({id, id, id, "", "", false});
  scale.grades.push_back({"x", "x", "x", "", "", true});
  const auto ordered = grade_colours(scale, style);
  BOOST_TEST(ordered == (std::vector<std::string>{style.grade_ramp[0], style.grade_ramp[2],
                                                  style.grade_ramp[4], style.grade_ramp[6],
                                                  style.grade_special}));
  scale.ordered = false;
  const auto unordered = grade_colours(scale, style);
  BOOST_TEST(unordered ==
             (std::vector<std::string>{style.grade_categories[0], style.grade_categories[1],
                                       style.grade_categories[2], style.grade_categories[3],
                                       style.grade_special}));
}

BOOST_AUTO_TEST_CASE(a_share_too_wide_for_its_segment_is_listed_under_the_bar) {
  GradeScale scale;
  scale.grades = {{"a", "A", "A", "", "", false}, {"b", "B", "B", "", "", false}};
  GradeChart chart;
  chart.id = "g";
  chart.title = "t";
  chart.heading = "h";
  chart.summary = "s";
  chart.scale = &scale;
  chart.key = {{"A", "A：目標を達成"}, {"B", "B"}};
  GradePanel panel;
  panel.bars.push_back(
      {"2024",
       {{0, 0.98, "98.0%", "A 98.0%", "A", "98.0"}, {1, 0.02, "2.0%", "B 2.0%", "B", "2.0"}},
       ""});
  chart.panels.push_back(panel);
  const auto svg = render_grade_chart(chart, ChartStyle{}, kWideChart);
  BOOST_TEST(svg.find(">98.0%</text>") != std::string::npos);          // inside its segment
  BOOST_TEST(svg.find(">2.0%</text>") == std::string::npos);           // too narrow …
  BOOST_TEST(svg.find(">B 2.0%</text>") != std::string::npos);         // … so listed
  BOOST_TEST(svg.find(">A：目標を達成</text>") != std::string::npos);  // the key's definition
  BOOST_TEST(svg.find("role=\"img\"") != std::string::npos);
}

namespace {

// An indicator 1,000 at its baseline, aiming for 1,200: 1,100 and 1,250 in two years, the
// third year not yet counted.
IndicatorChart indicator_of(std::vector<std::optional<double>> actuals) {
  IndicatorChart chart;
  chart.id = "k";
  chart.title = "t";
  chart.heading = "観光入込客数（人）";
  chart.summary = "要約";
  chart.target = 1200;
  chart.target_attr = "1200";
  chart.target_label = "目標値 1,200人（2024年度）";
  IndicatorBar base;
  base.label = "基準値（2020年度）";
  base.value = 1000;
  base.value_attr = "1000";
  base.text = "1,000人";
  base.baseline = true;
  chart.bars.push_back(base);
  for (std::size_t i = 0; i < actuals.size(); ++i) {
    IndicatorBar bar;
    bar.label = std::to_string(2022 + i) + "年度";
    bar.value = actuals[i];
    if (actuals[i]) bar.value_attr = std::to_string(static_cast<long long>(*actuals[i]));
    bar.text = actuals[i] ? bar.value_attr + "人（達成率 A）" : "…（未集計、X）";
    bar.fill = "#08467d";
    chart.bars.push_back(bar);
  }
  return chart;
}

struct Drawn {
  double x = 0, width = 0, value = 0;
  std::string cls;
};

std::vector<Drawn> indicator_bars_of(const std::string& svg) {
  std::vector<Drawn> out;
  const std::regex rect(
      R"re(<rect x="([^"]*)" y="[^"]*" width="([^"]*)" height="[^"]*" [^>]*class="(bar[^"]*)" data-value="([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator();
       ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[4]), (*it)[3]});
  }
  return out;
}

// x1 of the target line.
std::optional<double> target_line_of(const std::string& svg) {
  const std::regex line(
      R"re(<line x1="([^"]*)" y1="[^"]*" x2="[^"]*" y2="[^"]*" [^>]*class="target")re");
  std::smatch m;
  if (!std::regex_search(svg, m, line)) return std::nullopt;
  return std::stod(m[1]);
}

}  // namespace

BOOST_AUTO_TEST_CASE(indicator_bars_start_at_zero_and_are_exactly_proportional) {
  for (const auto& size : {kWideChart, kNarrowChart}) {
    const auto svg = render_indicator_chart(indicator_of({1100, 1250, 600}), ChartStyle{}, size);
    const auto bars = indicator_bars_of(svg);
    BOOST_REQUIRE(bars.size() == 4u);
    BOOST_TEST(bars[0].cls == "bar baseline");
    const double unit = bars[0].width / bars[0].value;
    for (const auto& bar : bars) {
      BOOST_TEST(bar.x == bars[0].x);  // every bar from the same zero
      BOOST_TEST(bar.width == bar.value * unit, boost::test_tools::tolerance(0.01));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_target_line_stands_where_its_value_is_on_the_bars_scale) {
  // An actual value equal to the target ends its bar exactly on the line; the line of 1,200
  // stands at 1,200 ÷ 1,250 of the bar of 1,250.
  const auto svg = render_indicator_chart(indicator_of({1200, 1250}), ChartStyle{}, kWideChart);
  const auto bars = indicator_bars_of(svg);
  BOOST_REQUIRE(bars.size() == 3u);
  const auto line = target_line_of(svg);
  BOOST_REQUIRE(line);
  BOOST_TEST(*line == bars[1].x + bars[1].width, boost::test_tools::tolerance(0.005));
  BOOST_TEST(*line - bars[2].x == bars[2].width * 1200 / 1250, boost::test_tools::tolerance(0.01));
  BOOST_TEST(svg.find(">目標値 1,200人（2024年度）</text>") != std::string::npos);
  BOOST_TEST(svg.find("stroke-dasharray=\"6 3\" class=\"target\" data-value=\"1200\"") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_actual_draws_no_bar_but_its_symbol_and_reason) {
  const auto svg =
      render_indicator_chart(indicator_of({1100, std::nullopt}), ChartStyle{}, kWideChart);
  const auto bars = indicator_bars_of(svg);
  BOOST_TEST(bars.size() == 2u);  // the baseline and 2022: no bar for 2023, not even of 0
  for (const auto& bar : bars) BOOST_TEST(bar.width > 0);
  BOOST_TEST(svg.find(">…（未集計、X）</text>") != std::string::npos);
  BOOST_TEST(svg.find(">2023年度</text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_years_own_target_is_a_diamond_on_its_bar_with_a_key) {
  auto chart = indicator_of({30, 45});
  chart.target.reset();
  chart.bars[1].target = 40;
  chart.bars[1].target_tooltip = "2022年度 目標値：40件";
  chart.bars[2].target = 45;
  chart.year_target_key = "その年度の目標値";
  const auto svg = render_indicator_chart(chart, ChartStyle{}, kWideChart);
  BOOST_TEST(!target_line_of(svg));
  BOOST_TEST(svg.find(">その年度の目標値</text>") != std::string::npos);
  const std::regex diamond(R"re(<path d="M([^ ]*) [^"]*" [^>]*class="year-target")re");
  std::vector<double> xs;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), diamond);
       it != std::sregex_iterator(); ++it) {
    xs.push_back(std::stod((*it)[1]));
  }
  BOOST_REQUIRE(xs.size() == 2u);
  const auto bars = indicator_bars_of(svg);
  BOOST_REQUIRE(bars.size() == 3u);
  // 45 met its target: the diamond sits on the bar's end; 40 at 40/30 of the bar of 30.
  BOOST_TEST(xs[1] == bars[2].x + bars[2].width, boost::test_tools::tolerance(0.005));
  BOOST_TEST(xs[0] - bars[1].x == bars[1].width * 40 / 30, boost::test_tools::tolerance(0.01));
  BOOST_TEST(svg.find("<title>2022年度 目標値：40件</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(indicator_ticks_are_exact_decimals_by_one_two_or_five) {
  const auto labels = [](double low, double high, int decimals = 0) {
    std::vector<std::string> out;
    for (const auto& t : indicator_ticks(low, high, decimals)) out.push_back(t.label);
    return out;
  };
  // 1,250 ÷ 5 steps = 250: 100 needs 13 steps, 200 needs 7, 500 needs 3.
  BOOST_TEST(labels(0, 1250) == (std::vector<std::string>{"0", "500", "1,000", "1,500"}));
  // 0.35 ÷ 5 = 0.07: a step of 0.1, written exactly (a double 0.1 × 3 is 0.30000000000000004).
  BOOST_TEST(labels(0, 0.35, 2) == (std::vector<std::string>{"0", "0.1", "0.2", "0.3", "0.4"}));
  // No step finer than the figures' decimals: 3 people ÷ 5 = 0.6 would step by 1 person.
  BOOST_TEST(labels(0, 3) == (std::vector<std::string>{"0", "1", "2", "3"}));
  BOOST_TEST(labels(0, 3, 1) == (std::vector<std::string>{"0", "1", "2", "3"}));
  BOOST_TEST(labels(0, 0.3, 1) == (std::vector<std::string>{"0", "0.1", "0.2", "0.3"}));
  BOOST_TEST(labels(0, 71.25, 2) == (std::vector<std::string>{"0", "20", "40", "60", "80"}));
  // Below zero with a minus sign as pages write it: 65 ÷ 5 = 13, a step of 20.
  BOOST_TEST(labels(-20, 45) == (std::vector<std::string>{"\u221220", "0", "20", "40", "60"}));
  BOOST_TEST(labels(0, 0) == (std::vector<std::string>{"0", "1"}));
}

BOOST_AUTO_TEST_CASE(an_indicator_chart_names_itself_and_its_drawings_have_their_own_ids) {
  const auto chart = indicator_of({1100});
  const auto page = render_page_indicator_chart(chart, ChartStyle{});
  BOOST_TEST(page.find("role=\"img\" aria-labelledby=\"k-title\" aria-describedby=\"k-summary\"") !=
             std::string::npos);
  BOOST_TEST(
      page.find("aria-labelledby=\"k-narrow-title\" aria-describedby=\"k-narrow-summary\"") !=
      std::string::npos);
  BOOST_TEST(page.find("<g id=\"k-summary\">") != std::string::npos);
  BOOST_TEST(page.find("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>") !=
             std::string::npos);
  // Text only in the chart's text colours, every one passing 4.5:1 (charts_test's palette check).
  const std::regex fill(R"re(<text [^>]*fill="([^"]*)")re");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), fill); it != std::sregex_iterator();
       ++it) {
    const auto colour = (*it)[1].str();
    BOOST_TEST((colour == ChartStyle{}.text || colour == ChartStyle{}.muted_text), colour);
  }
}

BOOST_AUTO_TEST_CASE(a_value_below_zero_draws_its_bar_left_of_zero_on_the_same_scale) {
  // A change printed 「▲20」 beside one of 45: the scale runs from −20 to 60 in steps of 20.
  auto chart = indicator_of({-20, 45});
  chart.bars.erase(chart.bars.begin());  // no baseline
  chart.target.reset();
  const auto svg = render_indicator_chart(chart, ChartStyle{}, kWideChart);
  const auto bars = indicator_bars_of(svg);
  BOOST_REQUIRE(bars.size() == 2u);
  const double zero = bars[1].x;
  BOOST_TEST(bars[0].x + bars[0].width == zero, boost::test_tools::tolerance(0.005));
  BOOST_TEST(bars[0].width / 20 == bars[1].width / 45, boost::test_tools::tolerance(0.001));
  BOOST_TEST(svg.find(">\u221220</text>") != std::string::npos);  // the first tick
}
