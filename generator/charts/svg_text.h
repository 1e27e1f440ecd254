// Small pieces every chart's SVG is written with: numbers with at most two decimals (stable
// across runs and platforms), escaping, and wrapped lines of text.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

std::string svg_number(double v);
// svg_number onto the end of `out`: a chart writes hundreds of numbers into one buffer.
void append_svg_number(std::string& out, double v);
std::string svg_escape(const std::string& text);

struct ChartStyle;

// A width a chart is drawn at, in the units of its viewBox. Every text is 12 units (headings
// 15), so a chart shown at `width` × 4/3 CSS px has 16 px text, the themes' body size, and one
// shown at `width` px has 12 px text, the smallest the themes allow. A page carries each chart
// in both sizes, and the theme's CSS shows the one that fits its text column (docs/themes.md).
struct ChartSize {
  double width;
  std::string_view id_suffix;  // after the chart's id, in every id of this drawing
  std::string_view name;       // the class chart-<name>
};
// For columns from 696 px (12 px text) to 928 px (16 px, the default theme's widest column);
// the standalone file of a chart is this drawing.
inline constexpr ChartSize kWideChart{696, "", "wide"};
// For columns from 288 px (a 320 px phone: 12 px text) to 384 px (16 px), and beyond with the
// text made smaller by the theme's CSS.
inline constexpr ChartSize kNarrowChart{288, "-narrow", "narrow"};
// The text size of every label, and the root's font-size, which the theme's CSS may change.
inline constexpr double kChartTextSize = 12;

// Collects SVG text elements; line height 1.5 em, because Noto Sans CJK's glyph boxes are
// about 1.45 em tall and neighbouring lines must not overlap.

// The chart's root element: role="img", named by its <title> and described by its summary,
// with an explicit background (Windows high-contrast mode changes the page, not the SVG). The
// body comes in parts, written one after another.
std::string svg_chart(const std::string& id, const std::string& title, const ChartSize& size,
                      double height, const ChartStyle& style,
                      std::initializer_list<std::string_view> body);
// A text's font-size attribute: nothing at kChartTextSize (the root's), else relative to it
// ("1.25em"), so that CSS setting the root's font-size scales every text alike.
void append_font_size(std::string& out, double size);

// The same chart named by another title (the text of its first <title>): the standalone copy
// of a chart drawn above its table has no table below it to name.
std::string retitled(std::string_view svg, const std::string& title);

class SvgWriter {
 public:
  static constexpr double kLineHeight = 1.5;

  SvgWriter() { body_.reserve(4096); }  // a chart's text is a few KiB: grown once, not often

  void text(double x, double baseline, std::string_view content, double size, std::string_view fill,
            std::string_view extra = "");
  // One line from `top`; returns the y below it.
  double line(double x, double top, std::string_view content, double size, std::string_view fill,
              std::string_view extra = "");
  // Wrapped lines from `top`; returns the y below the last line.
  double lines(double x, double top, const std::vector<std::string>& lines, double size,
               std::string_view fill, std::string_view extra = "");
  // The heading in bold and the summary sentence (the chart's description), wrapped to
  // `width` from (x, top); returns the y below them.
  double heading_and_summary(double x, double top, double width, const std::string& id,
                             const std::string& heading, const std::string& summary,
                             const ChartStyle& style);
  void raw(std::string_view s) { body_ += s; }
  const std::string& body() const { return body_; }

 private:
  std::string body_;
};

}  // namespace hyoka
