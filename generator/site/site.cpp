#include "site/site.h"

#include <map>
#include <memory>
#include <set>

#include "base/spellcheck.h"

namespace hyoka {

const std::string& Site::area_title(const std::string& id) const {
  for (const auto& area : areas) {
    if (area.page->id == id) return area.page->title;
  }
  return id;
}

std::unique_ptr<Site> assemble_site(SiteConfig config, Content content,
                                    std::vector<Dataset> datasets, Diagnostics& diags) {
  if (!content.home) {
    diags.report_file(Severity::error, "content/_index.md", "the site has no home page");
    return nullptr;
  }
  auto site = std::make_unique<Site>();
  site->config = std::move(config);
  site->content = std::move(content);
  site->datasets = std::move(datasets);

  site->home = {&*site->content.home, "index.html", "", "", {}, std::nullopt};
  std::map<std::string, std::size_t> area_index;
  std::vector<std::string> area_ids;
  for (const auto& page : site->content.areas) {
    area_index[page.id] = site->areas.size();
    area_ids.push_back(page.id);
    site->areas.push_back({&page,
                           "areas/" + page.id + "/index.html",
                           "areas/" + page.id + "/",
                           "../../",
                           {},
                           std::nullopt});
  }

  const int errors_before = diags.errors();
  for (std::size_t d = 0; d < site->datasets.size(); ++d) {
    const auto& dataset = site->datasets[d];
    std::map<std::string, Position> seen;
    for (std::size_t r = 0; r < dataset.rows.size(); ++r) {
      const auto& row = dataset.rows[r];
      const auto found = area_index.find(row.area);
      if (found == area_index.end()) {
        diags.error(dataset.rows_text(), row.area_position,
                    "unknown area \"" + row.area + "\": no content/areas/" + row.area + ".md" +
                        did_you_mean(row.area, area_ids));
        continue;
      }
      if (const auto before = seen.find(row.area); before != seen.end()) {
        diags.error(dataset.rows_text(), row.area_position,
                    "area \"" + row.area + "\" appears twice in this dataset (first on line " +
                        std::to_string(before->second.line) + ")");
        continue;
      }
      seen[row.area] = row.area_position;
      site->areas[found->second].rows.push_back({d, r});
    }
  }
  for (const auto& area : site->areas) {
    if (area.rows.empty()) {
      diags.warning(*area.page->source, area.page->title_position,
                    "no dataset has a row for the area \"" + area.page->id +
                        "\"; its page will have no table");
    }
  }
  site->home_composition = compose_home(site->config, site->datasets, diags);
  if (diags.errors() > errors_before) return nullptr;
  return site;
}

std::string link(const SitePage& from, const std::string& output_path) {
  return from.root + output_path;
}

}  // namespace hyoka
