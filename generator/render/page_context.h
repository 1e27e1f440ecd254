// The variables a template sees. Documented for theme authors in docs/themes.md; every name
// added here is a promise to them.
#pragma once

#include "render/mustache.h"

#include "render/figures.h"
#include "render/table_view.h"
#include "site/site.h"

namespace hyoka {

// `table` must outlive the rendering: its body is read as the template reaches it.
mustache::Map table_context(const TableView& table);
// Every name a page context holds, at any depth; docs/themes.md describes each.
const std::vector<std::string>& template_variables();
// The names at the top of a layout's context, which its page provides: for "home", "area",
// "404" and "dataset" their pages' names, for "base" those of every kind of page and `main`;
// null for a name that is no layout. A name always empty on a kind of page (`datasets` on the
// 404 page) is not provided there: a section over it would never render.
const std::vector<std::string>* layout_variables(const std::string& layout);

// The standalone copy of a chart lies beside its page under this name.
std::string chart_file_name(const BarChart& chart);
mustache::Map page_context(const Site& site, const SitePage& page,
                           const std::vector<DatasetFigures>& figures, std::string content_html);

}  // namespace hyoka
