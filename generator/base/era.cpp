#include "base/era.h"

#include <vector>

namespace hyoka {

namespace {
struct Era {
  std::string name;
  int first_year;  // the Western year that is 元年
  int last_year;   // the last Western year the era names
};

const std::vector<Era>& eras() {
  static const std::vector<Era> table = {{"令和", 2019, 9999},
                                         {"平成", 1989, 2018},
                                         {"昭和", 1926, 1988},
                                         {"大正", 1912, 1925},
                                         {"明治", 1868, 1911}};
  return table;
}
}  // namespace

const std::vector<std::string>& era_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& e : eras()) out.push_back(e.name);
    return out;
  }();
  return names;
}

std::optional<EraYear> to_era(int western_year) {
  for (const auto& e : eras()) {
    if (western_year >= e.first_year && western_year <= e.last_year) {
      return EraYear{e.name, western_year - e.first_year + 1};
    }
  }
  return std::nullopt;
}

std::optional<int> to_western(std::string_view era, int era_year) {
  for (const auto& e : eras()) {
    if (e.name == era && era_year >= 1 && e.first_year + era_year - 1 <= e.last_year) {
      return e.first_year + era_year - 1;
    }
  }
  return std::nullopt;
}

namespace {

std::string make_fiscal_year_label(int western_year, FiscalYearStyle style) {
  const std::string seireki = std::to_string(western_year) + "年度";
  const auto era = to_era(western_year);
  if (style == FiscalYearStyle::seireki || !era) return seireki;
  const std::string wareki =
      era->era + (era->year == 1 ? std::string("元") : std::to_string(era->year)) + "年度";
  if (style == FiscalYearStyle::wareki) return wareki;
  return wareki + "（" + seireki + "）";
}

}  // namespace

std::string fiscal_year_label(int western_year, FiscalYearStyle style) {
  // Every table and chart of every page names its years: those of the Heisei and Reiwa eras
  // and the next century are made once.
  constexpr int kFirst = 1989, kLast = 2100;
  static const auto labels = [] {
    std::vector<std::string> all;
    for (const auto s :
         {FiscalYearStyle::wareki_seireki, FiscalYearStyle::wareki, FiscalYearStyle::seireki}) {
      for (int year = kFirst; year <= kLast; ++year) all.push_back(make_fiscal_year_label(year, s));
    }
    return all;
  }();
  if (western_year < kFirst || western_year > kLast)
    return make_fiscal_year_label(western_year, style);
  const int row = style == FiscalYearStyle::wareki_seireki ? 0
                  : style == FiscalYearStyle::wareki       ? 1
                                                           : 2;
  return labels[static_cast<std::size_t>(row * (kLast - kFirst + 1) + western_year - kFirst)];
}

std::vector<std::pair<int, int>> year_runs(const std::vector<int>& years) {
  std::vector<std::pair<int, int>> runs;
  for (const int year : years) {
    if (!runs.empty() && runs.back().second + 1 == year) {
      runs.back().second = year;
    } else {
      runs.emplace_back(year, year);
    }
  }
  return runs;
}

std::string fiscal_years_label(const std::vector<int>& years, FiscalYearStyle style) {
  std::string out;
  for (const auto& [first, last] : year_runs(years)) {
    if (!out.empty()) out += "、";
    out += fiscal_year_label(first, style);
    if (last != first) out += "〜" + fiscal_year_label(last, style);
  }
  return out;
}

}  // namespace hyoka
