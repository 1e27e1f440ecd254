// Reads a KPI dataset's [achievement] and [[indicators]], grades every indicator's years and
// counts the grades per area into the dataset's rows, as a grade dataset's rows hold them.
#pragma once

#include "base/toml_reader.h"
#include "data/dataset.h"

namespace hyoka {

// `dataset` has its scale, grade measures, periods and missing reasons already. False after a
// problem (reported); printed rates and grades that differ are warnings and leave it true.
bool read_kpi(TomlReader& reader, const SourceText& source, const toml::table& doc,
              Dataset& dataset);

}  // namespace hyoka
