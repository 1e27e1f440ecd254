// Checks in the prose of pages: an era year written beside a Western year in brackets, as in
// 「令和３（２０２２）年度」, must name the same year (令和3 is 2021); and no `# heading`,
// since the page's title is its one <h1>. Code is not prose and is skipped.
#pragma once

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

void check_prose(const SourceText& source, int first_line, Diagnostics& diags);

}  // namespace hyoka
