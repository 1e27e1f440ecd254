// hyoka's resources matched with those a dataset has on the portal. Resources are found by URL.
// One that is not is looked for where the site was before it moved (hyoka keeps no history): an
// existing resource, not found by URL for another, outside the site's address, whose URL ends
// in the same site path ("data/achievement.csv", "data/achievement/") and whose format is the
// same. Only a single such candidate is taken; otherwise the resource is created beside
// whatever is there. Pure: no I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "publish/package_builder.h"

namespace hyoka {

struct ResourceWrite {
  std::string action;  // "resource_patch" or "resource_create"
  nlohmann::json body;
  std::string moved_from;  // the earlier URL of a resource the site's move carries over
};

// The writes that give `existing` (package_show's dataset) hyoka's resources: resource_patch
// with the fields that differ (and the new url of a moved one), resource_create for the rest.
std::vector<ResourceWrite> plan_resources(const CkanPackage& wanted,
                                          const nlohmann::json& existing);

}  // namespace hyoka
