#include "publish/dry_run.h"

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
  out << "# hyoka publish --dry-run: nothing is sent. The requests hyoka would send:\n\n";
  out << "# the portal's licences and the organization\n";
  print(client.read_request("license_list", {}));
  print(client.read_request("organization_show", {{"id", organization}}));
  for (const auto& package : packages) {
    out << "# " << package.name << "\n";
    print(client.read_request("package_show", {{"id", package.name}}));

    out << "# if package_show answers \"Not Found\":\n";
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
           "resource with this url>, <the fields that differ>} when one has this url, else:\n";
    for (const auto& resource : package.resources) {
      json body = resource;
      body["package_id"] = "<the existing dataset's id>";
      print(client.write_request("resource_create", body));
    }
  }
}

}  // namespace hyoka
