// hyoka publish --dry-run without a token: every request hyoka would send, printed and not
// sent. Without the portal's answers it cannot know whether a dataset exists, so it prints
// package_show and both ways on: package_create, or package_patch with the resources matched
// by URL. (With a token, --dry-run reads the portal and prints the writes it would make:
// publisher.h.)
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "publish/ckan_client.h"
#include "publish/dataset_plan.h"
#include "publish/package_builder.h"
#include "publish/redact.h"

namespace hyoka {

void print_dry_run(const CkanClient& client, const std::vector<CkanPackage>& packages,
                   const std::string& organization, const Redactor& redact, std::ostream& out);

// --dry-run with a token: what hyoka would do with one planned dataset, and the writes it would
// send. The portal's values are shown through utf8::printable().
void print_plan(const DatasetPlan& plan, const CkanClient& client, const Redactor& redact,
                std::ostream& out);

// A request as text: method and URL, headers (the token header's value as ***), JSON body.
std::string describe(const HttpRequest& request, const std::string& token_header);

}  // namespace hyoka
