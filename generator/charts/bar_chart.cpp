#include "charts/bar_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/escape.h"
#include "charts/svg_text.h"
#include "charts/text_metrics.h"

namespace hyoka {

namespace {

constexpr double kMargin = 12;
constexpr double kTextSize = kChartTextSize;
constexpr double kTickSize = kChartTextSize;  // a smaller one would fall below 12 px on a phone
constexpr double kLine = SvgWriter::kLineHeight;
constexpr double kBarHeight = 14;
constexpr double kGap = 6;

std::string tick_label(double t, const std::string& suffix) {
  auto label = svg_number(t);
  label += suffix;
  return label;
}

}  // namespace

std::vector<double> nice_ticks(double max, int max_steps) {
  if (max <= 0) max = 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(max / max_steps)));
  double step = magnitude;
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    step = std::max(factor * magnitude, 1.0);  // counts and percentages: no fractional ticks
    if (std::ceil(max / step - 1e-9) <= max_steps) break;
  }
  std::vector<double> ticks;
  const int count = static_cast<int>(std::ceil(max / step - 1e-9));
  for (int i = 0; i <= count; ++i) ticks.push_back(i * step);
  return ticks;
}

std::string render_bar_chart(const BarChart& chart, const ChartStyle& style,
                             const ChartSize& size) {
  const double width = size.width;
  const std::string id = chart.id + std::string(size.id_suffix);
  const double inner = width - 2 * kMargin;
  double max_value = chart.minimum_domain;
  double label_width = 0, value_width = 0;
  for (const auto& panel : chart.panels) {
    for (const auto& bar : panel.bars) {
      if (bar.defined) max_value = std::max(max_value, bar.value);
      label_width = std::max(label_width, text_width(bar.label, kTextSize));
      value_width = std::max(value_width, text_width(bar.text, kTextSize));
    }
  }
  // Short labels stand before their bars; long ones (area names) above them, so bars keep
  // most of the width and no label has to wrap.
  const bool labels_above = label_width > inner * 0.3;
  const double x0 = labels_above ? kMargin : kMargin + label_width + kGap;
  const double room = width - kMargin - x0 - value_width - 4;
  // As many ticks as fit without their labels touching, at most five steps.
  std::vector<double> ticks;
  for (int steps = 5; steps >= 1; --steps) {
    ticks = nice_ticks(max_value, steps);
    const double domain = ticks.back();
    double widest = 0;
    for (const double t : ticks)
      widest = std::max(widest, text_width(tick_label(t, chart.tick_suffix), kTickSize));
    const double last_half = text_width(tick_label(domain, chart.tick_suffix), kTickSize) / 2;
    const double span = std::max(room, 40.0);
    if (ticks.size() < 2 || span / (ticks.size() - 1) >= widest + 8) {
      if (x0 + span + last_half <= width - kMargin + value_width) break;
    }
  }
  const double domain = ticks.back();
  const double span = std::max(room, 40.0);
  const auto x_of = [&](double v) { return x0 + span * v / domain; };

  SvgWriter svg;
  double y = kMargin;
  y = svg.heading_and_summary(kMargin, y, inner, id, chart.heading, chart.summary, style);
  y += 8;
  const double plot_top = y;
  std::string bars;
  for (const auto& panel : chart.panels) {
    y = svg.lines(kMargin, y, wrap_text(panel.heading, inner, kTextSize), kTextSize, style.text,
                  " font-weight=\"700\"");
    for (const auto& bar : panel.bars) {
      if (labels_above) {
        y = svg.lines(kMargin, y, wrap_text(bar.label, inner, kTextSize), kTextSize, style.text);
      } else {
        svg.line(kMargin, y, bar.label, kTextSize, style.text);
      }
      const double bar_top = y + (kTextSize * kLine - kBarHeight) / 2;
      double end = x0;
      if (bar.defined) {
        end = x_of(bar.value);
        bars += "<rect x=\"";
        append_svg_number(bars, x0);
        bars += "\" y=\"";
        append_svg_number(bars, bar_top);
        bars += "\" width=\"";
        append_svg_number(bars, end - x0);
        bars += "\" height=\"";
        append_svg_number(bars, kBarHeight);
        bars += "\" fill=\"";
        bars += style.palette[bar.series % style.palette.size()];
        bars += "\" class=\"bar\" data-value=\"";
        append_escaped_markup(bars, bar.value_attr);
        bars += "\"><title>";
        append_escaped_markup(bars, bar.tooltip);
        bars += "</title></rect>\n";
      }
      svg.text(end + 4, y + kTextSize * kLine / 2 + kTextSize * 0.35, bar.text, kTextSize,
               style.text);
      y += kTextSize * kLine + 4;
    }
    for (const auto& note : panel.notes) {
      y = svg.lines(kMargin, y, wrap_text(note, inner, kTextSize), kTextSize, style.muted_text);
    }
    y += 10;
  }
  const double plot_bottom = y - 6;
  std::string grid;
  for (const double t : ticks) {
    grid += "<line x1=\"";
    append_svg_number(grid, x_of(t));
    grid += "\" y1=\"";
    append_svg_number(grid, plot_top);
    grid += "\" x2=\"";
    append_svg_number(grid, x_of(t));
    grid += "\" y2=\"";
    append_svg_number(grid, plot_bottom);
    grid += "\" stroke=\"";
    grid += style.grid;
    grid += "\" stroke-width=\"1\"/>\n";
  }
  std::string axis;
  for (const double t : ticks) {
    axis += "<text x=\"";
    append_svg_number(axis, x_of(t));
    axis += "\" y=\"";
    append_svg_number(axis, plot_bottom + kTickSize * 1.3);
    axis += '"';
    append_font_size(axis, kTickSize);
    axis += " fill=\"";
    axis += style.muted_text;
    axis += "\" text-anchor=\"middle\" class=\"tick\">";
    append_escaped_markup(axis, tick_label(t, chart.tick_suffix));
    axis += "</text>\n";
  }
  const double height = std::ceil(plot_bottom + kTickSize * kLine + kMargin);

  return svg_chart(id, chart.title, size, height, style, {grid, svg.body(), bars, axis});
}

std::string render_page_bar_chart(const BarChart& chart, const ChartStyle& style) {
  return render_bar_chart(chart, style, kWideChart) + render_bar_chart(chart, style, kNarrowChart);
}

}  // namespace hyoka
