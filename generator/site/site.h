// Assembles config, pages and datasets into the Site: the order of areas, each page's output
// path and relative root, and which dataset rows belong to which area. Every later stage reads
// the Site and none changes it; only the preview's quick path replaces an edited area's Page,
// between renders (pipeline/rebuild.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "content/page.h"
#include "data/dataset.h"
#include "site/home_composition.h"
#include "site/words.h"

namespace hyoka {

struct AreaRow {
  std::size_t dataset = 0;  // index into Site::datasets
  std::size_t row = 0;      // index into that dataset's rows
};

struct SitePage {
  const Page* page = nullptr;
  std::string output_path;             // "index.html", "areas/recovery/index.html"
  std::string url_path;                // "", "areas/recovery/": absolute URL is base_url + url_path
  std::string root;                    // "", "../../": from this page back to the site's root
  std::vector<AreaRow> rows;           // for area pages: this area's row in each dataset
  std::optional<std::size_t> dataset;  // for a dataset's landing page: index into Site::datasets
};

struct Site {
  SiteConfig config;
  Content content;
  std::vector<Dataset> datasets;
  SitePage home;
  std::vector<SitePage> areas;  // in content order (weight, then id)
  // What hyoka writes in the site's language, from the theme's language file; set by the
  // pipeline once the theme is read (empty texts until then).
  Words words;
  // What the home page shows of each dataset, from [home] in site.toml.
  HomeComposition home_composition;

  // The area's title for an id, or the id itself when no page has it.
  const std::string& area_title(const std::string& id) const;
};

// Checks that every dataset row names a known area once, and warns for areas without data.
// The returned Site owns its parts; SitePage::page points into Site::content, so the Site is
// built in place and must not be copied.
std::unique_ptr<Site> assemble_site(SiteConfig config, Content content,
                                    std::vector<Dataset> datasets, Diagnostics& diags);

// Path from a page's folder to another output path: relative, so the site works under any
// sub-path and from the local disk.
std::string link(const SitePage& from, const std::string& output_path);

}  // namespace hyoka
