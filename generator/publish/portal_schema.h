// The dataset schema a portal validates against. A portal with ckanext-scheming publishes it
// (scheming_dataset_schema_show); its fields are then keys of the dataset itself, and CKAN
// refuses extras of the same names (extra_key_not_in_root_schema in logic/validators.py): with
// ckanext-dcat's schemas (dcat_ap_full, dcat_ap_multilingual, dcat_us_*, …) that is the case
// of `issued` and `modified`. A stock portal has no such fields.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace hyoka {

struct DatasetSchema {
  bool scheming = false;                 // the portal answered scheming_dataset_schema_show
  std::set<std::string> dataset_fields;  // every dataset field's field_name
  // Fields a dataset or a resource must fill: `"required": true` (scheming_required, in
  // ckanext-scheming's validation.py, is then not_empty) or a not_empty validator.
  std::vector<std::string> required_dataset_fields;
  std::vector<std::string> required_resource_fields;
  bool has_field(const std::string& name) const { return dataset_fields.contains(name); }
};

// scheming_dataset_schema_show's result → the schema; anything it lacks is left out.
DatasetSchema read_dataset_schema(const nlohmann::json& result);

}  // namespace hyoka
