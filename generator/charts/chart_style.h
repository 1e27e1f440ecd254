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
  // Grades: an ordered scale's ramp from best (dark blue) to worst (dark purple), an
  // unordered scale's distinct colours, and the grey of a special grade. Each passes 3:1 on
  // white; segments are parted by a line of the background's colour, which passes 3:1 on each.
  std::vector<std::string> grade_ramp = {"#08467d", "#1f6fb2", "#3b7f6e", "#7a6a00",
                                         "#b8500f", "#b3262f", "#6e1f5c"};
  std::vector<std::string> grade_categories = {"#12436d", "#28a197", "#801650", "#c4520f",
                                               "#3d3d3d", "#6a4fa3", "#0f6e3a", "#9c4a00"};
  std::string grade_special = "#6b6b6b";
  std::string font_family = "'Noto Sans JP', 'Noto Sans CJK JP', sans-serif";
};

// WCAG 2 relative luminance of "#rrggbb"; nullopt when not such a colour.
std::optional<double> relative_luminance(const std::string& hex);
// WCAG 2 contrast ratio of two colours, from 1 to 21.
std::optional<double> contrast_ratio(const std::string& a, const std::string& b);

}  // namespace hyoka
