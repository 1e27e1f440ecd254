// A hyoka dataset → the CKAN package that describes it: metadata from site.toml and the
// dataset, and resources that link to the site's published files (site/open_data_paths.h)
// rather than uploading copies. Pure: no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "config/site_config.h"
#include "data/dataset.h"
#include "publish/portal_schema.h"
#include "site/site.h"

namespace hyoka {

struct CkanPackage {
  std::string name;                       // <name_prefix>-<dataset id>
  nlohmann::json fields;                  // package_create's fields, without resources
  std::vector<nlohmann::json> resources;  // name, url, format, mimetype, description
  // Each resource's file as the site names it ("data/a.csv", "data/a/"): its url is the
  // site's base_url and this.
  std::vector<std::string> site_paths;
  // Under the keys ckanext-dcat reads (issued, modified, publisher_name, temporal_start,
  // temporal_end), sorted by key: fields or extras, as the portal's schema has them.
  std::vector<std::pair<std::string, std::string>> metadata;
  std::string base_url;  // the site's, which every resource's url starts with
};

// The dataset dict to send, without resources: `fields`, and each metadata value as a field
// where the portal's dataset schema has one, as an extra ({"key", "value"}) elsewhere.
nlohmann::json dataset_dict(const CkanPackage& package, const DatasetSchema& schema);

// The dataset's name on the portal: 2 to 100 of a-z, 0-9, '-' and '_', or why it cannot be.
Result<std::string> ckan_package_name(const SiteConfig& config, const std::string& dataset_id);

CkanPackage build_package(const SiteConfig& config, const Dataset& dataset,
                          const std::string& organization);

// Every dataset of the site, in id order; `problems` gets one line per dataset that has no
// valid name.
std::vector<CkanPackage> build_packages(const Site& site, const std::string& organization,
                                        std::vector<std::string>& problems);

}  // namespace hyoka
