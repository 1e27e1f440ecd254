#include "publish/dry_run.h"

#include "base/utf8.h"

namespace hyoka {

using nlohmann::json;

std::string describe(const HttpRequest& request, const std::string& token_header) {
  std::string text = request.method + " " + request.url + "\n";
  for (const auto& [name, value] : request.headers) {
    text += name + ": " + (name == token_header ? "***" : value) + "\n";
  }
  if (!request.body.empty()) text += "\n" + json::parse(request.body).dump(2) + "\n";
  return text;
}

void print_dry_run(const CkanClient& client, const std::vector<CkanPackage>& packages,
                   const std::string& organization, const Redactor& redact, std::ostream& out) {
  const auto print = [&](const HttpRequest& request) {
    out << redact(describe(request, client.token_header())) << '\n';
  };
  out << "# hyoka publish --dry-run without CKAN_API_TOKEN: nothing is sent, not even a read "
         "(with the token, --dry-run reads the portal and says what would change). The "
         "requests hyoka would send:\n\n";
  out << "# the organizations the token may create datasets in (\"" << organization
      << "\" must be one), the portal's licences, its dataset schema (ckanext-scheming)\n";
  print(client.read_request("organization_list_for_user", {{"permission", "create_dataset"}}));
  print(client.read_request("license_list", {}));
  print(client.read_request("scheming_dataset_schema_show", {{"type", "dataset"}}));
  for (const auto& package : packages) {
    out << "# " << package.name << "\n";
    print(client.read_request("package_show", {{"id", package.name}}));

    out << "# if package_show answers \"Not Found\" (issued and modified go as fields, not "
           "extras, to a portal whose dataset schema has them):\n";
    const json dict = dataset_dict(package, {});
    json create = dict;
    create["resources"] = package.resources;
    print(client.write_request("package_create", create));

    out << "# if it exists: package_patch with the fields that differ (tags and extras merged "
           "with the portal's), sent only when one does\n";
    json patch = {{"id", "<the existing dataset's id>"}};
    for (const auto& [key, value] : dict.items()) {
      if (key != "name" && key != "owner_org") patch[key] = value;
    }
    print(client.write_request("package_patch", patch));
    out << "# then, for each resource: resource_patch {\"id\": <the id of the existing "
           "resource with this url>, <the fields that differ>} when one has this url (or, when "
           "the site moved, the same path under its earlier address and the same format), "
           "else:\n";
    for (const auto& resource : package.resources) {
      json body = resource;
      body["package_id"] = "<the existing dataset's id>";
      print(client.write_request("resource_create", body));
    }
  }
}

void print_plan(const DatasetPlan& plan, const CkanClient& client, const Redactor& redact,
                std::ostream& out) {
  const auto line = [&](const std::string& text) { out << redact(text) << '\n'; };
  const auto request = [&](const std::string& action, const json& body) {
    line(describe(client.write_request(action, body), client.token_header()));
  };
  const std::string notes = describe_notes(plan);
  switch (plan.kind) {
    case DatasetPlan::Kind::up_to_date:
      line("# " + plan.name + ": up to date, nothing to send" + notes + "\n");
      return;
    case DatasetPlan::Kind::create:
      line("# " + plan.name + ": not on the portal" + notes + "; would send:");
      request("package_create", plan.create);
      return;
    case DatasetPlan::Kind::update:
      line("# " + plan.name + ": on the portal, would change (" + describe_changes(plan) + ")" +
           notes + ":");
      for (const auto& [key, was] : plan.before.items()) {
        if (key == "tags" || key == "extras") continue;  // merged, shown whole below
        line("#   " + key + ": " + utf8::printable(was.dump()) + " → " +
             utf8::printable(plan.patch[key].dump()));
      }
      line("# would send:");
      if (plan.patch.is_object()) request("package_patch", plan.patch);
      for (const auto& resource : plan.resources) request(resource.action, resource.body);
      return;
    case DatasetPlan::Kind::blocked:
      return;
  }
}

}  // namespace hyoka
