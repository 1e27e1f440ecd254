#include "render/template_check.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/spellcheck.h"
#include "data/ratio.h"

namespace hyoka {

std::vector<PartialUse> check_template(const SourceText& source, const mustache::Compiled& compiled,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables,
                                       const std::function<Position(std::size_t)>& at_offset,
                                       const LayoutNames& layout) {
  std::vector<PartialUse> uses;
  const auto at = [&](std::size_t offset) {
    return at_offset ? at_offset(offset) : source.position_at(offset);
  };
  for (const auto& problem : compiled.problems)
    diags.error(source, at(problem.offset), problem.message);
  const auto check_name = [&](const std::string& name, std::size_t offset) {
    if (variables.empty() || name == "." || name.empty()) return;
    std::size_t start = 0;
    while (start <= name.size()) {
      const auto dot = std::min(name.find('.', start), name.size());
      const auto part = name.substr(start, dot - start);
      if (std::find(variables.begin(), variables.end(), part) == variables.end()) {
        diags.warning(source, at(offset),
                      "unknown variable \"" + part + "\": no page provides it" +
                          did_you_mean(part, variables));
        return;
      }
      start = dot + 1;
    }
  };
  // Outside every section a name is looked up in the page's own context and nowhere else, so
  // a layout's name there must be one its page provides: checked against the names of every
  // page, `{{#datasets}}` passed on a page whose `datasets` is always empty, and rendered
  // nothing. Inside a section the name may be the section's item's, which is checked above.
  const auto check_top_name = [&](const std::string& name, std::size_t offset) {
    if (name == "." || name.empty()) return;
    const auto first = name.substr(0, name.find('.'));
    const auto& names = *layout.provided;
    if (std::find(names.begin(), names.end(), first) != names.end()) return;
    diags.error(source, at(offset),
                "unknown variable \"" + first + "\": no page of the \"" + layout.name +
                    "\" layout provides it, so this renders nothing" + did_you_mean(first, names));
  };
  using Kind = mustache::Tag::Kind;
  std::size_t depth = 0;  // sections open around the tag
  for (const auto& tag : compiled.tags) {
    switch (tag.kind) {
      case Kind::variable:
      case Kind::raw:
      case Kind::section:
      case Kind::inverted:
        if (layout.provided && depth == 0) {
          check_top_name(tag.name, tag.offset);
        } else {
          check_name(tag.name, tag.offset);
        }
        if (tag.kind == Kind::section || tag.kind == Kind::inverted) ++depth;
        break;
      case Kind::partial:
        if (tag.name.empty() || tag.name.starts_with(kWordPrefix)) break;
        if (std::find(partials.begin(), partials.end(), tag.name) == partials.end()) {
          diags.error(source, at(tag.offset),
                      "unknown partial \"" + tag.name + "\": no templates/partials/" + tag.name +
                          ".mustache" + did_you_mean(tag.name, partials));
        } else {
          uses.push_back({tag.name, at(tag.offset)});
        }
        break;
      case Kind::close:
        if (depth > 0) --depth;
        break;
      case Kind::comment:
        break;
    }
  }
  return uses;
}

std::vector<PartialUse> check_template(const SourceText& source,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables) {
  return check_template(source, mustache::compile(source.text()), partials, diags, variables);
}

void check_partial_cycles(const std::map<std::string, SourceText>& partials,
                          const std::map<std::string, std::vector<PartialUse>>& uses,
                          Diagnostics& diags) {
  std::set<std::string> done;
  std::vector<std::string> path;
  const std::function<void(const std::string&)> visit = [&](const std::string& name) {
    if (done.count(name)) return;
    path.push_back(name);
    const auto found = uses.find(name);
    if (found != uses.end()) {
      for (const auto& use : found->second) {
        const auto cycle_start = std::find(path.begin(), path.end(), use.name);
        if (cycle_start != path.end()) {
          std::string chain;
          for (auto it = cycle_start; it != path.end(); ++it) chain += *it + " → ";
          diags.error(partials.at(name), use.position,
                      "partials include each other in a circle: " + chain + use.name);
          continue;
        }
        visit(use.name);
      }
    }
    path.pop_back();
    done.insert(name);
  };
  for (const auto& [name, source] : partials) visit(name);
}

namespace {

// How many partials each partial expands to, at most kMaxPartialExpansions + 1 (more is "too
// many", and no sum may wrap); a partial met again while it is counted (a cycle) counts 0.
class ExpansionCount {
 public:
  explicit ExpansionCount(const std::map<std::string, std::vector<PartialUse>>& uses)
      : uses_(uses) {}

  std::size_t of(const std::string& partial) {
    if (const auto it = counts_.find(partial); it != counts_.end()) return it->second;
    counts_[partial] = 0;
    const auto found = uses_.find(partial);
    const auto count = found == uses_.end() ? 0 : of_uses(found->second);
    counts_[partial] = count;
    return count;
  }

  std::size_t of_uses(const std::vector<PartialUse>& uses) {
    std::size_t total = 0;
    for (const auto& use : uses) total = std::min(total + 1 + of(use.name), kTooMany);
    return total;
  }

  static constexpr std::size_t kTooMany = kMaxPartialExpansions + 1;

 private:
  const std::map<std::string, std::vector<PartialUse>>& uses_;
  std::map<std::string, std::size_t> counts_;
};

}  // namespace

void check_partial_expansions(const std::map<std::string, SourceText>& layouts,
                              const std::map<std::string, std::vector<PartialUse>>& layout_uses,
                              const std::map<std::string, SourceText>& partials,
                              const std::map<std::string, std::vector<PartialUse>>& partial_uses,
                              Diagnostics& diags) {
  ExpansionCount count(partial_uses);
  const auto uses_of = [&](const std::string& partial) -> const std::vector<PartialUse>& {
    static const std::vector<PartialUse> none;
    const auto it = partial_uses.find(partial);
    return it == partial_uses.end() ? none : it->second;
  };
  // The include that expands most (the first of equals).
  const auto heaviest = [&](const std::vector<PartialUse>& uses) {
    const PartialUse* best = nullptr;
    for (const auto& use : uses) {
      if (!best || count.of(use.name) > count.of(best->name)) best = &use;
    }
    return best;
  };
  const auto check = [&](const std::string& name, const SourceText& source,
                         const std::vector<PartialUse>& uses, const std::string& kind) {
    if (count.of_uses(uses) <= kMaxPartialExpansions) return;
    for (const auto& use : uses) {
      if (count.of(use.name) > kMaxPartialExpansions) return;  // reported there
    }
    const auto* first = heaviest(uses);
    std::string chain = name;
    std::set<std::string> seen = {name};
    for (const auto* use = first; use && seen.insert(use->name).second;
         use = heaviest(uses_of(use->name))) {
      chain += " → " + use->name;
    }
    diags.error(source, first->position,
                "the " + kind + " \"" + name + "\" expands to more than " +
                    format_count(kMaxPartialExpansions) +
                    " partials, counting the includes of every include (" + chain +
                    "); each use renders them all");
  };
  for (const auto& [name, source] : layouts) {
    if (const auto it = layout_uses.find(name); it != layout_uses.end()) {
      check(name, source, it->second, "template");
    }
  }
  for (const auto& [name, source] : partials) check(name, source, uses_of(name), "partial");
}

}  // namespace hyoka
