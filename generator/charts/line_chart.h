// A trend over a few fiscal years: one line per series from a zero baseline, each with its own
// marker shape and dash style, labelled at its end, so colour is never the only cue.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart_style.h"
#include "charts/svg_text.h"

namespace hyoka {

struct LinePoint {
  bool defined = true;     // false: a gap (a ratio with denominator 0, or a missing value)
  double value = 0;        // as shown in the table
  std::string value_attr;  // data-value
  std::string tooltip;
  std::string missing;  // a missing value's symbol, written where the point would be
};

struct LineSeries {
  std::string label;
  std::vector<LinePoint> points;  // one per x label
};

struct LineChart {
  std::string id;
  std::string title;
  std::string heading;
  std::string summary;
  std::vector<std::string> x_labels;  // fiscal years
  // The fiscal years themselves, ascending: the x axis spaces them by time, and a span of
  // years without data is shaded and labelled `gap_label`. Empty: evenly spaced.
  std::vector<int> x_years;
  std::string gap_label;
  // Between the tooltips of several series missing in one year.
  std::string separator = "、";
  std::vector<LineSeries> series;
  std::string tick_suffix;
  double minimum_domain = 0;
};

// At most this many lines: more are a tangle, and the markers and dashes run out.
constexpr std::size_t kMaxLines = 6;

std::string render_line_chart(const LineChart& chart, const ChartStyle& style,
                              const ChartSize& size = kWideChart);
// The chart as a page carries it: wide, then narrow (ChartSize).
std::string render_page_line_chart(const LineChart& chart, const ChartStyle& style);

}  // namespace hyoka
