#include "charts/line_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "charts/bar_chart.h"
#include "charts/svg_text.h"
#include "charts/text_metrics.h"

namespace hyoka {

namespace {

constexpr double kMargin = 12;
constexpr double kTextSize = kChartTextSize;
constexpr double kTickSize = kChartTextSize;  // a smaller one would fall below 12 px on a phone
constexpr double kLine = SvgWriter::kLineHeight;

const char* kDashes[] = {"", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"};

// A marker of its own shape for each series, centred on (x, y), carrying its value.
std::string marker(std::size_t series, double x, double y, const std::string& colour,
                   const LinePoint& point) {
  const double r = 4;
  const auto n = [](double v) { return svg_number(v); };
  const std::string filled = "fill=\"" + colour + "\"";
  const std::string hollow = "fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"2\"";
  std::string element, attributes;
  switch (series % kMaxLines) {
    case 0:
    case 4:
      element = "circle";
      attributes = "cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"" + n(r) + "\" " +
                   (series % kMaxLines == 0 ? filled : hollow);
      break;
    case 1:
    case 5:
      element = "rect";
      attributes = "x=\"" + n(x - r) + "\" y=\"" + n(y - r) + "\" width=\"" + n(2 * r) +
                   "\" height=\"" + n(2 * r) + "\" " + (series % kMaxLines == 1 ? filled : hollow);
      break;
    case 2:
      element = "path";
      // Symmetric about y, so the shape's centre is the value.
      attributes = "d=\"M" + n(x) + " " + n(y - r - 1) + "L" + n(x + r + 1) + " " + n(y + r + 1) +
                   "L" + n(x - r - 1) + " " + n(y + r + 1) + "Z\" " + filled;
      break;
    default:
      element = "path";
      attributes = "d=\"M" + n(x) + " " + n(y - r - 1) + "L" + n(x + r + 1) + " " + n(y) + "L" +
                   n(x) + " " + n(y + r + 1) + "L" + n(x - r - 1) + " " + n(y) + "Z\" " + filled;
      break;
  }
  // Data points carry their value; the keys beside the end labels do not.
  const std::string value = point.value_attr.empty() ? ""
                                                     : " class=\"point\" data-value=\"" +
                                                           svg_escape(point.value_attr) + "\"";
  return "<" + element + " " + attributes + value + "><title>" + svg_escape(point.tooltip) +
         "</title></" + element + ">\n";
}

}  // namespace

std::string render_line_chart(const LineChart& chart, const ChartStyle& style,
                              const ChartSize& size) {
  const double width = size.width;
  // Wider charts are a little taller, so a line's slope stays readable.
  const double plot_height = std::max(180.0, width * 0.35);
  const std::string id = chart.id + std::string(size.id_suffix);
  const double inner = width - 2 * kMargin;
  SvgWriter svg;
  double y = kMargin;
  y = svg.heading_and_summary(kMargin, y, inner, id, chart.heading, chart.summary, style);
  y += 12;

  double max_value = chart.minimum_domain;
  for (const auto& s : chart.series) {
    for (const auto& p : s.points) {
      if (p.defined) max_value = std::max(max_value, p.value);
    }
  }
  const auto ticks = nice_ticks(max_value, 4);
  const double domain = ticks.back();
  double tick_width = 0;
  for (const double t : ticks) {
    tick_width = std::max(tick_width, text_width(svg_number(t) + chart.tick_suffix, kTickSize));
  }
  // Labels at the line ends take the right third; long ones wrap.
  const double label_width = inner * 0.34 - 12;
  const double x0 = kMargin + tick_width + 6;
  const double x1 = width - kMargin - label_width - 20;
  const double top = y + kTextSize;  // room for the top tick's label
  const double bottom = top + plot_height;
  const auto y_of = [&](double v) { return bottom - plot_height * v / domain; };
  const std::size_t n = chart.x_labels.size();
  // Positions in time: the years, or evenly 0, 1, 2 … when the chart gives none.
  const bool by_year = chart.x_years.size() == n && n > 1;
  const auto step_of = [&](std::size_t i) {
    return by_year ? chart.x_years[i] - chart.x_years[0] : static_cast<int>(i);
  };
  const int span = n > 1 ? step_of(n - 1) : 0;
  int closest = span;  // the fewest years between two neighbours
  for (std::size_t i = 1; i < n; ++i) closest = std::min(closest, step_of(i) - step_of(i - 1));
  const auto x_of = [&](std::size_t i) {
    return n == 1 ? (x0 + x1) / 2
                  : x0 + 10 + (x1 - x0 - 20) * static_cast<double>(step_of(i)) / span;
  };

  std::string grid, marks, ends;
  for (const double t : ticks) {
    grid += "<line x1=\"" + svg_number(x0) + "\" y1=\"" + svg_number(y_of(t)) + "\" x2=\"" +
            svg_number(x1) + "\" y2=\"" + svg_number(y_of(t)) + "\" stroke=\"" + style.grid +
            "\" stroke-width=\"1\"/>\n";
    svg.text(x0 - 6, y_of(t) + kTickSize * 0.35, svg_number(t) + chart.tick_suffix, kTickSize,
             style.muted_text, " text-anchor=\"end\" class=\"tick\"");
  }
  // Years without data between two that have it: a shaded band, labelled where it fits.
  for (std::size_t i = 1; by_year && i < n; ++i) {
    if (step_of(i) - step_of(i - 1) < 2) continue;
    const double year = (x1 - x0 - 20) / span;
    const double left = x_of(i - 1) + year / 2;
    const double right = x_of(i) - year / 2;
    grid += "<rect x=\"" + svg_number(left) + "\" y=\"" + svg_number(top) + "\" width=\"" +
            svg_number(right - left) + "\" height=\"" + svg_number(plot_height) + "\" fill=\"" +
            style.grid + "\" fill-opacity=\"0.35\" class=\"gap\"/>\n";
    if (!chart.gap_label.empty() && text_width(chart.gap_label, kTickSize) <= right - left - 4) {
      svg.text((left + right) / 2, top + kTickSize * 1.2, chart.gap_label, kTickSize,
               style.muted_text, " text-anchor=\"middle\" class=\"gap-label\"");
    }
  }
  // X labels: the fiscal years, wrapped into the space each has.
  const double slot = n == 1 ? x1 - x0 : (x1 - x0 - 20) / span * closest;
  double x_label_bottom = bottom;
  for (std::size_t i = 0; i < n; ++i) {
    // 令和元年度（2019年度） reads best as two lines, the era year above the Western one.
    const auto& label = chart.x_labels[i];
    const auto bracket = label.find("（");
    std::vector<std::string> lines;
    for (const auto& part :
         bracket == std::string::npos || bracket == 0
             ? std::vector<std::string>{label}
             : std::vector<std::string>{label.substr(0, bracket), label.substr(bracket)}) {
      for (auto& line : wrap_text(part, std::max(slot - 4, 30.0), kTickSize)) lines.push_back(line);
    }
    double line_y = bottom + 10;  // below the 0 tick's label, which sits on the baseline
    for (const auto& line : lines) {
      line_y += kTickSize * kLine;
      svg.text(x_of(i), line_y - kTickSize * 0.45, line, kTickSize, style.muted_text,
               " text-anchor=\"middle\" class=\"tick\"");
    }
    x_label_bottom = std::max(x_label_bottom, line_y);
  }

  // Where a value is missing, its symbol just above the axis: a labelled gap, never a point
  // at zero. One label a year, with every series' symbol that is missing there.
  for (std::size_t i = 0; i < n; ++i) {
    std::string symbols, titles;
    for (const auto& series : chart.series) {
      if (i >= series.points.size() || series.points[i].missing.empty()) continue;
      const auto& point = series.points[i];
      if (symbols.find(point.missing) == std::string::npos) symbols += point.missing;
      titles += (titles.empty() ? "" : chart.separator) + point.tooltip;
    }
    if (symbols.empty()) continue;
    svg.raw("<text x=\"" + svg_number(x_of(i)) + "\" y=\"" + svg_number(bottom - 6) + "\" fill=\"" +
            style.text + "\" text-anchor=\"middle\" class=\"missing\">" + svg_escape(symbols) +
            "<title>" + svg_escape(titles) + "</title></text>\n");
  }

  struct EndLabel {
    double y;
    std::vector<std::string> lines;
    std::size_t series;
  };
  std::vector<EndLabel> labels;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& series = chart.series[s];
    const auto& colour = style.palette[s % style.palette.size()];
    std::string path;
    bool pen_down = false;
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < series.points.size(); ++i) {
      const auto& p = series.points[i];
      if (!p.defined) {
        pen_down = false;
        continue;
      }
      path += (pen_down ? "L" : "M") + svg_number(x_of(i)) + " " + svg_number(y_of(p.value));
      pen_down = true;
      last = i;
      marks += marker(s, x_of(i), y_of(p.value), colour, p);
    }
    if (!path.empty()) {
      const std::string dash = kDashes[s % kMaxLines];
      grid += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour +
              "\" stroke-width=\"2\"" + (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") +
              "/>\n";
    }
    if (last) {
      const auto& p = series.points[*last];
      std::string shown = p.value_attr + chart.tick_suffix;
      labels.push_back(
          {y_of(p.value), wrap_text(series.label + " " + shown, label_width, kTextSize), s});
    }
  }
  // End labels in the order of their lines' ends, pushed apart so none overlaps another.
  std::sort(labels.begin(), labels.end(),
            [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  double next_free = top - kTextSize;
  for (auto& label : labels) {
    const double height = static_cast<double>(label.lines.size()) * kTextSize * kLine;
    double line_top = std::max(label.y - kTextSize * kLine / 2, next_free);
    next_free = line_top + height + 2;
    // The line's own marker before its label ties the two together without colour.
    const auto& series = chart.series[label.series];
    const auto& colour = style.palette[label.series % style.palette.size()];
    LinePoint key{true, 0, "", series.label, ""};
    svg.raw(marker(label.series, x1 + 12, line_top + kTextSize * kLine / 2, colour, key));
    svg.lines(x1 + 20, line_top, label.lines, kTextSize, style.text);
  }
  const double height = std::ceil(std::max(x_label_bottom, next_free) + kMargin);

  return svg_chart(id, chart.title, size, height, style, {grid, marks, svg.body()});
}

std::string render_page_line_chart(const LineChart& chart, const ChartStyle& style) {
  return render_line_chart(chart, style, kWideChart) +
         render_line_chart(chart, style, kNarrowChart);
}

}  // namespace hyoka
