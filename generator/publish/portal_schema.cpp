#include "publish/portal_schema.h"

namespace hyoka {

DatasetSchema read_dataset_schema(const nlohmann::json& result) {
  DatasetSchema schema;
  schema.scheming = true;
  if (!result.is_object() || !result.contains("dataset_fields") ||
      !result["dataset_fields"].is_array()) {
    return schema;
  }
  for (const auto& field : result["dataset_fields"]) {
    if (field.is_object() && field.contains("field_name") && field["field_name"].is_string()) {
      schema.dataset_fields.insert(field["field_name"].get<std::string>());
    }
  }
  return schema;
}

}  // namespace hyoka
