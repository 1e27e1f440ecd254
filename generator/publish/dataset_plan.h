// What hyoka publish will do with one dataset, decided from package_show's answer before anything
// is written, so that every problem is found before the first write and --dry-run can say what
// would change. Pure: no I/O.
//
// What hyoka owns on a portal (README, "What the portal gets"): the fields it sends are reset
// to its values on every run; tags and extras are merged with the portal's (its keywords added,
// nothing removed); its resources are found by URL, or by the site path and format they had
// before the site moved, and patched; everything else is the portal's staff's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "publish/ckan_client.h"
#include "publish/package_builder.h"
#include "publish/portal_schema.h"
#include "publish/resource_plan.h"

namespace hyoka {

struct DatasetPlan {
  enum class Kind { create, update, up_to_date, blocked };
  Kind kind = Kind::blocked;
  std::string name;
  nlohmann::json create;  // package_create's body, with the resources
  nlohmann::json patch;   // package_patch's body, or null when no field differs
  nlohmann::json before;  // what the portal holds in each field the patch changes
  std::vector<ResourceWrite> resources;
  std::vector<std::string> notes;  // said beside the dataset's line: deleted, draft
  std::string problem;             // why it is blocked
};

// Where the datasets go: the organization as the user named it and as the portal's id.
struct PlanTarget {
  std::string organization;
  std::string organization_id;
  DatasetSchema schema;
};

// `shown` is package_show's answer for the dataset's name.
DatasetPlan plan_dataset(const CkanPackage& wanted, const CkanReply& shown,
                         const PlanTarget& target);

// "package_patch: title, notes; resource_patch: 2 resources; moved with the site: … → …", and
// the notes after "; ": what a dataset's line says of an update.
std::string describe_changes(const DatasetPlan& plan);
std::string describe_notes(const DatasetPlan& plan);

// The changes package_patch must make to `existing` to hold `wanted` (dataset_dict's): the dict
// to send (with "id"), or null when nothing differs. Tags and extras keep what is already there.
nlohmann::json package_patch_body(const nlohmann::json& wanted, const nlohmann::json& existing);

// The fields the portal's schema requires that `dataset` (as it will be after hyoka's writes)
// leaves empty: "title_translated", or "resources[1].name_translated" for a resource's.
std::vector<std::string> unfilled_required_fields(const DatasetSchema& schema,
                                                  const nlohmann::json& dataset);

}  // namespace hyoka
