// The theme's checks, on what the mustache compiler read (mustache::compile): its problems
// (broken tags, unbalanced sections) as errors, unknown partials, partials that include each
// other in a circle or multiply, and names no page provides. mstch would render a missing
// partial as nothing; hyoka refuses the theme before any page renders.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "render/mustache.h"

namespace hyoka {

// The prefix that makes a partial tag a word of the theme's language file: {{> t.page.home}}.
inline constexpr std::string_view kWordPrefix = "t.";

struct PartialUse {
  std::string name;
  Position position;
};

// A layout's name and what its pages provide at the top of their context
// (render/page_context.h).
struct LayoutNames {
  std::string name;
  const std::vector<std::string>* provided = nullptr;  // null: not checked
};

// Reports the compiled text's problems at their positions in `source`; returns the known
// partials the template uses, for the checks below. With `variables`, a variable or section
// name that no page context provides is a warning ("did you mean"): it would render as nothing.
// `at` turns an offset in the compiled text into a position in `source` (a word's text lies
// inside its language file); by default the text is the whole of `source`. A partial tag that
// names a word ({{> t.key}}) is left to check_word_uses (render/language.h). With `layout`, a
// name outside every section that the layout's page does not provide is an error.
std::vector<PartialUse> check_template(const SourceText& source, const mustache::Compiled& compiled,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables = {},
                                       const std::function<Position(std::size_t)>& at = {},
                                       const LayoutNames& layout = {});
// The same, compiling the source's text first.
std::vector<PartialUse> check_template(const SourceText& source,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables = {});

// A partial that includes itself, directly or through others, would render forever.
void check_partial_cycles(const std::map<std::string, SourceText>& partials,
                          const std::map<std::string, std::vector<PartialUse>>& uses,
                          Diagnostics& diags);

// Partials that include the next one more than once multiply: ten that each include the next
// twice render 1,024 copies of the last for one use of the first, forty a million million.
// One template may expand at most this many partials, counting every include of an include.
constexpr std::size_t kMaxPartialExpansions = 10'000;

// Reports each template (layouts, then partials) that expands more than
// kMaxPartialExpansions partials although none of the partials it includes does, at its
// include that expands most, with the chain of partials that does it. Cycles are left to
// check_partial_cycles.
void check_partial_expansions(const std::map<std::string, SourceText>& layouts,
                              const std::map<std::string, std::vector<PartialUse>>& layout_uses,
                              const std::map<std::string, SourceText>& partials,
                              const std::map<std::string, std::vector<PartialUse>>& partial_uses,
                              Diagnostics& diags);

}  // namespace hyoka
