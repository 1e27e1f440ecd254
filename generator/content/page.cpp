#include "content/page.h"

#include <algorithm>

#include "base/identifier.h"
#include "base/parallel.h"
#include "base/toml_reader.h"
#include "content/front_matter.h"
#include "content/prose_check.h"

namespace hyoka {

std::optional<Page> parse_page(const SourceText& source, PageKind kind, std::string id,
                               Diagnostics& diags) {
  const int errors_before = diags.errors();
  const auto split = split_front_matter(source, diags);
  if (!split) return std::nullopt;
  TomlReader reader(source, diags, split->toml_first_line);
  const auto doc = reader.parse(split->toml);
  if (!doc) return std::nullopt;

  Page page;
  page.kind = kind;
  page.id = std::move(id);
  std::vector<std::string> known = {"title", "weight", "description", "updated"};
  if (kind == PageKind::area) known.push_back("subtitle");
  reader.check_keys(*doc, known, "front matter");
  page.title = reader.get_string(*doc, "title", Need::required).value_or("");
  page.title_position =
      doc->contains("title") ? reader.key_position(doc->at("title"), "title") : reader.start();
  page.weight = reader.get_integer(*doc, "weight", Need::optional).value_or(0);
  page.description = reader.get_string(*doc, "description", Need::optional).value_or("");
  page.updated = reader.get_date(*doc, "updated", Need::optional).value_or("");
  if (kind == PageKind::area) {
    page.subtitle = reader.get_string(*doc, "subtitle", Need::optional).value_or("");
  }
  // A title of another type has had its error from get_string.
  if (const auto* title = doc->get("title"); title && title->is_string() && page.title.empty()) {
    reader.error(reader.position(*title), "title must not be empty");
  }
  page.source = std::make_shared<SourceText>(source);
  // The body is the tail of the file: a view of the page's own copy, not a second copy.
  page.body =
      std::string_view(page.source->text()).substr(page.source->text().size() - split->body.size());
  page.body_first_line = split->body_first_line;
  check_prose(*page.source, page.body_first_line, diags);
  if (diags.errors() > errors_before) return std::nullopt;
  return page;
}

Content load_content(const FileSystem& fs, const std::string& content_dir, Diagnostics& diags,
                     unsigned jobs) {
  Content content;
  if (fs.kind(content_dir) != FileSystem::Kind::directory) {
    diags.report_file(Severity::error, content_dir,
                      "no content folder; it holds _index.md, areas/ and data/");
    return content;
  }
  const auto files = fs.list_files(content_dir);
  if (!files) {
    diags.report_file(Severity::error, content_dir, files.error);
    return content;
  }
  const auto read_page = [&](const std::string& relative, PageKind kind, std::string id) {
    const auto path = join_path(content_dir, relative);
    const auto source = read_source(fs, path, read_limit::page, diags);
    return source ? parse_page(*source, kind, std::move(id), diags) : std::nullopt;
  };
  std::vector<std::pair<std::string, std::string>> area_files;  // relative path, id
  for (const auto& relative : *files) {
    const auto name = relative.substr(relative.rfind('/') + 1);
    // Editors' and systems' files, and the lock files Excel keeps beside an open file.
    if (name.starts_with('.') || name.ends_with('~') || name.starts_with("~$")) continue;
    const auto path = join_path(content_dir, relative);
    if (relative == "_index.md") {
      content.home = read_page(relative, PageKind::home, "");
    } else if (relative.starts_with("areas/") && relative.ends_with(".md") &&
               relative.find('/', 6) == std::string::npos) {
      const auto id = name.substr(0, name.size() - 3);
      if (!valid_identifier(id)) {
        diags.report_file(Severity::error, path,
                          "the area id \"" + id +
                              "\" (the file name) may use only a-z, 0-9, '-' and '_', as it "
                              "becomes the page's address");
        continue;
      }
      area_files.emplace_back(relative, id);
    } else if (relative.starts_with("data/") && relative.ends_with(".toml") &&
               relative.find('/', 5) == std::string::npos) {
      content.data_files.push_back(path);
    } else if (relative.starts_with("data/") && relative.find('/', 5) == std::string::npos &&
               (relative.ends_with(".csv") || relative.ends_with(".CSV"))) {
      content.csv_files.push_back(path);
    } else {
      diags.report_file(Severity::warning, path,
                        "not published: pages are content/_index.md and content/areas/<id>.md, "
                        "datasets content/data/<id>.toml and the CSV files they read");
    }
  }
  // Every area page on its own, on all cores; their problems in file order.
  std::vector<std::optional<Page>> areas(area_files.size());
  std::vector<Diagnostics> area_diags(area_files.size());
  parallel_for(area_files.size(), jobs, [&](std::size_t i) {
    const auto& [relative, id] = area_files[i];
    const auto source =
        read_source(fs, join_path(content_dir, relative), read_limit::page, area_diags[i]);
    if (source) areas[i] = parse_page(*source, PageKind::area, id, area_diags[i]);
  });
  for (std::size_t i = 0; i < areas.size(); ++i) {
    diags.append(area_diags[i]);
    if (areas[i]) content.areas.push_back(std::move(*areas[i]));
  }
  // A folder named as a page or a dataset would be passed over without a word.
  for (const auto& [folder, ending] : {std::pair{"areas", ".md"}, std::pair{"data", ".toml"}}) {
    const auto dir = join_path(content_dir, folder);
    for (const auto& name : fs.list_dirs(dir)) {
      const auto relative = std::string(folder) + '/' + name;
      // A link to a folder is listed as a file, and reported when read.
      if (name.ends_with(ending) && !std::binary_search(files->begin(), files->end(), relative)) {
        diags.report_file(Severity::error, join_path(dir, name), "is a folder, not a file");
      }
    }
  }
  const auto home_path = join_path(content_dir, "_index.md");
  if (!content.home && fs.kind(home_path) == FileSystem::Kind::missing) {
    diags.report_file(Severity::error, home_path, "missing: the home page's Markdown file");
  } else if (!content.home && fs.kind(home_path) == FileSystem::Kind::directory) {
    diags.report_file(Severity::error, home_path, "is a folder, not a file");
  }
  std::sort(content.areas.begin(), content.areas.end(), [](const Page& a, const Page& b) {
    return std::tie(a.weight, a.id) < std::tie(b.weight, b.id);
  });
  return content;
}

}  // namespace hyoka
