#include "charts/svg_text.h"

#include <charconv>
#include <cstdio>

#include "base/escape.h"
#include "charts/chart_style.h"
#include "charts/text_metrics.h"

namespace hyoka {

std::string svg_number(double v) {
  // to_chars rounds the exact binary value as printf's %.2f does, without the locale and
  // format parsing that made this a tenth of a chart's time.
  char buffer[32];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2).ptr;
  std::string s(buffer, end);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

void SvgWriter::text(double x, double baseline, const std::string& content, double size,
                     const std::string& fill, const std::string& extra) {
  body_ += "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(baseline) + "\" font-size=\"" +
           svg_number(size) + "\" fill=\"" + fill + "\"" + extra + ">" + svg_escape(content) +
           "</text>\n";
}

double SvgWriter::lines(double x, double top, const std::vector<std::string>& lines, double size,
                        const std::string& fill, const std::string& extra) {
  for (const auto& line : lines) {
    top += size * kLineHeight;
    text(x, top - size * (kLineHeight - 1) / 2 - size * 0.2, line, size, fill, extra);
  }
  return top;
}

}  // namespace hyoka

namespace hyoka {

std::string svg_escape(const std::string& text) {
  return escape_markup(text);
}

}  // namespace hyoka

namespace hyoka {

std::string svg_chart(const std::string& id, const std::string& title, double width, double height,
                      const ChartStyle& style, const std::string& body) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + svg_number(width) + " " +
         svg_number(height) + "\" width=\"" + svg_number(width) + "\" height=\"" +
         svg_number(height) + "\" role=\"img\" aria-labelledby=\"" + id +
         "-title\" aria-describedby=\"" + id + "-summary\" font-family=\"" +
         svg_escape(style.font_family) + "\" class=\"chart\">\n<title id=\"" + id + "-title\">" +
         svg_escape(title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"" +
         style.background + "\"/>\n" + body + "</svg>\n";
}

double SvgWriter::heading_and_summary(double x, double top, double width, const std::string& id,
                                      const std::string& heading, const std::string& summary,
                                      const ChartStyle& style) {
  constexpr double kTitleSize = 14;
  constexpr double kTextSize = 12;
  top = lines(x, top, wrap_text(heading, width, kTitleSize), kTitleSize, style.text,
              " font-weight=\"700\"");
  raw("<g id=\"" + id + "-summary\">\n");
  top = lines(x, top + 2, wrap_text(summary, width, kTextSize), kTextSize, style.text);
  raw("</g>\n");
  return top;
}

}  // namespace hyoka
