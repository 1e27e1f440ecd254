// The chart of a grade dataset: one 100% stacked bar per area or fiscal year, segments in the
// scale's order, each labelled with its share where the label fits and listed under the bar
// where it does not, a line of the background's colour between segments (so colour is never
// the only cue), and a key that gives each grade's definition. Shares come from the Dataset
// and are formatted as the tables format them.
#pragma once

#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "site/site.h"

namespace hyoka {

struct GradeSegment {
  std::size_t grade = 0;   // index into the scale, also the colour
  double fraction = 0;     // of the bar: count ÷ whole
  std::string label;       // inside the segment: "52.3%"
  std::string listed;      // under the bar when the label does not fit: "C 見直し 2.3%"
  std::string tooltip;     // the segment's <title>
  std::string value_attr;  // data-share, as the table shows it without %
};

struct GradeBar {
  std::string label;  // an area or a fiscal year
  std::vector<GradeSegment> segments;
  std::string text;  // no bar: why ("…（未公表）", "評価対象なし")
};

struct GradePanel {
  std::string heading;
  std::vector<GradeBar> bars;
};

struct GradeKey {
  std::string name;        // "A 計画通り"
  std::string definition;  // "A 計画通り：目標を達成", or the name
};

struct GradeChart {
  std::string id, title, heading, summary;
  std::vector<GradePanel> panels;
  std::vector<GradeKey> key;
  std::vector<std::string> key_groups;  // under the key: 「改善を検討（内容改善＋コスト改善）」
  std::string key_heading;
  const GradeScale* scale = nullptr;  // the colours follow from it and the style
};

std::string render_grade_chart(const GradeChart& chart, const ChartStyle& style,
                               const ChartSize& size);
// Both drawings of a chart on a page, wide then narrow (charts/svg_text.h).
std::string render_page_grade_chart(const GradeChart& chart, const ChartStyle& style);

// Each grade's colour: an ordered scale's ramp best to worst, an unordered scale's distinct
// colours; a special grade grey.
std::vector<std::string> grade_colours(const GradeScale& scale, const ChartStyle& style);

// A grade's name as tables and charts write it: "A 計画通り", or the label alone.
std::string grade_name(const Site& site, const Grade& grade, bool short_label = false);

// One area: a bar per fiscal year. The totals: a bar per fiscal year. Every area: a panel per
// fiscal year, a bar per area.
GradeChart grade_area_chart(const Site& site, const SitePage& page, const AreaRow& row,
                            const std::string& table_caption);
GradeChart grade_totals_chart(const Site& site, const Dataset& dataset,
                              const std::string& table_caption);
GradeChart grade_areas_chart(const Site& site, const Dataset& dataset,
                             const std::string& table_caption);

}  // namespace hyoka
