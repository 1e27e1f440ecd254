#include "charts/svg_text.h"

#include <charconv>

#include "base/escape.h"
#include "charts/chart_style.h"
#include "charts/text_metrics.h"

namespace hyoka {

void append_svg_number(std::string& out, double v) {
  // to_chars rounds the exact binary value as printf's %.2f does, without the locale and
  // format parsing that made this a tenth of a chart's time.
  char buffer[32];
  char* end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2).ptr;
  while (end[-1] == '0') --end;
  if (end[-1] == '.') --end;
  if (end - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {
    out += '0';
  } else {
    out.append(buffer, end);
  }
}

std::string svg_number(double v) {
  std::string s;
  append_svg_number(s, v);
  return s;
}

std::string svg_escape(const std::string& text) {
  return escape_markup(text);
}

void SvgWriter::text(double x, double baseline, std::string_view content, double size,
                     std::string_view fill, std::string_view extra) {
  body_ += "<text x=\"";
  append_svg_number(body_, x);
  body_ += "\" y=\"";
  append_svg_number(body_, baseline);
  body_ += '"';
  append_font_size(body_, size);
  body_ += " fill=\"";
  body_ += fill;
  body_ += '"';
  body_ += extra;
  body_ += '>';
  append_escaped_markup(body_, content);
  body_ += "</text>\n";
}

double SvgWriter::line(double x, double top, std::string_view content, double size,
                       std::string_view fill, std::string_view extra) {
  top += size * kLineHeight;
  text(x, top - size * (kLineHeight - 1) / 2 - size * 0.2, content, size, fill, extra);
  return top;
}

double SvgWriter::lines(double x, double top, const std::vector<std::string>& lines, double size,
                        std::string_view fill, std::string_view extra) {
  for (const auto& content : lines) top = line(x, top, content, size, fill, extra);
  return top;
}

std::string retitled(std::string_view svg, const std::string& title) {
  const auto open = svg.find("<title");
  const auto start = open == std::string_view::npos ? open : svg.find('>', open);
  const auto end = start == std::string_view::npos ? start : svg.find("</title>", start);
  if (end == std::string_view::npos) return std::string(svg);
  std::string out(svg.substr(0, start + 1));
  append_escaped_markup(out, title);
  out += svg.substr(end);
  return out;
}

void append_font_size(std::string& out, double size) {
  if (size == kChartTextSize) return;
  out += " font-size=\"";
  append_svg_number(out, size / kChartTextSize);
  out += "em\"";
}

std::string svg_chart(const std::string& id, const std::string& title, const ChartSize& size,
                      double height, const ChartStyle& style,
                      std::initializer_list<std::string_view> body) {
  std::size_t bytes = 512 + title.size();
  for (const auto part : body) bytes += part.size();
  std::string out;
  out.reserve(bytes);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
  append_svg_number(out, size.width);
  out += ' ';
  append_svg_number(out, height);
  out += "\" width=\"";
  append_svg_number(out, size.width);
  out += "\" height=\"";
  append_svg_number(out, height);
  out += "\" role=\"img\" aria-labelledby=\"";
  out += id;
  out += "-title\" aria-describedby=\"";
  out += id;
  out += "-summary\" font-family=\"";
  append_escaped_markup(out, style.font_family);
  out += "\" font-size=\"";
  append_svg_number(out, kChartTextSize);
  out += "\" class=\"chart chart-";
  out += size.name;
  out += "\">\n<title id=\"";
  out += id;
  out += "-title\">";
  append_escaped_markup(out, title);
  out += "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"";
  out += style.background;
  out += "\"/>\n";
  for (const auto part : body) out += part;
  out += "</svg>\n";
  return out;
}

double SvgWriter::heading_and_summary(double x, double top, double width, const std::string& id,
                                      const std::string& heading, const std::string& summary,
                                      const ChartStyle& style) {
  constexpr double kTitleSize = 15;  // 20 px at most: below the themes' 22 px section headings
  constexpr double kTextSize = kChartTextSize;
  top = lines(x, top, wrap_text(heading, width, kTitleSize), kTitleSize, style.text,
              " font-weight=\"700\" class=\"heading\"");
  body_ += "<g id=\"";
  body_ += id;
  body_ += "-summary\">\n";
  top = lines(x, top + 2, wrap_text(summary, width, kTextSize), kTextSize, style.text);
  body_ += "</g>\n";
  return top;
}

}  // namespace hyoka
