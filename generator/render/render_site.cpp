#include "render/render_site.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "base/parallel.h"
#include "base/toml_reader.h"
#include "charts/svg_text.h"
#include "markdown/markdown.h"
#include "render/page_context.h"
#include "render/render_stop.h"

namespace hyoka {

namespace {

const char* layout_of(PageKind kind) {
  switch (kind) {
    case PageKind::home:
      return "home";
    case PageKind::area:
      return "area";
    case PageKind::dataset:
      return "dataset";
    case PageKind::not_found:
      return "404";
  }
  return "area";
}

// What one page left behind once its files went to the sink: their paths and its problems,
// those of the theme apart (every page may hit the same one).
struct RenderedPage {
  std::vector<std::string> paths;
  Diagnostics diags;
  Diagnostics theme_diags;
};

// Renders every page on `jobs` threads, each page's files going to the sink as soon as it is
// done. Each page writes only to its own RenderedPage; the Site, Theme and BlockRegistry are
// only read.
std::vector<RenderedPage> render_pages(const Site& site, const std::vector<const SitePage*>& pages,
                                       const Theme& theme, const BlockRegistry& blocks,
                                       unsigned jobs, FileSink& sink) {
  std::vector<RenderedPage> out(pages.size());
  parallel_for(pages.size(), jobs, [&](std::size_t i) {
    SiteFiles files;
    auto html =
        render_page(site, *pages[i], theme, files, {}, &blocks, &out[i].diags, &out[i].theme_diags);
    files[pages[i]->output_path] = std::move(html);
    for (auto& [path, bytes] : files) {
      out[i].paths.push_back(path);
      sink.put(path, std::move(bytes));
    }
  });
  return out;
}

}  // namespace

// A page template renders the main content; the base layout wraps it.
std::string render_page(const Site& site, const SitePage& page, const Theme& theme,
                        SiteFiles& files, mustache::Map extra, const BlockRegistry* blocks,
                        Diagnostics* diags, Diagnostics* theme_diags) {
  const auto layout = layout_of(page.page->kind);
  const auto figures = page_figures(site, page, theme.chart_style);
  // Every chart also stands alone beside its page, for download and for portals to embed.
  const auto folder = page.output_path.substr(0, page.output_path.rfind('/') + 1);
  for (const auto& d : figures) {
    for (const auto& f : d.figures) {
      for (std::size_t i = 0; i < f.charts.size(); ++i) {
        files[folder + chart_file_name(f.charts[i])] =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            retitled(std::string_view(f.svgs[i]).substr(0, f.standalone_sizes[i]),
                     f.charts[i].heading);
      }
    }
  }
  // Block plugins render fenced blocks that name them; their problems point into the block.
  int block_count = 0;
  const BlockRenderer render_block = [&](const CodeBlock& block) -> std::optional<std::string> {
    const auto* plugin = blocks ? blocks->find(block.info) : nullptr;
    if (!plugin || !diags || !page.page->source) return std::nullopt;
    TomlReader reader(*page.page->source, *diags, page.page->body_first_line + block.body_line - 1,
                      block.indent);
    const auto params = reader.parse(block.body);
    if (!params) return std::string();
    const BlockCall call{site,   page,    theme,
                         reader, *params, "block" + std::to_string(++block_count)};
    return plugin->render(call).value_or("");
  };
  // What the Markdown leaves out is a warning at its line in the page's file.
  const MarkdownWarnings warn = [&](const MarkdownWarning& w) {
    if (!diags || !page.page->source) return;
    const auto& source = *page.page->source;
    const int line = page.page->body_first_line + w.line - 1;
    diags->warning(source, {line, source.character_column(line, w.byte_column)}, w.message);
  };
  mustache::Value context(page_context(site, page, figures,
                                       render_markdown(page.page->body, render_block, warn,
                                                       site.words(Word::markdown_footnote_back))));
  for (auto& [name, value] : extra) context.set(name, std::move(value));
  // load_theme makes sure that these layouts exist. Room for a page of the usual size is made
  // first: growing a string copies all it holds.
  constexpr std::size_t kPageRoom = 16 * 1024;
  const auto render = [&](const mustache::Template* tpl, std::string& out) {
    if (!tpl) return true;
    const auto stop = tpl->render(context, out);
    if (!stop) return true;
    if (auto* to = theme_diags ? theme_diags : diags) {
      report_render_stop(theme, *tpl, *stop, page.output_path, *to);
    }
    return false;
  };
  std::string main;
  main.reserve(kPageRoom + 2 * page.page->body.size());
  if (!render(theme.templates.find(layout), main)) return {};
  std::string out;
  out.reserve(kPageRoom + main.size());
  context.set("main", std::move(main));
  if (!render(theme.templates.find("base"), out)) return {};
  return out;
}

SitePaths render_site(const Site& site, const Theme& theme, const FileSystem& fs,
                      Diagnostics& diags, const BlockRegistry& blocks, unsigned jobs,
                      FileSink& sink) {
  std::vector<const SitePage*> pages = {&site.home};
  for (const auto& area : site.areas) pages.push_back(&area);
  auto rendered = render_pages(site, pages, theme, blocks, jobs, sink);
  // Problems merged in page order, as if rendered one after another; a problem of the theme
  // once, from the first page that met it.
  SitePaths paths;
  std::set<std::tuple<std::string, int, int>> theme_problems;
  for (auto& page : rendered) {
    paths.insert(page.paths.begin(), page.paths.end());
    diags.append(page.diags);
    if (page.theme_diags.all().empty()) continue;
    const auto& first = page.theme_diags.all().front();
    if (theme_problems.emplace(first.path, first.position.line, first.position.column).second) {
      diags.append(page.theme_diags);
    }
  }
  for (const auto& [output, path] : theme.static_files) {
    // A file cannot be where hyoka writes a file, nor where it needs a folder.
    std::string taken = paths.count(output) ? output : "";
    const auto inside = paths.lower_bound(output + "/");
    if (inside != paths.end() && inside->starts_with(output + "/")) {
      taken = "the folder " + output;
    }
    for (auto slash = output.find('/'); slash != std::string::npos;
         slash = output.find('/', slash + 1)) {
      if (paths.count(output.substr(0, slash))) taken = output.substr(0, slash);
    }
    if (!taken.empty()) {
      diags.report_file(
          Severity::error, path,
          "this static file would take the place of " + taken + ", which hyoka writes");
      continue;
    }
    auto bytes = fs.read(path, read_limit::static_file);
    if (!bytes) {
      diags.report_file(Severity::error, path, bytes.error);
      continue;
    }
    paths.insert(output);
    sink.put(output, std::move(*bytes));
  }
  return paths;
}

SiteFiles render_site(const Site& site, const Theme& theme, const FileSystem& fs,
                      Diagnostics& diags, const BlockRegistry& blocks, unsigned jobs) {
  MemorySink sink;
  render_site(site, theme, fs, diags, blocks, jobs, sink);
  return std::move(sink.files);
}

}  // namespace hyoka
