// The one chart hyoka draws: horizontal bars from zero, in panels (one per fiscal year), with
// a label before each bar and its value printed after it. Grouped bars of counts and ratio
// bars by area are both this shape, so both get the same checks. Pure: model in, SVG out.
#pragma once

#include <string>
#include <vector>

#include "charts/chart_style.h"
#include "charts/svg_text.h"

namespace hyoka {

struct ChartBar {
  std::string label;       // before the bar: a measure or an area
  bool defined = true;     // false: no bar, `text` says why (a ratio with denominator 0)
  double value = 0;        // the figure as shown in the table; bar length is proportional
  std::string value_attr;  // data-value, as shown in the table without unit
  std::string text;        // after the bar: "12", "76.9%（10/13件）"
  std::string tooltip;     // the mark's <title>
  std::size_t series = 0;  // palette index
};

struct ChartPanel {
  std::string heading;  // a fiscal year
  std::vector<ChartBar> bars;
  std::vector<std::string> notes;  // lines under the panel, such as the group's ratio
};

struct BarChart {
  std::string id;       // unique on its page; every id inside the SVG starts with it
  std::string title;    // names the chart and says where its numbers are
  std::string heading;  // shown at the top
  std::string summary;  // a sentence from the data, shown and used as the description
  std::vector<ChartPanel> panels;
  std::string tick_suffix;    // "%" for ratios
  double minimum_domain = 0;  // 100 for ratio charts, so 0–100% is always the scale
};

std::string render_bar_chart(const BarChart& chart, const ChartStyle& style,
                             const ChartSize& size = kWideChart);
// The chart as a page carries it: wide, then narrow (ChartSize).
std::string render_page_bar_chart(const BarChart& chart, const ChartStyle& style);

// The shell a page's figure keeps for a chart it draws from its own SVG (a grade or an indicator
// chart): its id, title, heading and summary.
template <typename Chart>
BarChart chart_shell(const Chart& chart) {
  BarChart shell;
  shell.id = chart.id;
  shell.title = chart.title;
  shell.heading = chart.heading;
  shell.summary = chart.summary;
  return shell;
}

// Nice ticks from 0: a step of 1, 2 or 5 × 10ⁿ (at least 1) with at most `max_steps` steps
// to cover `max`.
std::vector<double> nice_ticks(double max, int max_steps = 5);

}  // namespace hyoka
