#include "content/front_matter.h"

namespace hyoka {

static bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "+++";
}

std::optional<FrontMatterSplit> split_front_matter(const SourceText& source, Diagnostics& diags) {
  if (source.text().empty()) {
    diags.error(source, {1, 1}, "empty file; a page starts with front matter between +++ lines");
    return std::nullopt;
  }
  if (!is_fence(source.line(1))) {
    diags.error(source, {1, 1},
                "a page must start with TOML front matter between +++ lines, such as\n"
                "    +++\n    title = \"…\"\n    +++");
    return std::nullopt;
  }
  for (int line = 2; line <= source.line_count(); ++line) {
    if (!is_fence(source.line(line))) continue;
    const auto toml_start = source.offset_of({2, 1});
    const auto toml_end = source.offset_of({line, 1});
    const auto body_start =
        line < source.line_count() ? source.offset_of({line + 1, 1}) : source.text().size();
    return FrontMatterSplit{source.text().substr(toml_start, toml_end - toml_start), 2,
                            source.text().substr(body_start), line + 1};
  }
  diags.error(source, {1, 1}, "front matter is not closed: add a line with +++ after it");
  return std::nullopt;
}

}  // namespace hyoka
