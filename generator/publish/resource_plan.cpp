#include "publish/resource_plan.h"

#include <optional>

#include "publish/json_fields.h"

namespace hyoka {

using nlohmann::json;

namespace {

// The fields of a resource that differ from the existing one, for resource_patch.
json resource_changes(const json& wanted, const json& existing) {
  json changes = json::object();
  for (const auto& [key, value] : wanted.items()) {
    if (key != "url" && text_of(existing, key.c_str()) != value.get<std::string>()) {
      changes[key] = value;
    }
  }
  return changes;
}

// Whether `url` ends in the site path `path` ("data/achievement.csv", "data/achievement/"),
// trailing slashes aside: where the site's file was before the site moved.
bool ends_in_site_path(std::string url, std::string path) {
  while (url.ends_with('/')) url.pop_back();
  while (path.ends_with('/')) path.pop_back();
  return !path.empty() && url.size() > path.size() && url.ends_with(path) &&
         url[url.size() - path.size() - 1] == '/';
}

}  // namespace

std::vector<ResourceWrite> plan_resources(const CkanPackage& wanted, const json& existing) {
  std::vector<ResourceWrite> writes;
  const json& have = list_of(existing, "resources");
  std::vector<bool> taken(have.size(), false);
  std::vector<std::optional<std::size_t>> match(wanted.resources.size());
  for (std::size_t w = 0; w < wanted.resources.size(); ++w) {
    const auto url = wanted.resources[w]["url"].get<std::string>();
    for (std::size_t h = 0; h < have.size(); ++h) {
      if (!taken[h] && text_of(have[h], "url") == url) {
        match[w] = h;
        taken[h] = true;
        break;
      }
    }
  }
  for (std::size_t w = 0; w < wanted.resources.size(); ++w) {
    const json& resource = wanted.resources[w];
    if (match[w]) {
      json body = resource_changes(resource, have[*match[w]]);
      if (body.empty()) continue;
      body["id"] = text_of(have[*match[w]], "id");
      writes.push_back({"resource_patch", std::move(body), ""});
      continue;
    }
    const auto url = resource["url"].get<std::string>();
    const std::string& path = wanted.site_paths[w];
    std::vector<std::size_t> moved;
    for (std::size_t h = 0; h < have.size(); ++h) {
      const std::string old_url = text_of(have[h], "url");
      if (!taken[h] && !old_url.starts_with(wanted.base_url) && ends_in_site_path(old_url, path) &&
          text_of(have[h], "format") == resource["format"].get<std::string>()) {
        moved.push_back(h);
      }
    }
    if (moved.size() == 1) {
      const json& old = have[moved.front()];
      taken[moved.front()] = true;
      json body = resource_changes(resource, old);
      body["id"] = text_of(old, "id");
      body["url"] = url;
      writes.push_back({"resource_patch", std::move(body), text_of(old, "url")});
      continue;
    }
    json body = resource;
    body["package_id"] = text_of(existing, "id");
    writes.push_back({"resource_create", std::move(body), ""});
  }
  return writes;
}

}  // namespace hyoka
