#include "charts/indicator_chart.h"

#include <algorithm>
#include <cmath>

#include "base/escape.h"
#include "charts/text_metrics.h"
#include "data/decimal.h"

namespace hyoka {

namespace {

constexpr double kMargin = 12;
constexpr double kTextSize = kChartTextSize;
constexpr double kLine = SvgWriter::kLineHeight;
constexpr double kRow = kTextSize * kLine;
constexpr double kBarHeight = 14;
constexpr double kGap = 8;
constexpr double kDiamond = 6;  // half its diagonal
// Between the plot and the values' column: room for a diamond on the scale's last tick.
constexpr double kValueGap = kDiamond + 6;

void append_attr(std::string& out, const char* name, double value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_svg_number(out, value);
  out += '"';
}

void append_title(std::string& out, const std::string& title) {
  out += "><title>";
  append_escaped_markup(out, title);
  out += "</title>";
}

// A diamond centred on (x, y), parted from the bar under it by a line of the background's
// colour, so that it reads against any fill.
void append_diamond(std::string& out, double x, double y, const ChartStyle& style,
                    const std::string& tooltip, const char* cls) {
  out += "<path d=\"M";
  append_svg_number(out, x);
  out += ' ';
  append_svg_number(out, y - kDiamond);
  out += 'L';
  append_svg_number(out, x + kDiamond);
  out += ' ';
  append_svg_number(out, y);
  out += 'L';
  append_svg_number(out, x);
  out += ' ';
  append_svg_number(out, y + kDiamond);
  out += 'L';
  append_svg_number(out, x - kDiamond);
  out += ' ';
  append_svg_number(out, y);
  out += "Z\" fill=\"" + style.text + "\" stroke=\"" + style.background +
         "\" stroke-width=\"1.5\" class=\"" + cls + "\"";
  if (tooltip.empty()) {
    out += "/>\n";
  } else {
    append_title(out, tooltip);
    out += "</path>\n";
  }
}

}  // namespace

std::vector<IndicatorTick> indicator_ticks(double low, double high, int decimals, int max_steps) {
  low = std::min(low, 0.0);
  high = std::max(high, 0.0);
  if (high - low <= 0) high = 1;
  int exponent =
      std::max(-decimals, static_cast<int>(std::floor(std::log10((high - low) / max_steps))));
  int factor = 1;
  double step = 1;
  const auto steps_below = [&] { return static_cast<int>(std::ceil(-low / step - 1e-9)); };
  const auto steps_above = [&] { return static_cast<int>(std::ceil(high / step - 1e-9)); };
  for (bool found = false; !found; ++exponent) {
    for (const int f : {1, 2, 5}) {
      factor = f;
      step = f * std::pow(10.0, exponent);
      if (steps_below() + steps_above() <= max_steps) {
        found = true;
        break;
      }
    }
    if (found) break;
  }
  // The step is factor × 10^exponent: each label is an exact decimal of it.
  const int below = steps_below(), above = steps_above();
  std::vector<IndicatorTick> ticks;
  for (int k = -below; k <= above; ++k) {
    Decimal label;
    label.digits = static_cast<__int128>(k) * factor;
    for (int e = 0; e < exponent; ++e) label.digits *= 10;
    label.decimals = k == 0 ? 0 : std::max(0, -exponent);  // 「0」, not 「0.0」
    ticks.push_back({k * step, format_decimal(label)});
  }
  return ticks;
}

std::string render_indicator_chart(const IndicatorChart& chart, const ChartStyle& style,
                                   const ChartSize& size) {
  const double width = size.width;
  const std::string id = chart.id + std::string(size.id_suffix);
  const double inner = width - 2 * kMargin;
  double low = 0, high = chart.target.value_or(0);
  double label_width = 0, text_width_max = 0;
  for (const auto& bar : chart.bars) {
    for (const auto v : {bar.value, bar.target}) {
      if (!v) continue;
      low = std::min(low, *v);
      high = std::max(high, *v);
    }
    label_width = std::max(label_width, text_width(bar.label, kTextSize));
    text_width_max = std::max(text_width_max, text_width(bar.text, kTextSize));
  }
  if (chart.target) low = std::min(low, *chart.target);
  // Short labels stand before their bars and the values in a column after the plot; where
  // that leaves the bars too little room (a phone), labels go above and values under them.
  const bool labels_above = label_width > inner * 0.3;
  const double x0 = labels_above ? kMargin : kMargin + label_width + kGap;
  double room = width - kMargin - x0 - text_width_max - kValueGap;
  const bool text_below = room < inner * 0.35;
  if (text_below) room = width - kMargin - x0;
  // As many ticks as fit without their labels touching; the outer labels stay inside.
  std::vector<IndicatorTick> ticks;
  double span = room;
  for (int steps = 5; steps >= 1; --steps) {
    ticks = indicator_ticks(low, high, chart.decimals, steps);
    double widest = 0;
    for (const auto& t : ticks) widest = std::max(widest, text_width(t.label, kTextSize));
    const double first_half = text_width(ticks.front().label, kTextSize) / 2;
    const double last_half = text_width(ticks.back().label, kTextSize) / 2;
    span = room;
    if (text_below) span -= last_half;
    if (labels_above) span -= first_half;
    if (span / static_cast<double>(ticks.size() - 1) >= widest + 8) break;
  }
  const double plot_x = labels_above ? x0 + text_width(ticks.front().label, kTextSize) / 2 : x0;
  const double domain_low = ticks.front().value, domain = ticks.back().value - domain_low;
  const auto x_of = [&](double v) { return plot_x + span * (v - domain_low) / domain; };
  const double x_zero = x_of(0);
  const double text_x = text_below ? plot_x : plot_x + span + kValueGap;

  const std::string halo = " stroke=\"" + style.background +
                           "\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
  SvgWriter svg;
  std::string shapes;
  double y = kMargin;
  y = svg.heading_and_summary(kMargin, y, inner, id, chart.heading, chart.summary, style);
  for (const auto& note : chart.notes) {
    y = svg.lines(kMargin, y, wrap_text(note, inner, kTextSize), kTextSize, style.text,
                  " class=\"note\"");
  }
  if (!chart.year_target_key.empty()) {
    y += 2;
    append_diamond(shapes, kMargin + kDiamond, y + kRow / 2, style, "", "key");
    y = svg.lines(kMargin + 2 * kDiamond + 6, y,
                  wrap_text(chart.year_target_key, inner - 2 * kDiamond - 6, kTextSize), kTextSize,
                  style.text);
  }
  y += 8;
  // The target's label above the plot, beginning at its line, or ending there if it would
  // run past the edge.
  double target_top = y;
  if (chart.target) {
    const double x = x_of(*chart.target);
    const double w = text_width(chart.target_label, kTextSize);
    std::string anchor = " class=\"target-label\"";
    double at = x - kDiamond;
    if (at + w > width - kMargin) {
      at = std::max(x + kDiamond, kMargin + w);
      anchor = " text-anchor=\"end\" class=\"target-label\"";
    }
    y = svg.line(at, y, chart.target_label, kTextSize, style.text, anchor);
    target_top = y;
    y += 2 * kDiamond + 2;
  }
  const double plot_top = y;
  for (const auto& bar : chart.bars) {
    if (labels_above) {
      // The target line may cross a label above its bar: a halo of the background keeps the
      // label whole.
      y = svg.lines(kMargin, y, wrap_text(bar.label, inner, kTextSize), kTextSize, style.text,
                    halo);
    } else {
      svg.line(kMargin, y, bar.label, kTextSize, style.text);
    }
    const double bar_top = y + (kRow - kBarHeight) / 2;
    if (bar.value) {
      const double end = x_of(*bar.value);
      const double left = std::min(x_zero, end);
      shapes += "<rect";
      append_attr(shapes, "x", left);
      append_attr(shapes, "y", bar_top);
      append_attr(shapes, "width", std::max(x_zero, end) - left);
      append_attr(shapes, "height", kBarHeight);
      if (bar.baseline) {
        // Lighter than the actual values, but its outline passes 3:1 on its own.
        shapes += " fill=\"" + style.background + "\" stroke=\"" + style.muted_text +
                  "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\" class=\"bar baseline\"";
      } else {
        shapes += " fill=\"" + bar.fill + "\" class=\"bar\"";
      }
      shapes += " data-value=\"";
      append_escaped_markup(shapes, bar.value_attr);
      shapes += '"';
      append_title(shapes, bar.tooltip);
      shapes += "</rect>\n";
    }
    if (bar.target) {
      append_diamond(shapes, x_of(*bar.target), y + kRow / 2, style, bar.target_tooltip,
                     "year-target");
    }
    if (text_below) {
      y = svg.lines(text_x, y + kRow, wrap_text(bar.text, width - kMargin - text_x, kTextSize),
                    kTextSize, style.text, " class=\"value\"");
    } else {
      svg.line(text_x, y, bar.text, kTextSize, style.text, " class=\"value\"");
      y += kRow;
    }
    y += 4;
  }
  const double plot_bottom = y;
  std::string grid;
  for (const auto& t : ticks) {
    grid += "<line";
    append_attr(grid, "x1", x_of(t.value));
    append_attr(grid, "y1", plot_top);
    append_attr(grid, "x2", x_of(t.value));
    append_attr(grid, "y2", plot_bottom);
    grid += " stroke=\"" + style.grid + "\" stroke-width=\"1\"/>\n";
  }
  if (chart.target) {
    // Dashed and marked at its top, in the text's colour: no bar's colour, and 3:1 on white.
    const double x = x_of(*chart.target);
    shapes += "<line";
    append_attr(shapes, "x1", x);
    append_attr(shapes, "y1", target_top);
    append_attr(shapes, "x2", x);
    append_attr(shapes, "y2", plot_bottom);
    shapes += " stroke=\"" + style.text +
              "\" stroke-width=\"2\" stroke-dasharray=\"6 3\" class=\"target\" data-value=\"";
    append_escaped_markup(shapes, chart.target_attr);
    shapes += "\"/>\n";
    append_diamond(shapes, x, target_top + kDiamond, style, "", "target-mark");
  }
  for (const auto& t : ticks) {
    svg.text(x_of(t.value), plot_bottom + kTextSize * 1.3, t.label, kTextSize, style.muted_text,
             " text-anchor=\"middle\" class=\"tick\"");
  }
  const double height = std::ceil(plot_bottom + kRow + kMargin);
  return svg_chart(id, chart.title, size, height, style, {grid, shapes, svg.body()});
}

std::string render_page_indicator_chart(const IndicatorChart& chart, const ChartStyle& style) {
  return render_indicator_chart(chart, style, kWideChart) +
         render_indicator_chart(chart, style, kNarrowChart);
}

}  // namespace hyoka
