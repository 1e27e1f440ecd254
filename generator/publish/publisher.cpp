#include "publish/publisher.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/spellcheck.h"
#include "base/utf8.h"
#include "publish/dry_run.h"
#include "publish/json_fields.h"
#include "publish/leftover_datasets.h"
#include "publish/words.h"

namespace hyoka {

using nlohmann::json;

CkanPublisher::CkanPublisher(CkanClient& client, const Redactor& redact, std::ostream& log,
                             std::ostream& err)
    : client_(client), redact_(redact), log_(log), err_(err) {}

void CkanPublisher::say(const std::string& line) {
  log_ << redact_("hyoka publish: " + line) << '\n';
}

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

bool CkanPublisher::publish(const std::vector<CkanPackage>& packages, const PublishTarget& target,
                            bool dry_run) {
  // The token first: reads work anonymously, so a wrong token would otherwise go unnoticed
  // whenever nothing needs writing.
  if (!check_organization(target.organization) ||
      !check_license(target.license_id, target.usual_license_id) || !read_schema()) {
    return false;
  }
  std::vector<DatasetPlan> plans;
  bool ok = true;
  for (const auto& package : packages) {
    plans.push_back(
        plan_dataset(package, client_.read("package_show", {{"id", package.name}}), target_));
    if (plans.back().kind == DatasetPlan::Kind::blocked) {
      fail(plans.back().problem);
      ok = false;
    }
  }
  if (!ok) {
    fail("nothing was written: the problems above stand in the way");
    return false;
  }
  list_leftovers(packages, target.name_prefix);
  for (const auto& plan : plans) {
    if (dry_run) {
      count(plan);
      print_plan(plan, client_, redact_, log_);
    } else if (!write(plan)) {
      return false;
    }
  }
  return true;
}

void CkanPublisher::count(const DatasetPlan& plan) {
  if (plan.kind == DatasetPlan::Kind::create) ++counts_.created;
  if (plan.kind == DatasetPlan::Kind::update) ++counts_.updated;
  if (plan.kind == DatasetPlan::Kind::up_to_date) ++counts_.unchanged;
}

void CkanPublisher::list_leftovers(const std::vector<CkanPackage>& packages,
                                   const std::string& name_prefix) {
  if (name_prefix.empty()) return;
  std::set<std::string> site;
  for (const auto& package : packages) site.insert(package.name);
  const auto found = find_leftover_datasets(client_, target_.organization_id, name_prefix, site);
  if (found.error) {
    fail(
        "warning: package_search, to list the organization's datasets that the site no "
        "longer has",
        *found.error);
  }
  const auto n = found.datasets.size();
  if (n == 0) return;
  say("the portal has " + plural(n, "dataset") + " under name_prefix \"" + name_prefix +
      "\" that the site no longer has; hyoka deletes nothing, so delete " +
      (n == 1 ? "it" : "them") + " on the portal if " + (n == 1 ? "it is" : "they are") +
      " no longer wanted: " + joined(found.datasets, ", "));
}

bool CkanPublisher::check_organization(const std::string& organization) {
  // organization_list_for_user (logic/action/get.py): the organizations where the token's
  // user has the permission, with their capacity; [] for an anonymous caller, which is what a
  // wrong or expired token makes of it.
  const auto reply = client_.read("organization_list_for_user", {{"permission", "create_dataset"}});
  if (!reply) {
    fail("organization_list_for_user", reply.error);
    return false;
  }
  std::vector<std::string> names;
  for (const auto& org : reply.result->is_array() ? *reply.result : json::array()) {
    if (text_of(org, "name") == organization || text_of(org, "id") == organization) {
      target_.organization = organization;
      target_.organization_id = text_of(org, "id");
      return true;
    }
    names.push_back(text_of(org, "name"));
  }
  if (names.empty()) {
    fail(
        "CKAN_API_TOKEN may create datasets in no organization of the portal: the token is "
        "wrong or expired (the portal then treats hyoka as anonymous), or its user is not an "
        "editor or admin of any organization; check it, and the header the portal reads it "
        "from (" +
        client_.token_header() + ", [publish] token_header in site.toml)");
    return false;
  }
  std::vector<std::string> shown;
  for (const auto& name : names) shown.push_back("\"" + utf8::printable(name) + "\"");
  fail("CKAN_API_TOKEN may not create datasets in \"" + organization +
       "\" (--organization), only in " + joined(shown, ", ") +
       utf8::printable(did_you_mean(organization, names)));
  return false;
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
                                       : utf8::printable(did_you_mean(license_id, ids));
  fail("the portal's license_list has no licence \"" + license_id + "\"" + suggestion +
       " (set [publish] license_id in site.toml to the portal's id for the site's licence)");
  return false;
}

bool CkanPublisher::read_schema() {
  const auto reply = client_.read("scheming_dataset_schema_show", {{"type", "dataset"}});
  if (reply) {
    target_.schema = read_dataset_schema(*reply.result);
    std::vector<std::string> fields;
    for (const auto* key :
         {"issued", "modified", "publisher_name", "temporal_start", "temporal_end"}) {
      if (target_.schema.has_field(key)) fields.push_back(key);
    }
    if (!fields.empty()) {
      say("the portal's dataset schema (ckanext-scheming) has " + joined(fields, ", ") +
          " as dataset fields: hyoka sends them there, not as extras");
    }
    return true;
  }
  // A stock portal does not know the action (views/api.py: "Action name not known"); a
  // ckanext-scheming without a "dataset" type answers Not Found. Neither has such fields.
  if (reply.error.kind == CkanError::Kind::unknown_action || reply.error.not_found()) return true;
  fail("scheming_dataset_schema_show", reply.error);
  return false;
}

bool CkanPublisher::write(const DatasetPlan& plan) {
  const std::string notes = describe_notes(plan);
  if (plan.kind == DatasetPlan::Kind::up_to_date) {
    ++counts_.unchanged;
    say(plan.name + " is up to date" + notes);
    return true;
  }
  if (plan.kind == DatasetPlan::Kind::create) {
    const auto created = client_.write("package_create", plan.create);
    if (!created) {
      fail("package_create " + plan.name, created.error);
      return false;
    }
    ++counts_.created;
    say("created " + plan.name + " (" + plural(plan.create["resources"].size(), "resource") + ")" +
        notes);
    return true;
  }
  if (plan.patch.is_object()) {
    const auto patched = client_.write("package_patch", plan.patch);
    if (!patched) {
      fail("package_patch " + plan.name, patched.error);
      return false;
    }
  }
  for (const auto& resource : plan.resources) {
    const auto written = client_.write(resource.action, resource.body);
    if (!written) {
      fail(resource.action + " " + plan.name, written.error);
      return false;
    }
  }
  ++counts_.updated;
  say("updated " + plan.name + " (" + describe_changes(plan) + ")" + notes);
  return true;
}

}  // namespace hyoka
