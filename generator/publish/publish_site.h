// `hyoka publish`: checks the site exactly as `hyoka check` does, then pushes one CKAN dataset
// per hyoka dataset (publisher.h), or prints the requests with --dry-run (dry_run.h).
// Exit codes: 0 published, 1 a problem with the site or the portal, 2 a wrong command line or
// environment.
#pragma once

#include <ostream>
#include <string>

#include "base/file_system.h"
#include "pipeline/build.h"
#include "publish/http_transport.h"

namespace hyoka {

struct PublishOptions {
  BuildOptions build;  // --source and --base-url; write is always false
  std::string ckan_url;
  std::string organization;
  std::string token;  // CKAN_API_TOKEN; only ever sent in the token header
  bool dry_run = false;
};

// Progress goes to `out`, problems to `err`; neither ever holds the token.
int publish_site(const PublishOptions& options, const FileSystem& fs, HttpTransport& transport,
                 std::ostream& out, std::ostream& err);

}  // namespace hyoka
