// The variables a template sees. Documented for theme authors in docs/themes.md; every name
// added here is a promise to them.
#pragma once

#include <mstch/mstch.hpp>

#include "render/figures.h"
#include "render/table_view.h"
#include "site/site.h"

namespace hyoka {

mstch::map table_context(const TableView& table);
// Every name a page context holds, at any depth; docs/themes.md describes each.
const std::vector<std::string>& template_variables();

// The standalone copy of a chart lies beside its page under this name.
std::string chart_file_name(const BarChart& chart);
mstch::map page_context(const Site& site, const SitePage& page,
                        const std::vector<DatasetFigures>& figures,
                        const std::string& content_html);

}  // namespace hyoka
