// libFuzzer: any bytes as Markdown with block plugins on the syntax tree, and its links.
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
  (void)hyoka::render_markdown(markdown, blocks);
  (void)hyoka::markdown_links(markdown);
  return 0;
}
