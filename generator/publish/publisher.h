// hyoka publish against a portal, reads first: which organizations the token may create
// datasets in (organization_list_for_user), the licences (license_list), the dataset schema
// (scheming_dataset_schema_show), then package_show for every dataset, each planned
// (dataset_plan.h), and the organization's datasets under the site's name_prefix
// (package_search) that the site no longer has, listed. Only when nothing stands in the way
// does it write: package_create when missing (or deleted), package_patch when present (never
// package_update, which drops every field it is not given), resource_patch and resource_create.
// --dry-run with a token stops before the writes and prints them.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "publish/ckan_client.h"
#include "publish/dataset_plan.h"
#include "publish/package_builder.h"
#include "publish/redact.h"

namespace hyoka {

struct PublishCounts {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
};

// Where and how the site's datasets go.
struct PublishTarget {
  std::string organization;      // --organization: a name or an id
  std::string license_id;        // [publish] license_id
  std::string usual_license_id;  // License::ckan_id, the first suggestion for an unknown one
  std::string name_prefix;       // [publish] name_prefix
};

class CkanPublisher {
 public:
  // `log` gets one line per dataset, `err` the problems; both through `redact`.
  CkanPublisher(CkanClient& client, const Redactor& redact, std::ostream& log, std::ostream& err);

  // Every problem found while reading is reported on `err` and stops the run before the first
  // write; a failed write stops it there. With `dry_run`, prints the writes instead.
  bool publish(const std::vector<CkanPackage>& packages, const PublishTarget& target,
               bool dry_run = false);
  // What the run did, or with --dry-run would do.
  const PublishCounts& counts() const { return counts_; }

 private:
  bool check_organization(const std::string& organization);
  bool check_license(const std::string& license_id, const std::string& usual_license_id);
  bool read_schema();
  void list_leftovers(const std::vector<CkanPackage>& packages, const std::string& name_prefix);
  bool write(const DatasetPlan& plan);
  void count(const DatasetPlan& plan);
  void say(const std::string& line);
  void fail(const std::string& what, const CkanError& error);
  void fail(const std::string& message);

  CkanClient& client_;
  const Redactor& redact_;
  std::ostream& log_;
  std::ostream& err_;
  PlanTarget target_;
  PublishCounts counts_;
};

}  // namespace hyoka
