#include "charts/chart_style.h"

#include <cmath>

namespace hyoka {

std::optional<double> relative_luminance(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    int value = 0;
    for (int j = 1 + 2 * i; j < 3 + 2 * i; ++j) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(hex[j])));
      if (c >= '0' && c <= '9')
        value = value * 16 + (c - '0');
      else if (c >= 'a' && c <= 'f')
        value = value * 16 + (c - 'a' + 10);
      else
        return std::nullopt;
    }
    const double s = value / 255.0;
    channels[i] = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

std::optional<double> contrast_ratio(const std::string& a, const std::string& b) {
  const auto la = relative_luminance(a);
  const auto lb = relative_luminance(b);
  if (!la || !lb) return std::nullopt;
  const double hi = std::max(*la, *lb), lo = std::min(*la, *lb);
  return (hi + 0.05) / (lo + 0.05);
}

}  // namespace hyoka
