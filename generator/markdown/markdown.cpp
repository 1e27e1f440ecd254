#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

namespace hyoka {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};
constexpr int kOptions =
    CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

struct Parsed {
  ParserPtr parser;  // owns the extensions the renderer needs
  NodePtr document;
};

Parsed parse(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  ParserPtr parser(cmark_parser_new(kOptions), &cmark_parser_free);
  for (const auto* name : kExtensions) {
    if (auto* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  NodePtr document(cmark_parser_finish(parser.get()), &cmark_node_free);
  return {std::move(parser), std::move(document)};
}

}  // namespace

std::string render_markdown(std::string_view markdown) {
  const auto parsed = parse(markdown);
  char* html = cmark_render_html(parsed.document.get(), kOptions,
                                 cmark_parser_get_syntax_extensions(parsed.parser.get()));
  std::string out(html);
  free(html);
  return out;
}

std::vector<MarkdownLink> markdown_links(std::string_view markdown) {
  const auto parsed = parse(markdown);
  std::vector<MarkdownLink> links;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(
      cmark_iter_new(parsed.document.get()), &cmark_iter_free);
  for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
       event = cmark_iter_next(iter.get())) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const auto type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) {
      continue;
    }
    const char* url = cmark_node_get_url(node);
    links.push_back(
        {url ? url : "", cmark_node_get_start_line(node), cmark_node_get_start_column(node)});
  }
  return links;
}

}  // namespace hyoka
