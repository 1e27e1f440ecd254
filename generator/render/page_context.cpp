#include "render/page_context.h"

#include "markdown/markdown.h"

namespace hyoka {

mstch::map table_context(const TableView& table) {
  const auto cells = [](const std::vector<TableCell>& row) {
    mstch::array out;
    for (const auto& c : row) {
      mstch::map cell{{"text", c.text},       {"header", c.header}, {"scope", c.scope},
                      {"numeric", c.numeric}, {"href", c.href},     {"mark", c.mark}};
      if (c.colspan > 1) cell["colspan"] = std::to_string(c.colspan);
      if (c.rowspan > 1) cell["rowspan"] = std::to_string(c.rowspan);
      out.push_back(cell);
    }
    return out;
  };
  const auto rows = [&](const std::vector<std::vector<TableCell>>& list) {
    mstch::array out;
    for (const auto& row : list) out.push_back(mstch::map{{"cells", cells(row)}});
    return out;
  };
  mstch::array groups;
  for (const int span : table.column_groups) {
    mstch::map group;
    if (span > 1) group["span"] = std::to_string(span);
    groups.push_back(group);
  }
  mstch::array notes;
  for (const auto& note : table.notes) notes.push_back(mstch::map{{"text", note}});
  return mstch::map{{"id", table.id},
                    {"caption", table.caption},
                    {"column_groups", groups},
                    {"head", rows(table.head)},
                    {"body", rows(table.body)},
                    {"notes", notes},
                    {"has_notes", !table.notes.empty()}};
}

static mstch::array navigation(const Site& site, const SitePage& page) {
  mstch::array out;
  for (const auto& area : site.areas) {
    out.push_back(mstch::map{{"title", area.page->title},
                             {"subtitle", area.page->subtitle},
                             {"href", link(page, area.output_path)},
                             {"current", &area == &page}});
  }
  return out;
}

mstch::map page_context(const Site& site, const SitePage& page, const std::string& content_html) {
  const auto& config = site.config;
  const auto& p = *page.page;
  mstch::map tables_by_dataset;
  mstch::array datasets;
  if (p.kind == PageKind::home) {
    for (const auto& dataset : site.datasets) {
      datasets.push_back(
          mstch::map{{"id", dataset.id},
                     {"title", dataset.title},
                     {"description", dataset.description},
                     {"tables", mstch::array{table_context(totals_table(site, dataset)),
                                             table_context(overview_table(site, page, dataset))}}});
    }
  } else {
    for (const auto& ref : page.rows) {
      const auto& dataset = site.datasets[ref.dataset];
      datasets.push_back(
          mstch::map{{"id", dataset.id},
                     {"title", dataset.title},
                     {"description", dataset.description},
                     {"tables", mstch::array{table_context(area_table(site, page, ref))}}});
    }
  }
  return mstch::map{
      {"site_title", config.title},
      {"site_description", config.description},
      {"language", config.language},
      {"publisher", config.publisher.name},
      {"base_url", config.base_url},
      {"root", page.root},
      {"home_href", link(page, site.home.output_path)},
      {"is_home", p.kind == PageKind::home},
      {"is_area", p.kind == PageKind::area},
      {"title", p.title},
      {"subtitle", p.subtitle},
      {"description", p.description.empty() ? config.description : p.description},
      {"url", config.base_url + page.url_path},
      {"content", content_html},
      {"datasets", datasets},
      {"has_datasets", !datasets.empty()},
      {"areas", navigation(site, page)},
  };
}

}  // namespace hyoka
