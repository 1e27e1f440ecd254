#include "charts/svg_text.h"

#include <cstdio>

namespace hyoka {

std::string svg_number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string svg_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
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
