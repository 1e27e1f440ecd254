// Small pieces every chart's SVG is written with: numbers with at most two decimals (stable
// across runs and platforms), escaping, and wrapped lines of text.
#pragma once

#include <string>
#include <vector>

namespace hyoka {

std::string svg_number(double v);
std::string svg_escape(const std::string& text);

// Collects SVG text elements; line height 1.5 em, because Noto Sans CJK's glyph boxes are
// about 1.45 em tall and neighbouring lines must not overlap.
class SvgWriter {
 public:
  static constexpr double kLineHeight = 1.5;

  void text(double x, double baseline, const std::string& content, double size,
            const std::string& fill, const std::string& extra = "");
  // Wrapped lines from `top`; returns the y below the last line.
  double lines(double x, double top, const std::vector<std::string>& lines, double size,
               const std::string& fill, const std::string& extra = "");
  void raw(const std::string& s) { body_ += s; }
  const std::string& body() const { return body_; }

 private:
  std::string body_;
};

}  // namespace hyoka
