#include "publish/publish_site.h"

#include <sstream>

#include "config/ckan_tag.h"
#include "publish/ckan_client.h"
#include "publish/dry_run.h"
#include "publish/package_builder.h"
#include "publish/publisher.h"
#include "publish/redact.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

// A token that would break the header it is sent in, or nullopt when fine. The message never
// quotes the token.
std::optional<std::string> check_token(const std::string& token) {
  for (const unsigned char c : token) {
    if (c < 0x20 || c == 0x7f) {
      return "CKAN_API_TOKEN holds a line break or another control character";
    }
  }
  return std::nullopt;
}

// The site's files a resource links to but this build does not write: the portal's link
// would lead nowhere.
std::vector<std::string> missing_files(const std::vector<CkanPackage>& packages,
                                       const SiteFiles& files) {
  std::vector<std::string> missing;
  for (const auto& package : packages) {
    for (auto path : package.site_paths) {
      if (path.empty() || path.ends_with("/")) path += "index.html";
      if (!files.contains(path)) missing.push_back(path);
    }
  }
  return missing;
}

}  // namespace

int publish_site(const PublishOptions& options, const FileSystem& fs, HttpTransport& transport,
                 std::ostream& out, std::ostream& err) {
  const Redactor redact(options.token);
  const auto say = [&](std::ostream& stream, const std::string& line) {
    stream << redact("hyoka publish: " + line) << '\n';
  };

  const auto base = ckan_action_base(options.ckan_url);
  if (!base) {
    say(err, base.error);
    return 2;
  }
  if (options.token.empty() && !options.dry_run) {
    say(err,
        "set CKAN_API_TOKEN to the API token of a portal user who may edit the organization's "
        "datasets (the portal's user page → API Tokens), or use --dry-run");
    return 2;
  }
  if (const auto problem = check_token(options.token)) {
    say(err, *problem);
    return 2;
  }

  BuildOptions check = options.build;
  check.write = false;
  check.keep_files = true;
  const auto built = build_site(check, fs);
  std::ostringstream problems;
  print_diagnostics(built.diagnostics, problems);
  err << redact(problems.str());
  if (!built.ok) {
    say(err, "the site has errors; nothing was published");
    return 1;
  }

  const Site& site = *built.site;
  std::vector<std::string> name_problems;
  const auto packages = build_packages(site, options.organization, name_problems);
  for (const auto& problem : name_problems) say(err, problem);
  if (!name_problems.empty()) return 1;
  // `hyoka check` has warned at each keyword's line; a portal would refuse them all.
  std::size_t refused_tags = 0;
  for (const auto& keyword : site.config.open_data.keywords) {
    if (ckan_tag_problem(keyword)) ++refused_tags;
  }
  if (refused_tags > 0) {
    say(err, "[open_data] keywords in site.toml holds " + std::to_string(refused_tags) +
                 (refused_tags == 1 ? " keyword" : " keywords") +
                 " a CKAN portal refuses as tags (the warnings above say which and why); "
                 "nothing was sent");
    return 1;
  }
  for (const auto& path : missing_files(packages, built.files)) {
    say(err, "warning: the site does not build " + path +
                 "; the portal's link to it will lead nowhere until it does");
  }

  const std::string api = *base;
  const std::string portal = api.substr(0, api.size() - std::string("api/3/action/").size());
  CkanClient client(transport, api, site.config.publish.token_header, options.token);
  if (options.dry_run && options.token.empty()) {
    std::ostringstream requests;
    print_dry_run(client, packages, options.organization, redact, requests);
    out << redact(requests.str());
    return 0;
  }
  if (options.dry_run) {
    out << "# hyoka publish --dry-run: the portal is read, nothing is written. What hyoka would "
           "send:\n\n";
  }

  CkanPublisher publisher(client, redact, out, err);
  const PublishTarget target{options.organization, site.config.publish.license_id,
                             site.config.open_data.license.ckan_id,
                             site.config.publish.name_prefix};
  const bool ok = publisher.publish(packages, target, options.dry_run);
  const auto& n = publisher.counts();
  if (!ok) {
    if (n.created + n.updated > 0) {
      say(err, "stopped at the problem above, after " + std::to_string(n.created) +
                   " created and " + std::to_string(n.updated) + " updated");
    }
    return 1;
  }
  const std::string datasets =
      std::to_string(packages.size()) + (packages.size() == 1 ? " dataset" : " datasets");
  if (options.dry_run) {
    say(out, "nothing was written (--dry-run): of " + datasets + " on " + portal +
                 "dataset/ (organization " + options.organization + "), " +
                 std::to_string(n.created) + " would be created, " + std::to_string(n.updated) +
                 " updated, " + std::to_string(n.unchanged) + " are up to date");
    return 0;
  }
  say(out, datasets + " on " + portal + "dataset/ (organization " + options.organization +
               "): " + std::to_string(n.created) + " created, " + std::to_string(n.updated) +
               " updated, " + std::to_string(n.unchanged) + " up to date");
  return 0;
}

}  // namespace hyoka
