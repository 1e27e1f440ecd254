#include "publish/publisher.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/spellcheck.h"
#include "publish/printable.h"

namespace hyoka {

using nlohmann::json;

namespace {

std::string text_of(const json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string()
             ? object[key].get<std::string>()
             : "";
}

const json& list_of(const json& object, const char* key) {
  static const json empty = json::array();
  return object.is_object() && object.contains(key) && object[key].is_array() ? object[key] : empty;
}

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

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

json package_patch_body(const json& wanted, const json& existing) {
  json patch = {{"id", text_of(existing, "id")}};
  for (const auto& [key, value] : wanted.items()) {
    if (key == "name" || key == "owner_org" || key == "tags" || key == "extras") continue;
    if (!existing.contains(key) || existing[key] != value) patch[key] = value;
  }

  // package_tag_list_save (model_save.py) finds each tag sent by its id, else by name and
  // vocabulary: the portal's tags go back as package_show gave them, or a vocabulary tag
  // would become a free tag of the same name. hyoka's keywords are free tags.
  json tags = json::array();
  std::set<std::string> free_tags;
  for (const auto& tag : list_of(existing, "tags")) {
    tags.push_back(tag);
    const bool in_vocabulary =
        tag.is_object() && tag.contains("vocabulary_id") && !tag["vocabulary_id"].is_null();
    if (!in_vocabulary) free_tags.insert(text_of(tag, "name"));
  }
  bool new_tag = false;
  for (const auto& tag : list_of(wanted, "tags")) {
    if (free_tags.insert(text_of(tag, "name")).second) {
      tags.push_back(tag);
      new_tag = true;
    }
  }
  if (new_tag) patch["tags"] = std::move(tags);

  json extras = json::array();
  for (const auto& extra : list_of(existing, "extras")) {
    extras.push_back({{"key", text_of(extra, "key")}, {"value", text_of(extra, "value")}});
  }
  bool extras_changed = false;
  for (const auto& extra : list_of(wanted, "extras")) {
    const auto same_key = std::find_if(extras.begin(), extras.end(),
                                       [&](const json& e) { return e["key"] == extra["key"]; });
    if (same_key == extras.end()) {
      extras.push_back(extra);
      extras_changed = true;
    } else if ((*same_key)["value"] != extra["value"]) {
      (*same_key)["value"] = extra["value"];
      extras_changed = true;
    }
  }
  if (extras_changed) patch["extras"] = extras;
  return patch.size() == 1 ? json() : patch;
}

CkanPublisher::CkanPublisher(CkanClient& client, const Redactor& redact, std::ostream& log,
                             std::ostream& err)
    : client_(client), redact_(redact), log_(log), err_(err) {}

void CkanPublisher::fail(const std::string& what, const CkanError& error) {
  // The portal's own words always; a validation error's fields after them.
  if (!error.reason.empty() || error.fields.empty()) fail(what + ": " + error.message);
  // A portal can send any number of fields; a screenful is enough to act on.
  constexpr std::size_t shown = 20;
  for (std::size_t i = 0; i < error.fields.size() && i < shown; ++i) {
    fail(what + ": " + error.fields[i]);
  }
  if (error.fields.size() > shown) {
    fail(what + ": and " + std::to_string(error.fields.size() - shown) + " more");
  }
}

void CkanPublisher::fail(const std::string& message) {
  err_ << redact_("hyoka publish: " + message) << '\n';
}

bool CkanPublisher::publish(const std::vector<CkanPackage>& packages, const std::string& license_id,
                            const std::string& usual_license_id, const std::string& organization) {
  if (!check_license(license_id, usual_license_id) || !check_organization(organization) ||
      !read_schema()) {
    return false;
  }
  for (const auto& package : packages) {
    if (!upsert(package, organization)) return false;
  }
  return true;
}

bool CkanPublisher::check_license(const std::string& license_id,
                                  const std::string& usual_license_id) {
  const auto reply = client_.read("license_list", {});
  if (!reply) {
    fail("license_list", reply.error);
    return false;
  }
  std::vector<std::string> ids;
  for (const auto& license : reply.result->is_array() ? *reply.result : json::array()) {
    ids.push_back(text_of(license, "id"));
  }
  const auto known = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  if (known(license_id)) return true;
  // "cc-by-4.0" for a portal that calls CC BY 4.0 "cc-by" suggests the site's licence, not
  // the nearest spelling ("cc-by-sa" is another licence); a typo gets the nearest spelling.
  std::string lower = license_id;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool usual =
      known(usual_license_id) && (lower.starts_with(usual_license_id) || !closest(license_id, ids));
  const std::string suggestion = usual ? "; did you mean \"" + usual_license_id + "\"?"
                                       : printable(did_you_mean(license_id, ids));
  fail("the portal's license_list has no licence \"" + license_id + "\"" + suggestion +
       " (set [publish] license_id in site.toml to the portal's id for the site's licence)");
  return false;
}

bool CkanPublisher::read_schema() {
  const auto reply = client_.read("scheming_dataset_schema_show", {{"type", "dataset"}});
  if (reply) {
    schema_ = read_dataset_schema(*reply.result);
    std::string fields;
    for (const auto& key :
         {"issued", "modified", "publisher_name", "temporal_start", "temporal_end"}) {
      if (schema_.has_field(key)) fields += (fields.empty() ? "" : ", ") + std::string(key);
    }
    if (!fields.empty()) {
      log_ << redact_("hyoka publish: the portal's dataset schema (ckanext-scheming) has " +
                      fields + " as dataset fields: hyoka sends them there, not as extras")
           << '\n';
    }
    return true;
  }
  // A stock portal does not know the action (views/api.py: "Action name not known"); a
  // ckanext-scheming without a "dataset" type answers Not Found. Neither has such fields.
  if (reply.error.kind == CkanError::Kind::unknown_action || reply.error.not_found()) return true;
  fail("scheming_dataset_schema_show", reply.error);
  return false;
}

bool CkanPublisher::check_organization(const std::string& organization) {
  const auto reply = client_.read("organization_show", {{"id", organization}});
  if (reply) {
    organization_id_ = text_of(*reply.result, "id");
    return true;
  }
  if (!reply.error.not_found()) {
    fail("organization_show " + organization, reply.error);
    return false;
  }
  // Which organizations may this token publish to? They make the best suggestions.
  std::vector<std::string> names;
  const auto mine = client_.read("organization_list_for_user", {{"permission", "create_dataset"}});
  if (mine && mine.result->is_array()) {
    for (const auto& org : *mine.result) names.push_back(text_of(org, "name"));
  }
  fail("the portal has no organization \"" + organization + "\" (--organization)" +
       (names.empty() ? "" : printable(did_you_mean(organization, names))));
  return false;
}

bool CkanPublisher::upsert(const CkanPackage& package, const std::string& organization) {
  const auto shown = client_.read("package_show", {{"id", package.name}});
  if (!shown && shown.error.kind == CkanError::Kind::not_authorized) {
    // auth/get.py package_show: only members of its organization may see a private, draft or
    // deleted dataset: a 403 here says who holds the name, not that the token is wrong.
    fail("package_show " + package.name + ": the portal will not show it (" +
         (shown.error.reason.empty() ? "HTTP 403" : shown.error.reason) +
         "): the name is held by a dataset this token may not see, a private or draft dataset "
         "of another organization, which keeps the name, or a deleted one; choose another "
         "[publish] name_prefix in site.toml, or ask the portal's administrators who holds "
         "the name");
    return false;
  }
  if (!shown && !shown.error.not_found()) {
    fail("package_show " + package.name, shown.error);
    return false;
  }
  const json wanted = dataset_dict(package, schema_);
  if (!shown) {
    json body = wanted;
    body["resources"] = package.resources;
    const auto created = client_.write("package_create", body);
    if (!created) {
      fail("package_create " + package.name, created.error);
      return false;
    }
    ++counts_.created;
    log_ << redact_("hyoka publish: created " + package.name + " (" +
                    plural(package.resources.size(), "resource") + ")")
         << '\n';
    return true;
  }

  const json& existing = *shown.result;
  const std::string owner = text_of(existing, "owner_org");
  const std::string owner_name = text_of(existing.value("organization", json::object()), "name");
  if (owner != organization_id_ && owner != organization && owner_name != organization) {
    fail(package.name + " already exists on the portal in another organization (" +
         printable(owner_name.empty() ? owner : owner_name) +
         "); hyoka does not move datasets between organizations");
    return false;
  }
  if (text_of(existing, "state") == "deleted") {
    fail(package.name + " is deleted on the portal; restore or purge it there first");
    return false;
  }

  std::vector<std::string> changes;
  const json patch = package_patch_body(wanted, existing);
  if (!patch.is_null()) {
    const auto patched = client_.write("package_patch", patch);
    if (!patched) {
      fail("package_patch " + package.name, patched.error);
      return false;
    }
    std::string fields;
    for (const auto& [key, value] : patch.items()) {
      if (key != "id") fields += (fields.empty() ? "" : ", ") + key;
    }
    changes.push_back("package_patch: " + fields);
  }
  if (!sync_resources(package, existing, changes)) return false;

  if (changes.empty()) {
    ++counts_.unchanged;
    log_ << redact_("hyoka publish: " + package.name + " is up to date") << '\n';
  } else {
    ++counts_.updated;
    std::string what;
    for (const auto& change : changes) what += (what.empty() ? "" : "; ") + change;
    log_ << redact_("hyoka publish: updated " + package.name + " (" + what + ")") << '\n';
  }
  return true;
}

bool CkanPublisher::sync_resources(const CkanPackage& package, const json& existing,
                                   std::vector<std::string>& changes) {
  std::size_t patched = 0, created = 0;
  for (const auto& wanted : package.resources) {
    const auto& have = list_of(existing, "resources");
    const auto match = std::find_if(have.begin(), have.end(), [&](const json& r) {
      return text_of(r, "url") == wanted["url"].get<std::string>();
    });
    if (match == have.end()) {
      json body = wanted;
      body["package_id"] = text_of(existing, "id");
      const auto reply = client_.write("resource_create", body);
      if (!reply) {
        fail("resource_create " + package.name, reply.error);
        return false;
      }
      ++created;
      continue;
    }
    json body = resource_changes(wanted, *match);
    if (body.empty()) continue;
    body["id"] = text_of(*match, "id");
    const auto reply = client_.write("resource_patch", body);
    if (!reply) {
      fail("resource_patch " + package.name, reply.error);
      return false;
    }
    ++patched;
  }
  if (patched) changes.push_back("resource_patch: " + plural(patched, "resource"));
  if (created) changes.push_back("resource_create: " + plural(created, "resource"));
  return true;
}

}  // namespace hyoka
