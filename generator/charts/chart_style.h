// Colours of charts, from the theme's theme.toml [chart] table, and the WCAG contrast
// arithmetic that checks them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hyoka {

struct ChartStyle {
  std::string background = "#ffffff";
  std::string text = "#1a1a1c";
  std::string muted_text = "#4d4d57";
  std::string grid = "#d8d8db";
  // The UK Analysis Function's categorical palette: each passes 3:1 on white.
  std::vector<std::string> palette = {"#12436d", "#28a197", "#801650", "#f46a25"};
  std::string font_family = "'Noto Sans JP', 'Noto Sans CJK JP', sans-serif";
};

// WCAG 2 relative luminance of "#rrggbb"; nullopt when not such a colour.
std::optional<double> relative_luminance(const std::string& hex);
// WCAG 2 contrast ratio of two colours, from 1 to 21.
std::optional<double> contrast_ratio(const std::string& a, const std::string& b);

}  // namespace hyoka
