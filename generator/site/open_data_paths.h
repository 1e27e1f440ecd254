// Where each dataset's open-data files lie in the built site. Portals register these URLs
// (base_url + path) and harvest them, so they are part of the public contract: never change
// them without a redirect.
#pragma once

#include <string>

namespace hyoka {

inline std::string dataset_csv_path(const std::string& id) {
  return "data/" + id + ".csv";
}
inline std::string dataset_excel_csv_path(const std::string& id) {
  return "data/" + id + "-excel.csv";
}
inline std::string dataset_json_path(const std::string& id) {
  return "data/" + id + ".json";
}
// A KPI dataset's indicators, beside its landing page: no dataset id can make these paths
// (an id has no '/'), so they never meet another dataset's files.
inline std::string indicators_csv_path(const std::string& id) {
  return "data/" + id + "/indicators.csv";
}
inline std::string indicators_excel_csv_path(const std::string& id) {
  return "data/" + id + "/indicators-excel.csv";
}
inline std::string indicators_json_path(const std::string& id) {
  return "data/" + id + "/indicators.json";
}
// The landing page is data/<id>/index.html; its URL is the folder.
inline std::string dataset_page_path(const std::string& id) {
  return "data/" + id + "/";
}
inline const char* kDataPackagePath = "datapackage.json";
inline const char* kCatalogTurtlePath = "catalog.ttl";
inline const char* kCatalogJsonLdPath = "catalog.jsonld";

}  // namespace hyoka
