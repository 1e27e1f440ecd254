#include "render/page_context.h"

#include <algorithm>
#include <functional>
#include <map>

#include "base/phrases.h"
#include "base/version.h"
#include "data/note_marks.h"
#include "site/open_data_paths.h"

namespace hyoka {

const std::vector<std::string>& template_variables() {
  static const std::vector<std::string> names = {
      // every page
      "site_title", "site_description", "language", "publisher", "base_url", "root", "home_href",
      "is_home", "is_area", "is_not_found", "is_dataset", "title", "subtitle", "description", "url",
      "area_label", "content", "main", "areas", "datasets", "has_datasets", "generator",
      // areas
      "href", "current", "areas_omitted", "previous_area", "next_area",
      // datasets, figures, charts
      "id", "data_href", "figures", "charts", "omitted", "table", "heading", "svg",
      // tables
      "caption", "column_groups", "span", "head", "body", "cells", "notes", "has_notes", "text",
      "header", "scope", "colspan", "rowspan", "numeric", "mark", "marks", "caption_marks", "note",
      "phrases", "wbr",
      // landing pages of datasets (and alternates on the home page)
      "downloads", "name", "format", "size", "note", "license_title", "license_uri", "attribution",
      "json_ld", "alternates", "type", "columns", "metadata", "temporal", "type_label", "unit",
      "indicators"};
  return names;
}

const std::vector<std::string>* layout_variables(const std::string& layout) {
  using Names = std::vector<std::string>;
  static const Names every_page = {
      "site_title",   "site_description", "language", "publisher",    "base_url",   "root",
      "home_href",    "is_home",          "is_area",  "is_not_found", "is_dataset", "title",
      "subtitle",     "description",      "url",      "area_label",   "content",    "areas",
      "has_datasets", "areas_omitted",    "generator"};
  const auto with = [](Names names, std::initializer_list<const char*> more) {
    names.insert(names.end(), more.begin(), more.end());
    return names;
  };
  static const std::map<std::string, Names, std::less<>> layouts = [&] {
    std::map<std::string, Names, std::less<>> out;
    out["home"] = with(every_page, {"datasets"});
    out["area"] = with(every_page, {"datasets", "previous_area", "next_area"});
    out["404"] = every_page;
    // The landing page's own names are the open-data plugin's (output_plugins/).
    out["dataset"] = with(
        every_page, {"datasets", "downloads", "columns", "indicators", "alternates", "metadata",
                     "license_title", "license_uri", "attribution", "temporal", "json_ld"});
    Names base = {"main"};
    for (const auto& [name, names] : out) {
      for (const auto& n : names) {
        if (std::find(base.begin(), base.end(), n) == base.end()) base.push_back(n);
      }
    }
    out["base"] = std::move(base);
    return out;
  }();
  const auto found = layouts.find(layout);
  return found == layouts.end() ? nullptr : &found->second;
}

std::string chart_file_name(const BarChart& chart) {
  return chart.id + ".svg";
}

// Each note mark as a link to its note under the table.
static mustache::Value mark_links(const TableView& table, const std::vector<int>& marks) {
  if (marks.empty()) return mustache::Value();
  static const mustache::Key text("text"), note("note");
  mustache::List out;
  for (const int n : marks) {
    mustache::Map mark;
    const auto i = static_cast<std::size_t>(n - 1);
    mark.emplace_back(text,
                      n > 0 && i < table.mark_texts.size() ? table.mark_texts[i] : note_mark(n));
    mark.emplace_back(note, note_id(table, n));
    out.emplace_back(std::move(mark));
  }
  return out;
}

static mustache::List cells(const TableView& table, const std::vector<TableCell>& row) {
  // Every name a cell's template reads is in every cell, those that do not apply as nothing
  // (false, empty, and no text): a name missing here would be looked for in every enclosing
  // context, and a table of every area has hundreds of thousands of cells.
  static const mustache::Key text("text"), href("href"), header("header"), scope("scope"),
      numeric("numeric"), mark("mark"), marks("marks"), colspan("colspan"), rowspan("rowspan"),
      phrases("phrases"), wbr("wbr");
  const auto flag = [](bool on) { return on ? mustache::Value(true) : mustache::Value(); };
  const auto span = [](int n) {
    return n > 1 ? mustache::Value(std::to_string(n)) : mustache::Value();
  };
  mustache::List out;
  out.reserve(row.size());
  for (const auto& c : row) {
    mustache::Map cell;
    cell.reserve(10);
    cell.emplace_back(text, mustache::Value::view(c.text));
    // A heading's phrases, each but the first after a <wbr> in the theme: where its line may
    // break under `word-break: keep-all`.
    mustache::Value heading_phrases;
    if (c.header) {
      mustache::List list;
      for (const auto piece : hyoka::phrases(c.text)) {
        list.push_back(
            mustache::Map{{text, mustache::Value::view(piece)}, {wbr, flag(!list.empty())}});
      }
      heading_phrases = std::move(list);
    }
    cell.emplace_back(phrases, std::move(heading_phrases));
    cell.emplace_back(href, mustache::Value::view(c.href));
    cell.emplace_back(header, flag(c.header));
    cell.emplace_back(scope, mustache::Value::view(c.scope));
    cell.emplace_back(numeric, flag(c.numeric));
    cell.emplace_back(mark, mustache::Value::view(c.mark));
    cell.emplace_back(marks, mark_links(table, c.marks));
    cell.emplace_back(colspan, span(c.colspan));
    cell.emplace_back(rowspan, span(c.rowspan));
    out.emplace_back(std::move(cell));
  }
  return out;
}

mustache::Map table_context(const TableView& table) {
  const auto rows = [&](const std::vector<std::vector<TableCell>>& list) {
    mustache::List out;
    for (const auto& row : list) {
      mustache::Map r;
      r.emplace_back("cells", cells(table, row));
      out.emplace_back(std::move(r));
    }
    return out;
  };
  mustache::List groups;
  for (const int span : table.column_groups) {
    mustache::Map group;
    if (span > 1) group.emplace_back("span", std::to_string(span));
    groups.push_back(group);
  }
  mustache::List notes;
  for (std::size_t i = 0; i < table.notes.size(); ++i) {
    const int number = table.note_numbers[i];
    notes.push_back(mustache::Map{
        {"text", mustache::Value::view(table.notes[i])},
        {"note", number ? mustache::Value(note_id(table, number)) : mustache::Value()}});
  }
  // Moved in, not listed in braces: an initializer list would copy a table of every area.
  mustache::Map out{{"id", mustache::Value::view(table.id)},
                    {"caption", mustache::Value::view(table.caption)}};
  out.emplace_back("caption_marks", mark_links(table, table.caption_marks));
  out.emplace_back("column_groups", std::move(groups));
  out.emplace_back("head", rows(table.head));
  // Made row by row as the template reaches them: the home page's table has every area.
  out.emplace_back("body", mustache::Value::lazy_list(table.body.size(), [&table](std::size_t i) {
                     mustache::Map row;
                     row.emplace_back("cells", cells(table, table.body[i]));
                     return mustache::Value(std::move(row));
                   }));
  out.emplace_back("notes", std::move(notes));
  out.emplace_back("has_notes", !table.notes.empty());
  return out;
}

// Beyond this many areas an area page does not list them all: every page listing every area
// makes the site grow with the square of its areas.
constexpr std::size_t kAreasListedOnEveryPage = 30;

static bool omits_areas(const Site& site, const SitePage& page) {
  // The home page keeps them: its list of areas is the one the others link to.
  return page.page->kind != PageKind::home && site.areas.size() > kAreasListedOnEveryPage;
}

static mustache::Value area_link(const SitePage& from, const SitePage& area) {
  return mustache::Map{{"title", mustache::Value::view(area.page->title)},
                       {"subtitle", mustache::Value::view(area.page->subtitle)},
                       {"href", link(from, area.output_path)},
                       {"current", &area == &from}};
}

// Made link by link as the template reaches them.
static mustache::Value navigation(const Site& site, const SitePage& page) {
  const std::size_t count = omits_areas(site, page) ? 0 : site.areas.size();
  return mustache::Value::lazy_list(
      count, [&site, &page](std::size_t i) { return area_link(page, site.areas[i]); });
}

// The areas before and after an area page, in site order; nothing on other pages.
static void add_neighbours(const Site& site, const SitePage& page, mustache::Map& context) {
  if (page.page->kind != PageKind::area) return;
  const auto& areas = site.areas;
  const std::less<const SitePage*> before;
  if (areas.empty() || before(&page, &areas.front()) || before(&areas.back(), &page)) return;
  const auto index = static_cast<std::size_t>(&page - &areas.front());
  if (index > 0) context.emplace_back("previous_area", area_link(page, areas[index - 1]));
  if (index + 1 < areas.size())
    context.emplace_back("next_area", area_link(page, areas[index + 1]));
}

mustache::Map page_context(const Site& site, const SitePage& page,
                           const std::vector<DatasetFigures>& figures, std::string content_html) {
  const auto& config = site.config;
  const auto& p = *page.page;
  mustache::List datasets;
  for (const auto& d : figures) {
    mustache::List items;
    for (const auto& f : d.figures) {
      mustache::List charts;
      for (std::size_t i = 0; i < f.charts.size(); ++i) {
        charts.push_back(mustache::Map{{"id", mustache::Value::view(f.charts[i].id)},
                                       {"heading", mustache::Value::view(f.charts[i].heading)},
                                       {"svg", mustache::Value::view(f.svgs[i])},
                                       {"href", chart_file_name(f.charts[i])}});
      }
      mustache::Map item;
      item.emplace_back("charts", std::move(charts));
      item.emplace_back("omitted", f.omitted);
      item.emplace_back("table", table_context(f.table));
      items.emplace_back(std::move(item));
    }
    mustache::Map dataset{
        {"id", mustache::Value::view(d.dataset->id)},
        {"data_href", link(page, dataset_page_path(d.dataset->id) + "index.html")},
        {"title", mustache::Value::view(d.dataset->title)},
        {"description", mustache::Value::view(d.dataset->description)}};
    dataset.emplace_back("figures", std::move(items));
    datasets.emplace_back(std::move(dataset));
  }
  mustache::Map context{
      {"site_title", mustache::Value::view(config.title)},
      {"site_description", mustache::Value::view(config.description)},
      {"language", mustache::Value::view(config.language)},
      {"area_label", mustache::Value::view(config.area_label)},
      {"publisher", mustache::Value::view(config.publisher.name)},
      {"base_url", mustache::Value::view(config.base_url)},
      {"root", mustache::Value::view(page.root)},
      {"home_href", link(page, site.home.output_path)},
      {"is_home", p.kind == PageKind::home},
      {"is_area", p.kind == PageKind::area},
      {"is_not_found", p.kind == PageKind::not_found},
      {"is_dataset", p.kind == PageKind::dataset},
      {"title", mustache::Value::view(p.title)},
      {"subtitle", mustache::Value::view(p.subtitle)},
      {"description",
       mustache::Value::view(p.description.empty() ? config.description : p.description)},
      {"url", config.base_url + page.url_path},
      {"has_datasets", !datasets.empty()},
      {"areas_omitted", omits_areas(site, page)},
      {"generator", "hyoka " + std::string(version())},
  };
  context.emplace_back("content", std::move(content_html));
  context.emplace_back("datasets", std::move(datasets));
  context.emplace_back("areas", navigation(site, page));
  add_neighbours(site, page, context);
  return context;
}

}  // namespace hyoka
