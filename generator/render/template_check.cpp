#include "render/template_check.h"

#include <algorithm>
#include <functional>
#include <set>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

// Deeper nesting than any theme needs.
constexpr std::size_t kMaxSectionDepth = 100;

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

struct OpenSection {
  std::string name;
  std::size_t offset;
};

}  // namespace

std::vector<PartialUse> check_template(const SourceText& source,
                                       const std::vector<std::string>& partials, Diagnostics& diags,
                                       const std::vector<std::string>& variables) {
  std::vector<PartialUse> uses;
  const auto at = [&](std::size_t offset) { return source.position_at(offset); };
  const auto check_name = [&](const std::string& name, std::size_t offset) {
    if (variables.empty() || name == ".") return;
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
  const std::string& text = source.text();
  std::vector<OpenSection> sections;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    const std::size_t tag_start = pos;
    const bool triple = text.compare(pos, 3, "{{{") == 0;
    const std::size_t body_start = pos + (triple ? 3 : 2);
    const std::string closing = triple ? "}}}" : "}}";
    const std::size_t end = text.find(closing, body_start);
    if (end == std::string::npos) {
      diags.error(source, at(tag_start), "this tag is never closed with " + closing);
      return uses;
    }
    const std::string body = text.substr(body_start, end - body_start);
    pos = end + closing.size();
    if (triple) {
      check_name(trim(body), tag_start);
      continue;
    }
    const char kind = body.empty() ? '\0' : body[0];
    const bool sigil = kind && std::string("#^/>!&=").find(kind) != std::string::npos;
    const std::string name =
        trim(sigil ? std::string_view(body).substr(1) : std::string_view(body));
    switch (kind) {
      case '!':
        break;
      case '=':
        // One syntax is enough for themes (mstch, the engine hyoka used first, mis-read some
        // delimiters, and themes were never written with others).
        diags.error(source, at(tag_start),
                    "changing the tag delimiters is not supported; write tags as {{name}}");
        return uses;
      case '#':
      case '^':
        check_name(name, tag_start);
        sections.push_back({name, tag_start});
        if (sections.size() > kMaxSectionDepth) {
          diags.error(source, at(tag_start), "sections are nested more than 100 deep");
          return uses;
        }
        break;
      case '/':
        if (sections.empty()) {
          diags.error(source, at(tag_start),
                      "{{/" + name + "}} closes a section that was never opened");
        } else if (sections.back().name != name) {
          const auto opened = at(sections.back().offset);
          diags.error(source, at(tag_start),
                      "{{/" + name + "}} closes {{#" + sections.back().name +
                          "}}, opened at line " + std::to_string(opened.line) +
                          "; close that first with {{/" + sections.back().name + "}}");
          sections.pop_back();
        } else {
          sections.pop_back();
        }
        break;
      case '>':
        if (std::find(partials.begin(), partials.end(), name) == partials.end()) {
          diags.error(source, at(tag_start),
                      "unknown partial \"" + name + "\": no templates/partials/" + name +
                          ".mustache" + did_you_mean(name, partials));
        } else {
          uses.push_back({name, at(tag_start)});
        }
        break;
      case '&':
        check_name(name, tag_start);
        break;
      default:
        if (name.empty()) {
          diags.error(source, at(tag_start), "empty tag");
        } else {
          check_name(name, tag_start);
        }
        break;
    }
  }
  for (const auto& section : sections) {
    diags.error(source, at(section.offset),
                "section {{#" + section.name + "}} is never closed: add {{/" + section.name + "}}");
  }
  return uses;
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

}  // namespace hyoka
