// libFuzzer: any bytes as Markdown with block plugins on the syntax tree, and its links; no
// javascript: link survives.
#include <cctype>
#include <cstdint>
#include <string>

#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string markdown(reinterpret_cast<const char*>(data), size);
  const hyoka::BlockRenderer blocks =
      [](const hyoka::CodeBlock& block) -> std::optional<std::string> {
    if (block.info == "chart") return "<figure>" + std::to_string(block.body.size()) + "</figure>";
    return std::nullopt;
  };
  std::size_t warnings = 0;
  const auto html =
      hyoka::render_markdown(markdown, blocks, [&](const hyoka::MarkdownWarning&) { ++warnings; });
  // No link that runs code may reach the page, however it was written (a quote in text is
  // always &quot;, so only an attribute can hold one).
  std::string lower = html;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string attribute : {" href=\"", " src=\""}) {
    for (const char* scheme : {"javascript:", "vbscript:", "file:", "data:text"}) {
      if (lower.find(attribute + scheme) != std::string::npos) __builtin_trap();
    }
  }
  (void)hyoka::markdown_links(markdown);
  return 0;
}
