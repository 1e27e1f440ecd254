// Reads a dataset's [scale]: its grades (each also a measure of the dataset, counted in the
// rows like one) and groups. Any dataset shape that grades something declares its scale so.
#pragma once

#include <optional>

#include "base/toml_reader.h"
#include "data/grade_scale.h"

namespace hyoka {

// [scale] of `doc`, or nullopt when there is none or it has a problem (reported). The total
// measure is left for the dataset to resolve: its name is returned in `total`.
std::optional<GradeScale> read_grade_scale(TomlReader& reader, const toml::table& doc,
                                           std::optional<std::string>& total);

}  // namespace hyoka
