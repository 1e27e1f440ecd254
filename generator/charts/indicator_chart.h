// The chart of one KPI indicator: a horizontal bar from zero per fiscal year's actual value, the
// baseline's bar outlined above them, the final target as a dashed line across every bar with
// its value written at its top, each year's own target (where the rule divides by it) as a
// diamond on that year's bar, and each value written after its bar with the year's rate and
// grade, so that neither colour nor position is the only cue. Pure: model in, SVG out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/chart_style.h"
#include "charts/svg_text.h"

namespace hyoka {

struct IndicatorBar {
  std::string label;            // before the bar: 「2023年度」, 「基準値（2020年度）」
  std::optional<double> value;  // nullopt: no bar, `text` says why (a missing actual)
  std::string value_attr;       // data-value: the figure as printed, without unit
  std::string text;             // after the bar: 「1,250人（104.2% A）」
  std::string tooltip;          // the bar's <title>
  bool baseline = false;        // outlined, not filled
  std::string fill;             // a filled bar's colour (its grade's)
  std::optional<double> target;  // that year's own target: a diamond on the bar
  std::string target_tooltip;
};

struct IndicatorChart {
  std::string id;                  // unique on its page; every id inside the SVG starts with it
  std::string title;               // names the chart and says where its numbers are
  std::string heading;             // the indicator and its unit
  std::string summary;             // the values and the target in a sentence: the description
  std::vector<std::string> notes;  // under the summary: 「値が小さいほど良い指標です。」
  std::optional<double> target;  // the final target: a dashed line
  std::string target_attr;       // its data-value, as printed
  std::string target_label;      // at the line's top: 「目標値 1,200人（2024年度）」
  std::string year_target_key;   // beside a diamond, when some bar has a target of its own
  std::vector<IndicatorBar> bars;
  int decimals = 0;  // the most any of its figures is printed with: the scale's finest step
};

std::string render_indicator_chart(const IndicatorChart& chart, const ChartStyle& style,
                                   const ChartSize& size);
// Both drawings of the chart on a page, wide then narrow (charts/svg_text.h).
std::string render_page_indicator_chart(const IndicatorChart& chart, const ChartStyle& style);

// A scale of nice ticks over [low, high] (low ≤ 0 ≤ high): steps of 1, 2 or 5 × 10ⁿ, none
// finer than `decimals` places (a count of people has no tick at 0.5), at most `max_steps` of
// them. Each label is exact (「0.25」, 「1,500」, 「−20」), formatted as figures are, never from
// a double.
struct IndicatorTick {
  double value = 0;
  std::string label;
};
std::vector<IndicatorTick> indicator_ticks(double low, double high, int decimals,
                                           int max_steps = 5);

}  // namespace hyoka
