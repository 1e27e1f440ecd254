#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>

#include "base/escape.h"
#include "markdown/dangerous_url.h"

namespace hyoka {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};
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
  // cmark-gfm adds the extensions' special characters to a global table while it parses
  // inlines and removes them afterwards (github/cmark-gfm#176), so parses on several threads
  // would see each other's half-set table: one parse at a time.
  static std::mutex parsing;
  const std::lock_guard lock(parsing);
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

std::string why_left_out(cmark_node* node, const std::string& scheme) {
  const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
  std::string message = image ? "image left out: " : "link left out: ";
  if (scheme == "file:") {
    message += "a file: address opens files on the reader's own computer";
  } else if (scheme == "data:") {
    message += "a data: address other than a PNG, GIF, JPEG or WebP image can run script";
  } else {
    message += "a " + scheme + " address runs code in the reader's browser";
  }
  return message + (image ? " (its description is kept)" : " (its text is kept)");
}

// The node's children take its place.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

// cmark-gfm writes the back-links of footnotes with English words and has no option for
// others: they are put in after the footnotes' section opens (last on the page, and never
// written by the author's text, whose quotes and tags come out escaped).
void label_footnote_back_links(std::string& html, std::string_view label) {
  constexpr std::string_view kSection = "<section class=\"footnotes\" data-footnotes>";
  constexpr std::string_view kEnglish =
      " class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">";
  auto at = html.find(kSection);
  if (label.empty() || at == std::string::npos) return;
  std::string labelled = " class=\"footnote-backref\" data-footnote-backref aria-label=\"";
  append_escaped_markup(labelled, label);
  labelled += "\">";
  while ((at = html.find(kEnglish, at)) != std::string::npos) {
    html.replace(at, kEnglish.size(), labelled);
    at += labelled.size();
  }
}

}  // namespace

std::string render_markdown(std::string_view markdown, const BlockRenderer& blocks,
                            const MarkdownWarnings& warn, std::string_view footnote_back) {
  const auto parsed = parse(markdown);
  // Raw HTML from the author is dropped here, as cmark's safe mode would; that lets the
  // renderer run unsafe and keep the HTML that block plugins put in the tree. Links and images
  // to dangerous addresses go too, which safe mode would also have emptied.
  std::vector<cmark_node*> raw_html;
  std::vector<cmark_node*> dangerous;
  std::vector<std::pair<cmark_node*, std::string>> replaced;
  char fence_char = 0;
  // Only '<' starts raw HTML, only ``` or ~~~ a fenced block, and an address has a scheme only
  // with a ':' (written as it is, or as an entity starting with '&'): text without them (most
  // pages) has nothing to find in the tree.
  const bool may_have_html = markdown.find('<') != std::string_view::npos;
  const bool may_have_blocks = blocks && (markdown.find("```") != std::string_view::npos ||
                                          markdown.find("~~~") != std::string_view::npos);
  const bool may_have_schemes = markdown.find_first_of(":&") != std::string_view::npos;
  if (may_have_html || may_have_blocks || may_have_schemes) {
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(
        cmark_iter_new(parsed.document.get()), &cmark_iter_free);
    for (auto event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (event != CMARK_EVENT_ENTER) continue;
      const auto type = cmark_node_get_type(node);
      if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
        raw_html.push_back(node);
      } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        const char* url = cmark_node_get_url(node);
        if (const auto scheme = dangerous_scheme(url ? url : "")) {
          dangerous.push_back(node);
          if (warn) {
            warn({cmark_node_get_start_line(node), cmark_node_get_start_column(node),
                  why_left_out(node, *scheme)});
          }
        }
      } else if (int length = 0, offset = 0;
                 type == CMARK_NODE_CODE_BLOCK && blocks &&
                 cmark_node_get_fenced(node, &length, &offset, &fence_char)) {
        std::string info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
        info = info.substr(0, info.find_first_of(" \t"));
        if (info.empty()) continue;
        CodeBlock block{info, cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "",
                        cmark_node_get_start_line(node) + 1, cmark_node_get_start_column(node) - 1};
        if (auto html = blocks(block)) replaced.push_back({node, std::move(*html)});
      }
    }
  }
  for (auto* node : raw_html) {
    const bool block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
    cmark_node_set_literal(node,
                           block ? "<!-- raw HTML omitted -->\n" : "<!-- raw HTML omitted -->");
  }
  // In document order, so a link is unwrapped before an image inside it.
  for (auto* node : dangerous) unwrap(node);
  for (auto& [node, html] : replaced) {
    cmark_node* out = cmark_node_new(CMARK_NODE_HTML_BLOCK);
    cmark_node_set_literal(out, (html + "\n").c_str());
    cmark_node_replace(node, out);
    cmark_node_free(node);
  }
  char* html = cmark_render_html(parsed.document.get(), kOptions | CMARK_OPT_UNSAFE,
                                 cmark_parser_get_syntax_extensions(parsed.parser.get()));
  std::string out(html);
  free(html);
  label_footnote_back_links(out, footnote_back);
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
