#include "render/template_check.h"

#include <algorithm>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

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

void check_template(const SourceText& source, const std::vector<std::string>& partials,
                    Diagnostics& diags, const std::vector<std::string>& variables) {
  const auto check_name = [&](const std::string& name, std::size_t offset) {
    if (variables.empty() || name == ".") return;
    std::size_t start = 0;
    while (start <= name.size()) {
      const auto dot = std::min(name.find('.', start), name.size());
      const auto part = name.substr(start, dot - start);
      if (std::find(variables.begin(), variables.end(), part) == variables.end()) {
        diags.warning(source, source.position_at(offset),
                      "unknown variable \"" + part + "\": no page provides it" +
                          did_you_mean(part, variables));
        return;
      }
      start = dot + 1;
    }
  };
  const std::string& text = source.text();
  std::string open = "{{", close = "}}";
  std::vector<OpenSection> sections;
  std::size_t pos = 0;
  while ((pos = text.find(open, pos)) != std::string::npos) {
    const std::size_t tag_start = pos;
    const auto at = [&](std::size_t offset) { return source.position_at(offset); };
    const bool triple = open == "{{" && text.compare(pos, 3, "{{{") == 0;
    const std::size_t body_start = pos + open.size() + (triple ? 1 : 0);
    const std::string closing = triple ? "}" + close : close;
    const std::size_t end = text.find(closing, body_start);
    if (end == std::string::npos) {
      diags.error(source, at(tag_start), "this tag is never closed with " + closing);
      return;
    }
    const std::string body = text.substr(body_start, end - body_start);
    pos = end + closing.size();
    if (triple) {
      check_name(trim(body), tag_start);
      continue;
    }
    const char kind = body.empty() ? '\0' : body[0];
    const std::string name = trim(kind && std::string("#^/>!&=").find(kind) != std::string::npos
                                      ? std::string_view(body).substr(1)
                                      : std::string_view(body));
    switch (kind) {
      case '!':
        break;
      case '=': {
        const auto spec =
            trim(std::string_view(body).substr(1, body.size() >= 2 ? body.size() - 2 : 0));
        const auto space = spec.find(' ');
        if (!body.ends_with('=') || space == std::string::npos) {
          diags.error(source, at(tag_start), "a delimiter change is written {{=<% %>=}}");
          return;
        }
        open = spec.substr(0, space);
        close = trim(std::string_view(spec).substr(space));
        break;
      }
      case '#':
      case '^':
        check_name(name, tag_start);
        sections.push_back({name, tag_start});
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
        }
        break;
      case '&':
        check_name(name, tag_start);
        break;
      default:
        if (name.empty()) diags.error(source, at(tag_start), "empty tag");
        else check_name(name, tag_start);
        break;
    }
  }
  for (const auto& section : sections) {
    diags.error(source, source.position_at(section.offset),
                "section {{#" + section.name + "}} is never closed: add {{/" + section.name + "}}");
  }
}

}  // namespace hyoka
