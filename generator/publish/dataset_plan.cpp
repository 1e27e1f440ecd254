#include "publish/dataset_plan.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "publish/json_fields.h"
#include "publish/resource_plan.h"
#include "publish/words.h"

namespace hyoka {

using nlohmann::json;

namespace {

// The dataset as it will be once `plan`'s writes are done, for the required-field check.
json after_writes(const json& existing, const DatasetPlan& plan) {
  json after = existing;
  if (plan.patch.is_object()) {
    for (const auto& [key, value] : plan.patch.items()) after[key] = value;
  }
  json& resources = after["resources"];
  if (!resources.is_array()) resources = json::array();
  for (const auto& write : plan.resources) {
    if (write.action == "resource_create") {
      resources.push_back(write.body);
      continue;
    }
    for (auto& resource : resources) {
      if (text_of(resource, "id") == text_of(write.body, "id")) {
        for (const auto& [key, value] : write.body.items()) resource[key] = value;
      }
    }
  }
  return after;
}

bool filled(const json& object, const std::string& key) {
  if (!object.is_object() || !object.contains(key)) return false;
  const json& value = object[key];
  return !(value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
           (value.is_array() && value.empty()) || (value.is_object() && value.empty()));
}

DatasetPlan blocked(DatasetPlan plan, std::string problem) {
  plan.kind = DatasetPlan::Kind::blocked;
  plan.problem = std::move(problem);
  return plan;
}

// Blocks `plan` when the dataset would still lack a field the portal requires.
void check_required_fields(DatasetPlan& plan, const DatasetSchema& schema, const json& after) {
  auto unfilled = unfilled_required_fields(schema, after);
  if (unfilled.empty()) return;
  for (auto& name : unfilled) name = utf8::printable(name);
  plan.kind = DatasetPlan::Kind::blocked;
  plan.problem = plan.name + ": the portal's dataset schema (ckanext-scheming) requires " +
                 joined(unfilled, ", ") +
                 ", which hyoka cannot fill, so the portal would refuse the dataset; fill them "
                 "on the portal first, or ask its administrators which schema fits";
}

}  // namespace

std::string describe_changes(const DatasetPlan& plan) {
  std::vector<std::string> changes;
  if (plan.patch.is_object()) {
    std::vector<std::string> fields;
    for (const auto& [key, value] : plan.patch.items()) {
      if (key != "id") fields.push_back(key);
    }
    changes.push_back("package_patch: " + joined(fields, ", "));
  }
  std::size_t patched = 0, created = 0;
  std::vector<std::string> moved;
  for (const auto& write : plan.resources) {
    (write.action == "resource_patch" ? patched : created) += 1;
    if (!write.moved_from.empty()) {
      moved.push_back(utf8::printable(write.moved_from) + " → " +
                      write.body["url"].get<std::string>());
    }
  }
  if (patched) changes.push_back("resource_patch: " + plural(patched, "resource"));
  if (created) changes.push_back("resource_create: " + plural(created, "resource"));
  if (!moved.empty()) changes.push_back("moved with the site: " + joined(moved, ", "));
  return joined(changes, "; ");
}

std::string describe_notes(const DatasetPlan& plan) {
  return plan.notes.empty() ? "" : "; " + joined(plan.notes, "; ");
}

std::vector<std::string> unfilled_required_fields(const DatasetSchema& schema,
                                                  const json& dataset) {
  std::vector<std::string> unfilled;
  for (const auto& field : schema.required_dataset_fields) {
    // tag_string_convert (logic/validators.py) makes tags of a tag_string.
    if (filled(dataset, field) || (field == "tag_string" && filled(dataset, "tags"))) continue;
    unfilled.push_back(field);
  }
  const json& resources = list_of(dataset, "resources");
  for (std::size_t i = 0; i < resources.size(); ++i) {
    for (const auto& field : schema.required_resource_fields) {
      if (!filled(resources[i], field)) {
        unfilled.push_back("resources[" + std::to_string(i) + "]." + field);
      }
    }
  }
  return unfilled;
}

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

  // package_extras_save replaces the extras with the list sent: the portal's go back as they
  // are, hyoka's values set by key.
  json extras = list_of(existing, "extras");
  bool extras_changed = false;
  for (const auto& extra : list_of(wanted, "extras")) {
    const auto same_key = std::find_if(extras.begin(), extras.end(), [&](const json& e) {
      return e.is_object() && e.contains("key") && e["key"] == extra["key"];
    });
    if (same_key == extras.end()) {
      extras.push_back(extra);
      extras_changed = true;
    } else if (!same_key->contains("value") || (*same_key)["value"] != extra["value"]) {
      (*same_key)["value"] = extra["value"];
      extras_changed = true;
    }
  }
  if (extras_changed) patch["extras"] = std::move(extras);
  return patch.size() == 1 ? json() : patch;
}

DatasetPlan plan_dataset(const CkanPackage& wanted, const CkanReply& shown,
                         const PlanTarget& target) {
  DatasetPlan plan;
  plan.name = wanted.name;
  json dict = dataset_dict(wanted, target.schema);

  const auto create = [&] {
    plan.kind = DatasetPlan::Kind::create;
    plan.create = std::move(dict);
    plan.create["resources"] = wanted.resources;
    check_required_fields(plan, target.schema, plan.create);
    return plan;
  };

  if (!shown) {
    if (shown.error.not_found()) return create();
    if (shown.error.kind == CkanError::Kind::not_authorized) {
      // auth/get.py package_show: only members of its organization may see a private, draft
      // or deleted dataset; the token's organizations were checked before, so a 403 here says
      // who holds the name, not that the token is wrong.
      return blocked(std::move(plan),
                     "package_show " + wanted.name + ": the portal will not show it (" +
                         (shown.error.reason.empty() ? "HTTP 403" : shown.error.reason) +
                         "): the name is held by a dataset this token may not see, a private or "
                         "draft dataset of another organization, which keeps the name, or a "
                         "deleted one; choose another [publish] name_prefix in site.toml, or ask "
                         "the portal's administrators who holds the name");
    }
    return blocked(std::move(plan), "package_show " + wanted.name + ": " + shown.error.message);
  }

  const json& existing = *shown.result;
  if (!existing.is_object()) {
    return blocked(std::move(plan), "package_show " + wanted.name + " answered no dataset");
  }
  const std::string state = text_of(existing, "state");
  if (state == "deleted") {
    // package_name_validator (logic/validators.py) lets a new dataset take a deleted one's
    // name, and table_dict_save renames the deleted one to its id.
    plan.notes.push_back(
        "it was deleted on the portal: CKAN gives its name to the new dataset and renames the "
        "deleted one to its id");
    return create();
  }
  const std::string owner = text_of(existing, "owner_org");
  const std::string owner_name = text_of(existing.value("organization", json::object()), "name");
  if (owner != target.organization_id && owner != target.organization &&
      owner_name != target.organization) {
    return blocked(std::move(plan), wanted.name +
                                        " already exists on the portal in another organization (" +
                                        utf8::printable(owner_name.empty() ? owner : owner_name) +
                                        "); hyoka does not move datasets between organizations");
  }
  if (state == "draft") {
    plan.notes.push_back("a draft on the portal: its state is left to the portal's staff");
  }

  plan.patch = package_patch_body(dict, existing);
  plan.before = json::object();
  if (plan.patch.is_object()) {
    for (const auto& [key, value] : plan.patch.items()) {
      if (key != "id") plan.before[key] = existing.contains(key) ? existing[key] : json();
    }
  }
  plan.resources = plan_resources(wanted, existing);
  plan.kind = plan.patch.is_null() && plan.resources.empty() ? DatasetPlan::Kind::up_to_date
                                                             : DatasetPlan::Kind::update;
  if (plan.kind == DatasetPlan::Kind::update) {
    check_required_fields(plan, target.schema, after_writes(existing, plan));
  }
  return plan;
}

}  // namespace hyoka
