// Markdown → HTML with cmark-gfm and GitHub's extensions (tables, strikethrough, autolinks,
// task lists, footnotes). Raw HTML in Markdown is left out, so a page cannot inject script.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

// A fenced code block as written, for block plugins: ```chart … ```.
struct CodeBlock {
  std::string info;   // the first word after the fence: the plugin's name
  std::string body;   // the lines between the fences
  int body_line = 0;  // the Markdown line of the body's first line (1-based)
  int indent = 0;     // bytes before the fence on its line (inside a list item, say)
};

// The HTML a block plugin makes of a code block, or nullopt to leave it an ordinary code block.
using BlockRenderer = std::function<std::optional<std::string>(const CodeBlock&)>;

// Something in the Markdown that the page leaves out, where it is written.
struct MarkdownWarning {
  int line = 0;         // 1-based, in the Markdown text
  int byte_column = 0;  // 1-based
  std::string message;
};
using MarkdownWarnings = std::function<void(const MarkdownWarning&)>;

// Markdown → HTML. Fenced code blocks go to `blocks` first, on the syntax tree. A link or
// image whose address could run code or read files in the reader's browser (javascript:,
// vbscript:, file:, data: other than a PNG, GIF, JPEG or WebP image; cmark-gfm's safe-mode rule)
// is left out, its text kept, and told to `warn`. `footnote_back` labels each footnote's link
// back to its reference (cmark-gfm's own is "Back to content"), as plain text.
std::string render_markdown(std::string_view markdown, const BlockRenderer& blocks = {},
                            const MarkdownWarnings& warn = {}, std::string_view footnote_back = {});

struct MarkdownLink {
  std::string destination;
  int line = 0;         // 1-based, in the Markdown text
  int byte_column = 0;  // 1-based
};

// Every link and image in the Markdown, where it is written, so a broken one can be reported
// at its line in the page's file.
std::vector<MarkdownLink> markdown_links(std::string_view markdown);

}  // namespace hyoka
