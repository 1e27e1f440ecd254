// Japanese era names for fiscal years (April to March). A fiscal year takes the era of the
// calendar year it starts in: by national agreement FY2019 is 令和元年度 although 令和 began
// on 1 May 2019, and FY2018 is 平成30年度.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hyoka {

struct EraYear {
  std::string era;  // 令和
  int year = 0;     // 1 for 元年
};

enum class FiscalYearStyle { wareki_seireki, wareki, seireki };

// The eras hyoka knows, newest first.
const std::vector<std::string>& era_names();

// The era year of a Western year; nullopt before 明治 (1868).
std::optional<EraYear> to_era(int western_year);

// The Western year of an era year; nullopt for an unknown era or a year outside it.
std::optional<int> to_western(std::string_view era, int era_year);

// 令和元年度（2019年度）, 令和元年度 or 2019年度, with half-width digits.
std::string fiscal_year_label(int western_year, FiscalYearStyle style);

// The runs of consecutive years in ascending `years`, as {first, last}: 2015, 2016, 2019 are
// {2015, 2016} and {2019, 2019}.
std::vector<std::pair<int, int>> year_runs(const std::vector<int>& years);

// The fiscal years covered, run by run: 「平成27年度〜平成28年度、令和元年度」; a span of
// years that are not all there is never written as one.
std::string fiscal_years_label(const std::vector<int>& years, FiscalYearStyle style);

}  // namespace hyoka
