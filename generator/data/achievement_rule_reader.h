// Reads a KPI dataset's [achievement]: the formula, decimals and rounding of its rates, whether
// its bounds apply to the rounded or the exact rate, a bound per grade of its ordered [scale]
// (the last grade takes the rest), and the special grade of a year without a rate.
#pragma once

#include <optional>

#include "base/toml_reader.h"
#include "data/grade_scale.h"
#include "data/indicators.h"

namespace hyoka {

std::optional<KpiRule> read_achievement_rule(TomlReader& reader, const SourceText& source,
                                             const toml::table& doc, const GradeScale& scale);

}  // namespace hyoka
