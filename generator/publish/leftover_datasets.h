// The organization's datasets under the site's name_prefix that the site no longer has. hyoka
// deletes nothing, so a dataset removed from the site stays on the portal; it is listed, for the
// portal's staff to delete if they want.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "publish/ckan_client.h"

namespace hyoka {

struct LeftoverDatasets {
  std::vector<std::string> datasets;  // "name (title)" each, in name order, printable
  std::optional<CkanError> error;     // why the portal could not be searched
};

LeftoverDatasets find_leftover_datasets(CkanClient& client, const std::string& organization_id,
                                        const std::string& name_prefix,
                                        const std::set<std::string>& site_names);

}  // namespace hyoka
