// Markdown → HTML with cmark-gfm and GitHub's extensions (tables, strikethrough, autolinks,
// task lists, footnotes). Raw HTML in Markdown is left out, so a page cannot inject script.
#pragma once

#include <string>
#include <string_view>

namespace hyoka {

std::string render_markdown(std::string_view markdown);

}  // namespace hyoka
