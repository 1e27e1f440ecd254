// The upsert of hyoka publish: probe the portal (license_list, organization_show, its dataset
// schema with scheming_dataset_schema_show), then for
// every dataset package_show → package_create when missing, package_patch when present (never
// package_update, which drops every field it is not given), and its resources matched to the
// existing ones by URL: resource_patch when changed, resource_create when new. Nothing the
// portal's staff added is removed: tags and extras are merged, unmatched resources stay.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "publish/ckan_client.h"
#include "publish/package_builder.h"
#include "publish/portal_schema.h"
#include "publish/redact.h"

namespace hyoka {

struct PublishCounts {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

class CkanPublisher {
 public:
  // `log` gets one line per dataset, `err` the problems; both through `redact`.
  CkanPublisher(CkanClient& client, const Redactor& redact, std::ostream& log, std::ostream& err);

  // Stops at the first problem, reported on `err`, and returns false.
  // `usual_license_id` is the id most portals give the site's licence (License::ckan_id),
  // the first suggestion when the portal does not know `license_id`.
  bool publish(const std::vector<CkanPackage>& packages, const std::string& license_id,
               const std::string& usual_license_id, const std::string& organization);
  const PublishCounts& counts() const { return counts_; }

 private:
  bool check_license(const std::string& license_id, const std::string& usual_license_id);
  bool check_organization(const std::string& organization);
  bool read_schema();
  bool upsert(const CkanPackage& package, const std::string& organization);
  bool sync_resources(const CkanPackage& package, const nlohmann::json& existing,
                      std::vector<std::string>& changes);
  void fail(const std::string& what, const CkanError& error);
  void fail(const std::string& message);

  CkanClient& client_;
  const Redactor& redact_;
  std::ostream& log_;
  std::ostream& err_;
  std::string organization_id_;
  DatasetSchema schema_;
  PublishCounts counts_;
};

// The changes package_patch must make to `existing` to hold `wanted` (dataset_dict's): the dict
// to send (with "id"), or null when nothing differs. Tags and extras keep what is already there.
nlohmann::json package_patch_body(const nlohmann::json& wanted, const nlohmann::json& existing);

}  // namespace hyoka
