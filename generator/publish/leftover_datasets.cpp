#include "publish/leftover_datasets.h"

#include "base/utf8.h"
#include "publish/json_fields.h"

namespace hyoka {

using nlohmann::json;

LeftoverDatasets find_leftover_datasets(CkanClient& client, const std::string& organization_id,
                                        const std::string& name_prefix,
                                        const std::set<std::string>& site_names) {
  LeftoverDatasets found;
  // package_search (logic/action/get.py) with the organization's private datasets and drafts;
  // deleted ones are never listed. Pages of 100 rows, at most 100 pages whatever the count.
  constexpr long rows = 100, pages = 100;
  long count = 0;
  for (long page = 0; page < pages && page * rows <= count; ++page) {
    const auto reply =
        client.read("package_search", {{"fq", "owner_org:\"" + organization_id + "\""},
                                       {"include_private", "true"},
                                       {"include_drafts", "true"},
                                       {"sort", "name asc"},
                                       {"rows", std::to_string(rows)},
                                       {"start", std::to_string(page * rows)}});
    if (!reply) {
      found.error = reply.error;
      return found;
    }
    const json& result = *reply.result;
    count = result.is_object() && result.contains("count") && result["count"].is_number_integer()
                ? result["count"].get<long>()
                : 0;
    const json& datasets = list_of(result, "results");
    if (datasets.empty()) break;
    for (const auto& dataset : datasets) {
      const std::string name = text_of(dataset, "name");
      if (!name.starts_with(name_prefix + "-") || site_names.contains(name)) continue;
      const std::string title = text_of(dataset, "title");
      found.datasets.push_back(utf8::printable(name) +
                               (title.empty() ? "" : " (" + utf8::printable(title) + ")"));
    }
  }
  return found;
}

}  // namespace hyoka
