#include "pipeline/rebuild.h"

#include <utility>

#include "render/render_site.h"

namespace hyoka {

namespace {

constexpr std::string_view kAreasFolder = "content/areas/";

// Where the Site holds an area's Page; SitePage::page points at it.
Page& page_of(Site& site, const SitePage& area) {
  return site.content.areas[static_cast<std::size_t>(area.page - site.content.areas.data())];
}

// What a page shows beyond its own body: a change in any of these reaches other pages (the
// home page's list, the neighbours' links, the sitemap), so it needs a full build.
bool same_front_matter(const Page& a, const Page& b) {
  return a.title == b.title && a.subtitle == b.subtitle && a.description == b.description &&
         a.weight == b.weight && a.updated == b.updated && a.body_first_line == b.body_first_line;
}

}  // namespace

std::optional<Rebuilt> rebuild_pages(BuildState& state, const std::vector<std::string>& changed,
                                     const FileSystem& fs, Diagnostics& diags) {
  Site& site = *state.site;
  if (!site.config.plugins.empty()) return std::nullopt;
  const auto files = site_files(fs, state.options.source_dir, site.config);
  // Each changed file must be the Markdown of an area page the site has.
  std::vector<std::pair<SitePage*, Page>> edits;
  for (const auto& path : changed) {
    if (!path.starts_with(kAreasFolder) || !path.ends_with(".md")) return std::nullopt;
    const auto id = path.substr(kAreasFolder.size(), path.size() - kAreasFolder.size() - 3);
    SitePage* area = nullptr;
    for (auto& candidate : site.areas) {
      if (candidate.page->id == id) area = &candidate;
    }
    if (!area) return std::nullopt;
    Diagnostics page_diags;
    auto source = read_source(*files, join_path(state.options.source_dir, path), read_limit::page,
                              page_diags);
    if (!source) return std::nullopt;
    if (source->text() == area->page->source->text()) continue;  // saved without a change
    auto page = parse_page(*source, PageKind::area, id, page_diags);
    if (!page || page_diags.has_errors() || !same_front_matter(*page, *area->page)) {
      return std::nullopt;
    }
    diags.append(page_diags);
    edits.emplace_back(area, std::move(*page));
  }

  Rebuilt rebuilt;
  if (edits.empty()) return rebuilt;
  BlockRegistry blocks;
  add_builtin_blocks(blocks);
  Diagnostics render_diags;
  std::vector<std::pair<const SitePage*, Page>> undo;
  for (auto& [area, page] : edits) {
    undo.emplace_back(area, std::exchange(page_of(site, *area), std::move(page)));
    SiteFiles files;
    auto html = render_page(site, *area, *state.theme, files, {}, &blocks, &render_diags);
    files[area->output_path] = std::move(html);
    for (auto& [path, bytes] : files) {
      if (!state.paths.count(path)) return std::nullopt;  // a new file: a new chart, say
      rebuilt.files[path] = std::move(bytes);
    }
    rebuilt.pages.push_back(area->output_path);
  }
  for (const auto& [path, bytes] : rebuilt.files) {
    state.links->forget(path);
    state.links->scan(path, bytes);
  }
  for (const auto& path : rebuilt.pages) state.links->report(state.paths, render_diags, &path);
  if (render_diags.has_errors()) {
    // The full build reports them, over the page, as it always does.
    for (auto& [area, page] : undo) page_of(site, *area) = std::move(page);
    return std::nullopt;
  }
  diags.append(render_diags);
  return rebuilt;
}

}  // namespace hyoka
