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

// Collects SVG text elements; line height 1.5 em, because Noto Sans CJK's glyph boxes are
// about 1.45 em tall and neighbouring lines must not overlap.
struct ChartStyle;

// The chart's root element: role="img", named by its <title> and described by its summary,
// with an explicit background (Windows high-contrast mode changes the page, not the SVG). The
// body comes in parts, written one after another.
std::string svg_chart(const std::string& id, const std::string& title, double width, double height,
                      const ChartStyle& style, std::initializer_list<std::string_view> body);

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
