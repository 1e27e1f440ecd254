#include "publish/portal_schema.h"

#include <sstream>

namespace hyoka {

namespace {

using nlohmann::json;

bool required(const json& field) {
  if (field.contains("required") && field["required"].is_boolean() &&
      field["required"].get<bool>()) {
    return true;
  }
  if (!field.contains("validators") || !field["validators"].is_string()) return false;
  std::istringstream validators(field["validators"].get<std::string>());
  for (std::string validator; validators >> validator;) {
    if (validator == "not_empty") return true;
  }
  return false;
}

// The field_name of every field in `schema[list]`, and of the required ones in `needed`.
void read_fields(const json& schema, const char* list, std::set<std::string>* names,
                 std::vector<std::string>& needed) {
  if (!schema.contains(list) || !schema[list].is_array()) return;
  for (const auto& field : schema[list]) {
    if (!field.is_object() || !field.contains("field_name") || !field["field_name"].is_string()) {
      continue;
    }
    const auto name = field["field_name"].get<std::string>();
    if (names) names->insert(name);
    if (required(field)) needed.push_back(name);
  }
}

}  // namespace

DatasetSchema read_dataset_schema(const json& result) {
  DatasetSchema schema;
  schema.scheming = true;
  if (!result.is_object()) return schema;
  read_fields(result, "dataset_fields", &schema.dataset_fields, schema.required_dataset_fields);
  read_fields(result, "resource_fields", nullptr, schema.required_resource_fields);
  return schema;
}

}  // namespace hyoka
