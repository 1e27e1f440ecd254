// Markdown → HTML with cmark-gfm and GitHub's extensions (tables, strikethrough, autolinks,
// task lists, footnotes). Raw HTML in Markdown is left out, so a page cannot inject script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

std::string render_markdown(std::string_view markdown);

struct MarkdownLink {
  std::string destination;
  int line = 0;         // 1-based, in the Markdown text
  int byte_column = 0;  // 1-based
};

// Every link and image in the Markdown, where it is written, so a broken one can be reported
// at its line in the page's file.
std::vector<MarkdownLink> markdown_links(std::string_view markdown);

}  // namespace hyoka
