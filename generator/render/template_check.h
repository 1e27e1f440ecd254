// The mustache engine renders a missing partial and an unclosed section as nothing, so every
// template is checked before rendering: unknown partials, unbalanced sections, broken tags.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

struct PartialUse {
  std::string name;
  Position position;
};

// Returns the partials the template uses, for the cycle check below. With `variables`, a
// variable or section name that no page context provides is a warning ("did you mean"):
// it would render as nothing.
std::vector<PartialUse> check_template(const SourceText& source,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables = {});

// A partial that includes itself, directly or through others, would render forever.
void check_partial_cycles(const std::map<std::string, SourceText>& partials,
                          const std::map<std::string, std::vector<PartialUse>>& uses,
                          Diagnostics& diags);

}  // namespace hyoka
