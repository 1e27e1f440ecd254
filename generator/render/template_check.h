// mstch renders a missing partial as nothing and an unclosed section as text, so every
// template is checked before rendering: unknown partials, unbalanced sections, broken tags.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

// With `variables`, a variable or section name that no page context provides is a warning
// ("did you mean"): mstch would render it as nothing.
void check_template(const SourceText& source, const std::vector<std::string>& partials,
                    Diagnostics& diags, const std::vector<std::string>& variables = {});

}  // namespace hyoka
