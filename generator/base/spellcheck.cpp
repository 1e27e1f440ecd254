#include "base/spellcheck.h"

#include <algorithm>

#include "base/utf8.h"

namespace hyoka {

static std::u32string decode(std::string_view text) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < text.size()) out += utf8::next(text, pos).value_or(U'\uFFFD');
  return out;
}

// Optimal string alignment distance: a swap of two neighbours counts as one edit.
static std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> closest(std::string_view name,
                                   const std::vector<std::string>& candidates) {
  const auto wanted = decode(name);
  const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const auto distance = edit_distance(wanted, decode(candidate));
    if (distance < best_distance && distance < std::max(wanted.size(), std::size_t{1})) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  if (const auto best = closest(name, candidates)) return "; did you mean \"" + *best + "\"?";
  if (candidates.empty() || candidates.size() > 8) return "";
  auto sorted = candidates;
  std::sort(sorted.begin(), sorted.end());
  std::string out = "; expected one of: ";
  for (std::size_t i = 0; i < sorted.size(); ++i) out += (i ? ", " : "") + sorted[i];
  return out;
}

}  // namespace hyoka
